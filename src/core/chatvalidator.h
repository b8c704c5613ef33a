// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Checks one parsed conversation (a chat example, or the input and outputs of a DPO
// example) against the cookbook's format rules and ours, and counts its tokens the way
// the cookbook's num_tokens_from_messages does. Used by ExampleValidator, one line at a time.

#include "core/datasetfinding.h"
#include "core/tokenrole.h"

#include <QString>
#include <string_view>
#include <vector>

namespace simdjson::dom {
class element;
class object;
} // namespace simdjson::dom

namespace tb {

class TiktokenEncoding;

class ChatValidator
{
public:
    struct Conversation
    {
        int messages = 0;
        qint64 tokens = 0; // num_tokens_from_messages, reply primer included
        qint64 assistantTokens = 0; // num_assistant_tokens_from_messages
        RoleTokens roleTokens {}; // `tokens` per message role; the reply primer belongs to none
        bool hasSystem = false;
        bool hasUser = false;
        bool hasAssistant = false;
        bool valid = true; // no error was found in it
    };

    ChatValidator(const TiktokenEncoding& encoding, qint64 line, std::vector<DatasetFinding>& findings);

    // A chat example: {"messages": [...], "tools"?, "functions"?, "parallel_tool_calls"?}.
    Conversation checkChatExample(const simdjson::dom::object& example);
    // A preference example: {"input": {"messages": [...]}, "preferred_output": [...], "non_preferred_output":
    // [...]}.
    Conversation checkDpoExample(const simdjson::dom::object& example);

    // Special-token strings and whitespace-only text in a string value at `path`.
    void checkText(std::string_view text, const QString& path);

    // One finding at `line`; ExampleValidator builds its line-level findings with it too.
    static DatasetFinding makeFinding(const char* rule, DatasetFinding::Severity severity, qint64 line,
        const QString& path, const QString& message, const QString& fix = {});

private:
    enum class Kind { Training, DpoInput, DpoOutput };

    Conversation checkMessages(const simdjson::dom::element& messages, const QString& path, Kind kind);
    bool checkMessage(const simdjson::dom::element& message, const QString& path, Kind kind,
        std::string_view& role, bool& calls);
    bool checkContent(const simdjson::dom::element& content, const QString& path, std::string_view role);
    void checkToolCalls(const simdjson::dom::element& calls, const QString& path);
    void checkTools(const simdjson::dom::object& holder, const QString& prefix);
    void checkRoleOrder(
        const std::vector<std::pair<std::string_view, bool>>& roles, const QString& path, Kind kind);
    qint64 countContent(const simdjson::dom::element& content) const;
    qint64 countMessage(const simdjson::dom::element& message) const;
    void add(const char* rule, DatasetFinding::Severity severity, const QString& path, const QString& message,
        const QString& fix = {});

    const TiktokenEncoding& m_encoding;
    qint64 m_line;
    std::vector<DatasetFinding>& m_findings;
    bool m_errors = false;
};

} // namespace tb
