// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One undoable template edit: snapshots of the template before and after, so any
// view's edit undoes the same way; typing in one field merges into one step.

#include "core/prompttemplate.h"

#include <QUndoCommand>

namespace tb {

class TemplateDocument;

class TemplateEditCommand : public QUndoCommand
{
public:
    TemplateEditCommand(TemplateDocument* document, PromptTemplate before, PromptTemplate after,
                        const QString& text, QString mergeKey);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    TemplateDocument* m_document;
    PromptTemplate m_before;
    PromptTemplate m_after;
    QString m_mergeKey;
};

} // namespace tb
