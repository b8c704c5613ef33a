// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/pythonformat.h"

#include <QTest>
#include <limits>

namespace python = tb::python;

class TestPythonFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writesFloatsLikeRepr_data();
    void writesFloatsLikeRepr();
    void roundsLikePython_data();
    void roundsLikePython();
    void writesStringsLikeRepr_data();
    void writesStringsLikeRepr();
    void lowersLikeStrLower_data();
    void lowersLikeStrLower();
    void countsCodePointsAndCase();
};

void TestPythonFormat::writesFloatsLikeRepr_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("repr");
    QTest::newRow("integral") << 3.0 << QStringLiteral("3.0");
    QTest::newRow("tenth") << 0.1 << QStringLiteral("0.1");
    QTest::newRow("numpy lerp") << 6.6000000000000005 << QStringLiteral("6.6000000000000005");
    QTest::newRow("small fixed") << 0.0001 << QStringLiteral("0.0001");
    QTest::newRow("small exponent") << 0.00001 << QStringLiteral("1e-05");
    QTest::newRow("large fixed") << 1234567890123456.0 << QStringLiteral("1234567890123456.0");
    QTest::newRow("large exponent") << 1e16 << QStringLiteral("1e+16");
    QTest::newRow("huge") << 1.5e300 << QStringLiteral("1.5e+300");
    QTest::newRow("negative zero") << -0.0 << QStringLiteral("-0.0");
    QTest::newRow("negative") << -2.5 << QStringLiteral("-2.5");
    QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << QStringLiteral("nan");
    QTest::newRow("inf") << std::numeric_limits<double>::infinity() << QStringLiteral("inf");
}

void TestPythonFormat::writesFloatsLikeRepr()
{
    QFETCH(double, value);
    QFETCH(QString, repr);
    QCOMPARE(python::floatRepr(value), repr);
}

void TestPythonFormat::roundsLikePython_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("rounded");
    QTest::newRow("binary below half") << 2.675 << QStringLiteral("2.67");
    QTest::newRow("minutes") << 249.592 / 60 << QStringLiteral("4.16");
    QTest::newRow("trailing zero dropped") << 144.0 / 60 << QStringLiteral("2.4");
    QTest::newRow("half even") << 0.125 << QStringLiteral("0.12");
}

void TestPythonFormat::roundsLikePython()
{
    QFETCH(double, value);
    QFETCH(QString, rounded);
    QCOMPARE(python::floatRepr(python::round(value, 2)), rounded);
}

void TestPythonFormat::writesStringsLikeRepr_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("repr");
    QTest::newRow("plain") << QStringLiteral("id") << QStringLiteral("'id'");
    QTest::newRow("apostrophe") << QStringLiteral("it's") << QStringLiteral("\"it's\"");
    QTest::newRow("both quotes") << QStringLiteral("a'\"b") << QStringLiteral("'a\\'\"b'");
    QTest::newRow("controls") << QStringLiteral("\n\t\x01\\") << QStringLiteral("'\\n\\t\\x01\\\\'");
    QTest::newRow("printable unicode") << QStringLiteral("é😀") << QStringLiteral("'é😀'");
    QTest::newRow("format character") << QStringLiteral("a\u200bb") << QStringLiteral("'a\\u200bb'");
    QTest::newRow("c1 control") << QStringLiteral("\u0085") << QStringLiteral("'\\x85'");
}

void TestPythonFormat::writesStringsLikeRepr()
{
    QFETCH(QString, text);
    QFETCH(QString, repr);
    QCOMPARE(python::strRepr(text), repr);
}

void TestPythonFormat::lowersLikeStrLower_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("lower");
    QTest::newRow("ascii") << QStringLiteral("GOOD Morning") << QStringLiteral("good morning");
    QTest::newRow("final sigma") << QStringLiteral("ΟΔΟΣ ΟΔΟΣ.") << QStringLiteral("οδος οδος.");
    QTest::newRow("lone sigma") << QStringLiteral("Σ") << QStringLiteral("σ");
    QTest::newRow("dotted capital I") << QStringLiteral("İ") << QStringLiteral("i\u0307");
}

void TestPythonFormat::lowersLikeStrLower()
{
    QFETCH(QString, text);
    QFETCH(QString, lower);
    QCOMPARE(python::lower(text), lower);
}

void TestPythonFormat::countsCodePointsAndCase()
{
    QCOMPARE(python::length(QStringLiteral("😀a")), qsizetype(2));
    QCOMPARE(python::intListRepr({ 0, 5 }), QStringLiteral("[0, 5]"));
    QCOMPARE(python::thousands(16385), QStringLiteral("16,385"));
    QVERIFY(python::isAlphaUpper(U'Ü'));
    QVERIFY(!python::isAlphaUpper(U'Ⅰ')); // Nl: uppercase but not alpha
    QVERIFY(python::isAlphaLower(U'ª')); // Lo with Other_Lowercase
    QVERIFY(!python::isAlphaLower(U'1'));
}

QTEST_GUILESS_MAIN(TestPythonFormat)
#include "tst_pythonformat.moc"
