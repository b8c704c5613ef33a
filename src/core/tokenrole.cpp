// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tokenrole.h"

namespace tb {

QString tokenRoleName(TokenRole role)
{
    switch (role) {
    case TokenRole::System:
        return QStringLiteral("system");
    case TokenRole::User:
        return QStringLiteral("user");
    case TokenRole::Assistant:
        return QStringLiteral("assistant");
    case TokenRole::Tool:
        return QStringLiteral("tool");
    case TokenRole::Function:
        return QStringLiteral("function");
    case TokenRole::Other:
        return QStringLiteral("other");
    case TokenRole::Prompt:
        return QStringLiteral("prompt");
    case TokenRole::Completion:
        return QStringLiteral("completion");
    }
    return QStringLiteral("other");
}

TokenRole tokenRoleOf(std::string_view chatRole)
{
    if (chatRole == "system")
        return TokenRole::System;
    if (chatRole == "user")
        return TokenRole::User;
    if (chatRole == "assistant")
        return TokenRole::Assistant;
    if (chatRole == "tool")
        return TokenRole::Tool;
    if (chatRole == "function")
        return TokenRole::Function;
    return TokenRole::Other;
}

} // namespace tb
