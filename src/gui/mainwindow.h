// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The main window: template browser on the left, the selected template on the right.
// Folder scans run on the thread pool; the window only shows their results.

#include "core/templatecatalog.h"

#include <QFutureWatcher>
#include <QMainWindow>

class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QSortFilterProxyModel;

namespace tb {

class TemplateListModel;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `userFolder`: the user's own templates; `workspaceFolder` may be empty.
    MainWindow(const QString& userFolder, const QString& workspaceFolder, QWidget* parent = nullptr);

    void setWorkspaceFolder(const QString& folder);
    QString workspaceFolder() const { return m_workspaceFolder; }

    // Rescans every folder; templatesLoaded() is emitted when the list is up to date.
    void reloadTemplates();

Q_SIGNALS:
    void templatesLoaded(int count);

private:
    void createActions();
    void createCentralWidget();
    void openWorkspace();
    void showAbout();
    void showSelectedTemplate();
    void onScanFinished();

    QString m_userFolder;
    QString m_workspaceFolder;
    TemplateListModel* m_model = nullptr;
    QSortFilterProxyModel* m_filter = nullptr;
    QLineEdit* m_filterEdit = nullptr;
    QListView* m_list = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_description = nullptr;
    QLabel* m_parameters = nullptr;
    QPlainTextEdit* m_json = nullptr;
    QFutureWatcher<QList<TemplateEntry>> m_scan;
};

} // namespace tb
