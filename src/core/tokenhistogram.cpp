// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tokenhistogram.h"

#include <QJsonArray>
#include <algorithm>

namespace tb {

namespace {

// Examples of the same token count.
struct Run
{
    qint64 tokens = 0;
    qint64 examples = 0;
};

// Every example, by token count ascending: the dense counts merged with the sorted others.
std::vector<Run> runsOf(const std::vector<qint64>& countsByTokens, std::vector<qint64>& others)
{
    std::sort(others.begin(), others.end());
    std::vector<Run> runs;
    const auto push = [&runs](qint64 tokens, qint64 examples) {
        if (examples <= 0)
            return;
        if (!runs.empty() && runs.back().tokens == tokens)
            runs.back().examples += examples;
        else
            runs.push_back({ tokens, examples });
    };
    auto other = others.cbegin();
    for (std::size_t t = 0; t < countsByTokens.size(); ++t) {
        for (; other != others.cend() && *other < qint64(t); ++other)
            push(*other, 1);
        push(qint64(t), countsByTokens[t]);
    }
    for (; other != others.cend(); ++other)
        push(*other, 1);
    return runs;
}

// The Rice rule, 2 * cbrt(n) bins, within the bounds: enough bars to show a shape, few
// enough that each holds more than noise. Integer arithmetic: 2 * cbrt(n) <= b <=> 8n <= b^3.
qint64 targetBins(qint64 examples)
{
    qint64 bins = TokenHistogram::kMinBins;
    while (bins < TokenHistogram::kMaxBins && bins * bins * bins < 8 * examples)
        ++bins;
    return bins;
}

qint64 binCount(qint64 from, qint64 to, qint64 width)
{
    return to / width - from / width + 1;
}

// True when `a` bins are nearer `target` than `b` bins, by ratio (12 and 30 are as near
// 20 as each other's inverse would be); exact, so the choice never depends on rounding.
bool nearer(qint64 a, qint64 b, qint64 target)
{
    // max(a, t) / min(a, t) < max(b, t) / min(b, t)
    return std::max(a, target) * std::min(b, target) < std::max(b, target) * std::min(a, target);
}

// The bin width, 1, 2 or 5 times a power of ten, whose aligned bins over [from, to] come
// nearest `target` in number, preferring a count within [kMinBins, kMaxBins]; of two
// equally near, the narrower.
qint64 niceWidth(qint64 from, qint64 to, qint64 target)
{
    qint64 best = 0;
    qint64 bestCount = 0;
    bool bestInBounds = false;
    for (qint64 scale = 1;; scale *= 10) {
        for (const qint64 multiple : { 1, 2, 5 }) {
            const qint64 width = multiple * scale;
            const qint64 count = binCount(from, to, width);
            if (count > TokenHistogram::kMaxBins)
                continue;
            const bool inBounds = count >= TokenHistogram::kMinBins;
            if (best == 0 || (inBounds && !bestInBounds)
                || (inBounds == bestInBounds && nearer(count, bestCount, target))) {
                best = width;
                bestCount = count;
                bestInBounds = inBounds;
            }
        }
        if (scale > to) // every wider bin holds the whole range
            return best;
    }
}

} // namespace

TokenHistogram TokenHistogram::build(
    const std::vector<qint64>& countsByTokens, std::vector<qint64> otherTokens, qint64 limit)
{
    TokenHistogram histogram;
    histogram.m_limit = std::max<qint64>(0, limit);
    const std::vector<Run> runs = runsOf(countsByTokens, otherTokens);
    if (runs.empty())
        return histogram;
    const bool limited = histogram.m_limit > 0;
    const qint64 shortest = runs.front().tokens;
    const qint64 longest = runs.back().tokens;
    // Examples over the limit get a bin of their own, which marks the limit on the axis,
    // unless every example is over it.
    const bool overBin = limited && longest > histogram.m_limit && shortest <= histogram.m_limit;
    const auto isWithin = [&histogram](const Run& r) { return r.tokens <= histogram.m_limit; };
    const auto withinEnd = overBin ? std::partition_point(runs.begin(), runs.end(), isWithin) : runs.end();
    const qint64 longestWithin = std::prev(withinEnd)->tokens;
    qint64 within = 0;
    for (auto run = runs.begin(); run != withinEnd; ++run)
        within += run->examples;

    // The longest 1% go to a tail bin when they stretch the axis further than all the
    // others span (a few 30,000-token examples among 200-token ones). Nearest rank.
    const qint64 rank = (99 * within + 99) / 100;
    qint64 p99 = longestWithin;
    qint64 seen = 0;
    for (auto run = runs.begin(); run != withinEnd; ++run) {
        seen += run->examples;
        if (seen >= rank) {
            p99 = run->tokens;
            break;
        }
    }
    const qint64 top = longestWithin - p99 > p99 - shortest ? p99 : longestWithin;

    // Bins aligned to multiples of the width, so edges read 120, 140, 160.
    const qint64 width = niceWidth(shortest, top, targetBins(within));
    histogram.m_width = width;
    const qint64 first = shortest / width;
    const qint64 count = binCount(shortest, top, width);
    for (qint64 i = 0; i < count; ++i) {
        const qint64 from = (first + i) * width;
        histogram.m_bins.push_back({ from, from + width - 1, 0, 0, BinKind::Range });
    }
    if (overBin)
        histogram.m_bins.back().to = std::min(histogram.m_bins.back().to, histogram.m_limit);
    if (longestWithin > histogram.m_bins.back().to)
        histogram.m_bins.push_back({ histogram.m_bins.back().to + 1, longestWithin, 0, 0, BinKind::Tail });
    if (overBin)
        histogram.m_bins.push_back({ histogram.m_limit + 1, longest, 0, 0, BinKind::OverLimit });

    std::size_t bin = 0;
    for (const Run& run : runs) {
        while (run.tokens > histogram.m_bins[bin].to && bin + 1 < histogram.m_bins.size())
            ++bin;
        histogram.m_bins[bin].examples += run.examples;
        if (limited && run.tokens > histogram.m_limit)
            histogram.m_bins[bin].overLimit += run.examples;
    }
    return histogram;
}

qint64 TokenHistogram::examples() const
{
    qint64 sum = 0;
    for (const Bin& bin : m_bins)
        sum += bin.examples;
    return sum;
}

QString TokenHistogram::kindName(BinKind kind)
{
    switch (kind) {
    case BinKind::Range:
        break;
    case BinKind::Tail:
        return QStringLiteral("tail");
    case BinKind::OverLimit:
        return QStringLiteral("over_limit");
    }
    return QStringLiteral("range");
}

QJsonObject TokenHistogram::toJson() const
{
    QJsonArray bins;
    for (const Bin& bin : m_bins)
        bins.append(QJsonObject { { QStringLiteral("from"), bin.from }, { QStringLiteral("to"), bin.to },
            { QStringLiteral("count"), bin.examples }, { QStringLiteral("over_limit"), bin.overLimit },
            { QStringLiteral("kind"), kindName(bin.kind) } });
    QJsonObject o { { QStringLiteral("bin_width"), m_width }, { QStringLiteral("bins"), bins } };
    if (m_limit > 0)
        o.insert(QStringLiteral("limit"), m_limit);
    return o;
}

} // namespace tb
