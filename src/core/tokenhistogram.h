// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The bins of a chart of tokens per example, chosen from the data so that any dataset,
// ten short examples or millions of long ones, gets about 10 to 30 informative bars:
// "nice" widths (1, 2 or 5 x 10^k) over the observed range, the longest 1% in a tail bin
// when they would squash the rest, and the examples over a model's per-example limit in
// a bin of their own. Counts are exact; building is deterministic.

#include <QJsonObject>
#include <QString>
#include <vector>

namespace tb {

class TokenHistogram
{
public:
    enum class BinKind {
        Range, // `width` token counts (the last one may stop at the limit)
        Tail, // the longest examples within the limit, when they are far from the rest
        OverLimit, // every example over the limit
    };

    struct Bin
    {
        qint64 from = 0; // token counts, both inclusive
        qint64 to = 0;
        qint64 examples = 0;
        qint64 overLimit = 0; // examples in this bin over the limit
        BinKind kind = BinKind::Range;

        friend bool operator==(const Bin&, const Bin&) = default;
    };

    // The bounds on the number of Range bins (fewer when the counts span fewer values).
    static constexpr int kMinBins = 10;
    static constexpr int kMaxBins = 30;

    // The examples are countsByTokens[t] examples of t tokens for every t, plus one of
    // each count in otherTokens (any order). A DatasetReport keeps its short examples the
    // first way and its long ones the second. limit <= 0: no limit.
    static TokenHistogram build(
        const std::vector<qint64>& countsByTokens, std::vector<qint64> otherTokens, qint64 limit);

    const std::vector<Bin>& bins() const { return m_bins; }
    bool isEmpty() const { return m_bins.empty(); }
    qint64 width() const { return m_width; } // of the Range bins; 0 when empty
    qint64 limit() const { return m_limit; }
    qint64 examples() const;

    static QString kindName(BinKind kind); // "range", "tail", "over_limit"

    // `tokens.adaptive_histogram` of `tunebench validate --json`:
    // { "bin_width": 5, "limit": 16385,
    //   "bins": [ { "from": 15, "to": 19, "count": 12, "over_limit": 0, "kind": "range" }, ...,
    //             { "from": 16386, "to": 20112, "count": 2, "over_limit": 2, "kind": "over_limit" } ] }
    // Bins are in token order and do not overlap; "from" and "to" are inclusive token
    // counts; "limit" is left out when there is none.
    QJsonObject toJson() const;

private:
    std::vector<Bin> m_bins;
    qint64 m_width = 0;
    qint64 m_limit = 0;
};

} // namespace tb
