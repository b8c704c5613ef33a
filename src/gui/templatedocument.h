// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The template being edited: its content, file, read-only state and the one undo
// stack every editor view pushes to. Views never talk to each other; they edit the
// document and redraw from contentChanged().

#include "core/prompttemplate.h"
#include "core/templatecatalog.h"

#include <QFuture>
#include <QObject>
#include <QUndoStack>

namespace tb {

class TemplateDocument : public QObject
{
    Q_OBJECT
public:
    explicit TemplateDocument(QObject* parent = nullptr);

    // Replaces everything and clears the undo history (opening another template).
    void reset(const PromptTemplate& content, const QString& path, TemplateEntry::Origin origin);
    void clear();

    bool isOpen() const { return !m_path.isEmpty(); }
    const PromptTemplate& content() const { return m_content; }
    QString path() const { return m_path; }
    QString name() const;
    TemplateEntry::Origin origin() const { return m_origin; }
    // Bundled templates are read-only: duplicate them to the user folder to edit.
    bool isReadOnly() const { return m_origin == TemplateEntry::Origin::Bundled; }
    bool isModified() const { return !m_undo.isClean(); }
    QUndoStack* undoStack() { return &m_undo; }

    // Records an edit as one undoable step. Consecutive edits with the same non-empty
    // mergeKey (typing into one field) collapse into one step. Refused when read-only.
    bool edit(const PromptTemplate& after, const QString& text, const QString& mergeKey = {});

    // Atomic (PromptTemplate::save uses QSaveFile); marks the document clean.
    Status save();
    // The same on the thread pool: writes the content as it is now and, once written,
    // marks the document clean unless it was edited (or moved) meanwhile.
    QFuture<Status> saveInBackground();
    // Moves the document to another file of the same folder kind (rename, duplicate).
    void setPath(const QString& path, TemplateEntry::Origin origin);

Q_SIGNALS:
    void contentChanged();
    // Path, origin, read-only or modified state changed.
    void stateChanged();

private:
    friend class TemplateEditCommand;
    void applyFromUndo(const PromptTemplate& content);

    PromptTemplate m_content;
    QString m_path;
    TemplateEntry::Origin m_origin = TemplateEntry::Origin::Bundled;
    QUndoStack m_undo;
};

} // namespace tb
