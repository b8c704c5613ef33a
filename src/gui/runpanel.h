// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Output tab: runs the request as n variants and/or on several models at once,
// each streaming into its own RunPane side by side; Stop cancels them all. Says how
// the runs went and hands each finished run over for the history.

#include "gui/runrecord.h"

#include <QList>
#include <QStringList>
#include <QWidget>

class QAction;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QSplitter;
class QToolButton;

namespace tb {

class AccountSession;
class CompletionRunner;
class RunPane;
struct CompletionRequest;

class RunPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kMaxVariants = 8;
    static constexpr int kMaxPanes = 16; // variants x models

    explicit RunPanel(AccountSession* session, QWidget* parent = nullptr);

    // One request per chosen model (the request's own model when none is chosen) times
    // the variant count, all started at once; one group id links their records.
    void startVariants(const CompletionRequest& request, const RunRecord& base);
    // One request in the first pane, the others closed (prompt selection's steps).
    void startSingle(const CompletionRequest& request, const RunRecord& base);
    void stop();
    bool isRunning() const;
    // Stored runs side by side, one pane each, in the order given.
    void showRecords(const QList<RunRecord>& records);

    int variantCount() const;
    void setVariantCount(int count);
    // Models from the provider's /models list; the chosen ones stay chosen when listed again.
    void setAvailableModels(const QStringList& models);
    QStringList selectedModels() const;
    void setSelectedModels(const QStringList& models);

    void setStatus(const QString& text);
    QString status() const;
    // Compares the two panes marked "Compare" (or the first two).
    void compareMarkedPanes();

    QList<RunPane*> panes() const { return m_panes; }
    QPlainTextEdit* outputEdit() const; // the first pane's text
    CompletionRunner* runner() const;   // the first pane's runner
    QLabel* statusLabel() const { return m_status; }
    QSpinBox* variantSpin() const { return m_variants; }
    QToolButton* modelsButton() const { return m_modelsButton; }
    // Variants, models and compare, for the page's Run menu.
    QList<QAction*> menuActions() const { return m_actions; }

Q_SIGNALS:
    void runningChanged(bool running);
    // One run ended; the record is complete and ready to be stored.
    void runFinished(const tb::RunRecord& record);
    void compareRequested(const tb::RunRecord& before, const tb::RunRecord& after);

private:
    void setPaneCount(int count);
    void onPaneFinished(const RunRecord& record);
    void updateRunning();
    void updateModelsButton();
    QString paneTitle(const RunRecord& record) const;

    AccountSession* m_session;
    QSpinBox* m_variants = nullptr;
    QToolButton* m_modelsButton = nullptr;
    QMenu* m_modelsMenu = nullptr;
    QPushButton* m_compareButton = nullptr;
    QSplitter* m_splitter = nullptr;
    QLabel* m_status = nullptr;
    QList<RunPane*> m_panes;
    QList<QAction*> m_actions;
    QStringList m_selectedModels;
    QString m_groupId; // the group the status line counts
    bool m_running = false;
    int m_ended = 0;
    int m_failed = 0;
};

} // namespace tb
