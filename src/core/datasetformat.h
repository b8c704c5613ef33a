// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The shapes a fine-tuning JSONL line can have, and their command-line names.

#include <QString>
#include <optional>

namespace tb {

enum class DatasetFormat : unsigned char {
    Unknown, // not JSON, not an object, or none of the keys below
    Chat, // {"messages": [...], "tools"?, "functions"?, "parallel_tool_calls"?}
    Legacy, // {"prompt": "...", "completion": "..."} (babbage-002 / davinci-002)
    Dpo, // {"input": {"messages": [...]}, "preferred_output": [...], "non_preferred_output": [...]}
};

// "chat", "legacy", "dpo", "unknown".
QString datasetFormatName(DatasetFormat format);
// Accepts the names above plus "auto" (nullopt result means auto-detect); false when invalid.
bool parseDatasetFormat(QStringView name, std::optional<DatasetFormat>& format);

} // namespace tb
