// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/datasetconverter.h"

#include "core/datasetoutput.h"
#include "core/jsonescape.h"
#include "core/jsonlindex.h"

#include <simdjson.h>
#include <string>
#include <vector>

namespace tb {

namespace {

using simdjson::dom::element;

void appendString(QByteArray& out, std::string_view text)
{
    out += '"';
    json::appendEscaped(out, text, json::Escaping::Minimal);
    out += '"';
}

struct Turn
{
    std::string role; // system, user, assistant, tool
    std::string text;
};

// The text of a content value: a string, or the text parts of a list joined by newlines.
std::string contentText(const element& content)
{
    std::string_view s;
    if (content.get_string().get(s) == simdjson::SUCCESS)
        return std::string(s);
    std::string text;
    simdjson::dom::array parts;
    if (content.get_array().get(parts) == simdjson::SUCCESS) {
        for (element part : parts) {
            if (part["text"].get_string().get(s) == simdjson::SUCCESS) {
                if (!text.empty())
                    text += '\n';
                text += s;
            }
        }
    }
    return text;
}

bool readTurns(const simdjson::dom::object& example, const std::string& system, std::vector<Turn>& turns)
{
    if (!system.empty())
        turns.push_back({ "system", system });
    std::string_view prompt, completion;
    if (example["prompt"].get_string().get(prompt) == simdjson::SUCCESS
        && example["completion"].get_string().get(completion) == simdjson::SUCCESS) {
        turns.push_back({ "user", std::string(prompt) });
        turns.push_back({ "assistant", std::string(completion) });
        return true;
    }
    simdjson::dom::array messages;
    if (example["messages"].get_array().get(messages) != simdjson::SUCCESS)
        return false;
    for (element message : messages) {
        std::string_view role;
        if (message["role"].get_string().get(role) != simdjson::SUCCESS)
            return false;
        Turn turn { std::string(role), {} };
        element content, calls;
        if (message["content"].get(content) == simdjson::SUCCESS)
            turn.text = contentText(content);
        if (turn.role == "assistant" && message["tool_calls"].get(calls) == simdjson::SUCCESS
            && !calls.is_null())
            turn = { "function_call", simdjson::minify(calls) };
        else if (turn.role == "assistant" && message["function_call"].get(calls) == simdjson::SUCCESS
            && !calls.is_null())
            turn = { "function_call", simdjson::minify(calls) };
        if (turn.role == "function")
            turn.role = "tool";
        if (!system.empty() && turn.role == "system")
            continue; // the given system prompt replaces the example's own
        turns.push_back(std::move(turn));
    }
    return true;
}

QByteArray toChat(const std::vector<Turn>& turns)
{
    QByteArray out = "{\"messages\": [";
    for (std::size_t i = 0; i < turns.size(); ++i) {
        out += i ? ", {\"role\": " : "{\"role\": ";
        appendString(out, turns[i].role == "function_call" ? "assistant" : turns[i].role);
        out += ", \"content\": ";
        appendString(out, turns[i].text);
        out += '}';
    }
    return out + "]}";
}

// LLaMA-Factory's ShareGPT roles.
QByteArray toShareGpt(const std::vector<Turn>& turns)
{
    QByteArray out = "{\"conversations\": [";
    for (std::size_t i = 0; i < turns.size(); ++i) {
        const std::string& r = turns[i].role;
        const char* from = r == "user" ? "human"
            : r == "assistant"         ? "gpt"
            : r == "tool"              ? "observation"
                                       : r.c_str();
        out += i ? ", {\"from\": " : "{\"from\": ";
        appendString(out, from);
        out += ", \"value\": ";
        appendString(out, turns[i].text);
        out += '}';
    }
    return out + "]}";
}

// Alpaca: the last user turn is the instruction, the last assistant turn the output,
// earlier user/assistant pairs the history.
std::optional<QByteArray> toAlpaca(const std::vector<Turn>& turns)
{
    std::string system;
    std::vector<std::pair<std::string, std::string>> pairs;
    std::string pendingUser;
    for (const Turn& t : turns) {
        if (t.role == "system")
            system = t.text;
        else if (t.role == "user")
            pendingUser = t.text;
        else if (t.role == "assistant") {
            pairs.emplace_back(pendingUser, t.text);
            pendingUser.clear();
        } else {
            return std::nullopt; // tool calls have no Alpaca form
        }
    }
    if (pairs.empty())
        return std::nullopt;
    QByteArray out = "{\"instruction\": ";
    appendString(out, pairs.back().first);
    out += ", \"input\": \"\", \"output\": ";
    appendString(out, pairs.back().second);
    if (!system.empty()) {
        out += ", \"system\": ";
        appendString(out, system);
    }
    if (pairs.size() > 1) {
        out += ", \"history\": [";
        for (std::size_t i = 0; i + 1 < pairs.size(); ++i) {
            out += i ? ", [" : "[";
            appendString(out, pairs[i].first);
            out += ", ";
            appendString(out, pairs[i].second);
            out += ']';
        }
        out += ']';
    }
    return out + '}';
}

} // namespace

std::optional<DatasetConverter::Target> DatasetConverter::targetFromName(QStringView name)
{
    if (name == QLatin1String("chat"))
        return Target::Chat;
    if (name == QLatin1String("sharegpt"))
        return Target::ShareGpt;
    if (name == QLatin1String("alpaca"))
        return Target::Alpaca;
    return std::nullopt;
}

std::optional<QByteArray> DatasetConverter::convertLine(
    simdjson::dom::parser& parser, std::string_view line, const Options& options)
{
    const simdjson::padded_string padded(line);
    element root;
    simdjson::dom::object example;
    if (parser.parse(padded).get(root) != simdjson::SUCCESS
        || root.get_object().get(example) != simdjson::SUCCESS)
        return std::nullopt;
    std::vector<Turn> turns;
    if (!readTurns(example, options.systemPrompt.toStdString(), turns))
        return std::nullopt;
    switch (options.target) {
    case Target::Chat:
        return toChat(turns);
    case Target::ShareGpt:
        return toShareGpt(turns);
    case Target::Alpaca:
        return toAlpaca(turns);
    }
    return std::nullopt;
}

Result<DatasetConverter::Outcome> DatasetConverter::run(
    const JsonlIndex& index, const QString& outputPath, const Options& options)
{
    if (const Status input = DatasetOutput::checkInput(index); !input)
        return input.error();
    if (const Status target = DatasetOutput::checkNew(outputPath); !target)
        return target.error();
    DatasetOutput out(outputPath);
    if (const Status opened = out.open(); !opened)
        return opened.error();
    simdjson::dom::parser parser;
    Outcome outcome;
    for (qint64 line = 0; line < index.lineCount(); ++line) {
        const std::string_view bytes = index.lineBytes(line);
        if (DatasetOutput::isBlank(bytes))
            continue;
        const std::optional<QByteArray> converted = convertLine(parser, bytes, options);
        if (!converted) {
            if (outcome.skipped++ == 0)
                outcome.firstSkipped = line + 1;
            continue;
        }
        out.writeLine(*converted);
        ++outcome.converted;
    }
    if (const Status committed = out.commit(); !committed)
        return committed.error();
    return outcome;
}

} // namespace tb
