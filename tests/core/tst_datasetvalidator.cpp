// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/chattokencounter.h"
#include "core/datasetvalidator.h"
#include "core/jsonlindex.h"
#include "core/pythonformat.h"
#include "core/tiktokenencoding.h"
#include "fixturefiles.h"
#include "sharedfixtures.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <algorithm>
#include <memory>
#include <numeric>

using tb::DatasetFinding;
using tb::DatasetFormat;
using tb::DatasetReport;
using tb::DatasetValidator;

namespace {

QString fixture(const QString& name)
{
    return tb::test::sourcePath(QStringLiteral("tests/core/data/validators/") + name);
}

DatasetReport validate(const QString& path, std::optional<DatasetFormat> format = std::nullopt,
    int maxTokens = tb::FineTuneLimits::kMaxTokensPerExample, int threads = 2)
{
    DatasetValidator::Options options;
    options.format = format;
    options.maxTokensPerExample = maxTokens;
    options.threads = threads;
    return DatasetValidator::validateFile(path, options);
}

QString describe(const DatasetReport& report)
{
    QStringList lines;
    for (const DatasetFinding& f : report.findings)
        lines.append(QStringLiteral("%1:%2 %3 [%4] %5: %6")
                         .arg(f.line)
                         .arg(f.column)
                         .arg(DatasetFinding::severityName(f.severity), f.rule, f.path, f.message));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

namespace {

// A chat example whose assistant reply is `words` times " lorem", as one JSONL line.
QByteArray loremExample(int words)
{
    return QByteArray(
               R"({"messages": [{"role": "user", "content": "Say it."}, {"role": "assistant", "content": ")")
        + QByteArray(" lorem").repeated(words) + QByteArray("\"}]}\n");
}

} // namespace

class TestDatasetValidator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void reportsEachRuleAtItsLineAndPath_data();
    void reportsEachRuleAtItsLineAndPath();
    void acceptsValidFiles_data();
    void acceptsValidFiles();
    void detectsFileFormat_data();
    void detectsFileFormat();
    void reportsJsonSyntaxColumnAndUtf8Offset();
    void countsTokensLikeChatTokenCounter();
    void estimatesLikeCookbook();
    void totalsTokensPerRole_data();
    void totalsTokensPerRole();
    void totalsPromptAndCompletionTokensOfLegacyFiles();
    void keepsLongExamplesForAnyModelLimit();
    void distributionMatchesNumpy();
    void mergesDeterministicallyWhateverTheThreadCount();
    void keepsCountsExactPastTheFindingCap();
    void stopsWhenCanceled();
    void skipsTheLegacyAnalysisAboveItsMemoryLimit();
    void stopsTheLegacyAnalysisWhenCanceled();
    void printsJsonWithTheDocumentedKeys();
    void binsTheBooksRacingFileIntoNiceWidths();
    void keepsTheFixedJsonHistogramAndAddsAdaptiveBins();
    void binsEveryExampleOfALargeFileExactly();
};

void TestDatasetValidator::reportsEachRuleAtItsLineAndPath_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("maxTokens");

    const int limit = tb::FineTuneLimits::kMaxTokensPerExample;
    const auto row = [&](const char* file, const char* rule, const char* severity, qint64 line,
                         const char* path, int maxTokens) {
        QTest::addRow("%s %s", rule, file)
            << QString::fromLatin1(file) << QString::fromLatin1(rule) << QString::fromLatin1(severity) << line
            << QString::fromLatin1(path) << maxTokens;
    };
    // The cookbook's rules.
    row("data_type.jsonl", "data_type", "error", 2, "", limit);
    row("missing_messages_list.jsonl", "missing_messages_list", "error", 2, "messages", limit);
    row("message_missing_key.jsonl", "message_missing_key", "error", 2, "messages[0].content", limit);
    row("message_missing_key.jsonl", "missing_content", "error", 2, "messages[0].content", limit);
    row("message_unrecognized_key.jsonl", "message_unrecognized_key", "error", 2, "messages[0].mood", limit);
    row("unrecognized_role.jsonl", "unrecognized_role", "error", 2, "messages[0].role", limit);
    row("missing_content.jsonl", "missing_content", "error", 2, "messages[1].content", limit);
    row("example_missing_assistant_message.jsonl", "example_missing_assistant_message", "error", 2,
        "messages", limit);
    row("missing_system_message.jsonl", "missing_system_message", "warning", 2, "messages", limit);
    row("missing_user_message.jsonl", "missing_user_message", "warning", 2, "messages", limit);
    row("example_too_long.jsonl", "example_too_long", "warning", 2, "", 40);
    // Ours.
    row("json_syntax.jsonl", "json_syntax", "error", 2, "", limit);
    row("invalid_utf8.jsonl", "invalid_utf8", "error", 2, "", limit);
    row("empty_line.jsonl", "empty_line", "warning", 2, "", limit);
    row("utf8_bom.jsonl", "utf8_bom", "warning", 1, "", limit);
    row("unknown_format.jsonl", "missing_messages_list", "error", 2, "messages", limit);
    row("mixed_formats.jsonl", "mixed_formats", "error", 3, "", limit);
    row("empty_content.jsonl", "empty_content", "warning", 2, "messages[1].content", limit);
    row("role_order.jsonl", "role_order", "warning", 2, "messages[1].role", limit);
    row("special_token.jsonl", "special_token", "warning", 2, "messages[1].content", limit);
    row("duplicate_example.jsonl", "duplicate_example", "warning", 3, "", limit);
    row("near_duplicate_example.jsonl", "near_duplicate_example", "warning", 3, "", limit);
    row("invalid_weight.jsonl", "invalid_weight", "error", 2, "messages[1].weight", limit);
    row("invalid_weight_user.jsonl", "invalid_weight", "error", 2, "messages[0].weight", limit);
    row("invalid_tools.jsonl", "invalid_tools", "error", 2, "tools[0]", limit);
    row("invalid_tool_call.jsonl", "invalid_tool_call", "error", 2, "messages[1].tool_calls[0]", limit);
    row("invalid_content_part.jsonl", "invalid_content_part", "error", 2, "messages[0].content[1]", limit);
    row("unrecognized_key.jsonl", "unrecognized_key", "warning", 2, "id", limit);
    // Preference (DPO) examples.
    row("dpo_missing_input.jsonl", "dpo_missing_input", "error", 2, "input", limit);
    row("dpo_missing_output.jsonl", "dpo_missing_output", "error", 2, "non_preferred_output", limit);
    row("dpo_output_shape.jsonl", "dpo_output_shape", "error", 2, "preferred_output", limit);
    row("dpo_output_role.jsonl", "dpo_output_shape", "error", 2, "preferred_output[0].role", limit);
    row("dpo_identical_outputs.jsonl", "dpo_identical_outputs", "warning", 2, "non_preferred_output", limit);
    row("dpo_legacy_keys.jsonl", "dpo_legacy_keys", "warning", 2, "preferred_completion", limit);
    // Legacy prompt/completion lines.
    row("necessary_column.jsonl", "necessary_column", "error", 2, "completion", limit);
    row("necessary_column_case.jsonl", "necessary_column", "warning", 2, "Prompt", limit);
    row("additional_column.jsonl", "additional_column", "warning", 2, "source", limit);
    row("empty_completion.jsonl", "empty_completion", "error", 2, "completion", limit);
    row("legacy_not_string.jsonl", "legacy_not_string", "warning", 2, "completion", limit);
}

void TestDatasetValidator::reportsEachRuleAtItsLineAndPath()
{
    QFETCH(QString, file);
    QFETCH(QString, rule);
    QFETCH(QString, severity);
    QFETCH(qint64, line);
    QFETCH(QString, path);
    QFETCH(int, maxTokens);

    const DatasetReport report = validate(fixture(file), std::nullopt, maxTokens);
    QVERIFY2(report.failure.isEmpty(), qPrintable(report.failure));
    const auto found = std::find_if(report.findings.begin(), report.findings.end(),
        [&](const DatasetFinding& f) { return f.rule == rule && f.line == line && f.path == path; });
    QVERIFY2(found != report.findings.end(), qPrintable(describe(report)));
    QCOMPARE(DatasetFinding::severityName(found->severity), severity);
    QVERIFY(!found->message.isEmpty());
    // Nothing is reported on the valid first line.
    for (const DatasetFinding& f : report.findings)
        QVERIFY2(f.line != 1 || rule == QLatin1String("utf8_bom")
                || f.rule.startsWith(QLatin1String("legacy_")) || f.line == 0,
            qPrintable(describe(report)));
    QCOMPARE(report.hasErrors(), severity == QLatin1String("error"));
}

void TestDatasetValidator::acceptsValidFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    QTest::addColumn<qint64>("examples");
    QTest::newRow("chat") << QStringLiteral("valid-chat.jsonl") << QStringLiteral("chat") << qint64(2);
    QTest::newRow("tool calls and weight")
        << QStringLiteral("valid-tool-calls.jsonl") << QStringLiteral("chat") << qint64(2);
    QTest::newRow("dpo") << QStringLiteral("valid-dpo.jsonl") << QStringLiteral("dpo") << qint64(2);
    QTest::newRow("legacy") << QStringLiteral("valid-legacy.jsonl") << QStringLiteral("legacy") << qint64(2);
}

void TestDatasetValidator::acceptsValidFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, format);
    QFETCH(qint64, examples);
    const DatasetReport report = validate(fixture(file));
    QVERIFY2(report.errors.isEmpty() && report.warnings.isEmpty(), qPrintable(describe(report)));
    QCOMPARE(tb::datasetFormatName(report.format), format);
    QCOMPARE(report.examples, examples);
    QCOMPARE(report.validExamples, examples);
    QVERIFY(report.totalTokens > 0);
}

void TestDatasetValidator::detectsFileFormat_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("forced");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("rule");
    QTest::newRow("chat majority") << QStringLiteral("mixed_formats.jsonl") << QStringLiteral("auto")
                                   << QStringLiteral("chat") << QStringLiteral("mixed_formats");
    QTest::newRow("forced legacy on chat") << QStringLiteral("valid-chat.jsonl") << QStringLiteral("legacy")
                                           << QStringLiteral("legacy") << QStringLiteral("necessary_column");
    QTest::newRow("forced chat on legacy")
        << QStringLiteral("valid-legacy.jsonl") << QStringLiteral("chat") << QStringLiteral("chat")
        << QStringLiteral("missing_messages_list");
}

void TestDatasetValidator::detectsFileFormat()
{
    QFETCH(QString, file);
    QFETCH(QString, forced);
    QFETCH(QString, format);
    QFETCH(QString, rule);
    std::optional<DatasetFormat> parsed;
    QVERIFY(tb::parseDatasetFormat(forced, parsed));
    const DatasetReport report = validate(fixture(file), parsed);
    QCOMPARE(tb::datasetFormatName(report.format), format);
    QVERIFY2(report.errors.contains(rule), qPrintable(describe(report)));
}

void TestDatasetValidator::reportsJsonSyntaxColumnAndUtf8Offset()
{
    const DatasetReport syntax = validate(fixture(QStringLiteral("json_syntax.jsonl")));
    QCOMPARE(syntax.findings.size(), std::size_t(1));
    // {"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant" "content"...: the
    // parser stops at the second string, character 72 of the line.
    QCOMPARE(syntax.findings.front().column, qint64(72));
    QVERIFY(syntax.findings.front().message.contains(QLatin1String("column 72")));

    const DatasetReport utf8 = validate(fixture(QStringLiteral("invalid_utf8.jsonl")));
    QCOMPARE(utf8.findings.size(), std::size_t(1));
    QFile file(fixture(QStringLiteral("invalid_utf8.jsonl")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const qint64 offset = file.readAll().indexOf('\xe9');
    QVERIFY(utf8.findings.front().message.endsWith(QStringLiteral("byte offset %1").arg(offset)));
}

void TestDatasetValidator::countsTokensLikeChatTokenCounter()
{
    const auto encoding = tb::TiktokenEncoding::get(tb::TiktokenEncoding::Encoding::Cl100kBase);
    QVERIFY(encoding.ok());
    QFile file(fixture(QStringLiteral("valid-tool-calls.jsonl")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    qint64 expected = 0, expectedAssistant = 0, longest = 0;
    const tb::ChatTokenCounter counter(**encoding);
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonArray messages
            = QJsonDocument::fromJson(line).object().value(QLatin1String("messages")).toArray();
        const qint64 tokens = counter.countMessages(messages);
        expected += tokens;
        longest = std::max(longest, tokens);
        expectedAssistant += counter.countAssistantTokens(messages);
    }
    const DatasetReport report = validate(file.fileName());
    QCOMPARE(report.totalTokens, expected);
    QCOMPARE(report.assistantTokens, expectedAssistant);
    QCOMPARE(report.maxTokens, longest);
    QCOMPARE(report.billingTokens, expected);
}

void TestDatasetValidator::estimatesLikeCookbook()
{
    // 2 examples: 100 // 2 = 50 epochs, capped at 25; billing counts at most the limit per example.
    const DatasetReport report
        = validate(fixture(QStringLiteral("example_too_long.jsonl")), std::nullopt, 40);
    QCOMPARE(report.epochs, 25);
    QCOMPARE(report.tooLong, qint64(1));
    QCOMPARE(report.billingTokens, report.tokensPerExample.min + 40);
    QVERIFY(report.statisticsText().contains(
        QLatin1String("By default, you'll train for 25 epochs on this dataset")));
}

void TestDatasetValidator::totalsTokensPerRole_data()
{
    QTest::addColumn<QByteArray>("lines");
    QTest::addColumn<QStringList>("roles"); // role of each message, in order, over all lines
    QTest::addColumn<int>("primers"); // chat examples: 3 reply-primer tokens each, no role

    QTest::newRow("chat with tools")
        << QByteArray(R"({"messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Weather in Oslo?"}, {"role": "assistant", "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "weather", "arguments": "{\"city\": \"Oslo\"}"}}]}, {"role": "tool", "tool_call_id": "c1", "content": "rain, 4 C"}, {"role": "assistant", "content": "Rainy and 4 degrees."}]}
{"messages": [{"role": "user", "content": "Hi there", "name": "ann"}, {"role": "assistant", "content": "Hello, Ann!"}]}
)")
        << QStringList { QStringLiteral("system"), QStringLiteral("user"), QStringLiteral("assistant"),
               QStringLiteral("tool"), QStringLiteral("assistant"), QStringLiteral("user"),
               QStringLiteral("assistant") }
        << 2;
    QTest::newRow("unrecognized role counts as other")
        << QByteArray(R"({"messages": [{"role": "narrator", "content": "Once upon a time"}, {"role": "assistant", "content": "there was a file."}]}
)")
        << QStringList { QStringLiteral("other"), QStringLiteral("assistant") } << 1;
}

void TestDatasetValidator::totalsTokensPerRole()
{
    QFETCH(QByteArray, lines);
    QFETCH(QStringList, roles);
    QFETCH(int, primers);
    tb::test::FixtureFiles files(QStringLiteral("roles"));
    QVERIFY(files.isValid());
    const QString path = files.write(lines);
    const auto encoding = tb::TiktokenEncoding::get(tb::TiktokenEncoding::Encoding::Cl100kBase);
    QVERIFY(encoding.ok());
    const tb::ChatTokenCounter counter(**encoding);

    QMap<QString, qint64> expected;
    int m = 0;
    for (const QByteArray& line : lines.split('\n')) {
        if (line.isEmpty())
            continue;
        for (const QJsonValue& message :
            QJsonDocument::fromJson(line).object().value(QLatin1String("messages")).toArray())
            expected[roles.at(m++)]
                += counter.countMessages(QJsonArray { message }) - tb::ChatTokenCounter::kReplyPrimer;
    }
    QCOMPARE(m, roles.size());

    const DatasetReport report = validate(path);
    QMap<QString, qint64> actual;
    qint64 sum = 0;
    for (std::size_t r = 0; r < tb::kTokenRoleCount; ++r) {
        sum += report.roleTokens[r];
        if (report.roleTokens[r] != 0)
            actual.insert(tb::tokenRoleName(tb::TokenRole(r)), report.roleTokens[r]);
    }
    QCOMPARE(actual, expected);
    QCOMPARE(sum + primers * tb::ChatTokenCounter::kReplyPrimer, report.totalTokens);
    const QJsonObject byRole
        = report.toJson().value(QLatin1String("tokens")).toObject().value(QLatin1String("by_role")).toObject();
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        QCOMPARE(byRole.value(it.key()).toInteger(), it.value());
}

void TestDatasetValidator::totalsPromptAndCompletionTokensOfLegacyFiles()
{
    tb::test::FixtureFiles files(QStringLiteral("legacy"));
    QVERIFY(files.isValid());
    const QString path = files.write(R"({"prompt": "Is the ferry late? ->", "completion": " Yes, by ten minutes.\n"}
{"prompt": "When does it leave? ->", "completion": " At noon.\n"}
)");
    const auto encoding = tb::TiktokenEncoding::get(tb::TiktokenEncoding::Encoding::Cl100kBase);
    QVERIFY(encoding.ok());
    const auto count = [&](const char* text) { return qint64((*encoding)->countTokens(QString::fromUtf8(text))); };
    const DatasetReport report = validate(path, DatasetFormat::Legacy);
    QCOMPARE(report.roleTokens[std::size_t(tb::TokenRole::Prompt)],
        count("Is the ferry late? ->") + count("When does it leave? ->"));
    QCOMPARE(report.roleTokens[std::size_t(tb::TokenRole::Completion)],
        count(" Yes, by ten minutes.\n") + count(" At noon.\n"));
    QCOMPARE(report.roleTokens[std::size_t(tb::TokenRole::Prompt)]
            + report.roleTokens[std::size_t(tb::TokenRole::Completion)],
        report.totalTokens);
}

void TestDatasetValidator::keepsLongExamplesForAnyModelLimit()
{
    // Lines 2 and 4 are over kLongExampleTokens; line 3 is blank, line 5 is not an example.
    tb::test::FixtureFiles files(QStringLiteral("long"));
    QVERIFY(files.isValid());
    const QString path = files.write(
        loremExample(10) + loremExample(5000) + QByteArray("\n") + loremExample(9000) + QByteArray("[1]\n"));
    const DatasetReport report = validate(path);
    QCOMPARE(report.longExamples.size(), std::size_t(2));
    QCOMPARE(report.longExamples[0].line, qint64(2));
    QCOMPARE(report.longExamples[1].line, qint64(4));
    QVERIFY(report.longExamples[0].tokens > 5000 && report.longExamples[0].tokens < 5100);
    QCOMPARE(report.longExamples[1].tokens, report.maxTokens);
    QCOMPARE(report.billingTokensFor(tb::FineTuneLimits::kMaxTokensPerExample), report.billingTokens);

    // The same answers as validating again with that limit.
    for (const int limit : { 4096, 6000, 8192, 65536 }) {
        const DatasetReport again = validate(path, std::nullopt, limit);
        QCOMPARE(report.billingTokensFor(limit), again.billingTokens);
        QCOMPARE(qint64(report.examplesOver(limit).size()), again.tooLong);
    }
    const std::vector<DatasetReport::LongExample> over = report.examplesOver(6000);
    QCOMPARE(over.size(), std::size_t(1));
    QCOMPARE(over.front().line, qint64(4));
}

void TestDatasetValidator::distributionMatchesNumpy()
{
    // The cookbook's toy dataset: messages per example 2..9, printed by numpy as below.
    std::vector<qint64> values { 3, 2, 9, 3, 2 };
    const tb::CountDistribution d = tb::CountDistribution::of(values);
    QCOMPARE(d.min, qint64(2));
    QCOMPARE(d.max, qint64(9));
    QCOMPARE(tb::python::floatRepr(d.mean), QStringLiteral("3.8"));
    QCOMPARE(tb::python::floatRepr(d.median), QStringLiteral("3.0"));
    QCOMPARE(tb::python::floatRepr(d.p10), QStringLiteral("2.0"));
    QCOMPARE(tb::python::floatRepr(d.p90), QStringLiteral("6.6000000000000005"));
    std::vector<qint64> tokens { 26, 8032, 45, 30, 109 };
    const tb::CountDistribution t = tb::CountDistribution::of(tokens);
    QCOMPARE(tb::python::floatRepr(t.p10), QStringLiteral("27.6"));
    QCOMPARE(tb::python::floatRepr(t.median), QStringLiteral("45.0"));
}

void TestDatasetValidator::mergesDeterministicallyWhateverTheThreadCount()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile out(dir.filePath(QStringLiteral("many.jsonl")));
    QVERIFY(out.open(QIODevice::WriteOnly));
    for (int i = 0; i < 3000; ++i) {
        if (i % 7 == 0)
            out.write("{\"messages\": [{\"role\": \"user\", \"content\": \"same\"}, {\"role\": "
                      "\"assistant\", \"content\": \"same\"}]}\n");
        else if (i % 11 == 0)
            out.write("{\"messages\": [{\"role\": \"user\"}]}\n");
        else
            out.write(
                QStringLiteral("{\"messages\": [{\"role\": \"system\", \"content\": \"s\"}, {\"role\": "
                               "\"user\", \"content\": "
                               "\"question %1\"}, {\"role\": \"assistant\", \"content\": \"answer %1\"}]}\n")
                    .arg(i)
                    .toUtf8());
    }
    out.close();
    const DatasetReport one
        = validate(out.fileName(), std::nullopt, tb::FineTuneLimits::kMaxTokensPerExample, 1);
    const DatasetReport four
        = validate(out.fileName(), std::nullopt, tb::FineTuneLimits::kMaxTokensPerExample, 4);
    QCOMPARE(one.examples, qint64(3000));
    QVERIFY(one.warnings.value(QStringLiteral("duplicate_example")) > 400);
    QCOMPARE(QJsonDocument(four.toJson()).toJson(), QJsonDocument(one.toJson()).toJson());
    for (std::size_t i = 1; i < one.findings.size(); ++i)
        QVERIFY(one.findings[i - 1].line <= one.findings[i].line);
}

void TestDatasetValidator::keepsCountsExactPastTheFindingCap()
{
    QTemporaryDir dir;
    QFile out(dir.filePath(QStringLiteral("nosystem.jsonl")));
    QVERIFY(out.open(QIODevice::WriteOnly));
    const int lines = DatasetReport::kMaxFindingsPerRule + 500;
    for (int i = 0; i < lines; ++i)
        out.write(QStringLiteral(
            "{\"messages\": [{\"role\": \"user\", \"content\": \"q%1\"}, {\"role\": \"assistant\", "
            "\"content\": \"a\"}]}\n")
                      .arg(i)
                      .toUtf8());
    out.close();
    const DatasetReport report = validate(out.fileName());
    QCOMPARE(report.warnings.value(QStringLiteral("missing_system_message")), qint64(lines));
    QCOMPARE(report.missingSystem, qint64(lines));
    QCOMPARE(qint64(report.findings.size()), qint64(DatasetReport::kMaxFindingsPerRule));
}

void TestDatasetValidator::stopsWhenCanceled()
{
    auto index = tb::JsonlIndex::open(fixture(QStringLiteral("valid-chat.jsonl")));
    QVERIFY(index.ok());
    (*index)->build();
    QPromise<DatasetReport> promise;
    promise.start();
    promise.future().cancel();
    const DatasetReport report = DatasetValidator({}).validate(**index, &promise);
    QVERIFY(report.canceled);

    QFuture<DatasetReport> future = DatasetValidator::validateInBackground(*index, {});
    future.waitForFinished();
    QCOMPARE(future.progressValue(), DatasetValidator::kProgressMaximum);
    QCOMPARE(future.result().examples, qint64(2));
}

void TestDatasetValidator::skipsTheLegacyAnalysisAboveItsMemoryLimit()
{
    const auto fileFindings = [](qint64 memoryLimit) {
        DatasetValidator::Options options;
        options.maxLegacyAnalysisMemory = memoryLimit;
        QStringList rules;
        for (const DatasetFinding& f :
            DatasetValidator::validateFile(fixture(QStringLiteral("valid-legacy.jsonl")), options).findings) {
            if (f.line == 0)
                rules.append(f.rule);
        }
        return rules;
    };
    const QStringList analyzed = fileFindings(DatasetValidator::kMaxLegacyAnalysisMemory);
    QVERIFY(analyzed.contains(QStringLiteral("legacy_num_examples")));
    QVERIFY(!analyzed.contains(QStringLiteral("legacy_analysis_skipped")));
    QCOMPARE(fileFindings(1), QStringList { QStringLiteral("legacy_analysis_skipped") });
}

void TestDatasetValidator::stopsTheLegacyAnalysisWhenCanceled()
{
    // Big enough that the prepare_data analysis runs for a good while after the line
    // pass, small enough that it is not skipped.
    QTemporaryDir dir;
    QFile out(dir.filePath(QStringLiteral("legacy.jsonl")));
    QVERIFY(out.open(QIODevice::WriteOnly));
    for (int i = 0; i < 150000; ++i)
        out.write("{\"prompt\": \"question " + QByteArray::number(i) + " ->\", \"completion\": \" answer "
            + QByteArray::number(i % 7) + "\"}\n");
    out.close();
    auto index = tb::JsonlIndex::open(out.fileName());
    QVERIFY(index.ok());
    (*index)->build();
    QVERIFY(DatasetValidator::legacyAnalysisMemory((*index)->fileSize(), (*index)->lineCount())
        <= DatasetValidator::kMaxLegacyAnalysisMemory);

    QPromise<DatasetReport> promise;
    QFuture<DatasetReport> future = promise.future();
    promise.start();
    DatasetReport report;
    const std::unique_ptr<QThread> worker(QThread::create([&] {
        DatasetValidator::Options options;
        options.threads = 2;
        report = DatasetValidator(options).validate(**index, &promise);
        promise.finish();
    }));
    worker->start();
    // Canceled once the analysis began: it reads and analyses every row again, for much
    // longer than this takes to notice it began.
    while (future.progressValue() < DatasetValidator::kLegacyAnalysisProgress && !worker->isFinished())
        QThread::usleep(100);
    QCOMPARE(future.progressValue(), DatasetValidator::kLegacyAnalysisProgress);
    future.cancel();
    QVERIFY(worker->wait());
    QVERIFY(future.isCanceled());
    QVERIFY(report.canceled);
    QVERIFY(std::none_of(report.findings.begin(), report.findings.end(),
        [](const DatasetFinding& f) { return f.line == 0 && f.rule.startsWith(QLatin1String("legacy_")); }));
}

void TestDatasetValidator::printsJsonWithTheDocumentedKeys()
{
    const QJsonObject json = validate(fixture(QStringLiteral("missing_content.jsonl"))).toJson();
    for (const char* key : { "format", "examples", "errors", "warnings", "findings", "tokens", "too_long",
             "epochs", "billing_tokens" })
        QVERIFY2(json.contains(QLatin1String(key)), key);
    QCOMPARE(json.value(QLatin1String("format")).toString(), QStringLiteral("chat"));
    QCOMPARE(
        json.value(QLatin1String("errors")).toObject().value(QLatin1String("missing_content")).toInt(), 1);
    const QJsonObject finding = json.value(QLatin1String("findings")).toArray().first().toObject();
    QCOMPARE(finding.value(QLatin1String("line")).toInt(), 2);
    QCOMPARE(finding.value(QLatin1String("rule")).toString(), QStringLiteral("missing_content"));
    QCOMPARE(finding.value(QLatin1String("severity")).toString(), QStringLiteral("error"));
    QCOMPARE(finding.value(QLatin1String("path")).toString(), QStringLiteral("messages[1].content"));
    const QJsonObject tokens = json.value(QLatin1String("tokens")).toObject();
    for (const char* key : { "total", "assistant", "max", "histogram" })
        QVERIFY2(tokens.contains(QLatin1String(key)), key);
    qint64 inHistogram = 0;
    for (const QJsonValue& bucket : tokens.value(QLatin1String("histogram")).toArray())
        inHistogram += bucket.toObject().value(QLatin1String("count")).toInteger();
    QCOMPARE(inHistogram, qint64(2));
}

void TestDatasetValidator::binsTheBooksRacingFileIntoNiceWidths()
{
    // 125 short prompt/completion examples of 13 to 47 tokens: the fixed buckets gave them
    // a single bar (0-63); here 18 bins 2 tokens wide.
    TB_REQUIRE_SHARED(racing, "book/racing.jsonl");
    const DatasetReport report = validate(racing);
    QCOMPARE(report.examples, qint64(125));
    QCOMPARE(report.tokensPerExample.min, qint64(13));
    QCOMPARE(report.maxTokens, qint64(47));
    const tb::TokenHistogram histogram = report.tokenHistogram(tb::FineTuneLimits::kMaxTokensPerExample);
    QCOMPARE(histogram.width(), qint64(2));
    QList<qint64> from, counts;
    for (const tb::TokenHistogram::Bin& bin : histogram.bins()) {
        QCOMPARE(bin.kind, tb::TokenHistogram::BinKind::Range);
        QCOMPARE(bin.to, bin.from + 1);
        QCOMPARE(bin.overLimit, qint64(0));
        from.append(bin.from);
        counts.append(bin.examples);
    }
    QCOMPARE(from, (QList<qint64> { 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, 42, 44, 46 }));
    QCOMPARE(counts, (QList<qint64> { 3, 2, 6, 3, 34, 13, 10, 12, 11, 9, 8, 7, 2, 1, 0, 1, 2, 1 }));
    QCOMPARE(std::accumulate(counts.begin(), counts.end(), qint64(0)), qint64(125));
    // Only the counts up to the longest example are kept.
    QCOMPARE(report.shortTokenCounts.size(), std::size_t(48));
}

void TestDatasetValidator::keepsTheFixedJsonHistogramAndAddsAdaptiveBins()
{
    // 40 examples of 24 to 63 tokens and one of about 20,000, over the 16,385 limit.
    tb::test::FixtureFiles files(QStringLiteral("bins"));
    QVERIFY(files.isValid());
    QByteArray bytes;
    for (int words = 10; words < 50; ++words)
        bytes += loremExample(words);
    bytes += loremExample(20000);
    const DatasetReport report = validate(files.write(bytes));
    QCOMPARE(report.examples, qint64(41));
    const QJsonObject tokens = report.toJson().value(QLatin1String("tokens")).toObject();

    // tokens.histogram: the same twelve buckets for every file, as before.
    const QJsonArray fixed = tokens.value(QLatin1String("histogram")).toArray();
    QCOMPARE(fixed.size(), 12);
    QCOMPARE(fixed.at(0).toObject(), (QJsonObject { { QStringLiteral("from"), 0 }, { QStringLiteral("to"), 63 },
                                         { QStringLiteral("count"), 40 } }));
    QCOMPARE(fixed.at(9).toObject(), (QJsonObject { { QStringLiteral("from"), 16385 },
                                         { QStringLiteral("to"), 32767 }, { QStringLiteral("count"), 1 } }));
    QCOMPARE(fixed.at(11).toObject().value(QLatin1String("to")), QJsonValue(QJsonValue::Null));

    // tokens.adaptive_histogram: bins from this file's counts, the long one over the limit.
    const QJsonObject adaptive = tokens.value(QLatin1String("adaptive_histogram")).toObject();
    QCOMPARE(adaptive.value(QLatin1String("limit")).toInteger(), qint64(16385));
    QCOMPARE(adaptive.value(QLatin1String("bin_width")).toInteger(), qint64(2));
    const QJsonArray bins = adaptive.value(QLatin1String("bins")).toArray();
    QCOMPARE(bins.size(), 21); // 24-25, 26-27, ..., 62-63 and the one over the limit
    for (int i = 0; i < 20; ++i) {
        const QJsonObject bin = bins.at(i).toObject();
        QCOMPARE(bin, (QJsonObject { { QStringLiteral("from"), 24 + 2 * i }, { QStringLiteral("to"), 25 + 2 * i },
                          { QStringLiteral("count"), 2 }, { QStringLiteral("over_limit"), 0 },
                          { QStringLiteral("kind"), QStringLiteral("range") } }));
    }
    const QJsonObject last = bins.last().toObject();
    QCOMPARE(last.value(QLatin1String("from")).toInteger(), qint64(16386));
    QCOMPARE(last.value(QLatin1String("to")).toInteger(), report.maxTokens);
    QCOMPARE(last.value(QLatin1String("count")).toInteger(), qint64(1));
    QCOMPARE(last.value(QLatin1String("over_limit")).toInteger(), qint64(1));
    QCOMPARE(last.value(QLatin1String("kind")).toString(), QStringLiteral("over_limit"));
    qint64 total = 0;
    for (const QJsonValue& bin : bins)
        total += bin.toObject().value(QLatin1String("count")).toInteger();
    QCOMPARE(total, qint64(41));
}

void TestDatasetValidator::binsEveryExampleOfALargeFileExactly()
{
    // 30,000 chat examples of 10 to about 3,000 tokens plus a few long ones, validated in
    // parallel chunks: the bins agree with the per-line token counts, line by line.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile out(dir.filePath(QStringLiteral("large.jsonl")));
    QVERIFY(out.open(QIODevice::WriteOnly));
    QByteArray words;
    for (int i = 0; i < 20000; ++i)
        words += " lorem";
    for (int i = 0; i < 30000; ++i) {
        // Mostly short, a long tail: like real chat data.
        const int length = i % 97 == 0 ? 600 + (i * 31) % 2400 : (i * 7919) % 400;
        const int n = i % 9973 == 1 ? 5000 + i : length;
        out.write(R"({"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": ")"
            + words.left(6 * n) + "\"}]}\n");
    }
    out.close();
    const DatasetReport report = validate(out.fileName(), std::nullopt, 8192, 2);
    QCOMPARE(report.examples, qint64(30000));
    QVERIFY(!report.longExamples.empty());
    QVERIFY(report.shortTokenCounts.size() <= std::size_t(DatasetReport::kLongExampleTokens) + 1);
    const tb::TokenHistogram histogram = report.tokenHistogram(8192);
    const std::vector<tb::TokenHistogram::Bin>& bins = histogram.bins();
    QVERIFY(bins.size() >= std::size_t(tb::TokenHistogram::kMinBins));
    QVERIFY(bins.size() <= std::size_t(tb::TokenHistogram::kMaxBins) + 2);
    QCOMPARE(bins.back().kind, tb::TokenHistogram::BinKind::OverLimit);
    QCOMPARE(bins.back().from, qint64(8193));
    std::vector<qint64> counts(bins.size(), 0), over(bins.size(), 0);
    for (const quint32 tokens : *report.lineTokens) {
        QVERIFY(tokens != DatasetReport::kNotCounted);
        const auto bin = std::partition_point(
            bins.begin(), bins.end(), [tokens](const tb::TokenHistogram::Bin& b) { return b.to < qint64(tokens); });
        QVERIFY(bin != bins.end() && bin->from <= qint64(tokens));
        ++counts[std::size_t(bin - bins.begin())];
        over[std::size_t(bin - bins.begin())] += tokens > 8192;
    }
    for (std::size_t i = 0; i < bins.size(); ++i) {
        QCOMPARE(bins[i].examples, counts[i]);
        QCOMPARE(bins[i].overLimit, over[i]);
    }
    // The same bins from one thread.
    QCOMPARE(validate(out.fileName(), std::nullopt, 8192, 1).tokenHistogram(8192).bins(), bins);
}

QTEST_GUILESS_MAIN(TestDatasetValidator)
#include "tst_datasetvalidator.moc"
