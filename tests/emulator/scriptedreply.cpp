// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "scriptedreply.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tb::test {

namespace {

Error scriptError(const QString& message, const QString& path = QString())
{
    Error error;
    error.message = message;
    error.path = path;
    return error;
}

} // namespace

Result<ScriptedReply> ScriptedReply::fromJson(const QJsonObject& object)
{
    ScriptedReply reply;
    reply.pathContains = object.value(QStringLiteral("path")).toString();
    reply.status = object.value(QStringLiteral("status")).toInt();
    const QJsonObject error = object.value(QStringLiteral("error")).toObject();
    reply.errorMessage = error.value(QStringLiteral("message")).toString();
    reply.errorType = error.value(QStringLiteral("type")).toString();
    reply.errorCode = error.value(QStringLiteral("code")).toString();
    if (object.contains(QStringLiteral("body")))
        reply.rawBody = object.value(QStringLiteral("body")).toString().toUtf8();
    const QJsonObject headers = object.value(QStringLiteral("headers")).toObject();
    for (auto it = headers.constBegin(); it != headers.constEnd(); ++it) {
        const QString value = it.value().isDouble() ? QString::number(it.value().toDouble()) : it.value().toString();
        reply.headers.append({it.key().toLatin1(), value.toLatin1()});
    }
    reply.delayBeforeHeadersMs = object.value(QStringLiteral("delay_before_headers_ms")).toInt();
    reply.delayBetweenChunksMs = object.value(QStringLiteral("delay_between_chunks_ms")).toInt();
    reply.faultAfterEvents = object.value(QStringLiteral("fault_after_events")).toInt(2);
    reply.splitBytes = object.value(QStringLiteral("split_bytes")).toInt();
    reply.replyText = object.value(QStringLiteral("reply")).toString();
    const QJsonArray toolCalls = object.value(QStringLiteral("tool_calls")).toArray();
    for (const QJsonValue& call : toolCalls) {
        reply.toolCalls.append({call.toObject().value(QStringLiteral("name")).toString(),
                                call.toObject().value(QStringLiteral("arguments")).toString()});
    }

    const QString fault = object.value(QStringLiteral("fault")).toString();
    if (fault.isEmpty() || fault == QLatin1String("none"))
        reply.fault = Fault::None;
    else if (fault == QLatin1String("drop_before_headers"))
        reply.fault = Fault::DropBeforeHeaders;
    else if (fault == QLatin1String("drop_mid_stream"))
        reply.fault = Fault::DropMidStream;
    else if (fault == QLatin1String("truncate_stream"))
        reply.fault = Fault::TruncateStream;
    else if (fault == QLatin1String("malformed_json"))
        reply.fault = Fault::MalformedJson;
    else if (fault == QLatin1String("error_mid_stream"))
        reply.fault = Fault::ErrorMidStream;
    else
        return scriptError(QStringLiteral("unknown fault \"%1\"").arg(fault), QStringLiteral("fault"));

    const QString lineEnding = object.value(QStringLiteral("line_ending")).toString(QStringLiteral("lf"));
    if (lineEnding == QLatin1String("lf"))
        reply.lineEnding = LineEnding::Lf;
    else if (lineEnding == QLatin1String("crlf"))
        reply.lineEnding = LineEnding::CrLf;
    else if (lineEnding == QLatin1String("cr"))
        reply.lineEnding = LineEnding::Cr;
    else
        return scriptError(QStringLiteral("unknown line ending \"%1\"").arg(lineEnding), QStringLiteral("line_ending"));
    return reply;
}

Result<QList<ScriptedReply>> ScriptedReply::listFromJson(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return scriptError(QStringLiteral("script is not JSON: %1").arg(parseError.errorString()));
    QJsonArray items;
    if (doc.isArray())
        items = doc.array();
    else if (doc.isObject())
        items.append(doc.object());
    else
        return scriptError(QStringLiteral("script must be an object or an array of objects"));
    QList<ScriptedReply> replies;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isObject())
            return scriptError(QStringLiteral("script entry is not an object"), QStringLiteral("[%1]").arg(i));
        Result<ScriptedReply> reply = fromJson(items.at(i).toObject());
        if (!reply) {
            Error error = reply.error();
            error.path = QStringLiteral("[%1].%2").arg(i).arg(error.path);
            return error;
        }
        replies.append(*reply);
    }
    return replies;
}

} // namespace tb::test
