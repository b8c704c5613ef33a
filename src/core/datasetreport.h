// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What validating a whole fine-tuning file found: findings, counts per rule, token
// statistics and the cookbook's epoch and billing estimate. A value; printable as the
// JSON object of `tunebench validate --json`.

#include "core/datasetfinding.h"
#include "core/datasetformat.h"
#include "core/tokenhistogram.h"
#include "core/tokenrole.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <memory>
#include <vector>

namespace tb {

// numpy's view of a list of counts, as the cookbook's print_distribution shows it.
struct CountDistribution
{
    qint64 min = 0;
    qint64 max = 0;
    double mean = 0;
    double median = 0;
    double p10 = 0; // the cookbook labels np.quantile(values, 0.1) "p5"
    double p90 = 0; // and np.quantile(values, 0.9) "p95"

    // `values` is sorted in place. Linear interpolation like np.quantile's default.
    static CountDistribution of(std::vector<qint64>& values);
    QJsonObject toJson() const;
};

struct DatasetReport
{
    // Findings kept per rule; the counts below stay exact past it.
    static constexpr int kMaxFindingsPerRule = 1000;
    // Every example above this many tokens is kept in longExamples: no fine-tunable model
    // has a smaller per-example limit, so the over-limit list and the billing estimate can
    // be worked out again for any model without reading the file again.
    static constexpr qint64 kLongExampleTokens = 4096;

    struct LongExample
    {
        qint64 line = 0; // 1-based
        qint64 tokens = 0;
    };

    QString file;
    QString failure; // non-empty when the file could not be validated at all
    bool canceled = false;

    DatasetFormat format = DatasetFormat::Unknown;
    QString encoding; // tokenizer used for the counts
    int maxTokensPerExample = 0;
    qint64 lines = 0; // lines of the file, blank ones included
    qint64 examples = 0; // non-blank lines: what the fine-tuning API counts
    qint64 validExamples = 0; // examples without errors

    std::vector<DatasetFinding> findings; // by line; at most kMaxFindingsPerRule per rule
    QMap<QString, qint64> errors; // rule -> count
    QMap<QString, qint64> warnings;
    QMap<QString, qint64> infos;

    qint64 missingSystem = 0; // cookbook: "Num examples missing system message"
    qint64 missingUser = 0;
    qint64 totalTokens = 0;
    qint64 assistantTokens = 0;
    qint64 maxTokens = 0;
    // Tokens of counted examples per message role (prompt/completion for legacy files).
    // Their sum is totalTokens less the cookbook's 3-token reply primer per chat example.
    RoleTokens roleTokens {};
    std::vector<LongExample> longExamples; // in line order; tokens > kLongExampleTokens
    // shortTokenCounts[t]: counted examples of t tokens, for t up to kLongExampleTokens
    // (sized to the longest of them plus one). With longExamples, every example's count
    // in at most kLongExampleTokens + 1 counters: exact histograms, any bins, any limit.
    std::vector<qint64> shortTokenCounts;
    CountDistribution messagesPerExample;
    CountDistribution tokensPerExample;
    CountDistribution assistantTokensPerExample;

    // Per line of the file (0-based), for sorting and filtering every line in the viewer;
    // shared so that copies of the report stay cheap. lineTokens: the example's token
    // count, kNotCounted when the line is not an example of its format; lineFlags: LineFlag
    // bits, from every finding (not only the kept ones). Null when validation stopped early.
    static constexpr quint32 kNotCounted = 0xFFFFFFFFu;
    enum LineFlag : quint8 { LineHasError = 1, LineHasWarning = 2 };
    // The LineFlag a finding of `severity` sets (none for Info).
    static quint8 flagOf(DatasetFinding::Severity severity);
    std::shared_ptr<const std::vector<quint32>> lineTokens;
    std::shared_ptr<const std::vector<quint8>> lineFlags;

    qint64 tooLong = 0; // examples over maxTokensPerExample
    int epochs = 0; // the cookbook's default n_epochs
    qint64 billingTokens = 0; // sum of min(maxTokensPerExample, tokens)

    // The examples over `limit` tokens and the cookbook's billing tokens (sum of
    // min(limit, tokens)) for another model's limit; exact for limit >= kLongExampleTokens.
    std::vector<LongExample> examplesOver(qint64 limit) const;
    qint64 billingTokensFor(qint64 limit) const;

    bool hasErrors() const { return !errors.isEmpty() || !failure.isEmpty(); }
    qint64 errorCount() const;
    qint64 warningCount() const;

    // Bins chosen from this file's counts, the examples over `limit` (a model's
    // per-example limit; 0 for none) apart: what the Stats tab shows. Exact for any limit.
    TokenHistogram tokenHistogram(qint64 limit) const;

    // The fixed buckets of `tokens.histogram` in the JSON, the same for every file so that
    // scripts can compare files: exclusive upper bounds, the last bucket open-ended.
    static const std::vector<qint64>& histogramUpperBounds();
    static int histogramBucket(qint64 tokens);
    std::vector<qint64> fixedHistogram() const; // examples per fixed bucket

    // Records `finding` in the counts and keeps it unless its rule already has the
    // maximum kept. Call in line order.
    void addFinding(DatasetFinding finding);

    QJsonObject toJson() const;
    // The cookbook's printed analysis (distributions, warnings, cost estimate).
    QString statisticsText() const;
};

} // namespace tb
