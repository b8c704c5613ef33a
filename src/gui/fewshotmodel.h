// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The few-shot examples of a template as a table. Chat: each row is a user turn
// (input, optional name) and the assistant turn that answers it, taken from the
// user/assistant pairs right after the leading system messages. Legacy prompt: each
// row is an example written into the prompt with the template's example layout
// (core/promptexamples.h). Edits go to the template document (one undo step each)
// and the table follows the document.

#include "core/promptexamples.h"
#include "core/result.h"

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>

namespace tb {

class PromptTemplate;
class TemplateDocument;

class FewShotModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { InputColumn, OutputColumn, NameColumn, ColumnCount };

    struct Example
    {
        QString input;
        QString output;
        QString name; // the user turn's optional "name"

        bool operator==(const Example&) const = default;
    };

    // Where the examples sit in a message list: [prefix | 2*count pair messages | rest].
    struct Layout
    {
        int firstMessage = 0;
        QList<Example> examples;
    };
    static Layout split(const QJsonArray& messages);

    explicit FewShotModel(TemplateDocument* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    bool insertRows(int row, int count, const QModelIndex& parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex& parent = {}) override;
    bool moveRows(const QModelIndex& sourceParent, int sourceRow, int count, const QModelIndex& destinationParent,
                  int destinationChild) override;

    // Drag and drop reorders rows within the table.
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

    bool isEditable() const;
    bool isPromptTemplate() const;

    // The "x-tunebench" -> "exampleLayout" of a prompt template (the default when absent).
    static QString layoutKey() { return QStringLiteral("exampleLayout"); }
    static PromptExamples::Layout promptLayout(const PromptTemplate& content);
    PromptExamples::Layout promptLayout() const;
    // Stores `layout` and rewrites the prompt's examples with it, as one undo step
    // (typing into a layout field merges). Refused, with the reason, when the layout
    // has an empty part or a row would not read back with it.
    Status setPromptLayout(const PromptExamples::Layout& layout);
    const QList<Example>& examples() const { return m_examples; }
    Example example(int row) const { return m_examples.value(row); }

    bool duplicateRow(int row);
    // Inserts the rows before `row` (-1 = append) as one undo step.
    bool insertExamples(int row, const QList<Example>& examples, const QString& undoText);

    // JSONL lines {"messages": [...]} (chat) or {"prompt", "completion"}: user/assistant
    // pairs after any system messages become rows. Returns the rows, or an error with line.
    static Result<QList<Example>> examplesFromJsonl(const QByteArray& jsonl);
    // The same for parsed lines (rows picked in the dataset viewer); errors name them
    // "Selected row N", counting from 1.
    static Result<QList<Example>> examplesFromObjects(const QList<QJsonObject>& objects);
    // One {"messages": [system messages..., user, assistant]} line per row; for a
    // prompt template one {"prompt", "completion"} line per row.
    QByteArray toJsonl() const;

private:
    void onDocumentChanged();
    bool writeExamples(const QList<Example>& examples, const QString& undoText, const QString& mergeKey = {});

    TemplateDocument* m_document;
    QList<Example> m_examples;
    bool m_writing = false;
    bool m_prompt = false; // the rows come from a legacy prompt
    PromptExamples::Layout m_promptLayout;
};

} // namespace tb
