// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/result.h"

#include <QTest>

class TestResult : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void errorToString_data();
    void errorToString();
    void resultHoldsValueOrError();
};

void TestResult::errorToString_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("all") << "a.json" << 3 << 7 << "messages[1].content" << "a.json:3:7: messages[1].content: bad";
    QTest::newRow("file only") << "a.json" << 0 << 0 << "" << "a.json: bad";
    QTest::newRow("nothing") << "" << 0 << 0 << "" << "bad";
    QTest::newRow("line no file") << "" << 4 << 0 << "" << "4: bad";
}

void TestResult::errorToString()
{
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, path);
    QFETCH(QString, expected);
    tb::Error error;
    error.message = QStringLiteral("bad");
    error.file = file;
    error.line = line;
    error.column = column;
    error.path = path;
    QCOMPARE(error.toString(), expected);
}

void TestResult::resultHoldsValueOrError()
{
    tb::Result<int> good(42);
    QVERIFY(good.ok());
    QCOMPARE(*good, 42);
    tb::Error nope;
    nope.message = QStringLiteral("nope");
    tb::Result<int> bad(nope);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().message, QStringLiteral("nope"));
}

QTEST_GUILESS_MAIN(TestResult)
#include "tst_result.moc"
