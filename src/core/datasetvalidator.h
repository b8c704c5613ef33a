// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Validates a whole JSONL fine-tuning file over its JsonlIndex: lines are checked in
// parallel chunks (one ExampleValidator per worker) and merged in line order, then the
// file-wide checks run (duplicates, mixed formats, the cookbook's statistics and estimate,
// the legacy prepare_data analysis for prompt/completion files). Progress and cancel
// through QPromise; memory is the index plus a few dozen bytes per line.

#include "core/datasetformat.h"
#include "core/datasetreport.h"
#include "core/finetunelimits.h"
#include "core/tiktokenencoding.h"

#include <QFuture>
#include <memory>
#include <optional>

class QThreadPool;
template <typename T> class QPromise;

namespace tb {

class JsonlIndex;

class DatasetValidator
{
public:
    // The prepare_data analysis of a legacy file holds every row in memory, as the Python
    // tool's DataFrame did. Above this estimate it is skipped with an Info finding
    // (legacy_analysis_skipped): a check that runs by itself on every file opened must not
    // take gigabytes, and the user can still run it on purpose (Prepare for Fine-Tuning,
    // `tunebench prepare`). It is not streamed instead: its remediations edit the table
    // in turn and several need every row at once (duplicates, classes, common affixes),
    // while the per-line checks already cover each row of a big file.
    static constexpr qint64 kMaxLegacyAnalysisMemory = qint64(256) << 20;
    // What that analysis needs, measured: about ten bytes per byte of the file plus 600
    // per row (90 MB in 1M rows peaked at 1.4 GB, 90 MB in 20k rows at 0.9 GB).
    static constexpr qint64 legacyAnalysisMemory(qint64 fileBytes, qint64 lines)
    {
        return 10 * fileBytes + 600 * lines;
    }

    struct Options
    {
        std::optional<DatasetFormat> format; // nullopt: detect from the file
        TiktokenEncoding::Encoding encoding = TiktokenEncoding::Encoding::Cl100kBase;
        int maxTokensPerExample = FineTuneLimits::kMaxTokensPerExample;
        int threads = 0; // 0: the pool's maximum
        bool legacyAnalysis = true; // run the prepare_data analysis on legacy files
        qint64 maxLegacyAnalysisMemory = kMaxLegacyAnalysisMemory; // ...when it needs no more than this
    };

    // The progress range reported to the QPromise: lines checked in [0, kLegacyAnalysisProgress),
    // which marks the prepare_data analysis of a legacy file (seconds on a big one).
    static constexpr int kProgressMaximum = 1000;
    static constexpr int kLegacyAnalysisProgress = kProgressMaximum - 1;

    explicit DatasetValidator(Options options, QThreadPool* pool = nullptr);

    // Validates every line of a completely built index. With a promise, reports progress
    // in [0, kProgressMaximum] and stops early (report.canceled) when it is canceled.
    DatasetReport validate(const JsonlIndex& index, QPromise<DatasetReport>* promise = nullptr) const;

    // validate() on `pool` (global when null) at low priority, its helpers too
    // (ThreadPriority: give it a pool of its own); chain it after JsonlIndex::buildInBackground.
    static QFuture<DatasetReport> validateInBackground(
        std::shared_ptr<JsonlIndex> index, Options options, QThreadPool* pool = nullptr);

    // Opens, indexes and validates `path` on the calling thread (CLI, tests).
    static DatasetReport validateFile(const QString& path, Options options);

private:
    DatasetFormat detectFileFormat(const JsonlIndex& index, const TiktokenEncoding& encoding) const;
    // False when the promise was canceled during the analysis.
    bool addLegacyAnalysis(
        const JsonlIndex& index, DatasetReport& report, QPromise<DatasetReport>* promise) const;

    Options m_options;
    QThreadPool* m_pool;
};

} // namespace tb
