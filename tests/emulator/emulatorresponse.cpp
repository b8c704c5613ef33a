// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulatorresponse.h"

#include <QJsonDocument>

namespace tb::test {

EmulatorResponse EmulatorResponse::json(int status, const QJsonObject& object)
{
    EmulatorResponse response;
    response.status = status;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return response;
}

QJsonObject EmulatorResponse::errorObject(const QString& message, const QString& type, const QString& code,
                                          const QString& param)
{
    return QJsonObject{{QStringLiteral("error"),
                        QJsonObject{
                            {QStringLiteral("message"), message},
                            {QStringLiteral("type"), type},
                            {QStringLiteral("param"), param.isEmpty() ? QJsonValue() : QJsonValue(param)},
                            {QStringLiteral("code"), code.isEmpty() ? QJsonValue() : QJsonValue(code)},
                        }}};
}

EmulatorResponse EmulatorResponse::error(int status, const QString& message, const QString& type,
                                         const QString& code, const QString& param)
{
    return json(status, errorObject(message, type, code, param));
}

QByteArray EmulatorResponse::reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

} // namespace tb::test
