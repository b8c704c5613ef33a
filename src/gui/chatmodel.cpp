// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/chatmodel.h"

#include <QJsonObject>

namespace tb {

ChatModel::ChatModel(QObject* parent) : QAbstractTableModel(parent) { }

int ChatModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

int ChatModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChatModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Message& message = m_messages.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::EditRole)
        return index.column() == RoleColumn ? message.role : message.content;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignTop));
    return {};
}

QVariant ChatModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return section == RoleColumn ? tr("Role") : tr("Message");
}

Qt::ItemFlags ChatModel::flags(const QModelIndex& index) const
{
    const Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    return index.isValid() ? flags | Qt::ItemIsEditable : flags;
}

bool ChatModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Message& message = m_messages[index.row()];
    (index.column() == RoleColumn ? message.role : message.content) = value.toString();
    Q_EMIT dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
    return true;
}

bool ChatModel::removeRows(int row, int count, const QModelIndex& parent)
{
    if (parent.isValid() || count <= 0 || row < 0 || row + count > m_messages.size())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_messages.remove(row, count);
    endRemoveRows();
    return true;
}

void ChatModel::setMessages(const QJsonArray& messages)
{
    beginResetModel();
    m_messages.clear();
    for (const QJsonValue& value : messages) {
        QJsonObject object = value.toObject();
        Message message;
        message.role = object.take(QStringLiteral("role")).toString();
        message.content = object.take(QStringLiteral("content")).toString();
        message.extra = object;
        m_messages.append(message);
    }
    endResetModel();
}

QJsonArray ChatModel::messages() const
{
    QJsonArray out;
    for (const Message& message : m_messages) {
        QJsonObject object = message.extra;
        object.insert(QStringLiteral("role"), message.role);
        object.insert(QStringLiteral("content"), message.content);
        out.append(object);
    }
    return out;
}

void ChatModel::append(const QString& role, const QString& content)
{
    const int row = int(m_messages.size());
    beginInsertRows({}, row, row);
    m_messages.append({role, content, {}});
    endInsertRows();
}

void ChatModel::appendToLast(const QString& text)
{
    if (m_messages.isEmpty())
        return;
    m_messages.last().content += text;
    const QModelIndex last = index(int(m_messages.size()) - 1, ContentColumn);
    Q_EMIT dataChanged(last, last, {Qt::DisplayRole, Qt::EditRole});
}

} // namespace tb
