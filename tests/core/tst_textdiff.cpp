// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// TextDiff: tokens rebuild the text, the script rebuilds both sides, changes read as
// whole words, and the script is as short as a plain LCS says it can be.

#include "core/textdiff.h"

#include <QRandomGenerator>
#include <QTest>

using namespace tb;
using Kind = TextDiff::Segment::Kind;

Q_DECLARE_METATYPE(QList<TextDiff::Segment>)

namespace {

TextDiff::Segment eq(const QString& text)
{
    return {Kind::Equal, text};
}
TextDiff::Segment del(const QString& text)
{
    return {Kind::Deleted, text};
}
TextDiff::Segment ins(const QString& text)
{
    return {Kind::Inserted, text};
}

// Length of the longest common subsequence, the textbook way.
int lcsLength(const QStringList& a, const QStringList& b)
{
    std::vector<std::vector<int>> table(size_t(a.size() + 1), std::vector<int>(size_t(b.size() + 1), 0));
    for (qsizetype i = 1; i <= a.size(); ++i) {
        for (qsizetype j = 1; j <= b.size(); ++j) {
            table[size_t(i)][size_t(j)] = a.at(i - 1) == b.at(j - 1)
                                              ? table[size_t(i - 1)][size_t(j - 1)] + 1
                                              : std::max(table[size_t(i - 1)][size_t(j)], table[size_t(i)][size_t(j - 1)]);
        }
    }
    return table[size_t(a.size())][size_t(b.size())];
}

QStringList randomTokens(QRandomGenerator& random, int count)
{
    static const QStringList alphabet = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                         QStringLiteral("d"), QStringLiteral("e")};
    QStringList tokens;
    for (int i = 0; i < count; ++i)
        tokens.append(alphabet.at(random.bounded(int(alphabet.size()))));
    return tokens;
}

int editCount(const QList<TextDiff::Segment>& segments)
{
    // Tokens without spaces between them: one token per character.
    int edits = 0;
    for (const TextDiff::Segment& segment : segments) {
        if (segment.kind != Kind::Equal)
            edits += int(segment.text.size());
    }
    return edits;
}

} // namespace

class TestTextDiff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokensRebuildTheText_data();
    void tokensRebuildTheText();
    void comparesWordByWord_data();
    void comparesWordByWord();
    void reportsInsertedAndDeletedWords();
    void scriptIsAsShortAsTheLongestCommonSubsequenceAllows();
    void manyEditsFallBackToReplacingTheMiddle();
};

void TestTextDiff::tokensRebuildTheText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("tokens");
    QTest::newRow("empty") << QString() << QStringList();
    QTest::newRow("words and spaces") << QStringLiteral("Grey hull,  white wake")
                                      << QStringList{QStringLiteral("Grey"), QStringLiteral(" "), QStringLiteral("hull"),
                                                     QStringLiteral(","), QStringLiteral("  "), QStringLiteral("white"),
                                                     QStringLiteral(" "), QStringLiteral("wake")};
    QTest::newRow("newlines are space") << QStringLiteral("a\n\nb")
                                        << QStringList{QStringLiteral("a"), QStringLiteral("\n\n"), QStringLiteral("b")};
    QTest::newRow("punctuation alone") << QStringLiteral("\"x\":1")
                                       << QStringList{QStringLiteral("\""), QStringLiteral("x"), QStringLiteral("\""),
                                                      QStringLiteral(":"), QStringLiteral("1")};
    QTest::newRow("accents stay in the word") << QStringLiteral("café crème")
                                              << QStringList{QStringLiteral("café"), QStringLiteral(" "),
                                                             QStringLiteral("crème")};
}

void TestTextDiff::tokensRebuildTheText()
{
    QFETCH(QString, text);
    QFETCH(QStringList, tokens);
    QCOMPARE(TextDiff::tokenize(text), tokens);
    QCOMPARE(TextDiff::tokenize(text).join(QString()), text);
}

void TestTextDiff::comparesWordByWord_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QList<TextDiff::Segment>>("expected");
    QTest::newRow("identical") << QStringLiteral("same text") << QStringLiteral("same text")
                               << QList<TextDiff::Segment>{eq(QStringLiteral("same text"))};
    QTest::newRow("both empty") << QString() << QString() << QList<TextDiff::Segment>{};
    QTest::newRow("all new") << QString() << QStringLiteral("new text")
                             << QList<TextDiff::Segment>{ins(QStringLiteral("new text"))};
    QTest::newRow("all gone") << QStringLiteral("old text") << QString()
                              << QList<TextDiff::Segment>{del(QStringLiteral("old text"))};
    QTest::newRow("one word replaced")
        << QStringLiteral("The soup was cold.") << QStringLiteral("The soup was warm.")
        << QList<TextDiff::Segment>{eq(QStringLiteral("The soup was ")), del(QStringLiteral("cold")),
                                    ins(QStringLiteral("warm")), eq(QStringLiteral("."))};
    QTest::newRow("word inserted") << QStringLiteral("a quiet harbour") << QStringLiteral("a very quiet harbour")
                                   << QList<TextDiff::Segment>{eq(QStringLiteral("a ")), ins(QStringLiteral("very ")),
                                                               eq(QStringLiteral("quiet harbour"))};
    QTest::newRow("word deleted") << QStringLiteral("grey hull, white wake") << QStringLiteral("grey hull, wake")
                                  << QList<TextDiff::Segment>{eq(QStringLiteral("grey hull, ")),
                                                              del(QStringLiteral("white ")), eq(QStringLiteral("wake"))};
    QTest::newRow("spaces inside a change belong to it")
        << QStringLiteral("go north now") << QStringLiteral("go west fast now")
        << QList<TextDiff::Segment>{eq(QStringLiteral("go ")), del(QStringLiteral("north")),
                                    ins(QStringLiteral("west fast")), eq(QStringLiteral(" now"))};
    QTest::newRow("a word is not matched by its prefix")
        << QStringLiteral("cat") << QStringLiteral("category")
        << QList<TextDiff::Segment>{del(QStringLiteral("cat")), ins(QStringLiteral("category"))};
}

void TestTextDiff::comparesWordByWord()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QList<TextDiff::Segment>, expected);
    const QList<TextDiff::Segment> segments = TextDiff::compare(before, after);
    QCOMPARE(segments, expected);
    QCOMPARE(TextDiff::side(segments, Kind::Deleted), before);
    QCOMPARE(TextDiff::side(segments, Kind::Inserted), after);
}

void TestTextDiff::reportsInsertedAndDeletedWords()
{
    const QList<TextDiff::Segment> segments = TextDiff::compare(QStringLiteral("2: The chips were cold and soggy."),
                                                                QStringLiteral("1: The chips were cold and late."));
    QCOMPARE(TextDiff::words(segments, Kind::Deleted), (QStringList{QStringLiteral("2"), QStringLiteral("soggy")}));
    QCOMPARE(TextDiff::words(segments, Kind::Inserted), (QStringList{QStringLiteral("1"), QStringLiteral("late")}));
}

void TestTextDiff::scriptIsAsShortAsTheLongestCommonSubsequenceAllows()
{
    QRandomGenerator random(42); // fixed seed: the same cases every run
    for (int round = 0; round < 300; ++round) {
        const QStringList a = randomTokens(random, random.bounded(0, 14));
        const QStringList b = randomTokens(random, random.bounded(0, 14));
        const QList<TextDiff::Segment> segments = TextDiff::compareTokens(a, b);
        QCOMPARE(TextDiff::side(segments, Kind::Deleted), a.join(QString()));
        QCOMPARE(TextDiff::side(segments, Kind::Inserted), b.join(QString()));
        const int lcs = lcsLength(a, b);
        QCOMPARE(editCount(segments), int(a.size() + b.size()) - 2 * lcs);
    }
}

void TestTextDiff::manyEditsFallBackToReplacingTheMiddle()
{
    QStringList a;
    QStringList b;
    for (int i = 0; i < TextDiff::kMaxEdits + 10; ++i) {
        a.append(QStringLiteral("x%1").arg(i));
        b.append(QStringLiteral("y%1").arg(i));
    }
    a.prepend(QStringLiteral("same"));
    b.prepend(QStringLiteral("same"));
    const QList<TextDiff::Segment> segments = TextDiff::compareTokens(a, b);
    QCOMPARE(segments.size(), 3);
    QCOMPARE(segments.at(0), eq(QStringLiteral("same")));
    QCOMPARE(segments.at(1).kind, Kind::Deleted);
    QCOMPARE(segments.at(2).kind, Kind::Inserted);
    QCOMPARE(TextDiff::side(segments, Kind::Inserted), b.join(QString()));
}

QTEST_GUILESS_MAIN(TestTextDiff)
#include "tst_textdiff.moc"
