// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the wire-level api tests: runs one job against the in-process
// emulator and collects everything it signalled.

#include "api/apiclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QPointer>
#include <QTest>
#include <QTestEventLoop>

#include <functional>

namespace tb::test {

struct CompletionOutcome
{
    bool done = false;
    bool finished = false;
    bool failed = false;
    CompletionResult result;
    ApiError error;
    QList<QPair<int, QString>> deltas;
    QList<int> retryDelays;
    QPointer<CompletionJob> job;

    QString joinedDeltas(int choice = 0) const
    {
        QString text;
        for (const auto& [index, fragment] : deltas) {
            if (index == choice)
                text += fragment;
        }
        return text;
    }
};

// Starts the job and runs an event loop until it finished or failed (a real
// loop, not qWaitFor's poll-and-sleep, so paced streams are not slowed down).
inline CompletionOutcome runCompletion(ApiClient& client, const CompletionRequest& request,
                                       const std::function<void(CompletionJob*, CompletionOutcome*)>& setup = {},
                                       int waitMs = 5000)
{
    CompletionOutcome outcome;
    QObject context;
    QTestEventLoop loop;
    CompletionJob* job = client.createCompletion(request);
    outcome.job = job;
    QObject::connect(job, &CompletionJob::delta, &context,
                     [&outcome](int index, const QString& text) { outcome.deltas.append({index, text}); });
    QObject::connect(job, &CompletionJob::finished, &context, [&outcome, &loop](const CompletionResult& result) {
        outcome.result = result;
        outcome.finished = true;
        outcome.done = true;
        loop.exitLoop();
    });
    QObject::connect(job, &CompletionJob::failed, &context, [&outcome, &loop](const ApiError& error) {
        outcome.error = error;
        outcome.failed = true;
        outcome.done = true;
        loop.exitLoop();
    });
    QObject::connect(job, &CompletionJob::retrying, &context,
                     [&outcome](int, int delayMs, const ApiError&) { outcome.retryDelays.append(delayMs); });
    if (setup)
        setup(job, &outcome);
    job->start();
    if (!outcome.done)
        loop.enterLoopMSecs(waitMs);
    return outcome;
}

inline CompletionRequest chatRequest(const QString& userText, bool stream, const QString& model = QStringLiteral("emulator-model"))
{
    CompletionRequest request;
    request.endpoint = CompletionRequest::Endpoint::Chat;
    request.stream = stream;
    request.body = QJsonObject{
        {QStringLiteral("model"), model},
        {QStringLiteral("messages"),
         QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("system")}, {QStringLiteral("content"), QStringLiteral("Be brief.")}},
                    QJsonObject{{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), userText}}}},
    };
    return request;
}

inline CompletionRequest legacyRequest(const QString& prompt, bool stream)
{
    CompletionRequest request;
    request.endpoint = CompletionRequest::Endpoint::Legacy;
    request.stream = stream;
    request.body = QJsonObject{{QStringLiteral("model"), QStringLiteral("davinci-002")},
                               {QStringLiteral("prompt"), prompt},
                               {QStringLiteral("max_tokens"), 32}};
    return request;
}

// random() = 1: the shortest backoff (75 %, i.e. 375 ms first); tests mostly script retry-after-ms.
inline RetryPolicy fastPolicy(int maxRetries = 2)
{
    return RetryPolicy(maxRetries, [] { return 1.0; });
}

} // namespace tb::test
