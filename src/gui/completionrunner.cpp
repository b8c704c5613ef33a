// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/completionrunner.h"

#include "api/apiclient.h"
#include "gui/accountsession.h"

namespace tb {

CompletionRunner::CompletionRunner(AccountSession* session, QObject* parent) : QObject(parent), m_session(session) { }

void CompletionRunner::setRunning(bool running)
{
    if (running == m_running)
        return;
    m_running = running;
    Q_EMIT runningChanged(running);
}

void CompletionRunner::start(const CompletionRequest& request)
{
    if (m_running)
        stop();
    m_text.clear();
    m_deltaCount = 0;
    const int generation = ++m_generation;
    setRunning(true);
    m_session->withClient(this, [this, request, generation](Result<ApiClient*> client) {
        if (generation != m_generation)
            return; // stopped or restarted while connecting
        if (!client) {
            setRunning(false);
            Q_EMIT failed(client.error().message, false);
            return;
        }
        CompletionJob* job = client.value()->createCompletion(request);
        m_job = job;
        connect(job, &CompletionJob::delta, this, [this](int choice, const QString& text) {
            if (choice == 0)
                m_text += text;
            ++m_deltaCount;
            Q_EMIT delta(choice, text);
        });
        connect(job, &CompletionJob::finished, this, [this](const CompletionResult& result) {
            m_job = nullptr;
            setRunning(false);
            Q_EMIT finished(result);
        });
        connect(job, &ApiJob::failed, this, [this](const ApiError& error) {
            m_job = nullptr;
            setRunning(false);
            const bool cancelled = error.kind == ApiError::Kind::Cancelled;
            Q_EMIT failed(cancelled ? tr("Stopped.") : error.humanMessage(), cancelled);
        });
        job->start();
    });
}

QString CompletionRunner::summary(const CompletionResult& result)
{
    QStringList parts;
    QStringList reasons;
    for (const ChoiceResult& choice : result.choices)
        reasons.append(choice.finishReason.isEmpty() ? tr("none") : choice.finishReason);
    parts.append(tr("finish_reason %1").arg(reasons.isEmpty() ? tr("none") : reasons.join(QStringLiteral(", "))));
    if (result.truncated)
        parts.append(tr("stream ended early: text is partial"));
    if (result.usage.known)
        parts.append(tr("%1 prompt + %2 completion tokens").arg(result.usage.promptTokens).arg(result.usage.completionTokens));
    else
        parts.append(tr("usage not reported"));
    if (result.timeToFirstTokenMs >= 0)
        parts.append(tr("first token %1 ms").arg(result.timeToFirstTokenMs));
    parts.append(tr("total %1 ms").arg(result.totalMs));
    if (!result.model.isEmpty())
        parts.append(result.model);
    if (!result.requestId.isEmpty())
        parts.append(tr("request %1").arg(result.requestId));
    return parts.join(QStringLiteral(" · "));
}

void CompletionRunner::stop()
{
    if (!m_running)
        return;
    ++m_generation;
    if (m_job) {
        m_job->cancel(); // emits failed(Cancelled), which ends the run
        return;
    }
    setRunning(false);
    Q_EMIT failed(tr("Stopped."), true);
}

} // namespace tb
