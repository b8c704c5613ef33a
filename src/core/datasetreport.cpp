// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/datasetreport.h"

#include "core/pythonformat.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <iterator>
#include <numeric>

namespace tb {

quint8 DatasetReport::flagOf(DatasetFinding::Severity severity)
{
    switch (severity) {
    case DatasetFinding::Severity::Error:
        return LineHasError;
    case DatasetFinding::Severity::Warning:
        return LineHasWarning;
    case DatasetFinding::Severity::Info:
        break;
    }
    return 0;
}

namespace {

// numpy's _lerp: exact at both ends, which is why it switches formula at t = 0.5.
double lerp(double a, double b, double t)
{
    const double diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

double quantile(const std::vector<qint64>& sorted, double q)
{
    const double position = q * double(sorted.size() - 1);
    const auto below = std::size_t(std::floor(position));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    return lerp(double(sorted[below]), double(sorted[above]), position - double(below));
}

qint64 sumOf(const QMap<QString, qint64>& counts)
{
    return std::accumulate(counts.cbegin(), counts.cend(), qint64(0));
}

QJsonObject countsToJson(const QMap<QString, qint64>& counts)
{
    QJsonObject object;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

} // namespace

CountDistribution CountDistribution::of(std::vector<qint64>& values)
{
    CountDistribution d;
    if (values.empty())
        return d;
    std::sort(values.begin(), values.end());
    d.min = values.front();
    d.max = values.back();
    double sum = 0;
    for (qint64 v : values)
        sum += double(v);
    d.mean = sum / double(values.size());
    const std::size_t n = values.size();
    d.median = n % 2 ? double(values[n / 2]) : (double(values[n / 2 - 1]) + double(values[n / 2])) / 2;
    d.p10 = quantile(values, 0.1);
    d.p90 = quantile(values, 0.9);
    return d;
}

QJsonObject CountDistribution::toJson() const
{
    return { { QStringLiteral("min"), min }, { QStringLiteral("max"), max }, { QStringLiteral("mean"), mean },
        { QStringLiteral("median"), median }, { QStringLiteral("p10"), p10 },
        { QStringLiteral("p90"), p90 } };
}

std::vector<DatasetReport::LongExample> DatasetReport::examplesOver(qint64 limit) const
{
    std::vector<LongExample> over;
    std::copy_if(longExamples.cbegin(), longExamples.cend(), std::back_inserter(over),
        [limit](const LongExample& e) { return e.tokens > limit; });
    return over;
}

qint64 DatasetReport::billingTokensFor(qint64 limit) const
{
    qint64 billing = totalTokens;
    for (const LongExample& e : longExamples) {
        if (e.tokens > limit)
            billing -= e.tokens - limit;
    }
    return billing;
}

qint64 DatasetReport::errorCount() const
{
    return sumOf(errors);
}

qint64 DatasetReport::warningCount() const
{
    return sumOf(warnings);
}

const std::vector<qint64>& DatasetReport::histogramUpperBounds()
{
    static const std::vector<qint64> bounds { 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16385, 32768,
        65537 };
    return bounds;
}

int DatasetReport::histogramBucket(qint64 tokens)
{
    const auto& bounds = histogramUpperBounds();
    return int(std::upper_bound(bounds.begin(), bounds.end(), tokens) - bounds.begin());
}

std::vector<qint64> DatasetReport::fixedHistogram() const
{
    std::vector<qint64> buckets(histogramUpperBounds().size() + 1, 0);
    for (std::size_t t = 0; t < shortTokenCounts.size(); ++t)
        buckets[std::size_t(histogramBucket(qint64(t)))] += shortTokenCounts[t];
    for (const LongExample& e : longExamples)
        ++buckets[std::size_t(histogramBucket(e.tokens))];
    return buckets;
}

TokenHistogram DatasetReport::tokenHistogram(qint64 limit) const
{
    std::vector<qint64> longTokens;
    longTokens.reserve(longExamples.size());
    for (const LongExample& e : longExamples)
        longTokens.push_back(e.tokens);
    return TokenHistogram::build(shortTokenCounts, std::move(longTokens), limit);
}

void DatasetReport::addFinding(DatasetFinding finding)
{
    QMap<QString, qint64>& counts = finding.severity == DatasetFinding::Severity::Error ? errors
        : finding.severity == DatasetFinding::Severity::Warning                         ? warnings
                                                                                        : infos;
    const qint64 seen = ++counts[finding.rule];
    // A rule can fire under two severities (e.g. invalid_tools); the cap is per severity and rule.
    if (seen <= kMaxFindingsPerRule)
        findings.push_back(std::move(finding));
}

QJsonObject DatasetReport::toJson() const
{
    QJsonArray findingArray;
    for (const DatasetFinding& f : findings) {
        QJsonObject o { { QStringLiteral("line"), f.line }, { QStringLiteral("rule"), f.rule },
            { QStringLiteral("severity"), DatasetFinding::severityName(f.severity) },
            { QStringLiteral("path"), f.path }, { QStringLiteral("message"), f.message } };
        if (!f.fix.isEmpty())
            o.insert(QStringLiteral("fix"), f.fix);
        if (f.column > 0)
            o.insert(QStringLiteral("column"), f.column);
        findingArray.append(o);
    }
    QJsonArray buckets;
    const auto& bounds = histogramUpperBounds();
    const std::vector<qint64> histogram = fixedHistogram();
    for (std::size_t i = 0; i <= bounds.size(); ++i) {
        QJsonObject bucket { { QStringLiteral("from"), i == 0 ? 0 : bounds[i - 1] },
            { QStringLiteral("count"), i < histogram.size() ? histogram[i] : 0 } };
        bucket.insert(QStringLiteral("to"), i < bounds.size() ? QJsonValue(bounds[i] - 1) : QJsonValue());
        buckets.append(bucket);
    }
    QJsonObject tokens = tokensPerExample.toJson();
    tokens.insert(QStringLiteral("total"), totalTokens);
    tokens.insert(QStringLiteral("assistant"), assistantTokens);
    tokens.insert(QStringLiteral("max"), maxTokens);
    tokens.insert(QStringLiteral("histogram"), buckets);
    tokens.insert(QStringLiteral("adaptive_histogram"), tokenHistogram(maxTokensPerExample).toJson());
    tokens.insert(QStringLiteral("assistant_per_example"), assistantTokensPerExample.toJson());
    tokens.insert(QStringLiteral("encoding"), encoding);
    QJsonObject byRole;
    for (std::size_t r = 0; r < kTokenRoleCount; ++r) {
        if (roleTokens[r] != 0)
            byRole.insert(tokenRoleName(TokenRole(r)), roleTokens[r]);
    }
    tokens.insert(QStringLiteral("by_role"), byRole);

    QJsonObject o { { QStringLiteral("file"), file }, { QStringLiteral("format"), datasetFormatName(format) },
        { QStringLiteral("lines"), lines }, { QStringLiteral("examples"), examples },
        { QStringLiteral("valid_examples"), validExamples },
        { QStringLiteral("errors"), countsToJson(errors) },
        { QStringLiteral("warnings"), countsToJson(warnings) }, { QStringLiteral("findings"), findingArray },
        { QStringLiteral("tokens"), tokens },
        { QStringLiteral("messages_per_example"), messagesPerExample.toJson() },
        { QStringLiteral("missing_system_message"), missingSystem },
        { QStringLiteral("missing_user_message"), missingUser },
        { QStringLiteral("max_tokens_per_example"), maxTokensPerExample },
        { QStringLiteral("too_long"), tooLong }, { QStringLiteral("epochs"), epochs },
        { QStringLiteral("billing_tokens"), billingTokens },
        { QStringLiteral("charged_tokens"), billingTokens * epochs } };
    if (!infos.isEmpty())
        o.insert(QStringLiteral("infos"), countsToJson(infos));
    if (!failure.isEmpty())
        o.insert(QStringLiteral("failure"), failure);
    if (canceled)
        o.insert(QStringLiteral("canceled"), true);
    return o;
}

QString DatasetReport::statisticsText() const
{
    const auto distribution = [](const CountDistribution& d, const char* name) {
        return QStringLiteral(
            "\n#### Distribution of %1:\nmin / max: %2, %3\nmean / median: %4, %5\np5 / p95: %6, %7\n")
            .arg(QLatin1String(name))
            .arg(d.min)
            .arg(d.max)
            .arg(python::floatRepr(d.mean), python::floatRepr(d.median), python::floatRepr(d.p10),
                python::floatRepr(d.p90));
    };
    QString text;
    if (format == DatasetFormat::Chat) {
        text += QStringLiteral("Num examples missing system message: %1\n").arg(missingSystem);
        text += QStringLiteral("Num examples missing user message: %1\n").arg(missingUser);
        text += distribution(messagesPerExample, "num_messages_per_example");
    }
    text += distribution(tokensPerExample, "num_total_tokens_per_example");
    text += distribution(assistantTokensPerExample, "num_assistant_tokens_per_example");
    text += QStringLiteral(
        "\n%1 examples may be over the %2 token limit, they will be truncated during fine-tuning\n")
                .arg(tooLong)
                .arg(python::thousands(maxTokensPerExample));
    text += QStringLiteral("Dataset has ~%1 tokens that will be charged for during training\n")
                .arg(billingTokens);
    text += QStringLiteral("By default, you'll train for %1 epochs on this dataset\n").arg(epochs);
    text += QStringLiteral("By default, you'll be charged for ~%1 tokens\n").arg(billingTokens * epochs);
    return text;
}

} // namespace tb
