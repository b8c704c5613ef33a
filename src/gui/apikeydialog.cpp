// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/apikeydialog.h"

#include "ui_apikeydialog.h"

#include <QPushButton>

namespace tb {

ApiKeyDialog::ApiKeyDialog(const QString& providerName, const QString& note, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ApiKeyDialog>())
{
    m_ui->setupUi(this);
    m_ui->providerLabel->setText(providerName);
    if (!note.isEmpty())
        m_ui->noteLabel->setText(m_ui->noteLabel->text() + QLatin1Char(' ') + note);
    QPushButton* remove = m_ui->buttonBox->button(QDialogButtonBox::Reset);
    remove->setText(tr("Remove Stored Key"));
    QPushButton* save = m_ui->buttonBox->button(QDialogButtonBox::Save);
    save->setEnabled(false);
    connect(m_ui->keyEdit, &QLineEdit::textChanged, save,
            [save](const QString& text) { save->setEnabled(!text.trimmed().isEmpty()); });
    connect(remove, &QPushButton::clicked, this, [this] {
        m_outcome = Outcome::Remove;
        accept();
    });
    connect(this, &QDialog::accepted, this, [this] {
        if (m_outcome == Outcome::Cancelled)
            m_outcome = Outcome::Store;
    });
}

ApiKeyDialog::~ApiKeyDialog() = default;

ApiKeyDialog* ApiKeyDialog::ask(const QString& providerName, const QString& note, QWidget* parent,
                                std::function<void(Outcome outcome, const QString& key)> done)
{
    auto* dialog = new ApiKeyDialog(providerName, note, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, dialog, [dialog, done = std::move(done)] { done(dialog->outcome(), dialog->key()); });
    dialog->open();
    return dialog;
}

QString ApiKeyDialog::key() const
{
    return m_ui->keyEdit->text().trimmed();
}

} // namespace tb
