// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The main window: a mode bar on the left switching between pages ("Prompts" first,
// more added with addPage()), each page's own menus shown while it is current, and
// the application-wide File, View and Help menus.

#include "gui/workbenchservices.h"

#include <QIcon>
#include <QList>
#include <QMainWindow>

class QListWidget;
class QMenu;
class QStackedWidget;

namespace tb {

class DatasetView;
class WorkbenchPage;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const WorkbenchServices& services, QWidget* parent = nullptr);

    // Adds a page (the window takes ownership) with its mode-bar entry and a
    // View > title action (Ctrl+1, Ctrl+2, ...). `menus` go into the menu bar and are
    // shown, with their shortcuts active, only while the page is current.
    int addPage(QWidget* page, const QString& title, const QIcon& icon, const QList<QMenu*>& menus = {});
    void setCurrentPage(int index);
    // A file named on the command line: a JSONL dataset opens in the Datasets page,
    // anything else as a template in the workbench.
    void openFile(const QString& path);
    int currentPage() const;
    int pageCount() const { return int(m_pages.size()); }
    QWidget* page(int index) const;

    WorkbenchPage* workbench() const { return m_workbench; }
    DatasetView* datasets() const { return m_datasets; }
    void setWorkspaceFolder(const QString& folder);
    QString workspaceFolder() const;
    void reloadTemplates();

Q_SIGNALS:
    void templatesLoaded(int count);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    struct Page
    {
        QWidget* widget = nullptr;
        QList<QMenu*> menus;
    };

    void createMenus();
    void createDatasetsPage();
    void showAbout();
    void updateMenus();

    WorkbenchServices m_services;
    QListWidget* m_modeBar = nullptr;
    QStackedWidget* m_stack = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QList<Page> m_pages;
    WorkbenchPage* m_workbench = nullptr;
    DatasetView* m_datasets = nullptr;
};

} // namespace tb
