// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/stayopenmenu.h"

#include <QKeyEvent>
#include <QMouseEvent>

namespace tb {

bool StayOpenMenu::toggle(QAction* action)
{
    if (!action || !action->isCheckable() || !action->isEnabled() || action->menu())
        return false;
    action->trigger();
    return true;
}

void StayOpenMenu::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && toggle(actionAt(event->position().toPoint())))
        return;
    QMenu::mouseReleaseEvent(event);
}

void StayOpenMenu::keyPressEvent(QKeyEvent* event)
{
    const bool choose
        = event->key() == Qt::Key_Space || event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (choose && toggle(activeAction()))
        return;
    QMenu::keyPressEvent(event);
}

} // namespace tb
