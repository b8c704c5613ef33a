// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/chattokencounter.h"

#include "core/tiktokenencoding.h"

#include <QJsonObject>
#include <QJsonValue>

namespace tb {

int ChatTokenCounter::countValue(const QJsonValue& value) const
{
    if (value.isString())
        return int(m_encoding.countTokens(value.toString()));
    int total = 0;
    if (value.isArray()) {
        const QJsonArray parts = value.toArray();
        for (const QJsonValue& part : parts) {
            const QJsonValue text = part.toObject().value(QLatin1String("text"));
            if (text.isString())
                total += int(m_encoding.countTokens(text.toString()));
        }
    }
    return total;
}

int ChatTokenCounter::countMessages(const QJsonArray& messages) const
{
    int total = 0;
    for (const QJsonValue& message : messages) {
        total += kTokensPerMessage;
        const QJsonObject object = message.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (it.key() == QLatin1String("content"))
                total += countValue(it.value());
            else if (it.value().isString())
                total += int(m_encoding.countTokens(it.value().toString()));
            if (it.key() == QLatin1String("name"))
                total += kTokensPerName;
        }
    }
    return total + kReplyPrimer;
}

int ChatTokenCounter::countAssistantTokens(const QJsonArray& messages) const
{
    int total = 0;
    for (const QJsonValue& message : messages) {
        const QJsonObject object = message.toObject();
        if (object.value(QLatin1String("role")).toString() == QLatin1String("assistant"))
            total += countValue(object.value(QLatin1String("content")));
    }
    return total;
}

int countChatTokens(const QJsonArray& messages, const TiktokenEncoding& encoding)
{
    return ChatTokenCounter(encoding).countMessages(messages);
}

} // namespace tb
