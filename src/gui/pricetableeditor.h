// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A small non-modal dialog to edit the training prices behind the cost estimate: add,
// remove and edit rows, or go back to the bundled (dated) defaults.

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;

namespace tb {

class PriceTable;
class PriceTableModel;

class PriceTableEditor : public QDialog
{
    Q_OBJECT
public:
    explicit PriceTableEditor(PriceTable* table, QWidget* parent = nullptr);

    PriceTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QString errorText() const;

private:
    void updateButtons();

    PriceTableModel* m_model;
    QTableView* m_view = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_remove = nullptr;
};

} // namespace tb
