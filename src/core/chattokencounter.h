// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Token counts of chat-format messages the way OpenAI's cookbook estimates them
// (num_tokens_from_messages / num_assistant_tokens_from_messages).

#include <QJsonArray>
#include <QJsonValue>

namespace tb {

class TiktokenEncoding;

class ChatTokenCounter
{
public:
    // Overheads of the cookbook for current chat models (gpt-3.5-turbo-0613 and later).
    static constexpr int kTokensPerMessage = 3;
    static constexpr int kTokensPerName = 1;
    static constexpr int kReplyPrimer = 3; // every reply is primed with <|start|>assistant<|message|>

    explicit ChatTokenCounter(const TiktokenEncoding& encoding)
        : m_encoding(encoding)
    { }

    // 3 per message, the tokens of each string value of a message (role, content, name,
    // ...), 1 more for a "name", and 3 for the reply primer. Values that are not strings
    // count nothing, except a content array of parts, whose "text" strings are counted.
    // Special-token text is counted as ordinary text (the API would reject it; validators
    // report it through TiktokenEncoding::containsSpecialToken).
    int countMessages(const QJsonArray& messages) const;

    // Tokens of the contents of the assistant messages only: what fine-tuning trains on.
    int countAssistantTokens(const QJsonArray& messages) const;

private:
    int countValue(const QJsonValue& value) const;

    const TiktokenEncoding& m_encoding;
};

// Shorthand for ChatTokenCounter(encoding).countMessages(messages).
int countChatTokens(const QJsonArray& messages, const TiktokenEncoding& encoding);

} // namespace tb
