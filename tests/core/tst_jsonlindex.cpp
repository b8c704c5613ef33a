// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// JsonlIndex: line bounds for every line-ending edge case, BOM and UTF-8 reporting,
// offset lookups, growth while building, suspension and cancellation.

#include "core/jsonlindex.h"
#include "fixturefiles.h"

#include <QFile>
#include <QFuture>
#include <QPromise>
#include <QTest>
#include <QThread>
#include <string>
#include <thread>

using tb::JsonlIndex;

namespace {

using Offsets = QList<qint64>;

} // namespace

class TestJsonlIndex : public QObject
{
    Q_OBJECT

private:
    tb::test::FixtureFiles m_files { QStringLiteral("f") };


    // Many short JSON lines: "{\"n\":<i>}\n".
    static QByteArray manyLines(int count)
    {
        QByteArray bytes;
        for (int i = 0; i < count; ++i)
            bytes += "{\"n\":" + QByteArray::number(i) + "}\n";
        return bytes;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_files.isValid()); }

    void splitsLines_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArrayList>("lines");
        QTest::addColumn<Offsets>("offsets");
        QTest::addColumn<Offsets>("crlf");
        QTest::addColumn<bool>("bom");

        QTest::newRow("empty file") << QByteArray() << QByteArrayList {} << Offsets {} << Offsets {} << false;
        QTest::newRow("one line without newline")
            << QByteArray("{}") << QByteArrayList { "{}" } << Offsets { 0 } << Offsets { 0 } << false;
        QTest::newRow("lf") << QByteArray("a\nbc\n") << QByteArrayList { "a", "bc" } << Offsets { 0, 2 }
                            << Offsets { 0, 0 } << false;
        QTest::newRow("lf, last line without newline") << QByteArray("a\nbc") << QByteArrayList { "a", "bc" }
                                                       << Offsets { 0, 2 } << Offsets { 0, 0 } << false;
        QTest::newRow("crlf") << QByteArray("a\r\nbc\r\n") << QByteArrayList { "a", "bc" } << Offsets { 0, 3 }
                              << Offsets { 1, 1 } << false;
        QTest::newRow("mixed endings") << QByteArray("a\r\nb\nc") << QByteArrayList { "a", "b", "c" }
                                       << Offsets { 0, 3, 5 } << Offsets { 1, 0, 0 } << false;
        QTest::newRow("empty lines inside") << QByteArray("a\n\n\nb\n") << QByteArrayList { "a", "", "", "b" }
                                            << Offsets { 0, 2, 3, 4 } << Offsets { 0, 0, 0, 0 } << false;
        QTest::newRow("only a newline")
            << QByteArray("\n") << QByteArrayList { "" } << Offsets { 0 } << Offsets { 0 } << false;
        QTest::newRow("empty crlf lines") << QByteArray("\r\n\r\n") << QByteArrayList { "", "" }
                                          << Offsets { 0, 2 } << Offsets { 1, 1 } << false;
        QTest::newRow("trailing empty line") << QByteArray("a\n\n") << QByteArrayList { "a", "" }
                                             << Offsets { 0, 2 } << Offsets { 0, 0 } << false;
        QTest::newRow("lone cr is content")
            << QByteArray("a\rb\n") << QByteArrayList { "a\rb" } << Offsets { 0 } << Offsets { 0 } << false;
        QTest::newRow("cr at end of file without lf")
            << QByteArray("a\r") << QByteArrayList { "a\r" } << Offsets { 0 } << Offsets { 0 } << false;
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF{}\n[]") << QByteArrayList { "{}", "[]" }
                             << Offsets { 3, 6 } << Offsets { 0, 0 } << true;
        QTest::newRow("bom with crlf") << QByteArray("\xEF\xBB\xBF{}\r\n") << QByteArrayList { "{}" }
                                       << Offsets { 3 } << Offsets { 1 } << true;
        QTest::newRow("bom only") << QByteArray("\xEF\xBB\xBF") << QByteArrayList {} << Offsets {}
                                  << Offsets {} << true;
        QTest::newRow("bom then newline") << QByteArray("\xEF\xBB\xBF\n") << QByteArrayList { "" }
                                          << Offsets { 3 } << Offsets { 0 } << true;
        QTest::newRow("bom bytes later are content")
            << QByteArray("a\n\xEF\xBB\xBF") << QByteArrayList { "a", "\xEF\xBB\xBF" } << Offsets { 0, 2 }
            << Offsets { 0, 0 } << false;
    }

    void splitsLines()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArrayList, lines);
        QFETCH(Offsets, offsets);
        QFETCH(Offsets, crlf);
        QFETCH(bool, bom);

        const auto index = m_files.writeIndexed(bytes);
        QVERIFY(index->isComplete());
        QCOMPARE(index->fileSize(), bytes.size());
        QCOMPARE(index->hasBom(), bom);
        QCOMPARE(index->lineCount(), lines.size());
        for (qint64 i = 0; i < index->lineCount(); ++i) {
            QCOMPARE(index->lineView(i).toByteArray(), lines.at(i));
            QCOMPARE(index->lineOffset(i), offsets.at(i));
            QCOMPARE(index->lineEndOffset(i) - index->lineOffset(i), lines.at(i).size());
            QCOMPARE(index->hasCrlf(i), crlf.at(i) != 0);
            QCOMPARE(index->isEmptyLine(i), lines.at(i).isEmpty());
        }
        QCOMPARE(index->utf8ErrorCount(), 0);
    }

    void findsLineOfOffset_data()
    {
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<qint64>("line");
        // "\xEF\xBB\xBFab\r\n\ncd": BOM 0-2, "ab" 3-4, CRLF 5-6, empty line 7, "cd" 8-9.
        QTest::newRow("inside the bom") << qint64(1) << qint64(0);
        QTest::newRow("first content byte") << qint64(3) << qint64(0);
        QTest::newRow("cr of crlf") << qint64(5) << qint64(0);
        QTest::newRow("lf of crlf") << qint64(6) << qint64(0);
        QTest::newRow("empty line") << qint64(7) << qint64(1);
        QTest::newRow("last line start") << qint64(8) << qint64(2);
        QTest::newRow("last byte") << qint64(9) << qint64(2);
        QTest::newRow("past the end") << qint64(10) << qint64(-1);
        QTest::newRow("negative") << qint64(-1) << qint64(-1);
    }

    void findsLineOfOffset()
    {
        QFETCH(qint64, offset);
        QFETCH(qint64, line);
        const auto index = m_files.writeIndexed(QByteArray("\xEF\xBB\xBF"
                                            "ab\r\n\ncd"));
        QCOMPARE(index->lineAt(offset), line);
    }

    void reportsInvalidUtf8_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<Offsets>("errors");
        QTest::newRow("valid multibyte")
            << QByteArray("\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\"\n") << Offsets {};
        QTest::newRow("stray continuation byte") << QByteArray("a\x80"
                                                               "b")
                                                 << Offsets { 1 };
        QTest::newRow("truncated sequence counts once") << QByteArray("\xE2\x82"
                                                                      "a")
                                                        << Offsets { 0 };
        QTest::newRow("overlong encoding") << QByteArray("\xC0\xAF") << Offsets { 0, 1 };
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << Offsets { 0, 1, 2 };
        QTest::newRow("beyond U+10FFFF") << QByteArray("x\xF5\x80\x80\x80") << Offsets { 1, 2, 3, 4 };
        QTest::newRow("in the second line") << QByteArray("ok\n\xFF\n") << Offsets { 3 };
        QTest::newRow("truncated at end of file") << QByteArray("ab\xF0\x9F\x98") << Offsets { 2 };
        QTest::newRow("after a bom") << QByteArray("\xEF\xBB\xBF\xFE") << Offsets { 3 };
    }

    void reportsInvalidUtf8()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(Offsets, errors);
        const auto index = m_files.writeIndexed(bytes);
        const std::vector<qint64> found = index->utf8ErrorOffsets();
        QCOMPARE(Offsets(found.begin(), found.end()), errors);
        QCOMPARE(index->utf8ErrorCount(), errors.size());
    }

    void keepsSequencesWholeAcrossScanSegments()
    {
        // A 3-byte character straddling the 1 MiB segment boundary is valid; a bad byte
        // just after the boundary is reported at its exact offset.
        const qint64 mib = qint64(1) << 20;
        QByteArray bytes(mib - 1, 'a');
        bytes += "\xE2\x82\xAC";
        bytes += QByteArray(10, 'b');
        bytes += '\xFF';
        bytes += '\n';
        const auto index = m_files.writeIndexed(bytes);
        const std::vector<qint64> found = index->utf8ErrorOffsets();
        QCOMPARE(Offsets(found.begin(), found.end()), Offsets { mib + 12 });
        QCOMPARE(index->lineCount(), 1);
    }

    void capsStoredUtf8ErrorsButCountsAll()
    {
        const QByteArray bytes(JsonlIndex::kMaxUtf8Errors + 500, '\xFF');
        const auto index = m_files.writeIndexed(bytes);
        QCOMPARE(qint64(index->utf8ErrorOffsets().size()), qint64(JsonlIndex::kMaxUtf8Errors));
        QCOMPARE(index->utf8ErrorCount(), bytes.size());
        QCOMPARE(index->utf8ErrorOffsets().back(), qint64(JsonlIndex::kMaxUtf8Errors - 1));
    }

    void indexesHugeSingleLine()
    {
        // A line spanning many scan segments and index blocks of other lines.
        const qint64 length = qint64(48) << 20;
        QByteArray bytes;
        bytes.reserve(length + 32);
        bytes += "{\"x\":\"";
        bytes += QByteArray(length, 'z');
        bytes += "\"}\r\n{}\n";
        const auto index = m_files.writeIndexed(bytes);
        QCOMPARE(index->lineCount(), 2);
        QCOMPARE(qint64(index->lineBytes(0).size()), length + 8);
        QVERIFY(index->hasCrlf(0));
        QCOMPARE(index->lineOffset(1), length + 10);
        QCOMPARE(index->lineView(1).toByteArray(), QByteArray("{}"));
        QCOMPARE(index->lineAt(length / 2), 0);
    }

    void indexesManyLinesAcrossBlocks()
    {
        const int count = 200000; // > 3 storage blocks of 65536 lines
        const QByteArray bytes = manyLines(count);
        const auto index = m_files.writeIndexed(bytes);
        QCOMPARE(index->lineCount(), count);
        for (int i : { 0, 1, 65535, 65536, 65537, 131072, count - 1 })
            QCOMPARE(index->lineView(i).toByteArray(), "{\"n\":" + QByteArray::number(i) + "}");
        QCOMPARE(index->lineAt(index->lineOffset(123456) + 3), 123456);
        // 5 bytes per line plus a block of slack: well under 8 bytes per line.
        QVERIFY2(index->memoryUsage() < 8 * count, qPrintable(QString::number(index->memoryUsage())));
    }

    void splitsIntoBalancedRanges_data()
    {
        QTest::addColumn<int>("parts");
        QTest::addColumn<int>("expectedRanges");
        QTest::newRow("one") << 1 << 1;
        QTest::newRow("two") << 2 << 2;
        QTest::newRow("seven") << 7 << 7;
        QTest::newRow("more parts than lines") << 5000 << 1000;
    }

    void splitsIntoBalancedRanges()
    {
        QFETCH(int, parts);
        QFETCH(int, expectedRanges);
        const auto index = m_files.writeIndexed(manyLines(1000));
        const auto ranges = index->splitByBytes(parts);
        QCOMPARE(int(ranges.size()), expectedRanges);
        qint64 next = 0;
        for (const auto& [first, end] : ranges) {
            QCOMPARE(first, next);
            QVERIFY(end > first);
            next = end;
        }
        QCOMPARE(next, 1000);
        if (parts == 2)
            QVERIFY(qAbs(ranges[0].second - 500) < 60); // lines differ in length by a few bytes
    }

    void showsRowsWhileBuildingAndCancels()
    {
        // Suspension is honoured after each published batch, so a build suspended before
        // it starts stops after its first segment: some rows visible, not complete.
        const int count = 400000; // ~5 MB, several segments
        const auto index = JsonlIndex::open(m_files.write(manyLines(count)));
        QVERIFY(index.ok());
        QPromise<void> promise;
        QFuture<void> future = promise.future();
        promise.start();
        future.suspend();
        std::thread worker([&] {
            index.value()->build(promise);
            promise.finish();
        });
        QTRY_VERIFY(future.isSuspended());
        const qint64 visible = index.value()->availableLines();
        QVERIFY(visible > 0);
        QVERIFY(visible < count);
        QVERIFY(!index.value()->isComplete());
        QCOMPARE(index.value()->lineView(visible - 1).toByteArray(),
            "{\"n\":" + QByteArray::number(visible - 1) + "}");
        QCOMPARE(index.value()->lineAt(index.value()->lineOffset(visible - 1)), visible - 1);

        future.cancel();
        worker.join();
        QVERIFY(index.value()->wasCanceled());
        QVERIFY(!index.value()->isComplete());
        QVERIFY(index.value()->availableLines() >= visible);
        QVERIFY(index.value()->availableLines() < count);
    }

    void buildsInBackgroundToCompletion()
    {
        const int count = 300000;
        const auto index = JsonlIndex::open(m_files.write(manyLines(count)));
        QVERIFY(index.ok());
        QFuture<void> future = JsonlIndex::buildInBackground(index.value());
        future.waitForFinished();
        QVERIFY(index.value()->isComplete());
        QCOMPARE(index.value()->lineCount(), count);
        QCOMPARE(future.progressValue(), JsonlIndex::kProgressMaximum);
    }

    void stopsAtOnceWhenCanceledBeforeStart()
    {
        const auto index = JsonlIndex::open(m_files.write(manyLines(1000)));
        QVERIFY(index.ok());
        QPromise<void> promise;
        promise.start();
        promise.future().cancel();
        index.value()->build(promise);
        QVERIFY(index.value()->wasCanceled());
        QCOMPARE(index.value()->availableLines(), 0);
    }

    void detectsChangeOnDisk()
    {
        const QString path = m_files.write("{}\n");
        const auto index = JsonlIndex::open(path);
        QVERIFY(index.ok());
        index.value()->build();
        QVERIFY(!index.value()->changedOnDisk());
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::Append));
            file.write("{\"more\":1}\n");
        }
        QVERIFY(index.value()->changedOnDisk());
    }

    void failsOnMissingFile()
    {
        const auto index = JsonlIndex::open(m_files.filePath(QStringLiteral("missing.jsonl")));
        QVERIFY(!index.ok());
        QVERIFY(index.error().file.endsWith(QStringLiteral("missing.jsonl")));
    }
};

QTEST_GUILESS_MAIN(TestJsonlIndex)
#include "tst_jsonlindex.moc"
