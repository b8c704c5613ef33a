// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// TokenHistogram: nice bin widths from the data's range, exact counts, the over-limit
// and tail bins, the JSON shape, and the promises kept on large generated data.

#include "core/tokenhistogram.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <functional>
#include <random>

using tb::TokenHistogram;
using Bin = tb::TokenHistogram::Bin;
using Kind = tb::TokenHistogram::BinKind;

Q_DECLARE_METATYPE(std::vector<qint64>)

namespace {

// Counts up to `dense` tokens go in the dense counts, longer ones in the list, like a
// DatasetReport keeps them (kLongExampleTokens there).
constexpr qint64 kDense = 4096;

TokenHistogram build(const std::vector<qint64>& tokens, qint64 limit)
{
    std::vector<qint64> counts;
    std::vector<qint64> others;
    for (const qint64 t : tokens) {
        if (t > kDense) {
            others.push_back(t);
            continue;
        }
        if (counts.size() <= std::size_t(t))
            counts.resize(std::size_t(t) + 1, 0);
        ++counts[std::size_t(t)];
    }
    return TokenHistogram::build(counts, std::move(others), limit);
}

std::vector<qint64> repeat(std::vector<qint64> tokens, qint64 times)
{
    std::vector<qint64> all;
    for (qint64 i = 0; i < times; ++i)
        all.insert(all.end(), tokens.begin(), tokens.end());
    return all;
}

std::vector<qint64> series(qint64 n, const std::function<qint64(qint64)>& tokensOf)
{
    std::vector<qint64> all;
    for (qint64 i = 0; i < n; ++i)
        all.push_back(tokensOf(i));
    return all;
}

std::vector<Bin> rangeBins(const TokenHistogram& h)
{
    std::vector<Bin> bins;
    std::copy_if(h.bins().begin(), h.bins().end(), std::back_inserter(bins),
        [](const Bin& b) { return b.kind == Kind::Range; });
    return bins;
}

QByteArray describe(const Bin& b)
{
    return QByteArray::number(b.from) + '-' + QByteArray::number(b.to) + ": " + QByteArray::number(b.examples)
        + " (" + QByteArray::number(b.overLimit) + " over, " + TokenHistogram::kindName(b.kind).toLatin1()
        + ')';
}

bool isNice(qint64 width)
{
    while (width >= 10 && width % 10 == 0)
        width /= 10;
    return width == 1 || width == 2 || width == 5;
}

} // namespace

namespace QTest {
template <> char* toString(const Bin& b)
{
    return qstrdup(describe(b).constData());
}
} // namespace QTest

class TestTokenHistogram : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void choosesNiceBinsFromTheRange_data();
    void choosesNiceBinsFromTheRange();
    void countsEachBinExactly();
    void givesExamplesOverTheLimitABinOfTheirOwn_data();
    void givesExamplesOverTheLimitABinOfTheirOwn();
    void stopsTheLastRangeBinAtTheLimit();
    void gathersFarOutliersInATailBin();
    void marksEveryBinOverWhenEveryExampleIsOver();
    void hasNoBinsWithoutExamples();
    void printsBinsAsJson();
    void keepsItsPromisesOnLargeGeneratedData_data();
    void keepsItsPromisesOnLargeGeneratedData();
};

void TestTokenHistogram::choosesNiceBinsFromTheRange_data()
{
    QTest::addColumn<std::vector<qint64>>("tokens");
    QTest::addColumn<qint64>("width");
    QTest::addColumn<qint64>("from"); // of the first bin
    QTest::addColumn<qint64>("to"); // of the last bin
    QTest::addColumn<int>("bins");

    QTest::newRow("one count") << repeat({ 50 }, 100) << qint64(1) << qint64(50) << qint64(50) << 1;
    QTest::newRow("three counts") << std::vector<qint64> { 3, 4, 5 } << qint64(1) << qint64(3) << qint64(5)
                                  << 3;
    // 125 short examples, like the book's racing.jsonl: 15 bins of 2 beat 29 of 1 and 7 of 5.
    QTest::newRow("19 to 47 tokens") << series(125, [](qint64 i) { return 19 + i % 29; }) << qint64(2)
                                     << qint64(18) << qint64(47) << 15;
    // 1,000 examples: the Rice rule asks for 20 bins; 25 of 20 tokens are nearest.
    QTest::newRow("120 to 619 tokens") << series(1000, [](qint64 i) { return 120 + (i * 37) % 500; })
                                       << qint64(20) << qint64(120) << qint64(619) << 25;
    // Across the dense counts and the list: 30 bins (the most) of 100 tokens.
    QTest::newRow("3,000 to 5,999 tokens") << series(6000, [](qint64 i) { return 3000 + i % 3000; })
                                           << qint64(100) << qint64(3000) << qint64(5999) << 30;
    QTest::newRow("0 to 100,000 tokens") << series(101, [](qint64 i) { return i * 1000; }) << qint64(10000)
                                         << qint64(0) << qint64(109999) << 11;
}

void TestTokenHistogram::choosesNiceBinsFromTheRange()
{
    QFETCH(std::vector<qint64>, tokens);
    QFETCH(qint64, width);
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(int, bins);
    const TokenHistogram h = build(tokens, 0);
    QCOMPARE(h.width(), width);
    QCOMPARE(int(h.bins().size()), bins);
    QCOMPARE(h.bins().front().from, from);
    QCOMPARE(h.bins().back().to, to);
    QCOMPARE(h.examples(), qint64(tokens.size()));
    for (const Bin& bin : h.bins()) {
        QCOMPARE(bin.kind, Kind::Range);
        QCOMPARE(bin.from % width, qint64(0));
        QCOMPARE(bin.to - bin.from + 1, width);
    }
}

void TestTokenHistogram::countsEachBinExactly()
{
    // 21 counts from 5 to 25: 11 bins of 2 are nearer 10 than 21 of 1 or 5 of 5.
    const TokenHistogram h = build({ 5, 7, 7, 12, 13, 25 }, 0);
    QCOMPARE(h.width(), qint64(2));
    std::vector<Bin> expected;
    for (qint64 from = 4; from <= 24; from += 2)
        expected.push_back({ from, from + 1, 0, 0, Kind::Range });
    expected[0].examples = 1; // 5
    expected[1].examples = 2; // 7, 7
    expected[4].examples = 2; // 12, 13
    expected[10].examples = 1; // 25
    QCOMPARE(h.bins(), expected);
}

void TestTokenHistogram::givesExamplesOverTheLimitABinOfTheirOwn_data()
{
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<qint64>("width");
    QTest::addColumn<int>("ranges");
    QTest::addColumn<Bin>("last");

    // Three short examples, one of 20,000 tokens and one of 70,000.
    QTest::newRow("16,385") << qint64(16385) << qint64(5) << 11
                            << Bin { 16386, 70000, 2, 2, Kind::OverLimit };
    QTest::newRow("65,536") << qint64(65536) << qint64(2000) << 11
                            << Bin { 65537, 70000, 1, 1, Kind::OverLimit };
    QTest::newRow("no limit") << qint64(0) << qint64(5000) << 15 << Bin { 70000, 74999, 1, 0, Kind::Range };
}

void TestTokenHistogram::givesExamplesOverTheLimitABinOfTheirOwn()
{
    QFETCH(qint64, limit);
    QFETCH(qint64, width);
    QFETCH(int, ranges);
    QFETCH(Bin, last);
    const TokenHistogram h = build({ 50, 80, 100, 20000, 70000 }, limit);
    QCOMPARE(h.limit(), limit);
    QCOMPARE(h.width(), width);
    QCOMPARE(int(rangeBins(h).size()), ranges);
    QCOMPARE(h.bins().back(), last);
    QCOMPARE(h.examples(), qint64(5));
    for (const Bin& bin : rangeBins(h)) {
        QCOMPARE(bin.overLimit, qint64(0));
        QVERIFY(limit == 0 || bin.to <= limit);
    }
}

void TestTokenHistogram::stopsTheLastRangeBinAtTheLimit()
{
    // 3,000 to 4,090 in steps of 10, and one example of 5,000 over a 4,096-token limit.
    std::vector<qint64> tokens = series(110, [](qint64 i) { return 3000 + 10 * i; });
    tokens.push_back(5000);
    const TokenHistogram h = build(tokens, 4096);
    QCOMPARE(h.width(), qint64(100));
    QCOMPARE(h.bins().size(), std::size_t(12));
    QCOMPARE(h.bins().front(), (Bin { 3000, 3099, 10, 0, Kind::Range }));
    QCOMPARE(h.bins().at(10), (Bin { 4000, 4096, 10, 0, Kind::Range }));
    QCOMPARE(h.bins().at(11), (Bin { 4097, 5000, 1, 1, Kind::OverLimit }));
}

void TestTokenHistogram::gathersFarOutliersInATailBin()
{
    // 1,000 examples of 100 to 199 tokens would fill 1 bin of 20 if 5 of 5,000 stretched
    // the axis; they go to a tail bin, one more goes over the limit.
    std::vector<qint64> tokens = series(1000, [](qint64 i) { return 100 + i % 100; });
    tokens.insert(tokens.end(), { 5000, 5000, 5000, 5000, 5000, 30000 });
    const TokenHistogram h = build(tokens, 16385);
    QCOMPARE(h.width(), qint64(5));
    const std::vector<Bin> ranges = rangeBins(h);
    QCOMPARE(ranges.size(), std::size_t(20));
    QCOMPARE(ranges.front(), (Bin { 100, 104, 50, 0, Kind::Range }));
    QCOMPARE(ranges.back(), (Bin { 195, 199, 50, 0, Kind::Range }));
    QCOMPARE(h.bins().size(), std::size_t(22));
    QCOMPARE(h.bins().at(20), (Bin { 200, 5000, 5, 0, Kind::Tail }));
    QCOMPARE(h.bins().at(21), (Bin { 16386, 30000, 1, 1, Kind::OverLimit }));

    // Fewer than 100 examples never have a tail: the 99th percentile is the longest.
    const TokenHistogram few = build({ 100, 110, 120, 5000 }, 16385);
    QCOMPARE(few.bins().back().kind, Kind::Range);
    QCOMPARE(few.bins().back().to, qint64(5499));
}

void TestTokenHistogram::marksEveryBinOverWhenEveryExampleIsOver()
{
    const TokenHistogram h = build({ 5000, 6000, 7000 }, 4096);
    QCOMPARE(h.width(), qint64(200));
    QCOMPARE(h.bins().size(), std::size_t(11));
    qint64 over = 0;
    for (const Bin& bin : h.bins()) {
        QCOMPARE(bin.kind, Kind::Range);
        QCOMPARE(bin.overLimit, bin.examples);
        over += bin.overLimit;
    }
    QCOMPARE(over, qint64(3));
}

void TestTokenHistogram::hasNoBinsWithoutExamples()
{
    const TokenHistogram h = TokenHistogram::build({ 0, 0, 0 }, {}, 16385);
    QVERIFY(h.isEmpty());
    QCOMPARE(h.width(), qint64(0));
    QCOMPARE(h.examples(), qint64(0));
    QCOMPARE(h.toJson().value(QLatin1String("bins")).toArray().size(), 0);
}

void TestTokenHistogram::printsBinsAsJson()
{
    const QJsonObject json = build({ 10, 11, 19, 40000 }, 16385).toJson();
    const QByteArray expected = R"({"bin_width":1,"bins":[)"
                                R"({"count":1,"from":10,"kind":"range","over_limit":0,"to":10},)"
                                R"({"count":1,"from":11,"kind":"range","over_limit":0,"to":11},)"
                                R"({"count":0,"from":12,"kind":"range","over_limit":0,"to":12},)"
                                R"({"count":0,"from":13,"kind":"range","over_limit":0,"to":13},)"
                                R"({"count":0,"from":14,"kind":"range","over_limit":0,"to":14},)"
                                R"({"count":0,"from":15,"kind":"range","over_limit":0,"to":15},)"
                                R"({"count":0,"from":16,"kind":"range","over_limit":0,"to":16},)"
                                R"({"count":0,"from":17,"kind":"range","over_limit":0,"to":17},)"
                                R"({"count":0,"from":18,"kind":"range","over_limit":0,"to":18},)"
                                R"({"count":1,"from":19,"kind":"range","over_limit":0,"to":19},)"
                                R"({"count":1,"from":16386,"kind":"over_limit","over_limit":1,"to":40000}],)"
                                R"("limit":16385})";
    QCOMPARE(QJsonDocument(json).toJson(QJsonDocument::Compact), expected);
    QVERIFY(!build({ 10 }, 0).toJson().contains(QLatin1String("limit")));
}

void TestTokenHistogram::keepsItsPromisesOnLargeGeneratedData_data()
{
    QTest::addColumn<std::vector<qint64>>("tokens");
    QTest::addColumn<qint64>("limit");
    std::mt19937_64 random(20260501);
    const auto generate = [&](qint64 n, auto distribution) {
        std::vector<qint64> tokens;
        for (qint64 i = 0; i < n; ++i)
            tokens.push_back(std::max<qint64>(0, qint64(std::llround(double(distribution(random))))));
        return tokens;
    };
    // Chat data is roughly lognormal: a body of a few hundred tokens and a long tail.
    QTest::newRow("lognormal, 200k") << generate(200000, std::lognormal_distribution<double>(5.5, 1.0))
                                     << qint64(16385);
    QTest::newRow("lognormal, wide") << generate(50000, std::lognormal_distribution<double>(7.0, 1.6))
                                     << qint64(16385);
    QTest::newRow("uniform long") << generate(100000, std::uniform_int_distribution<qint64>(2000, 90000))
                                  << qint64(65536);
    QTest::newRow("exponential") << generate(30000, std::exponential_distribution<double>(1.0 / 300))
                                 << qint64(4096);
    QTest::newRow("narrow") << generate(10000, std::uniform_int_distribution<qint64>(40, 55)) << qint64(4096);
    std::vector<qint64> twoPeaks = generate(20000, std::normal_distribution<double>(300, 40));
    const std::vector<qint64> second = generate(20000, std::normal_distribution<double>(2500, 200));
    twoPeaks.insert(twoPeaks.end(), second.begin(), second.end());
    QTest::newRow("two peaks") << twoPeaks << qint64(16385);
}

void TestTokenHistogram::keepsItsPromisesOnLargeGeneratedData()
{
    QFETCH(std::vector<qint64>, tokens);
    QFETCH(qint64, limit);
    const TokenHistogram h = build(tokens, limit);
    const std::vector<Bin>& bins = h.bins();
    QVERIFY(isNice(h.width()));
    const std::vector<Bin> ranges = rangeBins(h);
    QVERIFY2(ranges.size() >= std::size_t(TokenHistogram::kMinBins)
            && ranges.size() <= std::size_t(TokenHistogram::kMaxBins),
        QByteArray::number(qulonglong(ranges.size())));
    for (std::size_t i = 0; i < bins.size(); ++i) {
        const Bin& bin = bins[i];
        QVERIFY(bin.from <= bin.to);
        if (i > 0 && bin.kind != Kind::OverLimit)
            QCOMPARE(bin.from, bins[i - 1].to + 1);
        if (bin.kind == Kind::Range) {
            QCOMPARE(bin.from % h.width(), qint64(0));
            QVERIFY(bin.to - bin.from + 1 == h.width() || (i + 1 < bins.size() && bin.to == limit));
        }
        if (bin.kind == Kind::OverLimit) {
            QCOMPARE(i + 1, bins.size());
            QCOMPARE(bin.from, limit + 1);
            QCOMPARE(bin.overLimit, bin.examples);
        }
    }
    // Every example in the bin that holds it, and nowhere else.
    std::vector<qint64> examples(bins.size(), 0);
    std::vector<qint64> over(bins.size(), 0);
    for (const qint64 t : tokens) {
        const auto bin
            = std::partition_point(bins.begin(), bins.end(), [t](const Bin& b) { return b.to < t; });
        QVERIFY(bin != bins.end() && bin->from <= t);
        ++examples[std::size_t(bin - bins.begin())];
        over[std::size_t(bin - bins.begin())] += t > limit;
    }
    for (std::size_t i = 0; i < bins.size(); ++i) {
        QCOMPARE(bins[i].examples, examples[i]);
        QCOMPARE(bins[i].overLimit, over[i]);
    }
    // The chart shows the data, not a spike: no bin within the limit holds nearly all of it.
    for (const Bin& bin : ranges)
        QVERIFY2(bin.examples * 2 < h.examples(), describe(bin).constData());
    // Deterministic whatever the order the long examples come in.
    std::vector<qint64> shuffled = tokens;
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937_64(7));
    QCOMPARE(build(shuffled, limit).bins(), bins);
}

QTEST_GUILESS_MAIN(TestTokenHistogram)
#include "tst_tokenhistogram.moc"
