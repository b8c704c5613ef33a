// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/workbenchpage.h"

#include "api/completionjob.h"
#include "api/profilestore.h"
#include "api/providerprofile.h"
#include "core/chattokencounter.h"
#include "core/prompttemplate.h"
#include "core/templatefiles.h"
#include "core/tiktokenencoding.h"
#include "gui/accountsession.h"
#include "gui/apikeydialog.h"
#include "gui/chatmodel.h"
#include "gui/chatpanel.h"
#include "gui/completionrunner.h"
#include "gui/fewshotlayouteditor.h"
#include "gui/fewshotmodel.h"
#include "gui/historypanel.h"
#include "gui/jsoneditor.h"
#include "gui/messageseditor.h"
#include "gui/multilinedelegate.h"
#include "gui/parameterform.h"
#include "gui/promptselection.h"
#include "gui/providerprofilesdialog.h"
#include "gui/requestparameterseditor.h"
#include "gui/rundiffdialog.h"
#include "gui/runhistorymodel.h"
#include "gui/runpane.h"
#include "gui/runpanel.h"
#include "gui/templatedocument.h"
#include "gui/templatelistmodel.h"
#include "gui/userdialogs.h"
#include "secrets/apikeyresolver.h"
#include "secrets/credentialstore.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace tb {

namespace {

QList<TemplateEntry> scanAll(const QString& bundled, const QString& user, const QString& workspace)
{
    QList<TemplateEntry> entries = TemplateCatalog::scanFolder(bundled, TemplateEntry::Origin::Bundled);
    entries += TemplateCatalog::scanFolder(user, TemplateEntry::Origin::User);
    if (!workspace.isEmpty())
        entries += TemplateCatalog::scanFolder(workspace, TemplateEntry::Origin::Workspace);
    return entries;
}

QString readOnlyNote()
{
    return WorkbenchPage::tr("Bundled templates are read-only. Duplicate this one to My Templates (Ctrl+D) to edit it; "
                             "parameter fields and runs work as they are.");
}

// Folder-safe file name from what the user typed.
QString fileNameFor(const QString& name)
{
    QString clean;
    for (const QChar c : name.trimmed()) {
        if (c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char('.'))
            clean += c;
        else if (c.isSpace())
            clean += QLatin1Char('-');
    }
    if (clean.endsWith(QLatin1String(".json")))
        clean.chop(5);
    return clean;
}

} // namespace

WorkbenchPage::WorkbenchPage(const WorkbenchServices& services, QWidget* parent)
    : QWidget(parent), m_services(services)
{
    m_document = new TemplateDocument(this);
    m_session = new AccountSession(services, this);
    m_templates = new TemplateListModel(this);
    createWidgets();
    createActions();

    connect(&m_scan, &QFutureWatcher<QList<TemplateEntry>>::finished, this, &WorkbenchPage::onScanFinished);
    connect(&m_tokenWatcher, &QFutureWatcher<TokenCount>::finished, this, &WorkbenchPage::onTokensCounted);
    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(120);
    connect(&m_previewTimer, &QTimer::timeout, this, &WorkbenchPage::updatePreview);

    connect(m_document, &TemplateDocument::contentChanged, this, &WorkbenchPage::schedulePreview);
    connect(m_document, &TemplateDocument::stateChanged, this, &WorkbenchPage::updateState);
    connect(m_document, &TemplateDocument::contentChanged, this, &WorkbenchPage::updateState);
    connect(m_form, &ParameterForm::valuesChanged, this, &WorkbenchPage::schedulePreview);
    connect(m_session, &AccountSession::profileChanged, this, &WorkbenchPage::schedulePreview);
    connect(m_session, &AccountSession::modelsChanged, m_request, &RequestParametersEditor::setModels);
    connect(m_request, &RequestParametersEditor::refreshModelsRequested, m_session, &AccountSession::fetchModels);
    createRunSide();
    openHistory();
    connect(m_chat, &ChatPanel::saveAsTemplateRequested, this, [this](const QJsonObject& body) {
        const QString name = m_services.dialogs->askText(this, tr("Save Chat as Template"), tr("Template name:"),
                                                         m_document->name() + QStringLiteral("-chat"));
        if (name.isEmpty())
            return;
        Result<PromptTemplate> made = PromptTemplate::fromJson(QJsonDocument(body).toJson());
        if (!made) {
            m_services.dialogs->showError(this, tr("Save Chat as Template"), made.error().toString());
            return;
        }
        saveNewTemplate(name, made.value());
    });

    // Local servers answer /models instantly and without a key: fill the model combo.
    auto fetchLocalModels = [this] {
        const ProviderProfile profile = m_session->profile();
        if (profile.kind == ProviderProfile::Kind::OpenAICompatible && ProviderProfile::isLoopbackHost(profile.baseUrl.host()))
            m_session->fetchModels();
    };
    connect(m_session, &AccountSession::profileChanged, this, fetchLocalModels);
    QTimer::singleShot(0, this, fetchLocalModels);

    refreshProfiles();
    updateState();
    reloadTemplates();
}

WorkbenchPage::~WorkbenchPage()
{
    // Children die after this destructor: keep their last signals (a model reset
    // moving the current index, a runner stopping) from reaching a half-destroyed page.
    m_list->selectionModel()->disconnect(this);
    m_document->disconnect(this);
    m_runPanel->disconnect(this);
    m_chat->disconnect(this);
    m_chat->runner()->disconnect(this);
    m_historyPanel->disconnect(this);
    m_session->disconnect(this);
    m_form->disconnect(this);
    m_scan.waitForFinished();
    m_tokenWatcher.waitForFinished();
}

void WorkbenchPage::createWidgets()
{
    // Browser.
    m_filter = new QSortFilterProxyModel(this);
    m_filter->setSourceModel(m_templates);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filterEdit = new QLineEdit;
    m_filterEdit->setPlaceholderText(tr("Filter templates (Ctrl+F)"));
    m_filterEdit->setClearButtonEnabled(true);
    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &QSortFilterProxyModel::setFilterFixedString);
    m_list = new QListView;
    m_list->setObjectName(QStringLiteral("templateList"));
    m_list->setModel(m_filter);
    m_list->setUniformItemSizes(true);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &WorkbenchPage::onCurrentTemplateChanged);
    auto* browser = new QWidget;
    auto* browserLayout = new QVBoxLayout(browser);
    browserLayout->setContentsMargins(0, 0, 0, 0);
    browserLayout->addWidget(m_filterEdit);
    browserLayout->addWidget(m_list, 1);

    // Editor.
    m_title = new QLabel;
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_banner = new QLabel(readOnlyNote());
    m_banner->setWordWrap(true);
    m_duplicateButton = new QPushButton(tr("Duplicate to My Templates"));
    m_duplicateButton->setObjectName(QStringLiteral("duplicateButton"));
    connect(m_duplicateButton, &QPushButton::clicked, this, &WorkbenchPage::duplicateToUserFolder);
    auto* bannerBox = new QWidget;
    bannerBox->setObjectName(QStringLiteral("readOnlyBanner"));
    bannerBox->setStyleSheet(QStringLiteral("#readOnlyBanner { background: #fff4d6; border: 1px solid #e8c46a; }"));
    auto* bannerLayout = new QHBoxLayout(bannerBox);
    bannerLayout->setContentsMargins(6, 4, 6, 4);
    bannerLayout->addWidget(m_banner, 1);
    bannerLayout->addWidget(m_duplicateButton);

    m_messages = new MessagesEditor(m_document);
    m_fewShot = new FewShotModel(m_document, this);
    m_fewShotView = new QTableView;
    m_fewShotView->setObjectName(QStringLiteral("fewShotView"));
    m_fewShotView->setModel(m_fewShot);
    m_fewShotView->setItemDelegateForColumn(FewShotModel::InputColumn, new MultilineDelegate(m_fewShotView));
    m_fewShotView->setItemDelegateForColumn(FewShotModel::OutputColumn, new MultilineDelegate(m_fewShotView));
    m_fewShotView->setWordWrap(true);
    m_fewShotView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_fewShotView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_fewShotView->setDragDropMode(QAbstractItemView::InternalMove);
    m_fewShotView->setDragDropOverwriteMode(false);
    m_fewShotView->setDefaultDropAction(Qt::MoveAction);
    m_fewShotView->horizontalHeader()->setSectionResizeMode(FewShotModel::InputColumn, QHeaderView::Stretch);
    m_fewShotView->horizontalHeader()->setSectionResizeMode(FewShotModel::OutputColumn, QHeaderView::Stretch);
    m_fewShotView->horizontalHeader()->setSectionResizeMode(FewShotModel::NameColumn, QHeaderView::ResizeToContents);
    m_fewShotView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_fewShotView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                   | QAbstractItemView::AnyKeyPressed);
    m_fewShotInfo = new QLabel;
    m_fewShotInfo->setObjectName(QStringLiteral("fewShotInfo"));
    m_fewShotInfo->setWordWrap(true);
    auto* examples = new QWidget;
    auto* examplesLayout = new QVBoxLayout(examples);
    auto* exampleButtons = new QHBoxLayout;
    auto addButton = [&](const QString& text, const QString& tip, std::function<void()> slot) {
        auto* button = new QToolButton;
        button->setText(text);
        button->setToolTip(tip);
        connect(button, &QToolButton::clicked, this, slot);
        exampleButtons->addWidget(button);
        return button;
    };
    addButton(tr("Add"), tr("Add an example row (Ctrl+Shift+E)"), [this] {
        addExample();
    })->setObjectName(QStringLiteral("addExampleButton"));
    addButton(tr("Duplicate"), tr("Duplicate the current row (Ctrl+Shift+D)"),
              [this] { m_fewShot->duplicateRow(m_fewShotView->currentIndex().row()); });
    addButton(tr("Remove"), tr("Remove the current row (Ctrl+Shift+K)"), [this] {
        if (m_fewShotView->currentIndex().isValid())
            m_fewShot->removeRows(m_fewShotView->currentIndex().row(), 1);
    });
    addButton(tr("Up"), tr("Move the row up (Ctrl+Alt+Up)"), [this] { moveCurrentExample(-1); });
    addButton(tr("Down"), tr("Move the row down (Ctrl+Alt+Down)"), [this] { moveCurrentExample(1); });
    exampleButtons->addStretch(1);
    addButton(tr("Import…"), tr("Import rows from JSONL (Ctrl+I)"), [this] { importExamples(); });
    addButton(tr("Export…"), tr("Export rows as JSONL (Ctrl+E)"), [this] { exportExamples(); });
    examplesLayout->addWidget(new FewShotLayoutEditor(m_fewShot, m_document, m_fewShotView));
    examplesLayout->addLayout(exampleButtons);
    examplesLayout->addWidget(m_fewShotView, 1);
    examplesLayout->addWidget(m_fewShotInfo);

    m_request = new RequestParametersEditor(m_document);
    auto* requestScroll = new QScrollArea;
    requestScroll->setWidgetResizable(true);
    requestScroll->setWidget(m_request);
    m_json = new JsonEditor(m_document);

    m_editorTabs = new QTabWidget;
    m_editorTabs->setObjectName(QStringLiteral("editorTabs"));
    m_editorTabs->addTab(m_messages, tr("&Messages"));
    m_editorTabs->addTab(examples, tr("E&xamples"));
    m_editorTabs->addTab(requestScroll, tr("Re&quest"));
    m_editorTabs->addTab(m_json, tr("&JSON"));

    auto* editor = new QWidget;
    auto* editorLayout = new QVBoxLayout(editor);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(m_title);
    editorLayout->addWidget(bannerBox);
    editorLayout->addWidget(m_editorTabs, 1);
    m_banner->setParent(bannerBox);

    // Fields, run bar and outputs.
    m_form = new ParameterForm(m_document, m_services.settings, m_services.dialogs);
    auto* formScroll = new QScrollArea;
    formScroll->setWidgetResizable(true);
    formScroll->setWidget(m_form);
    m_unfilled = new QLabel;
    m_unfilled->setWordWrap(true);
    m_unfilled->setStyleSheet(QStringLiteral("color: #a05000;"));

    m_profileCombo = new QComboBox;
    m_profileCombo->setObjectName(QStringLiteral("profileCombo"));
    m_profileCombo->setToolTip(tr("Provider profile (Ctrl+Shift+P)"));
    connect(m_profileCombo, &QComboBox::activated, this,
            [this] { m_session->setProfileId(m_profileCombo->currentData().toString()); });
    auto* keyButton = new QToolButton;
    keyButton->setText(tr("Key…"));
    keyButton->setToolTip(tr("Store the provider's API key in the keychain (Ctrl+Alt+K)"));
    connect(keyButton, &QToolButton::clicked, this, &WorkbenchPage::showApiKeyDialog);
    auto* profilesButton = new QToolButton;
    profilesButton->setText(tr("Profiles…"));
    profilesButton->setToolTip(tr("Add or edit provider profiles: any OpenAI-compatible server, Azure, Together "
                                  "(Ctrl+Alt+P)"));
    connect(profilesButton, &QToolButton::clicked, this, &WorkbenchPage::showProfilesDialog);
    m_runButton = new QPushButton(tr("Run"));
    m_runButton->setToolTip(tr("Send the request (Ctrl+Return)"));
    m_runButton->setDefault(true);
    connect(m_runButton, &QPushButton::clicked, this, &WorkbenchPage::run);
    m_stopButton = new QPushButton(tr("Stop"));
    m_stopButton->setToolTip(tr("Cancel the running request (Esc)"));
    m_stopButton->setEnabled(false);
    connect(m_stopButton, &QPushButton::clicked, this, &WorkbenchPage::stop);
    auto* runBar = new QHBoxLayout;
    runBar->addWidget(m_profileCombo, 1);
    runBar->addWidget(keyButton);
    runBar->addWidget(profilesButton);
    runBar->addWidget(m_runButton);
    runBar->addWidget(m_stopButton);

    m_runPanel = new RunPanel(m_session);
    m_historyPanel = new HistoryPanel;

    m_preview = new QPlainTextEdit;
    m_preview->setObjectName(QStringLiteral("previewEdit"));
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tokens = new QLabel;
    m_tokens->setObjectName(QStringLiteral("tokenLabel"));
    auto* previewPage = new QWidget;
    auto* previewLayout = new QVBoxLayout(previewPage);
    previewLayout->addWidget(m_preview, 1);
    previewLayout->addWidget(m_tokens);

    m_chat = new ChatPanel(m_session, m_services.dialogs);
    m_outputTabs = new QTabWidget;
    m_outputTabs->setObjectName(QStringLiteral("outputTabs"));
    m_outputTabs->addTab(m_runPanel, tr("&Output"));
    m_outputTabs->addTab(previewPage, tr("&Preview"));
    m_outputTabs->addTab(m_chat, tr("C&hat"));

    m_outputTabs->addTab(m_historyPanel, tr("Histor&y"));

    auto* fieldsBox = new QWidget;
    auto* fieldsLayout = new QVBoxLayout(fieldsBox);
    fieldsLayout->setContentsMargins(0, 0, 0, 0);
    auto* fieldsTitle = new QLabel(tr("<b>Parameters</b>"));
    fieldsLayout->addWidget(fieldsTitle);
    fieldsLayout->addWidget(formScroll, 1);
    fieldsLayout->addWidget(m_unfilled);
    fieldsLayout->addLayout(runBar);

    auto* right = new QSplitter(Qt::Vertical);
    right->addWidget(fieldsBox);
    right->addWidget(m_outputTabs);
    right->setStretchFactor(0, 2);
    right->setStretchFactor(1, 3);

    auto* splitter = new QSplitter;
    splitter->addWidget(browser);
    splitter->addWidget(editor);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 3);
    splitter->setSizes({220, 600, 560});
    splitter->setCollapsible(0, false);
    browser->setMinimumWidth(170);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);
}

QAction* WorkbenchPage::addAction(QMenu* menu, const QString& text, const QKeySequence& shortcut, const char* name,
                                  std::function<void()> slot)
{
    QAction* action = menu->addAction(text);
    action->setShortcut(shortcut);
    action->setObjectName(QString::fromLatin1(name));
    connect(action, &QAction::triggered, this, [slot] { slot(); });
    return action;
}

void WorkbenchPage::createActions()
{
    auto* templateMenu = new QMenu(tr("&Template"), this);
    addAction(templateMenu, tr("&New Template…"), QKeySequence::New, "newAction", [this] { newTemplate(); });
    m_duplicateAction = addAction(templateMenu, tr("&Duplicate to My Templates…"), QKeySequence(tr("Ctrl+D")),
                                  "duplicateAction", [this] { duplicateToUserFolder(); });
    m_saveAction = addAction(templateMenu, tr("&Save"), QKeySequence::Save, "saveAction", [this] { save(); });
    m_renameAction = addAction(templateMenu, tr("&Rename…"), QKeySequence(tr("Shift+F2")), "renameAction",
                               [this] { renameTemplate(); });
    m_deleteAction = addAction(templateMenu, tr("De&lete"), QKeySequence(tr("Ctrl+Shift+Del")), "deleteAction",
                               [this] { deleteTemplate(); });
    templateMenu->addSeparator();
    addAction(templateMenu, tr("Open &Workspace Folder…"), QKeySequence::Open, "openWorkspaceAction", [this] {
        const QString folder = m_services.dialogs->existingFolder(this, tr("Open Workspace Folder"),
                                                                  m_services.workspaceFolder);
        if (!folder.isEmpty())
            setWorkspaceFolder(folder);
    });
    addAction(templateMenu, tr("Re&load Templates"), QKeySequence::Refresh, "reloadAction",
              [this] { reloadTemplates(); });
    addAction(templateMenu, tr("&Filter Templates"), QKeySequence::Find, "filterAction", [this] {
        m_filterEdit->setFocus(Qt::ShortcutFocusReason);
        m_filterEdit->selectAll();
    });
    templateMenu->addSeparator();
    addAction(templateMenu, tr("&Import Examples from JSONL…"), QKeySequence(tr("Ctrl+I")), "importExamplesAction",
              [this] { importExamples(); });
    addAction(templateMenu, tr("&Export Examples as JSONL…"), QKeySequence(tr("Ctrl+E")), "exportExamplesAction",
              [this] { exportExamples(); });

    auto* editMenu = new QMenu(tr("&Edit"), this);
    QAction* undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcuts(QKeySequence::Undo);
    undo->setObjectName(QStringLiteral("undoAction"));
    QAction* redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts(QKeySequence::Redo);
    redo->setObjectName(QStringLiteral("redoAction"));
    editMenu->addAction(undo);
    editMenu->addAction(redo);
    editMenu->addSeparator();
    addAction(editMenu, tr("Add &Message"), QKeySequence(tr("Ctrl+Shift+M")), "addMessageAction", [this] {
        m_editorTabs->setCurrentWidget(m_messages);
        m_messages->addMessage();
    });
    addAction(editMenu, tr("Remove Message"), QKeySequence(tr("Alt+Shift+Del")), "removeMessageAction",
              [this] { m_messages->removeMessage(m_messages->currentRow()); });
    addAction(editMenu, tr("Move Message Up"), QKeySequence(tr("Alt+Shift+Up")), "moveMessageUpAction",
              [this] { m_messages->moveMessage(m_messages->currentRow(), -1); });
    addAction(editMenu, tr("Move Message Down"), QKeySequence(tr("Alt+Shift+Down")), "moveMessageDownAction",
              [this] { m_messages->moveMessage(m_messages->currentRow(), 1); });
    editMenu->addSeparator();
    addAction(editMenu, tr("Add &Example"), QKeySequence(tr("Ctrl+Shift+E")), "addExampleAction",
        [this] { addExample(); });
    addAction(editMenu, tr("D&uplicate Example"), QKeySequence(tr("Ctrl+Shift+D")), "duplicateExampleAction",
              [this] { m_fewShot->duplicateRow(m_fewShotView->currentIndex().row()); });
    addAction(editMenu, tr("Remove Example"), QKeySequence(tr("Ctrl+Shift+K")), "removeExampleAction", [this] {
        if (m_fewShotView->currentIndex().isValid())
            m_fewShot->removeRows(m_fewShotView->currentIndex().row(), 1);
    });
    addAction(editMenu, tr("Move Example Up"), QKeySequence(tr("Ctrl+Alt+Up")), "moveExampleUpAction",
              [this] { moveCurrentExample(-1); });
    addAction(editMenu, tr("Move Example Down"), QKeySequence(tr("Ctrl+Alt+Down")), "moveExampleDownAction",
              [this] { moveCurrentExample(1); });
    editMenu->addSeparator();
    const QStringList editorTabNames = {tr("Messages"), tr("Examples"), tr("Request Parameters"), tr("JSON")};
    for (int i = 0; i < editorTabNames.size(); ++i) {
        addAction(editMenu, tr("Show %1").arg(editorTabNames.at(i)), QKeySequence(QStringLiteral("Alt+%1").arg(i + 1)),
                  "showEditorTabAction", [this, i] {
                      m_editorTabs->setCurrentIndex(i);
                      m_editorTabs->currentWidget()->setFocus(Qt::ShortcutFocusReason);
                  });
    }
    addAction(editMenu, tr("Go to Parameter &Fields"), QKeySequence(tr("Ctrl+L")), "focusFieldsAction", [this] {
        const QStringList names = m_form->fieldNames();
        if (!names.isEmpty())
            m_form->field(names.first())->setFocus(Qt::ShortcutFocusReason);
    });

    auto* runMenu = new QMenu(tr("&Run"), this);
    m_runAction = addAction(runMenu, tr("&Run"), QKeySequence(tr("Ctrl+Return")), "runAction", [this] { run(); });
    m_stopAction = addAction(runMenu, tr("&Stop"), QKeySequence(Qt::Key_Escape), "stopAction", [this] { stop(); });
    m_stopAction->setEnabled(false);
    addAction(runMenu, tr("Run with Prompt &Selection"), QKeySequence(tr("Ctrl+Alt+Return")), "runSelectionAction",
              [this] { runWithSelection(); });
    addAction(runMenu, tr("Start &Chat from Template"), QKeySequence(tr("Ctrl+Shift+Return")), "startChatAction",
              [this] { startChat(); });
    addAction(runMenu, tr("&Delete Selected Chat Turns"), QKeySequence(tr("Ctrl+Shift+Backspace")),
              "deleteChatTurnsAction", [this] { m_chat->deleteSelectedTurns(); });
    addAction(runMenu, tr("Append Chat as &Training Example…"), QKeySequence(tr("Ctrl+Shift+T")),
              "chatExampleAction", [this] { m_chat->saveAsTrainingExample(); });
    runMenu->addSeparator();
    runMenu->addActions(m_runPanel->menuActions());
    runMenu->addAction(m_historyPanel->compareAction());
    runMenu->addSeparator();
    const QStringList outputTabNames = {tr("Output"), tr("Request Preview"), tr("Chat"), tr("Run History")};
    for (int i = 0; i < outputTabNames.size(); ++i) {
        addAction(runMenu, tr("Show %1").arg(outputTabNames.at(i)), QKeySequence(QStringLiteral("Alt+%1").arg(i + 5)),
                  "showOutputTabAction", [this, i] { m_outputTabs->setCurrentIndex(i); });
    }
    runMenu->addSeparator();
    addAction(runMenu, tr("Choose &Provider"), QKeySequence(tr("Ctrl+Shift+P")), "chooseProviderAction", [this] {
        m_profileCombo->setFocus(Qt::ShortcutFocusReason);
        m_profileCombo->showPopup();
    });
    addAction(runMenu, tr("Provider API &Key…"), QKeySequence(tr("Ctrl+Alt+K")), "apiKeyAction",
              [this] { showApiKeyDialog(); });
    addAction(runMenu, tr("Provider &Profiles…"), QKeySequence(tr("Ctrl+Alt+P")), "profilesAction",
              [this] { showProfilesDialog(); });
    addAction(runMenu, tr("Fetch &Models"), QKeySequence(tr("Ctrl+Shift+R")), "fetchModelsAction",
              [this] { m_session->fetchModels(); });

    m_menus = {templateMenu, editMenu, runMenu};
}

// --- browser -----------------------------------------------------------------------------

void WorkbenchPage::setWorkspaceFolder(const QString& folder)
{
    m_services.workspaceFolder = folder;
    openHistory();
    reloadTemplates();
}

void WorkbenchPage::reloadTemplates()
{
    // A scan still running is left to finish on its own: setFuture() stops listening to
    // it, so only the newest scan reaches the list and the GUI never waits for a folder.
    m_scan.setFuture(QtConcurrent::run(scanAll, m_services.bundledFolder, m_services.userFolder,
                                       m_services.workspaceFolder));
}

void WorkbenchPage::onScanFinished()
{
    const QList<TemplateEntry> entries = m_scan.result();
    m_selecting = true;
    m_templates->setEntries(entries);
    m_selecting = false;
    const QString wanted = !m_pendingPath.isEmpty() ? m_pendingPath : m_document->path();
    m_pendingPath.clear();
    if (!wanted.isEmpty() && m_templates->indexOfPath(wanted).isValid()) {
        if (wanted == m_document->path())
            selectPath(wanted); // keep the open document and its undo history
        else
            openTemplate(wanted);
    } else if (!m_document->isOpen() && m_filter->rowCount() > 0) {
        m_list->setCurrentIndex(m_filter->index(0, 0));
    } else if (!wanted.isEmpty() && !m_templates->indexOfPath(wanted).isValid()) {
        m_document->clear();
    }
    Q_EMIT templatesLoaded(int(entries.size()));
}

void WorkbenchPage::selectPath(const QString& path)
{
    const QModelIndex index = m_filter->mapFromSource(m_templates->indexOfPath(path));
    m_selecting = true;
    m_list->setCurrentIndex(index);
    m_selecting = false;
}

void WorkbenchPage::onCurrentTemplateChanged(const QModelIndex& current, const QModelIndex& previous)
{
    if (m_selecting)
        return;
    const TemplateEntry* entry = m_templates->entryAt(m_filter->mapToSource(current));
    if (!entry || entry->path == m_document->path())
        return;
    if (!maybeSave()) {
        m_selecting = true;
        m_list->setCurrentIndex(previous);
        m_selecting = false;
        return;
    }
    openEntry(*entry);
}

bool WorkbenchPage::openTemplate(const QString& path)
{
    const QModelIndex source = m_templates->indexOfPath(path);
    const TemplateEntry* entry = m_templates->entryAt(source);
    if (!entry) {
        m_pendingPath = path; // not listed yet: open once the scan has it
        return false;
    }
    if (path != m_document->path() && !maybeSave())
        return false;
    openEntry(*entry);
    selectPath(path);
    return true;
}

void WorkbenchPage::openEntry(const TemplateEntry& entry)
{
    m_runPanel->stop();
    if (!entry.error.isEmpty()) {
        m_document->clear();
        m_title->setText(entry.name);
        m_banner->setText(tr("This file does not load: %1").arg(entry.error));
        m_banner->parentWidget()->show();
        m_duplicateButton->hide();
        return;
    }
    // The scan kept the template as it would be saved: no second read.
    Result<PromptTemplate> loaded = PromptTemplate::fromJson(entry.json, entry.path);
    if (!loaded) {
        m_document->clear();
        return;
    }
    m_document->reset(loaded.value(), entry.path, entry.origin);
}

void WorkbenchPage::updateState()
{
    const bool open = m_document->isOpen();
    const bool readOnly = m_document->isReadOnly();
    const bool modified = m_document->isModified();
    const QString name = open ? m_document->name() : tr("No template");
    m_title->setText(modified ? name + QStringLiteral(" •") : name);
    m_title->setToolTip(m_document->path());
    if (open) {
        m_banner->setText(readOnlyNote());
        m_duplicateButton->show();
        m_banner->parentWidget()->setVisible(readOnly);
    } else {
        m_banner->parentWidget()->hide();
    }
    m_saveAction->setEnabled(open && !readOnly && modified);
    m_renameAction->setEnabled(open && !readOnly);
    m_deleteAction->setEnabled(open && !readOnly);
    m_duplicateAction->setEnabled(open);
    m_templates->setModifiedPath(modified ? m_document->path() : QString());

    const int count = m_fewShot->rowCount();
    const bool chat = m_document->content().kind() == PromptTemplate::Kind::Chat;
    m_fewShotView->setEnabled(open);
    if (!chat && count == 0)
        m_fewShotInfo->setText(tr("Each row is written into the prompt with the layout above, before the question "
                                  "at its end; editing either side updates the other."));
    else if (count == 0)
        m_fewShotInfo->setText(tr("No examples yet. Each row becomes a user turn and the assistant's answer after "
                                  "the system message. Ctrl+Shift+E adds one."));
    Q_EMIT documentTitleChanged(open ? name : QString(), open && modified);
}

bool WorkbenchPage::maybeSave()
{
    if (!m_document->isModified())
        return true;
    switch (m_services.dialogs->askSaveChanges(
        this, tr("“%1” has unsaved changes. Save them?").arg(m_document->name()))) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

bool WorkbenchPage::save()
{
    m_json->applyNow();
    if (!m_document->isOpen() || m_document->isReadOnly())
        return false;
    // Written on the pool; a failure after the user moved on brings the edits back.
    const QString path = m_document->path();
    const PromptTemplate content = m_document->content();
    m_document->saveInBackground().then(this, [this, path, content](Status saved) {
        if (!saved) {
            m_services.dialogs->showError(this, tr("Save Template"),
                                          tr("Could not save the template: %1").arg(saved.error().toString()));
            if (m_document->path() != path && openTemplate(path))
                m_document->edit(content, tr("Edits that could not be saved"));
            return;
        }
        reloadTemplates();
    });
    return true;
}

void WorkbenchPage::saveNewTemplate(const QString& name, const PromptTemplate& content)
{
    const QString file = fileNameFor(name);
    if (file.isEmpty())
        return;
    TemplateFiles::saveNew(content, m_services.userFolder, file).then(this, [this](Result<QString> saved) {
        if (!saved) {
            m_services.dialogs->showError(this, tr("Save Template"),
                                          tr("Could not save the template: %1").arg(saved.error().toString()));
            return;
        }
        m_pendingPath = saved.value();
        reloadTemplates();
    });
}

bool WorkbenchPage::newTemplate()
{
    if (!maybeSave())
        return false;
    const QString name = m_services.dialogs->askText(this, tr("New Template"), tr("Template name:"),
                                                     tr("my-template"));
    if (name.isEmpty())
        return false;
    PromptTemplate fresh;
    fresh.setMessages(QJsonArray{
        QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                    {QStringLiteral("content"), tr("You are a helpful assistant.")}},
        QJsonObject{{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), QStringLiteral("{{input}}")}},
    });
    saveNewTemplate(name, fresh);
    return true;
}

bool WorkbenchPage::duplicateToUserFolder()
{
    if (!m_document->isOpen())
        return false;
    m_json->applyNow();
    const QString name = m_services.dialogs->askText(this, tr("Duplicate to My Templates"), tr("Name of the copy:"),
                                                     m_document->name());
    if (name.isEmpty())
        return false;
    const PromptTemplate content = m_document->content();
    if (m_document->isModified()) {
        // The copy takes the edits; the original stays as it was saved.
        m_document->undoStack()->setClean();
    }
    saveNewTemplate(name, content);
    return true;
}

bool WorkbenchPage::renameTemplate()
{
    if (!m_document->isOpen() || m_document->isReadOnly())
        return false;
    const QString name = fileNameFor(
        m_services.dialogs->askText(this, tr("Rename Template"), tr("New name:"), m_document->name()));
    if (name.isEmpty() || name == m_document->name())
        return false;
    const QString from = m_document->path();
    const QString to = QFileInfo(from).dir().filePath(name + QStringLiteral(".json"));
    TemplateFiles::rename(from, to).then(this, [this, from, to](Status renamed) {
        if (!renamed) {
            m_services.dialogs->showError(this, tr("Rename Template"), renamed.error().message);
            return;
        }
        if (m_document->path() == from)
            m_document->setPath(to, m_document->origin());
        reloadTemplates();
    });
    return true;
}

bool WorkbenchPage::deleteTemplate()
{
    if (!m_document->isOpen() || m_document->isReadOnly())
        return false;
    if (!m_services.dialogs->confirm(this, tr("Delete Template"),
                                     tr("Delete “%1” from disk? This cannot be undone.").arg(m_document->name())))
        return false;
    const QString path = m_document->path();
    TemplateFiles::remove(path).then(this, [this, path](Status removed) {
        if (!removed) {
            m_services.dialogs->showError(this, tr("Delete Template"), removed.error().message);
            return;
        }
        if (m_document->path() == path)
            m_document->clear();
        reloadTemplates();
    });
    return true;
}

// --- few-shot ----------------------------------------------------------------------------

void WorkbenchPage::addExample()
{
    // The new row is edited at once, its input first: Tab moves on to the output.
    m_editorTabs->setCurrentIndex(1);
    if (!m_fewShot->insertRows(m_fewShot->rowCount(), 1))
        return;
    const QModelIndex index = m_fewShot->index(m_fewShot->rowCount() - 1, FewShotModel::InputColumn);
    m_fewShotView->setCurrentIndex(index);
    m_fewShotView->setFocus(Qt::OtherFocusReason);
    m_fewShotView->edit(index);
}

void WorkbenchPage::moveCurrentExample(int delta)
{
    const int row = m_fewShotView->currentIndex().row();
    const int column = qMax(0, m_fewShotView->currentIndex().column());
    if (row < 0)
        return;
    const int target = row + delta;
    if (target < 0 || target >= m_fewShot->rowCount())
        return;
    if (m_fewShot->moveRows({}, row, 1, {}, delta > 0 ? target + 1 : target))
        m_fewShotView->setCurrentIndex(m_fewShot->index(target, column));
}

void WorkbenchPage::importExamples()
{
    if (!m_fewShot->isEditable()) {
        m_services.dialogs->showError(this, tr("Import Examples"), readOnlyNote());
        return;
    }
    const QString path = m_services.dialogs->openFile(this, tr("Import Examples"),
                                                      tr("JSON Lines (*.jsonl);;All files (*)"));
    if (path.isEmpty())
        return;
    // Read and parse on the pool: the file may be large; only the insert runs here.
    using Parsed = Result<QList<FewShotModel::Example>>;
    auto* watcher = new QFutureWatcher<Parsed>(this);
    connect(watcher, &QFutureWatcher<Parsed>::finished, this, [this, watcher, path] {
        const Parsed rows = watcher->result();
        watcher->deleteLater();
        if (!rows) {
            m_services.dialogs->showError(this, tr("Import Examples"),
                                          tr("%1: %2").arg(QFileInfo(path).fileName(), rows.error().message));
            return;
        }
        m_fewShot->insertExamples(-1, rows.value(), tr("Import %n example(s)", nullptr, int(rows->size())));
    });
    watcher->setFuture(QtConcurrent::run([path]() -> Parsed {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            Error error;
            error.file = path;
            error.message = file.errorString();
            return error;
        }
        return FewShotModel::examplesFromJsonl(file.readAll());
    }));
}

void WorkbenchPage::addExamples(const QList<QJsonObject>& rows)
{
    m_editorTabs->setCurrentIndex(1);
    if (!m_fewShot->isEditable()) {
        m_services.dialogs->showError(this, tr("Use as Few-Shot Examples"),
                                      m_document->isOpen() ? readOnlyNote() : tr("Open a template first."));
        return;
    }
    const Result<QList<FewShotModel::Example>> examples = FewShotModel::examplesFromObjects(rows);
    if (!examples) {
        m_services.dialogs->showError(this, tr("Use as Few-Shot Examples"), examples.error().message);
        return;
    }
    m_fewShot->insertExamples(-1, examples.value(), tr("Add %n example(s) from the dataset", nullptr,
                                                       int(examples->size())));
}

void WorkbenchPage::exportExamples()
{
    const QString path = m_services.dialogs->saveFile(this, tr("Export Examples"),
                                                      tr("JSON Lines (*.jsonl);;All files (*)"));
    if (path.isEmpty())
        return;
    const QByteArray data = m_fewShot->toJsonl();
    auto* watcher = new QFutureWatcher<bool>(this);
    connect(watcher, &QFutureWatcher<bool>::finished, this, [this, watcher, path] {
        if (!watcher->result())
            m_services.dialogs->showError(this, tr("Export Examples"), tr("Could not write %1.").arg(path));
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([path, data] {
        QSaveFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit();
    }));
}

// --- preview and runs ---------------------------------------------------------------------

CompletionRequest WorkbenchPage::currentRequest() const
{
    CompletionRequest request;
    request.endpoint = m_document->content().kind() == PromptTemplate::Kind::Chat ? CompletionRequest::Endpoint::Chat
                                                                                  : CompletionRequest::Endpoint::Legacy;
    request.body = m_document->content().render(m_form->values());
    request.stream = true;
    return request;
}

QJsonObject WorkbenchPage::previewBody() const
{
    return m_session->wireBody(currentRequest());
}

void WorkbenchPage::schedulePreview()
{
    m_previewTimer.start();
}

WorkbenchPage::TokenCount WorkbenchPage::countTokens(const QJsonObject& body, int firstExampleMessage, int exampleCount,
                                                     const QString& promptExamples)
{
    TokenCount count;
    const QString model = body.value(QStringLiteral("model")).toString();
    std::optional<TiktokenEncoding::Encoding> which = TiktokenEncoding::forModel(model);
    count.exact = which.has_value();
    const Result<const TiktokenEncoding*> encoding = TiktokenEncoding::get(which.value_or(TiktokenEncoding::Encoding::O200kBase));
    if (!encoding)
        return count;
    count.encoding = TiktokenEncoding::name(encoding.value()->encoding());
    if (body.contains(QStringLiteral("messages"))) {
        const QJsonArray messages = body.value(QStringLiteral("messages")).toArray();
        const ChatTokenCounter counter(*encoding.value());
        count.total = counter.countMessages(messages);
        if (exampleCount > 0) {
            QJsonArray examples;
            for (int i = firstExampleMessage; i < firstExampleMessage + 2 * exampleCount && i < messages.size(); ++i)
                examples.append(messages.at(i));
            count.examples = counter.countMessages(examples) - ChatTokenCounter::kReplyPrimer;
        }
    } else {
        count.total = int(encoding.value()->countTokens(body.value(QStringLiteral("prompt")).toString()));
        if (!promptExamples.isEmpty())
            count.examples = int(encoding.value()->countTokens(promptExamples));
    }
    return count;
}

void WorkbenchPage::updatePreview()
{
    const QSet<QString> filled = m_form->filledNames();
    m_messages->setFilledNames(filled);
    QStringList unfilled;
    for (const QString& name : m_document->content().parameterNames()) {
        if (!filled.contains(name))
            unfilled.append(QStringLiteral("{{%1}}").arg(name));
    }
    m_unfilled->setText(unfilled.isEmpty() ? QString()
                                           : tr("Not filled, sent as written: %1").arg(unfilled.join(QStringLiteral(", "))));
    m_unfilled->setVisible(!unfilled.isEmpty());
    if (!m_document->isOpen()) {
        m_preview->clear();
        m_tokens->clear();
        return;
    }
    const QJsonObject body = previewBody();
    m_preview->setPlainText(QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Indented)));
    if (m_tokenWatcher.isRunning()) {
        m_tokenCountPending = true;
        return;
    }
    const FewShotModel::Layout layout = FewShotModel::split(body.value(QStringLiteral("messages")).toArray());
    QString promptExamples; // the block of examples as the prompt holds it (rendered)
    if (m_fewShot->isPromptTemplate()) {
        const QString prompt = body.value(QStringLiteral("prompt")).toString();
        const PromptExamples::Block block = PromptExamples::find(prompt, m_fewShot->promptLayout());
        promptExamples = prompt.mid(block.start, block.end - block.start);
    }
    m_tokenWatcher.setFuture(QtConcurrent::run(&WorkbenchPage::countTokens, body, layout.firstMessage,
                                               int(layout.examples.size()), promptExamples));
}

void WorkbenchPage::onTokensCounted()
{
    if (m_tokenCountPending) {
        m_tokenCountPending = false;
        updatePreview();
        return;
    }
    const TokenCount count = m_tokenWatcher.result();
    if (count.total < 0) {
        m_tokens->setText(tr("Token count unavailable (tokenizer did not load)."));
        return;
    }
    const QString prefix = count.exact ? QString() : QStringLiteral("≈ ");
    QString text = tr("%1%2 prompt tokens").arg(prefix).arg(count.total);
    if (count.examples >= 0)
        text += tr(" · examples %1%2").arg(prefix).arg(count.examples);
    text += count.exact ? tr(" · exact (%1)").arg(count.encoding)
                        : tr(" · estimate: %1 is not an OpenAI model, counted with %2")
                              .arg(previewBody().value(QStringLiteral("model")).toString(tr("the default model")),
                                   count.encoding);
    m_tokens->setText(text);
    const int rows = m_fewShot->rowCount();
    if (rows > 0)
        m_fewShotInfo->setText(tr("%n example(s), costing %1%2 tokens per request. Drag rows or use Ctrl+Alt+Up/Down "
                                  "to reorder.",
                                  nullptr, rows)
                                   .arg(prefix)
                                   .arg(qMax(0, count.examples)));
}

void WorkbenchPage::run()
{
    if (m_outputTabs->currentWidget() == m_chat) {
        if (!m_chat->isStarted())
            startChat();
        else
            m_chat->send();
        return;
    }
    if (!m_document->isOpen())
        return;
    m_selection->cancel();
    m_json->applyNow();
    m_outputTabs->setCurrentWidget(m_runPanel);
    m_runPanel->startVariants(currentRequest(), runBase());
}

void WorkbenchPage::runWithSelection()
{
    if (!m_document->isOpen() || m_runPanel->isRunning())
        return;
    m_json->applyNow();
    m_outputTabs->setCurrentWidget(m_runPanel);
    m_selection->start(currentRequest(), runBase());
}

RunRecord WorkbenchPage::runBase() const
{
    RunRecord base;
    base.templatePath = m_document->path();
    base.templateName = m_document->name();
    base.profileId = m_session->profileId();
    const QHash<QString, QString> values = m_form->values();
    for (auto it = values.begin(); it != values.end(); ++it)
        base.values.insert(it.key(), it.value());
    return base;
}

void WorkbenchPage::stop()
{
    m_runPanel->stop();
    m_chat->stop();
}

void WorkbenchPage::startChat()
{
    if (!m_document->isOpen())
        return;
    if (m_document->content().kind() != PromptTemplate::Kind::Chat) {
        m_services.dialogs->showError(this, tr("Chat"), tr("Chat mode needs a chat template (with \"messages\")."));
        return;
    }
    m_outputTabs->setCurrentWidget(m_chat);
    m_chat->startFrom(currentRequest().body, runBase());
}

// --- history -----------------------------------------------------------------------------

QString WorkbenchPage::historyPath() const
{
    // Per workspace when one is open, so a project's runs travel with it.
    if (!m_services.workspaceFolder.isEmpty())
        return QDir(m_services.workspaceFolder).filePath(QStringLiteral(".tunebench/history.sqlite"));
    if (m_services.dataFolder.isEmpty())
        return {};
    return QDir(m_services.dataFolder).filePath(QStringLiteral("history.sqlite"));
}

void WorkbenchPage::openHistory()
{
    m_historyPanel->setDatabasePath(historyPath()); // returns at once
}

void WorkbenchPage::refreshHistory()
{
    m_historyPanel->refresh();
}

bool WorkbenchPage::reopenRun(int historyRow)
{
    const RunRecord* found = historyModel()->recordAt(historyRow);
    return found && reopenRecord(*found);
}

bool WorkbenchPage::reopenRecord(const RunRecord& record)
{
    if (!openTemplate(record.templatePath)) {
        m_runPanel->setStatus(tr("The template of this run (%1) is no longer listed.").arg(record.templatePath));
        return false;
    }
    for (auto it = record.values.begin(); it != record.values.end(); ++it)
        m_form->setValue(it.key(), it.value().toString());
    if (record.kind == RunRecord::kChat) {
        m_outputTabs->setCurrentWidget(m_chat);
        m_chat->reopen(record);
        return true;
    }
    m_runPanel->showRecords({record});
    m_runPanel->setStatus(tr("Run of %1 reopened · %2")
                              .arg(QLocale().toString(record.startedAt.toLocalTime(), QLocale::ShortFormat),
                                   m_runPanel->panes().first()->statsText()));
    m_outputTabs->setCurrentWidget(m_runPanel);
    if (record.groupSize > 1) {
        // The rest of the group comes from the database; the clicked run shows meanwhile.
        m_historyPanel->fetchGroup(record.groupId, this, [this, record](const QList<RunRecord>& group) {
            if (group.size() < 2 || m_runPanel->isRunning() || m_runPanel->panes().first()->record().id != record.id)
                return; // a single survivor, or the user moved on
            m_runPanel->showRecords(group);
            m_runPanel->setStatus(tr("%n runs of one group reopened side by side.", nullptr, int(group.size())));
        });
    }
    return true;
}

RunDiffDialog* WorkbenchPage::showDiff(const RunRecord& before, const RunRecord& after)
{
    auto* dialog = new RunDiffDialog(before, after, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void WorkbenchPage::createRunSide()
{
    // Either the run panel or the chat may be busy: the buttons follow both.
    auto updateRunState = [this] {
        const bool running = m_runPanel->isRunning() || m_chat->runner()->isRunning();
        m_runAction->setEnabled(!running);
        m_stopAction->setEnabled(running);
        m_runButton->setEnabled(!running);
        m_stopButton->setEnabled(running);
    };
    connect(m_runPanel, &RunPanel::runningChanged, this, updateRunState);
    connect(m_chat->runner(), &CompletionRunner::runningChanged, this, updateRunState);
    connect(m_session, &AccountSession::modelsChanged, m_runPanel, &RunPanel::setAvailableModels);
    connect(m_session, &AccountSession::modelsFailed, m_runPanel,
            [this](const QString& message) { m_runPanel->setStatus(tr("Could not list models: %1").arg(message)); });

    m_selection = new PromptSelection(
        m_runPanel,
        [this](const QString& name) -> std::optional<TemplateEntry> {
            // Prefer the user's and the workspace's own template of that name over the bundled one.
            const TemplateEntry* chosen = nullptr;
            for (int row = 0; row < m_templates->rowCount(); ++row) {
                const TemplateEntry* entry = m_templates->entryAt(m_templates->index(row, 0));
                if (entry->name == name && entry->error.isEmpty()
                    && (!chosen || entry->origin != TemplateEntry::Origin::Bundled))
                    chosen = entry;
            }
            return chosen ? std::optional<TemplateEntry>(*chosen) : std::nullopt;
        },
        this);

    // Every run, variant, selection step and chat turn of a template goes to the history.
    auto store = [this](const RunRecord& record) {
        if (!record.templatePath.isEmpty())
            m_historyPanel->add(record);
    };
    connect(m_runPanel, &RunPanel::runFinished, this, store);
    connect(m_chat, &ChatPanel::turnFinished, this, store);
    connect(m_runPanel, &RunPanel::compareRequested, this, &WorkbenchPage::showDiff);
    connect(m_historyPanel, &HistoryPanel::compareRequested, this, &WorkbenchPage::showDiff);
    connect(m_historyPanel, &HistoryPanel::reopenRequested, this, &WorkbenchPage::reopenRecord);
    connect(m_historyPanel, &HistoryPanel::updated, this, &WorkbenchPage::historyUpdated);
    connect(m_historyPanel, &HistoryPanel::message, m_runPanel, &RunPanel::setStatus);
}

QPlainTextEdit* WorkbenchPage::outputEdit() const
{
    return m_runPanel->outputEdit();
}

QLabel* WorkbenchPage::runStatusLabel() const
{
    return m_runPanel->statusLabel();
}

CompletionRunner* WorkbenchPage::runner() const
{
    return m_runPanel->runner();
}

RunHistoryModel* WorkbenchPage::historyModel() const
{
    return m_historyPanel->model();
}

QTableView* WorkbenchPage::historyView() const
{
    return m_historyPanel->view();
}

QLineEdit* WorkbenchPage::historySearch() const
{
    return m_historyPanel->searchEdit();
}

// --- provider ----------------------------------------------------------------------------

void WorkbenchPage::refreshProfiles()
{
    m_profileCombo->clear();
    for (const ProviderProfile& profile : m_session->profiles())
        m_profileCombo->addItem(profile.displayName, profile.id);
    m_profileCombo->setCurrentIndex(qMax(0, m_profileCombo->findData(m_session->profileId())));
}

void WorkbenchPage::storeApiKey(const QString& key)
{
    stop();
    m_session->storeApiKey(key, this, [this](Status status) {
        const QString name = m_session->profile().displayName;
        if (!status)
            m_runPanel->setStatus(status.error().message);
        else if (m_services.credentials->isSessionOnly())
            m_runPanel->setStatus(m_services.credentials->sessionOnlyMessage());
        else
            m_runPanel->setStatus(tr("API key stored in the keychain for %1.").arg(name));
    });
}

ProviderProfilesDialog* WorkbenchPage::showProfilesDialog()
{
    auto* dialog = new ProviderProfilesDialog(m_services, m_session->profileId(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProviderProfilesDialog::profilesChanged, this, [this] {
        // The current profile may have been edited or removed: reconnect with what is saved now.
        m_session->reconnect();
        if (!m_services.profiles->profile(m_session->profileId()))
            m_session->setProfileId(ProviderProfile::openAI().id);
        refreshProfiles();
        schedulePreview();
    });
    connect(dialog, &ProviderProfilesDialog::apiKeyChanged, this, [this](const QString& id) {
        if (id == m_session->profileId())
            m_session->reconnect();
    });
    dialog->open();
    return dialog;
}

void WorkbenchPage::showApiKeyDialog()
{
    const ProviderProfile profile = m_session->profile();
    const bool fromEnvironment =
        m_services.keys->environmentOverrides(profile.acceptsEnvironmentKey() ? ApiKeyResolver::ProviderKind::OpenAi
                                                                              : ApiKeyResolver::ProviderKind::Other);
    const QString note = fromEnvironment ? tr("OPENAI_API_KEY is set in the environment and is used instead.") : QString();
    QPointer<WorkbenchPage> page(this);
    ApiKeyDialog::ask(profile.displayName, note, this, [page](ApiKeyDialog::Outcome outcome, const QString& key) {
        if (!page)
            return;
        if (outcome == ApiKeyDialog::Outcome::Store) {
            page->storeApiKey(key);
        } else if (outcome == ApiKeyDialog::Outcome::Remove) {
            page->stop();
            page->m_session->removeApiKey(page, [page](Status status) {
                page->m_runPanel->setStatus(status ? tr("Stored API key removed.") : status.error().message);
            });
        }
    });
}

} // namespace tb
