// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// RecordChecker: syntax errors located in the edited text, the example validators'
// findings, and the record given back as one line.

#include "core/datasetreport.h"
#include "core/recordchecker.h"
#include "core/tiktokenencoding.h"

#include <QTest>

using tb::RecordChecker;

class TestRecordChecker : public QObject
{
    Q_OBJECT

private:
    const tb::TiktokenEncoding* m_encoding = nullptr;

    RecordChecker::Outcome check(const QString& text) const
    {
        tb::ExampleValidator::Context context;
        context.lineNumber = 7;
        context.fileFormat = tb::DatasetFormat::Chat;
        return RecordChecker::check(text, context, m_encoding, 16385);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const auto encoding = tb::TiktokenEncoding::get(tb::TiktokenEncoding::Encoding::O200kBase);
        QVERIFY(encoding.ok());
        m_encoding = encoding.value();
    }

    void locatesSyntaxErrorsInTheEditedText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("one line") << QStringLiteral("{\"a\" 1}") << 1 << 7;
        QTest::newRow("third line") << QStringLiteral("{\n  \"a\": 1,\n  \"b\" 2\n}") << 3 << 8;
        QTest::newRow("after non-ascii") << QStringLiteral("{\"\u00e9\u00e9\": x}") << 1 << 8;
        QTest::newRow("unterminated") << QStringLiteral("{\"messages\": [") << 1 << 15;
    }

    void locatesSyntaxErrorsInTheEditedText()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(int, column);
        const RecordChecker::Outcome outcome = check(text);
        QVERIFY(outcome.syntaxError);
        QCOMPARE(outcome.syntaxError->line, line);
        QCOMPARE(outcome.syntaxError->column, column);
        QVERIFY(outcome.hasErrors());
        QVERIFY(outcome.record.isEmpty());
    }

    void runsTheExampleValidators_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("rules");
        QTest::addColumn<bool>("errors");
        QTest::addColumn<QByteArray>("record");
        QTest::newRow("clean, pretty-printed")
            << QStringLiteral("{\n \"messages\": [\n  {\"role\": \"system\", \"content\": \"s\"},\n"
                              "  {\"role\": \"user\", \"content\": \"q\"},\n"
                              "  {\"role\": \"assistant\", \"content\": \"a\"}\n ]\n}\n")
            << QStringList {} << false
            << QByteArray(
                   "{ \"messages\": [  {\"role\": \"system\", \"content\": \"s\"},  {\"role\": \"user\", "
                   "\"content\": \"q\"},  {\"role\": \"assistant\", \"content\": \"a\"} ]}");
        QTest::newRow("missing content") << QStringLiteral(
            "{\"messages\":[{\"role\":\"system\",\"content\":\"s\"},{\"role\":\"user\",\"content\":\"q\"},"
            "{\"role\":\"assistant\"}]}")
                                         << QStringList { QStringLiteral("message_missing_key"),
                                                QStringLiteral("missing_content") }
                                         << true << QByteArray();
        QTest::newRow("warning only")
            << QStringLiteral("{\"messages\":[{\"role\":\"user\",\"content\":\"q\"},{\"role\":\"assistant\","
                              "\"content\":\"a\"}]}")
            << QStringList { QStringLiteral("missing_system_message") } << false << QByteArray();
    }

    void runsTheExampleValidators()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, rules);
        QFETCH(bool, errors);
        QFETCH(QByteArray, record);
        const RecordChecker::Outcome outcome = check(text);
        QVERIFY(!outcome.syntaxError);
        QCOMPARE(outcome.rules().join(QLatin1Char(',')), rules.join(QLatin1Char(',')));
        QCOMPARE(outcome.hasErrors(), errors);
        QVERIFY(!outcome.record.contains('\n'));
        if (!record.isEmpty())
            QCOMPARE(outcome.record, record);
        for (const tb::DatasetFinding& finding : outcome.findings)
            QCOMPARE(finding.line, 7);
    }

    void checksOnlySyntaxWithoutTokenizer()
    {
        const RecordChecker::Outcome outcome
            = RecordChecker::check(QStringLiteral("{\"messages\":[]}"), {}, nullptr, 0);
        QVERIFY(!outcome.syntaxError);
        QVERIFY(outcome.findings.empty());
        QCOMPARE(outcome.record, QByteArray("{\"messages\":[]}"));
    }
};

QTEST_GUILESS_MAIN(TestRecordChecker)
#include "tst_recordchecker.moc"
