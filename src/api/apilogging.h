// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Logging category of the api area ("tunebench.api"). Nothing logged here may
// contain an API key or an Authorization header: log ids, statuses and paths.

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcTunebenchApi)
