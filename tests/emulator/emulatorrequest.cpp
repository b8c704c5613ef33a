// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulatorrequest.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tb::test {

QByteArray EmulatorRequest::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return QByteArray();
}

bool EmulatorRequest::hasHeader(const QByteArray& name) const
{
    for (const auto& pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QJsonObject EmulatorRequest::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QJsonObject EmulatorRequest::toJson() const
{
    QJsonObject headerObject;
    for (const auto& [key, value] : headers)
        headerObject.insert(QString::fromLatin1(key).toLower(), QString::fromLatin1(value));
    return QJsonObject{
        {QStringLiteral("method"), QString::fromLatin1(method)},
        {QStringLiteral("target"), target},
        {QStringLiteral("path"), path},
        {QStringLiteral("headers"), headerObject},
        {QStringLiteral("body"), QString::fromUtf8(body)},
    };
}

} // namespace tb::test
