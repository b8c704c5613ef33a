// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "openaiemulator.h"

#include "emulatorconnection.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>

#include <algorithm>

namespace tb::test {

namespace {

const QString kReplyPrefix = QStringLiteral("Emulated reply to: ");

QString messageText(const QJsonValue& content)
{
    if (content.isString())
        return content.toString();
    QStringList parts;
    const QJsonArray array = content.toArray();
    for (const QJsonValue& part : array) {
        const QJsonObject object = part.toObject();
        if (object.value(QStringLiteral("type")).toString() == QLatin1String("text"))
            parts << object.value(QStringLiteral("text")).toString();
    }
    return parts.join(QLatin1Char(' '));
}

// "Emulated reply to: hi" -> {"Emulated", " reply", " to:", " hi"}: several SSE chunks.
QStringList splitIntoPieces(const QString& text)
{
    QStringList pieces;
    QString current;
    for (const QChar c : text) {
        if (c == QLatin1Char(' ') && !current.isEmpty() && !current.endsWith(QLatin1Char(' '))) {
            pieces << current;
            current.clear();
        }
        current += c;
    }
    if (!current.isEmpty())
        pieces << current;
    return pieces;
}

int wordCount(const QString& text)
{
    return int(text.split(QLatin1Char(' '), Qt::SkipEmptyParts).size());
}

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray chunkedFrame(const QByteArray& bytes)
{
    return QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n";
}

QString defaultErrorMessage(int status)
{
    switch (status) {
    case 400: return QStringLiteral("Invalid request.");
    case 401: return QStringLiteral("Invalid authentication.");
    case 403: return QStringLiteral("You are not allowed to use this resource.");
    case 404: return QStringLiteral("Resource not found.");
    case 408: return QStringLiteral("Request timed out.");
    case 409: return QStringLiteral("Conflict.");
    case 429: return QStringLiteral("Rate limit reached for requests.");
    case 503: return QStringLiteral("The engine is currently overloaded, please try again later.");
    default: return QStringLiteral("The server had an error while processing your request. Sorry about that!");
    }
}

QString defaultErrorType(int status)
{
    if (status == 429)
        return QStringLiteral("requests");
    if (status >= 500)
        return QStringLiteral("server_error");
    return QStringLiteral("invalid_request_error");
}

} // namespace

OpenAiEmulator::OpenAiEmulator(QObject* parent)
    : QObject(parent)
    , m_models{QString::fromLatin1(kDefaultModel), QStringLiteral("emulator-model-mini")}
{
    connect(&m_server, &QTcpServer::newConnection, this, &OpenAiEmulator::onNewConnection);
    addDefaultRoutes();
}

OpenAiEmulator::~OpenAiEmulator() = default;

bool OpenAiEmulator::listen(quint16 port)
{
    return m_server.listen(QHostAddress::LocalHost, port);
}

quint16 OpenAiEmulator::port() const
{
    return m_server.serverPort();
}

QUrl OpenAiEmulator::rootUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

QUrl OpenAiEmulator::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port()));
}

int OpenAiEmulator::requestCount(const QString& pathContains) const
{
    int count = 0;
    for (const EmulatorRequest& request : m_requests) {
        if (request.path.contains(pathContains))
            ++count;
    }
    return count;
}

void OpenAiEmulator::addRoute(const QByteArray& method, const QString& pathPattern, RouteHandler handler)
{
    m_routes.append(Route{method, QRegularExpression(QRegularExpression::anchoredPattern(pathPattern)),
                          std::move(handler)});
}

void OpenAiEmulator::onNewConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        new EmulatorConnection(socket, [this](const EmulatorRequest& request) { return handle(request); }, this);
    }
}

ScriptedReply OpenAiEmulator::takeScript(const QString& path, bool* found)
{
    for (qsizetype i = 0; i < m_script.size(); ++i) {
        if (path.contains(m_script.at(i).pathContains)) {
            *found = true;
            return m_script.takeAt(i);
        }
    }
    *found = false;
    return ScriptedReply();
}

QList<SendStep> OpenAiEmulator::handle(const EmulatorRequest& request)
{
    if (request.path.startsWith(QLatin1String("/_emulator/")))
        return buildPlan(handleControl(request), ScriptedReply());

    m_requests.append(request);
    Q_EMIT requestReceived(request);
    const int number = ++m_counter;

    bool scripted = false;
    const ScriptedReply script = takeScript(request.path, &scripted);
    EmulatorResponse response;
    if (scripted && script.status != 0) {
        if (script.rawBody) {
            response.status = script.status;
            response.contentType = QByteArrayLiteral("text/html; charset=utf-8");
            response.body = *script.rawBody;
        } else {
            response = EmulatorResponse::error(
                script.status, script.errorMessage.isEmpty() ? defaultErrorMessage(script.status) : script.errorMessage,
                script.errorType.isEmpty() ? defaultErrorType(script.status) : script.errorType, script.errorCode);
        }
    } else {
        bool matchedPath = false;
        bool routed = false;
        for (const Route& route : std::as_const(m_routes)) {
            const QRegularExpressionMatch match = route.pattern.match(request.path);
            if (!match.hasMatch())
                continue;
            matchedPath = true;
            if (route.method != request.method)
                continue;
            response = route.handler(request, match, script);
            routed = true;
            break;
        }
        if (!routed) {
            response = matchedPath
                ? EmulatorResponse::error(405, QStringLiteral("Method %1 not allowed for %2.")
                                                   .arg(QString::fromLatin1(request.method), request.path),
                                          QStringLiteral("invalid_request_error"))
                : EmulatorResponse::error(404, QStringLiteral("Unknown request URL: %1 %2.")
                                                   .arg(QString::fromLatin1(request.method), request.path),
                                          QStringLiteral("invalid_request_error"), QStringLiteral("unknown_url"));
        }
        if (script.rawBody) {
            response.streamed = false;
            response.body = *script.rawBody;
            response.contentType = QJsonDocument::fromJson(response.body).isNull()
                ? QByteArrayLiteral("text/plain; charset=utf-8")
                : QByteArrayLiteral("application/json");
        }
    }
    response.headers.append({QByteArrayLiteral("x-request-id"), "req_emu_" + QByteArray::number(number)});
    response.headers.append({QByteArrayLiteral("openai-processing-ms"), QByteArrayLiteral("1")});
    response.headers.append(script.headers);
    return buildPlan(response, script);
}

EmulatorResponse OpenAiEmulator::handleControl(const EmulatorRequest& request)
{
    if (request.path == QLatin1String("/_emulator/script") && request.method == "POST") {
        Result<QList<ScriptedReply>> replies = ScriptedReply::listFromJson(request.body);
        if (!replies)
            return EmulatorResponse::error(400, replies.error().toString(), QStringLiteral("invalid_request_error"));
        enqueue(*replies);
        return EmulatorResponse::json(200, QJsonObject{{QStringLiteral("queued"), int(replies->size())},
                                                       {QStringLiteral("pending"), int(m_script.size())}});
    }
    if (request.path == QLatin1String("/_emulator/requests") && request.method == "GET") {
        QJsonArray list;
        for (const EmulatorRequest& recorded : std::as_const(m_requests))
            list.append(recorded.toJson());
        return EmulatorResponse::json(200, QJsonObject{{QStringLiteral("object"), QStringLiteral("list")},
                                                       {QStringLiteral("data"), list}});
    }
    if (request.path == QLatin1String("/_emulator/reset") && request.method == "POST") {
        m_script.clear();
        m_requests.clear();
        return EmulatorResponse::json(200, QJsonObject{{QStringLiteral("reset"), true}});
    }
    return EmulatorResponse::error(404, QStringLiteral("Unknown control endpoint %1.").arg(request.path),
                                   QStringLiteral("invalid_request_error"));
}

bool OpenAiEmulator::authorized(const EmulatorRequest& request, bool azure) const
{
    if (m_expectedKey.isEmpty())
        return true;
    if (azure)
        return request.header("api-key") == m_expectedKey.toUtf8();
    return request.header("authorization") == "Bearer " + m_expectedKey.toUtf8();
}

EmulatorResponse OpenAiEmulator::unauthorized(const EmulatorRequest& request, bool azure) const
{
    if (azure) {
        return EmulatorResponse::error(401, QStringLiteral("Access denied due to invalid subscription key or wrong "
                                                           "API endpoint."),
                                       QStringLiteral("invalid_request_error"), QStringLiteral("401"));
    }
    QByteArray given = request.header("authorization");
    if (given.startsWith("Bearer "))
        given.remove(0, 7);
    if (given.isEmpty()) {
        return EmulatorResponse::error(401, QStringLiteral("You didn't provide an API key."),
                                       QStringLiteral("invalid_request_error"));
    }
    // Echoes the whole key on purpose (OpenAI masks the middle): the client
    // must keep keys out of error texts even when a server does not.
    return EmulatorResponse::error(401, QStringLiteral("Incorrect API key provided: %1.").arg(QString::fromUtf8(given)),
                                   QStringLiteral("invalid_request_error"), QStringLiteral("invalid_api_key"));
}

void OpenAiEmulator::addDefaultRoutes()
{
    addRoute("GET", QStringLiteral("/v1/models"),
             [this](const EmulatorRequest& request, const QRegularExpressionMatch&, const ScriptedReply&) {
                 return models(request, false);
             });
    addRoute("POST", QStringLiteral("/v1/chat/completions"),
             [this](const EmulatorRequest& request, const QRegularExpressionMatch&, const ScriptedReply& script) {
                 return completion(request, script, true, QString());
             });
    addRoute("POST", QStringLiteral("/v1/completions"),
             [this](const EmulatorRequest& request, const QRegularExpressionMatch&, const ScriptedReply& script) {
                 return completion(request, script, false, QString());
             });
    addRoute("GET", QStringLiteral("/openai/models"),
             [this](const EmulatorRequest& request, const QRegularExpressionMatch&, const ScriptedReply&) {
                 return models(request, true);
             });
    addRoute("POST", QStringLiteral("/openai/deployments/([^/]+)/(chat/completions|completions)"),
             [this](const EmulatorRequest& request, const QRegularExpressionMatch& match, const ScriptedReply& script) {
                 return completion(request, script, match.captured(2) == QLatin1String("chat/completions"),
                                   match.captured(1));
             });
}

EmulatorResponse OpenAiEmulator::models(const EmulatorRequest& request, bool azure)
{
    if (azure && request.query.queryItemValue(QStringLiteral("api-version")).isEmpty())
        return EmulatorResponse::error(404, QStringLiteral("Resource not found"), QStringLiteral("invalid_request_error"),
                                       QStringLiteral("404"));
    if (!authorized(request, azure))
        return unauthorized(request, azure);
    QJsonArray data;
    for (const QString& id : std::as_const(m_models)) {
        data.append(QJsonObject{{QStringLiteral("id"), id},
                                {QStringLiteral("object"), QStringLiteral("model")},
                                {QStringLiteral("created"), 1700000000},
                                {QStringLiteral("owned_by"), QStringLiteral("tunebench-emulator")}});
    }
    return EmulatorResponse::json(200, QJsonObject{{QStringLiteral("object"), QStringLiteral("list")},
                                                   {QStringLiteral("data"), data}});
}

QString OpenAiEmulator::defaultReplyText(const QJsonObject& body)
{
    if (body.contains(QStringLiteral("prompt"))) {
        const QJsonValue prompt = body.value(QStringLiteral("prompt"));
        return kReplyPrefix + (prompt.isArray() ? prompt.toArray().first().toString() : prompt.toString());
    }
    const QJsonArray messages = body.value(QStringLiteral("messages")).toArray();
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        const QJsonObject message = messages.at(i).toObject();
        if (message.value(QStringLiteral("role")).toString() == QLatin1String("user"))
            return kReplyPrefix + messageText(message.value(QStringLiteral("content")));
    }
    return kReplyPrefix;
}

EmulatorResponse OpenAiEmulator::completion(const EmulatorRequest& request, const ScriptedReply& script, bool chat,
                                            const QString& azureDeployment)
{
    const bool azure = !azureDeployment.isNull();
    if (azure && request.query.queryItemValue(QStringLiteral("api-version")).isEmpty())
        return EmulatorResponse::error(404, QStringLiteral("Resource not found"), QStringLiteral("invalid_request_error"),
                                       QStringLiteral("404"));
    if (!authorized(request, azure))
        return unauthorized(request, azure);

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return EmulatorResponse::error(400, QStringLiteral("We could not parse the JSON body of your request."),
                                       QStringLiteral("invalid_request_error"));
    }
    const QJsonObject body = doc.object();
    QString model = body.value(QStringLiteral("model")).toString();
    if (model.isEmpty() && azure)
        model = azureDeployment;
    if (model.isEmpty()) {
        return EmulatorResponse::error(400, QStringLiteral("you must provide a model parameter"),
                                       QStringLiteral("invalid_request_error"), QString(), QStringLiteral("model"));
    }
    if (chat && body.value(QStringLiteral("messages")).toArray().isEmpty()) {
        return EmulatorResponse::error(400, QStringLiteral("'messages' must contain at least one message."),
                                       QStringLiteral("invalid_request_error"), QString(), QStringLiteral("messages"));
    }
    if (!chat && !body.contains(QStringLiteral("prompt"))) {
        return EmulatorResponse::error(400, QStringLiteral("'prompt' is required."),
                                       QStringLiteral("invalid_request_error"), QString(), QStringLiteral("prompt"));
    }

    const QString text = script.replyText.isEmpty() ? defaultReplyText(body) : script.replyText;
    QStringList pieces = splitIntoPieces(text);
    QString finishReason = QStringLiteral("stop");
    const int maxTokens = body.value(QStringLiteral("max_completion_tokens"))
                              .toInt(body.value(QStringLiteral("max_tokens")).toInt(0));
    if (maxTokens > 0 && maxTokens < pieces.size()) {
        pieces = pieces.mid(0, maxTokens);
        finishReason = QStringLiteral("length");
    }
    const int n = std::clamp(body.value(QStringLiteral("n")).toInt(1), 1, 8);
    const bool useTools = chat && !script.toolCalls.isEmpty();
    if (useTools)
        finishReason = QStringLiteral("tool_calls");
    auto toolCallId = [this](qsizetype index) { return QStringLiteral("call_emu_%1_%2").arg(m_counter).arg(index); };

    int promptTokens = 0;
    if (chat) {
        const QJsonArray messages = body.value(QStringLiteral("messages")).toArray();
        for (const QJsonValue& message : messages)
            promptTokens += 3 + wordCount(messageText(message.toObject().value(QStringLiteral("content"))));
    } else {
        promptTokens = wordCount(defaultReplyText(body).mid(kReplyPrefix.size()));
    }
    const int completionTokens = int(pieces.size()) * n;
    const QJsonObject usage{{QStringLiteral("prompt_tokens"), promptTokens},
                            {QStringLiteral("completion_tokens"), completionTokens},
                            {QStringLiteral("total_tokens"), promptTokens + completionTokens}};

    const QString id = (chat ? QStringLiteral("chatcmpl-emu-") : QStringLiteral("cmpl-emu-")) + QString::number(m_counter);
    const qint64 created = QDateTime::currentSecsSinceEpoch();
    const QString object = chat ? QStringLiteral("chat.completion") : QStringLiteral("text_completion");
    auto choiceText = [&](int index) {
        QString full = pieces.join(QString());
        if (index > 0)
            full += QStringLiteral(" #%1").arg(index);
        return full;
    };

    const bool stream = body.value(QStringLiteral("stream")).toBool();
    if (!stream) {
        QJsonArray choices;
        for (int i = 0; i < n; ++i) {
            QJsonObject choice{{QStringLiteral("index"), i},
                               {QStringLiteral("finish_reason"), finishReason},
                               {QStringLiteral("logprobs"), QJsonValue()}};
            if (chat && useTools) {
                QJsonArray calls;
                for (qsizetype c = 0; c < script.toolCalls.size(); ++c) {
                    calls.append(QJsonObject{
                        {QStringLiteral("id"), toolCallId(c)},
                        {QStringLiteral("type"), QStringLiteral("function")},
                        {QStringLiteral("function"), QJsonObject{{QStringLiteral("name"), script.toolCalls.at(c).first},
                                                                 {QStringLiteral("arguments"), script.toolCalls.at(c).second}}}});
                }
                choice.insert(QStringLiteral("message"),
                              QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                          {QStringLiteral("content"), QJsonValue()},
                                          {QStringLiteral("refusal"), QJsonValue()},
                                          {QStringLiteral("tool_calls"), calls}});
            } else if (chat) {
                choice.insert(QStringLiteral("message"),
                              QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                          {QStringLiteral("content"), choiceText(i)},
                                          {QStringLiteral("refusal"), QJsonValue()},
                                          {QStringLiteral("annotations"), QJsonArray()}});
            } else {
                choice.insert(QStringLiteral("text"), choiceText(i));
            }
            choices.append(choice);
        }
        return EmulatorResponse::json(200, QJsonObject{{QStringLiteral("id"), id},
                                                       {QStringLiteral("object"), object},
                                                       {QStringLiteral("created"), created},
                                                       {QStringLiteral("model"), model},
                                                       {QStringLiteral("system_fingerprint"), QStringLiteral("fp_emulator")},
                                                       {QStringLiteral("choices"), choices},
                                                       {QStringLiteral("usage"), usage}});
    }

    const bool includeUsage =
        body.value(QStringLiteral("stream_options")).toObject().value(QStringLiteral("include_usage")).toBool();
    const QString chunkObject = chat ? QStringLiteral("chat.completion.chunk") : QStringLiteral("text_completion");
    auto chunk = [&](const QJsonArray& choices) {
        QJsonObject object{{QStringLiteral("id"), id},
                           {QStringLiteral("object"), chunkObject},
                           {QStringLiteral("created"), created},
                           {QStringLiteral("model"), model},
                           {QStringLiteral("system_fingerprint"), QStringLiteral("fp_emulator")},
                           {QStringLiteral("choices"), choices}};
        if (includeUsage)
            object.insert(QStringLiteral("usage"), QJsonValue());
        return object;
    };
    auto streamChoice = [&](int index, const QString& fragment, const QJsonValue& finish, bool first) {
        QJsonObject choice{{QStringLiteral("index"), index},
                           {QStringLiteral("finish_reason"), finish},
                           {QStringLiteral("logprobs"), QJsonValue()}};
        if (chat) {
            QJsonObject delta;
            if (first) {
                delta.insert(QStringLiteral("role"), QStringLiteral("assistant"));
                delta.insert(QStringLiteral("content"), QString());
                delta.insert(QStringLiteral("refusal"), QJsonValue());
            } else if (!finish.isString()) {
                delta.insert(QStringLiteral("content"), fragment);
            }
            choice.insert(QStringLiteral("delta"), delta);
        } else {
            choice.insert(QStringLiteral("text"), fragment);
        }
        return choice;
    };

    EmulatorResponse response;
    response.streamed = true;
    response.contentType = QByteArrayLiteral("text/event-stream; charset=utf-8");
    if (chat) {
        QJsonArray firsts;
        for (int i = 0; i < n; ++i)
            firsts.append(streamChoice(i, QString(), QJsonValue(), true));
        response.events.append(compact(chunk(firsts)));
    }
    for (qsizetype c = 0; useTools && c < script.toolCalls.size(); ++c) {
        // First fragment names the call; the arguments follow in 4-character pieces.
        const QString arguments = script.toolCalls.at(c).second;
        for (qsizetype at = -4; at < arguments.size(); at += 4) {
            QJsonObject function;
            QJsonObject call{{QStringLiteral("index"), int(c)}};
            if (at < 0) {
                call.insert(QStringLiteral("id"), toolCallId(c));
                call.insert(QStringLiteral("type"), QStringLiteral("function"));
                function.insert(QStringLiteral("name"), script.toolCalls.at(c).first);
                function.insert(QStringLiteral("arguments"), QString());
            } else {
                function.insert(QStringLiteral("arguments"), arguments.mid(at, 4));
            }
            call.insert(QStringLiteral("function"), function);
            for (int i = 0; i < n; ++i) {
                QJsonObject choice{{QStringLiteral("index"), i},
                                   {QStringLiteral("finish_reason"), QJsonValue()},
                                   {QStringLiteral("logprobs"), QJsonValue()},
                                   {QStringLiteral("delta"), QJsonObject{{QStringLiteral("tool_calls"), QJsonArray{call}}}}};
                response.events.append(compact(chunk({choice})));
            }
        }
    }
    for (qsizetype p = 0; !useTools && p < pieces.size(); ++p) {
        for (int i = 0; i < n; ++i) { // choices interleave, as with n > 1 upstream
            QString fragment = pieces.at(p);
            if (i > 0 && p == pieces.size() - 1)
                fragment += QStringLiteral(" #%1").arg(i);
            response.events.append(compact(chunk({streamChoice(i, fragment, QJsonValue(), false)})));
        }
    }
    QJsonArray finals;
    for (int i = 0; i < n; ++i)
        finals.append(streamChoice(i, QString(), finishReason, false));
    response.events.append(compact(chunk(finals)));
    if (includeUsage) {
        QJsonObject last = chunk(QJsonArray());
        last.insert(QStringLiteral("usage"), usage);
        response.events.append(compact(last));
    }
    response.events.append(QByteArrayLiteral("[DONE]"));
    return response;
}

QList<SendStep> OpenAiEmulator::buildPlan(const EmulatorResponse& response, const ScriptedReply& script)
{
    using Fault = ScriptedReply::Fault;
    using Action = SendStep::Action;
    if (script.fault == Fault::DropBeforeHeaders)
        return {SendStep{script.delayBeforeHeadersMs, Action::Abort, {}}};

    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
        + EmulatorResponse::reasonPhrase(response.status) + "\r\n";
    head += "Content-Type: " + response.contentType + "\r\n";
    for (const auto& [name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    head += "Connection: close\r\n";

    if (!response.streamed) {
        QByteArray body = response.body;
        if (script.fault == Fault::MalformedJson)
            body = body.left(body.size() / 2);
        head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
        return {SendStep{script.delayBeforeHeadersMs, Action::Write, head + body}, SendStep{0, Action::Close, {}}};
    }

    head += "Cache-Control: no-cache\r\nTransfer-Encoding: chunked\r\n\r\n";
    QList<QByteArray> events = response.events;
    const qsizetype k = std::clamp<qsizetype>(script.faultAfterEvents, 0, events.size());
    switch (script.fault) {
    case Fault::TruncateStream:
        if (!events.isEmpty() && events.last() == "[DONE]")
            events.removeLast();
        break;
    case Fault::ErrorMidStream:
        events = events.mid(0, k);
        events.append(compact(EmulatorResponse::errorObject(
            script.errorMessage.isEmpty() ? defaultErrorMessage(500) : script.errorMessage,
            script.errorType.isEmpty() ? QStringLiteral("server_error") : script.errorType, script.errorCode)));
        break;
    case Fault::MalformedJson:
        events.insert(k, QByteArrayLiteral("{\"id\":\"chatcmpl-broken\",\"choices\":[{\"delta\":"));
        break;
    case Fault::DropMidStream:
        events = events.mid(0, k);
        break;
    case Fault::None:
    case Fault::DropBeforeHeaders:
        break;
    }

    QByteArray lineEnd = "\n";
    if (script.lineEnding == ScriptedReply::LineEnding::CrLf)
        lineEnd = "\r\n";
    else if (script.lineEnding == ScriptedReply::LineEnding::Cr)
        lineEnd = "\r";
    QList<QByteArray> pieces;
    for (const QByteArray& event : std::as_const(events))
        pieces.append("data: " + event + lineEnd + lineEnd);
    if (script.splitBytes > 0) {
        const QByteArray all = pieces.join();
        pieces.clear();
        for (qsizetype i = 0; i < all.size(); i += script.splitBytes)
            pieces.append(all.mid(i, script.splitBytes));
    }

    QList<SendStep> plan{SendStep{script.delayBeforeHeadersMs, Action::Write, head}};
    for (const QByteArray& piece : std::as_const(pieces))
        plan.append(SendStep{script.delayBetweenChunksMs, Action::Write, chunkedFrame(piece)});
    if (script.fault == Fault::DropMidStream) {
        plan.append(SendStep{script.delayBetweenChunksMs, Action::Abort, {}});
    } else {
        plan.append(SendStep{0, Action::Write, QByteArrayLiteral("0\r\n\r\n")});
        plan.append(SendStep{0, Action::Close, {}});
    }
    return plan;
}

} // namespace tb::test
