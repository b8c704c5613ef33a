// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/templatefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtConcurrent>

namespace tb {

QString TemplateFiles::uniquePath(const QString& folder, const QString& baseName)
{
    const QDir dir(folder);
    QString path = dir.filePath(baseName + QStringLiteral(".json"));
    for (int i = 2; QFileInfo::exists(path); ++i)
        path = dir.filePath(QStringLiteral("%1-%2.json").arg(baseName).arg(i));
    return path;
}

QFuture<Status> TemplateFiles::save(const PromptTemplate& content, const QString& path)
{
    return QtConcurrent::run([content, path] { return content.save(path); });
}

QFuture<Result<QString>> TemplateFiles::saveNew(const PromptTemplate& content, const QString& folder,
                                                const QString& baseName)
{
    return QtConcurrent::run([content, folder, baseName]() -> Result<QString> {
        if (!QDir().mkpath(folder))
            return Error::inFile(folder, tr("Could not create the folder %1.").arg(folder));
        const QString path = uniquePath(folder, baseName);
        const Status saved = content.save(path);
        if (!saved)
            return saved.error();
        return path;
    });
}

QFuture<Status> TemplateFiles::rename(const QString& from, const QString& to)
{
    return QtConcurrent::run([from, to]() -> Status {
        if (QFileInfo::exists(to))
            return Error::inFile(to, tr("A template named “%1” already exists.").arg(QFileInfo(to).completeBaseName()));
        // QFile::rename never overwrites: a file appearing meanwhile makes it fail, not vanish.
        if (!QFile::rename(from, to))
            return Error::inFile(from, tr("Could not rename the file."));
        return success();
    });
}

QFuture<Status> TemplateFiles::remove(const QString& path)
{
    return QtConcurrent::run([path]() -> Status {
        if (!QFile::remove(path))
            return Error::inFile(path, tr("Could not delete the file."));
        return success();
    });
}

} // namespace tb
