// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Lazy table over a JsonlIndex, one row per line: a row is parsed only when a view asks
// for it (small LRU cache); rows are appended in batches while the index is built.
// Rows can be sorted by token count (a permutation computed on the thread pool) and
// show unsaved edits from a JsonlEditOverlay.

#include "core/jsonleditoverlay.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QStringList>
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
        EditedRole, // bool, the line has an unsaved edit
    };
    enum class Format { Pending, Empty, InvalidJson, NotAnObject, Chat, Legacy, Dpo, Unknown };
    Q_ENUM(Format)

    // What the validators say about one line; the Status column shows it.
    struct RowStatus
    {
        int errors = 0;
        int warnings = 0;
        QString summary; // e.g. the first finding's message, shown as tooltip

        // Counts an error or a warning (Info findings say nothing about the row).
        void add(const DatasetFinding& finding);
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

    // Token counts of every line from a background pass (DatasetReport::lineTokens;
    // DatasetReport::kNotCounted for lines without one). The Tokens column shows them for
    // lines without edits, and sorting by tokens uses them.
    void setLineTokens(std::shared_ptr<const std::vector<quint32>> tokens);
    bool hasLineTokens() const { return m_lineTokens != nullptr; }

    // Sorts by TokensColumn (lines without a count first when ascending, ties in file
    // order) or LineColumn; other columns are ignored. The permutation is computed on the
    // thread pool and swapped in with one layoutChanged (sortFinished() then); a request
    // before setLineTokens() waits for the tokens. LineColumn ascending is file order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    bool isSorted() const { return m_order != nullptr; }
    bool isSorting() const { return m_sortPending; }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    // The lines in display order while sorted (null in file order), for a filter pass to
    // walk in the same order: its matches can then be appended as they come.
    std::shared_ptr<const std::vector<qint32>> sortedLines() const { return m_order; }

    // Shows only the given lines, e.g. search results; more can be appended. The lines
    // are in display order: ascending, or in sortedLines() order while sorted.
    void setLineFilter(std::vector<qint64> lines);
    void appendFilteredLines(const std::vector<qint64>& lines);
    void clearLineFilter();
    bool isFiltered() const { return m_filtered; }

    // The 0-based line shown in `row`, or -1; the row showing `line`, or -1 when the
    // line is filtered out or not indexed yet. Both O(1) unfiltered; row lookup is
    // O(log n) filtered.
    qint64 lineForRow(int row) const;
    int rowForLine(qint64 line) const;

    // Unsaved edits: the line shows `bytes` (one line of JSON) instead of the file's,
    // with `status` in the Status column when given; `rules` are its findings' rule ids.
    void setLineEdit(qint64 line, const QByteArray& bytes, std::optional<RowStatus> status = {},
        const QStringList& rules = {});
    void revertLineEdit(qint64 line);
    void clearEdits();
    const JsonlEditOverlay& edits() const { return m_edits; }
    bool isEdited(qint64 line) const { return m_edits.contains(line); }
    // The status given with the line's edit, if any.
    std::optional<RowStatus> editStatus(qint64 line) const
    {
        const auto it = m_editStatus.constFind(line);
        return it == m_editStatus.cend() ? std::nullopt : std::optional<RowStatus>(*it);
    }
    QStringList editRules(qint64 line) const { return m_editRules.value(line); }
    // The content shown for `line`: its edit, or the file's bytes.
    QByteArrayView lineBytes(qint64 line) const;

    static QString formatName(Format format);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // Rows were reordered by a sort (or back to file order).
    void sortFinished();
    // An edit was set, reverted or cleared.
    void editsChanged();

private:
    struct Ordering
    {
        std::shared_ptr<const std::vector<qint32>> order; // row -> line
        std::shared_ptr<const std::vector<qint32>> rank; // line -> row
        std::vector<qint64> filtered; // the filter's lines then, in the new order
        std::size_t filteredSeen = 0; // how many filter lines it saw
    };
    static Ordering computeOrdering(std::shared_ptr<const std::vector<quint32>> tokens, qint64 lines,
        int column, Qt::SortOrder order, std::vector<qint64> filtered);
    void startSort();
    void applyOrdering(Ordering ordering);
    qint64 displayKey(qint64 line) const;

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

    std::shared_ptr<const std::vector<quint32>> m_lineTokens;
    std::shared_ptr<const std::vector<qint32>> m_order; // null: file order
    std::shared_ptr<const std::vector<qint32>> m_rank;
    int m_sortColumn = LineColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    bool m_sortPending = false; // requested, computing or waiting for tokens
    bool m_sortStarted = false; // the computation for the pending request runs
    quint64 m_sortGeneration = 0;

    JsonlEditOverlay m_edits;
    QHash<qint64, RowStatus> m_editStatus;
    QHash<qint64, QStringList> m_editRules;
};

} // namespace tb
