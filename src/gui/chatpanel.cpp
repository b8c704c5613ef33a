// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/chatpanel.h"

#include "gui/accountsession.h"
#include "gui/chatmodel.h"
#include "gui/completionrunner.h"
#include "gui/multilinedelegate.h"
#include "gui/userdialogs.h"

#include <QFile>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace tb {

namespace {

// Appends one line; runs on the thread pool. Returns an error sentence or empty.
QString appendLine(const QString& path, const QByteArray& line)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return file.errorString();
    if (file.write(line) != line.size())
        return file.errorString();
    return {};
}

} // namespace

ChatPanel::ChatPanel(AccountSession* session, UserDialogs* dialogs, QWidget* parent)
    : QWidget(parent), m_session(session), m_dialogs(dialogs)
{
    m_model = new ChatModel(this);
    m_runner = new CompletionRunner(session, this);

    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("chatView"));
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(ChatModel::ContentColumn, new MultilineDelegate(m_view));
    m_view->setWordWrap(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->horizontalHeader()->setSectionResizeMode(ChatModel::RoleColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);

    m_input = new QPlainTextEdit;
    m_input->setObjectName(QStringLiteral("chatInput"));
    m_input->setPlaceholderText(tr("Your next turn — Ctrl+Return sends"));
    m_input->setMaximumHeight(m_input->fontMetrics().lineSpacing() * 5);
    m_input->setTabChangesFocus(true);

    m_status = new QLabel(tr("Start a chat from the template with Ctrl+Shift+Return."));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* save = new QPushButton(tr("Save as Template…"));
    auto* example = new QPushButton(tr("Append as Training Example…"));
    auto* remove = new QPushButton(tr("Delete Turns"));
    remove->setToolTip(tr("Delete the selected turns (Delete)"));
    connect(save, &QPushButton::clicked, this, [this] {
        QJsonObject body = m_base;
        body.insert(QStringLiteral("messages"), m_model->messages());
        Q_EMIT saveAsTemplateRequested(body);
    });
    connect(example, &QPushButton::clicked, this, &ChatPanel::saveAsTrainingExample);
    connect(remove, &QPushButton::clicked, this, &ChatPanel::deleteSelectedTurns);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(remove);
    buttons->addStretch(1);
    buttons->addWidget(save);
    buttons->addWidget(example);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_input);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    connect(m_runner, &CompletionRunner::delta, this, [this](int choice, const QString& text) {
        if (choice == 0) {
            m_model->appendToLast(text);
            m_view->scrollToBottom();
        }
    });
    connect(m_runner, &CompletionRunner::finished, this, [this](const CompletionResult& result) {
        m_status->setText(CompletionRunner::summary(result));
        finishTurn(QStringLiteral("ok"), &result);
    });
    connect(m_runner, &CompletionRunner::failed, this, [this](const QString& sentence, bool cancelled) {
        m_status->setText(sentence);
        // Drop the empty reply row of a run that produced nothing.
        const int last = m_model->rowCount() - 1;
        if (last >= 0 && m_model->index(last, ChatModel::ContentColumn).data().toString().isEmpty())
            m_model->removeRows(last, 1);
        finishTurn(cancelled ? QStringLiteral("stopped") : sentence, nullptr);
    });
}

QString ChatPanel::status() const
{
    return m_status->text();
}

void ChatPanel::startFrom(const QJsonObject& renderedBody, const RunRecord& base)
{
    m_runner->stop();
    m_turn = base;
    m_turn.kind = RunRecord::kChat;
    m_turn.groupId = RunRecord::newGroupId();
    m_turn.variant = -1; // send() counts up from here
    m_base = renderedBody;
    m_base.remove(QStringLiteral("messages"));
    const QJsonArray messages = renderedBody.value(QStringLiteral("messages")).toArray();
    m_model->setMessages(messages);
    m_started = true;
    const bool endsWithUser = !messages.isEmpty()
        && messages.last().toObject().value(QStringLiteral("role")).toString() == QLatin1String("user");
    m_status->setText(endsWithUser
            ? tr("Chat started from the template, whose last turn is yours: press Ctrl+Return to send it.")
            : tr("Chat started from the template: type your turn and press Ctrl+Return."));
    m_input->setFocus(Qt::OtherFocusReason);
}

void ChatPanel::reopen(const RunRecord& turn)
{
    m_runner->stop();
    m_turn = turn;
    m_base = turn.request;
    // The job sets these itself for each turn.
    for (const char* key : {"messages", "stream", "stream_options"})
        m_base.remove(QLatin1String(key));
    QJsonArray messages = turn.request.value(QStringLiteral("messages")).toArray();
    if (!turn.response.isEmpty())
        messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                    {QStringLiteral("content"), turn.response}});
    m_model->setMessages(messages);
    m_started = true;
    m_status->setText(tr("Turn %1 of this chat reopened from the history: type the next turn and press Ctrl+Return.")
                          .arg(turn.variant + 1));
    m_input->setFocus(Qt::OtherFocusReason);
}

void ChatPanel::finishTurn(const QString& outcome, const CompletionResult* result)
{
    RunRecord record = m_turn;
    if (result)
        record.takeResult(*result);
    else
        record.response = m_runner->text();
    record.outcome = outcome;
    Q_EMIT turnFinished(record);
}

void ChatPanel::send()
{
    if (!m_started || m_runner->isRunning())
        return;
    const QString turn = m_input->toPlainText();
    if (!turn.trimmed().isEmpty()) {
        m_model->append(QStringLiteral("user"), turn);
        m_input->clear();
    }
    QJsonObject body = m_base;
    body.insert(QStringLiteral("messages"), m_model->messages());
    m_model->append(QStringLiteral("assistant"), QString());
    m_view->scrollToBottom();
    m_status->setText(tr("Waiting for the reply…"));
    CompletionRequest request;
    request.endpoint = CompletionRequest::Endpoint::Chat;
    request.body = body;
    request.stream = true;
    ++m_turn.variant;
    m_turn.startedAt = QDateTime::currentDateTimeUtc();
    m_turn.request = m_session->wireBody(request);
    m_runner->start(request);
}

void ChatPanel::stop()
{
    m_runner->stop();
}

void ChatPanel::deleteSelectedTurns()
{
    if (m_runner->isRunning())
        return;
    QList<int> rows;
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty() && m_view->currentIndex().isValid())
        rows.append(m_view->currentIndex().row());
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : rows)
        m_model->removeRows(row, 1);
}

void ChatPanel::saveAsTrainingExample()
{
    const QString path = m_dialogs->saveFile(this, tr("Append Chat as Training Example"),
                                             tr("JSON Lines (*.jsonl);;All files (*)"));
    if (path.isEmpty())
        return;
    const QByteArray line =
        QJsonDocument(QJsonObject{{QStringLiteral("messages"), m_model->messages()}}).toJson(QJsonDocument::Compact)
        + '\n';
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (error.isEmpty())
            m_status->setText(tr("Appended the conversation to %1.").arg(path));
        else
            m_dialogs->showError(this, tr("Append Training Example"), tr("Could not write %1: %2").arg(path, error));
    });
    watcher->setFuture(QtConcurrent::run(appendLine, path, line));
}

} // namespace tb
