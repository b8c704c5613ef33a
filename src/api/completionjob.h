// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One /chat/completions or legacy /completions request, streamed (SSE,
// fragments reported as they arrive) or not; ends in finished() or failed().

#include "api/apijob.h"
#include "api/completionresult.h"
#include "api/sseparser.h"

#include <QJsonObject>
#include <QMap>

namespace tb {

struct CompletionRequest
{
    enum class Endpoint { Chat, Legacy }; // /chat/completions, /completions

    Endpoint endpoint = Endpoint::Chat;
    // model, messages (chat) or prompt (legacy), sampling parameters... The job
    // sets "stream"/"stream_options" itself and fills "model" from the profile
    // when missing.
    QJsonObject body;
    bool stream = false;
};

class CompletionJob : public ApiJob
{
    Q_OBJECT
public:
    CompletionJob(ApiClient* client, CompletionRequest request, QObject* parent = nullptr);

    const CompletionRequest& request() const { return m_request; }
    // The exact JSON body sent on the wire.
    QJsonObject wireBody() const;

Q_SIGNALS:
    // A streamed text fragment of choice `choiceIndex` (never empty).
    void delta(int choiceIndex, const QString& text);
    void finished(const tb::CompletionResult& result);

protected:
    QByteArray requestBody() const override;
    void resetAttempt() override;
    bool isStreamed() const override { return m_request.stream; }
    void handleStreamData(const QByteArray& chunk) override;
    void handleSuccess(const QByteArray& body, bool transportError) override;
    bool contentDelivered() const override { return m_contentDelivered; }

private:
    struct ChoiceState
    {
        ChoiceResult result;
        QMap<int, ToolCallResult> toolCalls;
    };

    bool isChat() const { return m_request.endpoint == CompletionRequest::Endpoint::Chat; }
    void handleEvent(const SseEvent& event);
    void handleChunk(const QJsonObject& chunk);
    void parseFullResponse(const QByteArray& body);
    void finishStream(bool truncated);
    void emitFinished(CompletionResult result);
    QJsonObject assembledResponse() const;
    ChoiceState& choice(int index);

    CompletionRequest m_request;
    SseParser m_parser;
    QMap<int, ChoiceState> m_choices;
    CompletionUsage m_usage;
    QString m_id;
    QString m_model;
    qint64 m_created = 0;
    qint64 m_firstTokenMs = -1;
    bool m_contentDelivered = false;
    bool m_sawEvent = false;
    QByteArray m_rawPrefix; // first bytes of a "stream" that may be plain JSON (servers ignoring stream)
};

} // namespace tb
