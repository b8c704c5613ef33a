// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/mainwindow.h"

#include "gui/templatelistmodel.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace tb {

namespace {

QList<TemplateEntry> scanAll(const QString& userFolder, const QString& workspaceFolder)
{
    QList<TemplateEntry> entries = TemplateCatalog::scanFolder(TemplateCatalog::bundledFolder(),
                                                               TemplateEntry::Origin::Bundled);
    entries += TemplateCatalog::scanFolder(userFolder, TemplateEntry::Origin::User);
    if (!workspaceFolder.isEmpty())
        entries += TemplateCatalog::scanFolder(workspaceFolder, TemplateEntry::Origin::Workspace);
    return entries;
}

} // namespace

MainWindow::MainWindow(const QString& userFolder, const QString& workspaceFolder, QWidget* parent)
    : QMainWindow(parent), m_userFolder(userFolder), m_workspaceFolder(workspaceFolder)
{
    setWindowTitle(tr("Tunebench"));
    m_model = new TemplateListModel(this);
    createCentralWidget();
    createActions();
    connect(&m_scan, &QFutureWatcher<QList<TemplateEntry>>::finished, this, &MainWindow::onScanFinished);
    resize(1100, 700);
    reloadTemplates();
}

void MainWindow::createCentralWidget()
{
    m_filter = new QSortFilterProxyModel(this);
    m_filter->setSourceModel(m_model);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);

    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_filterEdit = new QLineEdit;
    m_filterEdit->setPlaceholderText(tr("Filter templates (Ctrl+F)"));
    m_filterEdit->setClearButtonEnabled(true);
    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &QSortFilterProxyModel::setFilterFixedString);
    m_list = new QListView;
    m_list->setModel(m_filter);
    m_list->setObjectName(QStringLiteral("templateList"));
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::showSelectedTemplate);
    leftLayout->addWidget(m_filterEdit);
    leftLayout->addWidget(m_list);

    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    m_title = new QLabel;
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_description = new QLabel;
    m_description->setWordWrap(true);
    m_parameters = new QLabel;
    m_parameters->setWordWrap(true);
    m_parameters->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_json = new QPlainTextEdit;
    m_json->setReadOnly(true);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setObjectName(QStringLiteral("templateJson"));
    rightLayout->addWidget(m_title);
    rightLayout->addWidget(m_description);
    rightLayout->addWidget(m_parameters);
    rightLayout->addWidget(m_json, 1);

    auto* splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 3);
    setCentralWidget(splitter);
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("Open &Workspace Folder…"), this, &MainWindow::openWorkspace);
    open->setShortcut(QKeySequence::Open);
    QAction* reload = file->addAction(tr("&Reload Templates"), this, &MainWindow::reloadTemplates);
    reload->setShortcut(QKeySequence::Refresh);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* find = edit->addAction(tr("&Filter Templates"), m_filterEdit, [this] {
        m_filterEdit->setFocus(Qt::ShortcutFocusReason);
        m_filterEdit->selectAll();
    });
    find->setShortcut(QKeySequence::Find);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Tunebench"), this, &MainWindow::showAbout);
}

void MainWindow::setWorkspaceFolder(const QString& folder)
{
    m_workspaceFolder = folder;
    reloadTemplates();
}

void MainWindow::reloadTemplates()
{
    statusBar()->showMessage(tr("Loading templates…"));
    m_scan.setFuture(QtConcurrent::run(scanAll, m_userFolder, m_workspaceFolder));
}

void MainWindow::onScanFinished()
{
    const QList<TemplateEntry> entries = m_scan.result();
    m_model->setEntries(entries);
    if (m_filter->rowCount() > 0)
        m_list->setCurrentIndex(m_filter->index(0, 0));
    statusBar()->showMessage(tr("%n template(s)", nullptr, int(entries.size())));
    Q_EMIT templatesLoaded(int(entries.size()));
}

void MainWindow::showSelectedTemplate()
{
    const TemplateEntry* entry = m_model->entryAt(m_filter->mapToSource(m_list->currentIndex()));
    if (!entry) {
        m_title->clear();
        m_description->clear();
        m_parameters->clear();
        m_json->clear();
        return;
    }
    m_title->setText(entry->name);
    m_description->setText(entry->error.isEmpty() ? entry->description : entry->error);
    m_parameters->setText(entry->parameters.isEmpty()
                              ? tr("No parameters")
                              : tr("Parameters: %1").arg(entry->parameters.join(QStringLiteral(", "))));
    m_json->setPlainText(QString::fromUtf8(entry->json));
}

void MainWindow::openWorkspace()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Workspace Folder"), m_workspaceFolder);
    if (!folder.isEmpty())
        setWorkspaceFolder(folder);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Tunebench"),
                       tr("<h3>Tunebench %1</h3><p>A workbench for prompt design and language-model "
                          "fine-tuning.</p><p>Licensed under the GNU GPL, version 3 or later.</p>")
                           .arg(QStringLiteral(TUNEBENCH_VERSION)));
}

} // namespace tb
