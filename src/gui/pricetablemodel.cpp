// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/pricetablemodel.h"

#include "core/pricetable.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>
#include <cmath>

namespace tb {

namespace {

std::optional<double> parsePrice(const QVariant& value)
{
    if (value.typeId() == QMetaType::Double || value.typeId() == QMetaType::Int)
        return value.toDouble();
    QString text = value.toString().trimmed();
    if (text.startsWith(QLatin1Char('$')))
        text = text.mid(1).trimmed();
    bool ok = false;
    double number = QLocale().toDouble(text, &ok);
    if (!ok)
        number = QLocale::c().toDouble(text, &ok);
    return ok ? std::optional<double>(number) : std::nullopt;
}

} // namespace

PriceTableModel::PriceTableModel(PriceTable* table, QObject* parent)
    : QAbstractTableModel(parent)
    , m_table(table)
    , m_today([] { return QDate::currentDate(); })
{
    connect(m_table, &PriceTable::changed, this, &PriceTableModel::onTableChanged);
}

int PriceTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_table->prices().size());
}

int PriceTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PriceTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TrainingPrice& price = m_table->prices()[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case ModelColumn:
            return price.model;
        case PriceColumn:
            return role == Qt::EditRole ? QLocale().toString(price.perMillionTokens, 'g', 12)
                                        : QLocale().toString(price.perMillionTokens, 'f', 2);
        case AsOfColumn:
            return role == Qt::EditRole ? QVariant(price.asOf) : QVariant(price.asOf.toString(Qt::ISODate));
        case SourceColumn:
            return price.source;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == PriceColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::FontRole:
        if (!m_table->isDefault(index.row())) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        break;
    case Qt::ToolTipRole:
        return m_table->isDefault(index.row())
            ? tr("Bundled figure as of %1; check the provider's pricing page.")
                  .arg(price.asOf.toString(Qt::ISODate))
            : tr("Your own figure (as of %1).").arg(price.asOf.toString(Qt::ISODate));
    }
    return {};
}

QVariant PriceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ModelColumn:
        return tr("Model");
    case PriceColumn:
        return tr("%1 per 1M training tokens").arg(m_table->currency());
    case AsOfColumn:
        return tr("As of");
    case SourceColumn:
        return tr("Source");
    }
    return {};
}

Qt::ItemFlags PriceTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return QAbstractTableModel::flags(index) | Qt::ItemIsEditable;
}

bool PriceTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    TrainingPrice price = m_table->prices()[std::size_t(index.row())];
    switch (index.column()) {
    case ModelColumn:
        price.model = value.toString().trimmed();
        break;
    case PriceColumn: {
        const std::optional<double> number = parsePrice(value);
        if (!number) {
            m_lastError = tr("\"%1\" is not a price; enter a number such as 3.50.").arg(value.toString());
            Q_EMIT editRejected(m_lastError);
            return false;
        }
        if (*number == price.perMillionTokens)
            return true;
        // A changed figure is the user's own, read today.
        price.perMillionTokens = *number;
        price.asOf = m_today();
        price.source = tr("edited by you");
        break;
    }
    case AsOfColumn:
        price.asOf = value.typeId() == QMetaType::QDate ? value.toDate()
                                                        : QDate::fromString(value.toString(), Qt::ISODate);
        break;
    case SourceColumn:
        price.source = value.toString();
        break;
    }
    return apply(index.row(), price);
}

bool PriceTableModel::apply(int row, const TrainingPrice& price)
{
    m_applying = true;
    const Status status = m_table->setPriceAt(row, price);
    m_applying = false;
    if (!status) {
        m_lastError = status.error().message;
        Q_EMIT editRejected(m_lastError);
        return false;
    }
    m_lastError.clear();
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return true;
}

int PriceTableModel::addModel()
{
    QString name = QStringLiteral("new-model");
    for (int n = 2; m_table->rowOf(name) >= 0; ++n)
        name = QStringLiteral("new-model-%1").arg(n);
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_applying = true;
    [[maybe_unused]] const Status status = m_table->setPriceAt(row, { name, 0.0, m_today(), tr("added by you") });
    m_applying = false;
    endInsertRows();
    Q_ASSERT(status.ok());
    return row;
}

void PriceTableModel::removeModel(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    beginRemoveRows({}, row, row);
    m_applying = true;
    m_table->removeAt(row);
    m_applying = false;
    endRemoveRows();
}

void PriceTableModel::resetToDefaults()
{
    beginResetModel();
    m_applying = true;
    m_table->resetToDefaults();
    m_applying = false;
    endResetModel();
}

void PriceTableModel::onTableChanged()
{
    if (m_applying)
        return;
    // Someone else changed the table (another editor on the same table): start over.
    beginResetModel();
    endResetModel();
}

} // namespace tb
