// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/secretslogging.h"

namespace tb {
Q_LOGGING_CATEGORY(lcSecrets, "tunebench.secrets")
} // namespace tb
