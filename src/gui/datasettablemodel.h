// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Lazy table over a JsonlIndex, one row per line: a row is parsed only when a view asks
// for it (small LRU cache); rows are appended in batches while the index is built.

#include <QAbstractTableModel>
#include <QCache>
#include <QJsonObject>
#include <QSet>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace tb {

class JsonlIndex;
struct DatasetFinding;

class DatasetTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        LineColumn,
        FormatColumn,
        RolesColumn,
        MessagesColumn,
        TokensColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role {
        LineNumberRole = Qt::UserRole + 1, // qint64, 0-based line of the row
        FormatRole, // int, a DatasetTableModel::Format
    };
    enum class Format { Pending, Empty, InvalidJson, NotAnObject, Chat, Legacy, Dpo, Unknown };
    Q_ENUM(Format)

    // What the validators say about one line; the Status column shows it.
    struct RowStatus
    {
        int errors = 0;
        int warnings = 0;
        QString summary; // e.g. the first finding's message, shown as tooltip
    };
    // Token count of one parsed example (the whole JSON object of the line), or nullopt
    // when it has none. Called for rows being shown, on the GUI thread or, for long
    // lines, on the thread pool: it must be thread-safe.
    using TokenCounter = std::function<std::optional<qint64>(const QJsonObject& example)>;
    // Status of a 0-based line, or nullopt when the validators have said nothing yet.
    using StatusProvider = std::function<std::optional<RowStatus>(qint64 line)>;

    // Lines longer than this are parsed on the thread pool, not in data().
    static constexpr qint64 kSyncParseLimit = 256 * 1024;
    static constexpr int kCacheRows = 2048;

    explicit DatasetTableModel(QObject* parent = nullptr);
    ~DatasetTableModel() override;

    // Shows `index` (may still be building; may be null to show nothing).
    void setIndex(std::shared_ptr<const JsonlIndex> index);
    std::shared_ptr<const JsonlIndex> jsonlIndex() const { return m_index; }
    // Appends, in one batch, the rows the index made available since the last call.
    // Call it on the build's progress and when it finishes.
    void syncRowCount();

    void setTokenCounter(TokenCounter counter);
    void setStatusProvider(StatusProvider provider);
    // A status provider over validator findings (DatasetReport::findings): counts errors
    // and warnings per line, the first finding's message as tooltip. Findings about the
    // whole file (line 0) are not shown per row.
    void setFindings(const std::vector<DatasetFinding>& findings);
    // The provider's answers changed: repaints the Status column (one dataChanged).
    void refreshStatuses();

    // Shows only the given lines (ascending), e.g. search results; more can be appended.
    void setLineFilter(std::vector<qint64> lines);
    void appendFilteredLines(const std::vector<qint64>& lines);
    void clearLineFilter();
    bool isFiltered() const { return m_filtered; }

    // The 0-based line shown in `row`, or -1; the row showing `line`, or -1 when the
    // line is filtered out or not indexed yet. Both O(1) unfiltered; row lookup is
    // O(log n) filtered.
    qint64 lineForRow(int row) const;
    int rowForLine(qint64 line) const;

    static QString formatName(Format format);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Summary
    {
        Format format = Format::Pending;
        QString roles;
        int messages = -1;
        QString error; // JSON parse error text, with its column
        std::optional<qint64> tokens;
    };

    static Summary summarize(QByteArrayView bytes, const TokenCounter& counter);
    Summary* summary(qint64 line) const;
    void parseInBackground(qint64 line) const;
    void emitRowChanged(qint64 line, int firstColumn, int lastColumn);

    std::shared_ptr<const JsonlIndex> m_index;
    int m_rows = 0; // rows shown when unfiltered
    bool m_filtered = false;
    std::vector<qint64> m_filteredLines;
    TokenCounter m_tokenCounter;
    StatusProvider m_statusProvider;
    mutable QCache<qint64, Summary> m_cache;
    mutable QSet<qint64> m_pending; // lines being parsed on the pool
};

} // namespace tb
