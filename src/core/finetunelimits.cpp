// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/finetunelimits.h"

#include <algorithm>

namespace tb {

int FineTuneLimits::defaultEpochs(qint64 examples)
{
    if (examples <= 0)
        return 0;
    qint64 epochs = kTargetEpochs;
    if (examples * kTargetEpochs < kMinTargetExamples)
        epochs = std::min<qint64>(kMaxDefaultEpochs, kMinTargetExamples / examples);
    else if (examples * kTargetEpochs > kMaxTargetExamples)
        epochs = std::max<qint64>(kMinDefaultEpochs, kMaxTargetExamples / examples);
    return int(epochs);
}

std::optional<int> FineTuneLimits::maxTokensPerExample(QStringView model)
{
    // "ft:gpt-4o-mini-2024-07-18:org::id" is tuned further from its base model.
    if (model.startsWith(QLatin1String("ft:")))
        model = model.mid(3).left(model.mid(3).indexOf(QLatin1Char(':')));
    // Longest prefix first: a snapshot before its family.
    struct Limit
    {
        const char* prefix;
        int tokens;
    };
    static constexpr Limit kLimits[] = {
        { "gpt-3.5-turbo-0613", 4096 },
        { "gpt-3.5-turbo-1106", 16385 },
        { "gpt-3.5-turbo-0125", 16385 },
        { "gpt-3.5-turbo", 16385 },
        { "gpt-4o-mini", 65536 },
        { "gpt-4o", 65536 },
        { "gpt-4.1-nano", 65536 },
        { "gpt-4.1-mini", 65536 },
        { "gpt-4.1", 65536 },
        { "gpt-4-0613", 8192 },
        { "babbage-002", 16384 },
        { "davinci-002", 16384 },
    };
    for (const Limit& limit : kLimits) {
        if (model.startsWith(QLatin1String(limit.prefix)))
            return limit.tokens;
    }
    return std::nullopt;
}

} // namespace tb
