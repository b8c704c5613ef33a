// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A widget's own command: its shortcut works while the focus is in the widget or its
// children, and the tooltip names the shortcut.

#include <QKeySequence>
#include <QString>

class QAction;
class QWidget;

namespace tb {

// A new action owned by and added to `widget`; `tip` gets " (shortcut)" unless there is none.
QAction* addShortcutAction(
    QWidget* widget, const QString& text, const QKeySequence& shortcut, const QString& tip);

} // namespace tb
