// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Asks for the API key of one provider profile. Only collects it: the caller writes
// it to the keychain. The key is never pre-filled, shown or logged.

#include <QDialog>

#include <functional>
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

    // Shows the dialog window-modal with open() (no nested event loop) and calls `done`
    // once it closes; the dialog then deletes itself. Returns it for tests to fill in.
    static ApiKeyDialog* ask(const QString& providerName, const QString& note, QWidget* parent,
                             std::function<void(Outcome outcome, const QString& key)> done);

    Outcome outcome() const { return m_outcome; }
    QString key() const;

private:
    std::unique_ptr<Ui::ApiKeyDialog> m_ui;
    Outcome m_outcome = Outcome::Cancelled;
};

} // namespace tb
