// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// JsonlSearch: which lines match, in order, with case folding, across batches and
// while the index is still being built.

#include "core/jsonlindex.h"
#include "core/jsonlsearch.h"
#include "fixturefiles.h"

#include <QPromise>
#include <QTest>

using tb::JsonlIndex;
using tb::JsonlSearch;

using Lines = QList<qint64>;

class TestJsonlSearch : public QObject
{
    Q_OBJECT

private:
    tb::test::FixtureFiles m_files { QStringLiteral("s") };


    static Lines collect(QFuture<JsonlSearch::Batch> future)
    {
        future.waitForFinished();
        Lines lines;
        for (const JsonlSearch::Batch& batch : future.results())
            lines.append(Lines(batch.begin(), batch.end()));
        return lines;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_files.isValid()); }

    void findsMatchingLines_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("needle");
        QTest::addColumn<bool>("caseSensitive");
        QTest::addColumn<Lines>("expected");
        const QByteArray text("{\"a\":\"Hello\"}\n{\"a\":\"hello hello\"}\r\n\n{\"b\":\"HELLO\"}\n{\"c\":1}");
        QTest::newRow("case sensitive") << text << QByteArray("hello") << true << Lines { 1 };
        QTest::newRow("ascii case folded") << text << QByteArray("hello") << false << Lines { 0, 1, 3 };
        QTest::newRow("key text") << text << QByteArray("\"c\"") << true << Lines { 4 };
        QTest::newRow("no match") << text << QByteArray("absent") << false << Lines {};
        QTest::newRow("empty needle matches nothing") << text << QByteArray() << false << Lines {};
        QTest::newRow("newline never matches") << text << QByteArray("}\n{") << false << Lines {};
        QTest::newRow("utf-8 bytes") << QByteArray("{\"t\":\"caf\xC3\xA9\"}\n{\"t\":\"cafe\"}")
                                     << QByteArray("caf\xC3\xA9") << false << Lines { 0 };
    }

    void findsMatchingLines()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, needle);
        QFETCH(bool, caseSensitive);
        QFETCH(Lines, expected);
        const auto index = m_files.writeIndex(bytes);
        index->build();
        QCOMPARE(collect(JsonlSearch::start(
                     index, needle, caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive)),
            expected);
    }

    void followsAnIndexStillBuilding()
    {
        QByteArray bytes;
        Lines expected;
        for (int i = 0; i < 200000; ++i) {
            const bool hit = i % 997 == 0;
            bytes += hit ? "{\"needle\":" : "{\"n\":";
            bytes += QByteArray::number(i) + "}\n";
            if (hit)
                expected.append(i);
        }
        const auto index = m_files.writeIndex(bytes);
        QFuture<void> build = JsonlIndex::buildInBackground(index);
        const Lines found = collect(JsonlSearch::start(index, "NEEDLE", Qt::CaseInsensitive));
        build.waitForFinished();
        QCOMPARE(found, expected);
    }

    void stopsWhenCanceled()
    {
        const auto index = m_files.writeIndex("{\"x\":1}\n{\"x\":1}\n");
        index->build();
        QPromise<JsonlSearch::Batch> promise;
        promise.start();
        promise.future().cancel();
        JsonlSearch::run(promise, *index, "x", Qt::CaseSensitive);
        promise.finish();
        QCOMPARE(promise.future().resultCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestJsonlSearch)
#include "tst_jsonlsearch.moc"
