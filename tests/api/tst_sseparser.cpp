// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/sseparser.h"

#include <QTest>

using tb::SseEvent;
using tb::SseParser;

namespace {

QString render(const QList<SseEvent>& events)
{
    QString out;
    for (const SseEvent& event : events)
        out += QStringLiteral("[event=%1 id=%2 data=%3]").arg(event.event, event.id, event.data);
    return out;
}

QString parseInPieces(const QByteArray& input, const QList<qsizetype>& cuts)
{
    SseParser parser;
    QList<SseEvent> events;
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        events += parser.feed(input.mid(from, cut - from));
        from = cut;
    }
    events += parser.feed(input.mid(from));
    parser.finish();
    return render(events);
}

} // namespace

class TestSseParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesWholeInput_data();
    void parsesWholeInput();
    void parsesInputSplitAtEveryPosition_data() { parsesWholeInput_data(); }
    void parsesInputSplitAtEveryPosition();
    void parsesInputSplitAtEveryPairOfPositions_data() { parsesWholeInput_data(); }
    void parsesInputSplitAtEveryPairOfPositions();
    void parsesInputByteByByte_data() { parsesWholeInput_data(); }
    void parsesInputByteByByte();
    void finishReportsADroppedTail();
    void crlfSplitAcrossChunksIsOneLineEnd();
    void doneIsRecognisedByPrefix();
};

void TestSseParser::parsesWholeInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("lf") << QByteArray("data: a\n\ndata: b\n\n") << "[event= id= data=a][event= id= data=b]";
    QTest::newRow("crlf") << QByteArray("data: a\r\n\r\ndata: b\r\n\r\n") << "[event= id= data=a][event= id= data=b]";
    QTest::newRow("cr") << QByteArray("data: a\r\rdata: b\r\r") << "[event= id= data=a][event= id= data=b]";
    QTest::newRow("mixed line ends") << QByteArray("data: a\r\n\ndata: b\r\r\n") << "[event= id= data=a][event= id= data=b]";
    QTest::newRow("no space after colon") << QByteArray("data:a\n\n") << "[event= id= data=a]";
    QTest::newRow("only one space stripped") << QByteArray("data:  a\n\n") << "[event= id= data= a]";
    QTest::newRow("multi-line data joined") << QByteArray("data: a\ndata: b\ndata: c\n\n") << "[event= id= data=a\nb\nc]";
    QTest::newRow("comments ignored") << QByteArray(": keep-alive\n\ndata: x\n: mid\n\n") << "[event= id= data=x]";
    QTest::newRow("event and id fields") << QByteArray("event: error\nid: 7\ndata: {}\n\n") << "[event=error id=7 data={}]";
    QTest::newRow("id persists, event does not")
        << QByteArray("event: e\nid: 1\ndata: a\n\ndata: b\n\n") << "[event=e id=1 data=a][event= id=1 data=b]";
    QTest::newRow("empty data is dispatched") << QByteArray("data:\n\n") << "[event= id= data=]";
    QTest::newRow("field name without colon") << QByteArray("data\n\n") << "[event= id= data=]";
    QTest::newRow("no data, no event") << QByteArray("event: x\n\n") << "";
    QTest::newRow("blank lines alone") << QByteArray("\n\n\r\n\r\r") << "";
    QTest::newRow("retry and unknown fields ignored") << QByteArray("retry: 100\nfoo: bar\ndata: a\n\n") << "[event= id= data=a]";
    QTest::newRow("done") << QByteArray("data: {\"x\":1}\n\ndata: [DONE]\n\n") << "[event= id= data={\"x\":1}][event= id= data=[DONE]]";
    QTest::newRow("unterminated final event dropped") << QByteArray("data: a\n\ndata: b") << "[event= id= data=a]";
    QTest::newRow("final event without blank line dropped") << QByteArray("data: a\n\ndata: b\n") << "[event= id= data=a]";
    QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF" "data: a\n\n") << "[event= id= data=a]";
    QTest::newRow("utf-8 multibyte") << QByteArray("data: h\xC3\xA9llo \xE2\x9C\x93\n\n") << QStringLiteral("[event= id= data=h\u00e9llo \u2713]");
    QTest::newRow("colon in value kept") << QByteArray("data: a:b: c\n\n") << "[event= id= data=a:b: c]";
    QTest::newRow("openai chunk")
        << QByteArray("data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"},\"index\":0}]}\r\n\r\n")
        << "[event= id= data={\"choices\":[{\"delta\":{\"content\":\"Hi\"},\"index\":0}]}]";
}

void TestSseParser::parsesWholeInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QCOMPARE(parseInPieces(input, {}), expected);
}

void TestSseParser::parsesInputSplitAtEveryPosition()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    for (qsizetype cut = 0; cut <= input.size(); ++cut)
        QVERIFY2(parseInPieces(input, {cut}) == expected, qPrintable(QStringLiteral("split at %1").arg(cut)));
}

void TestSseParser::parsesInputSplitAtEveryPairOfPositions()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    for (qsizetype first = 0; first <= input.size(); ++first) {
        for (qsizetype second = first; second <= input.size(); ++second) {
            QVERIFY2(parseInPieces(input, {first, second}) == expected,
                     qPrintable(QStringLiteral("split at %1 and %2").arg(first).arg(second)));
        }
    }
}

void TestSseParser::parsesInputByteByByte()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QList<qsizetype> cuts;
    for (qsizetype i = 1; i < input.size(); ++i)
        cuts << i;
    QCOMPARE(parseInPieces(input, cuts), expected);
}

void TestSseParser::finishReportsADroppedTail()
{
    SseParser parser;
    QCOMPARE(parser.feed("data: a\n\n").size(), 1);
    QVERIFY(!parser.finish());
    parser.feed("data: partial");
    QVERIFY(parser.finish());
    parser.feed("data: partial\n");
    QVERIFY(parser.finish());
}

void TestSseParser::crlfSplitAcrossChunksIsOneLineEnd()
{
    // If the LF after a chunk-final CR were taken as a second line end, the
    // blank line would dispatch "a" early and "b" would be a separate event.
    SseParser parser;
    QList<SseEvent> events = parser.feed("data: a\r");
    events += parser.feed("\ndata: b\r");
    events += parser.feed("\n\r");
    events += parser.feed("\n");
    QCOMPARE(render(events), QStringLiteral("[event= id= data=a\nb]"));
}

void TestSseParser::doneIsRecognisedByPrefix()
{
    SseEvent event;
    event.data = QStringLiteral("[DONE]");
    QVERIFY(event.isDone());
    event.data = QStringLiteral("[DONE] trailing");
    QVERIFY(event.isDone());
    event.data = QStringLiteral("{\"text\":\"[DONE]\"}");
    QVERIFY(!event.isDone());
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
