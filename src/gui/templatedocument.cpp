// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/templatedocument.h"

#include "core/templatefiles.h"
#include "gui/templateeditcommand.h"

#include <QFileInfo>

namespace tb {

TemplateDocument::TemplateDocument(QObject* parent) : QObject(parent)
{
    connect(&m_undo, &QUndoStack::cleanChanged, this, &TemplateDocument::stateChanged);
}

void TemplateDocument::reset(const PromptTemplate& content, const QString& path, TemplateEntry::Origin origin)
{
    m_content = content;
    m_path = path;
    m_origin = origin;
    m_undo.clear();
    m_undo.setClean();
    Q_EMIT contentChanged();
    Q_EMIT stateChanged();
}

void TemplateDocument::clear()
{
    reset(PromptTemplate(), QString(), TemplateEntry::Origin::Bundled);
}

QString TemplateDocument::name() const
{
    return QFileInfo(m_path).completeBaseName();
}

bool TemplateDocument::edit(const PromptTemplate& after, const QString& text, const QString& mergeKey)
{
    if (isReadOnly() || !isOpen())
        return false;
    if (after.toJson() == m_content.toJson())
        return true;
    m_undo.push(new TemplateEditCommand(this, m_content, after, text, mergeKey));
    return true;
}

void TemplateDocument::applyFromUndo(const PromptTemplate& content)
{
    m_content = content;
    Q_EMIT contentChanged();
}

Status TemplateDocument::save()
{
    if (isReadOnly())
        return Error{tr("Bundled templates are read-only; duplicate it to My Templates first."), m_path, 0, 0, {}};
    const Status saved = m_content.save(m_path);
    if (saved)
        m_undo.setClean();
    return saved;
}

QFuture<Status> TemplateDocument::saveInBackground()
{
    if (isReadOnly())
        return QtFuture::makeReadyFuture<Status>(
            Error{tr("Bundled templates are read-only; duplicate it to My Templates first."), m_path, 0, 0, {}});
    const QString path = m_path;
    const int index = m_undo.index();
    return TemplateFiles::save(m_content, path).then(this, [this, path, index](Status saved) {
        if (saved && path == m_path && index == m_undo.index())
            m_undo.setClean();
        return saved;
    });
}

void TemplateDocument::setPath(const QString& path, TemplateEntry::Origin origin)
{
    m_path = path;
    m_origin = origin;
    Q_EMIT stateChanged();
}

} // namespace tb
