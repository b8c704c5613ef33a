// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/datasetmerger.h"
#include "fixturefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using tb::DatasetMerger;

namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

} // namespace

using Counts = QList<qint64>; // per file: lines, written, duplicates

class TestDatasetMerger : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_files.isValid()); }
    void concatenatesWithPlainLineEnds_data();
    void concatenatesWithPlainLineEnds();
    void neverWritesOverAFileUnasked();
    void neverWritesOverAnInput();
    void replacesAnExistingFileWhenAsked();
    void failsBeforeWritingWhenAnInputIsMissing();
    void stoppingWritesNothing();

private:
    tb::test::FixtureFiles m_files { QStringLiteral("merge") };
};

void TestDatasetMerger::concatenatesWithPlainLineEnds_data()
{
    QTest::addColumn<QByteArray>("first");
    QTest::addColumn<QByteArray>("second");
    QTest::addColumn<bool>("dedupe");
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<Counts>("counts");

    QTest::newRow("CRLF, BOM, blank lines and a last line without newline")
        << QByteArray("{\"a\":1}\r\n{\"b\":2}") << QByteArray("\xEF\xBB\xBF{\"c\":3}\n\n  \n{\"d\":4}\r\n")
        << false << QByteArray("{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n{\"d\":4}\n") << Counts { 2, 2, 0, 2, 2, 0 };
    QTest::newRow("repeats kept without dedupe") << QByteArray("x\ny\nx\n") << QByteArray("y\n") << false
                                                 << QByteArray("x\ny\nx\ny\n") << Counts { 3, 3, 0, 1, 1, 0 };
    QTest::newRow("dedupe drops repeats within and across files")
        << QByteArray("x\ny\nx\n") << QByteArray("y\r\nz\nx") << true << QByteArray("x\ny\nz\n")
        << Counts { 3, 2, 1, 3, 1, 2 };
    QTest::newRow("dedupe is exact: spacing differs, both stay")
        << QByteArray("{\"a\": 1}\n") << QByteArray("{\"a\":1}\n") << true
        << QByteArray("{\"a\": 1}\n{\"a\":1}\n") << Counts { 1, 1, 0, 1, 1, 0 };
    QTest::newRow("empty files") << QByteArray() << QByteArray("\n") << true << QByteArray()
                                 << Counts { 0, 0, 0, 0, 0, 0 };
}

void TestDatasetMerger::concatenatesWithPlainLineEnds()
{
    QFETCH(QByteArray, first);
    QFETCH(QByteArray, second);
    QFETCH(bool, dedupe);
    QFETCH(QByteArray, output);
    QFETCH(Counts, counts);
    const QStringList inputs { m_files.write(first), m_files.write(second) };
    const QString target
        = m_files.filePath(QStringLiteral("merged-%1.jsonl").arg(QLatin1String(QTest::currentDataTag())));
    DatasetMerger::Options options;
    options.dropDuplicates = dedupe;
    const auto outcome = DatasetMerger::run(inputs, target, options);
    QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().toString()));
    QCOMPARE(readAll(target), output);
    QCOMPARE(outcome->files.size(), std::size_t(2));
    Counts actual;
    for (const DatasetMerger::FileCount& file : outcome->files)
        actual << file.lines << file.written << file.duplicates;
    QCOMPARE(actual, counts);
    QCOMPARE(outcome->files.at(1).path, inputs.at(1));
    QCOMPARE(outcome->written, counts.at(1) + counts.at(4));
    QCOMPARE(outcome->duplicates, counts.at(2) + counts.at(5));
}

void TestDatasetMerger::neverWritesOverAFileUnasked()
{
    const QStringList inputs { m_files.write("a\n") };
    const QString target = m_files.write("keep me\n");
    const auto outcome = DatasetMerger::run(inputs, target, {});
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().file, target);
    QVERIFY(outcome.error().message.contains(QLatin1String("already exists")));
    QCOMPARE(readAll(target), QByteArray("keep me\n"));
}

void TestDatasetMerger::neverWritesOverAnInput()
{
    const QString a = m_files.write("a\n");
    const QStringList inputs { a, m_files.write("b\n") };
    DatasetMerger::Options options;
    options.replaceExisting = true;
    const auto outcome = DatasetMerger::run(
        inputs, QFileInfo(a).path() + QStringLiteral("/./") + QFileInfo(a).fileName(), options);
    QVERIFY(!outcome.ok());
    QVERIFY(outcome.error().message.contains(QLatin1String("one of the files being merged")));
    QCOMPARE(readAll(a), QByteArray("a\n"));
}

void TestDatasetMerger::replacesAnExistingFileWhenAsked()
{
    const QStringList inputs { m_files.write("a\n"), m_files.write("b") };
    const QString target = m_files.write("old\n");
    DatasetMerger::Options options;
    options.replaceExisting = true;
    QVERIFY(DatasetMerger::run(inputs, target, options).ok());
    QCOMPARE(readAll(target), QByteArray("a\nb\n"));
}

void TestDatasetMerger::failsBeforeWritingWhenAnInputIsMissing()
{
    const QString missing = m_files.filePath(QStringLiteral("missing.jsonl"));
    const QStringList inputs { m_files.write("a\n"), missing };
    const QString target = m_files.filePath(QStringLiteral("missing-out.jsonl"));
    const auto outcome = DatasetMerger::run(inputs, target, {});
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().file, missing);
    QVERIFY(!QFile::exists(target));
}

void TestDatasetMerger::stoppingWritesNothing()
{
    const QStringList inputs { m_files.write("a\nb\n"), m_files.write("c\n") };
    const QString target = m_files.filePath(QStringLiteral("stopped.jsonl"));
    qint64 lastDone = -1, lastTotal = -1;
    const auto outcome = DatasetMerger::run(inputs, target, {}, [&](qint64 done, qint64 total) {
        lastDone = done;
        lastTotal = total;
        return done < 4; // stop when the second file starts
    });
    QVERIFY(!outcome.ok());
    QCOMPARE(lastDone, qint64(4));
    QCOMPARE(lastTotal, qint64(6));
    QVERIFY(!QFile::exists(target));
    // No temporary file left behind either.
    QCOMPARE(QFileInfo(target).dir().entryList({ QStringLiteral("stopped*") }, QDir::Files), QStringList());
}

QTEST_GUILESS_MAIN(TestDatasetMerger)
#include "tst_datasetmerger.moc"
