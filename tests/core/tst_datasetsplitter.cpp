// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/datasetsplitter.h"
#include "core/jsonlindex.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using tb::DatasetSplitter;

namespace {

QList<QByteArray> lines(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> result = file.readAll().split('\n');
    if (!result.isEmpty() && result.last().isEmpty())
        result.removeLast();
    return result;
}

} // namespace

class TestDatasetSplitter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splitsAllExamplesOnceInOrder_data();
    void splitsAllExamplesOnceInOrder();
    void sameSeedSameSplit();
};

void TestDatasetSplitter::splitsAllExamplesOnceInOrder_data()
{
    QTest::addColumn<bool>("stratify");
    QTest::newRow("random") << false;
    QTest::newRow("stratified") << true;
}

void TestDatasetSplitter::splitsAllExamplesOnceInOrder()
{
    QFETCH(bool, stratify);
    QTemporaryDir dir;
    QFile in(dir.filePath(QStringLiteral("in.jsonl")));
    QVERIFY(in.open(QIODevice::WriteOnly));
    // 80 "yes" and 20 "no": stratified, the validation file has 8 and 2.
    for (int i = 0; i < 100; ++i)
        in.write(QStringLiteral("{\"prompt\": \"q%1 ->\", \"completion\": \" %2\"}\n")
                     .arg(i)
                     .arg(i % 5 == 0 ? QStringLiteral("no") : QStringLiteral("yes"))
                     .toUtf8());
    in.write("\n");
    in.close();
    auto index = tb::JsonlIndex::open(in.fileName());
    QVERIFY(index.ok());
    (*index)->build();
    DatasetSplitter::Options options;
    options.stratify = stratify;
    const QString train = dir.filePath(QStringLiteral("train.jsonl")),
                  valid = dir.filePath(QStringLiteral("valid.jsonl"));
    const auto outcome = DatasetSplitter::run(**index, train, valid, options);
    QVERIFY(outcome.ok());
    QCOMPARE(outcome->train, qint64(90));
    QCOMPARE(outcome->valid, qint64(10));
    const QList<QByteArray> t = lines(train), v = lines(valid);
    QCOMPARE(t.size(), 90);
    QCOMPARE(v.size(), 10);
    QSet<QByteArray> all(t.begin(), t.end());
    all.unite(QSet<QByteArray>(v.begin(), v.end()));
    QCOMPARE(all.size(), 100);
    QVERIFY(std::is_sorted(v.begin(), v.end(), [](const QByteArray& a, const QByteArray& b) {
        return a.mid(13).split(' ').first().toInt() < b.mid(13).split(' ').first().toInt();
    }));
    if (stratify)
        QCOMPARE(std::count_if(v.begin(), v.end(), [](const QByteArray& l) { return l.contains("\" no\""); }),
            qsizetype(2));
}

void TestDatasetSplitter::sameSeedSameSplit()
{
    QTemporaryDir dir;
    QFile in(dir.filePath(QStringLiteral("in.jsonl")));
    QVERIFY(in.open(QIODevice::WriteOnly));
    for (int i = 0; i < 50; ++i)
        in.write(QStringLiteral("{\"n\": %1}\n").arg(i).toUtf8());
    in.close();
    auto index = tb::JsonlIndex::open(in.fileName());
    QVERIFY(index.ok());
    (*index)->build();
    QList<QByteArray> first;
    for (int run = 0; run < 2; ++run) {
        const QString valid = dir.filePath(QStringLiteral("v%1.jsonl").arg(run));
        QVERIFY(DatasetSplitter::run(**index, dir.filePath(QStringLiteral("t%1.jsonl").arg(run)), valid, {})
                    .ok());
        if (run == 0)
            first = lines(valid);
        else
            QCOMPARE(lines(valid), first);
    }
    QCOMPARE(first.size(), 5);
    // Pinned (recorded from the first run): the split must not change between versions or platforms.
    QCOMPARE(first.join('|'), QByteArray("{\"n\": 0}|{\"n\": 10}|{\"n\": 24}|{\"n\": 29}|{\"n\": 34}"));
}

QTEST_GUILESS_MAIN(TestDatasetSplitter)
#include "tst_datasetsplitter.moc"
