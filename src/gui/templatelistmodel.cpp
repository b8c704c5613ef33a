// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/templatelistmodel.h"

#include <QApplication>
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
        return entry->name;
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
    endResetModel();
}

const TemplateEntry* TemplateListModel::entryAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_entries.size())
        return nullptr;
    return &m_entries.at(index.row());
}

} // namespace tb
