// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Numbers that decide how a fine-tuning file is billed and truncated: the cookbook's
// epoch heuristic and the per-model limit of tokens per training example.

#include <QString>
#include <QtGlobal>
#include <optional>

namespace tb {

class FineTuneLimits
{
public:
    // Constants of OpenAI's cookbook "Data preparation and analysis for chat model fine-tuning".
    static constexpr int kMaxTokensPerExample = 16385;
    static constexpr int kTargetEpochs = 3;
    static constexpr int kMinTargetExamples = 100;
    static constexpr int kMaxTargetExamples = 25000;
    static constexpr int kMinDefaultEpochs = 1;
    static constexpr int kMaxDefaultEpochs = 25;

    // The cookbook's default n_epochs for a training file of `examples` examples
    // (0 for an empty file, where the cookbook would divide by zero).
    static int defaultEpochs(qint64 examples);

    // Training-example token limit OpenAI documented for a fine-tunable model (as of
    // 2025; a snapshot name, a base name or an "ft:" model); nullopt when unknown.
    static std::optional<int> maxTokensPerExample(QStringView model);
};

} // namespace tb
