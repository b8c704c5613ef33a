// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Chat mode (the chapter's text adventure): starts from the rendered template, the
// reply is appended to the conversation, the user types the next turn; earlier turns
// can be edited or deleted; the conversation can be saved as a template or appended
// to a JSONL file as a chat training example. Every turn ends in a RunRecord for the
// history; a stored turn reopens the conversation as it was.

#include "gui/runrecord.h"

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
struct CompletionResult;

class ChatPanel : public QWidget
{
    Q_OBJECT
public:
    ChatPanel(AccountSession* session, UserDialogs* dialogs, QWidget* parent = nullptr);

    // Starts over from a rendered chat body (request parameters + messages); `base` says
    // which template and values the turns' history records name.
    void startFrom(const QJsonObject& renderedBody, const RunRecord& base = RunRecord());
    // Continues a stored turn: its request's messages plus its reply.
    void reopen(const RunRecord& turn);
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
    // A turn ended (ok, stopped or failed), ready to be stored.
    void turnFinished(const tb::RunRecord& record);

private:
    AccountSession* m_session;
    UserDialogs* m_dialogs;
    ChatModel* m_model = nullptr;
    CompletionRunner* m_runner = nullptr;
    QTableView* m_view = nullptr;
    QPlainTextEdit* m_input = nullptr;
    QLabel* m_status = nullptr;
    void finishTurn(const QString& outcome, const CompletionResult* result);

    QJsonObject m_base; // request parameters without the messages
    RunRecord m_turn;   // the turn in flight; template and group stay for the next
    bool m_started = false;
};

} // namespace tb
