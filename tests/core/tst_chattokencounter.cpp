// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/chattokencounter.h"
#include "core/tiktokenencoding.h"
#include "sharedfixtures.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using tb::ChatTokenCounter;
using tb::TiktokenEncoding;

namespace {

const TiktokenEncoding& encodingNamed(const QString& name)
{
    auto result = TiktokenEncoding::get(*TiktokenEncoding::fromName(name));
    if (!result.ok())
        qFatal("cannot load encoding: %s", qPrintable(result.error().toString()));
    return **result;
}

QJsonArray parseArray(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).array();
}

} // namespace

class TestChatTokenCounter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void countsLikeCookbook_data();
    void countsLikeCookbook();
    void countsTextPartsOfContentArrays();
    void ignoresNonStringValues();
    void countsOnlyAssistantContent();
};

void TestChatTokenCounter::countsLikeCookbook_data()
{
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QJsonArray>("messages");
    QTest::addColumn<int>("tokens");
    QTest::addColumn<int>("assistantTokens");
    QFile file(tb::test::sourcePath(QStringLiteral("tests/core/data/chat-token-cases.json")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray cases = QJsonDocument::fromJson(file.readAll()).array();
    QVERIFY(cases.size() >= 10);
    int row = 0;
    for (const QJsonValue& v : cases) {
        const QJsonObject c = v.toObject();
        const QString encoding = c.value(QLatin1String("encoding")).toString();
        QTest::addRow("%s #%d", qPrintable(encoding), row++)
            << encoding << c.value(QLatin1String("messages")).toArray()
            << c.value(QLatin1String("tokens")).toInt() << c.value(QLatin1String("assistant_tokens")).toInt();
    }
}

void TestChatTokenCounter::countsLikeCookbook()
{
    QFETCH(QString, encoding);
    QFETCH(QJsonArray, messages);
    QFETCH(int, tokens);
    QFETCH(int, assistantTokens);
    const TiktokenEncoding& enc = encodingNamed(encoding);
    const ChatTokenCounter counter(enc);
    QCOMPARE(counter.countMessages(messages), tokens);
    QCOMPARE(tb::countChatTokens(messages, enc), tokens);
    QCOMPARE(counter.countAssistantTokens(messages), assistantTokens);
}

void TestChatTokenCounter::countsTextPartsOfContentArrays()
{
    const TiktokenEncoding& enc = encodingNamed(QStringLiteral("o200k_base"));
    const ChatTokenCounter counter(enc);
    const QJsonArray asParts = parseArray(R"([{"role":"user","content":[{"type":"text","text":"Hello there"},
        {"type":"image_url","image_url":{"url":"https://x"}},{"type":"text","text":" friend"}]}])");
    const int expected = 3 + int(enc.countTokens(std::string_view("user")))
        + int(enc.countTokens(std::string_view("Hello there")))
        + int(enc.countTokens(std::string_view(" friend"))) + 3;
    QCOMPARE(counter.countMessages(asParts), expected);
}

void TestChatTokenCounter::ignoresNonStringValues()
{
    const TiktokenEncoding& enc = encodingNamed(QStringLiteral("cl100k_base"));
    const ChatTokenCounter counter(enc);
    const QJsonArray messages
        = parseArray(R"([{"role":"assistant","content":null,"weight":0,"tool_calls":[]}])");
    QCOMPARE(counter.countMessages(messages), 3 + int(enc.countTokens(std::string_view("assistant"))) + 3);
    QCOMPARE(counter.countAssistantTokens(messages), 0);
}

void TestChatTokenCounter::countsOnlyAssistantContent()
{
    const TiktokenEncoding& enc = encodingNamed(QStringLiteral("cl100k_base"));
    const QJsonArray messages
        = parseArray(R"([{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"},
        {"role":"assistant","content":"Hello!"},{"role":"assistant","content":"Bye."}])");
    const int expected
        = int(enc.countTokens(std::string_view("Hello!"))) + int(enc.countTokens(std::string_view("Bye.")));
    QCOMPARE(ChatTokenCounter(enc).countAssistantTokens(messages), expected);
}

QTEST_GUILESS_MAIN(TestChatTokenCounter)
#include "tst_chattokencounter.moc"
