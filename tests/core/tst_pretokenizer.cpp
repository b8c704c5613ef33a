// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/pretokenizer.h"
#include "core/unicodeclasses.h"
#include "tokenizerfixtures.h"

#include <QJsonArray>
#include <QTest>

using tb::Pretokenizer;
using Pattern = Pretokenizer::Pattern;

Q_DECLARE_METATYPE(Pretokenizer::Pattern)

namespace {

QStringList piecesOf(Pattern pattern, const QByteArray& text)
{
    QStringList out;
    for (const std::string_view piece :
        Pretokenizer(pattern).split({ text.constData(), std::size_t(text.size()) }))
        out << QString::fromUtf8(piece.data(), qsizetype(piece.size()));
    return out;
}

// Cuts `text` at the UTF-8 byte lengths recorded in the fixture.
QStringList cutAt(const QByteArray& text, const QJsonArray& lengths)
{
    QStringList out;
    qsizetype pos = 0;
    for (const QJsonValue& v : lengths) {
        out << QString::fromUtf8(text.mid(pos, qsizetype(v.toInteger())));
        pos += qsizetype(v.toInteger());
    }
    return out;
}

} // namespace

class TestPretokenizer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splitsLikeTiktoken_data();
    void splitsLikeTiktoken();
    void splitsKnownCases_data();
    void splitsKnownCases();
    void classifiesCodePoints_data();
    void classifiesCodePoints();
    void decodesInvalidUtf8ByteByByte();
};

void TestPretokenizer::splitsLikeTiktoken_data()
{
    QTest::addColumn<Pattern>("pattern");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QJsonArray>("lengths");
    int withPieces = 0;
    int legacyDiffers = 0;
    for (const QJsonObject& c : tb::test::readTokenizerCases()) {
        if (!c.contains(QLatin1String("cl100k_pieces")))
            continue;
        ++withPieces;
        const QByteArray text = c.value(QLatin1String("text")).toString().toUtf8();
        const QByteArray name = c.value(QLatin1String("name")).toString().toUtf8();
        const QJsonArray cl100k = c.value(QLatin1String("cl100k_pieces")).toArray();
        QTest::addRow("cl100k %s", name.constData()) << Pattern::Cl100k << text << cl100k;
        QTest::addRow("o200k %s", name.constData())
            << Pattern::O200k << text << c.value(QLatin1String("o200k_pieces")).toArray();
        // The fixture stores the legacy pieces only where they differ.
        const QJsonValue legacy = c.value(QLatin1String("cl100k_legacy_pieces"));
        legacyDiffers += legacy.isArray() ? 1 : 0;
        QTest::addRow("cl100k legacy %s", name.constData())
            << Pattern::Cl100kLegacy << text << (legacy.isArray() ? legacy.toArray() : cl100k);
    }
    QVERIFY(withPieces > 300);
    QVERIFY(legacyDiffers > 0);
}

void TestPretokenizer::splitsLikeTiktoken()
{
    QFETCH(Pattern, pattern);
    QFETCH(QByteArray, text);
    QFETCH(QJsonArray, lengths);
    QCOMPARE(piecesOf(pattern, text), cutAt(text, lengths));
}

void TestPretokenizer::splitsKnownCases_data()
{
    QTest::addColumn<Pattern>("pattern");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("pieces");
    const auto list = [](std::initializer_list<const char*> items) {
        QStringList out;
        for (const char* item : items)
            out << QString::fromUtf8(item);
        return out;
    };
    QTest::newRow("cl100k contraction before word")
        << Pattern::Cl100k << QByteArray("'store") << list({ "'s", "tore" });
    QTest::newRow("cl100k long s contraction") << Pattern::Cl100k
                                               << QByteArray("x'\xC5\xBF"
                                                             "a")
                                               << list({ "x", "'\xC5\xBF", "a" });
    QTest::newRow("cl100k trailing newline and spaces")
        << Pattern::Cl100k << QByteArray("x\n   ") << list({ "x", "\n   " });
    QTest::newRow("legacy trailing newline and spaces")
        << Pattern::Cl100kLegacy << QByteArray("x\n   ") << list({ "x", "\n", "   " });
    QTest::newRow("cl100k space before word")
        << Pattern::Cl100k << QByteArray("a  b") << list({ "a", " ", " b" });
    QTest::newRow("cl100k numbers in threes")
        << Pattern::Cl100k << QByteArray("12345") << list({ "123", "45" });
    QTest::newRow("cl100k punctuation keeps newlines")
        << Pattern::Cl100k << QByteArray(" !!\n\nx") << list({ " !!\n\n", "x" });
    QTest::newRow("o200k camel case")
        << Pattern::O200k << QByteArray("HelloWorld ABCdef") << list({ "Hello", "World", " ABCdef" });
    QTest::newRow("o200k contraction suffix")
        << Pattern::O200k << QByteArray("DON'T they're") << list({ "DON'T", " they're" });
    QTest::newRow("o200k punctuation keeps slashes")
        << Pattern::O200k << QByteArray("//\n/x") << list({ "//\n/", "x" });
    QTest::newRow("o200k mark after punctuation") << Pattern::O200k
                                                  << QByteArray("!\xCC\x81"
                                                                "a")
                                                  << list({ "!\xCC\x81"
                                                            "a" });
    QTest::newRow("o200k lone mark") << Pattern::O200k << QByteArray("\xCC\x81") << list({ "\xCC\x81" });
    QTest::newRow("o200k newline run")
        << Pattern::O200k << QByteArray("x\n  \n  ") << list({ "x", "\n  \n", "  " });
}

void TestPretokenizer::splitsKnownCases()
{
    QFETCH(Pattern, pattern);
    QFETCH(QByteArray, text);
    QFETCH(QStringList, pieces);
    QCOMPARE(piecesOf(pattern, text), pieces);
}

void TestPretokenizer::classifiesCodePoints_data()
{
    using UC = tb::UnicodeClasses;
    QTest::addColumn<uint>("cp");
    QTest::addColumn<uint>("flags");
    QTest::newRow("a") << uint('a') << uint(UC::Letter | UC::LowerSet);
    QTest::newRow("A") << uint('A') << uint(UC::Letter | UC::UpperSet);
    QTest::newRow("titlecase dz") << 0x01C5u << uint(UC::Letter | UC::UpperSet);
    QTest::newRow("modifier h") << 0x02B0u << uint(UC::Letter | UC::UpperSet | UC::LowerSet);
    QTest::newRow("cjk") << 0x4E2Du << uint(UC::Letter | UC::UpperSet | UC::LowerSet);
    QTest::newRow("combining acute") << 0x0301u << uint(UC::UpperSet | UC::LowerSet);
    QTest::newRow("digit") << uint('7') << uint(UC::Number);
    QTest::newRow("roman twelve") << 0x216Bu << uint(UC::Number);
    QTest::newRow("space") << uint(' ') << uint(UC::WhiteSpace);
    QTest::newRow("next line") << 0x85u << uint(UC::WhiteSpace);
    QTest::newRow("ideographic space") << 0x3000u << uint(UC::WhiteSpace);
    QTest::newRow("zero width space is not white space") << 0x200Bu << 0u;
    QTest::newRow("garay letter (Unicode 16)") << 0x10D50u << uint(UC::Letter | UC::UpperSet);
    QTest::newRow("unassigned") << 0x0378u << 0u;
    QTest::newRow("beyond unicode") << 0x110000u << 0u;
}

void TestPretokenizer::classifiesCodePoints()
{
    QFETCH(uint, cp);
    QFETCH(uint, flags);
    QCOMPARE(uint(tb::UnicodeClasses::flags(char32_t(cp))), flags);
}

void TestPretokenizer::decodesInvalidUtf8ByteByByte()
{
    // An invalid byte is a one-byte "character" of no class: it joins punctuation pieces.
    const QByteArray text("a\xFF\xFE!b \x80");
    const auto pieces = Pretokenizer(Pattern::Cl100k).split({ text.constData(), std::size_t(text.size()) });
    QCOMPARE(pieces.size(), std::size_t(4));
    QCOMPARE(pieces[0], std::string_view("a"));
    QCOMPARE(pieces[1], std::string_view("\xFF\xFE!"));
    QCOMPARE(pieces[2], std::string_view("b"));
    QCOMPARE(pieces[3], std::string_view(" \x80"));
}

QTEST_GUILESS_MAIN(TestPretokenizer)
#include "tst_pretokenizer.moc"
