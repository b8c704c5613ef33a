// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Finds prompt templates: the bundled set compiled into the binary (":/templates"),
// the user's own folder and any folder opened as a workspace. Files that fail to
// load are listed with their error rather than hidden.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace tb {

struct TemplateEntry
{
    enum class Origin { Bundled, User, Workspace };

    QString name; // file name without ".json"
    QString path; // absolute path, or ":/templates/<file>" for bundled ones
    Origin origin = Origin::Bundled;
    QString description;
    QStringList parameters;
    bool chat = true; // `messages` template; false for a legacy `prompt` one
    QString error;    // "file:line:column: ..." when the file does not load
    QByteArray json;  // the template as it would be saved, for display without reading again
};

class TemplateCatalog
{
public:
    static QString bundledFolder();

    // Every *.json in `folder`, sorted by name; reads the files (call off the GUI thread).
    static QList<TemplateEntry> scanFolder(const QString& folder, TemplateEntry::Origin origin);

    // A path as given when it exists, else the bundled template of that name
    // ("sentiment-few-shot" or "sentiment-few-shot.json"); empty when neither exists.
    static QString resolve(const QString& pathOrName);
};

} // namespace tb
