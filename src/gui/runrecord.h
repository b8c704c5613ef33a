// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One stored run: which template with which values, the request as sent, the reply
// and how it went (usage, timings, outcome), and the group it was started with.

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace tb {

struct CompletionResult;

struct RunRecord
{
    // What started the run; stored as text.
    static inline const QString kRun = QStringLiteral("run");               // Run: one pane or a variant
    static inline const QString kClassifier = QStringLiteral("classifier"); // prompt selection, first step
    static inline const QString kAnswer = QStringLiteral("answer");         // prompt selection, chosen template
    static inline const QString kChat = QStringLiteral("chat");             // one chat turn

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
    // Runs started together (variants, both steps of a selection, the turns of one chat)
    // share a group id; `variant` is the run's place in the group.
    QString groupId;
    QString kind = kRun;
    int variant = 0;
    int groupSize = 1; // how many runs the group was started with

    bool succeeded() const { return outcome == QLatin1String("ok"); }
    QString model() const { return request.value(QStringLiteral("model")).toString(); }
    // Takes reply, finish reason, usage and timings from a finished request.
    void takeResult(const CompletionResult& result);
    static QString newGroupId();
};

} // namespace tb

Q_DECLARE_METATYPE(tb::RunRecord)
