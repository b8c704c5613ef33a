// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Runs one streamed completion at a time for a view: connects the account, starts
// the job, forwards its fragments and ends with finished() or failed(). Stop works
// at any point, also while the account is still connecting.

#include "api/completionjob.h"

#include <QObject>
#include <QPointer>

namespace tb {

class AccountSession;

class CompletionRunner : public QObject
{
    Q_OBJECT
public:
    explicit CompletionRunner(AccountSession* session, QObject* parent = nullptr);

    bool isRunning() const { return m_running; }
    void start(const CompletionRequest& request);
    void stop();
    // Text of choice 0 received so far.
    QString text() const { return m_text; }
    int deltaCount() const { return m_deltaCount; }

    // "finish_reason stop · 12 prompt + 8 completion tokens · first token 120 ms · total 340 ms · request req_1"
    static QString summary(const CompletionResult& result);

Q_SIGNALS:
    void runningChanged(bool running);
    void delta(int choiceIndex, const QString& text);
    void finished(const tb::CompletionResult& result);
    // `sentence` is for people; `cancelled` when the user pressed Stop.
    void failed(const QString& sentence, bool cancelled);

private:
    void setRunning(bool running);

    AccountSession* m_session;
    QPointer<CompletionJob> m_job;
    QString m_text;
    int m_deltaCount = 0;
    int m_generation = 0; // tells a stale connect callback from the current run
    bool m_running = false;
};

} // namespace tb
