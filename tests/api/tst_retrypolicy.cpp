// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/retrypolicy.h"

#include <QTest>

using tb::HttpHeaders;
using tb::RetryPolicy;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 11, 26), QTime(12, 0, 0), Qt::UTC);

RetryPolicy policyWithRandom(double random, int maxRetries = 2)
{
    return RetryPolicy(maxRetries, [random] { return random; }, [] { return kNow; });
}

HttpHeaders headersFrom(const QByteArrayList& list)
{
    HttpHeaders headers;
    for (const QByteArray& entry : list) {
        const qsizetype colon = entry.indexOf(':');
        headers.append({entry.left(colon).trimmed(), entry.mid(colon + 1).trimmed()});
    }
    return headers;
}

} // namespace

class TestRetryPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decidesLikeTheOpenAiClient_data();
    void decidesLikeTheOpenAiClient();
    void backoffDoublesUpToEightSecondsWithJitter_data();
    void backoffDoublesUpToEightSecondsWithJitter();
    void retryAfterPrefersMillisecondsThenSecondsThenDate_data();
    void retryAfterPrefersMillisecondsThenSecondsThenDate();
    void maxRetriesIsConfigurable();
};

void TestRetryPolicy::decidesLikeTheOpenAiClient_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArrayList>("headers");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("retriesSoFar");
    QTest::addColumn<bool>("contentDelivered");
    QTest::addColumn<bool>("retry");
    QTest::addColumn<int>("delayMs");

    // random() = 0 -> no jitter: delays are exactly 500, 1000, 2000 ms.
    const QByteArrayList none;
    QTest::newRow("connection error") << 0 << none << "" << 0 << false << true << 500;
    QTest::newRow("connection error, second retry") << 0 << none << "" << 1 << false << true << 1000;
    QTest::newRow("retries exhausted") << 0 << none << "" << 2 << false << false << 0;
    QTest::newRow("408") << 408 << none << "" << 0 << false << true << 500;
    QTest::newRow("409") << 409 << none << "" << 0 << false << true << 500;
    QTest::newRow("429") << 429 << none << "rate_limit_exceeded" << 0 << false << true << 500;
    QTest::newRow("500") << 500 << none << "" << 0 << false << true << 500;
    QTest::newRow("503") << 503 << none << "" << 1 << false << true << 1000;
    QTest::newRow("400 not retried") << 400 << none << "" << 0 << false << false << 0;
    QTest::newRow("401 not retried") << 401 << none << "" << 0 << false << false << 0;
    QTest::newRow("404 not retried") << 404 << none << "" << 0 << false << false << 0;
    QTest::newRow("422 not retried") << 422 << none << "" << 0 << false << false << 0;
    QTest::newRow("x-should-retry true on 400") << 400 << QByteArrayList{"x-should-retry: true"} << "" << 0 << false << true << 500;
    QTest::newRow("x-should-retry false on 500") << 500 << QByteArrayList{"x-should-retry: false"} << "" << 0 << false << false << 0;
    QTest::newRow("header names any case") << 400 << QByteArrayList{"X-Should-Retry: true"} << "" << 0 << false << true << 500;
    QTest::newRow("retry-after seconds") << 429 << QByteArrayList{"retry-after: 3"} << "" << 0 << false << true << 3000;
    QTest::newRow("retry-after fractional seconds") << 429 << QByteArrayList{"Retry-After: 0.25"} << "" << 0 << false << true << 250;
    QTest::newRow("retry-after-ms wins over retry-after")
        << 429 << QByteArrayList{"retry-after: 30", "retry-after-ms: 40"} << "" << 0 << false << true << 40;
    QTest::newRow("retry-after http-date")
        << 503 << QByteArrayList{"retry-after: Thu, 26 Nov 2026 12:00:05 GMT"} << "" << 0 << false << true << 5000;
    QTest::newRow("retry-after over 120 s: no retry at all")
        << 429 << QByteArrayList{"retry-after: 121"} << "" << 0 << false << false << 0;
    QTest::newRow("retry-after over 120 s beats x-should-retry")
        << 429 << QByteArrayList{"retry-after: 600", "x-should-retry: true"} << "" << 0 << false << false << 0;
    QTest::newRow("retry-after of exactly 120 s honoured") << 429 << QByteArrayList{"retry-after: 120"} << "" << 0 << false << true << 120000;
    QTest::newRow("retry-after zero falls back to backoff") << 429 << QByteArrayList{"retry-after: 0"} << "" << 1 << false << true << 1000;
    QTest::newRow("retry-after in the past falls back to backoff")
        << 429 << QByteArrayList{"retry-after: Thu, 26 Nov 2026 11:00:00 GMT"} << "" << 0 << false << true << 500;
    QTest::newRow("unparsable retry-after falls back to backoff")
        << 429 << QByteArrayList{"retry-after: soon"} << "" << 0 << false << true << 500;
    QTest::newRow("insufficient_quota never retried") << 429 << none << "insufficient_quota" << 0 << false << false << 0;
    QTest::newRow("insufficient_quota even with x-should-retry")
        << 429 << QByteArrayList{"x-should-retry: true"} << "insufficient_quota" << 0 << false << false << 0;
    QTest::newRow("streamed content delivered: never") << 0 << none << "" << 0 << true << false << 0;
    QTest::newRow("delivered content beats x-should-retry")
        << 500 << QByteArrayList{"x-should-retry: true"} << "" << 0 << true << false << 0;
}

void TestRetryPolicy::decidesLikeTheOpenAiClient()
{
    QFETCH(int, status);
    QFETCH(QByteArrayList, headers);
    QFETCH(QString, code);
    QFETCH(int, retriesSoFar);
    QFETCH(bool, contentDelivered);
    QFETCH(bool, retry);
    QFETCH(int, delayMs);

    RetryPolicy::Attempt attempt;
    attempt.httpStatus = status;
    attempt.headers = headersFrom(headers);
    attempt.errorCode = code;
    attempt.retriesSoFar = retriesSoFar;
    attempt.contentDelivered = contentDelivered;
    const RetryPolicy::Decision decision = policyWithRandom(0.0).decide(attempt);
    QVERIFY2(decision.retry == retry, qPrintable(decision.reason));
    if (retry)
        QCOMPARE(decision.delayMs, delayMs);
    QVERIFY(!decision.reason.isEmpty());
}

void TestRetryPolicy::backoffDoublesUpToEightSecondsWithJitter_data()
{
    QTest::addColumn<int>("retriesSoFar");
    QTest::addColumn<double>("random");
    QTest::addColumn<double>("seconds");
    QTest::newRow("n=0") << 0 << 0.0 << 0.5;
    QTest::newRow("n=1") << 1 << 0.0 << 1.0;
    QTest::newRow("n=2") << 2 << 0.0 << 2.0;
    QTest::newRow("n=3") << 3 << 0.0 << 4.0;
    QTest::newRow("n=4 capped") << 4 << 0.0 << 8.0;
    QTest::newRow("n=10 capped") << 10 << 0.0 << 8.0;
    QTest::newRow("full jitter is 75 %") << 2 << 1.0 << 1.5;
    QTest::newRow("half jitter") << 1 << 0.5 << 0.875;
}

void TestRetryPolicy::backoffDoublesUpToEightSecondsWithJitter()
{
    QFETCH(int, retriesSoFar);
    QFETCH(double, random);
    QFETCH(double, seconds);
    QCOMPARE(policyWithRandom(random).backoffSeconds(retriesSoFar), seconds);
}

void TestRetryPolicy::retryAfterPrefersMillisecondsThenSecondsThenDate_data()
{
    QTest::addColumn<QByteArrayList>("headers");
    QTest::addColumn<double>("seconds"); // -1 = none
    QTest::newRow("none") << QByteArrayList{} << -1.0;
    QTest::newRow("ms") << QByteArrayList{"retry-after-ms: 1500"} << 1.5;
    QTest::newRow("seconds") << QByteArrayList{"retry-after: 7"} << 7.0;
    QTest::newRow("date") << QByteArrayList{"retry-after: Thu, 26 Nov 2026 12:01:00 GMT"} << 60.0;
    QTest::newRow("bad ms falls back to seconds") << QByteArrayList{"retry-after-ms: x", "retry-after: 2"} << 2.0;
    QTest::newRow("garbage") << QByteArrayList{"retry-after: tomorrow"} << -1.0;
}

void TestRetryPolicy::retryAfterPrefersMillisecondsThenSecondsThenDate()
{
    QFETCH(QByteArrayList, headers);
    QFETCH(double, seconds);
    const std::optional<double> parsed = policyWithRandom(0).retryAfterSeconds(headersFrom(headers));
    if (seconds < 0) {
        QVERIFY(!parsed.has_value());
    } else {
        QVERIFY(parsed.has_value());
        QCOMPARE(*parsed, seconds);
    }
}

void TestRetryPolicy::maxRetriesIsConfigurable()
{
    RetryPolicy::Attempt attempt;
    attempt.httpStatus = 500;
    attempt.retriesSoFar = 2;
    QVERIFY(!policyWithRandom(0, 2).decide(attempt).retry);
    QVERIFY(policyWithRandom(0, 5).decide(attempt).retry);
    QCOMPARE(policyWithRandom(0, 5).decide(attempt).delayMs, 2000);
    attempt.retriesSoFar = 0;
    QVERIFY(!policyWithRandom(0, 0).decide(attempt).retry);
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
