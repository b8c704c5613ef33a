// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A menu of check boxes that stays open while they are ticked (with the mouse, Space or
// Return), so several can be chosen in one go; other actions close it as usual.

#include <QMenu>

namespace tb {

class StayOpenMenu : public QMenu
{
    Q_OBJECT
public:
    using QMenu::QMenu;

protected:
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    // Toggles `action` when it is an enabled check box; false for any other action.
    static bool toggle(QAction* action);
};

} // namespace tb
