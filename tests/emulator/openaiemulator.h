// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A loopback OpenAI API emulator speaking the real wire protocol (HTTP/1.1,
// JSON, SSE with chunked transfer) for tests and manual runs. Answers
// /v1/models, /v1/chat/completions, /v1/completions and the Azure deployment
// routes deterministically, records every request, and injects faults from a
// FIFO of scripted replies. New endpoints are added with addRoute().

#include "emulatorrequest.h"
#include "emulatorresponse.h"
#include "scriptedreply.h"

#include <QObject>
#include <QRegularExpression>
#include <QStringList>
#include <QTcpServer>
#include <QUrl>

#include <functional>

namespace tb::test {

class OpenAiEmulator : public QObject
{
    Q_OBJECT
public:
    // `match` holds the route's regular-expression captures; `script` is the
    // scripted reply applied to this request (default-constructed when none).
    using RouteHandler = std::function<EmulatorResponse(const EmulatorRequest& request,
                                                        const QRegularExpressionMatch& match,
                                                        const ScriptedReply& script)>;

    static constexpr const char* kDefaultModel = "emulator-model";

    explicit OpenAiEmulator(QObject* parent = nullptr);
    ~OpenAiEmulator() override;

    // Listens on 127.0.0.1; port 0 picks a free one.
    bool listen(quint16 port = 0);
    quint16 port() const;
    QUrl rootUrl() const; // http://127.0.0.1:PORT  (Azure endpoint)
    QUrl baseUrl() const; // http://127.0.0.1:PORT/v1

    // Non-empty: OpenAI routes require "Authorization: Bearer <key>", Azure
    // routes "api-key: <key>"; anything else gets a 401 error envelope.
    void setExpectedApiKey(const QString& key) { m_expectedKey = key; }
    void setModels(const QStringList& models) { m_models = models; }

    // Scripted replies are consumed in order by the next API request whose path matches.
    void enqueue(const ScriptedReply& reply) { m_script.append(reply); }
    void enqueue(const QList<ScriptedReply>& replies) { m_script.append(replies); }
    qsizetype pendingScripts() const { return m_script.size(); }
    void clearScripts() { m_script.clear(); }

    const QList<EmulatorRequest>& requests() const { return m_requests; }
    int requestCount(const QString& pathContains = QString()) const;
    void clearRequests() { m_requests.clear(); }

    // Routes are tried in the order added; `pathPattern` must match the whole path.
    void addRoute(const QByteArray& method, const QString& pathPattern, RouteHandler handler);

    // The send plan for a response with a script's faults and delays applied.
    static QList<SendStep> buildPlan(const EmulatorResponse& response, const ScriptedReply& script);

    // Default reply text for a chat request: "Emulated reply to: <last user message>".
    static QString defaultReplyText(const QJsonObject& body);

Q_SIGNALS:
    void requestReceived(const tb::test::EmulatorRequest& request);

private:
    struct Route
    {
        QByteArray method;
        QRegularExpression pattern;
        RouteHandler handler;
    };

    void onNewConnection();
    QList<SendStep> handle(const EmulatorRequest& request);
    EmulatorResponse handleControl(const EmulatorRequest& request);
    ScriptedReply takeScript(const QString& path, bool* found);
    bool authorized(const EmulatorRequest& request, bool azure) const;
    EmulatorResponse unauthorized(const EmulatorRequest& request, bool azure) const;
    void addDefaultRoutes();

    EmulatorResponse models(const EmulatorRequest& request, bool azure);
    EmulatorResponse completion(const EmulatorRequest& request, const ScriptedReply& script, bool chat,
                                const QString& azureDeployment);

    QTcpServer m_server;
    QString m_expectedKey;
    QStringList m_models;
    QList<ScriptedReply> m_script;
    QList<EmulatorRequest> m_requests;
    QList<Route> m_routes;
    int m_counter = 0;
};

} // namespace tb::test
