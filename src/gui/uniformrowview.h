// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A table view for models with millions of rows: every row has the same height and the
// view keeps no per-row state (QTableView's vertical QHeaderView keeps ~16 bytes per row
// and relayouts on every insert), so memory is constant and appending rows is O(1).

#include <QAbstractItemView>
#include <utility>

class QHeaderView;

namespace tb {

class UniformRowView : public QAbstractItemView
{
    Q_OBJECT
public:
    explicit UniformRowView(QWidget* parent = nullptr);
    ~UniformRowView() override;

    void setModel(QAbstractItemModel* model) override;
    void setSelectionModel(QItemSelectionModel* selectionModel) override;
    void setRootIndex(const QModelIndex& index) override;

    // Columns only: resizable and movable sections, sort indicator.
    QHeaderView* horizontalHeader() const { return m_header; }

    // Height of every row in pixels (at least 1).
    int rowHeight() const { return m_rowHeight; }
    void setRowHeight(int height);

    bool showGrid() const { return m_showGrid; }
    void setShowGrid(bool show);

    // Clicking a header section sorts the model by that column (QAbstractItemModel::sort).
    bool isSortingEnabled() const { return m_sortingEnabled; }
    void setSortingEnabled(bool enable);
    // As a header click: shows the indicator and sorts, even when sorting is disabled.
    void sortByColumn(int column, Qt::SortOrder order);

    void setColumnWidth(int column, int width);
    int columnWidth(int column) const;

    // First row shown at the top of the viewport; the vertical scroll bar counts rows, so
    // any row count works however tall the rows would be in pixels.
    int firstVisibleRow() const;
    // Rows that fit (fully) in the viewport.
    int visibleRowCount() const;
    // The row at viewport y (may be < 0 or >= rowCount() when outside the rows).
    qint64 rowAt(int y) const;
    int columnAt(int x) const;

    QRect visualRect(const QModelIndex& index) const override;
    void scrollTo(const QModelIndex& index, ScrollHint hint = EnsureVisible) override;
    QModelIndex indexAt(const QPoint& point) const override;

protected:
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    int horizontalOffset() const override;
    int verticalOffset() const override;
    bool isIndexHidden(const QModelIndex& index) const override;
    void setSelection(const QRect& rect, QItemSelectionModel::SelectionFlags command) override;
    QRegion visualRegionForSelection(const QItemSelection& selection) const override;
    void updateGeometries() override;
    void scrollContentsBy(int dx, int dy) override;
    void paintEvent(QPaintEvent* event) override;
    void rowsInserted(const QModelIndex& parent, int start, int end) override;
    void dataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
        const QList<int>& roles = QList<int>()) override;
    bool viewportEvent(QEvent* event) override;
    int sizeHintForRow(int row) const override;
    int sizeHintForColumn(int column) const override;
    void changeEvent(QEvent* event) override;
    void initViewItemOption(QStyleOptionViewItem* option) const override;

private:
    // Viewport y of the top of `row`. Rows more than kLinearRows away are placed one
    // pixel apart so that any row, however far, has an exact position that fits an int:
    // QAbstractItemView anchors shift-selections on visualRect(anchor).center().
    qint64 rowY(qint64 row) const;
    int rowCount() const;
    int lastVisualColumn() const;
    QRect rowSpanRect(int firstRow, int lastRow) const;
    // Visual indexes (first, last) of the sections between viewport x `left` and `right`.
    std::pair<int, int> visualColumnSpan(int left, int right) const;
    void updateRows(int first, int last);
    void onHeaderSectionResized();
    void onSortIndicatorChanged(int column, Qt::SortOrder order);
    void onRowsRemoved();

    QHeaderView* m_header = nullptr;
    int m_rowHeight = 0;
    bool m_rowHeightSet = false;
    bool m_showGrid = true;
    bool m_sortingEnabled = false;
    bool m_inGeometryUpdate = false;
    QPersistentModelIndex m_hover;
    QMetaObject::Connection m_rowsRemoved;
};

} // namespace tb
