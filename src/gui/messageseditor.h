// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Structured editing of a template's body: one row per chat message (role and
// content, add/remove/reorder), or the single prompt of a legacy template.

#include <QList>
#include <QSet>
#include <QWidget>
#include <functional>

class QComboBox;
class QJsonObject;
class QLabel;
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

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Row
    {
        QWidget* box = nullptr;
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

    TemplateDocument* m_document;
    QStackedWidget* m_stack = nullptr;
    QScrollArea* m_scroll = nullptr;
    QWidget* m_rowsHost = nullptr;
    QVBoxLayout* m_rowsLayout = nullptr;
    QLabel* m_empty = nullptr;
    QPlainTextEdit* m_prompt = nullptr;
    PlaceholderHighlighter* m_promptHighlighter = nullptr;
    QList<Row> m_rows;
    QSet<QString> m_filled;
    bool m_updating = false;
};

} // namespace tb
