// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Every modal question and file dialog the GUI asks goes through here, so tests can
// queue the answers (KeePassXC's MessageBox::setNextAnswer) instead of showing dialogs.

#include <QMessageBox>
#include <QString>
#include <QVariant>
#include <QVariantList>

class QWidget;

namespace tb {

class UserDialogs
{
public:
    // Queued answers are consumed in order by the next calls, whatever their kind:
    // a bool for confirm(), a QMessageBox::StandardButton (as int) for askSaveChanges(),
    // a QString for the text and file questions (an empty string means "cancelled").
    void enqueueAnswer(const QVariant& answer) { m_answers.append(answer); }
    qsizetype pendingAnswers() const { return m_answers.size(); }
    void clearAnswers()
    {
        m_answers.clear();
        m_unanswered = 0;
    }
    // Tests turn this off: an unanswered question then gets "cancel" (false, an empty
    // string, QMessageBox::Cancel) instead of a dialog, and is counted.
    void setInteractive(bool interactive) { m_interactive = interactive; }
    int unansweredQuestions() const { return m_unanswered; }
    // The last error or information text shown (tests assert on it).
    QString lastMessage() const { return m_lastMessage; }

    bool confirm(QWidget* parent, const QString& title, const QString& text);
    // Save, Discard or Cancel.
    QMessageBox::StandardButton askSaveChanges(QWidget* parent, const QString& text);
    // Empty when cancelled.
    QString askText(QWidget* parent, const QString& title, const QString& label, const QString& text = {});
    QString openFile(QWidget* parent, const QString& title, const QString& filter, const QString& folder = {});
    // Several files at once; a queued answer is a QStringList (empty: cancelled).
    QStringList openFiles(QWidget* parent, const QString& title, const QString& filter, const QString& folder = {});
    QString saveFile(QWidget* parent, const QString& title, const QString& filter, const QString& folder = {});
    QString existingFolder(QWidget* parent, const QString& title, const QString& folder = {});
    void showError(QWidget* parent, const QString& title, const QString& text);

private:
    bool takeAnswer(QVariant* answer);

    QVariantList m_answers;
    bool m_interactive = true;
    int m_unanswered = 0;
    QString m_lastMessage;
};

} // namespace tb
