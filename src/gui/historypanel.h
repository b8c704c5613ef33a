// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The History tab: the workspace's stored runs, searchable; Enter reopens one, two
// selected runs can be compared. Owns the RunHistory and switches databases without
// waiting for the old one's worker.

#include "gui/runrecord.h"

#include <QFutureWatcher>
#include <QList>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>

class QAction;
class QLineEdit;
class QPushButton;
class QTableView;

namespace tb {

class RunHistory;
class RunHistoryModel;

class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryPanel(QWidget* parent = nullptr);
    ~HistoryPanel() override;

    // Opens the history at `path` (empty: none) and lists it once open. Returns at once:
    // the previous history finishes its queued work and closes on a pool thread.
    void setDatabasePath(const QString& path);
    QString databasePath() const;

    // Stores a run (the list refreshes once it is stored).
    void add(const RunRecord& record);
    void refresh();
    // The runs of a group, in order, handed to `done` on the GUI thread.
    void fetchGroup(const QString& groupId, QObject* context, std::function<void(const QList<RunRecord>&)> done);

    QList<RunRecord> selectedRecords() const;
    void reopenCurrent();
    void compareSelected();

    RunHistoryModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QLineEdit* searchEdit() const { return m_search; }
    QAction* compareAction() const { return m_compareAction; }

Q_SIGNALS:
    // A search finished and the list shows its result.
    void updated();
    void reopenRequested(const tb::RunRecord& record);
    void compareRequested(const tb::RunRecord& before, const tb::RunRecord& after);
    // A sentence for the status line ("Run history unavailable: ...").
    void message(const QString& text);

private:
    void updateButtons();

    std::shared_ptr<RunHistory> m_history;
    RunHistoryModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLineEdit* m_search = nullptr;
    QPushButton* m_reopenButton = nullptr;
    QPushButton* m_compareButton = nullptr;
    QAction* m_compareAction = nullptr;
    QFutureWatcher<QList<RunRecord>> m_watcher;
    QString m_watchedPath; // the history m_watcher's search runs on
    QTimer m_searchTimer;
};

} // namespace tb
