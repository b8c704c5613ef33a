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
    struct Options
    {
        std::optional<DatasetFormat> format; // nullopt: detect from the file
        TiktokenEncoding::Encoding encoding = TiktokenEncoding::Encoding::Cl100kBase;
        int maxTokensPerExample = FineTuneLimits::kMaxTokensPerExample;
        int threads = 0; // 0: the pool's maximum
        bool legacyAnalysis = true; // run the prepare_data analysis on legacy files
    };

    // The progress range reported to the QPromise.
    static constexpr int kProgressMaximum = 1000;
    // Legacy files above this size skip the whole-file prepare_data analysis (it holds
    // every row in memory, like the Python tool did).
    static constexpr qint64 kMaxLegacyAnalysisBytes = qint64(512) << 20;

    explicit DatasetValidator(Options options, QThreadPool* pool = nullptr);

    // Validates every line of a completely built index. With a promise, reports progress
    // in [0, kProgressMaximum] and stops early (report.canceled) when it is canceled.
    DatasetReport validate(const JsonlIndex& index, QPromise<DatasetReport>* promise = nullptr) const;

    // validate() on `pool` (global when null); chain it after JsonlIndex::buildInBackground.
    static QFuture<DatasetReport> validateInBackground(
        std::shared_ptr<JsonlIndex> index, Options options, QThreadPool* pool = nullptr);

    // Opens, indexes and validates `path` on the calling thread (CLI, tests).
    static DatasetReport validateFile(const QString& path, Options options);

private:
    DatasetFormat detectFileFormat(const JsonlIndex& index, const TiktokenEncoding& encoding) const;
    void addLegacyAnalysis(const QString& path, DatasetReport& report) const;

    Options m_options;
    QThreadPool* m_pool;
};

} // namespace tb
