// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Splits a JSONL dataset into training and validation files: a seeded shuffle that gives
// the same split on every platform, optionally stratified by the example's label (the
// completion of a legacy example, the last assistant reply of a chat example).

#include "core/result.h"

#include <QString>

namespace tb {

class JsonlIndex;

class DatasetSplitter
{
public:
    struct Options
    {
        double validFraction = 0.1;
        quint32 seed = 42;
        bool stratify = false;
    };
    struct Outcome
    {
        qint64 train = 0;
        qint64 valid = 0;
    };

    // Neither output may exist yet. Both keep the input's line order.
    static Result<Outcome> run(
        const JsonlIndex& index, const QString& trainPath, const QString& validPath, const Options& options);
};

} // namespace tb
