// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// UniformRowView: mouse and keyboard selection, scrolling the current row into view,
// indexAt/visualRect agreeing at any row count (50 million rows without memory growth),
// header resizes and moves, O(1) appends, tooltips.

#include "gui/uniformrowview.h"

#include <QAbstractTableModel>
#include <QFile>
#include <QHeaderView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>

using tb::UniformRowView;

namespace {

// Any number of rows, computed on demand: "r<row>c<column>".
class FakeTableModel : public QAbstractTableModel
{
public:
    explicit FakeTableModel(int rows, int columns = 4)
        : m_rows(rows)
        , m_columns(columns)
    { }
    int rowCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : m_rows; }
    int columnCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : m_columns;
    }
    QVariant data(const QModelIndex& index, int role) const override
    {
        if (role == Qt::DisplayRole)
            return QStringLiteral("r%1c%2").arg(index.row()).arg(index.column());
        if (role == Qt::ToolTipRole)
            return QStringLiteral("tip %1").arg(index.row());
        return {};
    }
    void append(int count)
    {
        beginInsertRows({}, m_rows, m_rows + count - 1);
        m_rows += count;
        endInsertRows();
    }

private:
    int m_rows;
    int m_columns;
};

// Resident anonymous memory in kB, or -1 off Linux.
qint64 rssAnonKb()
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.startsWith("RssAnon:"))
            return line.mid(8).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

QList<int> selectedRows(const UniformRowView& view)
{
    QList<int> rows;
    for (const QModelIndex& index : view.selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

} // namespace

class TestUniformRowView : public QObject
{
    Q_OBJECT

private:
    // A shown view of `model`, 400x300, rows 20 px high.
    static void setUp(UniformRowView& view, QAbstractItemModel& model)
    {
        view.setModel(&model);
        view.setRowHeight(20);
        view.resize(400, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
    }

    static QPoint centerOf(const UniformRowView& view, int row, int column = 1)
    {
        return view.visualRect(view.model()->index(row, column)).center();
    }

    static bool fullyVisible(const UniformRowView& view, const QModelIndex& index)
    {
        const QRect rect = view.visualRect(index);
        return rect.top() >= 0 && rect.bottom() < view.viewport()->height();
    }

private Q_SLOTS:
    void clickSelectsRowUnderCursor_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("column");
        QTest::newRow("first") << 0 << 0;
        QTest::newRow("third, last column") << 2 << 3;
        QTest::newRow("bottom of viewport") << 9 << 1;
    }

    void clickSelectsRowUnderCursor()
    {
        QFETCH(int, row);
        QFETCH(int, column);
        FakeTableModel model(1000);
        UniformRowView view;
        setUp(view, model);
        const QPoint at = centerOf(view, row, column);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(view.currentIndex().row(), row);
        QCOMPARE(view.currentIndex().column(), column);
        QCOMPARE(selectedRows(view), QList<int> { row });
        QCOMPARE(view.indexAt(at), view.currentIndex());
    }

    void shiftAndControlClickExtendSelection()
    {
        FakeTableModel model(1000);
        UniformRowView view;
        view.setSelectionMode(QAbstractItemView::ExtendedSelection);
        setUp(view, model);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, centerOf(view, 2));
        QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::ShiftModifier, centerOf(view, 6));
        QCOMPARE(selectedRows(view), (QList<int> { 2, 3, 4, 5, 6 }));
        QCOMPARE(view.currentIndex().row(), 6);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::ControlModifier, centerOf(view, 9));
        QCOMPARE(selectedRows(view), (QList<int> { 2, 3, 4, 5, 6, 9 }));
        QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::ControlModifier, centerOf(view, 4));
        QCOMPARE(selectedRows(view), (QList<int> { 2, 3, 5, 6, 9 }));
        // A plain click starts over.
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, centerOf(view, 1));
        QCOMPARE(selectedRows(view), QList<int> { 1 });
    }

    void draggingSelectsTheRowsPassed()
    {
        FakeTableModel model(1000);
        UniformRowView view;
        view.setSelectionMode(QAbstractItemView::ExtendedSelection);
        setUp(view, model);
        QTest::mousePress(view.viewport(), Qt::LeftButton, {}, centerOf(view, 2));
        const QPointF to = centerOf(view, 5, 2);
        QMouseEvent move(QEvent::MouseMove, to, view.viewport()->mapToGlobal(to), Qt::NoButton,
            Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view.viewport(), &move);
        QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, to.toPoint());
        QCOMPARE(selectedRows(view), (QList<int> { 2, 3, 4, 5 }));
    }

    void keysMoveCurrentAndScrollItVisible_data()
    {
        QTest::addColumn<int>("startRow");
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("presses");
        QTest::addColumn<int>("expectedRow");
        // The viewport holds 300 - header height px of 20 px rows: 13 rows, a page is 12.
        QTest::newRow("down") << 0 << int(Qt::Key_Down) << 1 << 1;
        QTest::newRow("down past the viewport") << 0 << int(Qt::Key_Down) << 30 << 30;
        QTest::newRow("up at top stays") << 0 << int(Qt::Key_Up) << 3 << 0;
        QTest::newRow("up from far") << 500 << int(Qt::Key_Up) << 2 << 498;
        QTest::newRow("page down") << 0 << int(Qt::Key_PageDown) << 1 << -1;
        QTest::newRow("page down twice") << 0 << int(Qt::Key_PageDown) << 2 << -2;
        QTest::newRow("page up at 100") << 100 << int(Qt::Key_PageUp) << 1 << -3;
        QTest::newRow("end") << 0 << int(Qt::Key_End) << 1 << 999;
        QTest::newRow("home") << 700 << int(Qt::Key_Home) << 1 << 0;
        QTest::newRow("down at end stays") << 999 << int(Qt::Key_Down) << 2 << 999;
    }

    void keysMoveCurrentAndScrollItVisible()
    {
        QFETCH(int, startRow);
        QFETCH(int, key);
        QFETCH(int, presses);
        QFETCH(int, expectedRow);
        FakeTableModel model(1000);
        UniformRowView view;
        setUp(view, model);
        view.setCurrentIndex(model.index(startRow, 1));
        view.setFocus();
        const int page = view.visibleRowCount() - 1;
        QVERIFY(page > 5);
        if (expectedRow == -1)
            expectedRow = page;
        else if (expectedRow == -2)
            expectedRow = 2 * page;
        else if (expectedRow == -3)
            expectedRow = 100 - page;
        for (int i = 0; i < presses; ++i)
            QTest::keyClick(&view, Qt::Key(key));
        QCOMPARE(view.currentIndex().row(), expectedRow);
        QCOMPARE(view.currentIndex().column(), 1);
        QVERIFY2(fullyVisible(view, view.currentIndex()),
            qPrintable(QStringLiteral("top row %1").arg(view.firstVisibleRow())));
        QCOMPARE(selectedRows(view), QList<int> { expectedRow });
    }

    void leftAndRightMoveTheCurrentColumn()
    {
        FakeTableModel model(10);
        UniformRowView view;
        setUp(view, model);
        view.horizontalHeader()->moveSection(3, 0); // visual order 3 0 1 2
        view.horizontalHeader()->hideSection(1);
        view.setCurrentIndex(model.index(4, 0));
        view.setFocus();
        QTest::keyClick(&view, Qt::Key_Right);
        QCOMPARE(view.currentIndex().column(), 2); // 1 is hidden
        QTest::keyClick(&view, Qt::Key_Right);
        QCOMPARE(view.currentIndex().column(), 2);
        QTest::keyClick(&view, Qt::Key_Left);
        QTest::keyClick(&view, Qt::Key_Left);
        QCOMPARE(view.currentIndex().column(), 3);
        QCOMPARE(view.currentIndex().row(), 4);
    }

    void shiftEndSelectsEveryRowOfHugeModel()
    {
        FakeTableModel model(50'000'000);
        UniformRowView view;
        view.setSelectionMode(QAbstractItemView::ExtendedSelection);
        setUp(view, model);
        view.setCurrentIndex(model.index(0, 0));
        view.setFocus();
        QTest::keyClick(&view, Qt::Key_End, Qt::ShiftModifier);
        QCOMPARE(view.currentIndex().row(), 49'999'999);
        const QItemSelection selection = view.selectionModel()->selection();
        QCOMPARE(selection.size(), 1);
        QCOMPARE(selection.first().top(), 0);
        QCOMPARE(selection.first().bottom(), 49'999'999);
        QVERIFY(fullyVisible(view, view.currentIndex()));
    }

    void indexAtAndVisualRectAgree_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("topRow");
        QTest::newRow("small") << 100 << 0;
        QTest::newRow("million, middle") << 1'000'000 << 500'000;
        QTest::newRow("50 million, top") << 50'000'000 << 0;
        QTest::newRow("50 million, middle") << 50'000'000 << 25'000'000;
        QTest::newRow("50 million, end") << 50'000'000 << 50'000'000;
    }

    void indexAtAndVisualRectAgree()
    {
        QFETCH(int, rows);
        QFETCH(int, topRow);
        const qint64 before = rssAnonKb();
        FakeTableModel model(rows);
        UniformRowView view;
        setUp(view, model);
        view.scrollTo(model.index(std::min(topRow, rows - 1), 0), QAbstractItemView::PositionAtTop);
        view.viewport()->repaint();
        const int top = view.firstVisibleRow();
        QVERIFY(top <= topRow);
        QVERIFY(top >= std::min(topRow, rows - view.visibleRowCount()));
        // Every visible cell, then rows far above and below (off screen, still exact).
        QList<int> probe;
        for (int row = top; row < std::min(rows, top + view.visibleRowCount()); ++row)
            probe.append(row);
        for (const qint64 far : { qint64(0), qint64(1), qint64(top) - 2'000'000, qint64(top) + 3'000'000,
                 qint64(top) + 40'000'000, qint64(rows) - 1 }) {
            if (far >= 0 && far < rows)
                probe.append(int(far));
        }
        for (const int row : probe) {
            for (int column = 0; column < model.columnCount(); ++column) {
                const QModelIndex index = model.index(row, column);
                const QRect rect = view.visualRect(index);
                QVERIFY2(rect.isValid(), qPrintable(QStringLiteral("row %1").arg(row)));
                QCOMPARE(view.indexAt(rect.center()), index);
                QCOMPARE(view.indexAt(rect.topLeft()), index);
            }
        }
        // The first row below the last one maps to no index.
        const QRect last = view.visualRect(model.index(rows - 1, 0));
        QVERIFY(!view.indexAt(QPoint(last.center().x(), last.bottom() + 2)).isValid());
        QCOMPARE(view.verticalScrollBar()->maximum(), rows - view.visibleRowCount());
        // No per-row state: 50 million rows cost what 100 do (QTableView: ~800 MB).
        const qint64 after = rssAnonKb();
        if (before >= 0)
            QVERIFY2(
                after - before < 16 * 1024, qPrintable(QStringLiteral("grew %1 kB").arg(after - before)));
    }

    void headerResizeAndMoveMoveColumns()
    {
        FakeTableModel model(100);
        UniformRowView view;
        setUp(view, model);
        view.setColumnWidth(0, 60);
        view.setColumnWidth(1, 70);
        const int x1 = view.visualRect(model.index(3, 1)).x();
        QCOMPARE(x1, 60);
        view.horizontalHeader()->resizeSection(0, 110);
        QCOMPARE(view.visualRect(model.index(3, 1)).x(), 110);
        QCOMPARE(view.columnWidth(0), 110);
        QCOMPARE(
            view.indexAt(QPoint(115, view.visualRect(model.index(3, 1)).center().y())), model.index(3, 1));
        QCOMPARE(
            view.indexAt(QPoint(105, view.visualRect(model.index(3, 1)).center().y())), model.index(3, 0));

        view.horizontalHeader()->moveSection(1, 0); // column 1 first
        QCOMPARE(view.visualRect(model.index(3, 1)).x(), 0);
        QCOMPARE(view.visualRect(model.index(3, 0)).x(), 70);
        QCOMPARE(view.indexAt(QPoint(5, view.visualRect(model.index(3, 1)).center().y())), model.index(3, 1));

        // Dragging a section edge in the header resizes the column under the mouse.
        QHeaderView* header = view.horizontalHeader();
        const int edge = header->sectionViewportPosition(1) + header->sectionSize(1) - 1;
        const int y = header->height() / 2;
        QTest::mousePress(header->viewport(), Qt::LeftButton, {}, QPoint(edge, y));
        QMouseEvent move(QEvent::MouseMove, QPointF(edge + 30, y),
            header->viewport()->mapToGlobal(QPointF(edge + 30, y)), Qt::LeftButton, Qt::LeftButton,
            Qt::NoModifier);
        QCoreApplication::sendEvent(header->viewport(), &move);
        QTest::mouseRelease(header->viewport(), Qt::LeftButton, {}, QPoint(edge + 30, y));
        QCOMPARE(view.columnWidth(1), 100);
        QCOMPARE(view.visualRect(model.index(3, 0)).x(), 100);
    }

    void horizontalScrollMovesColumns()
    {
        FakeTableModel model(10, 8);
        UniformRowView view;
        setUp(view, model);
        for (int column = 0; column < 8; ++column)
            view.setColumnWidth(column, 100);
        QVERIFY(view.horizontalScrollBar()->maximum() > 0);
        view.scrollTo(model.index(2, 7));
        const QRect rect = view.visualRect(model.index(2, 7));
        QVERIFY(rect.right() < view.viewport()->width());
        QVERIFY(rect.left() >= 0);
        QCOMPARE(view.indexAt(rect.center()), model.index(2, 7));
        QCOMPARE(view.horizontalHeader()->offset(), view.horizontalScrollBar()->value());
    }

    void appendedRowsExtendTheScrollRange()
    {
        FakeTableModel model(5);
        UniformRowView view;
        setUp(view, model);
        QCOMPARE(view.verticalScrollBar()->maximum(), 0);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        for (int batch = 0; batch < 100; ++batch)
            model.append(100'000);
        QCOMPARE(view.verticalScrollBar()->maximum(), 10'000'005 - view.visibleRowCount());
        view.scrollTo(model.index(10'000'004, 0));
        QCOMPARE(view.indexAt(centerOf(view, 10'000'004)).row(), 10'000'004);
        QCOMPARE(resets.count(), 0);
    }

    void wholeModelChangeRepaintsOnlyVisibleRows()
    {
        // Counts the cells QAbstractItemView asks about (it unites their visualRects).
        struct CountingView : UniformRowView
        {
            QRect visualRect(const QModelIndex& index) const override
            {
                ++asked;
                return UniformRowView::visualRect(index);
            }
            mutable qint64 asked = 0;
        };
        struct ChangingModel : FakeTableModel
        {
            using FakeTableModel::FakeTableModel;
            void changeAll() { Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1)); }
        };
        ChangingModel model(50'000'000);
        CountingView view;
        setUp(view, model);
        view.asked = 0;
        model.changeAll();
        QVERIFY(view.asked > 0);
        QVERIFY2(view.asked <= qint64(view.visibleRowCount() + 1) * model.columnCount(),
            qPrintable(QString::number(view.asked)));
    }

    void sortIndicatorSortsTheModel()
    {
        struct SortingModel : FakeTableModel
        {
            using FakeTableModel::FakeTableModel;
            void sort(int column, Qt::SortOrder order) override
            {
                sortedColumn = column;
                sortedOrder = order;
            }
            int sortedColumn = -1;
            Qt::SortOrder sortedOrder = Qt::AscendingOrder;
        };
        SortingModel model(10);
        UniformRowView view;
        setUp(view, model);
        view.setSortingEnabled(true);
        QVERIFY(view.horizontalHeader()->isSortIndicatorShown());
        view.horizontalHeader()->setSortIndicator(2, Qt::DescendingOrder);
        QCOMPARE(model.sortedColumn, 2);
        QCOMPARE(model.sortedOrder, Qt::DescendingOrder);
    }

    void showsTooltipOfTheCellUnderTheMouse()
    {
        FakeTableModel model(100);
        UniformRowView view;
        setUp(view, model);
        const QPoint at = centerOf(view, 7);
        QHelpEvent help(QEvent::ToolTip, at, view.viewport()->mapToGlobal(at));
        QCoreApplication::sendEvent(view.viewport(), &help);
        QTRY_COMPARE(QToolTip::text(), QStringLiteral("tip 7"));
        QToolTip::hideText();
    }

    void paintsLikeATable()
    {
        FakeTableModel model(1'000'000);
        UniformRowView view;
        view.setAlternatingRowColors(true);
        view.setSelectionMode(QAbstractItemView::ExtendedSelection);
        setUp(view, model);
        view.resize(480, 260);
        view.setFocus();
        view.setCurrentIndex(model.index(3, 1));
        QTest::keyClick(&view, Qt::Key_Down, Qt::ShiftModifier);
        QCoreApplication::processEvents(); // scroll bars show/hide through a queued call
        const QImage image = view.grab().toImage();
        const QString dir = qEnvironmentVariable("TB_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            image.save(dir + QStringLiteral("/uniformrowview.png"));
        // Selected rows are painted in the highlight colour, others are not.
        const QPalette palette = view.palette();
        // Right of the (left-aligned, short) text.
        auto blankOf = [&view, &model](int row) {
            const QRect rect = view.visualRect(model.index(row, 2));
            return view.viewport()->mapTo(&view, QPoint(rect.right() - 3, rect.center().y()));
        };
        const QPoint inSelected = blankOf(4);
        const QPoint inPlain = blankOf(8);
        const QColor highlight = palette.color(QPalette::Active, QPalette::Highlight);
        auto near = [](QColor a, QColor b) {
            return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green())
                + std::abs(a.blue() - b.blue())
                < 60;
        };
        const qreal ratio = image.devicePixelRatio();
        QVERIFY(near(image.pixelColor((QPointF(inSelected) * ratio).toPoint()), highlight));
        QVERIFY(!near(image.pixelColor((QPointF(inPlain) * ratio).toPoint()), highlight));
    }
};

QTEST_MAIN(TestUniformRowView)
#include "tst_uniformrowview.moc"
