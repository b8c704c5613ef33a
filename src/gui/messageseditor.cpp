// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/messageseditor.h"

#include "gui/placeholderhighlighter.h"
#include "gui/templatedocument.h"
#include "gui/textedits.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QComboBox>
#include <QDrag>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QMouseEvent>
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
    m_rowsHost->setAcceptDrops(true);
    m_rowsHost->installEventFilter(this);
    m_dropIndicator = new QFrame(m_rowsHost);
    m_dropIndicator->setObjectName(QStringLiteral("dropIndicator"));
    m_dropIndicator->setFrameShape(QFrame::NoFrame);
    m_dropIndicator->setAutoFillBackground(true);
    m_dropIndicator->setBackgroundRole(QPalette::Highlight);
    m_dropIndicator->hide();
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
        auto* handle = new QLabel(QStringLiteral("⠿"));
        handle->setObjectName(QStringLiteral("dragHandle%1").arg(index));
        handle->setCursor(Qt::OpenHandCursor);
        QFont handleFont = handle->font();
        handleFont.setPointSizeF(handleFont.pointSizeF() * 1.5);
        handle->setFont(handleFont);
        handle->setContentsMargins(2, 2, 2, 0);
        handle->setToolTip(tr("Drag to reorder (or Alt+Shift+Up/Down)"));
        handle->installEventFilter(this);
        row.handle = handle;
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

        rowLayout->addWidget(row.handle, 0, Qt::AlignTop);
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
    if (watched == m_rowsHost && handleDragEvent(event))
        return true;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).handle != watched)
            continue;
        if (event->type() == QEvent::MouseButtonPress) {
            auto* mouse = static_cast<QMouseEvent*>(event);
            if (mouse->button() == Qt::LeftButton) {
                m_pressPos = mouse->position().toPoint();
                m_pressRow = i;
                return true;
            }
        } else if (event->type() == QEvent::MouseMove && m_pressRow == i) {
            auto* mouse = static_cast<QMouseEvent*>(event);
            if ((mouse->buttons() & Qt::LeftButton)
                && (mouse->position().toPoint() - m_pressPos).manhattanLength() >= QApplication::startDragDistance()) {
                m_pressRow = -1;
                startDrag(i);
                return true;
            }
        } else if (event->type() == QEvent::MouseButtonRelease) {
            m_pressRow = -1;
        }
    }
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
    // Up by one lands before the row above; down by one lands after the row below.
    moveMessageTo(row, delta > 0 ? row + delta + 1 : row + delta);
}

bool MessagesEditor::moveMessageTo(int row, int destination)
{
    PromptTemplate edited = m_document->content();
    QJsonArray messages = edited.messages();
    if (row < 0 || row >= messages.size() || destination < 0 || destination > messages.size())
        return false;
    // Dropping a row just before or after itself leaves it where it is.
    if (destination == row || destination == row + 1)
        return false;
    const QJsonValue moved = messages.at(row);
    messages.removeAt(row);
    const int target = destination > row ? destination - 1 : destination;
    messages.insert(target, moved);
    edited.setMessages(messages);
    if (!m_document->edit(edited, tr("Move message %1").arg(row + 1)))
        return false;
    focusRow(target);
    return true;
}

QWidget* MessagesEditor::dragHandle(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).handle : nullptr;
}

QMimeData* MessagesEditor::mimeDataForRow(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    auto* data = new QMimeData;
    data->setData(rowMimeType(), (m_document->path() + QLatin1Char('\n') + QString::number(row)).toUtf8());
    return data;
}

int MessagesEditor::dropIndexAt(const QPoint& pos) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (pos.y() < m_rows.at(i).box->geometry().center().y())
            return i;
    }
    return int(m_rows.size());
}

bool MessagesEditor::dropMimeData(const QMimeData* data, int destination)
{
    if (!data || !data->hasFormat(rowMimeType()) || m_document->isReadOnly())
        return false;
    const QString payload = QString::fromUtf8(data->data(rowMimeType()));
    const qsizetype newline = payload.lastIndexOf(QLatin1Char('\n'));
    bool ok = false;
    const int row = payload.mid(newline + 1).toInt(&ok);
    if (!ok || newline < 0 || payload.left(newline) != m_document->path())
        return false; // a row of another template (another window)
    return moveMessageTo(row, destination);
}

bool MessagesEditor::handleDragEvent(QEvent* event)
{
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto* drag = static_cast<QDragMoveEvent*>(event);
        if (!drag->mimeData()->hasFormat(rowMimeType()) || m_document->isReadOnly()) {
            drag->ignore();
            return true;
        }
        drag->setDropAction(Qt::MoveAction);
        drag->accept();
        showDropIndicator(dropIndexAt(drag->position().toPoint()));
        return true;
    }
    case QEvent::DragLeave:
        m_dropIndicator->hide();
        return true;
    case QEvent::Drop: {
        auto* drop = static_cast<QDropEvent*>(event);
        m_dropIndicator->hide();
        const int destination = dropIndexAt(drop->position().toPoint());
        if (drop->mimeData()->hasFormat(rowMimeType()) && !m_document->isReadOnly()) {
            drop->setDropAction(Qt::MoveAction);
            drop->accept();
            dropMimeData(drop->mimeData(), destination);
        } else {
            drop->ignore();
        }
        return true;
    }
    default:
        return false;
    }
}

void MessagesEditor::showDropIndicator(int destination)
{
    if (m_rows.isEmpty()) {
        m_dropIndicator->hide();
        return;
    }
    const int spacing = qMax(2, m_rowsLayout->spacing());
    const QRect box = destination < m_rows.size() ? m_rows.at(destination).box->geometry()
                                                  : m_rows.last().box->geometry();
    const int y = destination < m_rows.size() ? box.top() - spacing / 2 - 1 : box.bottom() + spacing / 2;
    m_dropIndicator->setGeometry(box.left(), y, box.width(), 3);
    m_dropIndicator->raise();
    m_dropIndicator->show();
}

void MessagesEditor::startDrag(int row)
{
    if (m_document->isReadOnly())
        return;
    auto* drag = new QDrag(this);
    drag->setMimeData(mimeDataForRow(row));
    drag->setPixmap(m_rows.at(row).box->grab().scaledToWidth(qMin(360, m_rows.at(row).box->width())));
    drag->exec(Qt::MoveAction);
    m_dropIndicator->hide();
}

void MessagesEditor::focusRow(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    m_rows.at(row).content->setFocus(Qt::OtherFocusReason);
    m_scroll->ensureWidgetVisible(m_rows.at(row).box);
}

} // namespace tb
