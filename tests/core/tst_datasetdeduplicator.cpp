// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/datasetdeduplicator.h"
#include "core/jsonlindex.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using tb::DatasetDeduplicator;

class TestDatasetDeduplicator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dropsRepeatsKeepingFirstOccurrences_data();
    void dropsRepeatsKeepingFirstOccurrences();
    void refusesToOverwrite();
};

void TestDatasetDeduplicator::dropsRepeatsKeepingFirstOccurrences_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("normalized");
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<qint64>("removed");
    const QByteArray input = "{\"a\": \"x y\"}\r\n"
                             "{\"b\": 1}\n"
                             "\n"
                             "{\"a\": \"x y\"}\n"
                             "{\"a\":\"x   y \"}\n"
                             "not json\n"
                             "not json";
    QTest::newRow("exact") << input << false
                           << QByteArray("{\"a\": \"x y\"}\n{\"b\": 1}\n{\"a\":\"x   y \"}\nnot json\n")
                           << qint64(2);
    QTest::newRow("normalized") << input << true << QByteArray("{\"a\": \"x y\"}\n{\"b\": 1}\nnot json\n")
                                << qint64(3);
}

void TestDatasetDeduplicator::dropsRepeatsKeepingFirstOccurrences()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, normalized);
    QFETCH(QByteArray, output);
    QFETCH(qint64, removed);
    QTemporaryDir dir;
    QFile in(dir.filePath(QStringLiteral("in.jsonl")));
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write(input);
    in.close();
    auto index = tb::JsonlIndex::open(in.fileName());
    QVERIFY(index.ok());
    (*index)->build();
    const QString outPath = dir.filePath(QStringLiteral("out.jsonl"));
    const auto outcome = DatasetDeduplicator::run(**index, outPath,
        normalized ? DatasetDeduplicator::Mode::Normalized : DatasetDeduplicator::Mode::Exact);
    QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().toString()));
    QCOMPARE(outcome->removed, removed);
    QFile out(outPath);
    QVERIFY(out.open(QIODevice::ReadOnly));
    QCOMPARE(out.readAll(), output);
}

void TestDatasetDeduplicator::refusesToOverwrite()
{
    QTemporaryDir dir;
    QFile in(dir.filePath(QStringLiteral("in.jsonl")));
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write("{}\n{}\n");
    in.close();
    auto index = tb::JsonlIndex::open(in.fileName());
    QVERIFY(index.ok());
    (*index)->build();
    const auto outcome = DatasetDeduplicator::run(**index, in.fileName(), DatasetDeduplicator::Mode::Exact);
    QVERIFY(!outcome.ok());
    QVERIFY(in.open(QIODevice::ReadOnly));
    QCOMPARE(in.readAll(), QByteArray("{}\n{}\n"));
}

QTEST_GUILESS_MAIN(TestDatasetDeduplicator)
#include "tst_datasetdeduplicator.moc"
