// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/finetunelimits.h"

#include <QTest>

using tb::FineTuneLimits;

class TestFineTuneLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void picksEpochsLikeCookbook_data();
    void picksEpochsLikeCookbook();
    void knowsModelLimits_data();
    void knowsModelLimits();
};

void TestFineTuneLimits::picksEpochsLikeCookbook_data()
{
    QTest::addColumn<qint64>("examples");
    QTest::addColumn<int>("epochs");
    QTest::newRow("empty") << qint64(0) << 0;
    QTest::newRow("one example: 100 capped at 25") << qint64(1) << 25;
    QTest::newRow("cookbook toy set of 5") << qint64(5) << 20;
    QTest::newRow("33 examples: 99 < 100") << qint64(33) << 3;
    QTest::newRow("34 examples") << qint64(34) << 3;
    QTest::newRow("8333 examples") << qint64(8333) << 3;
    QTest::newRow("10000 examples") << qint64(10000) << 2;
    QTest::newRow("30000 examples, at least 1") << qint64(30000) << 1;
}

void TestFineTuneLimits::picksEpochsLikeCookbook()
{
    QFETCH(qint64, examples);
    QFETCH(int, epochs);
    QCOMPARE(FineTuneLimits::defaultEpochs(examples), epochs);
}

void TestFineTuneLimits::knowsModelLimits_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("limit"); // 0 = unknown
    QTest::newRow("gpt-3.5-turbo-0613") << QStringLiteral("gpt-3.5-turbo-0613") << 4096;
    QTest::newRow("gpt-3.5-turbo-0125") << QStringLiteral("gpt-3.5-turbo-0125") << 16385;
    QTest::newRow("gpt-4o-mini snapshot") << QStringLiteral("gpt-4o-mini-2024-07-18") << 65536;
    QTest::newRow("fine-tuned model") << QStringLiteral("ft:gpt-4o-mini-2024-07-18:acme::abc123") << 65536;
    QTest::newRow("unknown") << QStringLiteral("llama-3-8b") << 0;
}

void TestFineTuneLimits::knowsModelLimits()
{
    QFETCH(QString, model);
    QFETCH(int, limit);
    QCOMPARE(FineTuneLimits::maxTokensPerExample(model).value_or(0), limit);
}

QTEST_GUILESS_MAIN(TestFineTuneLimits)
#include "tst_finetunelimits.moc"
