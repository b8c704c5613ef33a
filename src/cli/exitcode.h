// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Exit codes of `tunebench <command>`, documented in the README and `--help`.

namespace tb::cli {

enum ExitCode : int {
    Ok = 0,
    Findings = 1, // validate: the data has errors
    Usage = 2, // bad arguments, missing parameter values
    ApiFailure = 3, // network or API error, truncated stream
    InputError = 4, // a template or data file cannot be read or is invalid
    CredentialError = 5, // no API key, or the keychain failed
};

} // namespace tb::cli
