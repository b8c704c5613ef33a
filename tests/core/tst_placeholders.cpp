// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/placeholders.h"

#include <QTest>

// The expected strings in renderMatchesPythonInsertParams_data() were produced by
// running the book's insert_params (see placeholders.h) under python3 on each input;
// they are pasted, not derived here, so this test checks against Python itself.
// Positions in spans are UTF-16 units (Python's re counts code points).

using Values = QHash<QString, QString>;

class TestPlaceholders : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void renderMatchesPythonInsertParams_data();
    void renderMatchesPythonInsertParams();
    void escapeRendersLiteralBraces_data();
    void escapeRendersLiteralBraces();
    void namesInOrderOfFirstAppearance_data();
    void namesInOrderOfFirstAppearance();
    void spansCoverEachMatch_data();
    void spansCoverEachMatch();
    void stripUsesPythonWhitespace_data();
    void stripUsesPythonWhitespace();
    void isPythonSpaceAgreesOnEveryBmpCodePoint();
    void longUnclosedRunStaysUnchanged();
};

void TestPlaceholders::renderMatchesPythonInsertParams_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Values>("values");
    QTest::addColumn<QString>("expected");
    QTest::newRow("single parameter")
        << QStringLiteral("Translate this to French: {{text}}")
        << Values { { QStringLiteral("text"), QStringLiteral("Aren't they amazing?") } }
        << QStringLiteral("Translate this to French: Aren't they amazing?");
    QTest::newRow("two parameters") << QStringLiteral(
        "Here is some sample text: {{sample}} Rewrite this: {{text}}")
                                    << Values { { QStringLiteral("sample"), QStringLiteral("S") },
                                           { QStringLiteral("text"), QStringLiteral("T") } }
                                    << QStringLiteral("Here is some sample text: S Rewrite this: T");
    QTest::newRow("repeated name") << QStringLiteral("{{a}} and {{a}} again")
                                   << Values { { QStringLiteral("a"), QStringLiteral("X") } }
                                   << QStringLiteral("X and X again");
    QTest::newRow("missing value stays")
        << QStringLiteral("{{a}} {{b}}") << Values { { QStringLiteral("a"), QStringLiteral("1") } }
        << QStringLiteral("1 {{b}}");
    QTest::newRow("no values at all")
        << QStringLiteral("{{a}} {{ b }}") << Values {} << QStringLiteral("{{a}} {{ b }}");
    QTest::newRow("empty value is a value")
        << QStringLiteral("[{{a}}]") << Values { { QStringLiteral("a"), QStringLiteral("") } }
        << QStringLiteral("[]");
    QTest::newRow("unused value ignored")
        << QStringLiteral("no placeholders") << Values { { QStringLiteral("a"), QStringLiteral("1") } }
        << QStringLiteral("no placeholders");
    QTest::newRow("spaces inside") << QStringLiteral("{{ a }}|{{a}}|{{  a}}")
                                   << Values { { QStringLiteral("a"), QStringLiteral("1") } }
                                   << QStringLiteral("1|1|1");
    QTest::newRow("tab and carriage return inside")
        << QStringLiteral("{{\ta\r}}") << Values { { QStringLiteral("a"), QStringLiteral("1") } }
        << QStringLiteral("1");
    QTest::newRow("no-break space stripped")
        << QStringLiteral("{{\x00a0"
                          "a\x00a0"
                          "}}")
        << Values { { QStringLiteral("a"), QStringLiteral("1") } } << QStringLiteral("1");
    QTest::newRow("file separator stripped")
        << QStringLiteral("{{\x001c"
                          "a\x001f"
                          "}}")
        << Values { { QStringLiteral("a"), QStringLiteral("1") } } << QStringLiteral("1");
    QTest::newRow("next line stripped")
        << QStringLiteral("{{\x0085"
                          "a\x2028"
                          "}}")
        << Values { { QStringLiteral("a"), QStringLiteral("1") } } << QStringLiteral("1");
    QTest::newRow("ideographic space stripped")
        << QStringLiteral("{{\x3000"
                          "a\x205f"
                          "}}")
        << Values { { QStringLiteral("a"), QStringLiteral("1") } } << QStringLiteral("1");
    QTest::newRow("zero-width space not stripped") << QStringLiteral("{{\x200b"
                                                                     "a}}")
                                                   << Values { { QStringLiteral("a"), QStringLiteral("1") } }
                                                   << QStringLiteral("{{\x200b"
                                                                     "a}}");
    QTest::newRow("byte order mark not stripped") << QStringLiteral("{{a\xfeff"
                                                                    "}}")
                                                  << Values { { QStringLiteral("a"), QStringLiteral("1") } }
                                                  << QStringLiteral("{{a\xfeff"
                                                                    "}}");
    QTest::newRow("newline ends a placeholder")
        << QStringLiteral("{{a\n}} {{\na}}") << Values { { QStringLiteral("a"), QStringLiteral("1") } }
        << QStringLiteral("{{a\n}} {{\na}}");
    QTest::newRow("placeholders on separate lines") << QStringLiteral("{{a}}\n{{b}}")
                                                    << Values { { QStringLiteral("a"), QStringLiteral("1") },
                                                           { QStringLiteral("b"), QStringLiteral("2") } }
                                                    << QStringLiteral("1\n2");
    QTest::newRow("unclosed before newline then match")
        << QStringLiteral("{{x\n{{a}}")
        << Values { { QStringLiteral("a"), QStringLiteral("1") },
               { QStringLiteral("x"), QStringLiteral("2") } }
        << QStringLiteral("{{x\n1");
    QTest::newRow("line separator is not a newline") << QStringLiteral("{{a\x2028"
                                                                       "b}}")
                                                     << Values { { QStringLiteral("a\x2028"
                                                                                  "b"),
                                                            QStringLiteral("1") } }
                                                     << QStringLiteral("1");
    QTest::newRow("lazy match triple braces")
        << QStringLiteral("{{{a}}}") << Values { { QStringLiteral("a"), QStringLiteral("1") } }
        << QStringLiteral("{{{a}}}");
    QTest::newRow("lazy match brace name has a value")
        << QStringLiteral("{{{a}}}")
        << Values { { QStringLiteral("a"), QStringLiteral("1") },
               { QStringLiteral("{a"), QStringLiteral("2") } }
        << QStringLiteral("2}");
    QTest::newRow("extra closing braces")
        << QStringLiteral("{{a}}}}") << Values { { QStringLiteral("a"), QStringLiteral("1") } }
        << QStringLiteral("1}}");
    QTest::newRow("quadruple braces")
        << QStringLiteral("{{{{a}}}}") << Values { { QStringLiteral("a"), QStringLiteral("1") } }
        << QStringLiteral("{{{{a}}}}");
    QTest::newRow("adjacent placeholders") << QStringLiteral("{{a}}{{b}}")
                                           << Values { { QStringLiteral("a"), QStringLiteral("1") },
                                                  { QStringLiteral("b"), QStringLiteral("2") } }
                                           << QStringLiteral("12");
    QTest::newRow("unterminated") << QStringLiteral("{{a and a}} and {{")
                                  << Values { { QStringLiteral("a"), QStringLiteral("1") } }
                                  << QStringLiteral("{{a and a}} and {{");
    QTest::newRow("empty placeholder")
        << QStringLiteral("<{{}}> <{{ }}>") << Values { { QStringLiteral(""), QStringLiteral("E") } }
        << QStringLiteral("<E> <E>");
    QTest::newRow("value fills a later original match")
        << QStringLiteral("{{a}} {{b}}")
        << Values { { QStringLiteral("a"), QStringLiteral("{{b}}") },
               { QStringLiteral("b"), QStringLiteral("B") } }
        << QStringLiteral("B B");
    QTest::newRow("value with a placeholder not in the original")
        << QStringLiteral("{{a}}")
        << Values { { QStringLiteral("a"), QStringLiteral("{{b}}") },
               { QStringLiteral("b"), QStringLiteral("B") } }
        << QStringLiteral("{{b}}");
    QTest::newRow("earlier match is not refilled")
        << QStringLiteral("{{b}} {{a}}")
        << Values { { QStringLiteral("a"), QStringLiteral("{{b}}") },
               { QStringLiteral("b"), QStringLiteral("B") } }
        << QStringLiteral("B {{b}}");
    QTest::newRow("repeated match replaces twice")
        << QStringLiteral("{{a}} {{a}}") << Values { { QStringLiteral("a"), QStringLiteral("<{{a}}>") } }
        << QStringLiteral("<<{{a}}>> <<{{a}}>>");
    QTest::newRow("value with regex specials")
        << QStringLiteral("{{a}}") << Values { { QStringLiteral("a"), QStringLiteral("$1 \\1 \\g<0> .*") } }
        << QStringLiteral("$1 \\1 \\g<0> .*");
    QTest::newRow("non-ascii name") << QStringLiteral("{{größe}} {{名前}}")
                                    << Values { { QStringLiteral("größe"), QStringLiteral("L") },
                                           { QStringLiteral("名前"), QStringLiteral("N") } }
                                    << QStringLiteral("L N");
    QTest::newRow("astral name and value")
        << QStringLiteral("{{😀}}") << Values { { QStringLiteral("😀"), QStringLiteral("🙂 smile") } }
        << QStringLiteral("🙂 smile");
    QTest::newRow("quoted name is looked up")
        << QStringLiteral("{{ \"x\" }}") << Values { { QStringLiteral("\"x\""), QStringLiteral("Q") } }
        << QStringLiteral("Q");
}

void TestPlaceholders::renderMatchesPythonInsertParams()
{
    QFETCH(QString, text);
    QFETCH(Values, values);
    QFETCH(QString, expected);
    QCOMPARE(tb::renderPlaceholders(text, values), expected);
}

void TestPlaceholders::escapeRendersLiteralBraces_data()
{
    // Our extension: Python would leave these unchanged.
    QTest::addColumn<QString>("text");
    QTest::addColumn<Values>("values");
    QTest::addColumn<QString>("expected");
    const Values a { { QStringLiteral("a"), QStringLiteral("1") } };
    QTest::newRow("double quotes") << QStringLiteral("x {{ \"{{\" }} y") << Values {}
                                   << QStringLiteral("x {{ y");
    QTest::newRow("single quotes") << QStringLiteral("{{ '{{' }}") << Values {} << QStringLiteral("{{");
    QTest::newRow("no spaces") << QStringLiteral("{{\"{{\"}}") << Values {} << QStringLiteral("{{");
    QTest::newRow("literal placeholder syntax")
        << QStringLiteral("write {{ \"{{\" }}a}} for {{a}}") << a << QStringLiteral("write {{a}} for 1");
    QTest::newRow("escape output is not searched again")
        << QStringLiteral("{{ \"{{\" }}a}} {{a}}") << a << QStringLiteral("{{a}} 1");
    QTest::newRow("two escapes") << QStringLiteral("{{ '{{' }}{{ '{{' }}") << a << QStringLiteral("{{{{");
    QTest::newRow("quoted text with a space is no escape")
        << QStringLiteral("{{ \"{{ \" }}") << a << QStringLiteral("{{ \"{{ \" }}");
    QTest::newRow("escape in a value stays as it is")
        << QStringLiteral("{{a}}") << Values { { QStringLiteral("a"), QStringLiteral("{{ \"{{\" }}") } }
        << QStringLiteral("{{ \"{{\" }}");
    QTest::newRow("value filling a later match across an escape")
        << QStringLiteral("{{a}} {{ '{{' }} {{b}}")
        << Values { { QStringLiteral("a"), QStringLiteral("{{b}}") },
               { QStringLiteral("b"), QStringLiteral("B") } }
        << QStringLiteral("B {{ B");
}

void TestPlaceholders::escapeRendersLiteralBraces()
{
    QFETCH(QString, text);
    QFETCH(Values, values);
    QFETCH(QString, expected);
    QCOMPARE(tb::renderPlaceholders(text, values), expected);
}

void TestPlaceholders::namesInOrderOfFirstAppearance_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("none") << QStringLiteral("plain text") << QStringList {};
    QTest::newRow("order of first appearance")
        << QStringLiteral("{{b}} {{a}} {{b}} {{ c }}")
        << QStringList { QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("c") };
    QTest::newRow("stripped duplicates merge") << QStringLiteral("{{a}} {{ a }} {{\x00a0"
                                                                 "a}}")
                                               << QStringList { QStringLiteral("a") };
    QTest::newRow("lazy brace name left out")
        << QStringLiteral("{{{a}}} {{b}}") << QStringList { QStringLiteral("b") };
    QTest::newRow("empty left out") << QStringLiteral("{{}} {{  }} {{x}}")
                                    << QStringList { QStringLiteral("x") };
    QTest::newRow("quotes left out") << QStringLiteral("{{ 'q' }} {{ \"q\" }}") << QStringList {};
    QTest::newRow("escapes left out")
        << QStringLiteral("{{ \"{{\" }}a}} {{ '{{' }} {{z}}") << QStringList { QStringLiteral("z") };
    QTest::newRow("multi-line") << QStringLiteral("{{a}}\n{{b\n}} {{c}}")
                                << QStringList { QStringLiteral("a"), QStringLiteral("c") };
    QTest::newRow("inner spaces kept")
        << QStringLiteral("{{first name}}") << QStringList { QStringLiteral("first name") };
}

void TestPlaceholders::namesInOrderOfFirstAppearance()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QCOMPARE(tb::placeholderNames(text), expected);
}

void TestPlaceholders::spansCoverEachMatch_data()
{
    // Each span as "start:length:name", with ":escape" for escapes.
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("none") << QStringLiteral("abc") << QStringList {};
    QTest::newRow("one") << QStringLiteral("Hi {{name}}!") << QStringList { QStringLiteral("3:8:name") };
    QTest::newRow("padded") << QStringLiteral("{{ a }}{{b}}")
                            << QStringList { QStringLiteral("0:7:a"), QStringLiteral("7:5:b") };
    QTest::newRow("lazy") << QStringLiteral("{{{a}}}") << QStringList { QStringLiteral("0:6:{a") };
    QTest::newRow("newline breaks") << QStringLiteral("{{a\n}}{{b}}")
                                    << QStringList { QStringLiteral("6:5:b") };
    QTest::newRow("escape double quotes")
        << QStringLiteral("x {{ \"{{\" }} y") << QStringList { QStringLiteral("2:10:\"{{\":escape") };
    QTest::newRow("escape single quotes")
        << QStringLiteral("{{'{{'}}") << QStringList { QStringLiteral("0:8:'{{':escape") };
    QTest::newRow("not an escape") << QStringLiteral("{{ \"{{ \" }}")
                                   << QStringList { QStringLiteral("0:11:\"{{ \"") };
    QTest::newRow("astral") << QStringLiteral("😀{{n}}") << QStringList { QStringLiteral("2:5:n") };
}

void TestPlaceholders::spansCoverEachMatch()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QStringList actual;
    for (const tb::PlaceholderSpan& span : tb::findPlaceholders(text)) {
        actual.append(QString::number(span.start) + QLatin1Char(':') + QString::number(span.length)
            + QLatin1Char(':') + span.name + (span.escape ? QStringLiteral(":escape") : QString()));
    }
    QCOMPARE(actual, expected);
}

void TestPlaceholders::stripUsesPythonWhitespace_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nothing") << QStringLiteral("") << QStringLiteral("");
    QTest::newRow("all python whitespace") << QStringLiteral("\t\n\x000b"
                                                             "\x000c\r\x001c"
                                                             "\x001d"
                                                             "\x001e"
                                                             "\x001f"
                                                             " \x0085"
                                                             "\x00a0"
                                                             "\x1680"
                                                             "\x2000"
                                                             "\x2001"
                                                             "\x2002"
                                                             "\x2003"
                                                             "\x2004"
                                                             "\x2005"
                                                             "\x2006"
                                                             "\x2007"
                                                             "\x2008"
                                                             "\x2009"
                                                             "\x200a"
                                                             "\x2028"
                                                             "\x2029"
                                                             "\x202f"
                                                             "\x205f"
                                                             "\x3000"
                                                             "x\x001c"
                                                             "\x001d"
                                                             "\x001e"
                                                             "\x001f")
                                           << QStringLiteral("x");
    QTest::newRow("inner kept") << QStringLiteral(" a b ") << QStringLiteral("a b");
    QTest::newRow("zero width kept") << QStringLiteral("\x200b"
                                                       "a\x200b")
                                     << QStringLiteral("\x200b"
                                                       "a\x200b");
    QTest::newRow("only spaces") << QStringLiteral(" \x00a0"
                                                   "\x3000"
                                                   " ")
                                 << QStringLiteral("");
}

void TestPlaceholders::stripUsesPythonWhitespace()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(tb::pythonStrip(text), expected);
}

void TestPlaceholders::isPythonSpaceAgreesOnEveryBmpCodePoint()
{
    // python3 -c "print([hex(c) for c in range(0x110000) if chr(c).isspace()])", as ranges.
    const QList<QPair<char16_t, char16_t>> pythonSpaces { { 0x09, 0x0D }, { 0x1C, 0x20 }, { 0x85, 0x85 },
        { 0xA0, 0xA0 }, { 0x1680, 0x1680 }, { 0x2000, 0x200A }, { 0x2028, 0x2029 }, { 0x202F, 0x202F },
        { 0x205F, 0x205F }, { 0x3000, 0x3000 } };
    for (char32_t c = 0; c <= 0xFFFF; ++c) {
        const bool expected = std::any_of(pythonSpaces.begin(), pythonSpaces.end(),
            [c](const auto& range) { return c >= range.first && c <= range.second; });
        if (tb::isPythonSpace(QChar(c)) != expected)
            QFAIL(qPrintable(QStringLiteral("U+%1 disagrees").arg(quint32(c), 4, 16, QLatin1Char('0'))));
    }
}

void TestPlaceholders::longUnclosedRunStaysUnchanged()
{
    // Many openers with no closer on the line: nothing matches, and a closer after a
    // newline does not rescue them.
    const QString text = QString(50000, QLatin1Char('{')) + QStringLiteral("a\n}}");
    QVERIFY(tb::findPlaceholders(text).isEmpty());
    QCOMPARE(tb::renderPlaceholders(text, { { QStringLiteral("a"), QStringLiteral("1") } }), text);
}

QTEST_GUILESS_MAIN(TestPlaceholders)
#include "tst_placeholders.moc"
