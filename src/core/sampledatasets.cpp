// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sampledatasets.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace tb {

QStringList SampleDatasets::install(const QString& folder)
{
    QStringList paths;
    if (!QDir().mkpath(folder))
        return paths;
    const QDir bundled(QStringLiteral(":/samples"));
    for (const QString& name : bundled.entryList({QStringLiteral("*.jsonl")}, QDir::Files, QDir::Name)) {
        const QString target = QDir(folder).filePath(name);
        if (!QFileInfo::exists(target)) {
            if (!QFile::copy(bundled.filePath(name), target))
                continue;
            // Resource files are read-only; the copy is the user's to edit.
            QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        }
        paths.append(target);
    }
    return paths;
}

} // namespace tb
