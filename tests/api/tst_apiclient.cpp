// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/apiclient.h"
#include "apitestharness.h"
#include "openaiemulator.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTest>

#include <memory>

using namespace tb;
using tb::test::OpenAiEmulator;
using tb::test::ScriptedReply;

namespace {

// Collects every message logged while installed (all categories, all levels).
QStringList g_logLines;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    g_logLines << QString::fromLatin1(context.category ? context.category : "") + QStringLiteral(": ") + message;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void everyRequestCarriesTheSameHeaders_data();
    void everyRequestCarriesTheSameHeaders();
    void emptyKeySendsNoAuthorization();
    void azureRoutesToTheDeploymentWithApiKeyHeader();
    void azureWithoutApiVersionIsNotFoundOnTheServer();
    void plainHttpToARemoteHostIsRefusedBeforeSending_data();
    void plainHttpToARemoteHostIsRefusedBeforeSending();
    void keyNeverAppearsInErrorsOrLogs_data();
    void keyNeverAppearsInErrorsOrLogs();
    void wrongKeyGivesAnAuthenticationSentence();

private:
    std::unique_ptr<OpenAiEmulator> m_emulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestApiClient::init()
{
    m_emulator = std::make_unique<OpenAiEmulator>();
    QVERIFY(m_emulator->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestApiClient::cleanup()
{
    m_network.reset();
    m_emulator.reset();
}

void TestApiClient::everyRequestCarriesTheSameHeaders_data()
{
    QTest::addColumn<QString>("organization");
    QTest::addColumn<QString>("project");
    QTest::newRow("no organization or project") << "" << "";
    QTest::newRow("organization only") << "org-123" << "";
    QTest::newRow("both") << "org-123" << "proj_abc";
}

void TestApiClient::everyRequestCarriesTheSameHeaders()
{
    QFETCH(QString, organization);
    QFETCH(QString, project);
    ProviderProfile profile = ProviderProfile::openAI();
    profile.baseUrl = m_emulator->baseUrl();
    profile.organization = organization;
    profile.project = project;
    m_emulator->setExpectedApiKey(QStringLiteral("sk-good"));
    ApiClient client(profile, m_network.get(), QStringLiteral("sk-good"));

    QVERIFY(test::runCompletion(client, test::chatRequest(QStringLiteral("a"), true)).finished);
    QVERIFY(test::runCompletion(client, test::legacyRequest(QStringLiteral("b"), false)).finished);
    bool listed = false;
    ModelListJob* models = client.createModelList();
    connect(models, &ModelListJob::finished, this, [&listed] { listed = true; });
    models->start();
    QTRY_VERIFY(listed);

    QCOMPARE(m_emulator->requests().size(), 3);
    for (const test::EmulatorRequest& request : m_emulator->requests()) {
        QCOMPARE(request.header("User-Agent"), QByteArray("Tunebench/" TUNEBENCH_VERSION));
        QCOMPARE(request.header("Authorization"), QByteArray("Bearer sk-good"));
        QCOMPARE(request.header("Accept"), QByteArray("application/json"));
        QCOMPARE(request.header("X-Tunebench-Retry-Count"), QByteArray("0"));
        QVERIFY(!request.hasHeader("api-key"));
        QCOMPARE(request.hasHeader("OpenAI-Organization"), !organization.isEmpty());
        QCOMPARE(request.hasHeader("OpenAI-Project"), !project.isEmpty());
        if (!organization.isEmpty())
            QCOMPARE(request.header("OpenAI-Organization"), organization.toUtf8());
        if (!project.isEmpty())
            QCOMPARE(request.header("OpenAI-Project"), project.toUtf8());
        if (request.method == "POST")
            QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
    }
    QCOMPARE(m_emulator->requests().at(2).method, QByteArray("GET"));
    QCOMPARE(m_emulator->requests().at(2).path, QStringLiteral("/v1/models"));
}

void TestApiClient::emptyKeySendsNoAuthorization()
{
    ApiClient client(ProviderProfile::openAICompatible(QStringLiteral("local"), QStringLiteral("Local"), m_emulator->baseUrl()),
                     m_network.get(), QString());
    QVERIFY(!client.hasApiKey());
    QVERIFY(test::runCompletion(client, test::chatRequest(QStringLiteral("a"), false)).finished);
    QVERIFY(!m_emulator->requests().first().hasHeader("Authorization"));
    QVERIFY(!m_emulator->requests().first().hasHeader("api-key"));
}

void TestApiClient::azureRoutesToTheDeploymentWithApiKeyHeader()
{
    m_emulator->setExpectedApiKey(QStringLiteral("azure-key"));
    ProviderProfile profile = ProviderProfile::azure(m_emulator->rootUrl(), QStringLiteral("gpt4o-prod"),
                                                     QStringLiteral("2024-10-21"));
    profile.organization = QStringLiteral("org-ignored");
    ApiClient client(profile, m_network.get(), QStringLiteral("azure-key"));
    CompletionRequest request = test::chatRequest(QStringLiteral("azure?"), true);
    request.body.remove(QStringLiteral("model"));
    const test::CompletionOutcome outcome = test::runCompletion(client, request);
    QVERIFY2(outcome.finished, qPrintable(outcome.error.humanMessage()));
    QCOMPARE(outcome.result.text(), QStringLiteral("Emulated reply to: azure?"));
    QVERIFY(outcome.result.usage.known); // Azure understands stream_options

    const test::EmulatorRequest& sent = m_emulator->requests().first();
    QCOMPARE(sent.path, QStringLiteral("/openai/deployments/gpt4o-prod/chat/completions"));
    QCOMPARE(sent.query.queryItemValue(QStringLiteral("api-version")), QStringLiteral("2024-10-21"));
    QCOMPARE(sent.header("api-key"), QByteArray("azure-key"));
    QVERIFY(!sent.hasHeader("Authorization"));
    QVERIFY(!sent.hasHeader("OpenAI-Organization"));
    QCOMPARE(sent.json().value(QStringLiteral("model")).toString(), QStringLiteral("gpt4o-prod"));

    bool listed = false;
    ModelListJob* models = client.createModelList();
    connect(models, &ModelListJob::finished, this, [&listed] { listed = true; });
    models->start();
    QTRY_VERIFY(listed);
    QCOMPARE(m_emulator->requests().last().path, QStringLiteral("/openai/models"));
    QCOMPARE(m_emulator->requests().last().query.queryItemValue(QStringLiteral("api-version")), QStringLiteral("2024-10-21"));
}

void TestApiClient::azureWithoutApiVersionIsNotFoundOnTheServer()
{
    // validate() refuses an empty api-version; this checks the emulator is as strict as Azure.
    ProviderProfile profile = ProviderProfile::azure(m_emulator->rootUrl(), QStringLiteral("d"), QStringLiteral(" "));
    ApiClient client(profile, m_network.get(), QStringLiteral("k"), test::fastPolicy(0));
    const test::CompletionOutcome outcome = test::runCompletion(client, test::chatRequest(QStringLiteral("x"), false));
    QVERIFY(outcome.failed);
    QCOMPARE(outcome.error.kind, ApiError::Kind::Configuration);
    QCOMPARE(m_emulator->requestCount(), 0);
}

void TestApiClient::plainHttpToARemoteHostIsRefusedBeforeSending_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("remote host") << "http://api.example.com/v1";
    QTest::newRow("lan address") << "http://192.168.1.20:8000/v1";
    QTest::newRow("localhost lookalike") << "http://localhost.example.com/v1";
}

void TestApiClient::plainHttpToARemoteHostIsRefusedBeforeSending()
{
    QFETCH(QString, url);
    ApiClient client(ProviderProfile::openAICompatible(QStringLiteral("x"), QStringLiteral("X"), QUrl(url)),
                     m_network.get(), QStringLiteral("sk-test"));
    const test::CompletionOutcome outcome = test::runCompletion(client, test::chatRequest(QStringLiteral("x"), false));
    QVERIFY(outcome.failed);
    QCOMPARE(outcome.error.kind, ApiError::Kind::Configuration);
    QVERIFY2(outcome.error.humanMessage().contains(QStringLiteral("http://")), qPrintable(outcome.error.humanMessage()));
    QVERIFY(outcome.error.humanMessage().contains(QStringLiteral("https://")));
}

void TestApiClient::keyNeverAppearsInErrorsOrLogs_data()
{
    QTest::addColumn<bool>("azure");
    QTest::addColumn<bool>("stream");
    QTest::newRow("openai, streamed") << false << true;
    QTest::newRow("openai, not streamed") << false << false;
    QTest::newRow("azure") << true << false;
}

void TestApiClient::keyNeverAppearsInErrorsOrLogs()
{
    QFETCH(bool, azure);
    QFETCH(bool, stream);
    const QString key = QStringLiteral("sk-proj-SECRETSECRET123");
    m_emulator->setExpectedApiKey(QStringLiteral("another-key"));
    // A 500 whose body echoes the key, then the 401 (which the emulator also makes echo the key).
    ScriptedReply echo;
    echo.status = 500;
    echo.errorMessage = QStringLiteral("upstream rejected %1").arg(key);
    echo.headers = {{"retry-after-ms", "5"}};
    m_emulator->enqueue(echo);

    QLoggingCategory::setFilterRules(QStringLiteral("tunebench.*=true\nqt.network.*=true"));
    g_logLines.clear();
    g_previousHandler = qInstallMessageHandler(captureMessage);

    ProviderProfile profile = azure ? ProviderProfile::azure(m_emulator->rootUrl(), QStringLiteral("dep"))
                                    : ProviderProfile::openAI();
    if (!azure)
        profile.baseUrl = m_emulator->baseUrl();
    ApiClient client(profile, m_network.get(), key, test::fastPolicy(2));
    QStringList retryTexts;
    const test::CompletionOutcome outcome = test::runCompletion(
        client, test::chatRequest(QStringLiteral("x"), stream), [&retryTexts](CompletionJob* job, test::CompletionOutcome*) {
            QObject::connect(job, &CompletionJob::retrying, job, [&retryTexts](int, int, const ApiError& error) {
                retryTexts << error.humanMessage() << error.message << error.body;
            });
        });

    qInstallMessageHandler(g_previousHandler);
    QLoggingCategory::setFilterRules(QString());

    QVERIFY(outcome.failed);
    QCOMPARE(outcome.error.httpStatus, 401);
    QCOMPARE(m_emulator->requestCount(), 2);
    QCOMPARE(retryTexts.size(), 3);
    QVERIFY(!g_logLines.isEmpty());
    const QStringList texts = QStringList{outcome.error.humanMessage(), outcome.error.message, outcome.error.body,
                                          outcome.error.code, outcome.error.type, outcome.error.param}
        + retryTexts + g_logLines;
    for (const QString& text : texts)
        QVERIFY2(!text.contains(key), qPrintable(QStringLiteral("key leaked into: ") + text));
    // The redaction is visible, so the echo really happened.
    QVERIFY(retryTexts.join(QLatin1Char(' ')).contains(QStringLiteral("[redacted]")));
}

void TestApiClient::wrongKeyGivesAnAuthenticationSentence()
{
    m_emulator->setExpectedApiKey(QStringLiteral("right"));
    ProviderProfile profile = ProviderProfile::openAI();
    profile.baseUrl = m_emulator->baseUrl();
    ApiClient client(profile, m_network.get(), QStringLiteral("wrong"));
    const test::CompletionOutcome outcome = test::runCompletion(client, test::chatRequest(QStringLiteral("x"), false));
    QVERIFY(outcome.failed);
    QCOMPARE(outcome.error.code, QStringLiteral("invalid_api_key"));
    QCOMPARE(outcome.error.humanMessage(), QStringLiteral("The server rejected the API key (HTTP 401, request req_emu_1)."));
    QCOMPARE(m_emulator->requestCount(), 1);
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
