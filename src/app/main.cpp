// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// `tunebench` with a command runs headless; without one it opens the desktop app.

#include "cli/commandlineapp.h"
#include "gui/guiapp.h"

#include <QString>

int main(int argc, char* argv[])
{
    if (argc > 1 && tb::cli::CommandLineApp::handles(QString::fromLocal8Bit(argv[1])))
        return tb::cli::CommandLineApp::exec(argc, argv);
    return tb::GuiApp::exec(argc, argv);
}
