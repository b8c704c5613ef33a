// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/datasettablemodel.h"

#include "core/datasetfinding.h"
#include "core/jsonlindex.h"

#include <QBrush>
#include <QColor>
#include <QFutureWatcher>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringList>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <climits>

namespace tb {

namespace {

QString rolesOf(const QJsonArray& messages)
{
    QStringList roles;
    for (const QJsonValue& message : messages) {
        const QString role = message.toObject().value(QLatin1String("role")).toString();
        if (!role.isEmpty() && !roles.contains(role))
            roles.append(role);
    }
    return roles.join(QStringLiteral(", "));
}

} // namespace

DatasetTableModel::DatasetTableModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_cache(kCacheRows)
{ }

DatasetTableModel::~DatasetTableModel() = default;

void DatasetTableModel::setIndex(std::shared_ptr<const JsonlIndex> index)
{
    beginResetModel();
    m_index = std::move(index);
    m_rows = 0;
    m_filtered = false;
    m_filteredLines.clear();
    m_cache.clear();
    m_pending.clear();
    endResetModel();
    syncRowCount();
}

void DatasetTableModel::syncRowCount()
{
    if (!m_index)
        return;
    const int available = int(std::min<qint64>(m_index->availableLines(), INT_MAX));
    if (available <= m_rows)
        return;
    if (m_filtered) {
        m_rows = available; // shown once the filter is cleared
        return;
    }
    beginInsertRows({}, m_rows, available - 1);
    m_rows = available;
    endInsertRows();
}

void DatasetTableModel::setTokenCounter(TokenCounter counter)
{
    m_tokenCounter = std::move(counter);
    m_cache.clear();
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void DatasetTableModel::setStatusProvider(StatusProvider provider)
{
    m_statusProvider = std::move(provider);
    refreshStatuses();
}

void DatasetTableModel::setFindings(const std::vector<DatasetFinding>& findings)
{
    auto byLine = std::make_shared<QHash<qint64, RowStatus>>();
    for (const DatasetFinding& finding : findings) {
        if (finding.line <= 0 || finding.severity == DatasetFinding::Severity::Info)
            continue;
        RowStatus& status = (*byLine)[finding.line - 1];
        if (status.summary.isEmpty())
            status.summary = finding.rule + QStringLiteral(": ") + finding.message;
        if (finding.severity == DatasetFinding::Severity::Error)
            ++status.errors;
        else
            ++status.warnings;
    }
    setStatusProvider([byLine](qint64 line) -> std::optional<RowStatus> {
        const auto it = byLine->constFind(line);
        return it == byLine->cend() ? RowStatus {} : *it;
    });
}

void DatasetTableModel::refreshStatuses()
{
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, StatusColumn), index(rowCount() - 1, StatusColumn));
}

void DatasetTableModel::setLineFilter(std::vector<qint64> lines)
{
    beginResetModel();
    m_filtered = true;
    m_filteredLines = std::move(lines);
    endResetModel();
}

void DatasetTableModel::appendFilteredLines(const std::vector<qint64>& lines)
{
    if (!m_filtered || lines.empty())
        return;
    const qsizetype room = qsizetype(INT_MAX) - qsizetype(m_filteredLines.size());
    const qsizetype count = std::min<qsizetype>(qsizetype(lines.size()), room);
    if (count <= 0)
        return;
    const int first = int(m_filteredLines.size());
    beginInsertRows({}, first, first + int(count) - 1);
    m_filteredLines.insert(m_filteredLines.end(), lines.begin(), lines.begin() + count);
    endInsertRows();
}

void DatasetTableModel::clearLineFilter()
{
    if (!m_filtered)
        return;
    beginResetModel();
    m_filtered = false;
    m_filteredLines.clear();
    m_filteredLines.shrink_to_fit();
    endResetModel();
}

qint64 DatasetTableModel::lineForRow(int row) const
{
    if (row < 0 || row >= rowCount())
        return -1;
    return m_filtered ? m_filteredLines[std::size_t(row)] : qint64(row);
}

int DatasetTableModel::rowForLine(qint64 line) const
{
    if (!m_filtered)
        return line >= 0 && line < m_rows ? int(line) : -1;
    const auto it = std::lower_bound(m_filteredLines.begin(), m_filteredLines.end(), line);
    return it != m_filteredLines.end() && *it == line ? int(it - m_filteredLines.begin()) : -1;
}

QString DatasetTableModel::formatName(Format format)
{
    switch (format) {
    case Format::Pending:
        return tr("…");
    case Format::Empty:
        return tr("empty line");
    case Format::InvalidJson:
        return tr("invalid JSON");
    case Format::NotAnObject:
        return tr("not an object");
    case Format::Chat:
        return tr("chat");
    case Format::Legacy:
        return tr("prompt/completion");
    case Format::Dpo:
        return tr("DPO");
    case Format::Unknown:
        return tr("unknown");
    }
    return {};
}

DatasetTableModel::Summary DatasetTableModel::summarize(QByteArrayView bytes, const TokenCounter& counter)
{
    Summary summary;
    if (bytes.trimmed().isEmpty()) {
        summary.format = Format::Empty;
        return summary;
    }
    QJsonParseError error;
    const QJsonDocument document
        = QJsonDocument::fromJson(QByteArray::fromRawData(bytes.data(), bytes.size()), &error);
    if (error.error != QJsonParseError::NoError) {
        summary.format = Format::InvalidJson;
        summary.error = tr("%1 at column %2").arg(error.errorString()).arg(error.offset + 1);
        return summary;
    }
    if (!document.isObject()) {
        summary.format = Format::NotAnObject;
        return summary;
    }
    const QJsonObject example = document.object();
    const QJsonValue input = example.value(QLatin1String("input"));
    if (input.isObject() && example.contains(QLatin1String("preferred_output"))) {
        summary.format = Format::Dpo;
        const QJsonArray messages = input.toObject().value(QLatin1String("messages")).toArray();
        summary.roles = rolesOf(messages);
        summary.messages = int(messages.size());
    } else if (example.value(QLatin1String("messages")).isArray()) {
        summary.format = Format::Chat;
        const QJsonArray messages = example.value(QLatin1String("messages")).toArray();
        summary.roles = rolesOf(messages);
        summary.messages = int(messages.size());
    } else if (example.contains(QLatin1String("prompt")) || example.contains(QLatin1String("completion"))) {
        summary.format = Format::Legacy;
    } else {
        summary.format = Format::Unknown;
    }
    if (counter)
        summary.tokens = counter(example);
    return summary;
}

DatasetTableModel::Summary* DatasetTableModel::summary(qint64 line) const
{
    if (Summary* cached = m_cache.object(line))
        return cached;
    const QByteArrayView bytes = m_index->lineView(line);
    if (bytes.size() > kSyncParseLimit) {
        parseInBackground(line);
        return nullptr;
    }
    auto* parsed = new Summary(summarize(bytes, m_tokenCounter));
    m_cache.insert(line, parsed);
    return parsed;
}

void DatasetTableModel::parseInBackground(qint64 line) const
{
    if (m_pending.contains(line))
        return;
    m_pending.insert(line);
    auto* self = const_cast<DatasetTableModel*>(this); // the cache is a mutable memo
    std::shared_ptr<const JsonlIndex> index = m_index;
    // A watcher owned by the model rather than QFuture::then(context): Qt 6.4 asserts
    // when a continuation's context dies before the task ends.
    auto* watcher = new QFutureWatcher<Summary>(self);
    connect(watcher, &QFutureWatcherBase::finished, self, [self, watcher, index, line] {
        watcher->deleteLater();
        if (index != self->m_index || !self->m_pending.remove(line))
            return; // another file, or a reset, since
        self->m_cache.insert(line, new Summary(watcher->result()));
        self->emitRowChanged(line, FormatColumn, StatusColumn);
    });
    watcher->setFuture(QtConcurrent::run(
        [index, line, counter = m_tokenCounter] { return summarize(index->lineView(line), counter); }));
}

void DatasetTableModel::emitRowChanged(qint64 line, int firstColumn, int lastColumn)
{
    const int row = rowForLine(line);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, firstColumn), index(row, lastColumn));
}

int DatasetTableModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid())
        return 0;
    return m_filtered ? int(m_filteredLines.size()) : m_rows;
}

int DatasetTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DatasetTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_index)
        return {};
    const qint64 line = lineForRow(index.row());
    if (role == LineNumberRole)
        return line;
    if (role == FormatRole) {
        const Summary* row = summary(line);
        return int(row ? row->format : Format::Pending);
    }
    if (role == Qt::TextAlignmentRole) {
        const bool numeric = index.column() == LineColumn || index.column() == MessagesColumn
            || index.column() == TokensColumn;
        return QVariant::fromValue(
            Qt::Alignment(numeric ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter));
    }
    if (index.column() == LineColumn) {
        return role == Qt::DisplayRole ? QVariant(line + 1) : QVariant();
    }
    if (role == Qt::DisplayRole && index.column() == StatusColumn && !m_statusProvider)
        return QStringLiteral("—");
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::ForegroundRole
        && role != FormatRole)
        return {};

    const Summary* row = summary(line);
    const Format format = row ? row->format : Format::Pending;
    if (role == FormatRole)
        return int(format);
    std::optional<RowStatus> status;
    if (index.column() == StatusColumn && m_statusProvider)
        status = m_statusProvider(line);
    if (role == Qt::ForegroundRole) {
        const bool bad = format == Format::InvalidJson || format == Format::NotAnObject
            || (status && status->errors > 0);
        return bad ? QVariant(QBrush(QColor(0xc0, 0x1c, 0x28))) : QVariant();
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == StatusColumn && status)
            return status->summary;
        return row && !row->error.isEmpty() ? QVariant(row->error) : QVariant();
    }
    switch (index.column()) {
    case FormatColumn:
        return formatName(format);
    case RolesColumn:
        return row ? row->roles : QString();
    case MessagesColumn:
        return row && row->messages >= 0 ? QVariant(row->messages) : QVariant();
    case TokensColumn:
        return row && row->tokens ? QVariant(*row->tokens) : QVariant();
    case StatusColumn:
        if (!status)
            return QStringLiteral("—");
        if (status->errors == 0 && status->warnings == 0)
            return tr("OK");
        if (status->errors == 0)
            return tr("%n warning(s)", nullptr, status->warnings);
        if (status->warnings == 0)
            return tr("%n error(s)", nullptr, status->errors);
        return QString(tr("%n error(s)", nullptr, status->errors) + QStringLiteral(", ")
            + tr("%n warning(s)", nullptr, status->warnings));
    default:
        return {};
    }
}

QVariant DatasetTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LineColumn:
        return tr("Line");
    case FormatColumn:
        return tr("Format");
    case RolesColumn:
        return tr("Roles");
    case MessagesColumn:
        return tr("Messages");
    case TokensColumn:
        return tr("Tokens");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace tb
