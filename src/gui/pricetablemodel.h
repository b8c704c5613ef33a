// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The editable view of a PriceTable: one row per model (name, price per 1M training
// tokens, the date it was read, where from). Edits go through PriceTable's checks; a
// rejected edit leaves the row as it was and says why.

#include <QAbstractTableModel>
#include <QDate>
#include <functional>

namespace tb {

class PriceTable;
struct TrainingPrice;

class PriceTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { ModelColumn, PriceColumn, AsOfColumn, SourceColumn, ColumnCount };

    explicit PriceTableModel(PriceTable* table, QObject* parent = nullptr);

    // The date an edited price is stamped with (tests fix it).
    void setToday(std::function<QDate()> today) { m_today = std::move(today); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // A price is a number or text such as "3.50" (in the user's locale or with a dot).
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    // Appends a row for a new model (a unique placeholder name, price 0); returns its row.
    int addModel();
    void removeModel(int row);
    void resetToDefaults();

    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    // An edit was refused; `message` says why.
    void editRejected(const QString& message);

private:
    bool apply(int row, const TrainingPrice& price);
    void onTableChanged();

    PriceTable* m_table;
    std::function<QDate()> m_today;
    QString m_lastError;
    bool m_applying = false; // our own change: rows are signalled precisely, not reset
};

} // namespace tb
