// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Writes a copy of a JSONL dataset without repeated examples (and without blank lines):
// exact repeats of a line, or also repeats that differ only in whitespace and key order.

#include "core/datasetoutput.h"
#include "core/result.h"

#include <QString>

namespace tb {

class JsonlIndex;

class DatasetDeduplicator
{
public:
    enum class Mode { Exact, Normalized };
    using Outcome = DatasetOutput::Kept; // removed: duplicates left out

    // `outputPath` must not exist yet: the input is never overwritten.
    static Result<Outcome> run(const JsonlIndex& index, const QString& outputPath, Mode mode);
};

} // namespace tb
