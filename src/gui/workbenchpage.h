// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The "Prompts" page: template browser, the template editor (messages, few-shot
// examples, request parameters, raw JSON — one undo stack), parameter fields, the
// live request preview with its token count; runs, chat and history live in RunPanel,
// ChatPanel and HistoryPanel, which this page wires to the open template.

#include "core/templatecatalog.h"
#include "gui/runrecord.h"
#include "gui/workbenchservices.h"

#include <QFutureWatcher>
#include <QHash>
#include <QJsonObject>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace tb {

class AccountSession;
class ChatPanel;
class HistoryPanel;
class PromptSelection;
class RunDiffDialog;
class RunPanel;
class CompletionRunner;
class FewShotModel;
class JsonEditor;
class MessagesEditor;
class PromptTemplate;
class ProviderProfilesDialog;
class ParameterForm;
class RequestParametersEditor;
class RunHistoryModel;
class TemplateDocument;
class TemplateListModel;
struct CompletionRequest;
struct CompletionResult;

class WorkbenchPage : public QWidget
{
    Q_OBJECT
public:
    struct TokenCount
    {
        int total = -1;    // the request's prompt tokens; -1 when unknown
        int examples = -1; // of that, the few-shot turns
        bool exact = false; // the model's own tokenizer, not an estimate
        QString encoding;
    };

    explicit WorkbenchPage(const WorkbenchServices& services, QWidget* parent = nullptr);
    ~WorkbenchPage() override;

    // The page's menus (Template, Edit, Run); the main window shows them while the
    // page is current.
    QList<QMenu*> menus() const { return m_menus; }

    void setWorkspaceFolder(const QString& folder);
    QString workspaceFolder() const { return m_services.workspaceFolder; }
    void reloadTemplates();

    // Opens the template at `path` (as listed by the browser) once the list holds it.
    // Asks about unsaved changes first; false when the user cancelled.
    bool openTemplate(const QString& path);
    // Save / discard / cancel for unsaved changes; true when it is fine to go on.
    bool maybeSave();
    bool save();
    bool duplicateToUserFolder();
    bool newTemplate();
    bool renameTemplate();
    bool deleteTemplate();
    void importExamples();
    // Appends rows picked elsewhere (the dataset viewer's chat or prompt/completion
    // lines) to the few-shot table as one undo step, showing the Examples tab.
    void addExamples(const QList<QJsonObject>& rows);
    void exportExamples();

    // Ctrl+Return: the streamed run (n variants and/or several models side by side, as
    // chosen in the Output tab), or the next chat turn in chat mode.
    void run();
    void stop();
    void startChat();
    // Prompt selection (the chapter's selection_chat): runs the open template as a
    // classifier whose JSON answer names a template ("template") and its parameter
    // values (the other keys), then runs that template and shows which one answered.
    void runWithSelection();
    // Opens a stored run again: its template, its parameter values and its reply; a run
    // of a group shows the whole group side by side, a chat turn continues the chat.
    bool reopenRun(int historyRow);
    bool reopenRecord(const RunRecord& record);
    void refreshHistory();
    // Opens a dialog comparing two runs word by word (not modal).
    RunDiffDialog* showDiff(const RunRecord& before, const RunRecord& after);
    void storeApiKey(const QString& key);
    void showApiKeyDialog();
    // The provider profile editor (window-modal, open()); the profile list and the
    // connection follow its changes.
    ProviderProfilesDialog* showProfilesDialog();

    // The request exactly as the run would send it (rendered, model and stream filled in).
    CompletionRequest currentRequest() const;
    QJsonObject previewBody() const;

    TemplateDocument* document() const { return m_document; }
    TemplateListModel* templateModel() const { return m_templates; }
    QListView* templateList() const { return m_list; }
    MessagesEditor* messagesEditor() const { return m_messages; }
    FewShotModel* fewShotModel() const { return m_fewShot; }
    QTableView* fewShotView() const { return m_fewShotView; }
    RequestParametersEditor* requestEditor() const { return m_request; }
    JsonEditor* jsonEditor() const { return m_json; }
    ParameterForm* parameterForm() const { return m_form; }
    QTabWidget* editorTabs() const { return m_editorTabs; }
    QTabWidget* outputTabs() const { return m_outputTabs; }
    RunPanel* runPanel() const { return m_runPanel; }
    HistoryPanel* historyPanel() const { return m_historyPanel; }
    QPlainTextEdit* outputEdit() const; // the first run pane
    QLabel* runStatusLabel() const;
    QPlainTextEdit* previewEdit() const { return m_preview; }
    QLabel* tokenLabel() const { return m_tokens; }
    ChatPanel* chatPanel() const { return m_chat; }
    CompletionRunner* runner() const; // the first run pane's
    AccountSession* session() const { return m_session; }
    QComboBox* profileCombo() const { return m_profileCombo; }
    RunHistoryModel* historyModel() const;
    QTableView* historyView() const;
    QLineEdit* historySearch() const;
    QString historyPath() const;

    // `promptExamples`: a prompt template's examples as written into its prompt.
    static TokenCount countTokens(const QJsonObject& body, int firstExampleMessage, int exampleCount,
                                  const QString& promptExamples = {});

Q_SIGNALS:
    void templatesLoaded(int count);
    // The open template or its modified state changed (window title); empty name: none open.
    void documentTitleChanged(const QString& name, bool modified);
    // A history search finished and the list shows its result.
    void historyUpdated();

private:
    void createWidgets();
    void createActions();
    QAction* addAction(QMenu* menu, const QString& text, const QKeySequence& shortcut, const char* name,
                       std::function<void()> slot);
    void onScanFinished();
    void onCurrentTemplateChanged(const QModelIndex& current, const QModelIndex& previous);
    void selectPath(const QString& path);
    void openEntry(const TemplateEntry& entry);
    void updateState();
    void schedulePreview();
    void updatePreview();
    void onTokensCounted();
    void refreshProfiles();
    void saveNewTemplate(const QString& name, const PromptTemplate& content);
    void addExample();
    void moveCurrentExample(int delta);
    void openHistory();
    // Template, values and profile of a run of the open template.
    RunRecord runBase() const;
    void createRunSide();

    WorkbenchServices m_services;
    TemplateDocument* m_document = nullptr;
    AccountSession* m_session = nullptr;
    TemplateListModel* m_templates = nullptr;
    QSortFilterProxyModel* m_filter = nullptr;
    QFutureWatcher<QList<TemplateEntry>> m_scan;
    QFutureWatcher<TokenCount> m_tokenWatcher;
    bool m_tokenCountPending = false;
    QTimer m_previewTimer;
    QString m_pendingPath;
    bool m_selecting = false;
    PromptSelection* m_selection = nullptr;

    QLineEdit* m_filterEdit = nullptr;
    QListView* m_list = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_banner = nullptr;
    QPushButton* m_duplicateButton = nullptr;
    QTabWidget* m_editorTabs = nullptr;
    MessagesEditor* m_messages = nullptr;
    FewShotModel* m_fewShot = nullptr;
    QTableView* m_fewShotView = nullptr;
    QLabel* m_fewShotInfo = nullptr;
    RequestParametersEditor* m_request = nullptr;
    JsonEditor* m_json = nullptr;
    ParameterForm* m_form = nullptr;
    QLabel* m_unfilled = nullptr;
    QTabWidget* m_outputTabs = nullptr;
    RunPanel* m_runPanel = nullptr;
    HistoryPanel* m_historyPanel = nullptr;
    QPlainTextEdit* m_preview = nullptr;
    QLabel* m_tokens = nullptr;
    ChatPanel* m_chat = nullptr;
    QComboBox* m_profileCombo = nullptr;
    QPushButton* m_runButton = nullptr;
    QPushButton* m_stopButton = nullptr;
    QList<QMenu*> m_menus;
    QAction* m_saveAction = nullptr;
    QAction* m_runAction = nullptr;
    QAction* m_stopAction = nullptr;
    QAction* m_renameAction = nullptr;
    QAction* m_deleteAction = nullptr;
    QAction* m_duplicateAction = nullptr;
};

} // namespace tb
