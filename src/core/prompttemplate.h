// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A prompt template in the book's JSON format: a request body with `{{name}}`
// placeholders in its message contents (chat) or its prompt (legacy completion).
// Loads, renders and saves that format unchanged, plus optional metadata.
//
// The format: one JSON object holding either "messages" (a list of {role, content,
// optional name, ...}; content is a string or a list of content parts) or "prompt"
// (a string). Every other top-level key ("temperature", "max_tokens", "stop",
// "response_format", ...) is a request parameter passed through verbatim, except the
// reserved key "x-tunebench", which holds our metadata and is never sent:
//
//     "x-tunebench": {
//         "description": "What the template is for",
//         "parameters": {
//             "review": { "description": "...", "default": "...", "multiline": true, "file": true }
//         }
//     }
//
// Unknown keys inside "x-tunebench" are kept on save. Placeholders follow
// placeholders.h (the book's insert_params, plus the `{{ "{{" }}` escape).

#include "core/parameterspec.h"
#include "core/result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace tb {

class PromptTemplate
{
public:
    enum class Kind { Chat, Completion };

    // The reserved top-level key for our metadata.
    static QString metadataKey() { return QStringLiteral("x-tunebench"); }

    // An empty chat template: {"messages": []}.
    PromptTemplate();

    // Parses and checks a template. Errors carry fileName, line and column (of the
    // JSON syntax error, or of the offending value) and the JSON path of that value.
    static Result<PromptTemplate> fromJson(const QByteArray& json, const QString& fileName = {});
    static Result<PromptTemplate> load(const QString& path);

    // Writes toJson() atomically (QSaveFile): the old file stays if anything fails.
    Status save(const QString& path) const;

    // Indented with 4 spaces, one message per line as in the book; flat objects and
    // lists on one line. Keeps the key order the template was loaded with, for every
    // object, not just the top level. Keys it has not seen go after those: messages as
    // role, name, content; metadata parameters in placeholder order; anything else
    // (say a new nested request parameter) sorted, as QJsonObject holds it.
    QByteArray toJson() const;

    Kind kind() const;

    // "x-tunebench" -> "description"; setting an empty one removes it.
    QString description() const;
    void setDescription(const QString& description);

    // Any other "x-tunebench" entry (e.g. "exampleLayout" of a prompt template's
    // few-shot rows); an undefined value removes it.
    QJsonValue metadataValue(const QString& key) const;
    void setMetadataValue(const QString& key, const QJsonValue& value);

    // Placeholder names in order of first appearance (messages in list order, then
    // content parts in order), each once; escapes and non-names left out.
    QStringList parameterNames() const;

    // parameterNames() with their metadata (name only where there is none).
    QList<ParameterSpec> parameters() const;
    ParameterSpec parameter(const QString& name) const;
    // Stores spec's metadata under its name, keeping unknown keys of that entry.
    void setParameterSpec(const ParameterSpec& spec);

    // Setting messages makes the template a chat template (a prompt is dropped, and
    // "messages" takes its place in the key order); setPrompt() the reverse.
    QJsonArray messages() const;
    void setMessages(const QJsonArray& messages);
    QString prompt() const;
    void setPrompt(const QString& prompt);

    // Every top-level key except messages, prompt and x-tunebench.
    QJsonObject requestParameters() const;
    // An undefined value removes the key. The reserved keys are not request
    // parameters: use setMessages(), setPrompt() and the metadata setters instead.
    void setRequestParameter(const QString& key, const QJsonValue& value);

    // The values render() fills in: each parameter's metadata default, overridden by
    // the given values. A parameter with neither stays a literal `{{name}}`.
    QHash<QString, QString> effectiveValues(const QHash<QString, QString>& values) const;

    // The request body: request parameters plus the messages (each content, or each
    // "text" content part, rendered) or the rendered prompt. No x-tunebench; adds
    // neither "model" nor "stream" (the caller's profile does). Only contents and the
    // prompt are rendered, as in the book; roles, names and parameters are not.
    // Values come from effectiveValues(values): a parameter left out of `values` gets
    // its metadata default, if it has one; an empty string given in `values` is used.
    QJsonObject render(const QHash<QString, QString>& values) const;

private:
    QJsonObject metadata() const;
    void setMetadata(const QJsonObject& metadata);
    void replaceBodyKey(const QString& oldKey, const QString& newKey);

    QJsonObject m_root;
    // Key order of every object as loaded, by JSON path ("" is the top level,
    // "messages[0]", "x-tunebench.parameters", ...). QJsonObject sorts its keys.
    QHash<QString, QStringList> m_keyOrder;
};

} // namespace tb
