// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// DatasetLineFilter over a validated file: status, rule, role and text filters and their
// combination, walking order, edited lines; and the per-line tokens and flags the
// validator hands back for it.

#include "core/datasetlinefilter.h"
#include "core/datasetreport.h"
#include "core/datasetvalidator.h"
#include "core/jsonlindex.h"
#include "fixturefiles.h"

#include <QPromise>
#include <QTest>

using tb::DatasetLineFilter;
using tb::DatasetReport;
using tb::JsonlIndex;
using Status = DatasetLineFilter::Status;
using Lines = QList<qint64>;

namespace {

const QByteArray kFixture
    = "{\"messages\":[{\"role\":\"system\",\"content\":\"s\"},{\"role\":\"user\",\"content\":\"Hello\"},"
      "{\"role\":\"assistant\",\"content\":\"a\"}]}\n" // 0: clean
      "{\"messages\":[{\"role\":\"user\",\"content\":\"q\"},{\"role\":\"assistant\",\"content\":\"hello "
      "there\"}]}\n" // 1: no system
      "{\"messages\":[{\"role\":\"user\",\"content\":\"unterminated}]}\n" // 2: invalid JSON
      "{\"messages\":[{\"role\":\"system\",\"content\":\"s\"},{\"role\":\"user\",\"content\":\"q\"},"
      "{\"role\":\"assistant\"}]}\n" // 3: assistant without content
      "{\"messages\":[{\"role\":\"system\",\"content\":\"s\"},{\"role\":\"user\",\"content\":\"Hello\"},"
      "{\"role\":\"assistant\",\"content\":\"a\"}]}\n" // 4: duplicate of 0
      "{\"messages\":[{\"role\":\"system\",\"content\":\"s\"},{\"role\":\"user\",\"content\":\"a longer "
      "question "
      "with more words in "
      "it\"},{\"role\":\"tool\",\"content\":\"x\"},{\"role\":\"assistant\",\"content\":\"b\"}]}\n"; // 5: a
                                                                                                    // tool
                                                                                                    // message
                                                                                                    // without
                                                                                                    // a tool
                                                                                                    // call

} // namespace

class TestDatasetLineFilter : public QObject
{
    Q_OBJECT

private:
    tb::test::FixtureFiles m_files { QStringLiteral("f") };
    std::shared_ptr<JsonlIndex> m_index;
    DatasetReport m_report;

    static Lines collect(QFuture<DatasetLineFilter::Batch> future)
    {
        future.waitForFinished();
        Lines lines;
        for (const DatasetLineFilter::Batch& batch : future.results())
            lines.append(Lines(batch.begin(), batch.end()));
        return lines;
    }

    DatasetLineFilter::Inputs inputs(const DatasetLineFilter::Criteria& criteria) const
    {
        DatasetLineFilter::Inputs in;
        in.lineFlags = m_report.lineFlags;
        if (!criteria.rule.isEmpty())
            DatasetLineFilter::setRule(in, m_report, criteria.rule);
        return in;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        auto index = JsonlIndex::open(m_files.write(kFixture));
        QVERIFY(index.ok());
        m_index = index.value();
        m_index->build();
        tb::DatasetValidator::Options options;
        options.encoding = tb::TiktokenEncoding::Encoding::O200kBase;
        m_report = tb::DatasetValidator(options).validate(*m_index);
        QVERIFY(m_report.failure.isEmpty());
    }

    void validatorHandsBackTokensAndFlagsPerLine()
    {
        QVERIFY(m_report.lineTokens && m_report.lineFlags);
        QCOMPARE(qsizetype(m_report.lineTokens->size()), 6);
        const std::vector<quint32>& tokens = *m_report.lineTokens;
        QCOMPARE(tokens[2], DatasetReport::kNotCounted); // invalid JSON
        QCOMPARE(tokens[0], tokens[4]);
        QVERIFY(tokens[5] > tokens[0]);
        QVERIFY(tokens[0] > 0 && tokens[0] < 100);
        const std::vector<quint8> expected { 0, DatasetReport::LineHasWarning, DatasetReport::LineHasError,
            DatasetReport::LineHasError, DatasetReport::LineHasWarning, DatasetReport::LineHasWarning };
        QCOMPARE(*m_report.lineFlags, expected);
    }

    void filtersLines_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("role");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<Lines>("expected");
        QTest::newRow("nothing asked: all")
            << int(Status::Any) << QString() << QString() << QByteArray() << Lines { 0, 1, 2, 3, 4, 5 };
        QTest::newRow("errors") << int(Status::Errors) << QString() << QString() << QByteArray()
                                << Lines { 2, 3 };
        QTest::newRow("warnings") << int(Status::Warnings) << QString() << QString() << QByteArray()
                                  << Lines { 1, 4, 5 };
        QTest::newRow("clean") << int(Status::Clean) << QString() << QString() << QByteArray() << Lines { 0 };
        QTest::newRow("per-line rule") << int(Status::Any) << QStringLiteral("missing_system_message")
                                       << QString() << QByteArray() << Lines { 1 };
        QTest::newRow("file-wide rule") << int(Status::Any) << QStringLiteral("duplicate_example")
                                        << QString() << QByteArray() << Lines { 4 };
        QTest::newRow("absent rule") << int(Status::Any) << QStringLiteral("no_such_rule") << QString()
                                     << QByteArray() << Lines {};
        QTest::newRow("role") << int(Status::Any) << QString() << QStringLiteral("tool") << QByteArray()
                              << Lines { 5 };
        QTest::newRow("role system") << int(Status::Any) << QString() << QStringLiteral("system")
                                     << QByteArray() << Lines { 0, 3, 4, 5 };
        QTest::newRow("text folds case")
            << int(Status::Any) << QString() << QString() << QByteArray("HELLO") << Lines { 0, 1, 4 };
        QTest::newRow("text and status")
            << int(Status::Clean) << QString() << QString() << QByteArray("hello") << Lines { 0 };
        QTest::newRow("role and status")
            << int(Status::Errors) << QString() << QStringLiteral("system") << QByteArray() << Lines { 3 };
    }

    void filtersLines()
    {
        QFETCH(int, status);
        QFETCH(QString, rule);
        QFETCH(QString, role);
        QFETCH(QByteArray, text);
        QFETCH(Lines, expected);
        DatasetLineFilter::Criteria criteria;
        criteria.status = Status(status);
        criteria.rule = rule;
        criteria.role = role;
        criteria.text = text;
        QCOMPARE(collect(DatasetLineFilter::start(m_index, criteria, inputs(criteria))), expected);
    }

    void revalidatesWhenTheReportDroppedFindings()
    {
        DatasetLineFilter::Criteria criteria;
        criteria.rule = QStringLiteral("missing_system_message");
        DatasetLineFilter::Inputs in = inputs(criteria);
        in.ruleLines.clear(); // as if the report had kept none of them
        in.ruleLinesComplete = false;
        QCOMPARE(collect(DatasetLineFilter::start(m_index, criteria, in)), Lines {});
        const auto encoding = tb::TiktokenEncoding::get(tb::TiktokenEncoding::Encoding::O200kBase);
        QVERIFY(encoding.ok());
        in.encoding = encoding.value();
        QCOMPARE(collect(DatasetLineFilter::start(m_index, criteria, in)), Lines { 1 });
    }

    void walksInTheGivenOrder()
    {
        DatasetLineFilter::Criteria criteria;
        criteria.status = Status::Warnings;
        DatasetLineFilter::Inputs in = inputs(criteria);
        in.order = std::make_shared<const std::vector<qint32>>(std::vector<qint32> { 5, 4, 3, 2, 1, 0 });
        QCOMPARE(collect(DatasetLineFilter::start(m_index, criteria, in)), (Lines { 5, 4, 1 }));
    }

    void matchesEditedLinesOnTheirNewContent()
    {
        DatasetLineFilter::Criteria criteria;
        criteria.status = Status::Clean;
        criteria.text = "fixed";
        DatasetLineFilter::Inputs in = inputs(criteria);
        in.edits.setLine(3, "{\"messages\":[{\"role\":\"user\",\"content\":\"fixed\"}]}");
        in.editedVerdicts[3] = {};
        QCOMPARE(collect(DatasetLineFilter::start(m_index, criteria, in)), Lines { 3 });
        in.editedVerdicts[3].flags = DatasetReport::LineHasWarning;
        QCOMPARE(collect(DatasetLineFilter::start(m_index, criteria, in)), Lines {});
    }

    void readsRolesOfEveryFormat_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QStringList>("roles");
        QTest::newRow("chat") << QByteArray(
            "{\"messages\":[{\"role\":\"user\"},{\"role\":\"assistant\"},{\"role\":\"user\"}]}")
                              << QStringList { QStringLiteral("user"), QStringLiteral("assistant") };
        QTest::newRow("dpo") << QByteArray("{\"input\":{\"messages\":[{\"role\":\"developer\"}]},"
                                           "\"preferred_output\":[{\"role\":\"assistant\"}]}")
                             << QStringList { QStringLiteral("developer"), QStringLiteral("assistant") };
        QTest::newRow("legacy") << QByteArray("{\"prompt\":\"p\",\"completion\":\"c\"}") << QStringList {};
        QTest::newRow("broken") << QByteArray("{\"messages\":[") << QStringList {};
    }

    void readsRolesOfEveryFormat()
    {
        QFETCH(QByteArray, line);
        QFETCH(QStringList, roles);
        QCOMPARE(DatasetLineFilter::rolesOf(line), roles);
    }

    void stopsWhenCanceled()
    {
        QPromise<DatasetLineFilter::Batch> promise;
        promise.start();
        promise.future().cancel();
        DatasetLineFilter::Criteria criteria;
        criteria.status = Status::Any;
        DatasetLineFilter::run(promise, *m_index, criteria, inputs(criteria));
        promise.finish();
        QCOMPARE(promise.future().resultCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDatasetLineFilter)
#include "tst_datasetlinefilter.moc"
