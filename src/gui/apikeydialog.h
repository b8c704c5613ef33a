// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Asks for the API key of one provider profile. Only collects it: the caller writes
// it to the keychain. The key is never pre-filled, shown or logged.

#include <QDialog>

#include <memory>

namespace Ui {
class ApiKeyDialog;
}

namespace tb {

class ApiKeyDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Outcome { Cancelled, Store, Remove };

    ApiKeyDialog(const QString& providerName, const QString& note, QWidget* parent = nullptr);
    ~ApiKeyDialog() override;

    Outcome outcome() const { return m_outcome; }
    QString key() const;

private:
    std::unique_ptr<Ui::ApiKeyDialog> m_ui;
    Outcome m_outcome = Outcome::Cancelled;
};

} // namespace tb
