// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Whose text a token belongs to, for the per-role totals of a dataset: the chat roles,
// and the prompt and completion of legacy files. A fixed array, so counting per line
// never allocates.

#include <QString>
#include <QtGlobal>
#include <array>
#include <string_view>

namespace tb {

enum class TokenRole { System, User, Assistant, Tool, Function, Other, Prompt, Completion };

inline constexpr std::size_t kTokenRoleCount = 8;

using RoleTokens = std::array<qint64, kTokenRoleCount>;

// "system", "user", ..., "other" (a message without a recognized role), "prompt", "completion".
QString tokenRoleName(TokenRole role);
// The role of a chat message's "role" value; Other when it is not one of the chat roles.
TokenRole tokenRoleOf(std::string_view chatRole);

inline qint64& roleTokensAt(RoleTokens& tokens, TokenRole role)
{
    return tokens[std::size_t(role)];
}

} // namespace tb
