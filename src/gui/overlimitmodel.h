// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The examples of a dataset that are longer than a model's per-example token limit
// (they are truncated in training): line, tokens and by how much, longest first.

#include "core/datasetreport.h"

#include <QAbstractTableModel>
#include <vector>

namespace tb {

class OverLimitModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { LineColumn, TokensColumn, OverColumn, ColumnCount };
    static constexpr int LineRole = Qt::UserRole + 1; // 1-based line, qint64

    explicit OverLimitModel(QObject* parent = nullptr);

    // The examples of `report` over `limit` tokens.
    void setExamples(std::vector<DatasetReport::LongExample> examples, qint64 limit);
    void clear();
    qint64 limit() const { return m_limit; }
    qint64 lineAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<DatasetReport::LongExample> m_examples;
    qint64 m_limit = 0;
};

} // namespace tb
