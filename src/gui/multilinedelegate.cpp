// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/multilinedelegate.h"

#include <QPlainTextEdit>

namespace tb {

QWidget* MultilineDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                         const QModelIndex& index) const
{
    Q_UNUSED(option)
    Q_UNUSED(index)
    auto* editor = new QPlainTextEdit(parent);
    editor->setTabChangesFocus(true); // Tab commits, as in any other cell
    editor->setFrameShape(QFrame::Box);
    return editor;
}

void MultilineDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    auto* text = static_cast<QPlainTextEdit*>(editor);
    text->setPlainText(index.data(Qt::EditRole).toString());
    text->selectAll();
}

void MultilineDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    model->setData(index, static_cast<QPlainTextEdit*>(editor)->toPlainText(), Qt::EditRole);
}

void MultilineDelegate::updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option,
                                             const QModelIndex& index) const
{
    Q_UNUSED(index)
    // At least six lines, even in a one-line row: prose needs room.
    QRect rect = option.rect;
    rect.setHeight(qMax(rect.height(), editor->fontMetrics().lineSpacing() * 6 + 8));
    editor->setGeometry(rect);
}

} // namespace tb
