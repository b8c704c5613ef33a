// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One scripted answer for the emulator's next matching request: an error
// status with headers, or the normal answer sent with faults (delays, drops,
// truncation, malformed JSON, mid-stream errors, CRLF, odd chunk splits).

#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace tb::test {

struct ScriptedReply
{
    enum class Fault {
        None,
        DropBeforeHeaders, // close the connection without answering
        DropMidStream,     // abort the connection after faultAfterEvents SSE events
        TruncateStream,    // end the stream cleanly but without [DONE]
        MalformedJson,     // non-streamed: cut body; streamed: one broken event after faultAfterEvents
        ErrorMidStream,    // an {"error":{...}} event after faultAfterEvents, then end without [DONE]
    };
    enum class LineEnding { Lf, CrLf, Cr };

    QString pathContains;       // only requests whose path contains this; empty = any API request
    int status = 0;             // 0 = the route's normal answer; else an error answer with this status
    QString errorMessage;       // error envelope fields for status != 0 / ErrorMidStream
    QString errorType;
    QString errorCode;
    std::optional<QByteArray> rawBody; // replaces the body verbatim (e.g. a non-JSON error page)
    QList<QPair<QByteArray, QByteArray>> headers; // extra response headers (Retry-After, x-should-retry, ...)
    int delayBeforeHeadersMs = 0;
    int delayBetweenChunksMs = 0;
    Fault fault = Fault::None;
    int faultAfterEvents = 2;
    LineEnding lineEnding = LineEnding::Lf;
    int splitBytes = 0;         // > 0: write the SSE byte stream in pieces of this size
    QString replyText;          // replaces "Emulated reply to: <last user message>"
    // Chat only: answer with these function calls (finish_reason "tool_calls");
    // streamed, each call's arguments arrive in several fragments.
    QList<QPair<QString, QString>> toolCalls; // name, arguments (JSON text)

    // The JSON form used by --script files and POST /_emulator/script:
    // {"path": "...", "status": 429, "headers": {"retry-after-ms": "50"},
    //  "error": {"message": "...", "type": "...", "code": "..."}, "body": "raw text",
    //  "delay_before_headers_ms": 0, "delay_between_chunks_ms": 0,
    //  "fault": "drop_before_headers|drop_mid_stream|truncate_stream|malformed_json|error_mid_stream",
    //  "fault_after_events": 2, "line_ending": "lf|crlf|cr", "split_bytes": 0, "reply": "text",
    //  "tool_calls": [{"name": "get_weather", "arguments": "{\"city\":\"Oslo\"}"}]}
    static Result<ScriptedReply> fromJson(const QJsonObject& object);
    // A JSON object or an array of them.
    static Result<QList<ScriptedReply>> listFromJson(const QByteArray& json);
};

} // namespace tb::test
