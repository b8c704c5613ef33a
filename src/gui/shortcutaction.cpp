// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/shortcutaction.h"

#include <QAction>
#include <QWidget>

namespace tb {

QAction* addShortcutAction(
    QWidget* widget, const QString& text, const QKeySequence& shortcut, const QString& tip)
{
    auto* action = new QAction(text, widget);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(shortcut.isEmpty()
            ? tip
            : tip + QStringLiteral(" (") + shortcut.toString(QKeySequence::NativeText) + QLatin1Char(')'));
    widget->addAction(action);
    return action;
}

} // namespace tb
