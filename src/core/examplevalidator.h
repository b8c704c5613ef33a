// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Validates one JSONL line of a fine-tuning file: JSON syntax and UTF-8, the shape of its
// format (chat, legacy prompt/completion, DPO), and its token counts. Owns a JSON parser,
// so use one ExampleValidator per thread.

#include "core/datasetfinding.h"
#include "core/datasetformat.h"
#include "core/tokenrole.h"

#include <QtGlobal>
#include <memory>
#include <string_view>
#include <vector>

namespace simdjson::dom {
class object;
} // namespace simdjson::dom

namespace tb {

class TiktokenEncoding;

struct ExampleResult
{
    DatasetFormat format = DatasetFormat::Unknown; // what the line was validated as
    bool empty = false; // blank line (only whitespace)
    bool parsed = false; // valid UTF-8 and JSON
    bool valid = false; // no error findings
    bool counted = false; // an example of its format: the counts below mean something
    bool missingSystem = false; // chat example without a system message (cookbook warning)
    bool missingUser = false; // ... without a user message
    int messages = 0;
    qint64 tokens = 0; // the cookbook's num_tokens_from_messages (prompt + completion for legacy)
    qint64 assistantTokens = 0; // tokens trained on: assistant contents, or the completion
    RoleTokens roleTokens {}; // `tokens` per message role (prompt and completion for legacy)
    quint64 exactHash = 0; // of the line's bytes
    quint64 normalizedHash = 0; // of its JSON values with whitespace collapsed and key order ignored
    std::vector<DatasetFinding> findings;
};

class ExampleValidator
{
public:
    struct Context
    {
        qint64 lineNumber = 0; // 1-based
        qint64 fileOffset = -1; // of the line's first byte, for UTF-8 error offsets; -1 = unknown
        // The file's format. When not forced, a line that clearly has another format is
        // reported (mixed_formats) and validated as what it is.
        DatasetFormat fileFormat = DatasetFormat::Unknown;
        bool formatForced = false;
    };

    ExampleValidator(const TiktokenEncoding& encoding, int maxTokensPerExample);
    ~ExampleValidator();
    ExampleValidator(const ExampleValidator&) = delete;
    ExampleValidator& operator=(const ExampleValidator&) = delete;

    ExampleResult validate(std::string_view line, const Context& context);

    // The format a line looks like (Unknown for blank lines, bad JSON or unknown keys).
    DatasetFormat detect(std::string_view line);

    // The duplicate-detection hashes of a line without validating it; false when the line
    // is blank or not a JSON object (then only `exact` is set).
    bool hashLine(std::string_view line, quint64& exact, quint64& normalized);

    // Offset of the first byte of the first invalid UTF-8 sequence, or -1.
    static qint64 firstInvalidUtf8(std::string_view bytes);

private:
    struct Parser;

    void checkLegacy(const simdjson::dom::object& example, ExampleResult& result, qint64 line);

    const TiktokenEncoding& m_encoding;
    int m_maxTokensPerExample;
    std::unique_ptr<Parser> m_parser;
};

} // namespace tb
