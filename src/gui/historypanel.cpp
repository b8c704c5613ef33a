// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/historypanel.h"

#include "gui/runhistory.h"
#include "gui/runhistorymodel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QThreadPool>
#include <QVBoxLayout>

namespace tb {

HistoryPanel::HistoryPanel(QWidget* parent) : QWidget(parent)
{
    m_model = new RunHistoryModel(this);
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("historySearch"));
    m_search->setPlaceholderText(tr("Search runs: template, values, request or reply"));
    m_search->setClearButtonEnabled(true);
    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("historyView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    // Short columns fit their text (at most 500 rows are listed); the reply takes the rest.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(RunHistoryModel::ReplyColumn, QHeaderView::Stretch);
    m_view->setToolTip(tr("Enter or double-click reopens the run (a group of runs side by side); select two and "
                          "press Ctrl+Alt+D to compare them"));
    m_reopenButton = new QPushButton(tr("Reopen"));
    m_compareButton = new QPushButton(tr("Compare Two…"));
    m_compareButton->setToolTip(tr("Differences between the two selected runs (Ctrl+Alt+D)"));
    connect(m_reopenButton, &QPushButton::clicked, this, &HistoryPanel::reopenCurrent);
    connect(m_compareButton, &QPushButton::clicked, this, &HistoryPanel::compareSelected);
    m_compareAction = new QAction(tr("&Compare Selected Runs"), this);
    m_compareAction->setObjectName(QStringLiteral("compareRunsAction"));
    m_compareAction->setShortcut(QKeySequence(tr("Ctrl+Alt+D")));
    connect(m_compareAction, &QAction::triggered, this, &HistoryPanel::compareSelected);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_search, 1);
    buttons->addWidget(m_reopenButton);
    buttons->addWidget(m_compareButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);

    connect(&m_watcher, &QFutureWatcher<QList<RunRecord>>::finished, this, [this] {
        if (m_watchedPath != databasePath() || m_watcher.future().resultCount() == 0)
            return; // a search of the history we switched away from
        m_model->setRecords(m_watcher.result());
        updateButtons();
        Q_EMIT updated();
    });
    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(200);
    connect(&m_searchTimer, &QTimer::timeout, this, &HistoryPanel::refresh);
    connect(m_search, &QLineEdit::textChanged, &m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (const RunRecord* record = m_model->recordAt(index.row()))
            Q_EMIT reopenRequested(*record);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &HistoryPanel::updateButtons);
    updateButtons();
}

HistoryPanel::~HistoryPanel()
{
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void HistoryPanel::setDatabasePath(const QString& path)
{
    if (m_history && m_history->databasePath() == path)
        return;
    if (m_history) {
        // ~RunHistory waits for its worker; let a pool thread do the waiting.
        QThreadPool::globalInstance()->start([old = std::move(m_history)]() mutable { old.reset(); });
    }
    m_model->setRecords({});
    updateButtons();
    if (path.isEmpty()) {
        Q_EMIT updated();
        return;
    }
    m_history = std::make_shared<RunHistory>(path);
    const std::weak_ptr<RunHistory> opened = m_history;
    m_history->open().then(this, [this, opened](Status status) {
        if (opened.lock() != m_history)
            return; // switched again meanwhile
        if (!status)
            Q_EMIT message(tr("Run history unavailable: %1").arg(status.error().message));
        refresh();
    });
}

QString HistoryPanel::databasePath() const
{
    return m_history ? m_history->databasePath() : QString();
}

void HistoryPanel::add(const RunRecord& record)
{
    if (!m_history)
        return;
    // A batch of runs stores several records at once: one search after the last of them.
    m_history->add(record).then(this, [this](qint64) { m_searchTimer.start(); });
}

void HistoryPanel::refresh()
{
    if (!m_history)
        return;
    m_watchedPath = m_history->databasePath();
    m_watcher.setFuture(m_history->search(m_search->text().trimmed()));
}

void HistoryPanel::fetchGroup(const QString& groupId, QObject* context,
                              std::function<void(const QList<RunRecord>&)> done)
{
    if (!m_history)
        return;
    m_history->group(groupId).then(context, [done](const QList<RunRecord>& records) { done(records); });
}

QList<RunRecord> HistoryPanel::selectedRecords() const
{
    QList<int> rows;
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end(), std::greater<>()); // oldest first: the list is newest first
    QList<RunRecord> records;
    for (int row : rows) {
        if (const RunRecord* record = m_model->recordAt(row))
            records.append(*record);
    }
    return records;
}

void HistoryPanel::reopenCurrent()
{
    if (const RunRecord* record = m_model->recordAt(m_view->currentIndex().row()))
        Q_EMIT reopenRequested(*record);
}

void HistoryPanel::compareSelected()
{
    const QList<RunRecord> records = selectedRecords();
    if (records.size() != 2) {
        Q_EMIT message(tr("Select exactly two runs in the history to compare them (Ctrl+click)."));
        return;
    }
    Q_EMIT compareRequested(records.at(0), records.at(1));
}

void HistoryPanel::updateButtons()
{
    const int selected = int(m_view->selectionModel()->selectedRows().size());
    m_reopenButton->setEnabled(m_view->currentIndex().isValid());
    m_compareButton->setEnabled(selected == 2);
}

} // namespace tb
