// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/overlimitmodel.h"

#include <QLocale>
#include <algorithm>

namespace tb {

OverLimitModel::OverLimitModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void OverLimitModel::setExamples(std::vector<DatasetReport::LongExample> examples, qint64 limit)
{
    // The worst first: those lose the most text to truncation.
    std::stable_sort(examples.begin(), examples.end(),
        [](const DatasetReport::LongExample& a, const DatasetReport::LongExample& b) {
            return a.tokens > b.tokens;
        });
    beginResetModel();
    m_examples = std::move(examples);
    m_limit = limit;
    endResetModel();
}

void OverLimitModel::clear()
{
    setExamples({}, 0);
}

qint64 OverLimitModel::lineAt(int row) const
{
    return row >= 0 && std::size_t(row) < m_examples.size() ? m_examples[std::size_t(row)].line : -1;
}

int OverLimitModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_examples.size());
}

int OverLimitModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OverLimitModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DatasetReport::LongExample& example = m_examples[std::size_t(index.row())];
    if (role == LineRole)
        return example.line;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole)
        return tr("Line %1 is truncated to %2 tokens in training; activate to show it.")
            .arg(QLocale().toString(example.line), QLocale().toString(m_limit));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case LineColumn:
        return QLocale().toString(example.line);
    case TokensColumn:
        return QLocale().toString(example.tokens);
    case OverColumn:
        return QString(QStringLiteral("+") + QLocale().toString(example.tokens - m_limit));
    }
    return {};
}

QVariant OverLimitModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LineColumn:
        return tr("Line");
    case TokensColumn:
        return tr("Tokens");
    case OverColumn:
        return tr("Over by");
    }
    return {};
}

} // namespace tb
