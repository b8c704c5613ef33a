// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Concatenates JSONL files into a new one, line by line from the mapped inputs: LF line
// ends, no BOM, no blank lines, optionally without lines already seen in any input.

#include "core/result.h"

#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

namespace tb {

class DatasetMerger
{
public:
    struct Options
    {
        bool dropDuplicates = false; // exact repeats of a line, within a file or across files
        bool replaceExisting = false; // the caller asked the user; never one of the inputs
    };

    struct FileCount
    {
        QString path;
        qint64 lines = 0; // non-blank lines read
        qint64 written = 0;
        qint64 duplicates = 0; // lines left out as repeats
    };

    struct Outcome
    {
        std::vector<FileCount> files; // in input order
        qint64 written = 0;
        qint64 duplicates = 0;
    };

    // Called now and then with the input bytes done and the total; returning false
    // stops the merge and nothing is written.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    static Result<Outcome> run(const QStringList& inputs, const QString& outputPath, const Options& options,
        const Progress& progress = {});
};

} // namespace tb
