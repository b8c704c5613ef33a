// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Prompts page end to end, driven with QTest key events in a real main window:
// open a bundled template, fill its field, duplicate it and edit a few-shot row, keep
// the views in sync with one undo stack, run against the in-process emulator with a
// streamed reply, stop mid-stream, and continue a chat.

#include "api/profilestore.h"
#include "gui/apikeydialog.h"
#include "gui/chatmodel.h"
#include "gui/chatpanel.h"
#include "gui/completionrunner.h"
#include "gui/datasetview.h"
#include "gui/fewshotlayouteditor.h"
#include "gui/fewshotmodel.h"
#include "gui/jsoneditor.h"
#include "gui/mainwindow.h"
#include "gui/messageseditor.h"
#include "gui/parameterform.h"
#include "gui/providerprofilesdialog.h"
#include "gui/requestparameterseditor.h"
#include "gui/runhistorymodel.h"
#include "gui/templatedocument.h"
#include "gui/templatelistmodel.h"
#include "gui/uniformrowview.h"
#include "gui/userdialogs.h"
#include "gui/workbenchpage.h"
#include "openaiemulator.h"
#include "secrets/credentialstore.h"
#include "workbenchfixture.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>
#include <memory>

using namespace tb;
using tb::test::OpenAiEmulator;
using tb::test::ScriptedReply;

namespace {

const QString kSentiment = QStringLiteral(":/templates/sentiment-few-shot.json");
const QString kAdventure = QStringLiteral(":/templates/text-adventure-chat.json");
const QString kQaPrompt = QStringLiteral(":/templates/qa-few-shot-prompt.json");

// With TUNEBENCH_SCREENSHOT_DIR set (e.g. under xvfb-run), saves the window for the docs.
void saveScreenshot(QWidget* window, const QString& name)
{
    const QString folder = qEnvironmentVariable("TUNEBENCH_SCREENSHOT_DIR");
    if (folder.isEmpty())
        return;
    QTest::qWait(100); // let pending layouts settle before grabbing
    window->grab().save(QDir(folder).filePath(name));
}

QString content(const TemplateDocument* document, int message)
{
    return document->content().messages().at(message).toObject().value(QStringLiteral("content")).toString();
}

} // namespace

class TestWorkbenchPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void opensBundledTemplateReadOnlyWithItsExamplesAndFields();
    void fillingAFieldRendersThePreviewAndIsRemembered();
    void duplicatingGivesAnEditableCopyWhoseTableEditsTheTemplate();
    void oneUndoStackCoversEveryView_data();
    void oneUndoStackCoversEveryView();
    void jsonErrorsShowLineAndColumnAndValidJsonUpdatesTheTable();
    void switchingTemplatesAsksAboutUnsavedChanges_data();
    void switchingTemplatesAsksAboutUnsavedChanges();
    void newRenameAndDeleteWorkOnTheUserFolder();
    void importingExamplesReadsJsonlInTheBackground();
    void promptTemplateExamplesFollowTheLayoutFields();
    void renamingOntoAnExistingTemplateIsRefusedWithASentence();
    void datasetRowsBecomeFewShotExamples();
    void profileEditorChangesShowInTheProfileList();
    void apiKeyDialogOpensWithoutBlockingAndStoresTheKey();
    void chatCanBeSavedAsANewTemplate();
    void runStreamsTheReplyIncrementally();
    void escapeStopsTheRunMidStream();
    void failedRunsSayWhatHappenedWithStatusAndRequestId();
    void chatModeAppendsRepliesAndTakesTheNextTurn();
    void runsAreStoredAndCanBeReopenedFromHistory();
    void promptSelectionRunsTheChosenTemplate();
    void newUserAddsAnExampleRunsAndContinuesAsAChat();

private:
    void createWindow();
    void destroyWindow();
    bool openTemplate(const QString& path);
    bool duplicate(const QString& name);
    void keyOnWindow(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);

    OpenAiEmulator m_emulator;
    QNetworkAccessManager m_network;
    tb::test::WorkbenchFixture m_fixture;
    UserDialogs m_dialogs;
    std::unique_ptr<MainWindow> m_window;
    WorkbenchPage* m_page = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_fewShotTester;
    std::unique_ptr<QAbstractItemModelTester> m_templatesTester;
    std::unique_ptr<QAbstractItemModelTester> m_chatTester;
};

void TestWorkbenchPage::initTestCase()
{
    QVERIFY(tb::test::WorkbenchFixture::prepare(m_emulator, m_dialogs));
}

void TestWorkbenchPage::init()
{
    QVERIFY(m_fixture.setUp(m_emulator));
    createWindow();
}

void TestWorkbenchPage::createWindow()
{
    m_window = std::make_unique<MainWindow>(m_fixture.services(&m_network, &m_dialogs));
    m_page = m_window->workbench();
    QSignalSpy loaded(m_page, &WorkbenchPage::templatesLoaded);
    m_fewShotTester = std::make_unique<QAbstractItemModelTester>(m_page->fewShotModel(),
                                                                 QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_templatesTester = std::make_unique<QAbstractItemModelTester>(
        m_page->templateModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_chatTester = std::make_unique<QAbstractItemModelTester>(m_page->chatPanel()->model(),
                                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(loaded.count() > 0 || loaded.wait());
}

void TestWorkbenchPage::destroyWindow()
{
    if (m_page)
        m_page->document()->undoStack()->setClean(); // no "save changes?" on close
    m_chatTester.reset();
    m_templatesTester.reset();
    m_fewShotTester.reset();
    m_window.reset();
    m_page = nullptr;
}

void TestWorkbenchPage::cleanup()
{
    destroyWindow();
    m_fixture.reset();
    QVERIFY(tb::test::WorkbenchFixture::allQuestionsAnswered(m_dialogs));
}

bool TestWorkbenchPage::openTemplate(const QString& path)
{
    if (!m_page->openTemplate(path))
        return false;
    return m_page->document()->path() == path;
}

bool TestWorkbenchPage::duplicate(const QString& name)
{
    m_dialogs.enqueueAnswer(name);
    keyOnWindow(Qt::Key_D, Qt::ControlModifier);
    const QString expected = QDir(m_fixture.filePath(QStringLiteral("user"))).filePath(name + QStringLiteral(".json"));
    return QTest::qWaitFor([&] { return m_page->document()->path() == expected; });
}

void TestWorkbenchPage::keyOnWindow(int key, Qt::KeyboardModifiers modifiers)
{
    QWidget* target = QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get();
    QTest::keyClick(target, Qt::Key(key), modifiers);
}

void TestWorkbenchPage::importingExamplesReadsJsonlInTheBackground()
{
    QVERIFY(openTemplate(kSentiment));
    QVERIFY(duplicate(QStringLiteral("imported")));
    const QString jsonl = m_fixture.filePath(QStringLiteral("rows.jsonl"));
    QFile file(jsonl);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"prompt\": \"Too salty.\", \"completion\": \"2: Salt.\"}\n"
               "{\"messages\": [{\"role\": \"user\", \"content\": \"Lovely.\"}, "
               "{\"role\": \"assistant\", \"content\": \"5: Lovely.\"}]}\n");
    file.close();
    m_dialogs.enqueueAnswer(jsonl);
    keyOnWindow(Qt::Key_I, Qt::ControlModifier);
    QTRY_COMPARE(m_page->fewShotModel()->rowCount(), 5);
    QCOMPARE(m_page->fewShotModel()->data(m_page->fewShotModel()->index(3, 0), Qt::DisplayRole).toString(),
             QStringLiteral("Too salty."));

    m_dialogs.enqueueAnswer(m_fixture.filePath(QStringLiteral("missing.jsonl")));
    m_dialogs.enqueueAnswer(true); // acknowledges the error message
    keyOnWindow(Qt::Key_I, Qt::ControlModifier);
    QTRY_VERIFY(m_dialogs.lastMessage().contains(QLatin1String("missing.jsonl")));
    QCOMPARE(m_page->fewShotModel()->rowCount(), 5);
    keyOnWindow(Qt::Key_S, Qt::ControlModifier); // nothing left unsaved for cleanup() to ask about
    QTRY_VERIFY(!m_page->document()->isModified());
}

void TestWorkbenchPage::promptTemplateExamplesFollowTheLayoutFields()
{
    QVERIFY(openTemplate(kQaPrompt));
    FewShotModel* model = m_page->fewShotModel();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->data(model->index(1, FewShotModel::OutputColumn), Qt::DisplayRole).toString(),
             QStringLiteral("In Lisbon."));
    auto* layout = m_page->findChild<FewShotLayoutEditor*>();
    QVERIFY(layout);
    QVERIFY(duplicate(QStringLiteral("qa-mine")));
    m_page->editorTabs()->setCurrentIndex(1);
    QVERIFY(layout->isVisible());
    QCOMPARE(layout->inputPrefixEdit()->text(), QStringLiteral("Question: "));
    QCOMPARE(layout->outputPrefixEdit()->text(), QStringLiteral("\\nAnswer: "));

    // Typing a new input prefix rewrites the examples in the prompt and the preview follows.
    layout->inputPrefixEdit()->setFocus();
    layout->inputPrefixEdit()->selectAll();
    QTest::keyClicks(layout->inputPrefixEdit(), QStringLiteral("Q: "));
    QCOMPARE(layout->problem(), QString());
    QCOMPARE(model->rowCount(), 2);
    QVERIFY(m_page->document()->content().prompt().contains(QStringLiteral("\n\nQ: Where was the final held?\nAnswer: In Lisbon.")));
    QTRY_VERIFY(m_page->previewEdit()->toPlainText().contains(QStringLiteral("Q: Where was the final held?")));
    // What the examples cost is counted on the block in the prompt.
    QTRY_VERIFY(m_page->findChild<QLabel*>(QStringLiteral("fewShotInfo"))->text().contains(QStringLiteral("2 example(s), costing")));
    // The question keeps its own prefix: it is the prompt's last part, not an example.
    QVERIFY(m_page->document()->content().prompt().endsWith(QStringLiteral("Question: {{question}}\nAnswer:")));

    // A new row lands before the question.
    QVERIFY(model->insertExamples(-1, {{QStringLiteral("Who won?"), QStringLiteral("Vix Tor."), {}}}, QStringLiteral("Add")));
    QVERIFY(m_page->document()->content().prompt().contains(
        QStringLiteral("Q: Who won?\nAnswer: Vix Tor.\n\nQuestion: {{question}}")));

    // A separator that would split a row is refused with a sentence, and nothing changes.
    const QString before = m_page->document()->content().prompt();
    layout->separatorEdit()->setFocus();
    layout->separatorEdit()->selectAll();
    QTest::keyClicks(layout->separatorEdit(), QStringLiteral(" "));
    QVERIFY(layout->problem().contains(QStringLiteral("would not read back")));
    QCOMPARE(m_page->document()->content().prompt(), before);
    QTest::keyClick(layout->separatorEdit(), Qt::Key_Backspace);
    QTest::keyClicks(layout->separatorEdit(), QStringLiteral("\\n\\n"));
    QCOMPARE(layout->problem(), QString());
    m_page->fewShotView()->setFocus();
    QCOMPARE(model->rowCount(), 3);
    QTRY_VERIFY(m_page->findChild<QLabel*>(QStringLiteral("fewShotInfo"))->text().contains(QStringLiteral("3 example(s)")));
    saveScreenshot(m_window.get(), QStringLiteral("legacy-few-shot-layout.png"));
    keyOnWindow(Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY(!m_page->document()->isModified());
}

void TestWorkbenchPage::renamingOntoAnExistingTemplateIsRefusedWithASentence()
{
    QVERIFY(openTemplate(kSentiment));
    QVERIFY(duplicate(QStringLiteral("first")));
    QVERIFY(openTemplate(kSentiment));
    QVERIFY(duplicate(QStringLiteral("second")));
    const QString second = m_page->document()->path();
    m_dialogs.enqueueAnswer(QStringLiteral("first"));
    m_dialogs.enqueueAnswer(true); // acknowledges the error
    keyOnWindow(Qt::Key_F2, Qt::ShiftModifier);
    QTRY_COMPARE(m_dialogs.lastMessage(), QStringLiteral("A template named “first” already exists."));
    QCOMPARE(m_page->document()->path(), second);
    QVERIFY(QFileInfo::exists(second));
}

void TestWorkbenchPage::datasetRowsBecomeFewShotExamples()
{
    QVERIFY(openTemplate(kSentiment));
    QVERIFY(duplicate(QStringLiteral("from-dataset")));
    const QString jsonl = m_fixture.filePath(QStringLiteral("picked.jsonl"));
    QFile file(jsonl);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"messages\": [{\"role\": \"system\", \"content\": \"s\"}, {\"role\": \"user\", \"content\": \"Cold.\"}, "
               "{\"role\": \"assistant\", \"content\": \"1: Cold.\"}]}\n"
               "{\"prompt\": \"Skip me\", \"completion\": \"x\"}\n"
               "{\"prompt\": \"Warm welcome.\", \"completion\": \"5: Warm.\"}\n");
    file.close();
    DatasetView* datasets = m_window->datasets();
    QSignalSpy indexed(datasets, &DatasetView::indexingFinished);
    QVERIFY(datasets->openFile(jsonl));
    QVERIFY(indexed.count() > 0 || indexed.wait(5000));
    m_window->setCurrentPage(1);
    QItemSelectionModel* selection = datasets->table()->selectionModel();
    selection->clearSelection();
    for (const int row : {0, 2})
        selection->select(datasets->model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    datasets->table()->setFocus();
    QTest::keyClick(datasets->table(), Qt::Key_U, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(m_page->fewShotModel()->rowCount(), 5);
    QCOMPARE(m_window->currentPage(), 0);
    QCOMPARE(m_page->editorTabs()->currentIndex(), 1);
    FewShotModel* model = m_page->fewShotModel();
    QCOMPARE(model->data(model->index(3, 0), Qt::DisplayRole).toString(), QStringLiteral("Cold."));
    QCOMPARE(model->data(model->index(4, 1), Qt::DisplayRole).toString(), QStringLiteral("5: Warm."));
    m_page->document()->undoStack()->undo(); // one step
    QCOMPARE(model->rowCount(), 3);
}

void TestWorkbenchPage::profileEditorChangesShowInTheProfileList()
{
    QAction* action = m_window->findChild<QAction*>(QStringLiteral("settingsProfilesAction"));
    QVERIFY(action);
    action->trigger();
    auto* dialog = m_page->findChild<ProviderProfilesDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->selectedId(), QStringLiteral("emulator")); // opens on the current profile
    dialog->addProfile();
    dialog->nameEdit()->setText(QStringLiteral("Together Mixtral"));
    dialog->kindCombo()->setCurrentIndex(dialog->kindCombo()->findData(int(ProviderProfile::Kind::Together)));
    QVERIFY(dialog->saveProfile());
    QVERIFY(m_page->profileCombo()->findText(QStringLiteral("Together Mixtral")) >= 0);
    QCOMPARE(m_page->profileCombo()->currentData().toString(), QStringLiteral("emulator"));
    dialog->close();
}

void TestWorkbenchPage::apiKeyDialogOpensWithoutBlockingAndStoresTheKey()
{
    QAction* action = m_window->findChild<QAction*>(QStringLiteral("apiKeyAction"));
    QVERIFY(action);
    action->trigger(); // returns at once: open(), not exec()
    auto* dialog = m_page->findChild<ApiKeyDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->windowModality(), Qt::WindowModal);
    auto* edit = dialog->findChild<QLineEdit*>();
    QVERIFY(edit);
    QTest::keyClicks(edit, QStringLiteral("sk-new-key"));
    QPointer<ApiKeyDialog> watched(dialog);
    dialog->accept();
    QTRY_VERIFY(!m_page->runStatusLabel()->text().isEmpty()); // says where the key went
    QTRY_VERIFY(!watched); // deleted on close
    QString stored;
    m_fixture.credentials()->readKey(QStringLiteral("emulator"), this, [&stored](Result<std::optional<QString>> key) { stored = key && key->has_value() ? **key : QString(); });
    QTRY_COMPARE(stored, QStringLiteral("sk-new-key"));
}

void TestWorkbenchPage::opensBundledTemplateReadOnlyWithItsExamplesAndFields()
{
    QVERIFY(openTemplate(kSentiment));
    QVERIFY(m_page->document()->isReadOnly());
    QCOMPARE(m_page->fewShotModel()->rowCount(), 3);
    QCOMPARE(m_page->messagesEditor()->messageCount(), 8);
    QVERIFY(m_page->messagesEditor()->contentEdit(0)->isReadOnly());
    QCOMPARE(m_page->parameterForm()->fieldNames(), QStringList{QStringLiteral("review")});
    QVERIFY(qobject_cast<QPlainTextEdit*>(m_page->parameterForm()->field(QStringLiteral("review")))); // multiline
    QVERIFY(m_page->jsonEditor()->textEdit()->toPlainText().contains(QStringLiteral("\"{{review}}\"")));
    QCOMPARE(m_page->requestEditor()->maxTokensBox()->value(), 100);
    const QModelIndex listed = m_page->templateList()->currentIndex();
    QCOMPARE(listed.data(TemplateListModel::PathRole).toString(), kSentiment);
}

void TestWorkbenchPage::fillingAFieldRendersThePreviewAndIsRemembered()
{
    QVERIFY(openTemplate(kSentiment));
    QWidget* field = m_page->parameterForm()->field(QStringLiteral("review"));
    field->setFocus();
    QTest::keyClicks(field, QStringLiteral("Lovely soup"));
    QTRY_VERIFY(m_page->previewEdit()->toPlainText().contains(QStringLiteral("\"content\": \"Lovely soup\"")));
    const QJsonObject preview = QJsonDocument::fromJson(m_page->previewEdit()->toPlainText().toUtf8()).object();
    QCOMPARE(preview.value(QStringLiteral("model")).toString(), QString::fromLatin1(OpenAiEmulator::kDefaultModel));
    QCOMPARE(preview.value(QStringLiteral("stream")).toBool(), true);
    QCOMPARE(preview.value(QStringLiteral("messages")).toArray().size(), 8);
    QVERIFY(!preview.contains(PromptTemplate::metadataKey()));
    // Not an OpenAI model: the count is labelled an estimate.
    QTRY_VERIFY(m_page->tokenLabel()->text().contains(QStringLiteral("prompt tokens")));
    QVERIFY(m_page->tokenLabel()->text().contains(QStringLiteral("estimate")));

    // A new window over the same settings remembers the value.
    destroyWindow();
    createWindow();
    QVERIFY(openTemplate(kSentiment));
    QCOMPARE(m_page->parameterForm()->values().value(QStringLiteral("review")), QStringLiteral("Lovely soup"));
}

void TestWorkbenchPage::duplicatingGivesAnEditableCopyWhoseTableEditsTheTemplate()
{
    QVERIFY(openTemplate(kSentiment));
    QVERIFY(duplicate(QStringLiteral("my-sentiment")));
    TemplateDocument* document = m_page->document();
    QVERIFY(!document->isReadOnly());
    QVERIFY(!document->isModified());

    m_page->editorTabs()->setCurrentIndex(1);
    QTableView* view = m_page->fewShotView();
    view->setFocus();
    view->setCurrentIndex(m_page->fewShotModel()->index(0, FewShotModel::OutputColumn));
    QTest::keyClick(view, Qt::Key_F2);
    QWidget* editor = QApplication::focusWidget();
    QVERIFY(editor && editor != view);
    QVERIFY(qobject_cast<QPlainTextEdit*>(editor)); // prose cells edit multi-line
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, QStringLiteral("4: Good food,"));
    QTest::keyClick(editor, Qt::Key_Return); // a new line, not a commit
    QTest::keyClicks(editor, QStringLiteral("friendly staff."));
    QTest::keyClick(editor, Qt::Key_Tab); // commits and moves on

    QTRY_COMPARE(content(document, 2), QStringLiteral("4: Good food,\nfriendly staff."));
    if (QApplication::focusWidget() != view)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape); // leave the next cell's editor
    QVERIFY(document->isModified());
    QTRY_VERIFY(m_page->jsonEditor()->textEdit()->toPlainText().contains(QStringLiteral("4: Good food,\\nfriendly staff.")));
    QCOMPARE(m_page->messagesEditor()->contentEdit(2)->toPlainText(), QStringLiteral("4: Good food,\nfriendly staff."));
    QVERIFY(m_page->templateList()->currentIndex().data().toString().endsWith(QStringLiteral("•")));
    QVERIFY(m_window->isWindowModified());

    // Add a row from the keyboard; it lands before the question turn.
    keyOnWindow(Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_page->fewShotModel()->rowCount(), 4);
    QCOMPARE(document->content().messages().size(), 10);
    QCOMPARE(content(document, 9), QStringLiteral("{{review}}"));

    keyOnWindow(Qt::Key_Escape); // leave the cell editor
    m_window->activateWindow();
    keyOnWindow(Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY(!document->isModified()); // written on the pool
    const Result<PromptTemplate> saved = PromptTemplate::load(document->path());
    QVERIFY(saved);
    QCOMPARE(saved->messages().size(), 10);
    QCOMPARE(saved->messages().at(2).toObject().value(QStringLiteral("content")).toString(),
             QStringLiteral("4: Good food,\nfriendly staff."));
}

void TestWorkbenchPage::oneUndoStackCoversEveryView_data()
{
    QTest::addColumn<int>("view");
    QTest::newRow("message text") << 0;
    QTest::newRow("few-shot cell") << 1;
    QTest::newRow("temperature") << 2;
}

void TestWorkbenchPage::oneUndoStackCoversEveryView()
{
    QFETCH(int, view);
    QVERIFY(openTemplate(kSentiment));
    QVERIFY(duplicate(QStringLiteral("undo-me")));
    TemplateDocument* document = m_page->document();
    const QByteArray original = document->content().toJson();
    if (view == 0) {
        QPlainTextEdit* edit = m_page->messagesEditor()->contentEdit(0);
        edit->setFocus();
        edit->moveCursor(QTextCursor::End);
        QTest::keyClicks(edit, QStringLiteral(" Be brief."));
        QVERIFY(content(document, 0).endsWith(QStringLiteral("Be brief.")));
        QCOMPARE(document->undoStack()->count(), 1); // typing merged into one step
        QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier); // reaches the window's Undo
    } else if (view == 1) {
        QVERIFY(m_page->fewShotModel()->setData(m_page->fewShotModel()->index(1, 0), QStringLiteral("x"), Qt::EditRole));
        m_page->fewShotView()->setFocus();
        keyOnWindow(Qt::Key_Z, Qt::ControlModifier);
    } else {
        m_page->editorTabs()->setCurrentIndex(2);
        m_page->requestEditor()->temperatureBox()->setValue(0.7);
        QCOMPARE(document->content().requestParameters().value(QStringLiteral("temperature")).toDouble(), 0.7);
        QTRY_VERIFY(m_page->jsonEditor()->textEdit()->toPlainText().contains(QStringLiteral("0.7")));
        m_page->fewShotView()->setFocus();
        keyOnWindow(Qt::Key_Z, Qt::ControlModifier);
    }
    QCOMPARE(document->content().toJson(), original);
    QVERIFY(!document->isModified());
    QCOMPARE(m_page->jsonEditor()->textEdit()->toPlainText().toUtf8(), original);
    keyOnWindow(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(document->content().toJson() != original);
}

void TestWorkbenchPage::jsonErrorsShowLineAndColumnAndValidJsonUpdatesTheTable()
{
    QVERIFY(openTemplate(kSentiment));
    QVERIFY(duplicate(QStringLiteral("json-edit")));
    JsonEditor* json = m_page->jsonEditor();
    const QString good = json->textEdit()->toPlainText();
    json->textEdit()->setPlainText(QStringLiteral("{\n    \"messages\": [\n        { \"role\": \"user\" \"content\": \"x\" }\n    ]\n}"));
    json->applyNow();
    QVERIFY2(json->errorText().startsWith(QStringLiteral("Line 3, column")), qPrintable(json->errorText()));
    QCOMPARE(m_page->fewShotModel()->rowCount(), 3); // the last valid template stays

    QString edited = good;
    edited.replace(QStringLiteral("Decent pizza at a fair price."), QStringLiteral("Cheap and cheerful."));
    json->textEdit()->setPlainText(edited);
    json->applyNow();
    QVERIFY(json->errorText().isEmpty());
    QVERIFY(m_page->fewShotModel()->index(2, 0).data().toString().startsWith(QStringLiteral("Cheap and cheerful.")));
    QVERIFY(m_page->messagesEditor()->contentEdit(5)->toPlainText().startsWith(QStringLiteral("Cheap and cheerful.")));
}

void TestWorkbenchPage::switchingTemplatesAsksAboutUnsavedChanges_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<bool>("switched");
    QTest::newRow("cancel stays") << int(QMessageBox::Cancel) << false;
    QTest::newRow("discard switches") << int(QMessageBox::Discard) << true;
    QTest::newRow("save switches") << int(QMessageBox::Save) << true;
}

void TestWorkbenchPage::switchingTemplatesAsksAboutUnsavedChanges()
{
    QFETCH(int, answer);
    QFETCH(bool, switched);
    QVERIFY(openTemplate(kSentiment));
    QVERIFY(duplicate(QStringLiteral("switch-me")));
    const QString copy = m_page->document()->path();
    QVERIFY(m_page->fewShotModel()->removeRows(0, 1));
    m_dialogs.enqueueAnswer(answer);
    m_page->openTemplate(kAdventure);
    QCOMPARE(m_page->document()->path(), switched ? kAdventure : copy);
    QCOMPARE(m_page->templateList()->currentIndex().data(TemplateListModel::PathRole).toString(),
             switched ? kAdventure : copy);
    if (answer == QMessageBox::Save)
        QTRY_COMPARE(PromptTemplate::load(copy)->messages().size(), 6); // written on the pool
}

void TestWorkbenchPage::newRenameAndDeleteWorkOnTheUserFolder()
{
    const QDir user(m_fixture.filePath(QStringLiteral("user")));
    m_dialogs.enqueueAnswer(QStringLiteral("My Summary"));
    keyOnWindow(Qt::Key_N, Qt::ControlModifier);
    QTRY_COMPARE(m_page->document()->path(), user.filePath(QStringLiteral("My-Summary.json")));
    QVERIFY(!m_page->document()->isReadOnly());
    QCOMPARE(m_page->parameterForm()->fieldNames(), QStringList{QStringLiteral("input")});

    m_dialogs.enqueueAnswer(QStringLiteral("summary"));
    keyOnWindow(Qt::Key_F2, Qt::ShiftModifier);
    QTRY_COMPARE(m_page->document()->path(), user.filePath(QStringLiteral("summary.json")));
    QVERIFY(!QFileInfo::exists(user.filePath(QStringLiteral("My-Summary.json"))));
    QTRY_VERIFY(m_page->templateModel()->indexOfPath(user.filePath(QStringLiteral("summary.json"))).isValid());

    m_dialogs.enqueueAnswer(false); // "Delete?" -> no
    keyOnWindow(Qt::Key_Delete, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(QFileInfo::exists(user.filePath(QStringLiteral("summary.json"))));
    m_dialogs.enqueueAnswer(true);
    keyOnWindow(Qt::Key_Delete, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(!QFileInfo::exists(user.filePath(QStringLiteral("summary.json"))));
    QTRY_VERIFY(!m_page->templateModel()->indexOfPath(user.filePath(QStringLiteral("summary.json"))).isValid());
}

void TestWorkbenchPage::chatCanBeSavedAsANewTemplate()
{
    QVERIFY(openTemplate(kAdventure));
    m_page->startChat();
    ChatPanel* chat = m_page->chatPanel();
    QVERIFY(chat->model()->removeRows(1, 6));
    chat->model()->append(QStringLiteral("user"), QStringLiteral("Open the door"));
    m_dialogs.enqueueAnswer(QStringLiteral("short-adventure"));
    QPushButton* save = nullptr;
    for (QPushButton* button : chat->findChildren<QPushButton*>()) {
        if (button->text().startsWith(QStringLiteral("Save as Template")))
            save = button;
    }
    QVERIFY(save);
    QTest::mouseClick(save, Qt::LeftButton);
    const QString path = QDir(m_fixture.filePath(QStringLiteral("user"))).filePath(QStringLiteral("short-adventure.json"));
    QTRY_COMPARE(m_page->document()->path(), path);
    const QJsonArray messages = m_page->document()->content().messages();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(1).toObject().value(QStringLiteral("content")).toString(), QStringLiteral("Open the door"));
    QCOMPARE(m_page->document()->content().requestParameters().value(QStringLiteral("temperature")).toDouble(), 0.8);
}

void TestWorkbenchPage::runStreamsTheReplyIncrementally()
{
    QVERIFY(openTemplate(kSentiment));
    m_page->parameterForm()->setValue(QStringLiteral("review"), QStringLiteral("Cold chips."));
    ScriptedReply reply;
    reply.replyText = QStringLiteral("2: The chips were cold and the customer was let down.");
    reply.delayBetweenChunksMs = 15;
    m_emulator.enqueue(reply);

    QStringList seen; // the output pane after each fragment
    connect(m_page->runner(), &CompletionRunner::delta, this,
            [&] { seen.append(m_page->outputEdit()->toPlainText()); });
    m_page->outputTabs()->setCurrentIndex(0);
    keyOnWindow(Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(m_page->runner()->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(m_page->runStatusLabel()->text().contains(QStringLiteral("finish_reason stop")), 10000);

    QVERIFY2(seen.size() > 1, qPrintable(QString::number(seen.size())));
    for (int i = 1; i < seen.size(); ++i)
        QVERIFY(seen.at(i).startsWith(seen.at(i - 1)) && seen.at(i).size() > seen.at(i - 1).size());
    QCOMPARE(m_page->outputEdit()->toPlainText(), reply.replyText);
    m_page->editorTabs()->setCurrentIndex(1);
    saveScreenshot(m_window.get(), QStringLiteral("workbench-run.png"));
    const QString status = m_page->runStatusLabel()->text();
    QVERIFY2(status.contains(QStringLiteral("prompt")) && status.contains(QStringLiteral("completion tokens"))
                 && status.contains(QStringLiteral("first token")) && status.contains(QStringLiteral("total")),
             qPrintable(status));

    const QJsonObject sent = m_emulator.requests().last().json();
    QCOMPARE(sent.value(QStringLiteral("stream")).toBool(), true);
    const QJsonArray messages = sent.value(QStringLiteral("messages")).toArray();
    QCOMPARE(messages.last().toObject().value(QStringLiteral("content")).toString(), QStringLiteral("Cold chips."));
    QCOMPARE(sent.value(QStringLiteral("max_tokens")).toInt(), 100);
}

void TestWorkbenchPage::escapeStopsTheRunMidStream()
{
    QVERIFY(openTemplate(kSentiment));
    ScriptedReply reply;
    reply.replyText = QStringLiteral("one two three four five six seven eight nine ten eleven twelve thirteen");
    reply.delayBetweenChunksMs = 60;
    m_emulator.enqueue(reply);
    keyOnWindow(Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->runner()->deltaCount() >= 2, 10000);
    keyOnWindow(Qt::Key_Escape);
    QTRY_VERIFY(!m_page->runner()->isRunning());
    QCOMPARE(m_page->runStatusLabel()->text(), QStringLiteral("Stopped."));
    const QString partial = m_page->outputEdit()->toPlainText();
    QVERIFY(partial.startsWith(QStringLiteral("one two")));
    QVERIFY(partial.size() < reply.replyText.size());
    QTest::qWait(200); // nothing more arrives after Stop
    QCOMPARE(m_page->outputEdit()->toPlainText(), partial);
}

void TestWorkbenchPage::failedRunsSayWhatHappenedWithStatusAndRequestId()
{
    QVERIFY(openTemplate(kSentiment));
    ScriptedReply reply;
    reply.status = 400;
    reply.errorMessage = QStringLiteral("max_tokens is too large");
    reply.errorType = QStringLiteral("invalid_request_error");
    m_emulator.enqueue(reply);
    keyOnWindow(Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->runner()->isRunning(), 10000);
    const QString status = m_page->runStatusLabel()->text();
    QVERIFY2(status.contains(QStringLiteral("400")) && status.contains(QStringLiteral("req_emu_")), qPrintable(status));
    QVERIFY(status.contains(QStringLiteral("max_tokens is too large")));
}

void TestWorkbenchPage::chatModeAppendsRepliesAndTakesTheNextTurn()
{
    QVERIFY(openTemplate(kAdventure));
    keyOnWindow(Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
    ChatPanel* chat = m_page->chatPanel();
    QVERIFY(chat->isStarted());
    QCOMPARE(chat->model()->rowCount(), 7);
    QCOMPARE(QApplication::focusWidget(), chat->input());

    QTest::keyClicks(chat->input(), QStringLiteral("Go north"));
    QTest::keyClick(chat->input(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!chat->runner()->isRunning() && chat->model()->rowCount() == 9, 10000);
    QCOMPARE(chat->model()->index(7, ChatModel::ContentColumn).data().toString(), QStringLiteral("Go north"));
    QCOMPARE(chat->model()->index(8, ChatModel::RoleColumn).data().toString(), QStringLiteral("assistant"));
    QCOMPARE(chat->model()->index(8, ChatModel::ContentColumn).data().toString(),
             QStringLiteral("Emulated reply to: Go north"));
    QVERIFY(chat->input()->toPlainText().isEmpty());

    // Edit an earlier turn, delete one, and the next request carries the edited history.
    QVERIFY(chat->model()->setData(chat->model()->index(1, ChatModel::ContentColumn), QStringLiteral("Look up"),
                                   Qt::EditRole));
    QVERIFY(chat->model()->removeRows(3, 2));
    QTest::keyClicks(chat->input(), QStringLiteral("Light the lantern"));
    keyOnWindow(Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!chat->runner()->isRunning() && chat->model()->rowCount() == 9, 10000);
    const QJsonArray sent = m_emulator.requests().last().json().value(QStringLiteral("messages")).toArray();
    QCOMPARE(sent.size(), 8);
    QCOMPARE(sent.at(1).toObject().value(QStringLiteral("content")).toString(), QStringLiteral("Look up"));
    QCOMPARE(sent.last().toObject().value(QStringLiteral("content")).toString(), QStringLiteral("Light the lantern"));

    saveScreenshot(m_window.get(), QStringLiteral("workbench-chat.png"));

    // Append the conversation as one chat training example.
    const QString jsonl = m_fixture.filePath(QStringLiteral("train.jsonl"));
    m_dialogs.enqueueAnswer(jsonl);
    chat->saveAsTrainingExample();
    QTRY_VERIFY(QFileInfo::exists(jsonl) && QFileInfo(jsonl).size() > 0);
    QFile file(jsonl);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 1);
    QCOMPARE(QJsonDocument::fromJson(lines.first()).object().value(QStringLiteral("messages")).toArray().size(), 9);
}

void TestWorkbenchPage::runsAreStoredAndCanBeReopenedFromHistory()
{
    QVERIFY(openTemplate(kSentiment));
    m_page->parameterForm()->setValue(QStringLiteral("review"), QStringLiteral("Slow service."));
    ScriptedReply reply;
    reply.replyText = QStringLiteral("2: Slow.");
    m_emulator.enqueue(reply);
    QSignalSpy updated(m_page, &WorkbenchPage::historyUpdated);
    keyOnWindow(Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->historyModel()->rowCount() == 1, 10000);
    const QModelIndex outcome = m_page->historyModel()->index(0, RunHistoryModel::OutcomeColumn);
    QCOMPARE(outcome.data().toString(), QStringLiteral("stop"));
    QCOMPARE(m_page->historyModel()->index(0, RunHistoryModel::ReplyColumn).data().toString(), QStringLiteral("2: Slow."));

    // Somewhere else now; reopening brings back template, value and reply.
    QVERIFY(openTemplate(kAdventure));
    m_page->outputEdit()->clear();
    m_page->outputTabs()->setCurrentIndex(3);
    m_page->historyView()->setFocus();
    m_page->historyView()->setCurrentIndex(m_page->historyModel()->index(0, 0));
    QTest::keyClick(m_page->historyView(), Qt::Key_Return);
    QCOMPARE(m_page->document()->path(), kSentiment);
    QCOMPARE(m_page->parameterForm()->values().value(QStringLiteral("review")), QStringLiteral("Slow service."));
    QCOMPARE(m_page->outputEdit()->toPlainText(), QStringLiteral("2: Slow."));
    QVERIFY(m_page->runStatusLabel()->text().contains(QStringLiteral("reopened")));

    m_page->outputTabs()->setCurrentIndex(3);
    saveScreenshot(m_window.get(), QStringLiteral("workbench-history.png"));
    m_page->outputTabs()->setCurrentIndex(0);

    // Search narrows the list.
    m_page->historySearch()->setText(QStringLiteral("no such run"));
    QTRY_COMPARE(m_page->historyModel()->rowCount(), 0);
    m_page->historySearch()->setText(QStringLiteral("slow service"));
    QTRY_COMPARE(m_page->historyModel()->rowCount(), 1);
}

void TestWorkbenchPage::promptSelectionRunsTheChosenTemplate()
{
    QVERIFY(openTemplate(QStringLiteral(":/templates/prompt-selection.json")));
    m_page->parameterForm()->setValue(QStringLiteral("request"), QStringLiteral("A haiku about ferries"));
    ScriptedReply classify;
    classify.replyText = QStringLiteral("{\"template\": \"writer\", \"action\": \"write\", \"document\": \"a haiku about ferries\"}");
    ScriptedReply answer;
    answer.replyText = QStringLiteral("Grey hull, white wake");
    m_emulator.enqueue({classify, answer});
    keyOnWindow(Qt::Key_Return, Qt::ControlModifier | Qt::AltModifier);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->runStatusLabel()->text().contains(QStringLiteral("finish_reason")), 10000);
    QVERIFY2(m_page->runStatusLabel()->text().startsWith(QStringLiteral("Chosen template: writer")),
             qPrintable(m_page->runStatusLabel()->text()));
    QCOMPARE(m_page->outputEdit()->toPlainText(), QStringLiteral("Grey hull, white wake"));
    QCOMPARE(m_emulator.requests().size(), 2);
    const QJsonArray sent = m_emulator.requests().last().json().value(QStringLiteral("messages")).toArray();
    QCOMPARE(sent.last().toObject().value(QStringLiteral("content")).toString(),
             QStringLiteral("Please write a haiku about ferries."));
    QVERIFY(sent.first().toObject().value(QStringLiteral("content")).toString().contains(QStringLiteral("writer")));
    QCOMPARE(m_page->document()->path(), QStringLiteral(":/templates/prompt-selection.json")); // the editor stays
}

QTEST_MAIN(TestWorkbenchPage)
// The acceptance path, with the mouse and keyboard only: pick the few-shot sentiment
// template, duplicate it (bundled templates are read-only), add an example row, fill the
// parameter, run it against the OpenAI-compatible emulator, then continue as a chat.
void TestWorkbenchPage::newUserAddsAnExampleRunsAndContinuesAsAChat()
{
    QListView* list = m_page->templateList();
    const QModelIndexList found = list->model()->match(list->model()->index(0, 0), Qt::DisplayRole,
        QStringLiteral("sentiment-few-shot"), 1, Qt::MatchStartsWith);
    QVERIFY(!found.isEmpty());
    list->scrollTo(found.first());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(found.first()).center());
    QTRY_COMPARE(m_page->document()->path(), kSentiment);

    auto* duplicateButton = m_window->findChild<QPushButton*>(QStringLiteral("duplicateButton"));
    QVERIFY(duplicateButton && duplicateButton->isVisible());
    m_dialogs.enqueueAnswer(QStringLiteral("my-reviews"));
    QTest::mouseClick(duplicateButton, Qt::LeftButton);
    QTRY_VERIFY(m_page->document()->path().endsWith(QStringLiteral("/my-reviews.json")));
    QVERIFY(!m_page->document()->isReadOnly());

    // A fourth example: Add, then type the input, Tab, the output, Tab.
    m_page->editorTabs()->setCurrentIndex(1);
    auto* addButton = m_page->findChild<QToolButton*>(QStringLiteral("addExampleButton"));
    QVERIFY(addButton);
    QTest::mouseClick(addButton, Qt::LeftButton);
    FewShotModel* examples = m_page->fewShotModel();
    QCOMPARE(examples->rowCount(), 4);
    QTableView* table = m_page->fewShotView();
    const auto editing = [table] { // a cell editor has the focus
        QWidget* focus = QApplication::focusWidget();
        return focus && focus != table && table->isAncestorOf(focus);
    };
    QTRY_VERIFY(editing()); // the input of the new row
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Lovely terrace, but the fish was dry."));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTRY_COMPARE(table->currentIndex(), examples->index(3, FewShotModel::OutputColumn)); // Tab moved on
    if (!editing())
        QTest::keyClick(table, Qt::Key_F2);
    QTRY_VERIFY(editing());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("3: Nice setting, disappointing fish."));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTRY_COMPARE(examples->data(examples->index(3, FewShotModel::OutputColumn), Qt::DisplayRole).toString(),
        QStringLiteral("3: Nice setting, disappointing fish."));
    QCOMPARE(examples->data(examples->index(3, FewShotModel::InputColumn), Qt::DisplayRole).toString(),
        QStringLiteral("Lovely terrace, but the fish was dry."));
    if (editing())
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape); // leave the next cell's editor

    // Fill the parameter, run, and see the reply.
    QWidget* review = m_page->parameterForm()->field(QStringLiteral("review"));
    QVERIFY(review);
    QTest::mouseClick(review, Qt::LeftButton);
    QTest::keyClicks(review, QStringLiteral("Cold chips."));
    ScriptedReply reply;
    reply.replyText = QStringLiteral("2: Cold chips.");
    m_emulator.enqueue(reply);
    m_page->outputTabs()->setCurrentIndex(0);
    keyOnWindow(Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_page->runStatusLabel()->text().contains(QStringLiteral("finish_reason stop")), 10000);
    QCOMPARE(m_page->outputEdit()->toPlainText(), reply.replyText);
    const QJsonArray sent = m_emulator.requests().last().json().value(QStringLiteral("messages")).toArray();
    QCOMPARE(sent.size(), 10); // system, four example pairs, the review
    QCOMPARE(sent.at(7).toObject().value(QStringLiteral("content")).toString(),
        QStringLiteral("Lovely terrace, but the fish was dry."));
    QCOMPARE(sent.at(8).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("assistant"));
    QCOMPARE(
        sent.at(9).toObject().value(QStringLiteral("content")).toString(), QStringLiteral("Cold chips."));

    // Continue as a chat: the template's turns are the start, the first Ctrl+Return sends them.
    keyOnWindow(Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
    ChatPanel* chat = m_page->chatPanel();
    QVERIFY(chat->isStarted());
    QCOMPARE(chat->model()->rowCount(), 10);
    QTest::keyClick(chat->input(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!chat->runner()->isRunning() && chat->model()->rowCount() == 11, 10000);
    QTest::keyClicks(chat->input(), QStringLiteral("Why not a 1?"));
    QTest::keyClick(chat->input(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!chat->runner()->isRunning() && chat->model()->rowCount() == 13, 10000);
    QCOMPARE(chat->model()->index(12, ChatModel::ContentColumn).data().toString(),
        QStringLiteral("Emulated reply to: Why not a 1?"));
    const QJsonArray chatSent
        = m_emulator.requests().last().json().value(QStringLiteral("messages")).toArray();
    QCOMPARE(chatSent.size(), 12); // the ten, the first reply, the new turn
    QCOMPARE(
        chatSent.at(10).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("assistant"));
}

#include "tst_workbenchpage.moc"
