// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small helpers shared by the editor views for their text widgets.

class QPlainTextEdit;
class QString;
class QWidget;

namespace tb::textedits {

// Replaces the text only when it differs, keeping the cursor where it was (clamped),
// so a view redrawing after its own edit does not jump the caret.
void setTextKeepingCursor(QPlainTextEdit* edit, const QString& text);

// Turns off the widget's own undo and lets Ctrl+Z / Ctrl+Shift+Z reach the window's
// Undo/Redo actions: the editor has one undo stack for all its views.
void routeUndoToWindow(QPlainTextEdit* edit);

} // namespace tb::textedits
