// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// PromptSelection::parseAnswer: finds the classifier's JSON object in what models
// actually write (prose, code fences), takes the template name and string values,
// and says in a sentence why an answer names no template. The two-step run itself is
// covered against the emulator in tst_runpanel.

#include "gui/promptselection.h"

#include <QTest>

using namespace tb;

class TestPromptSelection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesTheTemplateAndItsValues_data();
    void parsesTheTemplateAndItsValues();
    void answersWithoutATemplateSayWhy_data();
    void answersWithoutATemplateSayWhy();
};

void TestPromptSelection::parsesTheTemplateAndItsValues_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("document");
    QTest::newRow("bare object") << QStringLiteral("{\"template\": \"writer\", \"document\": \"a poem\"}")
                                 << QStringLiteral("writer") << QStringLiteral("a poem");
    QTest::newRow("code fence") << QStringLiteral("```json\n{\"template\": \"lawyer\", \"document\": \"a lease\"}\n```")
                                << QStringLiteral("lawyer") << QStringLiteral("a lease");
    QTest::newRow("prose around it") << QStringLiteral("Sure! {\"template\": \"writer\", \"document\": \"x\"} Done.")
                                     << QStringLiteral("writer") << QStringLiteral("x");
    QTest::newRow("the book's \"as\" key") << QStringLiteral("{\"as\": \"lawyer\", \"document\": \"y\"}")
                                           << QStringLiteral("lawyer") << QStringLiteral("y");
    QTest::newRow("numbers are not values") << QStringLiteral("{\"template\": \"writer\", \"document\": 3}")
                                            << QStringLiteral("writer") << QString();
}

void TestPromptSelection::parsesTheTemplateAndItsValues()
{
    QFETCH(QString, answer);
    QFETCH(QString, name);
    QFETCH(QString, document);
    const Result<PromptSelection::Choice> choice = PromptSelection::parseAnswer(answer);
    QVERIFY(choice);
    QCOMPARE(choice->templateName, name);
    QCOMPARE(choice->values.value(QStringLiteral("document")), document);
    QCOMPARE(choice->values.contains(QStringLiteral("document")), !document.isEmpty());
}

void TestPromptSelection::answersWithoutATemplateSayWhy_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("shown");
    QTest::newRow("prose") << QStringLiteral("The writer, I think.") << QStringLiteral("The writer, I think.");
    QTest::newRow("empty") << QStringLiteral("  ") << QStringLiteral("(an empty answer)");
    QTest::newRow("broken JSON") << QStringLiteral("{\"template\": \"writer\"") << QStringLiteral("{\"template\"");
    QTest::newRow("no template key") << QStringLiteral("{\"document\": \"x\"}") << QStringLiteral("{\"document\"");
}

void TestPromptSelection::answersWithoutATemplateSayWhy()
{
    QFETCH(QString, answer);
    QFETCH(QString, shown);
    const Result<PromptSelection::Choice> choice = PromptSelection::parseAnswer(answer);
    QVERIFY(!choice);
    QVERIFY2(choice.error().message.contains(QStringLiteral("names no template")), qPrintable(choice.error().message));
    QVERIFY2(choice.error().message.contains(shown), qPrintable(choice.error().message));
}

QTEST_GUILESS_MAIN(TestPromptSelection)
#include "tst_promptselection.moc"
