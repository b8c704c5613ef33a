// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/datasetreport.h"
#include "core/datasetvalidator.h"
#include "core/jsonlindex.h"
#include "core/longexamplefilter.h"
#include "fixturefiles.h"

#include <QFile>
#include <QTest>

using tb::DatasetReport;
using tb::LongExampleFilter;

class TestLongExampleFilter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dropsOnlyCountedExamplesOverTheLimit();
    void usesTheValidatorsCounts();
    void refusesMismatchedCountsAndExistingOutputs();

private:
    tb::test::FixtureFiles m_files { QStringLiteral("long") };
};

void TestLongExampleFilter::dropsOnlyCountedExamplesOverTheLimit()
{
    const auto index = m_files.writeIndexed("{\"a\":1}\n"
                                            "{\"b\":2}\r\n"
                                            "\n"
                                            "not json\n"
                                            "{\"c\":3}");
    // Counts of 10, 11 (over), blank, no count (kept: not an example), 10.
    const std::vector<quint32> tokens { 10, 11, DatasetReport::kNotCounted, DatasetReport::kNotCounted, 10 };
    const QString out = m_files.filePath(QStringLiteral("out.jsonl"));
    const auto outcome = LongExampleFilter::run(*index, tokens, 10, out);
    QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().toString()));
    QCOMPARE(outcome->kept, 3);
    QCOMPARE(outcome->removed, 1);
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("{\"a\":1}\nnot json\n{\"c\":3}\n"));
}

void TestLongExampleFilter::usesTheValidatorsCounts()
{
    // Chat counts as the cookbook: 3 per message + role + content, + 3 for the primer.
    const QByteArray shortLine
        = R"({"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}]})";
    const QByteArray longLine = R"({"messages":[{"role":"user","content":")"
        + QByteArray("word ").repeated(50) + R"("},{"role":"assistant","content":"ok"}]})";
    const auto index = m_files.writeIndexed(shortLine + '\n' + longLine + '\n' + shortLine + '\n');
    const DatasetReport report = tb::DatasetValidator({}).validate(*index);
    QVERIFY(report.lineTokens);
    QVERIFY((*report.lineTokens)[0] < 20);
    QVERIFY((*report.lineTokens)[1] > 50);
    const QString out = m_files.filePath(QStringLiteral("chat-short.jsonl"));
    const auto outcome = LongExampleFilter::run(*index, *report.lineTokens, 20, out);
    QVERIFY(outcome.ok());
    QCOMPARE(outcome->removed, 1);
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), shortLine + '\n' + shortLine + '\n');
}

void TestLongExampleFilter::refusesMismatchedCountsAndExistingOutputs()
{
    const auto index = m_files.writeIndexed("{}\n{}\n");
    const QString out = m_files.filePath(QStringLiteral("never.jsonl"));
    QVERIFY(!LongExampleFilter::run(*index, { 1 }, 10, out).ok());
    QVERIFY(!QFile::exists(out));
    const auto overwrite = LongExampleFilter::run(*index, { 1, 1 }, 10, index->path());
    QVERIFY(!overwrite.ok());
    QFile in(index->path());
    QVERIFY(in.open(QIODevice::ReadOnly));
    QCOMPARE(in.readAll(), QByteArray("{}\n{}\n"));
}

QTEST_GUILESS_MAIN(TestLongExampleFilter)
#include "tst_longexamplefilter.moc"
