// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One stored run: which template with which values, the request as sent, the reply
// and how it went (usage, timings, outcome).

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace tb {

struct RunRecord
{
    qint64 id = 0; // 0 until stored
    QDateTime startedAt;
    QString templatePath;
    QString templateName;
    QString profileId;
    QJsonObject values;  // parameter name -> value as typed
    QJsonObject request; // the wire body
    QString response;    // text of choice 0 (partial when stopped)
    QString outcome;     // "ok", "stopped" or the error sentence
    QString finishReason;
    int promptTokens = -1;
    int completionTokens = -1;
    qint64 timeToFirstTokenMs = -1;
    qint64 totalMs = -1;
    QString requestId;
};

} // namespace tb

Q_DECLARE_METATYPE(tb::RunRecord)
