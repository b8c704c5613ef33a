// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/uniformrowview.h"

#include <QHeaderView>
#include <QHelpEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>
#include <algorithm>
#include <climits>

namespace tb {

namespace {

// Rows this far from the top row are laid out at their real height; beyond, one pixel
// per row keeps positions exact and within int for any row count.
constexpr qint64 kLinearRows = qint64(1) << 20;
// Coordinates handed to Qt stay well inside int so sums like pos + offset cannot overflow.
constexpr qint64 kCoordinateLimit = INT_MAX / 2;

int clampCoordinate(qint64 value)
{
    return int(std::clamp(value, -kCoordinateLimit, kCoordinateLimit));
}

qint64 floorDiv(qint64 a, qint64 b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

} // namespace

UniformRowView::UniformRowView(QWidget* parent)
    : QAbstractItemView(parent)
    , m_header(new QHeaderView(Qt::Horizontal, this))
{
    m_rowHeight = fontMetrics().height() + 6;
    m_header->setSectionsClickable(true);
    m_header->setSectionsMovable(true);
    m_header->setHighlightSections(false);
    setSelectionBehavior(SelectRows);
    setHorizontalScrollMode(ScrollPerPixel);
    // Rows are the scroll unit whatever the mode says: pixel offsets of row 100,000,000
    // would not fit the int of a scroll bar.
    setVerticalScrollMode(ScrollPerItem);
    viewport()->setAttribute(Qt::WA_Hover);

    connect(m_header, &QHeaderView::sectionResized, this, &UniformRowView::onHeaderSectionResized);
    connect(m_header, &QHeaderView::sectionMoved, this, [this] { viewport()->update(); });
    connect(m_header, &QHeaderView::sectionCountChanged, this, &UniformRowView::onHeaderSectionResized);
    connect(m_header, &QHeaderView::geometriesChanged, this, &UniformRowView::updateGeometries);
    connect(m_header, &QHeaderView::sortIndicatorChanged, this, &UniformRowView::onSortIndicatorChanged);
}

UniformRowView::~UniformRowView()
{
    // The header, a child, outlives this part of the object and signals while it goes.
    disconnect(m_header, nullptr, this, nullptr);
    disconnect(m_rowsRemoved);
}

void UniformRowView::setModel(QAbstractItemModel* newModel)
{
    if (newModel == model())
        return;
    disconnect(m_rowsRemoved);
    m_hover = QPersistentModelIndex();
    // The header first: setModel() hands both a new selection model on that model.
    m_header->setModel(newModel);
    QAbstractItemView::setModel(newModel);
    if (newModel) {
        // QAbstractItemView itself does not relayout on removals (QTableView's vertical
        // header does); inserts are handled in rowsInserted().
        m_rowsRemoved
            = connect(newModel, &QAbstractItemModel::rowsRemoved, this, &UniformRowView::onRowsRemoved);
    }
}

void UniformRowView::setSelectionModel(QItemSelectionModel* newSelectionModel)
{
    m_header->setSelectionModel(newSelectionModel);
    QAbstractItemView::setSelectionModel(newSelectionModel);
}

void UniformRowView::setRootIndex(const QModelIndex& index)
{
    m_header->setRootIndex(index);
    QAbstractItemView::setRootIndex(index);
}

void UniformRowView::setRowHeight(int height)
{
    m_rowHeightSet = true;
    m_rowHeight = std::max(1, height);
    updateGeometries();
    viewport()->update();
}

void UniformRowView::setShowGrid(bool show)
{
    m_showGrid = show;
    viewport()->update();
}

void UniformRowView::setSortingEnabled(bool enable)
{
    m_sortingEnabled = enable;
    m_header->setSortIndicatorShown(enable);
    if (enable && model() && m_header->sortIndicatorSection() >= 0)
        model()->sort(m_header->sortIndicatorSection(), m_header->sortIndicatorOrder());
}

void UniformRowView::sortByColumn(int column, Qt::SortOrder order)
{
    {
        const QSignalBlocker blocker(m_header);
        m_header->setSortIndicator(column, order);
    }
    if (model())
        model()->sort(column, order);
}

void UniformRowView::setColumnWidth(int column, int width)
{
    m_header->resizeSection(column, width);
}

int UniformRowView::columnWidth(int column) const
{
    return m_header->sectionSize(column);
}

int UniformRowView::rowCount() const
{
    return model() ? model()->rowCount(rootIndex()) : 0;
}

int UniformRowView::firstVisibleRow() const
{
    return verticalScrollBar()->value();
}

int UniformRowView::visibleRowCount() const
{
    return std::max(1, viewport()->height() / m_rowHeight);
}

qint64 UniformRowView::rowY(qint64 row) const
{
    const qint64 distance = row - firstVisibleRow();
    qint64 y = 0;
    if (distance >= kLinearRows)
        y = kLinearRows * m_rowHeight + (distance - kLinearRows);
    else if (distance < -kLinearRows)
        y = -kLinearRows * m_rowHeight + (distance + kLinearRows);
    else
        y = distance * m_rowHeight;
    return std::clamp(y, -kCoordinateLimit, kCoordinateLimit);
}

qint64 UniformRowView::rowAt(int y) const
{
    const qint64 linearEnd = kLinearRows * m_rowHeight;
    qint64 distance = 0;
    if (y >= linearEnd)
        distance = kLinearRows + (y - linearEnd);
    else if (y < -linearEnd)
        distance = -kLinearRows + (y + linearEnd);
    else
        distance = floorDiv(y, m_rowHeight);
    return firstVisibleRow() + distance;
}

int UniformRowView::columnAt(int x) const
{
    return m_header->logicalIndexAt(x);
}

QRect UniformRowView::visualRect(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != model() || index.parent() != rootIndex() || isIndexHidden(index))
        return {};
    const qint64 distance = index.row() - qint64(firstVisibleRow());
    const bool linear = distance >= -kLinearRows && distance < kLinearRows;
    const int grid = m_showGrid ? 1 : 0;
    const int height = linear ? m_rowHeight - grid : 1;
    return QRect(m_header->sectionViewportPosition(index.column()), clampCoordinate(rowY(index.row())),
        m_header->sectionSize(index.column()) - grid, std::max(1, height));
}

QModelIndex UniformRowView::indexAt(const QPoint& point) const
{
    if (!model())
        return {};
    const qint64 row = rowAt(point.y());
    const int column = columnAt(point.x());
    if (row < 0 || row >= rowCount() || column < 0)
        return {};
    return model()->index(int(row), column, rootIndex());
}

void UniformRowView::scrollTo(const QModelIndex& index, ScrollHint hint)
{
    if (!index.isValid() || index.model() != model() || index.parent() != rootIndex())
        return;
    const int row = index.row();
    const int top = firstVisibleRow();
    const int shown = visibleRowCount();
    int newTop = top;
    switch (hint) {
    case EnsureVisible:
        if (row < top)
            newTop = row;
        else if (row >= top + shown)
            newTop = row - shown + 1;
        break;
    case PositionAtTop:
        newTop = row;
        break;
    case PositionAtBottom:
        newTop = row - shown + 1;
        break;
    case PositionAtCenter:
        newTop = row - shown / 2;
        break;
    }
    // The range may lag behind rows inserted a moment ago.
    if (verticalScrollBar()->maximum() < newTop)
        updateGeometries();
    verticalScrollBar()->setValue(newTop);

    if (isIndexHidden(index))
        return;
    const int x = m_header->sectionViewportPosition(index.column());
    const int width = m_header->sectionSize(index.column());
    const int viewWidth = viewport()->width();
    QScrollBar* bar = horizontalScrollBar();
    const int sign = isRightToLeft() ? -1 : 1;
    if (x < 0)
        bar->setValue(bar->value() + sign * x);
    else if (x + width > viewWidth)
        bar->setValue(bar->value() + sign * std::min(x, x + width - viewWidth));
}

QModelIndex UniformRowView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers)
{
    Q_UNUSED(modifiers);
    const int rows = rowCount();
    const int columns = m_header->count();
    if (!model() || rows == 0 || columns == 0)
        return {};
    const QModelIndex current = currentIndex();
    auto firstVisualColumn = [this, columns] {
        for (int visual = 0; visual < columns; ++visual) {
            if (!m_header->isSectionHidden(m_header->logicalIndex(visual)))
                return m_header->logicalIndex(visual);
        }
        return 0;
    };
    if (!current.isValid())
        return model()->index(0, firstVisualColumn(), rootIndex());

    int row = current.row();
    int visual = m_header->visualIndex(current.column());
    // The next shown column in `step` direction, or -1.
    auto nextColumn = [this, columns](int from, int step) {
        for (int v = from + step; v >= 0 && v < columns; v += step) {
            if (!m_header->isSectionHidden(m_header->logicalIndex(v)))
                return v;
        }
        return -1;
    };
    if (isRightToLeft()) {
        if (cursorAction == MoveLeft)
            cursorAction = MoveRight;
        else if (cursorAction == MoveRight)
            cursorAction = MoveLeft;
    }
    const int page = std::max(1, visibleRowCount() - 1);
    switch (cursorAction) {
    case MoveUp:
        --row;
        break;
    case MoveDown:
        ++row;
        break;
    case MovePageUp:
        row -= page;
        break;
    case MovePageDown:
        row += page;
        break;
    case MoveHome:
        row = 0;
        break;
    case MoveEnd:
        row = rows - 1;
        break;
    case MoveLeft:
    case MoveRight: {
        const int next = nextColumn(visual, cursorAction == MoveLeft ? -1 : 1);
        if (next >= 0)
            visual = next;
        break;
    }
    case MoveNext:
    case MovePrevious: {
        const int step = cursorAction == MoveNext ? 1 : -1;
        int next = nextColumn(visual, step);
        if (next < 0) {
            // Wrap to the other end of the next (previous) row.
            next = nextColumn(step > 0 ? -1 : columns, step);
            row += step;
        }
        if (next >= 0)
            visual = next;
        break;
    }
    }
    row = std::clamp(row, 0, rows - 1);
    return model()->index(row, m_header->logicalIndex(visual), rootIndex());
}

int UniformRowView::horizontalOffset() const
{
    return m_header->offset();
}

int UniformRowView::verticalOffset() const
{
    // Only used by QAbstractItemView to keep a drag's press point while scrolling; exact
    // while the rows above fit in kCoordinateLimit pixels.
    return clampCoordinate(qint64(firstVisibleRow()) * m_rowHeight);
}

bool UniformRowView::isIndexHidden(const QModelIndex& index) const
{
    return m_header->isSectionHidden(index.column());
}

void UniformRowView::setSelection(const QRect& rect, QItemSelectionModel::SelectionFlags command)
{
    QItemSelectionModel* selection = selectionModel();
    const int rows = rowCount();
    const int columns = m_header->count();
    if (!selection || rows == 0 || columns == 0)
        return;
    const qint64 top = rowAt(std::min(rect.top(), rect.bottom()));
    const qint64 bottom = rowAt(std::max(rect.top(), rect.bottom()));
    if (bottom < 0 || top >= rows) {
        selection->select(QItemSelection(), command);
        return;
    }
    const int firstRow = int(std::max<qint64>(top, 0));
    const int lastRow = int(std::min<qint64>(bottom, rows - 1));

    QItemSelection selected;
    if (selectionBehavior() == SelectRows) {
        selected.select(
            model()->index(firstRow, 0, rootIndex()), model()->index(lastRow, columns - 1, rootIndex()));
    } else {
        const auto [fromVisual, toVisual]
            = visualColumnSpan(std::min(rect.left(), rect.right()), std::max(rect.left(), rect.right()));
        // Moved sections make a visual run of columns several logical ranges.
        int runStart = -1;
        int runEnd = -1;
        auto flush = [&] {
            if (runStart >= 0) {
                selected.select(model()->index(firstRow, runStart, rootIndex()),
                    model()->index(lastRow, runEnd, rootIndex()));
            }
            runStart = -1;
        };
        for (int visual = fromVisual; visual <= toVisual; ++visual) {
            const int logical = m_header->logicalIndex(visual);
            if (m_header->isSectionHidden(logical)) {
                flush();
                continue;
            }
            if (runStart >= 0 && logical == runEnd + 1) {
                runEnd = logical;
                continue;
            }
            flush();
            runStart = runEnd = logical;
        }
        flush();
    }
    selection->select(selected, command);
}

std::pair<int, int> UniformRowView::visualColumnSpan(int left, int right) const
{
    int from = m_header->visualIndexAt(left);
    int to = m_header->visualIndexAt(right);
    if (isRightToLeft())
        std::swap(from, to);
    // Past either end of the sections: up to that end.
    from = from < 0 ? 0 : from;
    to = to < 0 ? m_header->count() - 1 : to;
    return { std::min(from, to), std::max(from, to) };
}

QRect UniformRowView::rowSpanRect(int firstRow, int lastRow) const
{
    // Rows outside the viewport (plus one) are clipped: the rect stays small and exact.
    const qint64 top = std::max<qint64>(firstRow, firstVisibleRow() - 1);
    const qint64 bottom = std::min<qint64>(lastRow, qint64(firstVisibleRow()) + visibleRowCount() + 1);
    if (top > bottom)
        return {};
    return QRect(0, int(rowY(top)), viewport()->width(), int((bottom - top + 1) * m_rowHeight));
}

QRegion UniformRowView::visualRegionForSelection(const QItemSelection& selection) const
{
    QRegion region;
    for (const QItemSelectionRange& range : selection) {
        if (!range.isValid() || range.parent() != rootIndex())
            continue;
        const QRect rows = rowSpanRect(range.top(), range.bottom());
        if (rows.isEmpty())
            continue;
        for (int column = range.left(); column <= range.right(); ++column) {
            if (m_header->isSectionHidden(column))
                continue;
            region += QRect(m_header->sectionViewportPosition(column), rows.top(),
                m_header->sectionSize(column), rows.height());
        }
    }
    return region;
}

void UniformRowView::updateGeometries()
{
    if (m_inGeometryUpdate)
        return;
    m_inGeometryUpdate = true;
    const int headerHeight = m_header->isHidden()
        ? 0
        : std::clamp(m_header->sizeHint().height(), m_header->minimumHeight(), m_header->maximumHeight());
    setViewportMargins(0, headerHeight, 0, 0);
    const QRect area = viewport()->geometry();
    m_header->setGeometry(area.left(), area.top() - headerHeight, area.width(), headerHeight);

    const int shown = visibleRowCount();
    QScrollBar* vertical = verticalScrollBar();
    vertical->setSingleStep(1);
    vertical->setPageStep(shown);
    vertical->setRange(0, std::max(0, rowCount() - shown));

    QScrollBar* horizontal = horizontalScrollBar();
    horizontal->setSingleStep(std::max(1, m_rowHeight));
    horizontal->setPageStep(area.width());
    horizontal->setRange(0, std::max(0, m_header->length() - area.width()));
    m_inGeometryUpdate = false;
    QAbstractItemView::updateGeometries();
}

void UniformRowView::scrollContentsBy(int dx, int dy)
{
    if (dx != 0)
        m_header->setOffset(horizontalScrollBar()->value());
    // dy counts rows; a jump of a page or more repaints everything instead of scrolling.
    const qint64 pixels = qint64(dy) * m_rowHeight;
    if (std::abs(qint64(dy)) >= visibleRowCount()) {
        QAbstractItemView::scrollContentsBy(dx, 0);
        viewport()->update();
    } else {
        QAbstractItemView::scrollContentsBy(dx, int(pixels));
    }
}

void UniformRowView::paintEvent(QPaintEvent* event)
{
    QAbstractItemModel* itemModel = model();
    const int rows = rowCount();
    const int columns = m_header->count();
    if (!itemModel || rows == 0 || columns == 0)
        return;
    QStyleOptionViewItem base;
    initViewItemOption(&base);
    QPainter painter(viewport());
    const QRect area = event->rect();
    const int top = firstVisibleRow();
    const int firstRow = int(std::min<qint64>(rows, top + qint64(std::max(0, area.top()) / m_rowHeight)));
    const int lastRow
        = int(std::min<qint64>(rows - 1, top + qint64(std::max(0, area.bottom()) / m_rowHeight)));

    const auto [fromVisual, toVisual] = visualColumnSpan(area.left(), area.right());

    const QModelIndex current = currentIndex();
    const bool focused = (hasFocus() || viewport()->hasFocus()) && current.isValid();
    const bool rowHover = selectionBehavior() == SelectRows;
    const int grid = m_showGrid ? 1 : 0;
    QItemSelectionModel* selection = selectionModel();

    for (int row = firstRow; row <= lastRow; ++row) {
        const int y = int(qint64(row - top) * m_rowHeight);
        for (int visual = fromVisual; visual <= toVisual; ++visual) {
            const int column = m_header->logicalIndex(visual);
            if (m_header->isSectionHidden(column))
                continue;
            const QModelIndex index = itemModel->index(row, column, rootIndex());
            QStyleOptionViewItem option = base;
            option.rect = QRect(m_header->sectionViewportPosition(column), y,
                m_header->sectionSize(column) - grid, m_rowHeight - grid);
            if (alternatingRowColors() && (row & 1))
                option.features |= QStyleOptionViewItem::Alternate;
            if (selection && selection->isSelected(index))
                option.state |= QStyle::State_Selected;
            if (m_hover.isValid() && (rowHover ? m_hover.row() == row : QModelIndex(m_hover) == index))
                option.state |= QStyle::State_MouseOver;
            if (option.state & QStyle::State_Enabled) {
                if (!(itemModel->flags(index) & Qt::ItemIsEnabled)) {
                    option.state &= ~QStyle::State_Enabled;
                    option.palette.setCurrentColorGroup(QPalette::Disabled);
                } else {
                    option.palette.setCurrentColorGroup(QPalette::Normal);
                }
            }
            if (focused && index == current)
                option.state |= QStyle::State_HasFocus;
            style()->drawPrimitive(QStyle::PE_PanelItemViewRow, &option, &painter, this);
            itemDelegateForIndex(index)->paint(&painter, option, index);
        }
    }

    if (!m_showGrid || firstRow > lastRow)
        return;
    const int gridHint = style()->styleHint(QStyle::SH_Table_GridLineColor, &base, this);
    painter.setPen(QPen(QColor::fromRgba(static_cast<QRgb>(gridHint)), 0));
    const int yTop = int(qint64(firstRow - top) * m_rowHeight);
    const int yBottom = int(qint64(lastRow - top + 1) * m_rowHeight) - 1;
    int left = INT_MAX;
    int right = INT_MIN;
    for (int visual = fromVisual; visual <= toVisual; ++visual) {
        const int column = m_header->logicalIndex(visual);
        if (m_header->isSectionHidden(column))
            continue;
        const int x = m_header->sectionViewportPosition(column);
        const int width = m_header->sectionSize(column);
        left = std::min(left, x);
        right = std::max(right, x + width - 1);
        painter.drawLine(x + width - 1, yTop, x + width - 1, yBottom);
    }
    if (left > right)
        return;
    for (int row = firstRow; row <= lastRow; ++row) {
        const int y = int(qint64(row - top + 1) * m_rowHeight) - 1;
        painter.drawLine(left, y, right, y);
    }
}

void UniformRowView::updateRows(int first, int last)
{
    const QRect rect = rowSpanRect(first, last);
    if (!rect.isEmpty())
        viewport()->update(rect);
}

void UniformRowView::rowsInserted(const QModelIndex& parent, int start, int end)
{
    // O(1) whatever the batch size: a scroll range and, when the new rows are on
    // screen, a repaint of them. No layout pass.
    if (parent == rootIndex()) {
        QScrollBar* vertical = verticalScrollBar();
        vertical->setMaximum(std::max(0, rowCount() - visibleRowCount()));
        updateRows(start, end);
    }
    QAbstractItemView::rowsInserted(parent, start, end);
}

void UniformRowView::onRowsRemoved()
{
    updateGeometries();
    viewport()->update();
}

void UniformRowView::dataChanged(
    const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles)
{
    if (!topLeft.isValid() || !bottomRight.isValid() || topLeft == bottomRight
        || topLeft.parent() != rootIndex()) {
        QAbstractItemView::dataChanged(topLeft, bottomRight, roles);
        return;
    }
    // QAbstractItemView unites the visualRect() of every changed cell: a second for a
    // whole-model change of 12 million rows (a new token counter). Only rows on screen
    // can need a repaint, so it sees just those; changes off screen cost nothing.
    const int first = std::max(topLeft.row(), firstVisibleRow());
    const int last = int(std::min<qint64>(bottomRight.row(), qint64(firstVisibleRow()) + visibleRowCount()));
    if (first > last)
        return;
    QAbstractItemView::dataChanged(model()->index(first, topLeft.column(), rootIndex()),
        model()->index(last, bottomRight.column(), rootIndex()), roles);
}

bool UniformRowView::viewportEvent(QEvent* event)
{
    switch (event->type()) {
    case QEvent::HoverEnter:
    case QEvent::HoverMove: {
        const QModelIndex index = indexAt(static_cast<QHoverEvent*>(event)->position().toPoint());
        if (index != m_hover) {
            const int previous = m_hover.row();
            m_hover = index;
            if (previous >= 0)
                updateRows(previous, previous);
            if (index.isValid())
                updateRows(index.row(), index.row());
        }
        break;
    }
    case QEvent::HoverLeave:
        if (m_hover.isValid()) {
            const int previous = m_hover.row();
            m_hover = QPersistentModelIndex();
            updateRows(previous, previous);
        }
        break;
    default:
        break;
    }
    return QAbstractItemView::viewportEvent(event);
}

int UniformRowView::sizeHintForRow(int row) const
{
    Q_UNUSED(row);
    return m_rowHeight;
}

int UniformRowView::sizeHintForColumn(int column) const
{
    // Measures the rows on screen only, as QTableView does: never the whole model.
    if (!model() || column < 0 || column >= m_header->count())
        return -1;
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    int width = 0;
    const int top = firstVisibleRow();
    const int last = std::min(rowCount() - 1, top + visibleRowCount());
    for (int row = top; row <= last; ++row) {
        const QModelIndex index = model()->index(row, column, rootIndex());
        width = std::max(width, itemDelegateForIndex(index)->sizeHint(option, index).width());
    }
    return width + (m_showGrid ? 1 : 0);
}

void UniformRowView::changeEvent(QEvent* event)
{
    if ((event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) && !m_rowHeightSet) {
        m_rowHeight = fontMetrics().height() + 6;
        updateGeometries();
    }
    QAbstractItemView::changeEvent(event);
}

void UniformRowView::initViewItemOption(QStyleOptionViewItem* option) const
{
    QAbstractItemView::initViewItemOption(option);
    // As QTableView: a selected cell is highlighted edge to edge, one line of text per row.
    option->showDecorationSelected = true;
    option->features &= ~QStyleOptionViewItem::WrapText;
}

void UniformRowView::onHeaderSectionResized()
{
    updateGeometries();
    viewport()->update();
}

void UniformRowView::onSortIndicatorChanged(int column, Qt::SortOrder order)
{
    if (m_sortingEnabled && model())
        model()->sort(column, order);
}

} // namespace tb
