// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The run side of the Prompts page against the in-process emulator: n variants and
// several models stream side by side and are stored as one group, Stop cancels them
// all, two stored runs compare word by word, chat turns and both prompt-selection
// steps are stored and reopen, classifier failures end "Choosing…", and switching
// workspace swaps the history without waiting for the old one.

#include "gui/accountsession.h"
#include "gui/chatmodel.h"
#include "gui/chatpanel.h"
#include "gui/completionrunner.h"
#include "gui/historypanel.h"
#include "gui/parameterform.h"
#include "gui/rundiffdialog.h"
#include "gui/runhistorymodel.h"
#include "gui/runpane.h"
#include "gui/runpanel.h"
#include "gui/templatedocument.h"
#include "gui/userdialogs.h"
#include "gui/workbenchpage.h"
#include "openaiemulator.h"
#include "workbenchfixture.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <memory>

using namespace tb;
using tb::test::OpenAiEmulator;
using tb::test::ScriptedReply;
using Kind = TextDiff::Segment::Kind;

namespace {

const QString kSentiment = QStringLiteral(":/templates/sentiment-few-shot.json");
const QString kAdventure = QStringLiteral(":/templates/text-adventure-chat.json");
const QString kSelection = QStringLiteral(":/templates/prompt-selection.json");
const QString kWriter = QStringLiteral(":/templates/writer.json");
const QString kMini = QStringLiteral("emulator-model-mini");

// With TUNEBENCH_SCREENSHOT_DIR set (e.g. under xvfb-run), saves the widget for the docs.
void saveScreenshot(QWidget* widget, const QString& name)
{
    const QString folder = qEnvironmentVariable("TUNEBENCH_SCREENSHOT_DIR");
    if (folder.isEmpty())
        return;
    QTest::qWait(100); // let pending layouts settle before grabbing
    widget->grab().save(QDir(folder).filePath(name));
}

ScriptedReply reply(const QString& text, int delayBetweenChunksMs = 0, int delayBeforeHeadersMs = 0)
{
    ScriptedReply scripted;
    scripted.replyText = text;
    scripted.delayBetweenChunksMs = delayBetweenChunksMs;
    scripted.delayBeforeHeadersMs = delayBeforeHeadersMs;
    return scripted;
}

QStringList paneTexts(const RunPanel* panel)
{
    QStringList texts;
    for (const RunPane* pane : panel->panes())
        texts.append(pane->edit()->toPlainText());
    return texts;
}

} // namespace

class TestRunPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void variantsStreamSideBySideAndAreStoredAsOneGroup_data();
    void variantsStreamSideBySideAndAreStoredAsOneGroup();
    void stopCancelsEveryVariant();
    void reopeningAVariantShowsItsGroupSideBySide();
    void comparingTwoStoredRunsHighlightsTheChangedWords();
    void chatTurnsAreStoredAndReopenTheConversation();
    void promptSelectionStoresBothStepsAndReopensThem();
    void classifierFailuresEndChoosingWithASentence_data();
    void classifierFailuresEndChoosingWithASentence();
    void switchingWorkspaceSwapsTheHistory();

private:
    void createPage();
    bool open(const QString& path);
    // Runs the open template once with `value` as the sentiment review and `text` as the reply.
    bool runOnce(const QString& value, const QString& text, int expectedRows);

    OpenAiEmulator m_emulator;
    QNetworkAccessManager m_network;
    tb::test::WorkbenchFixture m_fixture;
    UserDialogs m_dialogs;
    std::unique_ptr<WorkbenchPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_historyTester;
};

void TestRunPanel::initTestCase()
{
    QVERIFY(tb::test::WorkbenchFixture::prepare(m_emulator, m_dialogs));
}

void TestRunPanel::init()
{
    QVERIFY(m_fixture.setUp(m_emulator));
    createPage();
}

void TestRunPanel::createPage()
{
    m_page = std::make_unique<WorkbenchPage>(m_fixture.services(&m_network, &m_dialogs));
    QSignalSpy loaded(m_page.get(), &WorkbenchPage::templatesLoaded);
    m_historyTester = std::make_unique<QAbstractItemModelTester>(m_page->historyModel(),
                                                                 QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_page->resize(1500, 900);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QVERIFY(loaded.count() > 0 || loaded.wait());
    m_page->session()->fetchModels(); // the "Fetch Models" action
    QTRY_VERIFY(m_page->runPanel()->modelsButton()->isEnabled());
    m_emulator.clearRequests();
}

void TestRunPanel::cleanup()
{
    if (m_page)
        m_page->document()->undoStack()->setClean();
    m_historyTester.reset();
    m_page.reset();
    m_fixture.reset();
    QVERIFY(tb::test::WorkbenchFixture::allQuestionsAnswered(m_dialogs));
}

bool TestRunPanel::open(const QString& path)
{
    return m_page->openTemplate(path) && m_page->document()->path() == path;
}

bool TestRunPanel::runOnce(const QString& value, const QString& text, int expectedRows)
{
    m_page->parameterForm()->setValue(QStringLiteral("review"), value);
    m_emulator.enqueue(reply(text));
    m_page->run();
    return QTest::qWaitFor([&] { return m_page->historyModel()->rowCount() == expectedRows; }, 10000);
}

void TestRunPanel::variantsStreamSideBySideAndAreStoredAsOneGroup_data()
{
    QTest::addColumn<int>("variants");
    QTest::addColumn<QStringList>("models");
    QTest::addColumn<QStringList>("expectedModels"); // per pane
    const QString model = QString::fromLatin1(OpenAiEmulator::kDefaultModel);
    QTest::newRow("3 variants of the template's model") << 3 << QStringList() << QStringList{model, model, model};
    QTest::newRow("2 models x 2 variants") << 2 << QStringList{model, kMini} << QStringList{model, model, kMini, kMini};
    QTest::newRow("2 models, 1 each") << 1 << QStringList{kMini, model} << QStringList{kMini, model};
}

void TestRunPanel::variantsStreamSideBySideAndAreStoredAsOneGroup()
{
    QFETCH(int, variants);
    QFETCH(QStringList, models);
    QFETCH(QStringList, expectedModels);
    const int count = int(expectedModels.size());
    QVERIFY(open(kSentiment));
    m_page->parameterForm()->setValue(QStringLiteral("review"), QStringLiteral("Cold chips."));
    RunPanel* panel = m_page->runPanel();
    panel->setVariantCount(variants);
    panel->setSelectedModels(models);
    QStringList scripted;
    for (int i = 0; i < count; ++i) {
        scripted.append(QStringLiteral("Reply %1: the chips were cold, said variant %1.").arg(i));
        // Held back long enough that every request is on the wire before any answers.
        m_emulator.enqueue(reply(scripted.last(), 10, 400));
    }
    m_page->run();
    QCOMPARE(panel->panes().size(), count);
    // All requests are sent at once, not one after the other.
    QTRY_COMPARE_WITH_TIMEOUT(m_emulator.requestCount(QStringLiteral("/chat/completions")), count, 10000);
    for (const RunPane* pane : panel->panes())
        QVERIFY(pane->isRunning());
    QVERIFY(panel->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isRunning(), 10000);

    // Each pane holds one whole reply with its own stats; together they are all the replies.
    QStringList texts = paneTexts(panel);
    texts.sort();
    scripted.sort();
    QCOMPARE(texts, scripted);
    QStringList sentModels;
    for (const tb::test::EmulatorRequest& request : m_emulator.requests())
        sentModels.append(request.json().value(QStringLiteral("model")).toString());
    QStringList expectedSent = expectedModels;
    sentModels.sort();
    expectedSent.sort();
    QCOMPARE(sentModels, expectedSent);
    for (int i = 0; i < count; ++i) {
        const RunPane* pane = panel->panes().at(i);
        QCOMPARE(pane->record().model(), expectedModels.at(i));
        QVERIFY2(pane->title().startsWith(expectedModels.at(i)), qPrintable(pane->title()));
        QVERIFY2(pane->statsText().contains(QStringLiteral("finish_reason stop"))
                     && pane->statsText().contains(QStringLiteral("first token"))
                     && pane->statsText().contains(QStringLiteral("completion tokens")),
                 qPrintable(pane->statsText()));
        QVERIFY(pane->statsLabel()->isVisible());
    }
    QCOMPARE(panel->status(), count == 1 ? panel->panes().first()->statsText()
                                         : QStringLiteral("All %1 runs finished.").arg(count));

    // One history record per pane, one group, each with its pane's reply.
    QTRY_COMPARE_WITH_TIMEOUT(m_page->historyModel()->rowCount(), count, 10000);
    QSet<int> variantsSeen;
    const QString group = m_page->historyModel()->recordAt(0)->groupId;
    QVERIFY(!group.isEmpty());
    for (int row = 0; row < count; ++row) {
        const RunRecord* record = m_page->historyModel()->recordAt(row);
        QCOMPARE(record->groupId, group);
        QCOMPARE(record->groupSize, count);
        QCOMPARE(record->response, panel->panes().at(record->variant)->edit()->toPlainText());
        QCOMPARE(record->model(), expectedModels.at(record->variant));
        QCOMPARE(record->values.value(QStringLiteral("review")).toString(), QStringLiteral("Cold chips."));
        variantsSeen.insert(record->variant);
    }
    QCOMPARE(variantsSeen.size(), count);
    if (count == 4) {
        m_page->outputTabs()->setCurrentWidget(panel);
        saveScreenshot(m_page.get(), QStringLiteral("runs-side-by-side.png"));
    }
}

void TestRunPanel::stopCancelsEveryVariant()
{
    QVERIFY(open(kSentiment));
    RunPanel* panel = m_page->runPanel();
    panel->setVariantCount(3);
    const QString words = QStringLiteral("one two three four five six seven eight nine ten eleven twelve");
    for (int i = 0; i < 3; ++i)
        m_emulator.enqueue(reply(words, 80));
    m_page->run();
    const QList<RunPane*> panes = panel->panes();
    QCOMPARE(panes.size(), 3);
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(panes.begin(), panes.end(),
                                         [](const RunPane* pane) { return pane->runner()->deltaCount() >= 2; }),
                             10000);
    QVERIFY(m_page->findChild<QAction*>(QStringLiteral("stopAction"))->isEnabled());
    m_page->stop();
    QVERIFY(!panel->isRunning());
    for (const RunPane* pane : panes) {
        QVERIFY(!pane->isRunning());
        QCOMPARE(pane->statsText(), QStringLiteral("Stopped."));
        QVERIFY2(pane->edit()->toPlainText().startsWith(QStringLiteral("one two")), qPrintable(pane->edit()->toPlainText()));
        QVERIFY(pane->edit()->toPlainText().size() < words.size());
    }
    QCOMPARE(panel->status(), QStringLiteral("3 runs finished, 3 of them stopped or failed."));
    QVERIFY(m_page->findChild<QAction*>(QStringLiteral("runAction"))->isEnabled());
    QTRY_COMPARE(m_page->historyModel()->rowCount(), 3);
    for (int row = 0; row < 3; ++row)
        QCOMPARE(m_page->historyModel()->recordAt(row)->outcome, QStringLiteral("stopped"));
    const QStringList partial = paneTexts(panel);
    QTest::qWait(200); // nothing more arrives after Stop
    QCOMPARE(paneTexts(panel), partial);
}

void TestRunPanel::reopeningAVariantShowsItsGroupSideBySide()
{
    QVERIFY(open(kSentiment));
    RunPanel* panel = m_page->runPanel();
    panel->setVariantCount(2);
    m_emulator.enqueue({reply(QStringLiteral("first")), reply(QStringLiteral("second"))});
    m_page->run();
    QTRY_COMPARE_WITH_TIMEOUT(m_page->historyModel()->rowCount(), 2, 10000);
    QStringList replies = paneTexts(panel);

    QVERIFY(open(kAdventure));
    panel->setVariantCount(1);
    m_emulator.enqueue(reply(QStringLiteral("unrelated")));
    m_page->run();
    QTRY_COMPARE_WITH_TIMEOUT(m_page->historyModel()->rowCount(), 3, 10000);
    QCOMPARE(panel->panes().size(), 1);

    m_page->outputTabs()->setCurrentWidget(m_page->historyPanel());
    m_page->historyView()->setFocus();
    m_page->historyView()->setCurrentIndex(m_page->historyModel()->index(1, 0)); // a variant
    QTest::keyClick(m_page->historyView(), Qt::Key_Return);
    QCOMPARE(m_page->document()->path(), kSentiment);
    QCOMPARE(m_page->outputTabs()->currentWidget(), panel);
    QTRY_COMPARE(panel->panes().size(), 2);
    QCOMPARE(paneTexts(panel), replies);
    QVERIFY(panel->status().contains(QStringLiteral("2 runs of one group")));

    // The two panes compare like two stored runs.
    m_page->findChild<QAction*>(QStringLiteral("comparePanesAction"))->trigger();
    auto* dialog = m_page->findChild<RunDiffDialog*>();
    QVERIFY(dialog);
    QCOMPARE(TextDiff::words(dialog->diff(RunDiffDialog::Reply), Kind::Deleted), QStringList{replies.at(0)});
    QCOMPARE(TextDiff::words(dialog->diff(RunDiffDialog::Reply), Kind::Inserted), QStringList{replies.at(1)});
    QCOMPARE(dialog->tabs()->tabText(RunDiffDialog::Messages), QStringLiteral("&Messages (same)"));
    dialog->close();
}

void TestRunPanel::comparingTwoStoredRunsHighlightsTheChangedWords()
{
    QVERIFY(open(kSentiment));
    QVERIFY(runOnce(QStringLiteral("Cold chips."), QStringLiteral("2: The chips were cold and soggy."), 1));
    QVERIFY(runOnce(QStringLiteral("Cold chips, slow service."), QStringLiteral("1: The chips were cold and late."), 2));

    m_page->outputTabs()->setCurrentWidget(m_page->historyPanel());
    QTableView* view = m_page->historyView();
    view->setFocus();
    view->selectRow(0);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      view->visualRect(m_page->historyModel()->index(1, 0)).center());
    QCOMPARE(m_page->historyPanel()->selectedRecords().size(), 2);
    m_page->historyPanel()->compareAction()->trigger();
    auto* dialog = m_page->findChild<RunDiffDialog*>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());

    // A is the older run, B the newer.
    const QList<TextDiff::Segment>& reply = dialog->diff(RunDiffDialog::Reply);
    QCOMPARE(TextDiff::words(reply, Kind::Deleted), (QStringList{QStringLiteral("2"), QStringLiteral("soggy")}));
    QCOMPARE(TextDiff::words(reply, Kind::Inserted), (QStringList{QStringLiteral("1"), QStringLiteral("late")}));
    QVERIFY(dialog->afterView(RunDiffDialog::Reply)->toHtml().contains(QStringLiteral("late")));
    QVERIFY(!dialog->afterView(RunDiffDialog::Reply)->toPlainText().contains(QStringLiteral("soggy")));
    QVERIFY(dialog->beforeView(RunDiffDialog::Reply)->toPlainText().contains(QStringLiteral("soggy")));
    const QList<TextDiff::Segment>& messages = dialog->diff(RunDiffDialog::Messages);
    QVERIFY(TextDiff::words(messages, Kind::Deleted).isEmpty());
    QCOMPARE(TextDiff::words(messages, Kind::Inserted),
             (QStringList{QStringLiteral(","), QStringLiteral("slow"), QStringLiteral("service")}));
    const QList<TextDiff::Segment>& parameters = dialog->diff(RunDiffDialog::Parameters);
    QCOMPARE(TextDiff::words(parameters, Kind::Inserted),
             (QStringList{QStringLiteral(","), QStringLiteral("slow"), QStringLiteral("service")}));
    QVERIFY(TextDiff::side(parameters, Kind::Inserted).contains(QStringLiteral("max_tokens: 100")));
    QCOMPARE(dialog->tabs()->tabText(RunDiffDialog::Reply), QStringLiteral("&Reply (−2 +2)"));
    saveScreenshot(dialog, QStringLiteral("runs-diff.png"));
    dialog->tabs()->setCurrentIndex(RunDiffDialog::Messages);
    saveScreenshot(dialog, QStringLiteral("runs-diff-messages.png"));
    dialog->close();

    // One selected run is not enough.
    view->selectRow(0);
    m_page->historyPanel()->compareAction()->trigger();
    QVERIFY(m_page->runStatusLabel()->text().contains(QStringLiteral("exactly two")));
}

void TestRunPanel::chatTurnsAreStoredAndReopenTheConversation()
{
    QVERIFY(open(kAdventure));
    m_page->startChat();
    ChatPanel* chat = m_page->chatPanel();
    for (const QString& turn : {QStringLiteral("Go north"), QStringLiteral("Light the lantern")}) {
        chat->input()->setPlainText(turn);
        chat->send();
        QTRY_VERIFY_WITH_TIMEOUT(!chat->runner()->isRunning(), 10000);
    }
    QTRY_COMPARE(m_page->historyModel()->rowCount(), 2);
    const RunRecord second = *m_page->historyModel()->recordAt(0);
    const RunRecord first = *m_page->historyModel()->recordAt(1);
    QCOMPARE(first.kind, RunRecord::kChat);
    QCOMPARE(first.groupId, second.groupId);
    QCOMPARE(first.response, QStringLiteral("Emulated reply to: Go north"));
    QCOMPARE(second.response, QStringLiteral("Emulated reply to: Light the lantern"));
    QCOMPARE(m_page->historyModel()->index(1, RunHistoryModel::KindColumn).data().toString(),
             QStringLiteral("chat turn 1"));
    QCOMPARE(m_page->historyModel()->index(0, RunHistoryModel::KindColumn).data().toString(),
             QStringLiteral("chat turn 2"));

    // Elsewhere, then back to the first turn: the conversation up to its reply.
    QVERIFY(open(kSentiment));
    m_page->outputTabs()->setCurrentWidget(m_page->historyPanel());
    QVERIFY(m_page->reopenRun(1));
    QCOMPARE(m_page->document()->path(), kAdventure);
    QCOMPARE(m_page->outputTabs()->currentWidget(), chat);
    QCOMPARE(chat->model()->rowCount(), 9);
    QCOMPARE(chat->model()->index(7, ChatModel::ContentColumn).data().toString(), QStringLiteral("Go north"));
    QCOMPARE(chat->model()->index(8, ChatModel::ContentColumn).data().toString(),
             QStringLiteral("Emulated reply to: Go north"));

    // It goes on from there, in the same conversation.
    chat->input()->setPlainText(QStringLiteral("Open the door"));
    m_page->run();
    QTRY_COMPARE_WITH_TIMEOUT(m_page->historyModel()->rowCount(), 3, 10000);
    const QJsonArray sent = m_emulator.requests().last().json().value(QStringLiteral("messages")).toArray();
    QCOMPARE(sent.size(), 10);
    QCOMPARE(sent.at(8).toObject().value(QStringLiteral("content")).toString(), QStringLiteral("Emulated reply to: Go north"));
    QCOMPARE(m_page->historyModel()->recordAt(0)->groupId, first.groupId);
    QCOMPARE(m_page->historyModel()->recordAt(0)->response, QStringLiteral("Emulated reply to: Open the door"));
}

void TestRunPanel::promptSelectionStoresBothStepsAndReopensThem()
{
    QVERIFY(open(kSelection));
    m_page->parameterForm()->setValue(QStringLiteral("request"), QStringLiteral("A haiku about ferries"));
    const QString answer = QStringLiteral("{\"template\": \"writer\", \"action\": \"write\", \"document\": \"a haiku\"}");
    m_emulator.enqueue({reply(answer), reply(QStringLiteral("Grey hull, white wake"))});
    m_page->runWithSelection();
    QVERIFY(m_page->runStatusLabel()->text().startsWith(QStringLiteral("Choosing a template")));
    QTRY_VERIFY_WITH_TIMEOUT(m_page->runStatusLabel()->text().contains(QStringLiteral("finish_reason")), 10000);
    QVERIFY(m_page->runStatusLabel()->text().startsWith(QStringLiteral("Chosen template: writer")));
    QTRY_COMPARE(m_page->historyModel()->rowCount(), 2);
    const RunRecord final = *m_page->historyModel()->recordAt(0);
    const RunRecord classifier = *m_page->historyModel()->recordAt(1);
    QCOMPARE(classifier.kind, RunRecord::kClassifier);
    QCOMPARE(classifier.templatePath, kSelection);
    QCOMPARE(classifier.response, answer);
    QCOMPARE(final.kind, RunRecord::kAnswer);
    QCOMPARE(final.templatePath, kWriter);
    QCOMPARE(final.values.value(QStringLiteral("document")).toString(), QStringLiteral("a haiku"));
    QCOMPARE(final.response, QStringLiteral("Grey hull, white wake"));
    QCOMPARE(final.groupId, classifier.groupId);
    m_page->outputTabs()->setCurrentWidget(m_page->historyPanel());
    saveScreenshot(m_page.get(), QStringLiteral("runs-history.png"));

    // Reopening shows both steps side by side, classifier first.
    QVERIFY(m_page->reopenRun(0));
    QCOMPARE(m_page->document()->path(), kWriter);
    RunPanel* panel = m_page->runPanel();
    QTRY_COMPARE(panel->panes().size(), 2);
    QCOMPARE(paneTexts(panel), (QStringList{answer, QStringLiteral("Grey hull, white wake")}));
    QVERIFY(panel->panes().at(0)->title().contains(QStringLiteral("selection: classifier")));
    QVERIFY(panel->panes().at(1)->title().contains(QStringLiteral("writer")));
}

void TestRunPanel::classifierFailuresEndChoosingWithASentence_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("expected");
    QTest::newRow("server error") << 500 << QString() << QStringLiteral("the classifier did not answer");
    QTest::newRow("no template named") << 0 << QStringLiteral("I would use the writer.")
                                       << QStringLiteral("names no template");
    QTest::newRow("empty answer") << 0 << QStringLiteral(" ") << QStringLiteral("(an empty answer)");
    QTest::newRow("unknown template") << 0 << QStringLiteral("{\"template\": \"poet\"}")
                                      << QStringLiteral("no template of that name");
}

void TestRunPanel::classifierFailuresEndChoosingWithASentence()
{
    QFETCH(int, status);
    QFETCH(QString, answer);
    QFETCH(QString, expected);
    QVERIFY(open(kSelection));
    ScriptedReply scripted = reply(answer);
    scripted.status = status;
    scripted.errorMessage = QStringLiteral("The server had an error");
    m_emulator.enqueue(scripted);
    m_page->runWithSelection();
    QVERIFY(m_page->runStatusLabel()->text().startsWith(QStringLiteral("Choosing")));
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->runStatusLabel()->text().startsWith(QStringLiteral("Choosing")), 10000);
    const QString text = m_page->runStatusLabel()->text();
    QVERIFY2(text.contains(expected), qPrintable(text));
    QVERIFY(!m_page->runPanel()->isRunning());
    QTest::qWait(100);
    QCOMPARE(m_emulator.requests().size(), 1); // no second step
    QTRY_COMPARE(m_page->historyModel()->rowCount(), 1); // the classifier run is kept
    QCOMPARE(m_page->historyModel()->recordAt(0)->kind, RunRecord::kClassifier);
    if (status != 0)
        QVERIFY2(text.contains(QStringLiteral("500")), qPrintable(text));
}

void TestRunPanel::switchingWorkspaceSwapsTheHistory()
{
    QVERIFY(open(kSentiment));
    QVERIFY(runOnce(QStringLiteral("Cold chips."), QStringLiteral("at home"), 1));
    const QString workspace = m_fixture.filePath(QStringLiteral("workspace"));
    QDir().mkpath(workspace);
    QSignalSpy updated(m_page.get(), &WorkbenchPage::historyUpdated);
    m_page->setWorkspaceFolder(workspace);
    // Switched at once; the old history closes on its own.
    QCOMPARE(m_page->historyModel()->rowCount(), 0);
    QCOMPARE(m_page->historyPanel()->databasePath(), QDir(workspace).filePath(QStringLiteral(".tunebench/history.sqlite")));
    QTRY_VERIFY(QFileInfo::exists(m_page->historyPanel()->databasePath()));
    QVERIFY(updated.count() > 0 || updated.wait());
    QCOMPARE(m_page->historyModel()->rowCount(), 0);
    QTRY_VERIFY(open(kSentiment));
    QVERIFY(runOnce(QStringLiteral("Warm soup."), QStringLiteral("in the workspace"), 1));
    QCOMPARE(m_page->historyModel()->recordAt(0)->response, QStringLiteral("in the workspace"));

    m_page->setWorkspaceFolder(QString());
    QTRY_COMPARE(m_page->historyModel()->rowCount(), 1);
    QCOMPARE(m_page->historyModel()->recordAt(0)->response, QStringLiteral("at home"));
}

QTEST_MAIN(TestRunPanel)
#include "tst_runpanel.moc"
