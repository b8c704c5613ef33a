// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/examplevalidator.h"

#include "core/chatvalidator.h"
#include "core/tiktokenencoding.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringList>
#include <functional>
#include <simdjson.h>

namespace tb {

using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;
using Severity = DatasetFinding::Severity;

struct ExampleValidator::Parser
{
    simdjson::dom::parser parser;
    std::vector<char> buffer; // the line plus simdjson's padding, reused for every line

    simdjson::error_code parse(std::string_view line, element& root)
    {
        if (buffer.size() < line.size() + simdjson::SIMDJSON_PADDING)
            buffer.resize(line.size() + simdjson::SIMDJSON_PADDING + line.size() / 4);
        std::copy(line.begin(), line.end(), buffer.begin());
        return parser.parse(buffer.data(), line.size(), false).get(root);
    }
};

namespace {

QString text(std::string_view utf8)
{
    return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
}

bool isBlank(std::string_view line)
{
    for (char c : line) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v')
            return false;
    }
    return true;
}

// FNV-1a, fed piece by piece.
struct Hasher
{
    quint64 value = 1469598103934665603ULL;
    void byte(unsigned char b)
    {
        value ^= b;
        value *= 1099511628211ULL;
    }
    void bytes(std::string_view s)
    {
        for (char c : s)
            byte(static_cast<unsigned char>(c));
    }
};

// Whitespace runs become one space, leading and trailing whitespace goes.
void hashNormalizedText(Hasher& h, std::string_view s)
{
    bool pendingSpace = false;
    bool started = false;
    for (char c : s) {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
        if (space) {
            pendingSpace = started;
            continue;
        }
        if (pendingSpace)
            h.byte(' ');
        pendingSpace = false;
        started = true;
        h.byte(static_cast<unsigned char>(c));
    }
}

quint64 normalizedHash(const element& value)
{
    Hasher h;
    switch (value.type()) {
    case element_type::OBJECT: {
        // Key order does not make a different example: combine the members commutatively.
        quint64 sum = 0;
        for (auto field : simdjson::dom::object(value.get_object().value_unsafe())) {
            Hasher member;
            hashNormalizedText(member, field.key);
            member.byte(0);
            member.value ^= normalizedHash(field.value) * 0x9E3779B97F4A7C15ULL;
            sum += member.value * 0xBF58476D1CE4E5B9ULL;
        }
        h.byte('{');
        h.value ^= sum;
        h.byte('}');
        break;
    }
    case element_type::ARRAY:
        h.byte('[');
        for (element item : simdjson::dom::array(value.get_array().value_unsafe())) {
            const quint64 child = normalizedHash(item);
            for (int i = 0; i < 8; ++i)
                h.byte(static_cast<unsigned char>(child >> (8 * i)));
        }
        h.byte(']');
        break;
    case element_type::STRING:
        h.byte('"');
        hashNormalizedText(h, value.get_string().value_unsafe());
        break;
    default:
        h.byte('#');
        h.bytes(simdjson::minify(value));
        break;
    }
    return h.value;
}

bool equalsIgnoringAsciiCase(std::string_view a, std::string_view lowerB)
{
    if (a.size() != lowerB.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if (c != lowerB[i])
            return false;
    }
    return true;
}

DatasetFormat detectObject(const object& o)
{
    bool legacy = false;
    for (auto field : o) {
        const std::string_view k = field.key;
        if (k == "messages")
            return DatasetFormat::Chat;
        if (k == "input" || k == "preferred_output" || k == "non_preferred_output"
            || k == "preferred_completion" || k == "non_preferred_completion")
            return DatasetFormat::Dpo;
        if (equalsIgnoringAsciiCase(k, "prompt") || equalsIgnoringAsciiCase(k, "completion"))
            legacy = true;
    }
    return legacy ? DatasetFormat::Legacy : DatasetFormat::Unknown;
}

qint64 codePointsBefore(std::string_view line, qsizetype offset)
{
    qint64 count = 0;
    for (qsizetype i = 0; i < offset && i < qsizetype(line.size()); ++i) {
        if ((static_cast<unsigned char>(line[std::size_t(i)]) & 0xC0) != 0x80)
            ++count;
    }
    return count;
}

} // namespace

ExampleValidator::ExampleValidator(const TiktokenEncoding& encoding, int maxTokensPerExample)
    : m_encoding(encoding)
    , m_maxTokensPerExample(maxTokensPerExample)
    , m_parser(std::make_unique<Parser>())
{ }

ExampleValidator::~ExampleValidator() = default;

qint64 ExampleValidator::firstInvalidUtf8(std::string_view bytes)
{
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned char low = 0x80, high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                low = 0xA0;
            else if (c == 0xED)
                high = 0x9F; // no surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                low = 0x90;
            else if (c == 0xF4)
                high = 0x8F;
        } else {
            return qint64(i);
        }
        if (i + length > n)
            return qint64(i);
        if (s[i + 1] < low || s[i + 1] > high)
            return qint64(i);
        for (std::size_t k = 2; k < length; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return qint64(i);
        }
        i += length;
    }
    return -1;
}

DatasetFormat ExampleValidator::detect(std::string_view line)
{
    element root;
    object o;
    if (isBlank(line) || m_parser->parse(line, root) != simdjson::SUCCESS
        || root.get_object().get(o) != simdjson::SUCCESS)
        return DatasetFormat::Unknown;
    return detectObject(o);
}

bool ExampleValidator::hashLine(std::string_view line, quint64& exact, quint64& normalized)
{
    exact = std::hash<std::string_view> {}(line);
    normalized = 0;
    element root;
    if (isBlank(line) || m_parser->parse(line, root) != simdjson::SUCCESS || !root.is_object())
        return false;
    normalized = normalizedHash(root);
    return true;
}

void ExampleValidator::checkLegacy(const object& example, ExampleResult& result, qint64 line)
{
    // Per-line part of the legacy prepare_data checks; the file-wide ones (duplicates,
    // common prefixes and suffixes, classification...) are LegacyPrepare's.
    element prompt, completion;
    bool hasPrompt = false, hasCompletion = false;
    QStringList additional;
    for (auto field : example) {
        const QString key = text(field.key);
        const QString lower = key.toLower();
        if (lower == QLatin1String("prompt") && !hasPrompt) {
            hasPrompt = true;
            prompt = field.value;
        } else if (lower == QLatin1String("completion") && !hasCompletion) {
            hasCompletion = true;
            completion = field.value;
        } else {
            additional.append(key);
            continue;
        }
        if (key != lower)
            result.findings.push_back(ChatValidator::makeFinding("necessary_column", Severity::Warning, line,
                key, QStringLiteral("The `%1` column/key should be lowercase").arg(lower),
                QStringLiteral("Lower case column name to `%1`").arg(lower)));
    }
    for (const char* key : { "prompt", "completion" }) {
        if ((key[0] == 'p' && !hasPrompt) || (key[0] == 'c' && !hasCompletion))
            result.findings.push_back(ChatValidator::makeFinding("necessary_column", Severity::Error, line,
                QLatin1String(key), QStringLiteral("`%1` column/key is missing").arg(QLatin1String(key)),
                QStringLiteral("Name the keys \"prompt\" and \"completion\".")));
    }
    if (!additional.isEmpty())
        result.findings.push_back(
            ChatValidator::makeFinding("additional_column", Severity::Warning, line, additional.first(),
                QStringLiteral("additional keys are ignored: %1").arg(additional.join(QStringLiteral(", "))),
                QStringLiteral("Remove additional columns/keys")));
    std::string_view promptText, completionText;
    ChatValidator texts(m_encoding, line, result.findings);
    if (hasPrompt) {
        if (prompt.get_string().get(promptText) != simdjson::SUCCESS)
            result.findings.push_back(ChatValidator::makeFinding("legacy_not_string", Severity::Warning, line,
                QStringLiteral("prompt"),
                QStringLiteral("prompt is not a string; it is read as its text form")));
        else
            texts.checkText(promptText, QStringLiteral("prompt"));
    }
    if (hasCompletion) {
        if (completion.get_string().get(completionText) != simdjson::SUCCESS) {
            result.findings.push_back(ChatValidator::makeFinding("legacy_not_string", Severity::Warning, line,
                QStringLiteral("completion"),
                QStringLiteral("completion is not a string; it is read as its text form")));
        } else if (completionText.empty()) {
            result.findings.push_back(ChatValidator::makeFinding("empty_completion", Severity::Error, line,
                QStringLiteral("completion"),
                QStringLiteral("`completion` column/key should not contain empty strings"),
                QStringLiteral("Remove rows with empty completions")));
        } else {
            texts.checkText(completionText, QStringLiteral("completion"));
        }
    }
    result.counted = hasPrompt && hasCompletion;
    result.messages = 0;
    const qint64 promptTokens = qint64(m_encoding.countTokens(promptText));
    const qint64 completionTokens = qint64(m_encoding.countTokens(completionText));
    result.tokens = promptTokens + completionTokens;
    result.assistantTokens = completionTokens;
    roleTokensAt(result.roleTokens, TokenRole::Prompt) = promptTokens;
    roleTokensAt(result.roleTokens, TokenRole::Completion) = completionTokens;
}

ExampleResult ExampleValidator::validate(std::string_view line, const Context& context)
{
    ExampleResult result;
    const qint64 n = context.lineNumber;
    if (isBlank(line)) {
        result.empty = true;
        result.findings.push_back(ChatValidator::makeFinding("empty_line", Severity::Warning, n, QString(),
            QStringLiteral("blank line"), QStringLiteral("Remove the line.")));
        return result;
    }
    result.exactHash = std::hash<std::string_view> {}(line);

    element root;
    const simdjson::error_code error = m_parser->parse(line, root);
    if (error == simdjson::UTF8_ERROR) {
        const qint64 at = firstInvalidUtf8(line);
        DatasetFinding f = ChatValidator::makeFinding("invalid_utf8", Severity::Error, n, QString(),
            context.fileOffset >= 0
                ? QStringLiteral("invalid UTF-8 at byte offset %1")
                      .arg(context.fileOffset + qMax<qint64>(at, 0))
                : QStringLiteral("invalid UTF-8 at byte %1 of the line").arg(qMax<qint64>(at, 0)),
            QStringLiteral("Save the file as UTF-8."));
        f.column = at >= 0 ? codePointsBefore(line, qsizetype(at)) + 1 : 0;
        result.findings.push_back(std::move(f));
        return result;
    }
    if (error != simdjson::SUCCESS) {
        QJsonParseError parseError;
        QJsonDocument::fromJson(QByteArray::fromRawData(line.data(), qsizetype(line.size())), &parseError);
        QString message = parseError.error != QJsonParseError::NoError
            ? parseError.errorString()
            : QString::fromLatin1(simdjson::error_message(error));
        const qint64 column = parseError.error != QJsonParseError::NoError
            ? codePointsBefore(line, parseError.offset) + 1
            : 0;
        DatasetFinding f = ChatValidator::makeFinding("json_syntax", Severity::Error, n, QString(),
            column > 0 ? QStringLiteral("invalid JSON at column %1: %2").arg(column).arg(message)
                       : QStringLiteral("invalid JSON: %1").arg(message),
            QStringLiteral("Each line must be one complete JSON object."));
        f.column = column;
        result.findings.push_back(std::move(f));
        return result;
    }
    result.parsed = true;
    object example;
    if (root.get_object().get(example) != simdjson::SUCCESS) {
        result.findings.push_back(ChatValidator::makeFinding("data_type", Severity::Error, n, QString(),
            QStringLiteral("each line must be a JSON object, not %1")
                .arg(root.is_array() ? QStringLiteral("an array") : QStringLiteral("a scalar"))));
        return result;
    }
    result.normalizedHash = normalizedHash(root);

    const DatasetFormat detected = detectObject(example);
    DatasetFormat format = context.fileFormat;
    if (!context.formatForced && detected != DatasetFormat::Unknown && detected != context.fileFormat) {
        if (context.fileFormat != DatasetFormat::Unknown)
            result.findings.push_back(
                ChatValidator::makeFinding("mixed_formats", Severity::Error, n, QString(),
                    QStringLiteral("this line is a %1 example in a %2 file")
                        .arg(datasetFormatName(detected), datasetFormatName(context.fileFormat)),
                    QStringLiteral("Keep one format per file.")));
        format = detected;
    }
    result.format = format;

    ChatValidator chat(m_encoding, n, result.findings);
    switch (format) {
    case DatasetFormat::Chat:
    case DatasetFormat::Dpo: {
        const ChatValidator::Conversation c
            = format == DatasetFormat::Chat ? chat.checkChatExample(example) : chat.checkDpoExample(example);
        result.counted = c.messages > 0;
        result.messages = c.messages;
        result.tokens = c.tokens;
        result.assistantTokens = c.assistantTokens;
        result.roleTokens = c.roleTokens;
        result.missingSystem = format == DatasetFormat::Chat && c.messages > 0 && !c.hasSystem;
        result.missingUser = c.messages > 0 && !c.hasUser;
        break;
    }
    case DatasetFormat::Legacy:
        checkLegacy(example, result, n);
        break;
    case DatasetFormat::Unknown:
        result.findings.push_back(ChatValidator::makeFinding("unknown_format", Severity::Error, n, QString(),
            QStringLiteral("the line is neither a chat (messages), legacy (prompt/completion) nor DPO "
                           "(input, preferred_output) example")));
        break;
    }
    if (result.counted && result.tokens > m_maxTokensPerExample)
        result.findings.push_back(
            ChatValidator::makeFinding("example_too_long", Severity::Warning, n, QString(),
                QStringLiteral(
                    "%1 tokens, over the %2-token limit: the example will be truncated during fine-tuning")
                    .arg(result.tokens)
                    .arg(m_maxTokensPerExample),
                QStringLiteral("Shorten or split the example.")));
    result.valid = std::none_of(result.findings.begin(), result.findings.end(),
        [](const DatasetFinding& f) { return f.severity == Severity::Error; });
    return result;
}

} // namespace tb
