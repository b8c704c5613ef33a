// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One HTTP request as the emulator received it, kept so tests can assert on
// exactly what the client put on the wire (method, path, headers, body).

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace tb::test {

struct EmulatorRequest
{
    QByteArray method;                           // "GET", "POST", ...
    QString target;                              // as sent: "/v1/chat/completions?x=1"
    QString path;                                // without the query: "/v1/chat/completions"
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers; // names as sent
    QByteArray body;                             // de-chunked

    // Case-insensitive header lookup; empty when absent.
    QByteArray header(const QByteArray& name) const;
    bool hasHeader(const QByteArray& name) const;
    // The body parsed as a JSON object (empty when it is not one).
    QJsonObject json() const;
    QJsonObject toJson() const; // for GET /_emulator/requests
};

} // namespace tb::test
