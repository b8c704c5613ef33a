// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One column of the output: a request streaming into its own text pane with its own
// stats line (finish_reason, tokens, first token, total time or the error), ending in
// a RunRecord ready to be stored.

#include "gui/runrecord.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPlainTextEdit;

namespace tb {

class AccountSession;
class CompletionRunner;
struct CompletionRequest;
struct CompletionResult;

class RunPane : public QWidget
{
    Q_OBJECT
public:
    explicit RunPane(AccountSession* session, QWidget* parent = nullptr);

    // `base` says what runs (template, values, group); the pane adds request and reply.
    void start(const CompletionRequest& request, const RunRecord& base);
    void stop();
    // A stored run, shown as it ended.
    void showRecord(const RunRecord& record);
    void clear();
    bool isRunning() const;

    // The header ("gpt-4o-mini · 2/3") and stats line are for side-by-side runs.
    void setHeaderVisible(bool visible);
    void setTitle(const QString& title);
    QString title() const;
    bool isMarkedForCompare() const;
    void setMarkedForCompare(bool marked);

    // The run as it stands (partial while streaming); its outcome is empty until it ends.
    const RunRecord& record() const { return m_record; }
    QString statsText() const;

    CompletionRunner* runner() const { return m_runner; }
    QPlainTextEdit* edit() const { return m_edit; }
    QLabel* statsLabel() const { return m_stats; }

Q_SIGNALS:
    void runningChanged(bool running);
    // The run ended (ok, stopped or failed); `record` is complete.
    void finished(const tb::RunRecord& record);

private:
    void onFinished(const CompletionResult& result);
    void onFailed(const QString& sentence, bool cancelled);
    void setStats(const QString& text, bool error);

    AccountSession* m_session;
    CompletionRunner* m_runner = nullptr;
    QWidget* m_header = nullptr;
    QLabel* m_title = nullptr;
    QCheckBox* m_compare = nullptr;
    QPlainTextEdit* m_edit = nullptr;
    QLabel* m_stats = nullptr;
    RunRecord m_record;
};

} // namespace tb
