// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/runrecord.h"

#include "api/completionresult.h"

#include <QUuid>

namespace tb {

void RunRecord::takeResult(const CompletionResult& result)
{
    outcome = QStringLiteral("ok");
    response = result.text();
    finishReason = result.choices.isEmpty() ? QString() : result.choices.first().finishReason;
    if (result.usage.known) {
        promptTokens = result.usage.promptTokens;
        completionTokens = result.usage.completionTokens;
    }
    timeToFirstTokenMs = result.timeToFirstTokenMs;
    totalMs = result.totalMs;
    requestId = result.requestId;
}

QString RunRecord::newGroupId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace tb
