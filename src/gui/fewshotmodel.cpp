// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/fewshotmodel.h"

#include "gui/templatedocument.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>

namespace tb {

namespace {

const QString kRole = QStringLiteral("role");
const QString kContent = QStringLiteral("content");
const QString kName = QStringLiteral("name");
const QString kRowMime = QStringLiteral("application/x-tunebench-fewshot-rows");

QString roleOf(const QJsonArray& messages, int i)
{
    return messages.at(i).toObject().value(kRole).toString();
}

bool isTextTurn(const QJsonArray& messages, int i, const QString& role)
{
    const QJsonObject message = messages.at(i).toObject();
    return message.value(kRole).toString() == role && message.value(kContent).isString();
}

// Reads user/assistant pairs from `messages` starting at `i`.
QList<FewShotModel::Example> readPairs(const QJsonArray& messages, int i)
{
    QList<FewShotModel::Example> examples;
    while (i + 1 < messages.size() && isTextTurn(messages, i, QStringLiteral("user"))
           && isTextTurn(messages, i + 1, QStringLiteral("assistant"))) {
        const QJsonObject user = messages.at(i).toObject();
        examples.append({user.value(kContent).toString(), messages.at(i + 1).toObject().value(kContent).toString(),
                         user.value(kName).toString()});
        i += 2;
    }
    return examples;
}

int skipSystem(const QJsonArray& messages)
{
    int i = 0;
    while (i < messages.size()
           && (roleOf(messages, i) == QLatin1String("system") || roleOf(messages, i) == QLatin1String("developer")))
        ++i;
    return i;
}

QList<FewShotModel::Example> fromPromptExamples(const QList<PromptExamples::Example>& examples)
{
    QList<FewShotModel::Example> rows;
    for (const PromptExamples::Example& example : examples)
        rows.append({example.input, example.output, QString()});
    return rows;
}

QList<PromptExamples::Example> toPromptExamples(const QList<FewShotModel::Example>& rows)
{
    QList<PromptExamples::Example> examples;
    for (const FewShotModel::Example& row : rows)
        examples.append({row.input, row.output});
    return examples;
}

} // namespace

FewShotModel::Layout FewShotModel::split(const QJsonArray& messages)
{
    Layout layout;
    layout.firstMessage = skipSystem(messages);
    layout.examples = readPairs(messages, layout.firstMessage);
    return layout;
}

FewShotModel::FewShotModel(TemplateDocument* document, QObject* parent)
    : QAbstractTableModel(parent), m_document(document)
{
    connect(m_document, &TemplateDocument::contentChanged, this, &FewShotModel::onDocumentChanged);
    connect(m_document, &TemplateDocument::stateChanged, this, [this] {
        // Editability shows in flags(): tell views to ask again.
        if (!m_examples.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_examples.size()) - 1, ColumnCount - 1));
    });
    onDocumentChanged();
}

int FewShotModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_examples.size());
}

int FewShotModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FewShotModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Example& example = m_examples.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::EditRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case InputColumn:
            return example.input;
        case OutputColumn:
            return example.output;
        case NameColumn:
            return example.name;
        default:
            return {};
        }
    }
    return {};
}

QVariant FewShotModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    if (m_prompt) {
        const PromptExamples::Layout layout = promptLayout();
        if (section == InputColumn)
            return tr("Input (%1)").arg(PromptExamples::escape(layout.inputPrefix).trimmed());
        if (section == OutputColumn)
            return tr("Output (%1)").arg(PromptExamples::escape(layout.outputPrefix).trimmed());
    }
    switch (section) {
    case InputColumn:
        return tr("Input (user)");
    case OutputColumn:
        return tr("Output (assistant)");
    case NameColumn:
        return tr("Name");
    default:
        return {};
    }
}

bool FewShotModel::isEditable() const
{
    return m_document->isOpen() && !m_document->isReadOnly()
           && (m_document->content().kind() == PromptTemplate::Kind::Chat || promptLayout().isValid());
}

bool FewShotModel::isPromptTemplate() const
{
    return m_document->content().kind() == PromptTemplate::Kind::Completion;
}

PromptExamples::Layout FewShotModel::promptLayout(const PromptTemplate& content)
{
    return PromptExamples::Layout::fromJson(content.metadataValue(layoutKey()).toObject());
}

PromptExamples::Layout FewShotModel::promptLayout() const
{
    return promptLayout(m_document->content());
}

Status FewShotModel::setPromptLayout(const PromptExamples::Layout& layout)
{
    if (!isPromptTemplate() || !m_document->isOpen() || m_document->isReadOnly())
        return Error{tr("Example layouts are for prompt templates you can edit."), {}, 0, 0, {}};
    if (!layout.isValid())
        return Error{tr("Input prefix, output prefix and separator must not be empty."), {}, 0, 0, {}};
    const int unreadable = PromptExamples::firstUnreadable(layout, toPromptExamples(m_examples));
    if (unreadable >= 0)
        return Error{tr("Example %1 holds the output prefix or the separator, so it would not read back with this "
                        "layout.")
                         .arg(unreadable + 1),
                     {}, 0, 0, {}};
    const PromptExamples::Layout old = promptLayout();
    if (layout == old)
        return success();
    PromptTemplate edited = m_document->content();
    const QString prompt = PromptExamples::relayout(edited.prompt(), old, layout);
    // The rest of the prompt may read as examples in the new layout (a prefix in the
    // instructions): only a layout that finds exactly these rows again is taken.
    if (PromptExamples::parse(prompt, layout) != toPromptExamples(m_examples))
        return Error{tr("With this layout other parts of the prompt would read as examples."), {}, 0, 0, {}};
    edited.setPrompt(prompt);
    edited.setMetadataValue(layoutKey(), layout.toJson());
    if (!m_document->edit(edited, tr("Change example layout"), QStringLiteral("x-tunebench.exampleLayout")))
        return Error{tr("The template cannot be edited."), {}, 0, 0, {}};
    return success();
}

Qt::ItemFlags FewShotModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (!isEditable())
        return flags;
    if (!index.isValid())
        return flags | Qt::ItemIsDropEnabled;
    if (m_prompt && index.column() == NameColumn)
        return flags | Qt::ItemIsDragEnabled; // a prompt has no place for a name
    return flags | Qt::ItemIsEditable | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled;
}

bool FewShotModel::writeExamples(const QList<Example>& examples, const QString& undoText, const QString& mergeKey)
{
    if (!isEditable())
        return false;
    PromptTemplate edited = m_document->content();
    if (m_prompt) {
        edited.setPrompt(PromptExamples::replace(edited.prompt(), promptLayout(), toPromptExamples(examples)));
        m_writing = true;
        const bool ok = m_document->edit(edited, undoText, mergeKey);
        m_writing = false;
        return ok;
    }
    const QJsonArray messages = edited.messages();
    const Layout layout = split(messages);
    QJsonArray out;
    for (int i = 0; i < layout.firstMessage; ++i)
        out.append(messages.at(i));
    for (int row = 0; row < examples.size(); ++row) {
        const Example& example = examples.at(row);
        // Keep any extra keys of the turns that already were at this row.
        const int old = layout.firstMessage + 2 * row;
        QJsonObject user = row < layout.examples.size() ? messages.at(old).toObject() : QJsonObject();
        QJsonObject assistant = row < layout.examples.size() ? messages.at(old + 1).toObject() : QJsonObject();
        user.insert(kRole, QStringLiteral("user"));
        user.insert(kContent, example.input);
        if (example.name.isEmpty())
            user.remove(kName);
        else
            user.insert(kName, example.name);
        assistant.insert(kRole, QStringLiteral("assistant"));
        assistant.insert(kContent, example.output);
        out.append(user);
        out.append(assistant);
    }
    for (qsizetype i = layout.firstMessage + 2 * layout.examples.size(); i < messages.size(); ++i)
        out.append(messages.at(i));
    edited.setMessages(out);
    m_writing = true;
    const bool ok = m_document->edit(edited, undoText, mergeKey);
    m_writing = false;
    return ok;
}

bool FewShotModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    QList<Example> examples = m_examples;
    Example& example = examples[index.row()];
    const QString text = value.toString();
    switch (index.column()) {
    case InputColumn:
        example.input = text;
        break;
    case OutputColumn:
        example.output = text;
        break;
    case NameColumn:
        example.name = text.trimmed();
        break;
    default:
        return false;
    }
    if (examples == m_examples)
        return true;
    if (!writeExamples(examples, tr("Edit example %1").arg(index.row() + 1)))
        return false;
    m_examples = examples;
    Q_EMIT dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole, Qt::ToolTipRole});
    return true;
}

bool FewShotModel::insertExamples(int row, const QList<Example>& added, const QString& undoText)
{
    if (row < 0 || row > m_examples.size())
        row = int(m_examples.size());
    if (added.isEmpty() || !isEditable())
        return false;
    QList<Example> examples = m_examples;
    for (int i = 0; i < added.size(); ++i)
        examples.insert(row + i, added.at(i));
    beginInsertRows({}, row, row + int(added.size()) - 1);
    m_examples = examples;
    const bool ok = writeExamples(examples, undoText);
    endInsertRows();
    if (!ok)
        onDocumentChanged();
    return ok;
}

bool FewShotModel::insertRows(int row, int count, const QModelIndex& parent)
{
    if (parent.isValid() || count <= 0 || row < 0 || row > m_examples.size())
        return false;
    return insertExamples(row, QList<Example>(count), count == 1 ? tr("Add example") : tr("Add examples"));
}

bool FewShotModel::removeRows(int row, int count, const QModelIndex& parent)
{
    if (parent.isValid() || count <= 0 || row < 0 || row + count > m_examples.size() || !isEditable())
        return false;
    QList<Example> examples = m_examples;
    examples.remove(row, count);
    beginRemoveRows({}, row, row + count - 1);
    m_examples = examples;
    const bool ok = writeExamples(examples, count == 1 ? tr("Remove example %1").arg(row + 1) : tr("Remove examples"));
    endRemoveRows();
    return ok;
}

bool FewShotModel::moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
                            const QModelIndex& destinationParent, int destinationChild)
{
    if (sourceParent.isValid() || destinationParent.isValid() || count <= 0 || sourceRow < 0
        || sourceRow + count > m_examples.size() || destinationChild < 0 || destinationChild > m_examples.size()
        || (destinationChild >= sourceRow && destinationChild <= sourceRow + count) || !isEditable())
        return false;
    QList<Example> examples = m_examples;
    const QList<Example> moved = examples.mid(sourceRow, count);
    examples.remove(sourceRow, count);
    const int target = destinationChild > sourceRow ? destinationChild - count : destinationChild;
    for (int i = 0; i < count; ++i)
        examples.insert(target + i, moved.at(i));
    beginMoveRows({}, sourceRow, sourceRow + count - 1, {}, destinationChild);
    m_examples = examples;
    const bool ok = writeExamples(examples, tr("Move example"));
    endMoveRows();
    return ok;
}

bool FewShotModel::duplicateRow(int row)
{
    if (row < 0 || row >= m_examples.size())
        return false;
    return insertExamples(row + 1, {m_examples.at(row)}, tr("Duplicate example %1").arg(row + 1));
}

QStringList FewShotModel::mimeTypes() const
{
    return {kRowMime};
}

QMimeData* FewShotModel::mimeData(const QModelIndexList& indexes) const
{
    if (indexes.isEmpty())
        return nullptr;
    auto* data = new QMimeData;
    data->setData(kRowMime, QByteArray::number(indexes.first().row()));
    return data;
}

bool FewShotModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                                const QModelIndex& parent)
{
    Q_UNUSED(column)
    if (action != Qt::MoveAction || !data->hasFormat(kRowMime))
        return false;
    bool ok = false;
    const int source = data->data(kRowMime).toInt(&ok);
    if (!ok)
        return false;
    int destination = row >= 0 ? row : parent.isValid() ? parent.row() : int(m_examples.size());
    if (destination == source || destination == source + 1)
        return false;
    moveRows({}, source, 1, {}, destination);
    // Returning false keeps the view from "removing the source" of a move we already did.
    return false;
}

namespace {

// The rows one line gives, or why it gives none.
Result<QList<FewShotModel::Example>> examplesFromObject(const QJsonObject& object, int lineNumber, const QString& what)
{
    if (object.contains(QStringLiteral("messages"))) {
        const QJsonArray messages = object.value(QStringLiteral("messages")).toArray();
        const QList<FewShotModel::Example> pairs = readPairs(messages, skipSystem(messages));
        if (pairs.isEmpty())
            return Error{FewShotModel::tr("%1 has no user/assistant pair").arg(what), {}, lineNumber, 1, {}};
        return pairs;
    }
    if (object.value(QStringLiteral("prompt")).isString())
        return QList<FewShotModel::Example>{{object.value(QStringLiteral("prompt")).toString(),
                                             object.value(QStringLiteral("completion")).toString(), QString()}};
    return Error{FewShotModel::tr("%1 has neither \"messages\" nor \"prompt\"").arg(what), {}, lineNumber, 1, {}};
}

} // namespace

Result<QList<FewShotModel::Example>> FewShotModel::examplesFromJsonl(const QByteArray& jsonl)
{
    QList<Example> examples;
    int lineNumber = 0;
    for (const QByteArray& rawLine : jsonl.split('\n')) {
        ++lineNumber;
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !json.isObject())
            return Error{tr("Line %1 is not a JSON object: %2").arg(lineNumber).arg(error.errorString()), {},
                         lineNumber, int(error.offset) + 1, {}};
        const Result<QList<Example>> rows = examplesFromObject(json.object(), lineNumber, tr("Line %1").arg(lineNumber));
        if (!rows)
            return rows.error();
        examples += rows.value();
    }
    return examples;
}

Result<QList<FewShotModel::Example>> FewShotModel::examplesFromObjects(const QList<QJsonObject>& objects)
{
    QList<Example> examples;
    for (int i = 0; i < objects.size(); ++i) {
        const Result<QList<Example>> rows = examplesFromObject(objects.at(i), i + 1, tr("Selected row %1").arg(i + 1));
        if (!rows)
            return rows.error();
        examples += rows.value();
    }
    return examples;
}

QByteArray FewShotModel::toJsonl() const
{
    if (m_prompt) {
        QByteArray out;
        for (const Example& example : m_examples) {
            out += QJsonDocument(QJsonObject{{QStringLiteral("prompt"), example.input},
                                             {QStringLiteral("completion"), example.output}})
                       .toJson(QJsonDocument::Compact);
            out += '\n';
        }
        return out;
    }
    const QJsonArray messages = m_document->content().messages();
    QJsonArray prefix;
    for (int i = 0; i < skipSystem(messages); ++i)
        prefix.append(messages.at(i));
    QByteArray out;
    for (const Example& example : m_examples) {
        QJsonArray turns = prefix;
        QJsonObject user{{kRole, QStringLiteral("user")}, {kContent, example.input}};
        if (!example.name.isEmpty())
            user.insert(kName, example.name);
        turns.append(user);
        turns.append(QJsonObject{{kRole, QStringLiteral("assistant")}, {kContent, example.output}});
        out += QJsonDocument(QJsonObject{{QStringLiteral("messages"), turns}}).toJson(QJsonDocument::Compact);
        out += '\n';
    }
    return out;
}

void FewShotModel::onDocumentChanged()
{
    if (m_writing)
        return; // our own edit: the rows are already updated inside begin/end
    const bool prompt = isPromptTemplate();
    const PromptExamples::Layout promptLayout = this->promptLayout();
    if (prompt != m_prompt || (prompt && !(promptLayout == m_promptLayout))) {
        m_prompt = prompt;
        m_promptLayout = promptLayout;
        Q_EMIT headerDataChanged(Qt::Horizontal, InputColumn, OutputColumn);
    }
    Layout layout;
    if (prompt)
        layout.examples = fromPromptExamples(PromptExamples::parse(m_document->content().prompt(), promptLayout));
    else
        layout = split(m_document->content().messages());
    if (layout.examples.size() == m_examples.size()) {
        if (layout.examples == m_examples)
            return;
        int first = -1;
        int last = -1;
        for (int i = 0; i < m_examples.size(); ++i) {
            if (!(layout.examples.at(i) == m_examples.at(i))) {
                if (first < 0)
                    first = i;
                last = i;
            }
        }
        m_examples = layout.examples;
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_examples = layout.examples;
    endResetModel();
}

} // namespace tb
