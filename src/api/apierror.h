// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What went wrong with one API request, as data (status, provider fields,
// request id, retries) plus one human sentence for the GUI and the CLI.

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace tb {

class ApiError
{
public:
    enum class Kind {
        Network,         // no HTTP answer: refused, reset, DNS, TLS
        Timeout,         // no progress within the profile's timeout
        Http,            // the server answered with a non-2xx status
        Stream,          // an error object arrived inside an SSE stream
        InvalidResponse, // 2xx with a body we cannot read (malformed JSON)
        Configuration,   // the request was never sent (e.g. http:// to a remote host)
        Cancelled,       // the caller cancelled
    };

    Kind kind = Kind::Network;
    int httpStatus = 0;     // 0 when there was no HTTP answer
    QString message;        // provider's error.message, or transport detail
    QString type;           // provider's error.type
    QString code;           // provider's error.code
    QString param;          // provider's error.param
    QString requestId;      // x-request-id response header
    QString body;           // non-JSON error body as text, truncated to kMaxBodyChars
    int retryCount = 0;     // retries made before giving up
    int timeoutMs = 0;      // for Kind::Timeout

    static constexpr int kMaxBodyChars = 2000;

    // Fills message/type/code/param from an OpenAI error envelope
    // ({"error":{...}}); keeps the raw text in `body` when it is not one.
    void setFromBody(const QByteArray& body);

    // One sentence, e.g. "The server rejected the API key (HTTP 401, request req_abc)."
    QString humanMessage() const;
    QString toString() const { return humanMessage(); }

    // Machine-readable name of the kind ("http", "timeout", ...), for logs and the CLI.
    static QString kindName(Kind kind);

    // Replaces every occurrence of `secret` in all text fields (servers may echo a key).
    void redact(const QString& secret);
};

} // namespace tb

Q_DECLARE_METATYPE(tb::ApiError)
