// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The `tunebench.secrets` logging category shared by the secrets library.
// Nothing logged through it may contain a key: profile ids and outcomes only.

#include <QLoggingCategory>

namespace tb {
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
} // namespace tb
