// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What an emulator route answers, before faults are applied: a status with a
// body, or a status with a list of SSE event payloads; and the byte-level
// send plan the connection carries out.

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace tb::test {

struct EmulatorResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray body;
    bool streamed = false;
    QList<QByteArray> events; // SSE "data:" payloads, "[DONE]" included when the stream completes

    static EmulatorResponse json(int status, const QJsonObject& object);
    // OpenAI error envelope {"error":{"message","type","param","code"}}; empty code/param become null.
    static EmulatorResponse error(int status, const QString& message, const QString& type,
                                  const QString& code = QString(), const QString& param = QString());
    static QJsonObject errorObject(const QString& message, const QString& type, const QString& code = QString(),
                                   const QString& param = QString());
    static QByteArray reasonPhrase(int status);
};

// One step of sending a response over the socket.
struct SendStep
{
    enum class Action { Write, Close, Abort };
    int delayMs = 0;
    Action action = Action::Write;
    QByteArray bytes;
};

} // namespace tb::test
