// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/datasettablemodel.h"

#include "core/datasetfinding.h"
#include "core/datasetreport.h"
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
#include <numeric>

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
    m_lineTokens.reset();
    m_order.reset();
    m_rank.reset();
    ++m_sortGeneration;
    // The sort asked for stays and is applied again once the new file allows it.
    m_sortPending = m_sortColumn != LineColumn || m_sortOrder != Qt::AscendingOrder;
    m_sortStarted = false;
    m_edits.clear();
    m_editStatus.clear();
    m_editRules.clear();
    endResetModel();
    syncRowCount();
}

void DatasetTableModel::syncRowCount()
{
    if (!m_index)
        return;
    const int available = int(std::min<qint64>(m_index->availableLines(), INT_MAX));
    if (available > m_rows && m_filtered) {
        m_rows = available; // shown once the filter is cleared
    } else if (available > m_rows) {
        beginInsertRows({}, m_rows, available - 1);
        m_rows = available;
        endInsertRows();
    }
    if (m_sortPending && !m_sortStarted && m_index->isComplete())
        startSort(); // a sort asked for while the file was being indexed
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

void DatasetTableModel::RowStatus::add(const DatasetFinding& finding)
{
    if (finding.severity == DatasetFinding::Severity::Info)
        return;
    if (summary.isEmpty())
        summary = finding.rule + QStringLiteral(": ") + finding.message;
    if (finding.severity == DatasetFinding::Severity::Error)
        ++errors;
    else
        ++warnings;
}

void DatasetTableModel::setFindings(const std::vector<DatasetFinding>& findings)
{
    auto byLine = std::make_shared<QHash<qint64, RowStatus>>();
    for (const DatasetFinding& finding : findings) {
        if (finding.line <= 0 || finding.severity == DatasetFinding::Severity::Info)
            continue;
        (*byLine)[finding.line - 1].add(finding);
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
    if (m_filtered)
        return m_filteredLines[std::size_t(row)];
    return m_order && std::size_t(row) < m_order->size() ? qint64((*m_order)[std::size_t(row)]) : qint64(row);
}

qint64 DatasetTableModel::displayKey(qint64 line) const
{
    return m_rank && line >= 0 && std::size_t(line) < m_rank->size() ? qint64((*m_rank)[std::size_t(line)])
                                                                     : line;
}

int DatasetTableModel::rowForLine(qint64 line) const
{
    if (!m_filtered)
        return line >= 0 && line < m_rows ? int(displayKey(line)) : -1;
    const qint64 key = displayKey(line);
    const auto it = std::lower_bound(m_filteredLines.begin(), m_filteredLines.end(), key,
        [this](qint64 a, qint64 k) { return displayKey(a) < k; });
    return it != m_filteredLines.end() && *it == line ? int(it - m_filteredLines.begin()) : -1;
}

void DatasetTableModel::setLineTokens(std::shared_ptr<const std::vector<quint32>> tokens)
{
    m_lineTokens = std::move(tokens);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, TokensColumn), index(rowCount() - 1, TokensColumn));
    if (m_sortPending && !m_sortStarted)
        startSort();
}

void DatasetTableModel::sort(int column, Qt::SortOrder order)
{
    if (column != LineColumn && column != TokensColumn)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    m_sortPending = true;
    m_sortStarted = false;
    startSort();
}

void DatasetTableModel::startSort()
{
    const quint64 generation = ++m_sortGeneration;
    if (!m_index || !m_index->isComplete() || (m_sortColumn == TokensColumn && !m_lineTokens))
        return; // again from syncRowCount() or setLineTokens()
    m_sortStarted = true;
    auto* watcher = new QFutureWatcher<Ordering>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_sortGeneration)
            applyOrdering(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(computeOrdering, m_lineTokens, m_index->lineCount(), m_sortColumn,
        m_sortOrder, m_filtered ? m_filteredLines : std::vector<qint64>()));
}

DatasetTableModel::Ordering DatasetTableModel::computeOrdering(
    std::shared_ptr<const std::vector<quint32>> tokens, qint64 lines, int column, Qt::SortOrder order,
    std::vector<qint64> filtered)
{
    Ordering result;
    result.filteredSeen = filtered.size();
    const auto count = std::size_t(std::min<qint64>(lines, INT_MAX));
    if (column == LineColumn && order == Qt::AscendingOrder) {
        std::sort(filtered.begin(), filtered.end());
        result.filtered = std::move(filtered);
        return result;
    }
    std::vector<qint32> rows(count);
    std::iota(rows.begin(), rows.end(), 0);
    if (column == TokensColumn) {
        // Lines without a count (invalid, blank) sort as -1; stable: ties stay in file order.
        const auto key = [&tokens](qint32 line) -> qint64 {
            const quint32 t = std::size_t(line) < tokens->size() ? (*tokens)[std::size_t(line)]
                                                                 : DatasetReport::kNotCounted;
            return t == DatasetReport::kNotCounted ? -1 : qint64(t);
        };
        if (order == Qt::AscendingOrder)
            std::stable_sort(rows.begin(), rows.end(), [&](qint32 a, qint32 b) { return key(a) < key(b); });
        else
            std::stable_sort(rows.begin(), rows.end(), [&](qint32 a, qint32 b) { return key(a) > key(b); });
    } else {
        std::reverse(rows.begin(), rows.end());
    }
    auto rank = std::make_shared<std::vector<qint32>>(count);
    for (std::size_t i = 0; i < count; ++i)
        (*rank)[std::size_t(rows[i])] = qint32(i);
    const auto rankOf = [&rank](qint64 line) {
        return std::size_t(line) < rank->size() ? (*rank)[std::size_t(line)] : INT_MAX;
    };
    std::sort(filtered.begin(), filtered.end(), [&](qint64 a, qint64 b) { return rankOf(a) < rankOf(b); });
    result.order = std::make_shared<const std::vector<qint32>>(std::move(rows));
    result.rank = std::move(rank);
    result.filtered = std::move(filtered);
    return result;
}

void DatasetTableModel::applyOrdering(Ordering ordering)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<qint64> lines;
    lines.reserve(std::size_t(before.size()));
    for (const QModelIndex& index : before)
        lines.push_back(lineForRow(index.row()));
    m_order = std::move(ordering.order);
    m_rank = std::move(ordering.rank);
    if (m_filtered && ordering.filteredSeen >= m_filteredLines.size()) {
        m_filteredLines = std::move(ordering.filtered);
    } else if (m_filtered) {
        // Lines appended since the sort started are merged in.
        std::vector<qint64> extra(
            m_filteredLines.begin() + qsizetype(ordering.filteredSeen), m_filteredLines.end());
        const auto byKey = [this](qint64 a, qint64 b) { return displayKey(a) < displayKey(b); };
        std::sort(extra.begin(), extra.end(), byKey);
        m_filteredLines.clear();
        std::merge(ordering.filtered.begin(), ordering.filtered.end(), extra.begin(), extra.end(),
            std::back_inserter(m_filteredLines), byKey);
    }
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        const int row = rowForLine(lines[std::size_t(i)]);
        after.append(row >= 0 ? index(row, before[i].column()) : QModelIndex());
    }
    changePersistentIndexList(before, after);
    m_sortPending = false;
    m_sortStarted = false;
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    Q_EMIT sortFinished();
}

QByteArrayView DatasetTableModel::lineBytes(qint64 line) const
{
    return m_index ? m_edits.lineView(*m_index, line) : QByteArrayView();
}

void DatasetTableModel::setLineEdit(
    qint64 line, const QByteArray& bytes, std::optional<RowStatus> status, const QStringList& rules)
{
    m_edits.setLine(line, bytes);
    m_editRules.insert(line, rules);
    if (status)
        m_editStatus.insert(line, *status);
    else
        m_editStatus.remove(line);
    m_cache.remove(line);
    m_pending.remove(line);
    emitRowChanged(line, LineColumn, StatusColumn);
    Q_EMIT editsChanged();
}

void DatasetTableModel::revertLineEdit(qint64 line)
{
    m_edits.revertLine(line);
    m_editStatus.remove(line);
    m_editRules.remove(line);
    m_cache.remove(line);
    m_pending.remove(line);
    emitRowChanged(line, LineColumn, StatusColumn);
    Q_EMIT editsChanged();
}

void DatasetTableModel::clearEdits()
{
    if (m_edits.isEmpty())
        return;
    std::vector<qint64> lines;
    for (const auto& edit : m_edits.lines())
        lines.push_back(edit.first);
    m_edits.clear();
    m_editStatus.clear();
    m_editRules.clear();
    for (const qint64 line : lines) {
        m_cache.remove(line);
        m_pending.remove(line);
        emitRowChanged(line, LineColumn, StatusColumn);
    }
    Q_EMIT editsChanged();
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
    const QByteArrayView bytes = lineBytes(line);
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
    // An edited line is parsed from a shared copy of its new bytes.
    const std::optional<QByteArray> edited = m_edits.editedLine(line);
    watcher->setFuture(QtConcurrent::run([index, line, edited, counter = m_tokenCounter] {
        return summarize(edited ? QByteArrayView(*edited) : index->lineView(line), counter);
    }));
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
    const bool edited = m_edits.contains(line);
    if (role == EditedRole)
        return edited;
    if (role == Qt::BackgroundRole)
        return edited ? QVariant(QBrush(QColor(0xfc, 0xf1, 0xd2))) : QVariant();
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
        if (role == Qt::ToolTipRole && edited)
            return tr("Edited, not saved yet");
        return role == Qt::DisplayRole ? QVariant(line + 1) : QVariant();
    }
    if (role == Qt::DisplayRole && index.column() == TokensColumn && !edited && m_lineTokens
        && std::size_t(line) < m_lineTokens->size()) {
        // The background pass's count: the same number the sort uses.
        const quint32 tokens = (*m_lineTokens)[std::size_t(line)];
        return tokens == DatasetReport::kNotCounted ? QVariant() : QVariant(qint64(tokens));
    }
    if (role == Qt::DisplayRole && index.column() == StatusColumn && !m_statusProvider
        && !m_editStatus.contains(line))
        return QStringLiteral("—");
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::ForegroundRole
        && role != FormatRole)
        return {};

    const Summary* row = summary(line);
    const Format format = row ? row->format : Format::Pending;
    if (role == FormatRole)
        return int(format);
    std::optional<RowStatus> status;
    if (index.column() == StatusColumn && edited && m_editStatus.contains(line))
        status = m_editStatus.value(line);
    else if (index.column() == StatusColumn && m_statusProvider)
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
