// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/pricetableeditor.h"

#include "core/pricetable.h"
#include "gui/pricetablemodel.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace tb {

PriceTableEditor::PriceTableEditor(PriceTable* table, QWidget* parent)
    : QDialog(parent)
    , m_model(new PriceTableModel(table, this))
{
    setWindowTitle(tr("Training Prices"));
    auto* note = new QLabel(this);
    note->setWordWrap(true);
    note->setText(tr("Prices per 1M training tokens used for the cost estimate. The bundled figures are "
                     "list prices as of the date shown: check the provider's pricing page before relying "
                     "on them. Your edits are kept and shown in italics."));

    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
        | QAbstractItemView::AnyKeyPressed);
    m_view->horizontalHeader()->setSectionResizeMode(PriceTableModel::ModelColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(PriceTableModel::PriceColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(PriceTableModel::AsOfColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #c01c28; }"));
    m_error->hide();

    auto* add = new QPushButton(tr("&Add Model"), this);
    m_remove = new QPushButton(tr("&Remove"), this);
    auto* reset = new QPushButton(tr("Reset to &Defaults"), this);
    reset->setToolTip(tr("Forget your edits and use the bundled prices again"));
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_remove);
    buttons->addWidget(reset);
    buttons->addStretch(1);
    buttons->addWidget(close);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_error);
    layout->addLayout(buttons);
    resize(880, 380);

    connect(add, &QPushButton::clicked, this, [this] {
        const QModelIndex name = m_model->index(m_model->addModel(), PriceTableModel::ModelColumn);
        m_view->setCurrentIndex(name);
        m_view->edit(name);
    });
    connect(m_remove, &QPushButton::clicked, this, [this] { m_model->removeModel(m_view->currentIndex().row()); });
    connect(reset, &QPushButton::clicked, m_model, &PriceTableModel::resetToDefaults);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_model, &PriceTableModel::editRejected, this, [this](const QString& message) {
        m_error->setText(message);
        m_error->show();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, m_error, &QWidget::hide);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &PriceTableEditor::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PriceTableEditor::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &PriceTableEditor::updateButtons);
    updateButtons();
}

QString PriceTableEditor::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void PriceTableEditor::updateButtons()
{
    m_remove->setEnabled(m_view->currentIndex().isValid());
}

} // namespace tb
