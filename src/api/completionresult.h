// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The outcome of one /chat/completions or /completions request, streamed or
// not: text per choice, finish reasons, tool calls, usage and timings.

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace tb {

struct ToolCallResult
{
    int index = 0;
    QString id;
    QString type;      // "function"
    QString name;
    QString arguments; // fragments concatenated; parse only after the choice finished
};

struct ChoiceResult
{
    int index = 0;
    QString text;          // message.content (chat) or text (legacy)
    QString refusal;
    QString finishReason;  // empty when the stream ended before this choice finished
    QList<ToolCallResult> toolCalls;
};

struct CompletionUsage
{
    bool known = false; // false when a stream ended without its usage chunk
    int promptTokens = 0;
    int completionTokens = 0;
    int totalTokens = 0;
};

struct CompletionResult
{
    QString id;
    QString model;
    QList<ChoiceResult> choices; // sorted by index
    CompletionUsage usage;
    bool streamed = false;
    bool truncated = false;      // the stream ended without [DONE]: text is partial
    qint64 timeToFirstTokenMs = -1; // streamed: start() to first non-empty fragment; -1 if none/non-streamed
    qint64 totalMs = 0;          // start() to the final signal, retries included
    int retryCount = 0;
    QString requestId;           // x-request-id of the answering attempt
    // Non-streamed: the response object as received. Streamed: an equivalent
    // assembled from the chunks (chat.completion / text_completion shape).
    QJsonObject response;

    // Text of choice 0 (or empty).
    QString text() const { return choices.isEmpty() ? QString() : choices.first().text; }
};

} // namespace tb

Q_DECLARE_METATYPE(tb::CompletionResult)
