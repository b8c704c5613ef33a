// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Writes a copy of a JSONL dataset without the examples over a token limit (and without
// blank lines), from the per-line counts the validator hands back. Lines that are not
// examples of their format have no count and are kept: they are the validator's findings,
// not long examples.

#include "core/datasetoutput.h"
#include "core/result.h"

#include <QString>
#include <vector>

namespace tb {

class JsonlIndex;

class LongExampleFilter
{
public:
    using Outcome = DatasetOutput::Kept; // removed: examples over the limit

    // `lineTokens` has one count per line of `index` (DatasetReport::lineTokens);
    // `outputPath` must not exist yet: the input is never overwritten.
    static Result<Outcome> run(const JsonlIndex& index, const std::vector<quint32>& lineTokens, qint64 limit,
        const QString& outputPath);
};

} // namespace tb
