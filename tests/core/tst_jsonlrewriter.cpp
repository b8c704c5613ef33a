// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// JsonlEditOverlay and JsonlRewriter: edited lines substituted, every other byte kept
// (LF, CRLF, BOM, no final newline), and the target intact when writing fails or stops.

#include "core/jsonleditoverlay.h"
#include "core/jsonlindex.h"
#include "core/jsonlrewriter.h"
#include "fixturefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using tb::JsonlEditOverlay;
using tb::JsonlIndex;
using tb::JsonlRewriter;

using Edits = QMap<qint64, QByteArray>;

class TestJsonlRewriter : public QObject
{
    Q_OBJECT

private:
    tb::test::FixtureFiles m_files { QStringLiteral("r") };


    static QByteArray contents(const QString& path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
    }

    static JsonlEditOverlay overlayOf(const Edits& edits)
    {
        JsonlEditOverlay overlay;
        for (auto it = edits.begin(); it != edits.end(); ++it)
            overlay.setLine(it.key(), it.value());
        return overlay;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_files.isValid()); }

    void substitutesEditedLinesAndKeepsTheRest_data()
    {
        QTest::addColumn<QByteArray>("original");
        QTest::addColumn<Edits>("edits");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("no edits: identical") << QByteArray("{\"a\":1}\r\n{\"b\":2}\n\n{\"c\":3}") << Edits {}
                                             << QByteArray("{\"a\":1}\r\n{\"b\":2}\n\n{\"c\":3}");
        QTest::newRow("lf") << QByteArray("{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n")
                            << Edits { { 1, "{\"b\":20}" } }
                            << QByteArray("{\"a\":1}\n{\"b\":20}\n{\"c\":3}\n");
        QTest::newRow("crlf kept on edited and untouched lines")
            << QByteArray("{\"a\":1}\r\n{\"b\":2}\r\n{\"c\":3}\r\n") << Edits { { 0, "{}" }, { 2, "[1]" } }
            << QByteArray("{}\r\n{\"b\":2}\r\n[1]\r\n");
        QTest::newRow("mixed line ends")
            << QByteArray("{\"a\":1}\r\n{\"b\":2}\n{\"c\":3}") << Edits { { 1, "{\"x\":\"y\"}" } }
            << QByteArray("{\"a\":1}\r\n{\"x\":\"y\"}\n{\"c\":3}");
        QTest::newRow("last line without newline edited")
            << QByteArray("{\"a\":1}\n{\"b\":2}") << Edits { { 1, "{\"b\":3}" } }
            << QByteArray("{\"a\":1}\n{\"b\":3}");
        QTest::newRow("bom kept before edited first line")
            << QByteArray("\xEF\xBB\xBF{\"a\":1}\n{\"b\":2}\n") << Edits { { 0, "{\"a\":2}" } }
            << QByteArray("\xEF\xBB\xBF{\"a\":2}\n{\"b\":2}\n");
        QTest::newRow("empty line filled")
            << QByteArray("{\"a\":1}\n\n{\"c\":3}\n") << Edits { { 1, "{\"b\":2}" } }
            << QByteArray("{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n");
        QTest::newRow("line emptied") << QByteArray("{\"a\":1}\r\n{\"b\":2}\r\n") << Edits { { 0, "" } }
                                      << QByteArray("\r\n{\"b\":2}\r\n");
        QTest::newRow("utf-8 untouched")
            << QByteArray("{\"t\":\"caf\xC3\xA9 \xF0\x9F\x98\x80\"}\n{\"b\":2}\n")
            << Edits { { 1, "{\"t\":\"\xE2\x82\xAC\"}" } }
            << QByteArray("{\"t\":\"caf\xC3\xA9 \xF0\x9F\x98\x80\"}\n{\"t\":\"\xE2\x82\xAC\"}\n");
    }

    void substitutesEditedLinesAndKeepsTheRest()
    {
        QFETCH(QByteArray, original);
        QFETCH(Edits, edits);
        QFETCH(QByteArray, expected);
        const auto index = m_files.writeIndexed(original);
        const QString target = m_files.filePath(QStringLiteral("out.jsonl"));
        const tb::Status status = JsonlRewriter::write(*index, overlayOf(edits), target);
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().toString()));
        QCOMPARE(contents(target), expected);
        QCOMPARE(contents(index->path()), original);
    }

    void copiesUntouchedBytesInChunksOfBigFiles()
    {
        // More than one chunk before and after the edit.
        QByteArray original;
        const QByteArray line("{\"messages\":[{\"role\":\"user\",\"content\":\"0123456789abcdef\"}]}\r\n");
        const int lines = int(2 * JsonlRewriter::kChunkSize / line.size()) + 10;
        original.reserve(qsizetype(lines) * line.size());
        for (int i = 0; i < lines; ++i)
            original += line;
        const auto index = m_files.writeIndexed(original);
        const qint64 edited = lines / 2;
        JsonlEditOverlay overlay;
        overlay.setLine(edited, "{}");
        int calls = 0;
        const QString target = m_files.filePath(QStringLiteral("big.jsonl"));
        QVERIFY(
            JsonlRewriter::write(*index, overlay, target, [&](qint64, qint64) { return ++calls > 0; }).ok());
        QVERIFY(calls >= 3);
        QByteArray expected = original;
        expected.replace(edited * line.size(), line.size() - 2, "{}");
        QCOMPARE(contents(target), expected);
    }

    void replacesTheIndexedFileItself()
    {
        const QByteArray original("{\"a\":1}\n{\"b\":2}\n");
        const auto index = m_files.writeIndexed(original);
        JsonlEditOverlay overlay;
        overlay.setLine(0, "{\"a\":\"one\"}");
        QVERIFY(JsonlRewriter::write(*index, overlay, index->path()).ok());
        QCOMPARE(contents(index->path()), QByteArray("{\"a\":\"one\"}\n{\"b\":2}\n"));
        // The old mapping still reads the old bytes.
        QCOMPARE(index->lineView(0), QByteArrayView("{\"a\":1}"));
    }

    void leavesTargetIntactWhenCanceled()
    {
        const QByteArray original("{\"a\":1}\n{\"b\":2}\n");
        const auto index = m_files.writeIndexed(original);
        JsonlEditOverlay overlay;
        overlay.setLine(1, "{}");
        const tb::Status status
            = JsonlRewriter::write(*index, overlay, index->path(), [](qint64, qint64) { return false; });
        QVERIFY(!status.ok());
        QVERIFY(status.error().message.contains(QLatin1String("canceled")));
        QCOMPARE(contents(index->path()), original);
        const QString name = QFileInfo(index->path()).fileName();
        const QStringList files = QDir(QFileInfo(index->path()).path()).entryList(QDir::Files | QDir::Hidden);
        QCOMPARE(files.filter(name), QStringList { name }); // no temporary file left behind
    }

    void failsOnUnwritableTarget()
    {
        const auto index = m_files.writeIndexed("{\"a\":1}\n");
        const QString target = m_files.filePath(QStringLiteral("no/such/dir/out.jsonl"));
        const tb::Status status = JsonlRewriter::write(*index, {}, target);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().file, target);
        QVERIFY(!QFile::exists(target));
    }

    void refusesEditsPastTheEnd()
    {
        const auto index = m_files.writeIndexed("{\"a\":1}\n");
        JsonlEditOverlay overlay;
        overlay.setLine(5, "{}");
        QVERIFY(!JsonlRewriter::write(*index, overlay, m_files.filePath(QStringLiteral("past.jsonl"))).ok());
    }

    void writesInBackgroundWithProgress()
    {
        const auto index = m_files.writeIndexed("{\"a\":1}\n{\"b\":2}");
        JsonlEditOverlay overlay;
        overlay.setLine(1, "{\"b\":3}");
        const QString target = m_files.filePath(QStringLiteral("bg.jsonl"));
        QFuture<tb::Status> future = JsonlRewriter::writeInBackground(index, overlay, target);
        future.waitForFinished();
        QVERIFY(future.result().ok());
        QCOMPARE(future.progressValue(), JsonlRewriter::kProgressMaximum);
        QCOMPARE(contents(target), QByteArray("{\"a\":1}\n{\"b\":3}"));
    }

    void overlayShowsEditsOverTheIndex()
    {
        const auto index = m_files.writeIndexed("{\"a\":1}\n{\"b\":2}\n");
        JsonlEditOverlay overlay;
        QCOMPARE(overlay.lineView(*index, 1), QByteArrayView("{\"b\":2}"));
        overlay.setLine(1, "{\"b\":5}");
        QVERIFY(overlay.contains(1));
        QCOMPARE(overlay.lineView(*index, 1), QByteArrayView("{\"b\":5}"));
        QCOMPARE(overlay.lineView(*index, 0), QByteArrayView("{\"a\":1}"));
        overlay.revertLine(1);
        QVERIFY(overlay.isEmpty());
        QCOMPARE(overlay.lineView(*index, 1), QByteArrayView("{\"b\":2}"));
    }

    void joinsFormattedJsonToOneLine_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("one line") << QByteArray("{\"a\": 1}") << QByteArray("{\"a\": 1}");
        QTest::newRow("pretty lf") << QByteArray("{\n  \"a\": 1,\n  \"b\": [\n    2\n  ]\n}\n")
                                   << QByteArray("{  \"a\": 1,  \"b\": [    2  ]}");
        QTest::newRow("pretty crlf") << QByteArray("{\r\n\"a\":1\r\n}") << QByteArray("{\"a\":1}");
        QTest::newRow("escaped newline kept")
            << QByteArray("{\"a\":\"x\\ny\"}") << QByteArray("{\"a\":\"x\\ny\"}");
    }

    void joinsFormattedJsonToOneLine()
    {
        QFETCH(QByteArray, json);
        QFETCH(QByteArray, expected);
        QCOMPARE(JsonlEditOverlay::toSingleLine(json), expected);
    }
};

QTEST_GUILESS_MAIN(TestJsonlRewriter)
#include "tst_jsonlrewriter.moc"
