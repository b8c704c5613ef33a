// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// DatasetView: opening a file fills the table in the background, jump to line, the
// detail pane and its error mark, the background filter, and change detection; sorting by
// tokens, the status/rule/role filters, editing a record with undo and saving it.

#include "core/jsonlindex.h"
#include "fixturefiles.h"
#include "gui/datasetfilterbar.h"
#include "gui/datasetrecordeditor.h"
#include "gui/datasetview.h"
#include "gui/uniformrowview.h"
#include "gui/userdialogs.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

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

    static void openAndValidate(DatasetView& view, const QString& path)
    {
        QSignalSpy validated(&view, &DatasetView::validationFinished);
        openAndWait(view, path);
        QVERIFY(validated.count() == 1 || validated.wait(20000));
    }

    static QList<qint64> shownLines(const DatasetView& view)
    {
        QList<qint64> lines;
        for (int row = 0; row < view.model()->rowCount(); ++row)
            lines.append(view.model()->lineForRow(row));
        return lines;
    }

    static QByteArray contents(const QString& path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
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

        // An unsaved edit is what goes; select-all takes the first 100 rows only.
        view.model()->setLineEdit(0, R"({"messages":[{"role":"user","content":"edited"}]})");
        view.table()->selectAll();
        requested.clear();
        action->trigger();
        QVERIFY(requested.wait(5000));
        const auto all = requested.first().at(0).value<QList<QJsonObject>>();
        QCOMPARE(all.size(), 100);
        QCOMPARE(firstContent(all.at(0)), QStringLiteral("edited"));
        QCOMPARE(firstContent(all.at(99)), QStringLiteral("Needle 100"));
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

    void sortsByTokensFromTheValidationPass()
    {
        DatasetView view;
        QByteArray bytes;
        for (int i = 0; i < 50; ++i) // line i has i + 1 words
            bytes += "{\"messages\":[{\"role\":\"user\",\"content\":\"" + QByteArray(" word").repeated(i + 1)
                + "\"},{\"role\":\"assistant\",\"content\":\"ok\"}]}\r\n";
        bytes += "not json\n";
        openAndValidate(view, m_files.write(bytes));
        QVERIFY(view.model()->hasLineTokens());
        QSignalSpy sorted(view.model(), &DatasetTableModel::sortFinished);
        view.table()->sortByColumn(DatasetTableModel::TokensColumn, Qt::DescendingOrder); // a header click
        QVERIFY(sorted.wait(5000));
        QList<qint64> expected;
        for (qint64 line = 49; line >= 0; --line)
            expected.append(line);
        expected.append(50); // no count: last when descending
        QCOMPARE(shownLines(view), expected);
        for (int row = 1; row < 50; ++row) {
            QVERIFY(
                view.model()->data(view.model()->index(row - 1, DatasetTableModel::TokensColumn)).toLongLong()
                > view.model()->data(view.model()->index(row, DatasetTableModel::TokensColumn)).toLongLong());
        }
        // Jumping still finds lines; the filter walks in the sorted order.
        QVERIFY(view.jumpToLine(10));
        QCOMPARE(view.table()->currentIndex().row(), 40);
        QSignalSpy searched(&view, &DatasetView::searchFinished);
        view.setFilterText(QStringLiteral("assistant"));
        QVERIFY(searched.wait(5000));
        QCOMPARE(view.model()->lineForRow(0), 49);
        QCOMPARE(view.model()->rowCount(), 50);
    }

    void filtersByStatusRuleAndRole_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("matches");
        QTest::addColumn<qint64>("firstLine");
        QTest::newRow("errors") << int(tb::DatasetLineFilter::Status::Errors) << QString() << QString()
                                << QString() << qint64(1) << qint64(499);
        QTest::newRow("rule") << int(tb::DatasetLineFilter::Status::Any) << QStringLiteral("json_syntax")
                              << QString() << QString() << qint64(1) << qint64(499);
        QTest::newRow("role and text")
            << int(tb::DatasetLineFilter::Status::Any) << QString() << QStringLiteral("assistant")
            << QStringLiteral("needle") << qint64(9) << qint64(99);
        QTest::newRow("absent role") << int(tb::DatasetLineFilter::Status::Any) << QString()
                                     << QStringLiteral("tool") << QString() << qint64(0) << qint64(-1);
        QTest::newRow("warnings and text")
            << int(tb::DatasetLineFilter::Status::Warnings) << QString() << QString()
            << QStringLiteral("needle 700") << qint64(1) << qint64(699);
    }

    void filtersByStatusRuleAndRole()
    {
        QFETCH(int, status);
        QFETCH(QString, rule);
        QFETCH(QString, role);
        QFETCH(QString, text);
        QFETCH(qint64, matches);
        QFETCH(qint64, firstLine);
        DatasetView view;
        openAndValidate(view, m_files.write(fixture()));
        QVERIFY(view.filterBar()->ruleBox()->count() > 1);
        QVERIFY(view.filterBar()->ruleBox()->itemText(1).contains(QLatin1Char('(')));
        QSignalSpy searched(&view, &DatasetView::searchFinished);
        view.setFilterText(text);
        if (!text.isEmpty())
            QVERIFY(searched.wait(5000));
        searched.clear();
        view.filterBar()->setStatus(tb::DatasetLineFilter::Status(status));
        view.filterBar()->setRule(rule);
        view.filterBar()->setRole(role);
        QTRY_COMPARE(searched.size(), 1);
        QCOMPARE(searched.last().at(0).toLongLong(), matches);
        QCOMPARE(view.model()->rowCount(), int(matches));
        QCOMPARE(view.model()->lineForRow(0), firstLine);
    }

    void editsUndoesAndSavesARecord()
    {
        DatasetView view;
        tb::UserDialogs dialogs;
        dialogs.setInteractive(false);
        view.setDialogs(&dialogs);
        QByteArray original = fixture();
        original.replace("\n", "\r\n"); // line ends must survive
        const QString path = m_files.write(original);
        openAndValidate(view, path);
        QVERIFY(view.jumpToLine(3));
        tb::DatasetRecordEditor* editor = view.recordEditor();
        QCOMPARE(editor->line(), 2);
        editor->editAction()->trigger(); // loads the line's text
        QVERIFY(editor->textEdit()->toPlainText().startsWith(QStringLiteral("{\"messages\"")));

        editor->textEdit()->setPlainText(
            QStringLiteral("{\n  \"messages\": [\n    {\"role\": \"user\" \"content\": 1}\n]}"));
        QVERIFY(!editor->apply());
        QVERIFY(editor->lastCheck().syntaxError);
        QCOMPARE(editor->lastCheck().syntaxError->line, 3);
        QVERIFY(view.model()->edits().isEmpty());

        const QString edited
            = QStringLiteral("{\"messages\": [{\"role\": \"user\", \"content\": \"edited\"},\n"
                             "{\"role\": \"assistant\", \"content\": \"fine\"}]}");
        editor->textEdit()->setPlainText(edited);
        QVERIFY(!editor->apply()); // the warnings are shown first
        QVERIFY2(editor->findingsText().contains(QStringLiteral("missing_system_message")),
            qPrintable(editor->findingsText()));
        QVERIFY(editor->apply()); // and accepted the second time
        QVERIFY(view.model()->isEdited(2));
        QCOMPARE(view.detailLine(), 2);
        QVERIFY(view.detail().rawText.contains(QStringLiteral("edited")));
        QVERIFY(view.statusText().contains(QStringLiteral("unsaved")));
        QCOMPARE(view.model()->data(view.model()->index(2, DatasetTableModel::StatusColumn)).toString(),
            QStringLiteral("1 warning(s)"));

        editor->undoStack()->undo();
        QVERIFY(!view.model()->isEdited(2));
        QVERIFY(!view.detail().rawText.contains(QStringLiteral("edited")));
        editor->undoStack()->redo();
        QVERIFY(view.model()->isEdited(2));

        QSignalSpy reindexed(&view, &DatasetView::indexingFinished);
        editor->save();
        QVERIFY(reindexed.wait(5000));
        QByteArray expected = original;
        const qsizetype start = original.indexOf("\r\n", original.indexOf("\r\n") + 2) + 2;
        const qsizetype end = original.indexOf("\r\n", start);
        expected.replace(start, end - start,
            "{\"messages\": [{\"role\": \"user\", \"content\": \"edited\"},{\"role\": \"assistant\", "
            "\"content\": \"fine\"}]}");
        QCOMPARE(contents(path), expected);
        QVERIFY(view.model()->edits().isEmpty());
        QCOMPARE(editor->undoStack()->count(), 0);
        QTRY_COMPARE(view.detailLine(), 2);
        QVERIFY(view.detail().rawText.contains(QStringLiteral("edited")));
        QVERIFY(!view.statusText().contains(QStringLiteral("unsaved")));
    }

    void asksBeforeDroppingUnsavedEdits()
    {
        DatasetView view;
        tb::UserDialogs dialogs;
        dialogs.setInteractive(false);
        view.setDialogs(&dialogs);
        const QString first = m_files.write(fixture());
        const QString second = m_files.write("{\"messages\":[]}\n");
        openAndWait(view, first);
        view.model()->setLineEdit(0, "{}");

        dialogs.enqueueAnswer(int(QMessageBox::Cancel));
        QVERIFY(!view.openFile(second));
        QCOMPARE(view.filePath(), first);
        QVERIFY(view.model()->isEdited(0));

        dialogs.enqueueAnswer(int(QMessageBox::Discard));
        QVERIFY(view.openFile(second));
        QCOMPARE(view.filePath(), second);
        QCOMPARE(contents(first), fixture());
        QCOMPARE(dialogs.pendingAnswers(), 0);
    }

    void savesAsANewFileAndOpensIt()
    {
        DatasetView view;
        tb::UserDialogs dialogs;
        dialogs.setInteractive(false);
        view.setDialogs(&dialogs);
        const QString path = m_files.write("{\"a\":1}\n{\"b\":2}");
        openAndWait(view, path);
        view.model()->setLineEdit(1, "{\"b\":3}");
        const QString target = m_files.filePath(QStringLiteral("copy.jsonl"));
        dialogs.enqueueAnswer(target);
        QSignalSpy reindexed(&view, &DatasetView::indexingFinished);
        view.recordEditor()->saveAs();
        QVERIFY(reindexed.wait(5000));
        QCOMPARE(contents(target), QByteArray("{\"a\":1}\n{\"b\":3}"));
        QCOMPARE(contents(path), QByteArray("{\"a\":1}\n{\"b\":2}"));
        QCOMPARE(view.filePath(), target);
    }

    // Not a check: TB_SCREENSHOT_DIR=dir writes the page with filters and an edit in progress.
    void screenshot()
    {
        const QString dir = qEnvironmentVariable("TB_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set TB_SCREENSHOT_DIR to write screenshots");
        DatasetView view;
        view.resize(1360, 760);
        view.show();
        openAndValidate(view, m_files.write(fixture()));
        QSignalSpy searched(&view, &DatasetView::searchFinished);
        QSignalSpy sorted(view.model(), &DatasetTableModel::sortFinished);
        view.table()->sortByColumn(DatasetTableModel::TokensColumn, Qt::DescendingOrder);
        QVERIFY(sorted.wait(5000));
        view.filterBar()->setStatus(tb::DatasetLineFilter::Status::Warnings);
        view.filterBar()->setRole(QStringLiteral("assistant"));
        view.setFilterText(QStringLiteral("needle"));
        QTRY_VERIFY(!searched.isEmpty());
        view.table()->setCurrentIndex(view.model()->index(2, 0));
        QCOMPARE(view.recordEditor()->line(), view.model()->lineForRow(2));
        view.recordEditor()->editAction()->trigger();
        QPlainTextEdit* text = view.recordEditor()->textEdit();
        text->setPlainText(
            text->toPlainText().replace(QStringLiteral("\"ok\""), QStringLiteral("\"fixed\"")));
        view.recordEditor()->apply(); // shows the warning
        QTest::qWait(200);
        QVERIFY(view.grab().save(QDir(dir).filePath(QStringLiteral("datasets-edit.png"))));
        QVERIFY(view.recordEditor()->apply()); // accepted anyway
        view.table()->setCurrentIndex(view.model()->index(4, 0));
        text->setPlainText(
            QStringLiteral("{\n  \"messages\": [\n    {\"role\": \"user\" \"content\": \"x\"}\n  ]\n}"));
        view.recordEditor()->apply();
        QTest::qWait(200);
        QVERIFY(view.grab().save(QDir(dir).filePath(QStringLiteral("datasets-edit-error.png"))));
    }

    void opensThroughTheChooser()
    {
        DatasetView view;
        const QString path = m_files.write(fixture());
        view.setFileChooser([path](QWidget*) { return path; });
        QSignalSpy opened(&view, &DatasetView::fileOpened);
        const QList<QAction*> actions = view.datasetActions();
        QCOMPARE(actions.size(), 12); // 5 of the viewer, Use as Few-Shot Examples, 6 of the record editor
        QCOMPARE(actions.at(2)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_G));
        actions.at(0)->trigger();
        QCOMPARE(opened.count(), 1);
        QCOMPARE(view.filePath(), path);
    }
};

QTEST_MAIN(TestDatasetView)
#include "tst_datasetview.moc"
