// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/chatvalidator.h"

#include "core/chattokencounter.h"
#include "core/tiktokenencoding.h"

#include <QStringList>
#include <algorithm>
#include <array>
#include <simdjson.h>

namespace tb {

using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;
using Severity = DatasetFinding::Severity;

namespace {

QString text(std::string_view utf8)
{
    return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
}

QString joinPath(const QString& path, std::string_view key)
{
    return path.isEmpty() ? text(key) : path + QLatin1Char('.') + text(key);
}

QString indexPath(const QString& path, qsizetype index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

bool findKey(const object& holder, std::string_view key, element& value)
{
    return holder.at_key(key).get(value) == simdjson::SUCCESS;
}

std::string_view stringOr(const element& value, std::string_view fallback = {})
{
    std::string_view s;
    return value.get_string().get(s) == simdjson::SUCCESS ? s : fallback;
}

// Python truthiness, which the cookbook's `not messages` / `not content` rely on.
bool truthy(const element& value)
{
    switch (value.type()) {
    case element_type::NULL_VALUE:
        return false;
    case element_type::BOOL:
        return value.get_bool().value_unsafe();
    case element_type::STRING:
        return !value.get_string().value_unsafe().empty();
    case element_type::ARRAY:
        return value.get_array().value_unsafe().size() > 0;
    case element_type::OBJECT:
        return value.get_object().value_unsafe().size() > 0;
    case element_type::INT64:
        return value.get_int64().value_unsafe() != 0;
    case element_type::UINT64:
        return value.get_uint64().value_unsafe() != 0;
    case element_type::DOUBLE:
        return value.get_double().value_unsafe() != 0.0;
    }
    return false;
}

bool isWhitespaceOnly(std::string_view s)
{
    if (s.empty())
        return false;
    // Almost every text starts with a visible ASCII character: decide without decoding.
    for (char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if (b >= 0x80)
            break;
        if (b != ' ' && (b < 0x09 || b > 0x0D) && (b < 0x1C || b > 0x1F))
            return false;
    }
    const QString t = text(s);
    return std::all_of(t.begin(), t.end(), [](QChar c) { return c.isSpace(); });
}

constexpr std::array<std::string_view, 7> kMessageKeys { "role", "content", "name", "function_call", "weight",
    "tool_calls", "tool_call_id" };
constexpr std::array<std::string_view, 5> kRoles { "system", "user", "assistant", "function", "tool" };

template <std::size_t N> bool oneOf(std::string_view value, const std::array<std::string_view, N>& set)
{
    return std::find(set.begin(), set.end(), value) != set.end();
}

} // namespace

ChatValidator::ChatValidator(
    const TiktokenEncoding& encoding, qint64 line, std::vector<DatasetFinding>& findings)
    : m_encoding(encoding)
    , m_line(line)
    , m_findings(findings)
{ }

DatasetFinding ChatValidator::makeFinding(const char* rule, Severity severity, qint64 line,
    const QString& path, const QString& message, const QString& fix)
{
    DatasetFinding finding;
    finding.rule = QLatin1String(rule);
    finding.severity = severity;
    finding.line = line;
    finding.path = path;
    finding.message = message;
    finding.fix = fix;
    return finding;
}

void ChatValidator::add(
    const char* rule, Severity severity, const QString& path, const QString& message, const QString& fix)
{
    m_findings.push_back(makeFinding(rule, severity, m_line, path, message, fix));
    if (severity == Severity::Error)
        m_errors = true;
}

void ChatValidator::checkText(std::string_view utf8, const QString& path)
{
    if (utf8.find("<|") != std::string_view::npos && m_encoding.containsSpecialToken(utf8)) {
        for (const auto& [token, id] : m_encoding.specialTokens()) {
            Q_UNUSED(id)
            if (utf8.find(token) != std::string_view::npos) {
                add("special_token", Severity::Warning, path,
                    QStringLiteral("contains the special-token text %1, which is trained on as ordinary text")
                        .arg(text(token)),
                    QStringLiteral("Remove or rewrite %1.").arg(text(token)));
                break;
            }
        }
    }
    if (isWhitespaceOnly(utf8))
        add("empty_content", Severity::Warning, path, QStringLiteral("content is only whitespace"),
            QStringLiteral("Write the message text, or remove the message."));
}

qint64 ChatValidator::countContent(const element& content) const
{
    std::string_view s;
    if (content.get_string().get(s) == simdjson::SUCCESS)
        return qint64(m_encoding.countTokens(s));
    qint64 total = 0;
    simdjson::dom::array parts;
    if (content.get_array().get(parts) == simdjson::SUCCESS) {
        for (element part : parts) {
            object o;
            element t;
            if (part.get_object().get(o) == simdjson::SUCCESS && findKey(o, "text", t)
                && t.get_string().get(s) == simdjson::SUCCESS)
                total += qint64(m_encoding.countTokens(s));
        }
    }
    return total;
}

qint64 ChatValidator::countMessage(const element& message) const
{
    // Same arithmetic as ChatTokenCounter::countMessages, without building Qt JSON values.
    qint64 total = ChatTokenCounter::kTokensPerMessage;
    object o;
    if (message.get_object().get(o) != simdjson::SUCCESS)
        return total;
    for (auto field : o) {
        if (field.key == "content")
            total += countContent(field.value);
        else if (std::string_view s; field.value.get_string().get(s) == simdjson::SUCCESS)
            total += qint64(m_encoding.countTokens(s));
        if (field.key == "name")
            total += ChatTokenCounter::kTokensPerName;
    }
    return total;
}

void ChatValidator::checkTools(const object& holder, const QString& prefix)
{
    element value;
    if (findKey(holder, "tools", value)) {
        simdjson::dom::array tools;
        if (value.get_array().get(tools) != simdjson::SUCCESS) {
            add("invalid_tools", Severity::Error, prefix + QStringLiteral("tools"),
                QStringLiteral("tools must be a list"));
        } else {
            qsizetype i = 0;
            for (element tool : tools) {
                const QString path = indexPath(prefix + QStringLiteral("tools"), i++);
                object t, function;
                element type, fn, name;
                if (tool.get_object().get(t) != simdjson::SUCCESS || !findKey(t, "type", type)
                    || stringOr(type) != "function" || !findKey(t, "function", fn)
                    || fn.get_object().get(function) != simdjson::SUCCESS || !findKey(function, "name", name)
                    || !name.is_string()) {
                    add("invalid_tools", Severity::Error, path,
                        QStringLiteral("a tool must be {\"type\": \"function\", \"function\": {\"name\": "
                                       "..., \"parameters\": ...}}"));
                }
            }
        }
    }
    if (findKey(holder, "functions", value)) {
        simdjson::dom::array functions;
        if (value.get_array().get(functions) != simdjson::SUCCESS) {
            add("invalid_tools", Severity::Error, prefix + QStringLiteral("functions"),
                QStringLiteral("functions must be a list"));
        } else {
            qsizetype i = 0;
            for (element fn : functions) {
                object f;
                element name;
                const QString path = indexPath(prefix + QStringLiteral("functions"), i++);
                if (fn.get_object().get(f) != simdjson::SUCCESS || !findKey(f, "name", name)
                    || !name.is_string())
                    add("invalid_tools", Severity::Error, path,
                        QStringLiteral("a function needs a string \"name\""));
            }
        }
        if (findKey(holder, "tools", value))
            add("invalid_tools", Severity::Warning, prefix + QStringLiteral("functions"),
                QStringLiteral("the example has both tools and the deprecated functions"),
                QStringLiteral("Describe the functions as tools only."));
    }
    if (findKey(holder, "parallel_tool_calls", value) && !value.is_bool())
        add("invalid_tools", Severity::Error, prefix + QStringLiteral("parallel_tool_calls"),
            QStringLiteral("parallel_tool_calls must be true or false"));
}

void ChatValidator::checkToolCalls(const element& calls, const QString& path)
{
    simdjson::dom::array list;
    if (calls.get_array().get(list) != simdjson::SUCCESS) {
        add("invalid_tool_call", Severity::Error, path, QStringLiteral("tool_calls must be a list"));
        return;
    }
    qsizetype i = 0;
    for (element call : list) {
        const QString callPath = indexPath(path, i++);
        object c, function;
        element id, type, fn, name, arguments;
        if (call.get_object().get(c) != simdjson::SUCCESS || !findKey(c, "id", id) || !id.is_string()
            || !findKey(c, "type", type) || stringOr(type) != "function" || !findKey(c, "function", fn)
            || fn.get_object().get(function) != simdjson::SUCCESS || !findKey(function, "name", name)
            || !name.is_string() || !findKey(function, "arguments", arguments) || !arguments.is_string()) {
            add("invalid_tool_call", Severity::Error, callPath,
                QStringLiteral("a tool call must be {\"id\", \"type\": \"function\", \"function\": "
                               "{\"name\", \"arguments\": \"<JSON text>\"}}"));
        }
    }
}

bool ChatValidator::checkContent(const element& content, const QString& path, std::string_view role)
{
    if (content.is_string()) {
        checkText(content.get_string().value_unsafe(), path);
        return true;
    }
    simdjson::dom::array parts;
    if (content.get_array().get(parts) != simdjson::SUCCESS)
        return false;
    // Content parts: text for any role, image_url for user messages (vision fine-tuning).
    qsizetype i = 0;
    for (element part : parts) {
        const QString partPath = indexPath(path, i++);
        object p;
        element type, value;
        if (part.get_object().get(p) != simdjson::SUCCESS || !findKey(p, "type", type)) {
            add("invalid_content_part", Severity::Error, partPath,
                QStringLiteral("a content part must be an object with a \"type\""));
            continue;
        }
        const std::string_view kind = stringOr(type);
        if (kind == "text" && findKey(p, "text", value) && value.is_string()) {
            checkText(value.get_string().value_unsafe(), partPath + QStringLiteral(".text"));
        } else if (kind == "image_url" && role == "user" && findKey(p, "image_url", value)) {
            object image;
            element url;
            if (value.get_object().get(image) != simdjson::SUCCESS || !findKey(image, "url", url)
                || !url.is_string())
                add("invalid_content_part", Severity::Error, partPath + QStringLiteral(".image_url"),
                    QStringLiteral("image_url needs a string \"url\""));
        } else {
            add("invalid_content_part", Severity::Error, partPath,
                kind == "image_url"
                    ? QStringLiteral("images are only allowed in user messages")
                    : QStringLiteral(
                        "a content part must be {\"type\": \"text\", \"text\": ...} or an image_url"));
        }
    }
    return true;
}

bool ChatValidator::checkMessage(
    const element& message, const QString& path, Kind kind, std::string_view& role, bool& calls)
{
    const bool errorsBefore = m_errors;
    m_errors = false;
    object m = message.get_object().value_unsafe();
    element roleValue, content, functionCall, toolCalls, weight, name, toolCallId;
    const bool hasRole = findKey(m, "role", roleValue);
    const bool hasContent = findKey(m, "content", content);
    const bool hasFunctionCall = findKey(m, "function_call", functionCall);
    const bool hasToolCalls = findKey(m, "tool_calls", toolCalls);
    calls = (hasFunctionCall && truthy(functionCall)) || (hasToolCalls && truthy(toolCalls));
    role = hasRole ? stringOr(roleValue) : std::string_view {};

    // The cookbook's rules, in its order; an assistant turn that only calls a tool or
    // function may leave out content (the current API accepts it; the cookbook predates it).
    const bool callOnly = calls && role == "assistant";
    if (!hasRole || (!hasContent && !callOnly)) {
        add("message_missing_key", Severity::Error,
            path + (hasRole ? QStringLiteral(".content") : QStringLiteral(".role")),
            hasRole ? QStringLiteral("message has no \"content\"")
                    : QStringLiteral("message has no \"role\""),
            QStringLiteral("Every message needs \"role\" and \"content\"."));
    }
    QStringList unknown;
    for (auto field : m) {
        if (!oneOf(field.key, kMessageKeys))
            unknown.append(text(field.key));
    }
    if (!unknown.isEmpty()) {
        add("message_unrecognized_key", Severity::Error, path + QLatin1Char('.') + unknown.first(),
            QStringLiteral("message has unrecognized key(s): %1").arg(unknown.join(QStringLiteral(", "))),
            QStringLiteral("Remove the key(s); messages may have role, content, name, weight, function_call, "
                           "tool_calls, tool_call_id."));
    }
    if (!roleValue.is_string() || !oneOf(role, kRoles) || !hasRole) {
        add("unrecognized_role", Severity::Error, path + QStringLiteral(".role"),
            hasRole ? QStringLiteral("role %1 is not one of system, user, assistant, function, tool")
                          .arg(roleValue.is_string() ? QLatin1Char('"') + text(role) + QLatin1Char('"')
                                                     : QStringLiteral("(not a string)"))
                    : QStringLiteral("message has no role"));
    }
    const QString contentPath = path + QStringLiteral(".content");
    if (!hasContent || content.is_null()) {
        if (!callOnly)
            add("missing_content", Severity::Error, contentPath, QStringLiteral("message has no content"),
                QStringLiteral("Give the message a non-empty string content."));
    } else if (!truthy(content) && !callOnly) {
        add("missing_content", Severity::Error, contentPath, QStringLiteral("content is empty"),
            QStringLiteral("Give the message a non-empty string content."));
    } else if (!checkContent(content, contentPath, role)) {
        add("missing_content", Severity::Error, contentPath, QStringLiteral("content must be a string"),
            QStringLiteral("Give the message a non-empty string content."));
    }

    if (findKey(m, "weight", weight)) {
        double w = -1;
        if (weight.is_int64())
            w = double(weight.get_int64().value_unsafe());
        else if (weight.is_uint64())
            w = double(weight.get_uint64().value_unsafe());
        else if (weight.is_double())
            w = weight.get_double().value_unsafe();
        if (w != 0 && w != 1)
            add("invalid_weight", Severity::Error, path + QStringLiteral(".weight"),
                QStringLiteral("weight must be 0 or 1"));
        else if (role != "assistant")
            add("invalid_weight", Severity::Error, path + QStringLiteral(".weight"),
                QStringLiteral("weight is only allowed on assistant messages"),
                QStringLiteral("Remove the weight."));
    }
    if (findKey(m, "name", name) && !name.is_string())
        add("invalid_name", Severity::Error, path + QStringLiteral(".name"),
            QStringLiteral("name must be a string"));
    if (hasToolCalls) {
        if (role != "assistant")
            add("invalid_tool_call", Severity::Error, path + QStringLiteral(".tool_calls"),
                QStringLiteral("only assistant messages can have tool_calls"));
        else
            checkToolCalls(toolCalls, path + QStringLiteral(".tool_calls"));
    }
    if (hasFunctionCall) {
        object f;
        element fname, arguments;
        if (role != "assistant" || functionCall.get_object().get(f) != simdjson::SUCCESS
            || !findKey(f, "name", fname) || !fname.is_string() || !findKey(f, "arguments", arguments)
            || !arguments.is_string())
            add("invalid_tool_call", Severity::Error, path + QStringLiteral(".function_call"),
                QStringLiteral("function_call must be {\"name\", \"arguments\": \"<JSON text>\"} on an "
                               "assistant message"));
    }
    if (role == "tool" && (!findKey(m, "tool_call_id", toolCallId) || !toolCallId.is_string()))
        add("invalid_tool_call", Severity::Warning, path,
            QStringLiteral("tool message without a tool_call_id"),
            QStringLiteral("Set tool_call_id to the id of the call it answers."));
    if (kind == Kind::DpoOutput && role != "assistant")
        add("dpo_output_shape", Severity::Error, path + QStringLiteral(".role"),
            QStringLiteral("a preference output must be an assistant message"));

    const bool ok = !m_errors;
    m_errors = errorsBefore || m_errors;
    return ok;
}

void ChatValidator::checkRoleOrder(
    const std::vector<std::pair<std::string_view, bool>>& roles, const QString& path, Kind kind)
{
    bool seenOther = false;
    std::string_view previous;
    bool previousCalls = false;
    std::string_view lastSpeaker; // last role that is not tool/function
    bool lastSpeakerCalls = false;
    for (std::size_t i = 0; i < roles.size(); ++i) {
        const auto& [role, calls] = roles[i];
        const QString at = indexPath(path, qsizetype(i)) + QStringLiteral(".role");
        if (role == "system" && seenOther)
            add("role_order", Severity::Warning, at,
                QStringLiteral("system message after the conversation started"),
                QStringLiteral("Put system messages first."));
        if (role != "system")
            seenOther = true;
        if ((role == "user" || role == "assistant") && role == previous
            && !(role == "assistant" && previousCalls))
            add("role_order", Severity::Warning, at,
                QStringLiteral("two %1 messages in a row").arg(text(role)),
                QStringLiteral("Merge them, or put the other side's turn between them."));
        if ((role == "tool" || role == "function") && !(lastSpeaker == "assistant" && lastSpeakerCalls))
            add("role_order", Severity::Warning, at,
                QStringLiteral("%1 message does not follow an assistant message that calls it")
                    .arg(text(role)));
        if (role != "tool" && role != "function") {
            lastSpeaker = role;
            lastSpeakerCalls = calls;
        }
        previous = role;
        previousCalls = calls;
    }
    if (roles.empty())
        return;
    const QString last = indexPath(path, qsizetype(roles.size() - 1)) + QStringLiteral(".role");
    if (kind == Kind::Training && roles.back().first != "assistant" && !roles.back().first.empty())
        add("role_order", Severity::Warning, last,
            QStringLiteral(
                "the example ends with a %1 message; nothing after the last assistant message is trained on")
                .arg(text(roles.back().first)),
            QStringLiteral("End the example with the assistant reply."));
    if (kind == Kind::DpoInput && roles.back().first != "user" && !roles.back().first.empty())
        add("role_order", Severity::Warning, last,
            QStringLiteral("a preference input should end with a user message, not %1")
                .arg(text(roles.back().first)));
}

ChatValidator::Conversation ChatValidator::checkMessages(
    const element& messages, const QString& path, Kind kind)
{
    Conversation conversation;
    simdjson::dom::array list;
    if (!truthy(messages)) {
        add("missing_messages_list", Severity::Error, path,
            QStringLiteral("the messages list is missing or empty"),
            QStringLiteral("Add a \"messages\" list with the conversation."));
        conversation.valid = false;
        return conversation;
    }
    if (messages.get_array().get(list) != simdjson::SUCCESS) {
        add("missing_messages_list", Severity::Error, path,
            QStringLiteral("messages must be a list of message objects"));
        conversation.valid = false;
        return conversation;
    }
    const bool errorsBefore = m_errors;
    m_errors = false;
    std::vector<std::pair<std::string_view, bool>> roles;
    qsizetype i = 0;
    for (element message : list) {
        const QString at = indexPath(path, i++);
        ++conversation.messages;
        const qint64 messageTokens = countMessage(message);
        conversation.tokens += messageTokens;
        if (!message.is_object()) {
            add("data_type", Severity::Error, at, QStringLiteral("a message must be a JSON object"));
            roles.emplace_back(std::string_view {}, false);
            roleTokensAt(conversation.roleTokens, TokenRole::Other) += messageTokens;
            continue;
        }
        std::string_view role;
        bool calls = false;
        checkMessage(message, at, kind, role, calls);
        roleTokensAt(conversation.roleTokens, tokenRoleOf(role)) += messageTokens;
        roles.emplace_back(role, calls);
        if (role == "system")
            conversation.hasSystem = true;
        else if (role == "user")
            conversation.hasUser = true;
        else if (role == "assistant") {
            conversation.hasAssistant = true;
            element content;
            if (findKey(message.get_object().value_unsafe(), "content", content))
                conversation.assistantTokens += countContent(content);
        }
    }
    if (kind == Kind::Training && !conversation.hasAssistant)
        add("example_missing_assistant_message", Severity::Error, path,
            QStringLiteral("the example has no assistant message"),
            QStringLiteral("Add the assistant reply the model should learn."));
    if (kind != Kind::DpoOutput)
        checkRoleOrder(roles, path, kind);
    conversation.valid = !m_errors;
    m_errors = errorsBefore || m_errors;
    return conversation;
}

ChatValidator::Conversation ChatValidator::checkChatExample(const object& example)
{
    for (auto field : example) {
        if (field.key != "messages" && field.key != "tools" && field.key != "functions"
            && field.key != "parallel_tool_calls")
            add("unrecognized_key", Severity::Warning, text(field.key),
                QStringLiteral("a chat example has messages, tools, functions and parallel_tool_calls; "
                               "\"%1\" is not used")
                    .arg(text(field.key)),
                QStringLiteral("Remove the key."));
    }
    element messages;
    if (!findKey(example, "messages", messages)) {
        add("missing_messages_list", Severity::Error, QStringLiteral("messages"),
            QStringLiteral("the example has no \"messages\" list"),
            QStringLiteral("Add a \"messages\" list with the conversation."));
        Conversation none;
        none.valid = false;
        return none;
    }
    checkTools(example, QString());
    Conversation conversation = checkMessages(messages, QStringLiteral("messages"), Kind::Training);
    if (conversation.messages > 0) {
        conversation.tokens += ChatTokenCounter::kReplyPrimer;
        // The cookbook's two data warnings, per example.
        if (!conversation.hasSystem)
            add("missing_system_message", Severity::Warning, QStringLiteral("messages"),
                QStringLiteral("the example has no system message"));
        if (!conversation.hasUser)
            add("missing_user_message", Severity::Warning, QStringLiteral("messages"),
                QStringLiteral("the example has no user message"));
    }
    return conversation;
}

ChatValidator::Conversation ChatValidator::checkDpoExample(const object& example)
{
    Conversation conversation;
    const bool errorsBefore = m_errors;
    m_errors = false;
    for (auto field : example) {
        if (field.key == "preferred_completion" || field.key == "non_preferred_completion")
            add("dpo_legacy_keys", Severity::Warning, text(field.key),
                QStringLiteral("\"%1\" is the old name; current APIs expect \"%2\"")
                    .arg(text(field.key),
                        text(field.key).replace(QLatin1String("completion"), QLatin1String("output"))),
                QStringLiteral("Rename the key."));
        else if (field.key != "input" && field.key != "preferred_output"
            && field.key != "non_preferred_output")
            add("unrecognized_key", Severity::Warning, text(field.key),
                QStringLiteral("a preference example has input, preferred_output and non_preferred_output; "
                               "\"%1\" is not used")
                    .arg(text(field.key)),
                QStringLiteral("Remove the key."));
    }
    element input;
    object inputObject;
    if (!findKey(example, "input", input) || input.get_object().get(inputObject) != simdjson::SUCCESS) {
        add("dpo_missing_input", Severity::Error, QStringLiteral("input"),
            QStringLiteral("a preference example needs an \"input\" object with \"messages\""));
    } else {
        for (auto field : inputObject) {
            if (field.key != "messages" && field.key != "tools" && field.key != "functions"
                && field.key != "parallel_tool_calls")
                add("unrecognized_key", Severity::Warning, joinPath(QStringLiteral("input"), field.key),
                    QStringLiteral("\"%1\" is not used in a preference input").arg(text(field.key)),
                    QStringLiteral("Remove the key."));
        }
        element messages;
        if (!findKey(inputObject, "messages", messages)) {
            add("missing_messages_list", Severity::Error, QStringLiteral("input.messages"),
                QStringLiteral("the input has no \"messages\" list"));
        } else {
            checkTools(inputObject, QStringLiteral("input."));
            conversation = checkMessages(messages, QStringLiteral("input.messages"), Kind::DpoInput);
            if (conversation.messages > 0 && !conversation.hasUser)
                add("missing_user_message", Severity::Warning, QStringLiteral("input.messages"),
                    QStringLiteral("the input has no user message"));
        }
    }
    std::string outputs[2];
    const std::array<std::pair<const char*, const char*>, 2> keys {
        { { "preferred_output", "preferred_completion" },
            { "non_preferred_output", "non_preferred_completion" } }
    };
    for (int k = 0; k < 2; ++k) {
        element output;
        const char* key = keys[std::size_t(k)].first;
        if (!findKey(example, key, output) && !findKey(example, keys[std::size_t(k)].second, output)) {
            add("dpo_missing_output", Severity::Error, QLatin1String(key),
                QStringLiteral("a preference example needs \"%1\"").arg(QLatin1String(key)));
            continue;
        }
        simdjson::dom::array list;
        if (output.get_array().get(list) != simdjson::SUCCESS || list.size() != 1) {
            add("dpo_output_shape", Severity::Error, QLatin1String(key),
                QStringLiteral("%1 must be a list with exactly one assistant message")
                    .arg(QLatin1String(key)));
            continue;
        }
        const element message = list.at(0).value_unsafe();
        const QString at = QLatin1String(key) + QStringLiteral("[0]");
        if (!message.is_object()) {
            add("data_type", Severity::Error, at, QStringLiteral("a message must be a JSON object"));
            continue;
        }
        std::string_view role;
        bool calls = false;
        checkMessage(message, at, Kind::DpoOutput, role, calls);
        outputs[k] = simdjson::minify(message);
        if (k == 0) {
            const qint64 messageTokens = countMessage(message);
            conversation.tokens += messageTokens;
            roleTokensAt(conversation.roleTokens, TokenRole::Assistant) += messageTokens;
            element content;
            if (findKey(message.get_object().value_unsafe(), "content", content))
                conversation.assistantTokens += countContent(content);
            conversation.hasAssistant = true;
        }
    }
    if (!outputs[0].empty() && outputs[0] == outputs[1])
        add("dpo_identical_outputs", Severity::Warning, QStringLiteral("non_preferred_output"),
            QStringLiteral(
                "the preferred and non-preferred outputs are identical; the pair teaches nothing"));
    if (conversation.messages > 0)
        conversation.tokens += ChatTokenCounter::kReplyPrimer;
    conversation.valid = !m_errors;
    m_errors = errorsBefore || m_errors;
    return conversation;
}

} // namespace tb
