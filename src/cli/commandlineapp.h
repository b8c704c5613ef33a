// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The headless side of the `tunebench` executable: picks the command named by the
// first argument and runs it on a QCoreApplication (no display needed).

#include <QString>

namespace tb::cli {

class CommandLineApp
{
public:
    // True when `firstArgument` names a command (or is --help / --version).
    static bool handles(const QString& firstArgument);

    static int exec(int argc, char* argv[]);
};

} // namespace tb::cli
