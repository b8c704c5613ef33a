// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/messageseditor.h"

#include "gui/placeholderhighlighter.h"
#include "gui/templatedocument.h"
#include "gui/textedits.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>

namespace tb {

namespace {

const QStringList& knownRoles()
{
    static const QStringList roles = { QStringLiteral("system"), QStringLiteral("user"),
        QStringLiteral("assistant"), QStringLiteral("developer"), QStringLiteral("tool") };
    return roles;
}

QString contentText(const QJsonValue& content)
{
    if (content.isString() || content.isNull() || content.isUndefined())
        return content.toString();
    // Content parts: shown as JSON, edited in the JSON view.
    return QString::fromUtf8(QJsonDocument(content.toArray()).toJson(QJsonDocument::Indented)).trimmed();
}

} // namespace

MessagesEditor::MessagesEditor(TemplateDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
{
    m_stack = new QStackedWidget;

    m_scroll = new QScrollArea;
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_rowsHost = new QWidget;
    m_rowsLayout = new QVBoxLayout(m_rowsHost);
    m_rowsLayout->setContentsMargins(4, 4, 4, 4);
    m_empty = new QLabel(tr("No messages. Add one with Ctrl+Shift+M."));
    m_empty->setAlignment(Qt::AlignCenter);
    m_rowsLayout->addWidget(m_empty);
    m_rowsLayout->addStretch(1);
    m_scroll->setWidget(m_rowsHost);
    m_stack->addWidget(m_scroll);

    m_prompt = new QPlainTextEdit;
    m_prompt->setObjectName(QStringLiteral("promptEdit"));
    m_prompt->setPlaceholderText(tr("The prompt sent to /completions; {{name}} marks a parameter."));
    textedits::routeUndoToWindow(m_prompt);
    m_promptHighlighter = new PlaceholderHighlighter(m_prompt->document());
    connect(m_prompt, &QPlainTextEdit::textChanged, this, &MessagesEditor::onPromptEdited);
    m_stack->addWidget(m_prompt);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_document, &TemplateDocument::contentChanged, this, &MessagesEditor::refresh);
    connect(m_document, &TemplateDocument::stateChanged, this, &MessagesEditor::refresh);
    refresh();
}

void MessagesEditor::setFilledNames(const QSet<QString>& names)
{
    m_filled = names;
    m_promptHighlighter->setFilledNames(names);
    for (const Row& row : std::as_const(m_rows))
        row.highlighter->setFilledNames(names);
}

QPlainTextEdit* MessagesEditor::contentEdit(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).content : nullptr;
}

QComboBox* MessagesEditor::roleCombo(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).role : nullptr;
}

int MessagesEditor::currentRow() const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).box->isAncestorOf(QApplication::focusWidget()))
            return i;
    }
    return -1;
}

void MessagesEditor::rebuildRows(int count)
{
    while (m_rows.size() > count) {
        Row row = m_rows.takeLast();
        delete row.box;
    }
    while (m_rows.size() < count) {
        const int index = int(m_rows.size());
        Row row;
        row.box = new QWidget;
        auto* rowLayout = new QHBoxLayout(row.box);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        row.role = new QComboBox;
        row.role->setEditable(true);
        row.role->addItems(knownRoles());
        row.role->setMinimumContentsLength(9);
        row.role->setToolTip(tr("Role of this message"));
        row.role->setObjectName(QStringLiteral("role%1").arg(index));
        row.content = new QPlainTextEdit;
        row.content->setObjectName(QStringLiteral("content%1").arg(index));
        row.content->setTabChangesFocus(true);
        row.content->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
        textedits::routeUndoToWindow(row.content);
        row.highlighter = new PlaceholderHighlighter(row.content->document());
        row.highlighter->setFilledNames(m_filled);
        QPlainTextEdit* content = row.content;
        connect(content->document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged,
            content, [this, content] { fitHeight(content); });
        content->viewport()->installEventFilter(this); // re-fit when a resize re-wraps the lines

        auto* buttons = new QVBoxLayout;
        buttons->setSpacing(0);
        auto makeButton = [&](QStyle::StandardPixmap icon, const QString& tip, auto slot) {
            auto* button = new QToolButton;
            button->setIcon(style()->standardIcon(icon));
            button->setToolTip(tip);
            button->setAutoRaise(true);
            button->setFocusPolicy(Qt::NoFocus); // the keyboard uses the menu shortcuts
            connect(button, &QToolButton::clicked, this, slot);
            buttons->addWidget(button);
        };
        makeButton(
            QStyle::SP_ArrowUp, tr("Move up (Alt+Shift+Up)"), [this, index] { moveMessage(index, -1); });
        makeButton(
            QStyle::SP_ArrowDown, tr("Move down (Alt+Shift+Down)"), [this, index] { moveMessage(index, 1); });
        makeButton(QStyle::SP_DialogDiscardButton, tr("Remove message (Alt+Shift+Delete)"),
            [this, index] { removeMessage(index); });
        buttons->addStretch(1);

        rowLayout->addWidget(row.role, 0, Qt::AlignTop);
        rowLayout->addWidget(row.content, 1);
        rowLayout->addLayout(buttons);

        connect(row.content, &QPlainTextEdit::textChanged, this, [this, index] { onContentEdited(index); });
        connect(row.role, &QComboBox::currentTextChanged, this, [this, index] { onRoleEdited(index); });
        m_rowsLayout->insertWidget(m_rowsLayout->count() - 1, row.box);
        m_rows.append(row);
    }
    m_empty->setVisible(count == 0);
}

bool MessagesEditor::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Resize) {
        for (const Row& row : std::as_const(m_rows)) {
            if (row.content->viewport() == watched)
                fitHeight(row.content);
        }
    }
    return QWidget::eventFilter(watched, event);
}

void MessagesEditor::fitHeight(QPlainTextEdit* edit)
{
    // QPlainTextDocumentLayout measures in lines; show them all up to a limit.
    const qreal lines = qBound<qreal>(2, edit->document()->documentLayout()->documentSize().height(), 14);
    const QMargins margins = edit->contentsMargins();
    const int height = int(lines * edit->fontMetrics().lineSpacing() + 2 * edit->document()->documentMargin()
        + margins.top() + margins.bottom() + 4);
    if (edit->height() != height)
        edit->setFixedHeight(height);
}

void MessagesEditor::refresh()
{
    m_updating = true;
    const PromptTemplate& content = m_document->content();
    const bool readOnly = m_document->isReadOnly();
    if (content.kind() == PromptTemplate::Kind::Completion) {
        m_stack->setCurrentWidget(m_prompt);
        textedits::setTextKeepingCursor(m_prompt, content.prompt());
        m_prompt->setReadOnly(readOnly);
    } else {
        m_stack->setCurrentWidget(m_scroll);
        const QJsonArray messages = content.messages();
        if (messages.size() != m_rows.size())
            rebuildRows(int(messages.size()));
        for (int i = 0; i < messages.size(); ++i) {
            const QJsonObject message = messages.at(i).toObject();
            const Row& row = m_rows.at(i);
            const QString role = message.value(QStringLiteral("role")).toString();
            if (row.role->currentText() != role) {
                const bool blocked = row.role->blockSignals(true);
                row.role->setCurrentText(role);
                row.role->blockSignals(blocked);
            }
            const QJsonValue value = message.value(QStringLiteral("content"));
            textedits::setTextKeepingCursor(row.content, contentText(value));
            const bool parts = value.isArray();
            row.content->setReadOnly(readOnly || parts);
            row.content->setToolTip(parts ? tr("Content parts: edit them in the JSON tab") : QString());
            row.role->setEnabled(!readOnly);
            fitHeight(row.content);
        }
    }
    m_updating = false;
}

void MessagesEditor::editMessage(
    int row, const QString& field, const QString& undoText, const std::function<bool(QJsonObject&)>& change)
{
    // A row widget can outlive its message for a moment (rows rebuild after the document changes).
    if (m_updating || row >= m_rows.size())
        return;
    PromptTemplate edited = m_document->content();
    QJsonArray messages = edited.messages();
    if (row >= messages.size())
        return;
    QJsonObject message = messages.at(row).toObject();
    if (!change(message))
        return;
    messages.replace(row, message);
    edited.setMessages(messages);
    m_document->edit(edited, undoText, QStringLiteral("messages[%1].").arg(row) + field);
}

void MessagesEditor::onContentEdited(int row)
{
    editMessage(row, QStringLiteral("content"), tr("Edit message %1").arg(row + 1),
        [this, row](QJsonObject& message) {
            // Content parts are edited in the JSON tab; the plain-text view of them is read-only.
            if (message.value(QStringLiteral("content")).isArray())
                return false;
            message.insert(QStringLiteral("content"), m_rows.at(row).content->toPlainText());
            return true;
        });
}

void MessagesEditor::onRoleEdited(int row)
{
    editMessage(row, QStringLiteral("role"), tr("Change role of message %1").arg(row + 1),
        [this, row](QJsonObject& message) {
            message.insert(QStringLiteral("role"), m_rows.at(row).role->currentText());
            return true;
        });
}

void MessagesEditor::onPromptEdited()
{
    if (m_updating)
        return;
    PromptTemplate edited = m_document->content();
    edited.setPrompt(m_prompt->toPlainText());
    m_document->edit(edited, tr("Edit prompt"), QStringLiteral("prompt"));
}

void MessagesEditor::addMessage()
{
    PromptTemplate edited = m_document->content();
    if (edited.kind() != PromptTemplate::Kind::Chat)
        return;
    QJsonArray messages = edited.messages();
    const QString last = messages.isEmpty()
        ? QString()
        : messages.last().toObject().value(QStringLiteral("role")).toString();
    const QString role = messages.isEmpty() ? QStringLiteral("system")
        : last == QLatin1String("user")     ? QStringLiteral("assistant")
                                            : QStringLiteral("user");
    messages.append(
        QJsonObject { { QStringLiteral("role"), role }, { QStringLiteral("content"), QString() } });
    edited.setMessages(messages);
    if (m_document->edit(edited, tr("Add message")))
        focusRow(int(messages.size()) - 1);
}

void MessagesEditor::removeMessage(int row)
{
    PromptTemplate edited = m_document->content();
    QJsonArray messages = edited.messages();
    if (row < 0 || row >= messages.size())
        return;
    messages.removeAt(row);
    edited.setMessages(messages);
    if (m_document->edit(edited, tr("Remove message %1").arg(row + 1)))
        focusRow(qMin(row, int(messages.size()) - 1));
}

void MessagesEditor::moveMessage(int row, int delta)
{
    PromptTemplate edited = m_document->content();
    QJsonArray messages = edited.messages();
    const int target = row + delta;
    if (row < 0 || row >= messages.size() || target < 0 || target >= messages.size())
        return;
    const QJsonValue moved = messages.at(row);
    messages.removeAt(row);
    messages.insert(target, moved);
    edited.setMessages(messages);
    if (m_document->edit(edited, tr("Move message %1").arg(row + 1)))
        focusRow(target);
}

void MessagesEditor::focusRow(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    m_rows.at(row).content->setFocus(Qt::OtherFocusReason);
    m_scroll->ensureWidgetVisible(m_rows.at(row).box);
}

} // namespace tb
