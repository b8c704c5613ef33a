// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Runs the real `tunebench` executable against the `tunebench-emulator` process on
// 127.0.0.1: arguments, exit codes, streamed output and what goes on the wire.

#include "sharedfixtures.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

// The emulator as a child process; its base URL is the one line it prints.
class EmulatorProcess
{
public:
    // `requireKey`: the emulator answers 401 unless the request carries sk-cli-test.
    explicit EmulatorProcess(const QString& scriptFile = {}, bool requireKey = true)
    {
        QStringList arguments { QStringLiteral("--port"), QStringLiteral("0") };
        if (requireKey)
            arguments << QStringLiteral("--api-key") << QStringLiteral("sk-cli-test");
        if (!scriptFile.isEmpty())
            arguments << QStringLiteral("--script") << scriptFile;
        m_process.start(QStringLiteral(TUNEBENCH_EMULATOR_PATH), arguments);
        if (m_process.waitForStarted() && m_process.waitForReadyRead(5000))
            m_baseUrl = QString::fromUtf8(m_process.readLine()).trimmed();
    }
    ~EmulatorProcess()
    {
        m_process.kill();
        m_process.waitForFinished();
    }
    QString baseUrl() const { return m_baseUrl; }

    // What the emulator received, from its control endpoint.
    QJsonArray requests() const
    {
        QNetworkAccessManager network;
        QUrl url(m_baseUrl);
        url.setPath(QStringLiteral("/_emulator/requests"));
        QNetworkReply* reply = network.get(QNetworkRequest(url));
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!done.wait(5000))
            return {};
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll()).object().value(QLatin1String("data")).toArray();
    }

private:
    QProcess m_process;
    QString m_baseUrl;
};

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void helpListsCommandsAndExitCodes();
    void paramsListsPlaceholdersInOrder();
    void paramsJsonCarriesMetadata();
    void paramsReportsInvalidTemplateLocation();
    void paramsUnknownTemplateIsInputError();
    void runStreamsReplyAndSendsRenderedTemplate();
    void runReadsParameterFromFile();
    void runJsonPrintsResponseObject();
    void runLegacyTemplateUsesCompletionsEndpoint();
    void runUsesProfileFromSettings();
    void runUnknownProfileIsUsageError();
    void runMissingParameterIsUsageError();
    void runWithoutModelIsUsageError();
    void runServerErrorIsApiFailure();
    void runTruncatedStreamKeepsPartialText();
    void runWithoutKeyForRemoteServerIsCredentialError();
    void runRefusesPlainHttpToRemoteHost();
    void modelsListsIds();
    void tokensCountsWholeFileExactly();
    void tokensCountsChatExamplesPerLine();
    void mergeWritesFilesInOrderAndCountsThem();
    void mergeRejectsBadArguments_data();
    void mergeRejectsBadArguments();

private:
    CliRun runCli(const QStringList& arguments, const QProcessEnvironment& extra = {});
    QString writeFile(const QString& name, const QByteArray& contents);

    QTemporaryDir m_home;
};

void TestCli::initTestCase()
{
    QVERIFY(m_home.isValid());
}

CliRun TestCli::runCli(const QStringList& arguments, const QProcessEnvironment& extra)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& name : { QStringLiteral("OPENAI_API_KEY"), QStringLiteral("OPENAI_BASE_URL"),
             QStringLiteral("OPENAI_ORG_ID"), QStringLiteral("OPENAI_PROJECT_ID") })
        environment.remove(name);
    // Settings and data of the child go to a private folder, never the user's.
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    environment.insert(extra);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TUNEBENCH_PATH), arguments);
    CliRun run;
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString TestCli::writeFile(const QString& name, const QByteArray& contents)
{
    QFile file(m_home.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(contents);
    return file.fileName();
}

static QProcessEnvironment withKey()
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-cli-test"));
    return environment;
}

void TestCli::helpListsCommandsAndExitCodes()
{
    const CliRun run = runCli({ QStringLiteral("--help") });
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QLatin1String("  run ")));
    QVERIFY(run.out.contains(QLatin1String("  params ")));
    QVERIFY(run.out.contains(QLatin1String("3 API or network error")));
}

void TestCli::paramsListsPlaceholdersInOrder()
{
    const CliRun run = runCli({ QStringLiteral("params"), QStringLiteral("rewrite-one-shot") });
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("sample\ntext\n"));
}

void TestCli::paramsJsonCarriesMetadata()
{
    const CliRun run
        = runCli({ QStringLiteral("params"), QStringLiteral("--json"), QStringLiteral("qa-pairs-jsonl") });
    QCOMPARE(run.exitCode, 0);
    const QJsonArray parameters = QJsonDocument::fromJson(run.out.toUtf8()).array();
    QCOMPARE(parameters.size(), 2);
    QCOMPARE(parameters.at(0)[QLatin1String("name")].toString(), QStringLiteral("chunk"));
    QCOMPARE(parameters.at(0)[QLatin1String("file")].toBool(), true);
    QCOMPARE(parameters.at(1)[QLatin1String("name")].toString(), QStringLiteral("n"));
    QCOMPARE(parameters.at(1)[QLatin1String("default")].toString(), QStringLiteral("20"));
}

void TestCli::paramsReportsInvalidTemplateLocation()
{
    const QString path = writeFile(QStringLiteral("bad.json"), "{\n  \"messages\": [\n    42\n  ]\n}\n");
    const CliRun run = runCli({ QStringLiteral("params"), path });
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains(path + QStringLiteral(":3:5: messages[0]")), qPrintable(run.err));
}

void TestCli::paramsUnknownTemplateIsInputError()
{
    const CliRun run = runCli({ QStringLiteral("params"), QStringLiteral("no-such-template") });
    QCOMPARE(run.exitCode, 4);
    QVERIFY(run.err.contains(QLatin1String("no-such-template")));
}

void TestCli::runStreamsReplyAndSendsRenderedTemplate()
{
    EmulatorProcess emulator;
    QVERIFY(!emulator.baseUrl().isEmpty());
    const CliRun run
        = runCli({ QStringLiteral("run"), QStringLiteral("sentiment-few-shot"), QStringLiteral("--param"),
                     QStringLiteral("review=Cold soup, warm staff."), QStringLiteral("--base-url"),
                     emulator.baseUrl(), QStringLiteral("--model"), QStringLiteral("emu-1") },
            withKey());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out, QStringLiteral("Emulated reply to: Cold soup, warm staff.\n"));

    const QJsonArray requests = emulator.requests();
    QCOMPARE(requests.size(), 1);
    const QJsonObject request = requests.at(0).toObject();
    QCOMPARE(request[QLatin1String("path")].toString(), QStringLiteral("/v1/chat/completions"));
    const QJsonObject body
        = QJsonDocument::fromJson(request[QLatin1String("body")].toString().toUtf8()).object();
    QCOMPARE(body[QLatin1String("stream")].toBool(), true);
    const QJsonArray messages = body[QLatin1String("messages")].toArray();
    QCOMPARE(messages.last()[QLatin1String("content")].toString(), QStringLiteral("Cold soup, warm staff."));
    QVERIFY(!body.contains(QLatin1String("x-tunebench")));
    QCOMPARE(request[QLatin1String("headers")][QLatin1String("authorization")].toString(),
        QStringLiteral("Bearer sk-cli-test"));
}

void TestCli::runReadsParameterFromFile()
{
    EmulatorProcess emulator;
    const QString chunk = writeFile(QStringLiteral("review.txt"), "Best noodles in town.");
    const CliRun run
        = runCli({ QStringLiteral("run"), QStringLiteral("sentiment-few-shot"), QStringLiteral("-p"),
                     QStringLiteral("review=@") + chunk, QStringLiteral("--base-url"), emulator.baseUrl(),
                     QStringLiteral("--model"), QStringLiteral("emu-1") },
            withKey());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out, QStringLiteral("Emulated reply to: Best noodles in town.\n"));
}

void TestCli::runJsonPrintsResponseObject()
{
    EmulatorProcess emulator;
    const CliRun run
        = runCli({ QStringLiteral("run"), QStringLiteral("sentiment-few-shot"), QStringLiteral("-p"),
                     QStringLiteral("review=Fine."), QStringLiteral("--no-stream"), QStringLiteral("--json"),
                     QStringLiteral("--base-url"), emulator.baseUrl(), QStringLiteral("--model"),
                     QStringLiteral("emu-1") },
            withKey());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject response = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(response[QLatin1String("object")].toString(), QStringLiteral("chat.completion"));
    QCOMPARE(
        response[QLatin1String("choices")][0][QLatin1String("message")][QLatin1String("content")].toString(),
        QStringLiteral("Emulated reply to: Fine."));
    QVERIFY(response[QLatin1String("usage")][QLatin1String("total_tokens")].toInt() > 0);
}

void TestCli::runLegacyTemplateUsesCompletionsEndpoint()
{
    EmulatorProcess emulator;
    const CliRun run = runCli(
        { QStringLiteral("run"), QStringLiteral("qa-fine-tuned-one-shot"), QStringLiteral("-p"),
            QStringLiteral("question=Who won?"), QStringLiteral("--json"), QStringLiteral("--base-url"),
            emulator.baseUrl(), QStringLiteral("--model"), QStringLiteral("emu-1") },
        withKey());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject response = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(response[QLatin1String("object")].toString(), QStringLiteral("text_completion"));
    QVERIFY(!response[QLatin1String("choices")][0][QLatin1String("text")].toString().isEmpty());
}

void TestCli::runUsesProfileFromSettings()
{
    EmulatorProcess emulator({}, false);
    // The settings file as README.md documents it; the profile supplies URL and model.
    QDir().mkpath(m_home.filePath(QStringLiteral("config/Tunebench")));
    writeFile(QStringLiteral("config/Tunebench/tunebench.conf"),
        "[providers]\nemu\\kind=openai-compatible\nemu\\baseUrl=" + emulator.baseUrl().toUtf8()
            + "\nemu\\defaultModel=emu-from-profile\n");
    const CliRun run = runCli(
        { QStringLiteral("run"), QStringLiteral("translate-zero-shot"), QStringLiteral("-p"),
            QStringLiteral("text=Good morning"), QStringLiteral("--profile"), QStringLiteral("emu") },
        withKey());
    QFile::remove(m_home.filePath(QStringLiteral("config/Tunebench/tunebench.conf")));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.startsWith(QLatin1String("Emulated reply to: ")), qPrintable(run.out));
    const QJsonObject body
        = QJsonDocument::fromJson(emulator.requests().at(0)[QLatin1String("body")].toString().toUtf8())
              .object();
    QCOMPARE(body[QLatin1String("model")].toString(), QStringLiteral("emu-from-profile"));
    // OPENAI_API_KEY is set, but a saved local profile never receives it.
    const QString authorization
        = emulator.requests().at(0)[QLatin1String("headers")][QLatin1String("authorization")].toString();
    QVERIFY2(!authorization.contains(QLatin1String("sk-cli-test")), qPrintable(authorization));
}

void TestCli::runUnknownProfileIsUsageError()
{
    const CliRun run
        = runCli({ QStringLiteral("run"), QStringLiteral("translate-zero-shot"), QStringLiteral("-p"),
                     QStringLiteral("text=x"), QStringLiteral("--profile"), QStringLiteral("nope") },
            withKey());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("nope")), qPrintable(run.err));
}

void TestCli::runMissingParameterIsUsageError()
{
    const CliRun run = runCli({ QStringLiteral("run"), QStringLiteral("rewrite-one-shot"),
                                  QStringLiteral("-p"), QStringLiteral("text=hello") },
        withKey());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("no value for sample")), qPrintable(run.err));
}

void TestCli::runWithoutModelIsUsageError()
{
    const CliRun run = runCli({ QStringLiteral("run"), QStringLiteral("sentiment-few-shot"),
                                  QStringLiteral("-p"), QStringLiteral("review=x"),
                                  QStringLiteral("--base-url"), QStringLiteral("http://127.0.0.1:9/v1") },
        withKey());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("--model")), qPrintable(run.err));
}

void TestCli::runServerErrorIsApiFailure()
{
    const QString script = writeFile(QStringLiteral("errors.json"),
        R"([{"status": 500, "error": {"message": "boom"}}, {"status": 500, "error": {"message": "boom"}},
            {"status": 500, "error": {"message": "boom"}}, {"status": 500, "error": {"message": "boom"}}])");
    EmulatorProcess emulator(script);
    const CliRun run
        = runCli({ QStringLiteral("run"), QStringLiteral("sentiment-few-shot"), QStringLiteral("-p"),
                     QStringLiteral("review=x"), QStringLiteral("--base-url"), emulator.baseUrl(),
                     QStringLiteral("--model"), QStringLiteral("emu-1") },
            withKey());
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains(QLatin1String("500")), qPrintable(run.err));
    QVERIFY(!run.err.contains(QLatin1String("sk-cli-test")));
}

void TestCli::runTruncatedStreamKeepsPartialText()
{
    const QString script = writeFile(
        QStringLiteral("truncate.json"), R"({"fault": "truncate_stream", "fault_after_events": 3})");
    EmulatorProcess emulator(script);
    const CliRun run
        = runCli({ QStringLiteral("run"), QStringLiteral("sentiment-few-shot"), QStringLiteral("-p"),
                     QStringLiteral("review=one two three four five six"), QStringLiteral("--base-url"),
                     emulator.baseUrl(), QStringLiteral("--model"), QStringLiteral("emu-1") },
            withKey());
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.out.startsWith(QLatin1String("Emulated")), qPrintable(run.out));
    QVERIFY2(run.err.contains(QLatin1String("incomplete")), qPrintable(run.err));
}

void TestCli::runWithoutKeyForRemoteServerIsCredentialError()
{
    const CliRun run = runCli({ QStringLiteral("run"), QStringLiteral("sentiment-few-shot"),
        QStringLiteral("-p"), QStringLiteral("review=x"), QStringLiteral("--base-url"),
        QStringLiteral("https://llm.example.invalid/v1"), QStringLiteral("-m"), QStringLiteral("emu-1") });
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.contains(QLatin1String("OPENAI_API_KEY")), qPrintable(run.err));
}

void TestCli::runRefusesPlainHttpToRemoteHost()
{
    const CliRun run = runCli(
        { QStringLiteral("run"), QStringLiteral("sentiment-few-shot"), QStringLiteral("-p"),
            QStringLiteral("review=x"), QStringLiteral("--base-url"),
            QStringLiteral("http://llm.example.invalid/v1"), QStringLiteral("-m"), QStringLiteral("emu-1") },
        withKey());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("http://")), qPrintable(run.err));
}

void TestCli::modelsListsIds()
{
    EmulatorProcess emulator;
    const CliRun run
        = runCli({ QStringLiteral("models"), QStringLiteral("--base-url"), emulator.baseUrl() }, withKey());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size() >= 1);
}

// Expected values from the npm `tiktoken` package (cl100k_base) on the repo's sample file.
void TestCli::tokensCountsWholeFileExactly()
{
    const CliRun run = runCli({ QStringLiteral("tokens"),
        tb::test::sourcePath(QStringLiteral("resources/samples/ferry-qa-chat.jsonl")) });
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("1425\n"));
}

void TestCli::tokensCountsChatExamplesPerLine()
{
    const CliRun run = runCli({ QStringLiteral("tokens"), QStringLiteral("--jsonl"),
        tb::test::sourcePath(QStringLiteral("resources/samples/ferry-qa-chat.jsonl")) });
    QCOMPARE(run.exitCode, 0);
    const QStringList counts = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(counts.size(), 20);
    QCOMPARE(
        counts.mid(0, 3), (QStringList { QStringLiteral("50"), QStringLiteral("47"), QStringLiteral("51") }));
}

void TestCli::mergeWritesFilesInOrderAndCountsThem()
{
    const QString a = writeFile(QStringLiteral("merge-a.jsonl"), "{\"n\":1}\r\n{\"n\":2}\r\n");
    const QString b = writeFile(QStringLiteral("merge-b.jsonl"), "{\"n\":2}\n\n{\"n\":3}");
    const QString output = m_home.filePath(QStringLiteral("merged.jsonl"));
    const CliRun run
        = runCli({ QStringLiteral("merge"), a, b, QStringLiteral("-o"), output, QStringLiteral("--dedupe") });
    QCOMPARE(run.exitCode, 0);
    QFile merged(output);
    QVERIFY(merged.open(QIODevice::ReadOnly));
    QCOMPARE(merged.readAll(), QByteArray("{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n"));
    QCOMPARE(run.out,
        a + QStringLiteral(": 2 lines, 2 written, 0 duplicates left out\n") + b
            + QStringLiteral(": 2 lines, 1 written, 1 duplicates left out\n") + QStringLiteral("Wrote ")
            + output + QStringLiteral(": 3 lines from 2 files\n"));

    const CliRun help = runCli({ QStringLiteral("--help") });
    QVERIFY(help.out.contains(QLatin1String("  merge ")));
}

void TestCli::mergeRejectsBadArguments_data()
{
    QTest::addColumn<QStringList>("arguments"); // {A} and {B} are two existing files, {OUT} an existing one
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("one file") << QStringList { QStringLiteral("{A}"), QStringLiteral("-o"),
        QStringLiteral("{NEW}") }
                              << 2 << QStringLiteral("at least two files");
    QTest::newRow("no output") << QStringList { QStringLiteral("{A}"), QStringLiteral("{B}") } << 2
                               << QStringLiteral("-o FILE");
    QTest::newRow("output exists") << QStringList { QStringLiteral("{A}"), QStringLiteral("{B}"),
        QStringLiteral("-o"), QStringLiteral("{OUT}") }
                                   << 4 << QStringLiteral("already exists");
    QTest::newRow("missing input") << QStringList { QStringLiteral("{A}"), QStringLiteral("{MISSING}"),
        QStringLiteral("-o"), QStringLiteral("{NEW}") }
                                   << 4 << QStringLiteral("missing.jsonl");
}

void TestCli::mergeRejectsBadArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const QString existing = writeFile(QStringLiteral("merge-out.jsonl"), "keep\n");
    for (QString& argument : arguments) {
        argument.replace(QLatin1String("{A}"), writeFile(QStringLiteral("merge-a.jsonl"), "a\n"))
            .replace(QLatin1String("{B}"), writeFile(QStringLiteral("merge-b.jsonl"), "b\n"))
            .replace(QLatin1String("{OUT}"), existing)
            .replace(QLatin1String("{NEW}"), m_home.filePath(QStringLiteral("merge-new.jsonl")))
            .replace(QLatin1String("{MISSING}"), m_home.filePath(QStringLiteral("missing.jsonl")));
    }
    const CliRun run = runCli(QStringList { QStringLiteral("merge") } + arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(!QFile::exists(m_home.filePath(QStringLiteral("merge-new.jsonl"))));
    QFile kept(existing);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("keep\n"));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
