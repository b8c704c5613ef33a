// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "apierror.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace tb {

namespace {

QString jsonText(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble());
    return QString();
}

// "HTTP 401, request req_abc, after 2 retries" — only the parts we know.
QString detailSuffix(const ApiError& error)
{
    QStringList parts;
    if (error.httpStatus > 0)
        parts << QStringLiteral("HTTP %1").arg(error.httpStatus);
    if (!error.requestId.isEmpty())
        parts << QStringLiteral("request %1").arg(error.requestId);
    if (error.retryCount == 1)
        parts << QStringLiteral("after 1 retry");
    else if (error.retryCount > 1)
        parts << QStringLiteral("after %1 retries").arg(error.retryCount);
    return parts.isEmpty() ? QString() : QStringLiteral(" (") + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
}

// Provider message or body text, as a clause ending without a full stop.
QString providerText(const ApiError& error)
{
    QString text = !error.message.isEmpty() ? error.message : error.body.simplified();
    while (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

QString withText(const QString& lead, const ApiError& error)
{
    const QString text = providerText(error);
    return text.isEmpty() ? lead : lead + QStringLiteral(": ") + text;
}

} // namespace

void ApiError::setFromBody(const QByteArray& raw)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(raw, &parseError);
    if (parseError.error == QJsonParseError::NoError && doc.isObject()) {
        const QJsonObject root = doc.object();
        // OpenAI envelope {"error":{...}}; some local servers send {"error":"text"}
        // or a flat {"message":...}.
        const QJsonValue errorValue = root.value(QStringLiteral("error"));
        QJsonObject fields = errorValue.isObject() ? errorValue.toObject() : root;
        if (errorValue.isString()) {
            message = errorValue.toString();
            return;
        }
        if (fields.contains(QStringLiteral("message"))) {
            message = jsonText(fields.value(QStringLiteral("message")));
            type = jsonText(fields.value(QStringLiteral("type")));
            code = jsonText(fields.value(QStringLiteral("code")));
            param = jsonText(fields.value(QStringLiteral("param")));
            return;
        }
    }
    QString text = QString::fromUtf8(raw).trimmed();
    if (text.size() > kMaxBodyChars)
        text = text.left(kMaxBodyChars) + QStringLiteral("…");
    body = text;
}

QString ApiError::humanMessage() const
{
    QString sentence;
    switch (kind) {
    case Kind::Cancelled:
        return QStringLiteral("The request was cancelled.");
    case Kind::Configuration:
        sentence = message.isEmpty() ? QStringLiteral("The provider settings are not usable") : providerText(*this);
        break;
    case Kind::Timeout:
        sentence = timeoutMs > 0
            ? QStringLiteral("The server did not respond within %1 s").arg(double(timeoutMs) / 1000.0, 0, 'g', 3)
            : QStringLiteral("The server did not respond in time");
        break;
    case Kind::Network:
        sentence = withText(QStringLiteral("Could not reach the server"), *this);
        break;
    case Kind::Stream:
        sentence = withText(QStringLiteral("The server reported an error during the stream"), *this);
        break;
    case Kind::InvalidResponse:
        sentence = withText(QStringLiteral("The server sent a response that could not be read"), *this);
        break;
    case Kind::Http:
        if (httpStatus == 401)
            sentence = QStringLiteral("The server rejected the API key");
        else if (httpStatus == 403)
            sentence = withText(QStringLiteral("The server refused access"), *this);
        else if (httpStatus == 404)
            sentence = withText(QStringLiteral("Not found (check the model, deployment or base URL)"), *this);
        else if (httpStatus == 429 && code == QLatin1String("insufficient_quota"))
            sentence = QStringLiteral("The account has run out of quota; check the plan and billing details");
        else if (httpStatus == 429)
            sentence = withText(QStringLiteral("Rate limit reached"), *this);
        else if (httpStatus >= 500)
            sentence = withText(QStringLiteral("The server failed"), *this);
        else if (httpStatus == 400 || httpStatus == 422)
            sentence = withText(QStringLiteral("The server rejected the request"), *this);
        else
            sentence = withText(QStringLiteral("The request failed"), *this);
        break;
    }
    return sentence + detailSuffix(*this) + QLatin1Char('.');
}

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Network: return QStringLiteral("network");
    case Kind::Timeout: return QStringLiteral("timeout");
    case Kind::Http: return QStringLiteral("http");
    case Kind::Stream: return QStringLiteral("stream");
    case Kind::InvalidResponse: return QStringLiteral("invalid-response");
    case Kind::Configuration: return QStringLiteral("configuration");
    case Kind::Cancelled: return QStringLiteral("cancelled");
    }
    return QString();
}

void ApiError::redact(const QString& secret)
{
    if (secret.isEmpty())
        return;
    const QString mask = QStringLiteral("[redacted]");
    for (QString* field : {&message, &type, &code, &param, &requestId, &body})
        field->replace(secret, mask);
}

} // namespace tb
