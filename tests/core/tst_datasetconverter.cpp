// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/datasetconverter.h"

#include <QTest>
#include <simdjson.h>

using tb::DatasetConverter;

class TestDatasetConverter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void convertsOneLine_data();
    void convertsOneLine();
};

void TestDatasetConverter::convertsOneLine_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("system");
    QTest::addColumn<QByteArray>("expected"); // empty: not convertible

    const QByteArray legacy = R"({"prompt": "Capital of France? ->", "completion": " Paris\n"})";
    const QByteArray chat
        = R"({"messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello."}, {"role": "user", "content": [{"type": "text", "text": "2+2?"}]}, {"role": "assistant", "content": "4", "weight": 1}]})";
    QTest::newRow("legacy to chat with system")
        << legacy << QStringLiteral("chat") << QStringLiteral("You answer quizzes.")
        << QByteArray(
               R"({"messages": [{"role": "system", "content": "You answer quizzes."}, {"role": "user", "content": "Capital of France? ->"}, {"role": "assistant", "content": " Paris\n"}]})");
    QTest::newRow("legacy to alpaca")
        << legacy << QStringLiteral("alpaca") << QString()
        << QByteArray(R"({"instruction": "Capital of France? ->", "input": "", "output": " Paris\n"})");
    QTest::newRow("chat to sharegpt")
        << chat << QStringLiteral("sharegpt") << QString()
        << QByteArray(
               R"({"conversations": [{"from": "system", "value": "Be brief."}, {"from": "human", "value": "Hi"}, {"from": "gpt", "value": "Hello."}, {"from": "human", "value": "2+2?"}, {"from": "gpt", "value": "4"}]})");
    QTest::newRow("chat to alpaca keeps history and system")
        << chat << QStringLiteral("alpaca") << QString()
        << QByteArray(
               R"({"instruction": "2+2?", "input": "", "output": "4", "system": "Be brief.", "history": [["Hi", "Hello."]]})");
    QTest::newRow("tool calls have no alpaca form") << QByteArray(
        R"({"messages": [{"role": "user", "content": "Weather?"}, {"role": "assistant", "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "w", "arguments": "{}"}}]}, {"role": "tool", "tool_call_id": "c1", "content": "sun"}, {"role": "assistant", "content": "Sunny."}]})")
                                                    << QStringLiteral("alpaca") << QString() << QByteArray();
    QTest::newRow("not an example") << QByteArray(R"({"text": "x"})") << QStringLiteral("chat") << QString()
                                    << QByteArray();
}

void TestDatasetConverter::convertsOneLine()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, target);
    QFETCH(QString, system);
    QFETCH(QByteArray, expected);
    DatasetConverter::Options options;
    options.target = *DatasetConverter::targetFromName(target);
    options.systemPrompt = system;
    simdjson::dom::parser parser;
    const std::optional<QByteArray> converted = DatasetConverter::convertLine(
        parser, std::string_view(line.constData(), std::size_t(line.size())), options);
    if (expected.isEmpty()) {
        QVERIFY(!converted);
        return;
    }
    QVERIFY(converted);
    QCOMPARE(*converted, expected);
}

QTEST_GUILESS_MAIN(TestDatasetConverter)
#include "tst_datasetconverter.moc"
