// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The run history list: one row per stored run, newest first, replaced as a whole
// when a search finishes.

#include "gui/runrecord.h"

#include <QAbstractTableModel>
#include <QList>

namespace tb {

class RunHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { WhenColumn, TemplateColumn, ModelColumn, KindColumn, OutcomeColumn, TokensColumn, TimeColumn, ReplyColumn, ColumnCount };

    explicit RunHistoryModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setRecords(const QList<RunRecord>& records);
    const RunRecord* recordAt(int row) const;
    // "variant 2/3", "selection: answer", "chat turn 4"...
    static QString describeKind(const RunRecord& record);

private:
    QList<RunRecord> m_records;
};

} // namespace tb
