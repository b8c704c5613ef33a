// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Rewrites a JSONL dataset into another format: legacy prompt/completion to chat (with
// an optional system prompt), and chat or legacy to the ShareGPT and Alpaca JSONL that
// local trainers (LLaMA-Factory, Axolotl...) take.

#include "core/result.h"

#include <QByteArray>
#include <QString>
#include <optional>
#include <string_view>

namespace simdjson::dom {
class parser;
} // namespace simdjson::dom

namespace tb {

class JsonlIndex;

class DatasetConverter
{
public:
    enum class Target { Chat, ShareGpt, Alpaca };
    struct Options
    {
        Target target = Target::Chat;
        QString systemPrompt; // added as the first (system) turn when not empty
    };
    struct Outcome
    {
        qint64 converted = 0;
        qint64 skipped = 0; // lines that are not chat or legacy examples
        qint64 firstSkipped = 0; // 1-based line of the first of them; 0 = none
    };

    static std::optional<Target> targetFromName(QStringView name);

    // `outputPath` must not exist yet.
    static Result<Outcome> run(const JsonlIndex& index, const QString& outputPath, const Options& options);
    // One line, without its newline; nullopt when the line is not a chat or legacy example.
    static std::optional<QByteArray> convertLine(
        simdjson::dom::parser& parser, std::string_view line, const Options& options);
};

} // namespace tb
