// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Template file operations for the GUI, each run on the thread pool so the GUI never
// waits for a disk: save (atomic, PromptTemplate::save's QSaveFile), save as a new
// file with a unique name, rename (refusing to overwrite) and delete.

#include "core/prompttemplate.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QFuture>
#include <QString>

namespace tb {

class TemplateFiles
{
    Q_DECLARE_TR_FUNCTIONS(TemplateFiles)
public:
    static QFuture<Status> save(const PromptTemplate& content, const QString& path);
    // Writes `content` to `folder`/`baseName`.json, or -2, -3, ... when that exists;
    // creates the folder. The path written, or why not.
    static QFuture<Result<QString>> saveNew(const PromptTemplate& content, const QString& folder,
                                            const QString& baseName);
    // Refuses when `to` exists ("A template named “name” already exists.").
    static QFuture<Status> rename(const QString& from, const QString& to);
    static QFuture<Status> remove(const QString& path);

    // The unique path saveNew() would use (call on the pool: it looks at the folder).
    static QString uniquePath(const QString& folder, const QString& baseName);
};

} // namespace tb
