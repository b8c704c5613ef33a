// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Structured editing of a template's body: one row per chat message (role and
// content, add/remove/reorder by buttons, keys or dragging a row's handle), or the
// single prompt of a legacy template.

#include <QList>
#include <QSet>
#include <QWidget>
#include <functional>

class QComboBox;
class QJsonObject;
class QFrame;
class QLabel;
class QMimeData;
class QPlainTextEdit;
class QScrollArea;
class QStackedWidget;
class QVBoxLayout;

namespace tb {

class PlaceholderHighlighter;
class TemplateDocument;

class MessagesEditor : public QWidget
{
    Q_OBJECT
public:
    explicit MessagesEditor(TemplateDocument* document, QWidget* parent = nullptr);

    void setFilledNames(const QSet<QString>& names);

    int messageCount() const { return int(m_rows.size()); }
    QPlainTextEdit* contentEdit(int row) const;
    QComboBox* roleCombo(int row) const;
    QPlainTextEdit* promptEdit() const { return m_prompt; }
    // The message row holding the keyboard focus, or -1.
    int currentRow() const;

    // Appends a message with the role that usually comes next and focuses it.
    void addMessage();
    void removeMessage(int row);
    void moveMessage(int row, int delta);
    // Moves message `row` so it lands before the message now at `destination`
    // (0..messageCount(); messageCount() = last), as one undo step.
    bool moveMessageTo(int row, int destination);

    // Drag and drop of rows (the handle left of each row starts a drag): the payload
    // names the template and the row, so a drop from another window is refused.
    static QString rowMimeType() { return QStringLiteral("application/x-tunebench-message-row"); }
    QMimeData* mimeDataForRow(int row) const;
    // The insert position a drop at `pos` (in rowsHost() coordinates) means.
    int dropIndexAt(const QPoint& pos) const;
    bool dropMimeData(const QMimeData* data, int destination);
    QWidget* rowsHost() const { return m_rowsHost; }
    QWidget* dragHandle(int row) const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Row
    {
        QWidget* box = nullptr;
        QWidget* handle = nullptr;
        QComboBox* role = nullptr;
        QPlainTextEdit* content = nullptr;
        PlaceholderHighlighter* highlighter = nullptr;
    };

    void refresh();
    void rebuildRows(int count);
    void fitHeight(QPlainTextEdit* edit);
    // Applies `change` to message `row` as one undoable edit of messages[row].<field>;
    // nothing happens while refreshing, for a stale row, or when `change` returns false.
    void editMessage(int row, const QString& field, const QString& undoText,
        const std::function<bool(QJsonObject&)>& change);
    void onContentEdited(int row);
    void onRoleEdited(int row);
    void onPromptEdited();
    void focusRow(int row);
    bool handleDragEvent(QEvent* event);
    void startDrag(int row);
    void showDropIndicator(int destination);

    TemplateDocument* m_document;
    QStackedWidget* m_stack = nullptr;
    QScrollArea* m_scroll = nullptr;
    QWidget* m_rowsHost = nullptr;
    QVBoxLayout* m_rowsLayout = nullptr;
    QLabel* m_empty = nullptr;
    QFrame* m_dropIndicator = nullptr;
    QPoint m_pressPos;
    int m_pressRow = -1;
    QPlainTextEdit* m_prompt = nullptr;
    PlaceholderHighlighter* m_promptHighlighter = nullptr;
    QList<Row> m_rows;
    QSet<QString> m_filled;
    bool m_updating = false;
};

} // namespace tb
