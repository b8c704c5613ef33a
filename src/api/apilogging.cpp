// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "apilogging.h"

// Quiet by default (the CLI writes to the same stderr); enable with
// QT_LOGGING_RULES="tunebench.api.debug=true".
Q_LOGGING_CATEGORY(lcTunebenchApi, "tunebench.api", QtWarningMsg)
