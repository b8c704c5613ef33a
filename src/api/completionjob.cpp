// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "completionjob.h"

#include "api/apiclient.h"
#include "api/apilogging.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace tb {

namespace {

constexpr qsizetype kRawPrefixLimit = 1 << 20;

CompletionUsage parseUsage(const QJsonValue& value)
{
    CompletionUsage usage;
    if (!value.isObject())
        return usage;
    const QJsonObject object = value.toObject();
    usage.known = true;
    usage.promptTokens = object.value(QStringLiteral("prompt_tokens")).toInt();
    usage.completionTokens = object.value(QStringLiteral("completion_tokens")).toInt();
    usage.totalTokens = object.value(QStringLiteral("total_tokens")).toInt(usage.promptTokens + usage.completionTokens);
    return usage;
}

ApiError errorFromObject(const QJsonObject& root, ApiError::Kind kind)
{
    ApiError error;
    error.kind = kind;
    error.setFromBody(QJsonDocument(root).toJson(QJsonDocument::Compact));
    if (error.message.isEmpty())
        error.message = QStringLiteral("unknown error");
    return error;
}

} // namespace

CompletionJob::CompletionJob(ApiClient* client, CompletionRequest request, QObject* parent)
    : ApiJob(client, QByteArrayLiteral("POST"),
             request.endpoint == CompletionRequest::Endpoint::Chat ? QStringLiteral("/chat/completions")
                                                                    : QStringLiteral("/completions"),
             parent)
    , m_request(std::move(request))
{
}

QJsonObject CompletionJob::wireBody() const
{
    QJsonObject body = m_request.body;
    const ProviderProfile& profile = client()->profile();
    if (!body.contains(QStringLiteral("model")) || body.value(QStringLiteral("model")).toString().isEmpty()) {
        const QString model = !profile.defaultModel.isEmpty() ? profile.defaultModel : profile.azureDeployment;
        if (!model.isEmpty())
            body.insert(QStringLiteral("model"), model);
    }
    if (m_request.stream) {
        body.insert(QStringLiteral("stream"), true);
        if (profile.supportsStreamOptions()) {
            QJsonObject options = body.value(QStringLiteral("stream_options")).toObject();
            options.insert(QStringLiteral("include_usage"), true);
            body.insert(QStringLiteral("stream_options"), options);
        }
    } else {
        body.remove(QStringLiteral("stream"));
        body.remove(QStringLiteral("stream_options"));
    }
    return body;
}

QByteArray CompletionJob::requestBody() const
{
    return QJsonDocument(wireBody()).toJson(QJsonDocument::Compact);
}

void CompletionJob::resetAttempt()
{
    // Retries happen only before any content was delivered, so starting over is invisible.
    m_parser.reset();
    m_choices.clear();
    m_usage = CompletionUsage();
    m_id.clear();
    m_model.clear();
    m_created = 0;
    m_sawEvent = false;
    m_rawPrefix.clear();
}

CompletionJob::ChoiceState& CompletionJob::choice(int index)
{
    auto it = m_choices.find(index);
    if (it == m_choices.end()) {
        it = m_choices.insert(index, ChoiceState());
        it->result.index = index;
    }
    return *it;
}

void CompletionJob::handleStreamData(const QByteArray& chunk)
{
    if (!m_sawEvent && m_rawPrefix.size() < kRawPrefixLimit)
        m_rawPrefix.append(chunk);
    const QList<SseEvent> events = m_parser.feed(chunk);
    for (const SseEvent& event : events) {
        handleEvent(event);
        if (isFinished())
            return;
    }
}

void CompletionJob::handleEvent(const SseEvent& event)
{
    m_sawEvent = true;
    m_rawPrefix.clear();
    if (event.isDone()) {
        finishStream(false);
        return;
    }
    if (event.data.trimmed().isEmpty())
        return;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(event.data.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        ApiError error;
        error.kind = ApiError::Kind::InvalidResponse;
        error.message = QStringLiteral("a stream event is not a JSON object (%1)").arg(parseError.errorString());
        fail(error);
        return;
    }
    const QJsonObject object = doc.object();
    if (object.contains(QStringLiteral("error")) || event.event == QLatin1String("error")) {
        fail(errorFromObject(object, ApiError::Kind::Stream));
        return;
    }
    handleChunk(object);
}

void CompletionJob::handleChunk(const QJsonObject& chunk)
{
    if (m_id.isEmpty())
        m_id = chunk.value(QStringLiteral("id")).toString();
    if (m_model.isEmpty())
        m_model = chunk.value(QStringLiteral("model")).toString();
    if (m_created == 0)
        m_created = qint64(chunk.value(QStringLiteral("created")).toDouble());
    if (chunk.value(QStringLiteral("usage")).isObject())
        m_usage = parseUsage(chunk.value(QStringLiteral("usage")));

    const QJsonArray choices = chunk.value(QStringLiteral("choices")).toArray();
    for (const QJsonValue& value : choices) {
        const QJsonObject object = value.toObject();
        ChoiceState& state = choice(object.value(QStringLiteral("index")).toInt());
        QString fragment;
        if (isChat()) {
            const QJsonObject delta = object.value(QStringLiteral("delta")).toObject();
            fragment = delta.value(QStringLiteral("content")).toString();
            state.result.refusal += delta.value(QStringLiteral("refusal")).toString();
            const QJsonArray toolCalls = delta.value(QStringLiteral("tool_calls")).toArray();
            for (const QJsonValue& callValue : toolCalls) {
                const QJsonObject call = callValue.toObject();
                const int callIndex = call.value(QStringLiteral("index")).toInt();
                ToolCallResult& tool = state.toolCalls[callIndex];
                tool.index = callIndex;
                if (call.contains(QStringLiteral("id")))
                    tool.id = call.value(QStringLiteral("id")).toString();
                if (call.contains(QStringLiteral("type")))
                    tool.type = call.value(QStringLiteral("type")).toString();
                const QJsonObject function = call.value(QStringLiteral("function")).toObject();
                if (function.contains(QStringLiteral("name")))
                    tool.name = function.value(QStringLiteral("name")).toString();
                tool.arguments += function.value(QStringLiteral("arguments")).toString();
            }
            // Deprecated single function_call: kept as tool call 0.
            const QJsonObject functionCall = delta.value(QStringLiteral("function_call")).toObject();
            if (!functionCall.isEmpty()) {
                ToolCallResult& tool = state.toolCalls[0];
                tool.type = QStringLiteral("function");
                if (functionCall.contains(QStringLiteral("name")))
                    tool.name = functionCall.value(QStringLiteral("name")).toString();
                tool.arguments += functionCall.value(QStringLiteral("arguments")).toString();
            }
        } else {
            fragment = object.value(QStringLiteral("text")).toString();
        }
        const QJsonValue finishReason = object.value(QStringLiteral("finish_reason"));
        if (finishReason.isString())
            state.result.finishReason = finishReason.toString();
        if (!fragment.isEmpty()) {
            state.result.text += fragment;
            if (m_firstTokenMs < 0)
                m_firstTokenMs = elapsedMs();
            m_contentDelivered = true;
            Q_EMIT delta(state.result.index, fragment);
            if (isFinished())
                return; // a receiver cancelled
        }
    }
}

QJsonObject CompletionJob::assembledResponse() const
{
    QJsonObject response;
    response.insert(QStringLiteral("id"), m_id);
    response.insert(QStringLiteral("object"), isChat() ? QStringLiteral("chat.completion") : QStringLiteral("text_completion"));
    response.insert(QStringLiteral("created"), m_created);
    response.insert(QStringLiteral("model"), m_model);
    QJsonArray choices;
    for (const ChoiceState& state : m_choices) {
        QJsonObject choiceObject;
        choiceObject.insert(QStringLiteral("index"), state.result.index);
        choiceObject.insert(QStringLiteral("finish_reason"),
                            state.result.finishReason.isEmpty() ? QJsonValue() : QJsonValue(state.result.finishReason));
        choiceObject.insert(QStringLiteral("logprobs"), QJsonValue());
        if (isChat()) {
            QJsonObject message;
            message.insert(QStringLiteral("role"), QStringLiteral("assistant"));
            message.insert(QStringLiteral("content"), state.result.text);
            message.insert(QStringLiteral("refusal"),
                           state.result.refusal.isEmpty() ? QJsonValue() : QJsonValue(state.result.refusal));
            if (!state.toolCalls.isEmpty()) {
                QJsonArray calls;
                for (const ToolCallResult& tool : state.toolCalls) {
                    calls.append(QJsonObject{
                        {QStringLiteral("id"), tool.id},
                        {QStringLiteral("type"), tool.type.isEmpty() ? QStringLiteral("function") : tool.type},
                        {QStringLiteral("function"),
                         QJsonObject{{QStringLiteral("name"), tool.name}, {QStringLiteral("arguments"), tool.arguments}}},
                    });
                }
                message.insert(QStringLiteral("tool_calls"), calls);
            }
            choiceObject.insert(QStringLiteral("message"), message);
        } else {
            choiceObject.insert(QStringLiteral("text"), state.result.text);
        }
        choices.append(choiceObject);
    }
    response.insert(QStringLiteral("choices"), choices);
    if (m_usage.known) {
        response.insert(QStringLiteral("usage"),
                        QJsonObject{{QStringLiteral("prompt_tokens"), m_usage.promptTokens},
                                    {QStringLiteral("completion_tokens"), m_usage.completionTokens},
                                    {QStringLiteral("total_tokens"), m_usage.totalTokens}});
    }
    return response;
}

void CompletionJob::finishStream(bool truncated)
{
    CompletionResult result;
    result.streamed = true;
    result.truncated = truncated;
    result.id = m_id;
    result.model = m_model;
    result.usage = truncated ? CompletionUsage() : m_usage;
    for (const ChoiceState& state : std::as_const(m_choices)) {
        ChoiceResult choiceResult = state.result;
        choiceResult.toolCalls = state.toolCalls.values();
        result.choices.append(choiceResult);
    }
    result.timeToFirstTokenMs = m_firstTokenMs;
    result.response = assembledResponse();
    if (truncated)
        qCInfo(lcTunebenchApi) << "stream ended without [DONE]; keeping" << result.text().size()
                                  << "characters as truncated, request" << requestId();
    emitFinished(result);
}

void CompletionJob::emitFinished(CompletionResult result)
{
    result.totalMs = elapsedMs();
    result.retryCount = retryCount();
    result.requestId = requestId();
    markSucceeded();
    Q_EMIT finished(result);
}

void CompletionJob::handleSuccess(const QByteArray& body, bool transportError)
{
    if (!m_request.stream) {
        parseFullResponse(body);
        return;
    }
    // A server that ignored "stream": true answers with one JSON object.
    if (!m_sawEvent && !m_rawPrefix.trimmed().isEmpty() && m_rawPrefix.trimmed().startsWith('{') && !transportError) {
        parseFullResponse(m_rawPrefix);
        return;
    }
    m_parser.finish(); // a final event without its blank line is dropped
    finishStream(true);
}

void CompletionJob::parseFullResponse(const QByteArray& body)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        ApiError error;
        error.kind = ApiError::Kind::InvalidResponse;
        error.message = QStringLiteral("the response is not a JSON object (%1)").arg(parseError.errorString());
        fail(error);
        return;
    }
    const QJsonObject root = doc.object();
    if (root.contains(QStringLiteral("error"))) {
        ApiError error = errorFromObject(root, ApiError::Kind::Http);
        error.httpStatus = 200;
        fail(error);
        return;
    }
    CompletionResult result;
    result.response = root;
    result.id = root.value(QStringLiteral("id")).toString();
    result.model = root.value(QStringLiteral("model")).toString();
    result.usage = parseUsage(root.value(QStringLiteral("usage")));
    const QJsonArray choices = root.value(QStringLiteral("choices")).toArray();
    for (const QJsonValue& value : choices) {
        const QJsonObject object = value.toObject();
        ChoiceResult choiceResult;
        choiceResult.index = object.value(QStringLiteral("index")).toInt(int(result.choices.size()));
        choiceResult.finishReason = object.value(QStringLiteral("finish_reason")).toString();
        if (isChat()) {
            const QJsonObject message = object.value(QStringLiteral("message")).toObject();
            choiceResult.text = message.value(QStringLiteral("content")).toString();
            choiceResult.refusal = message.value(QStringLiteral("refusal")).toString();
            const QJsonArray calls = message.value(QStringLiteral("tool_calls")).toArray();
            for (qsizetype i = 0; i < calls.size(); ++i) {
                const QJsonObject call = calls.at(i).toObject();
                ToolCallResult tool;
                tool.index = int(i);
                tool.id = call.value(QStringLiteral("id")).toString();
                tool.type = call.value(QStringLiteral("type")).toString();
                const QJsonObject function = call.value(QStringLiteral("function")).toObject();
                tool.name = function.value(QStringLiteral("name")).toString();
                tool.arguments = function.value(QStringLiteral("arguments")).toString();
                choiceResult.toolCalls.append(tool);
            }
        } else {
            choiceResult.text = object.value(QStringLiteral("text")).toString();
        }
        result.choices.append(choiceResult);
    }
    std::sort(result.choices.begin(), result.choices.end(),
              [](const ChoiceResult& a, const ChoiceResult& b) { return a.index < b.index; });
    emitFinished(result);
}

} // namespace tb
