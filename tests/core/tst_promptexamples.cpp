// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/promptexamples.h"
#include "core/prompttemplate.h"

#include <QJsonDocument>
#include <QTest>

using tb::PromptExamples;
using Layout = PromptExamples::Layout;
using Example = PromptExamples::Example;
using Examples = QList<Example>;

Q_DECLARE_METATYPE(Layout)
Q_DECLARE_METATYPE(Example)

namespace {

Layout qa()
{
    return Layout {};
}

// The chapter's one-shot Q&A (listing 4.24), with the answer on its own line.
Layout chapter()
{
    return Layout { QStringLiteral("Question: "), QStringLiteral("\nAnswer: "), QStringLiteral("\n") };
}

} // namespace

class TestPromptExamples : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseFindsExamplesBeforeTheQuestion_data();
    void parseFindsExamplesBeforeTheQuestion();
    void replaceWritesExamplesWhereParseFindsThem_data();
    void replaceWritesExamplesWhereParseFindsThem();
    void relayoutKeepsTheRows_data();
    void relayoutKeepsTheRows();
    void firstUnreadableNamesTheRowThatWouldSplit_data();
    void firstUnreadableNamesTheRowThatWouldSplit();
    void layoutRoundTripsThroughTemplateMetadataAndIsNeverSent();
    void escapeAndUnescapeAreInverse_data();
    void escapeAndUnescapeAreInverse();
};

void TestPromptExamples::parseFindsExamplesBeforeTheQuestion_data()
{
    QTest::addColumn<Layout>("layout");
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<Examples>("expected");
    QTest::addColumn<qsizetype>("start");

    QTest::newRow("two Q/A examples after an instruction")
        << qa() << QStringLiteral("Answer briefly.\n\nQ: 2+2?\nA: 4\n\nQ: Capital of France?\nA: Paris\n\nQ: {{question}}\nA:")
        << Examples { { QStringLiteral("2+2?"), QStringLiteral("4") },
               { QStringLiteral("Capital of France?"), QStringLiteral("Paris") } }
        << qsizetype(17);
    QTest::newRow("question with a trailing output prefix is not an example")
        << qa() << QStringLiteral("Q: a\nA: b\n\nQ: {{question}}\nA: ")
        << Examples { { QStringLiteral("a"), QStringLiteral("b") } } << qsizetype(0);
    QTest::newRow("chapter one-shot")
        << chapter()
        << QStringLiteral("You are a Q&A bot.\nFor example:\nQuestion: Who was missing from this season?\nAnswer: "
                          "Anakin Skywalker.\nProvide the answer to the following question:\nQuestion: {{question}}")
        << Examples { { QStringLiteral("Who was missing from this season?"), QStringLiteral("Anakin Skywalker.") } }
        << qsizetype(32);
    QTest::newRow("multi-line input")
        << qa() << QStringLiteral("Q: line one\nline two\nA: yes\n\nQ: {{q}}\nA:")
        << Examples { { QStringLiteral("line one\nline two"), QStringLiteral("yes") } } << qsizetype(0);
    QTest::newRow("prefix in the middle of a sentence is not a block")
        << qa() << QStringLiteral("Say Q: x\nA: y\n\nQ: {{q}}\nA:") << Examples {} << qsizetype(15);
    QTest::newRow("no examples, no question: new rows go first")
        << qa() << QStringLiteral("You are a lawyer. {{action}}: {{document}}") << Examples {} << qsizetype(0);
    QTest::newRow("invalid layout finds nothing")
        << Layout { QString(), QStringLiteral("A"), QStringLiteral("\n") } << QStringLiteral("Q: a\nA: b\n\n")
        << Examples {} << qsizetype(0);
}

void TestPromptExamples::parseFindsExamplesBeforeTheQuestion()
{
    QFETCH(Layout, layout);
    QFETCH(QString, prompt);
    QFETCH(Examples, expected);
    QFETCH(qsizetype, start);
    const PromptExamples::Block block = PromptExamples::find(prompt, layout);
    QCOMPARE(block.examples, expected);
    QCOMPARE(block.start, start);
}

void TestPromptExamples::replaceWritesExamplesWhereParseFindsThem_data()
{
    QTest::addColumn<Layout>("layout");
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<Examples>("examples");
    QTest::addColumn<QString>("expected");

    QTest::newRow("first example goes before the question")
        << qa() << QStringLiteral("Answer briefly.\n\nQ: {{question}}\nA:")
        << Examples { { QStringLiteral("2+2?"), QStringLiteral("4") } }
        << QStringLiteral("Answer briefly.\n\nQ: 2+2?\nA: 4\n\nQ: {{question}}\nA:");
    QTest::newRow("rows replace the old block")
        << qa() << QStringLiteral("Intro\n\nQ: a\nA: b\n\nQ: c\nA: d\n\nQ: {{q}}\nA:")
        << Examples { { QStringLiteral("c"), QStringLiteral("d") }, { QStringLiteral("e"), QStringLiteral("f") } }
        << QStringLiteral("Intro\n\nQ: c\nA: d\n\nQ: e\nA: f\n\nQ: {{q}}\nA:");
    QTest::newRow("no rows removes the block")
        << qa() << QStringLiteral("Intro\n\nQ: a\nA: b\n\nQ: {{q}}\nA:") << Examples {}
        << QStringLiteral("Intro\n\nQ: {{q}}\nA:");
    QTest::newRow("prompt without a question gets the rows first")
        << qa() << QStringLiteral("You are a lawyer. {{action}}: {{document}}")
        << Examples { { QStringLiteral("Summarize"), QStringLiteral("Summary.") } }
        << QStringLiteral("Q: Summarize\nA: Summary.\n\nYou are a lawyer. {{action}}: {{document}}");
    QTest::newRow("chapter layout")
        << chapter() << QStringLiteral("For example:\nQuestion: {{question}}")
        << Examples { { QStringLiteral("Who won?"), QStringLiteral("Remy Thal.") } }
        << QStringLiteral("For example:\nQuestion: Who won?\nAnswer: Remy Thal.\nQuestion: {{question}}");
}

void TestPromptExamples::replaceWritesExamplesWhereParseFindsThem()
{
    QFETCH(Layout, layout);
    QFETCH(QString, prompt);
    QFETCH(Examples, examples);
    QFETCH(QString, expected);
    const QString written = PromptExamples::replace(prompt, layout, examples);
    QCOMPARE(written, expected);
    QCOMPARE(PromptExamples::parse(written, layout), examples);
}

void TestPromptExamples::relayoutKeepsTheRows_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<Layout>("from");
    QTest::addColumn<Layout>("to");
    QTest::addColumn<QString>("expected");

    QTest::newRow("Q/A to Question/Answer with single newlines")
        << QStringLiteral("Intro\n\nQ: a\nA: b\n\nQ: c\nA: d\n\nQ: {{q}}\nA:") << qa() << chapter()
        << QStringLiteral("Intro\nQuestion: a\nAnswer: b\nQuestion: c\nAnswer: d\nQ: {{q}}\nA:");
    QTest::newRow("block at the start keeps no head")
        << QStringLiteral("Q: a\nA: b\n\nQ: {{q}}\nA:") << qa()
        << Layout { QStringLiteral("Input: "), QStringLiteral(" => "), QStringLiteral("\n---\n") }
        << QStringLiteral("Input: a => b\n---\nQ: {{q}}\nA:");
    QTest::newRow("nothing to move") << QStringLiteral("Just a prompt") << qa() << chapter()
                                     << QStringLiteral("Just a prompt");
}

void TestPromptExamples::relayoutKeepsTheRows()
{
    QFETCH(QString, prompt);
    QFETCH(Layout, from);
    QFETCH(Layout, to);
    QFETCH(QString, expected);
    const QString moved = PromptExamples::relayout(prompt, from, to);
    QCOMPARE(moved, expected);
    QCOMPARE(PromptExamples::parse(moved, to), PromptExamples::parse(prompt, from));
}

void TestPromptExamples::firstUnreadableNamesTheRowThatWouldSplit_data()
{
    QTest::addColumn<Examples>("examples");
    QTest::addColumn<int>("expected");
    QTest::newRow("plain rows") << Examples { { QStringLiteral("a"), QStringLiteral("b") } } << -1;
    QTest::newRow("output with a blank line")
        << Examples { { QStringLiteral("a"), QStringLiteral("b") }, { QStringLiteral("c"), QStringLiteral("d\n\ne") } }
        << 1;
    QTest::newRow("input holding the output prefix")
        << Examples { { QStringLiteral("x\nA: y"), QStringLiteral("b") } } << 0;
}

void TestPromptExamples::firstUnreadableNamesTheRowThatWouldSplit()
{
    QFETCH(Examples, examples);
    QFETCH(int, expected);
    QCOMPARE(PromptExamples::firstUnreadable(qa(), examples), expected);
    if (expected < 0)
        QCOMPARE(PromptExamples::parse(PromptExamples::replace(QStringLiteral("Q: {{q}}\nA:"), qa(), examples), qa()),
            examples);
    else
        QVERIFY(PromptExamples::parse(PromptExamples::replace(QStringLiteral("Q: {{q}}\nA:"), qa(), examples), qa())
            != examples);
}

void TestPromptExamples::layoutRoundTripsThroughTemplateMetadataAndIsNeverSent()
{
    tb::PromptTemplate prompt;
    prompt.setPrompt(QStringLiteral("Q: a\nA: b\n\nQ: {{q}}\nA:"));
    prompt.setMetadataValue(QStringLiteral("exampleLayout"), chapter().toJson());
    const auto reloaded = tb::PromptTemplate::fromJson(prompt.toJson());
    QVERIFY(reloaded);
    QCOMPARE(Layout::fromJson(reloaded->metadataValue(QStringLiteral("exampleLayout")).toObject()), chapter());
    const QJsonObject body = reloaded->render({});
    QVERIFY(!body.contains(tb::PromptTemplate::metadataKey()));
    QCOMPARE(body.value(QStringLiteral("prompt")).toString(), QStringLiteral("Q: a\nA: b\n\nQ: {{q}}\nA:"));
    // A missing entry means the default layout.
    QCOMPARE(Layout::fromJson(QJsonObject()), qa());
}

void TestPromptExamples::escapeAndUnescapeAreInverse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("escaped");
    QTest::newRow("newlines") << QStringLiteral("\nA: ") << QStringLiteral("\\nA: ");
    QTest::newRow("backslash before n") << QStringLiteral("a\\nb") << QStringLiteral("a\\\\nb");
    QTest::newRow("tab") << QStringLiteral("\t") << QStringLiteral("\\t");
    QTest::newRow("plain") << QStringLiteral("Q: ") << QStringLiteral("Q: ");
}

void TestPromptExamples::escapeAndUnescapeAreInverse()
{
    QFETCH(QString, text);
    QFETCH(QString, escaped);
    QCOMPARE(PromptExamples::escape(text), escaped);
    QCOMPARE(PromptExamples::unescape(escaped), text);
}

QTEST_GUILESS_MAIN(TestPromptExamples)
#include "tst_promptexamples.moc"
