// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// List of the templates the browser shows (bundled, user folder, workspace), one row
// per file; the rows are replaced as a whole when a folder scan finishes. Bundled
// (read-only) ones are drawn in italics, the one with unsaved changes with a dot.

#include "core/templatecatalog.h"

#include <QAbstractListModel>
#include <QHash>

namespace tb {

class TemplateListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { PathRole = Qt::UserRole + 1, OriginRole, ErrorRole };

    explicit TemplateListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

    void setEntries(const QList<TemplateEntry>& entries);
    const TemplateEntry* entryAt(const QModelIndex& index) const;
    // O(1): rows are indexed by path when the entries are set.
    QModelIndex indexOfPath(const QString& path) const;
    // The open template with unsaved changes, drawn with a marker; empty for none.
    void setModifiedPath(const QString& path);

private:
    QList<TemplateEntry> m_entries;
    QHash<QString, int> m_rowByPath;
    QString m_modifiedPath;
};

} // namespace tb
