// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/templateeditcommand.h"

#include "gui/templatedocument.h"

namespace tb {

TemplateEditCommand::TemplateEditCommand(TemplateDocument* document, PromptTemplate before, PromptTemplate after,
                                         const QString& text, QString mergeKey)
    : QUndoCommand(text)
    , m_document(document)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_mergeKey(std::move(mergeKey))
{
}

void TemplateEditCommand::undo()
{
    m_document->applyFromUndo(m_before);
}

void TemplateEditCommand::redo()
{
    m_document->applyFromUndo(m_after);
}

int TemplateEditCommand::id() const
{
    return m_mergeKey.isEmpty() ? -1 : 1;
}

bool TemplateEditCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = static_cast<const TemplateEditCommand*>(other);
    if (next->m_mergeKey != m_mergeKey)
        return false;
    m_after = next->m_after;
    return true;
}

} // namespace tb
