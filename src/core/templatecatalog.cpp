// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/templatecatalog.h"

#include "core/prompttemplate.h"

#include <QDir>
#include <QFileInfo>

namespace tb {

QString TemplateCatalog::bundledFolder()
{
    return QStringLiteral(":/templates");
}

QList<TemplateEntry> TemplateCatalog::scanFolder(const QString& folder, TemplateEntry::Origin origin)
{
    QList<TemplateEntry> entries;
    const QDir dir(folder);
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files | QDir::Readable, QDir::Name);
    for (const QString& file : files) {
        TemplateEntry entry;
        entry.name = QFileInfo(file).completeBaseName();
        entry.path = dir.filePath(file);
        entry.origin = origin;
        const Result<PromptTemplate> loaded = PromptTemplate::load(entry.path);
        if (loaded) {
            entry.description = loaded->description();
            entry.parameters = loaded->parameterNames();
            entry.chat = loaded->kind() == PromptTemplate::Kind::Chat;
            entry.json = loaded->toJson();
        } else {
            entry.error = loaded.error().toString();
        }
        entries.append(entry);
    }
    return entries;
}

QString TemplateCatalog::resolve(const QString& pathOrName)
{
    if (QFileInfo(pathOrName).isFile())
        return pathOrName;
    QString file = pathOrName;
    if (!file.endsWith(QLatin1String(".json")))
        file += QLatin1String(".json");
    const QString bundled = QDir(bundledFolder()).filePath(file);
    return QFileInfo(bundled).isFile() && !pathOrName.contains(QLatin1Char('/')) ? bundled : QString();
}

} // namespace tb
