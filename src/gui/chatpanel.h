// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Chat mode (the chapter's text adventure): starts from the rendered template, the
// reply is appended to the conversation, the user types the next turn; earlier turns
// can be edited or deleted; the conversation can be saved as a template or appended
// to a JSONL file as a chat training example.

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTableView;

namespace tb {

class AccountSession;
class ChatModel;
class CompletionRunner;
class UserDialogs;

class ChatPanel : public QWidget
{
    Q_OBJECT
public:
    ChatPanel(AccountSession* session, UserDialogs* dialogs, QWidget* parent = nullptr);

    // Starts over from a rendered chat body (request parameters + messages).
    void startFrom(const QJsonObject& renderedBody);
    bool isStarted() const { return m_started; }
    // Sends the typed turn (or, with an empty input, asks for the next reply).
    void send();
    void stop();
    void deleteSelectedTurns();
    void saveAsTrainingExample();

    ChatModel* model() const { return m_model; }
    QPlainTextEdit* input() const { return m_input; }
    QTableView* view() const { return m_view; }
    CompletionRunner* runner() const { return m_runner; }
    QString status() const;

Q_SIGNALS:
    void saveAsTemplateRequested(const QJsonObject& body);

private:
    AccountSession* m_session;
    UserDialogs* m_dialogs;
    ChatModel* m_model = nullptr;
    CompletionRunner* m_runner = nullptr;
    QTableView* m_view = nullptr;
    QPlainTextEdit* m_input = nullptr;
    QLabel* m_status = nullptr;
    QJsonObject m_base; // request parameters without the messages
    bool m_started = false;
};

} // namespace tb
