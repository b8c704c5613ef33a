// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/userdialogs.h"

#include <QFileDialog>
#include <QInputDialog>

namespace tb {

bool UserDialogs::takeAnswer(QVariant* answer)
{
    if (m_answers.isEmpty()) {
        if (m_interactive)
            return false;
        ++m_unanswered;
        *answer = QVariant(); // cancel: false, empty string, 0 (no button)
        return true;
    }
    *answer = m_answers.takeFirst();
    return true;
}

bool UserDialogs::confirm(QWidget* parent, const QString& title, const QString& text)
{
    m_lastMessage = text;
    QVariant answer;
    if (takeAnswer(&answer))
        return answer.toBool();
    return QMessageBox::question(parent, title, text) == QMessageBox::Yes;
}

QMessageBox::StandardButton UserDialogs::askSaveChanges(QWidget* parent, const QString& text)
{
    m_lastMessage = text;
    QVariant answer;
    if (takeAnswer(&answer))
        return answer.isValid() ? QMessageBox::StandardButton(answer.toInt()) : QMessageBox::Cancel;
    return QMessageBox::question(parent, QObject::tr("Unsaved Changes"), text,
                                 QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
}

QString UserDialogs::askText(QWidget* parent, const QString& title, const QString& label, const QString& text)
{
    QVariant answer;
    if (takeAnswer(&answer))
        return answer.toString();
    bool ok = false;
    const QString value = QInputDialog::getText(parent, title, label, QLineEdit::Normal, text, &ok);
    return ok ? value.trimmed() : QString();
}

QString UserDialogs::openFile(QWidget* parent, const QString& title, const QString& filter, const QString& folder)
{
    QVariant answer;
    if (takeAnswer(&answer))
        return answer.toString();
    return QFileDialog::getOpenFileName(parent, title, folder, filter);
}

QStringList UserDialogs::openFiles(QWidget* parent, const QString& title, const QString& filter, const QString& folder)
{
    QVariant answer;
    if (takeAnswer(&answer))
        return answer.toStringList();
    return QFileDialog::getOpenFileNames(parent, title, folder, filter);
}

QString UserDialogs::saveFile(QWidget* parent, const QString& title, const QString& filter, const QString& folder)
{
    QVariant answer;
    if (takeAnswer(&answer))
        return answer.toString();
    return QFileDialog::getSaveFileName(parent, title, folder, filter);
}

QString UserDialogs::existingFolder(QWidget* parent, const QString& title, const QString& folder)
{
    QVariant answer;
    if (takeAnswer(&answer))
        return answer.toString();
    return QFileDialog::getExistingDirectory(parent, title, folder);
}

void UserDialogs::showError(QWidget* parent, const QString& title, const QString& text)
{
    m_lastMessage = text;
    QVariant answer;
    if (takeAnswer(&answer))
        return; // pre-answered: just acknowledge
    QMessageBox::warning(parent, title, text);
}

} // namespace tb
