// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// DatasetView: opening a file fills the table in the background, jump to line, the
// detail pane and its error mark, the background filter, and change detection.

#include "core/jsonlindex.h"
#include "fixturefiles.h"
#include "gui/datasetview.h"

#include <QAction>
#include <QFile>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using tb::DatasetTableModel;
using tb::DatasetView;

class TestDatasetView : public QObject
{
    Q_OBJECT

private:
    tb::test::FixtureFiles m_files { QStringLiteral("v") };

    // 1000 chat lines; every 100th mentions "Needle"; line 500 (1-based) is broken.
    static QByteArray fixture()
    {
        QByteArray bytes;
        for (int i = 1; i <= 1000; ++i) {
            if (i == 500) {
                bytes += "{\"messages\":[{\"role\":\"user\" \"content\":\"x\"}]}\n";
                continue;
            }
            const QByteArray word = i % 100 == 0 ? "Needle" : "hay";
            bytes += "{\"messages\":[{\"role\":\"user\",\"content\":\"" + word + " " + QByteArray::number(i)
                + "\"},{\"role\":\"assistant\",\"content\":\"ok\"}]}\n";
        }
        return bytes;
    }

    static void openAndWait(DatasetView& view, const QString& path)
    {
        QSignalSpy finished(&view, &DatasetView::indexingFinished);
        QVERIFY(view.openFile(path));
        QVERIFY(finished.count() == 1 || finished.wait(5000));
        QCOMPARE(finished.count(), 1);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_files.isValid()); }

    void opensFileAndShowsFirstLine()
    {
        DatasetView view;
        view.setTokenCounter([](const QJsonObject&) -> std::optional<qint64> { return 7; });
        QSignalSpy shown(&view, &DatasetView::detailShown);
        openAndWait(view, m_files.write(fixture()));
        QCOMPARE(view.model()->rowCount(), 1000);
        QVERIFY2(view.statusText().contains(QStringLiteral("1,000 lines"))
                || view.statusText().contains(QStringLiteral("1000 lines")),
            qPrintable(view.statusText()));
        QTRY_COMPARE(view.detailLine(), 0);
        QVERIFY(view.detail().conversationHtml.contains(QStringLiteral("hay 1")));
        QCOMPARE(view.model()->data(view.model()->index(0, DatasetTableModel::TokensColumn)).toLongLong(), 7);
    }

    void selectedRowsAreSentAsExamplesInFileOrder()
    {
        DatasetView view;
        openAndWait(view, m_files.write(fixture()));
        QSignalSpy requested(&view, &DatasetView::examplesRequested);
        view.table()->clearSelection();
        QVERIFY(!view.requestExamples()); // nothing selected
        QItemSelectionModel* selection = view.table()->selectionModel();
        // Picked out of order, with the broken line 500 among them: it is left out.
        for (const int row : { 99, 2, 499 })
            selection->select(view.model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QAction* action = nullptr;
        for (QAction* candidate : view.datasetActions()) {
            if (candidate->text().contains(QStringLiteral("Few-Shot")))
                action = candidate;
        }
        QVERIFY(action);
        action->trigger();
        QVERIFY(requested.wait(5000));
        const auto rows = requested.first().at(0).value<QList<QJsonObject>>();
        QCOMPARE(rows.size(), 2);
        const auto firstContent = [](const QJsonObject& row) {
            return row.value(QStringLiteral("messages")).toArray().at(0).toObject().value(QStringLiteral("content")).toString();
        };
        QCOMPARE(firstContent(rows.at(0)), QStringLiteral("hay 3"));
        QCOMPARE(firstContent(rows.at(1)), QStringLiteral("Needle 100"));
    }

    void validatesAfterIndexingAndMarksRows()
    {
        DatasetView view;
        QSignalSpy validated(&view, &DatasetView::validationFinished);
        openAndWait(view, m_files.write(fixture()));
        QVERIFY(validated.wait(10000));
        QCOMPARE(validated.first().at(0).toLongLong(), 1); // line 500's syntax error
        const auto* model = view.model();
        const QModelIndex broken = model->index(499, DatasetTableModel::StatusColumn);
        QCOMPARE(model->data(broken).toString(), QStringLiteral("1 error(s)"));
        const QString why = model->data(broken, Qt::ToolTipRole).toString();
        QVERIFY2(why.contains(QStringLiteral("json_syntax")), qPrintable(why));
        const QString first = model->data(model->index(0, DatasetTableModel::StatusColumn)).toString();
        QVERIFY2(!first.contains(QStringLiteral("error")), qPrintable(first));
        QVERIFY2(view.statusText().contains(QStringLiteral("1 error")), qPrintable(view.statusText()));
    }

    void jumpsToLine_data()
    {
        QTest::addColumn<qint64>("line");
        QTest::addColumn<bool>("ok");
        QTest::newRow("first") << qint64(1) << true;
        QTest::newRow("middle") << qint64(321) << true;
        QTest::newRow("last") << qint64(1000) << true;
        QTest::newRow("past the end") << qint64(1001) << false;
        QTest::newRow("zero") << qint64(0) << false;
    }

    void jumpsToLine()
    {
        QFETCH(qint64, line);
        QFETCH(bool, ok);
        DatasetView view;
        openAndWait(view, m_files.write(fixture()));
        QCOMPARE(view.jumpToLine(line), ok);
        if (ok) {
            QCOMPARE(view.table()->currentIndex().row(), int(line - 1));
            QCOMPARE(view.detailLine(), line - 1);
            QVERIFY(view.detail().conversationHtml.contains(QStringLiteral("Line %1").arg(line)));
        } else {
            QVERIFY2(view.statusText().contains(QStringLiteral("no line")), qPrintable(view.statusText()));
        }
    }

    void marksJsonErrorInRawView()
    {
        DatasetView view;
        openAndWait(view, m_files.write(fixture()));
        QVERIFY(view.jumpToLine(500));
        QCOMPARE(view.detailLine(), 499);
        QVERIFY(!view.detail().errorText.isEmpty());
        QVERIFY(view.detail().errorPosition > 0);
        QVERIFY(view.detail().conversationHtml.contains(QStringLiteral("Invalid JSON")));
    }

    void filtersInBackground()
    {
        DatasetView view;
        openAndWait(view, m_files.write(fixture()));
        QSignalSpy finished(&view, &DatasetView::searchFinished);
        view.setFilterText(QStringLiteral("needle"));
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().at(0).toLongLong(), 9); // every 100th line but the broken 500th
        QCOMPARE(view.model()->rowCount(), 9);
        QCOMPARE(view.model()->lineForRow(0), 99);
        QCOMPARE(view.model()->lineForRow(4), 599);
        QCOMPARE(view.model()->lineForRow(8), 999);

        // A line the filter hides: jumping there shows every line again.
        QVERIFY(view.jumpToLine(42));
        QVERIFY(!view.model()->isFiltered());
        QCOMPARE(view.model()->rowCount(), 1000);
        QCOMPARE(view.table()->currentIndex().row(), 41);

        view.setFilterText(QStringLiteral("needle"));
        QVERIFY(finished.wait(5000));
        view.setFilterText(QString());
        QCOMPARE(view.model()->rowCount(), 1000);
    }

    void reportsFileThatCannotOpen()
    {
        DatasetView view;
        QVERIFY(!view.openFile(m_files.filePath(QStringLiteral("missing.jsonl"))));
        QVERIFY2(view.statusText().contains(QStringLiteral("missing.jsonl")), qPrintable(view.statusText()));
        QCOMPARE(view.model()->rowCount(), 0);
    }

    void noticesChangeOnDiskAndReloadsInPlace()
    {
        DatasetView view;
        const QString path = m_files.write(fixture());
        openAndWait(view, path);
        QVERIFY(view.jumpToLine(700));
        QSignalSpy changed(&view, &DatasetView::fileChangedOnDisk);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::Append));
            file.write("{\"messages\":[]}\n");
        }
        QVERIFY(changed.wait(5000));
        QSignalSpy finished(&view, &DatasetView::indexingFinished);
        view.reload();
        QVERIFY(finished.wait(5000));
        QCOMPARE(view.model()->rowCount(), 1001);
        QCOMPARE(view.table()->currentIndex().row(), 699); // where the user was
        QTRY_COMPARE(view.detailLine(), 699);
    }

    void opensThroughTheChooser()
    {
        DatasetView view;
        const QString path = m_files.write(fixture());
        view.setFileChooser([path](QWidget*) { return path; });
        QSignalSpy opened(&view, &DatasetView::fileOpened);
        const QList<QAction*> actions = view.datasetActions();
        QCOMPARE(actions.size(), 6); // with "Use as Few-Shot Examples"
        QCOMPARE(actions.at(2)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_G));
        actions.at(0)->trigger();
        QCOMPARE(opened.count(), 1);
        QCOMPARE(view.filePath(), path);
    }
};

QTEST_MAIN(TestDatasetView)
#include "tst_datasetview.moc"
