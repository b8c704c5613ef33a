// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/templatelistmodel.h"

#include <QApplication>
#include <QFont>
#include <QStyle>

namespace tb {

namespace {

QString originLabel(TemplateEntry::Origin origin)
{
    switch (origin) {
    case TemplateEntry::Origin::Bundled:
        return TemplateListModel::tr("Bundled");
    case TemplateEntry::Origin::User:
        return TemplateListModel::tr("My templates");
    case TemplateEntry::Origin::Workspace:
        return TemplateListModel::tr("Workspace");
    }
    return {};
}

} // namespace

TemplateListModel::TemplateListModel(QObject* parent) : QAbstractListModel(parent) { }

int TemplateListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant TemplateListModel::data(const QModelIndex& index, int role) const
{
    const TemplateEntry* entry = entryAt(index);
    if (!entry)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return entry->path == m_modifiedPath ? entry->name + QStringLiteral(" •") : entry->name;
    case Qt::FontRole:
        if (entry->origin == TemplateEntry::Origin::Bundled) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        return entry->error.isEmpty() ? originLabel(entry->origin) + QStringLiteral(": ") + entry->description
                                      : entry->error;
    case Qt::DecorationRole: {
        const QStyle* style = QApplication::style();
        if (!entry->error.isEmpty())
            return style->standardIcon(QStyle::SP_MessageBoxWarning);
        return style->standardIcon(entry->origin == TemplateEntry::Origin::Bundled ? QStyle::SP_FileIcon
                                                                                   : QStyle::SP_FileDialogDetailedView);
    }
    case PathRole:
        return entry->path;
    case OriginRole:
        return originLabel(entry->origin);
    case ErrorRole:
        return entry->error;
    default:
        return {};
    }
}

void TemplateListModel::setEntries(const QList<TemplateEntry>& entries)
{
    beginResetModel();
    m_entries = entries;
    m_rowByPath.clear();
    for (int row = 0; row < m_entries.size(); ++row)
        m_rowByPath.insert(m_entries.at(row).path, row);
    endResetModel();
}

QModelIndex TemplateListModel::indexOfPath(const QString& path) const
{
    const auto it = m_rowByPath.constFind(path);
    return it == m_rowByPath.constEnd() ? QModelIndex() : index(*it, 0);
}

void TemplateListModel::setModifiedPath(const QString& path)
{
    if (path == m_modifiedPath)
        return;
    const QModelIndex old = indexOfPath(m_modifiedPath);
    m_modifiedPath = path;
    if (old.isValid())
        Q_EMIT dataChanged(old, old, {Qt::DisplayRole});
    const QModelIndex now = indexOfPath(path);
    if (now.isValid())
        Q_EMIT dataChanged(now, now, {Qt::DisplayRole});
}

const TemplateEntry* TemplateListModel::entryAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_entries.size())
        return nullptr;
    return &m_entries.at(index.row());
}

} // namespace tb
