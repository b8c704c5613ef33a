// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/textedits.h"

#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QTextCursor>

namespace tb::textedits {

namespace {

// Leaves Undo/Redo shortcut overrides unaccepted, so the shortcut map triggers the
// window's actions instead of the text widget's (disabled) own undo.
class UndoShortcutFilter : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::ShortcutOverride) {
            auto* key = static_cast<QKeyEvent*>(event);
            if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) {
                key->ignore();
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

void setTextKeepingCursor(QPlainTextEdit* edit, const QString& text)
{
    if (edit->toPlainText() == text)
        return;
    const int position = edit->textCursor().position();
    const int anchor = edit->textCursor().anchor();
    const bool blocked = edit->blockSignals(true);
    edit->setPlainText(text);
    edit->blockSignals(blocked);
    QTextCursor cursor = edit->textCursor();
    const int length = int(text.size());
    cursor.setPosition(qMin(anchor, length));
    cursor.setPosition(qMin(position, length), QTextCursor::KeepAnchor);
    edit->setTextCursor(cursor);
}

void routeUndoToWindow(QPlainTextEdit* edit)
{
    edit->setUndoRedoEnabled(false);
    edit->installEventFilter(new UndoShortcutFilter(edit));
}

} // namespace tb::textedits
