// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// DatasetDetailRenderer: what the detail pane shows for each kind of line, raw JSON in
// the line's own key order, and where a JSON error is.

#include "gui/datasetdetailrenderer.h"

#include <QTest>

using tb::DatasetDetail;
using tb::DatasetDetailRenderer;

class TestDatasetDetailRenderer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rendersConversation_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QStringList>("expected"); // substrings of the HTML
        QTest::addColumn<QStringList>("unexpected"); // must not appear
        QTest::newRow("chat roles and weight") << QByteArray(
            "{\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":"
            "\"Hi\"},{\"role\":\"assistant\",\"content\":\"Old answer\",\"weight\":0}]}")
                                               << QStringList { QStringLiteral("Line 8"),
                                                      QStringLiteral("<b>system</b>"),
                                                      QStringLiteral("Be brief."),
                                                      QStringLiteral("<b>user</b>"),
                                                      QStringLiteral("weight 0"),
                                                      QStringLiteral("not trained on"),
                                                      QStringLiteral("#dcf5e3") }
                                               << QStringList { QStringLiteral("Invalid JSON") };
        QTest::newRow("tool calls and tools") << QByteArray(
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"},{\"role\":\"assistant\","
            "\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            "\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"c1\","
            "\"content\":\"5C\"}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            "\"description\":\"Current weather\"}}],\"parallel_tool_calls\":false}")
                                              << QStringList { QStringLiteral("&#8594; <b>get_weather</b>"),
                                                     QStringLiteral("&quot;city&quot;: &quot;Oslo&quot;"),
                                                     QStringLiteral("<b>tool</b> · c1"),
                                                     QStringLiteral("Current weather"),
                                                     QStringLiteral("parallel_tool_calls: false") }
                                              << QStringList {};
        QTest::newRow("html is escaped, code fenced")
            << QByteArray("{\"messages\":[{\"role\":\"user\",\"content\":\"<b>bold</b> and\\n```python\\nx = "
                          "1 < 2\\n```\"}]}")
            << QStringList { QStringLiteral("&lt;b&gt;bold&lt;/b&gt; and<br/>"),
                   QStringLiteral("x = 1 &lt; 2") }
            << QStringList { QStringLiteral("<b>bold</b>"), QStringLiteral("python") };
        QTest::newRow("content parts")
            << QByteArray(
                   "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"look\"},"
                   "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x.invalid/a.png\"}}]}]}")
            << QStringList { QStringLiteral("look"), QStringLiteral("image: https://x.invalid/a.png") }
            << QStringList {};
        QTest::newRow("dpo") << QByteArray(
            "{\"input\":{\"messages\":[{\"role\":\"user\",\"content\":\"Q\"}]},\"preferred_output\":"
            "[{\"role\":\"assistant\",\"content\":\"Good\"}],\"non_preferred_output\":[{\"role\":"
            "\"assistant\",\"content\":\"Bad\"}]}")
                             << QStringList { QStringLiteral("Preferred output"), QStringLiteral("Good"),
                                    QStringLiteral("Non-preferred output"), QStringLiteral("Bad") }
                             << QStringList {};
        QTest::newRow("legacy") << QByteArray("{\"prompt\":\"2+2=\",\"completion\":\" 4\"}")
                                << QStringList { QStringLiteral("<b>prompt</b>"), QStringLiteral("2+2="),
                                       QStringLiteral("<b>completion</b>") }
                                << QStringList {};
        QTest::newRow("empty") << QByteArray("  ") << QStringList { QStringLiteral("Empty line") }
                               << QStringList {};
        QTest::newRow("not an object")
            << QByteArray("[1]") << QStringList { QStringLiteral("not an object") } << QStringList {};
    }

    void rendersConversation()
    {
        QFETCH(QByteArray, line);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, unexpected);
        const DatasetDetail detail = DatasetDetailRenderer::render(7, line);
        QCOMPARE(detail.line, 7);
        for (const QString& text : expected)
            QVERIFY2(detail.conversationHtml.contains(text),
                qPrintable(text + QStringLiteral(" in ") + detail.conversationHtml));
        for (const QString& text : unexpected)
            QVERIFY2(!detail.conversationHtml.contains(text), qPrintable(text));
        QVERIFY(detail.errorText.isEmpty());
    }

    void prettyPrintsInOriginalKeyOrder()
    {
        const DatasetDetail detail = DatasetDetailRenderer::render(
            0, QByteArrayView("{\"z\":1, \"a\":[1,2],\"e\":{},\"s\":\"a,b:{c}\\\"\",\"l\":[ ]}"));
        QCOMPARE(detail.rawText,
            QStringLiteral("{\n  \"z\": 1,\n  \"a\": [\n    1,\n    2\n  ],\n  \"e\": {},\n"
                           "  \"s\": \"a,b:{c}\\\"\",\n  \"l\": []\n}"));
        QCOMPARE(detail.errorPosition, -1);
    }

    void locatesJsonErrors_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("position");
        // Qt's parser reports the byte where it gave up: inside the bad literal, at the key
        // after the missing comma.
        QTest::newRow("bad literal") << QByteArray("{\"a\": tru}") << 8 << 7;
        QTest::newRow("missing comma") << QByteArray("{\"a\":1 \"b\":2}") << 9 << 8;
        // Positions count characters, columns bytes: "é" is two bytes, one character.
        QTest::newRow("after non-ascii") << QByteArray("{\"\xC3\xA9\":1,}") << 10 << 8;
    }

    void locatesJsonErrors()
    {
        QFETCH(QByteArray, line);
        QFETCH(int, column);
        QFETCH(int, position);
        const DatasetDetail detail = DatasetDetailRenderer::render(4, line);
        QVERIFY(!detail.errorText.isEmpty());
        QCOMPARE(detail.errorColumn, column);
        QCOMPARE(detail.errorPosition, position);
        QCOMPARE(detail.rawText, QString::fromUtf8(line));
        QVERIFY(detail.conversationHtml.contains(QStringLiteral("Invalid JSON")));
    }

    void cutsHugeLines()
    {
        const QByteArray content(300 * 1024, 'x');
        const QByteArray line = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + content
            + "\"},{\"role\":\"assistant\",\"content\":\"" + content + "\"}]}";
        const DatasetDetail detail = DatasetDetailRenderer::render(0, line);
        QVERIFY(detail.truncated);
        QVERIFY(detail.errorText.isEmpty());
        const QStringList rawLines = detail.rawText.split(QLatin1Char('\n'));
        QCOMPARE(rawLines.size(), 12); // still the whole structure, in its own order
        for (const QString& rawLine : rawLines)
            QVERIFY(rawLine.size() <= DatasetDetailRenderer::kMaxRawLineChars + 64);
        QVERIFY2(
            rawLines.at(4).endsWith(QStringLiteral("more bytes]")), qPrintable(rawLines.at(4).right(60)));
        QVERIFY(detail.conversationHtml.size() < DatasetDetailRenderer::kMaxConversationChars + 2000);
        QCOMPARE(detail.conversationHtml.count(QStringLiteral("more characters")), 2);
    }

    void showsWindowAroundErrorOfHugeLine()
    {
        QByteArray line
            = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + QByteArray(100000, 'x') + "\" tru}]}";
        const DatasetDetail detail = DatasetDetailRenderer::render(0, line);
        QVERIFY(detail.truncated);
        QVERIFY(detail.rawText.startsWith(QStringLiteral("… ")));
        QVERIFY(detail.rawText.size() <= DatasetDetailRenderer::kMaxRawLineChars + 4);
        QVERIFY(detail.errorColumn > 100000);
        // The marked character is the one Qt's parser stopped at.
        QCOMPARE(detail.rawText.mid(detail.errorPosition, 3),
            QString::fromLatin1(line.mid(detail.errorColumn - 1, 3)));
    }
};

QTEST_GUILESS_MAIN(TestDatasetDetailRenderer)
#include "tst_datasetdetailrenderer.moc"
