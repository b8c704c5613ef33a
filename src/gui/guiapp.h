// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The desktop side of the `tunebench` executable: QApplication, settings, the
// user's template folder and the main window.

namespace tb {

class GuiApp
{
public:
    static int exec(int argc, char* argv[]);
};

} // namespace tb
