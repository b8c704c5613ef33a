// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fixturefiles.h"
#include "gui/datasetfileactions.h"
#include "gui/datasetview.h"
#include "gui/mergedialog.h"
#include "gui/preparedialog.h"
#include "gui/userdialogs.h"

#include <QAction>
#include <QDir>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QToolBar>

using tb::DatasetFileActions;
using tb::DatasetView;

class TestDatasetFileActions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_files.isValid()); }
    void actionsAreOnThePageAndItsToolbar();
    void prepareNeedsAnOpenFileAndUsesIt();
    void mergeStartsWithTheFileShownAndOpensTheResult();

private:
    tb::test::FixtureFiles m_files { QStringLiteral("data") };
};

void TestDatasetFileActions::actionsAreOnThePageAndItsToolbar()
{
    DatasetView view;
    DatasetFileActions* actions = view.fileActions();
    QVERIFY(actions);
    QVERIFY(view.actions().contains(actions->prepareAction())); // shortcuts work on the page
    QVERIFY(view.actions().contains(actions->mergeAction()));
    const QList<QAction*> toolbar = view.findChild<QToolBar*>()->actions();
    QVERIFY(toolbar.contains(actions->prepareAction()));
    QVERIFY(toolbar.contains(actions->mergeAction()));
    QVERIFY(!actions->prepareAction()->shortcut().isEmpty());
    QVERIFY(!actions->mergeAction()->shortcut().isEmpty());
    // With TUNEBENCH_SCREENSHOT_DIR set (e.g. under xvfb-run), saves the page for the docs.
    const QString folder = qEnvironmentVariable("TUNEBENCH_SCREENSHOT_DIR");
    if (!folder.isEmpty()) {
        view.resize(1100, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.grab().save(QDir(folder).filePath(QStringLiteral("datasets-toolbar.png")));
    }
}

void TestDatasetFileActions::prepareNeedsAnOpenFileAndUsesIt()
{
    const QString path = m_files.write("{\"prompt\": \"a ->\", \"completion\": \" x\\n\"}\n{\"prompt\": \"b "
                                       "->\", \"completion\": \" y\\n\"}\n");
    tb::UserDialogs dialogs;
    dialogs.setInteractive(false);
    DatasetView view;
    view.fileActions()->setDialogs(&dialogs);
    QVERIFY(!view.fileActions()->prepareAction()->isEnabled());
    QVERIFY(!view.fileActions()->openPrepareDialog());
    QVERIFY(view.openFile(path));
    QVERIFY(view.fileActions()->prepareAction()->isEnabled());
    QPointer<tb::PrepareDialog> dialog = view.fileActions()->openPrepareDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->inputPath(), path);
    QVERIFY(dialog->testAttribute(Qt::WA_DeleteOnClose));
    dialog->close();
    QTRY_VERIFY(dialog.isNull());
}

void TestDatasetFileActions::mergeStartsWithTheFileShownAndOpensTheResult()
{
    const QString path = m_files.write("{}\n");
    tb::UserDialogs dialogs;
    dialogs.setInteractive(false);
    DatasetView view;
    view.fileActions()->setDialogs(&dialogs);
    QVERIFY(view.openFile(path));
    QPointer<tb::MergeDialog> dialog = view.fileActions()->openMergeDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->files(), QStringList { path });
    QSignalSpy opened(&view, &DatasetView::fileOpened);
    Q_EMIT dialog->openRequested(path);
    QCOMPARE(opened.size(), 1);
    QTRY_VERIFY(dialog.isNull());
}

QTEST_MAIN(TestDatasetFileActions)
#include "tst_datasetfileactions.moc"
