// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// `tunebench validate` and `tunebench prepare` as a user runs them: the built binary,
// its exit codes, stdout and the files it writes.

#include "sharedfixtures.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Output
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Output tunebench(const QStringList& arguments, const QString& workingDirectory = {})
{
    QProcess process;
    process.setProgram(QStringLiteral(TUNEBENCH_BINARY));
    process.setArguments(arguments);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start();
    process.closeWriteChannel();
    Output output;
    if (!process.waitForFinished(60000))
        return output;
    output.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    output.out = process.readAllStandardOutput();
    output.err = process.readAllStandardError();
    return output;
}

QString fixture(const QString& name)
{
    return tb::test::sourcePath(QStringLiteral("tests/core/data/validators/") + name);
}

} // namespace

class TestDatasetCommands : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validateExitCodes_data();
    void validateExitCodes();
    void validatePrintsFindingsAsFileLineSeverityRule();
    void validatePrintsOneJsonObject();
    void prepareWritesANewFileAndAsksNothingWithQ();
    void prepareWithoutAnswersWritesNothing();
    void rewritingCommandsWriteNewFiles_data();
    void rewritingCommandsWriteNewFiles();
};

void TestDatasetCommands::validateExitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("valid") << QStringList { QStringLiteral("validate"),
        fixture(QStringLiteral("valid-chat.jsonl")) }
                           << 0;
    QTest::newRow("warnings only") << QStringList { QStringLiteral("validate"),
        fixture(QStringLiteral("role_order.jsonl")) }
                                   << 0;
    QTest::newRow("errors") << QStringList { QStringLiteral("validate"),
        fixture(QStringLiteral("missing_content.jsonl")) }
                            << 1;
    QTest::newRow("bad format option") << QStringList { QStringLiteral("validate"),
        QStringLiteral("--format"), QStringLiteral("csv"), fixture(QStringLiteral("valid-chat.jsonl")) }
                                       << 2;
    QTest::newRow("no file") << QStringList { QStringLiteral("validate") } << 2;
    QTest::newRow("missing file") << QStringList { QStringLiteral("validate"),
        QStringLiteral("/nonexistent/x.jsonl") }
                                  << 4;
}

void TestDatasetCommands::validateExitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const Output output = tunebench(arguments);
    QVERIFY2(output.exitCode == exitCode, output.err.constData());
}

void TestDatasetCommands::validatePrintsFindingsAsFileLineSeverityRule()
{
    const QString file = fixture(QStringLiteral("missing_content.jsonl"));
    const Output output = tunebench({ QStringLiteral("validate"), file });
    QCOMPARE(output.exitCode, 1);
    const QString text = QString::fromUtf8(output.out);
    QVERIFY2(text.contains(file
                 + QStringLiteral(":2: error: [missing_content] messages[1].content: content is empty\n")),
        output.out.constData());
    QVERIFY(text.contains(QStringLiteral("2 examples in chat format, 1 errors, 1 warnings")));
    QVERIFY(text.contains(QStringLiteral("By default, you'll train for 25 epochs on this dataset")));
}

void TestDatasetCommands::validatePrintsOneJsonObject()
{
    const Output output
        = tunebench({ QStringLiteral("validate"), QStringLiteral("--json"), QStringLiteral("--model"),
            QStringLiteral("gpt-4o-mini-2024-07-18"), fixture(QStringLiteral("missing_content.jsonl")) });
    QCOMPARE(output.exitCode, 1);
    QJsonParseError error;
    const QJsonObject json = QJsonDocument::fromJson(output.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(json.value(QLatin1String("examples")).toInt(), 2);
    QCOMPARE(
        json.value(QLatin1String("errors")).toObject().value(QLatin1String("missing_content")).toInt(), 1);
    QCOMPARE(json.value(QLatin1String("max_tokens_per_example")).toInt(), 65536);
    QCOMPARE(json.value(QLatin1String("tokens")).toObject().value(QLatin1String("encoding")).toString(),
        QStringLiteral("o200k_base"));
}

void TestDatasetCommands::prepareWritesANewFileAndAsksNothingWithQ()
{
    QTemporaryDir dir;
    QVERIFY(QFile::copy(
        fixture(QStringLiteral("prepare/remediations.jsonl")), dir.filePath(QStringLiteral("data.jsonl"))));
    const Output output = tunebench(
        { QStringLiteral("prepare"), QStringLiteral("data.jsonl"), QStringLiteral("-q") }, dir.path());
    QCOMPARE(output.exitCode, 0);
    QVERIFY(output.out.contains("Wrote modified file to `data_prepared.jsonl`"));
    QFile written(dir.filePath(QStringLiteral("data_prepared.jsonl")));
    QVERIFY(written.open(QIODevice::ReadOnly));
    QFile expected(fixture(QStringLiteral("prepare/remediations_prepared.expected")));
    QVERIFY(expected.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), expected.readAll());
}

void TestDatasetCommands::prepareWithoutAnswersWritesNothing()
{
    QTemporaryDir dir;
    QVERIFY(QFile::copy(
        fixture(QStringLiteral("prepare/remediations.jsonl")), dir.filePath(QStringLiteral("data.jsonl"))));
    const Output output = tunebench({ QStringLiteral("prepare"), QStringLiteral("data.jsonl") }, dir.path());
    QCOMPARE(output.exitCode, 0);
    QVERIFY(output.out.contains("Aborting... did not write the file"));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("data_prepared.jsonl"))));
}

void TestDatasetCommands::rewritingCommandsWriteNewFiles_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("written");
    QTest::addColumn<QByteArray>("firstLine");
    QTest::newRow("convert to chat")
        << QStringList { QStringLiteral("convert"), QStringLiteral("data.jsonl"), QStringLiteral("--to"),
               QStringLiteral("chat") }
        << QStringList { QStringLiteral("data_chat.jsonl") }
        << QByteArray(
               R"({"messages": [{"role": "user", "content": "Capital of France? ->"}, {"role": "assistant", "content": " Paris.\n"}]})");
    QTest::newRow("dedupe") << QStringList { QStringLiteral("dedupe"), QStringLiteral("data.jsonl") }
                            << QStringList { QStringLiteral("data_deduped.jsonl") }
                            << QByteArray(
                                   R"({"prompt": "Capital of France? ->", "completion": " Paris.\n"})");
    QTest::newRow("drop-long") << QStringList { QStringLiteral("drop-long"), QStringLiteral("data.jsonl"),
        QStringLiteral("--max-tokens"), QStringLiteral("10") }
                               << QStringList { QStringLiteral("data_short.jsonl") }
                               << QByteArray(
                                      R"({"prompt": "Capital of France? ->", "completion": " Paris.\n"})");
    QTest::newRow("split") << QStringList { QStringLiteral("split"), QStringLiteral("data.jsonl"),
        QStringLiteral("--valid-fraction"), QStringLiteral("0.5") }
                           << QStringList { QStringLiteral("data_train.jsonl"),
                                  QStringLiteral("data_valid.jsonl") }
                           << QByteArray();
}

void TestDatasetCommands::rewritingCommandsWriteNewFiles()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, written);
    QFETCH(QByteArray, firstLine);
    QTemporaryDir dir;
    QVERIFY(QFile::copy(
        fixture(QStringLiteral("valid-legacy.jsonl")), dir.filePath(QStringLiteral("data.jsonl"))));
    const Output output = tunebench(arguments, dir.path());
    QVERIFY2(output.exitCode == 0, output.err.constData());
    for (const QString& name : written) {
        QFile file(dir.filePath(name));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(name));
        const QByteArray content = file.readAll();
        QVERIFY(!content.isEmpty());
        if (!firstLine.isEmpty())
            QCOMPARE(content.left(content.indexOf('\n')), firstLine);
    }
    // A second run must not overwrite what the first wrote.
    QCOMPARE(tunebench(arguments, dir.path()).exitCode, 4);
}

QTEST_GUILESS_MAIN(TestDatasetCommands)
#include "tst_datasetcommands.moc"
