// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The conversation of chat mode: one row per message (role, content), editable and
// deletable; the streamed reply grows in its last row.

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>

namespace tb {

class ChatModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { RoleColumn, ContentColumn, ColumnCount };

    explicit ChatModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    bool removeRows(int row, int count, const QModelIndex& parent = {}) override;

    void setMessages(const QJsonArray& messages);
    QJsonArray messages() const;
    void append(const QString& role, const QString& content);
    // Adds text to the content of the last row (a streamed fragment).
    void appendToLast(const QString& text);

private:
    struct Message
    {
        QString role;
        QString content;
        QJsonObject extra; // other keys ("name", ...) kept as they were
    };
    QList<Message> m_messages;
};

} // namespace tb
