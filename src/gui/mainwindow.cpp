// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/mainwindow.h"

#include "core/pricetable.h"

#include "gui/datasetfileactions.h"
#include "gui/datasetstatspane.h"
#include "gui/datasetview.h"
#include "gui/userdialogs.h"

#include "gui/workbenchpage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStyle>

namespace tb {

MainWindow::MainWindow(const WorkbenchServices& services, QWidget* parent)
    : QMainWindow(parent), m_services(services)
{
    setWindowTitle(QStringLiteral("[*]") + tr("Tunebench"));

    m_modeBar = new QListWidget;
    m_modeBar->setObjectName(QStringLiteral("modeBar"));
    m_modeBar->setViewMode(QListView::IconMode);
    m_modeBar->setFlow(QListView::TopToBottom);
    m_modeBar->setMovement(QListView::Static);
    m_modeBar->setIconSize(QSize(32, 32));
    m_modeBar->setGridSize(QSize(84, 64));
    m_modeBar->setFixedWidth(90);
    m_modeBar->setFrameShape(QFrame::NoFrame);
    m_modeBar->setFocusPolicy(Qt::NoFocus); // Ctrl+1.. switch pages from the keyboard
    m_stack = new QStackedWidget;
    connect(m_modeBar, &QListWidget::currentRowChanged, this, &MainWindow::setCurrentPage);

    auto* central = new QWidget;
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_modeBar);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    createMenus();

    m_workbench = new WorkbenchPage(services);
    connect(m_workbench, &WorkbenchPage::templatesLoaded, this, &MainWindow::templatesLoaded);
    connect(m_workbench, &WorkbenchPage::documentTitleChanged, this, [this](const QString& name, bool modified) {
        setWindowTitle(name.isEmpty() ? QString(QStringLiteral("[*]") + tr("Tunebench"))
                                      : QString(name + QStringLiteral("[*] — ") + tr("Tunebench")));
        setWindowModified(modified);
    });
    addPage(m_workbench, tr("Prompts"), style()->standardIcon(QStyle::SP_FileDialogContentsView), m_workbench->menus());
    createDatasetsPage();

    resize(1360, 860);
    if (m_services.settings)
        restoreGeometry(m_services.settings->value(QStringLiteral("mainWindow/geometry")).toByteArray());
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("quitAction"));

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    // No shortcut here: the Prompts page's Run menu has Ctrl+Alt+P for the same dialog.
    settings->addAction(tr("Provider &Profiles…"), this, [this] {
        setCurrentPage(m_stack->indexOf(m_workbench));
        m_workbench->showProfilesDialog();
    })->setObjectName(QStringLiteral("settingsProfilesAction"));
    m_helpMenu = menuBar()->addMenu(tr("&Help"));
    m_helpMenu->addAction(tr("&About Tunebench"), this, &MainWindow::showAbout);
}

void MainWindow::createDatasetsPage()
{
    m_datasets = new DatasetView;
    m_datasets->setDialogs(m_services.dialogs);
    // Training prices for the Stats tab's cost estimate; the user's edits live in the settings.
    m_datasets->setPriceTable(new PriceTable(m_services.settings, m_datasets));
    m_datasets->fileActions()->setDialogs(m_services.dialogs);
    m_datasets->setFileChooser([this](QWidget* parent) {
        return m_services.dialogs->openFile(parent, tr("Open Dataset"),
                                            tr("JSON Lines (*.jsonl *.ndjson);;All files (*)"));
    });
    auto* menu = new QMenu(tr("&Dataset"), this);
    menu->addActions(m_datasets->datasetActions());
    menu->addAction(m_datasets->statsPane()->pricesAction());
    menu->addSeparator();
    menu->addAction(m_datasets->fileActions()->prepareAction());
    menu->addAction(m_datasets->fileActions()->mergeAction());
    if (!m_services.sampleDatasets.isEmpty()) {
        menu->addSeparator();
        QMenu* samples = menu->addMenu(tr("Open &Sample Dataset"));
        for (const QString& path : m_services.sampleDatasets)
            samples->addAction(QFileInfo(path).fileName(), m_datasets, [this, path] { m_datasets->openFile(path); });
        // Something to look at offline from the first start.
        m_datasets->openFile(m_services.sampleDatasets.first());
    }
    addPage(m_datasets, tr("Datasets"), style()->standardIcon(QStyle::SP_FileDialogDetailedView), {menu});
    connect(m_datasets, &DatasetView::examplesRequested, this, [this](const QList<QJsonObject>& rows) {
        setCurrentPage(m_stack->indexOf(m_workbench));
        m_workbench->addExamples(rows);
    });
}

int MainWindow::addPage(QWidget* page, const QString& title, const QIcon& icon, const QList<QMenu*>& menus)
{
    const int index = int(m_pages.size());
    m_pages.append({page, menus});
    m_stack->addWidget(page);
    auto* item = new QListWidgetItem(icon, title);
    item->setTextAlignment(Qt::AlignCenter);
    m_modeBar->addItem(item);
    for (QMenu* menu : menus)
        menuBar()->insertMenu(m_viewMenu->menuAction(), menu);
    QAction* show = m_viewMenu->addAction(icon, title, this, [this, index] { setCurrentPage(index); });
    if (index < 9)
        show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
    if (index == 0 || m_modeBar->currentRow() < 0)
        setCurrentPage(0);
    updateMenus();
    return index;
}

void MainWindow::setCurrentPage(int index)
{
    if (index < 0 || index >= m_pages.size())
        return;
    if (m_modeBar->currentRow() != index)
        m_modeBar->setCurrentRow(index);
    m_stack->setCurrentIndex(index);
    updateMenus();
}

void MainWindow::openFile(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson")) {
        m_datasets->openFile(path);
        setCurrentPage(m_stack->indexOf(m_datasets));
    } else {
        m_workbench->openTemplate(path);
        setCurrentPage(m_stack->indexOf(m_workbench));
    }
}

int MainWindow::currentPage() const
{
    return m_stack->currentIndex();
}

QWidget* MainWindow::page(int index) const
{
    return index >= 0 && index < m_pages.size() ? m_pages.at(index).widget : nullptr;
}

void MainWindow::updateMenus()
{
    // A hidden action's shortcut is inactive: pages never fight over a key.
    const int current = currentPage();
    for (int i = 0; i < m_pages.size(); ++i) {
        for (QMenu* menu : m_pages.at(i).menus) {
            menu->menuAction()->setVisible(i == current);
            for (QAction* action : menu->actions())
                action->setVisible(i == current);
        }
    }
}

void MainWindow::setWorkspaceFolder(const QString& folder)
{
    m_workbench->setWorkspaceFolder(folder);
}

QString MainWindow::workspaceFolder() const
{
    return m_workbench->workspaceFolder();
}

void MainWindow::reloadTemplates()
{
    m_workbench->reloadTemplates();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_workbench->maybeSave() || !m_datasets->maybeSave([this] { close(); })) {
        event->ignore();
        return;
    }
    if (m_services.settings)
        m_services.settings->setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    event->accept();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Tunebench"),
                       tr("<h3>Tunebench %1</h3><p>A workbench for prompt design and language-model "
                          "fine-tuning.</p><p>Licensed under the GNU GPL, version 3 or later.</p>")
                           .arg(QStringLiteral(TUNEBENCH_VERSION)));
}

} // namespace tb
