// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/profilestore.h"
#include "api/providerprofile.h"

#include <QTest>

using tb::ProviderProfile;

Q_DECLARE_METATYPE(tb::ProviderProfile)

class TestProviderProfile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void environmentKeyGoesOnlyToOpenAiOrNamedServers_data();
    void environmentKeyGoesOnlyToOpenAiOrNamedServers();
    void urlCredentialsNeverReachErrorText();
    void presetsPointAtTheRightHosts();
    void endpointUrlJoinsBaseAndPath_data();
    void endpointUrlJoinsBaseAndPath();
    void azureRoutesInferenceToTheDeployment_data();
    void azureRoutesInferenceToTheDeployment();
    void validateAllowsPlainHttpOnlyForLoopback_data();
    void validateAllowsPlainHttpOnlyForLoopback();
    void azureNeedsDeploymentAndApiVersion();
    void environmentOverridesLikeTheOfficialClients_data();
    void environmentOverridesLikeTheOfficialClients();
    void kindNamesRoundTrip();
};

void TestProviderProfile::presetsPointAtTheRightHosts()
{
    QCOMPARE(ProviderProfile::openAI().baseUrl, QUrl(QStringLiteral("https://api.openai.com/v1")));
    QCOMPARE(ProviderProfile::openAI().maxRetries, 2);
    QCOMPARE(ProviderProfile::together().baseUrl, QUrl(QStringLiteral("https://api.together.xyz/v1")));
    QCOMPARE(ProviderProfile::together().kind, ProviderProfile::Kind::Together);
    QVERIFY(ProviderProfile::openAI().supportsStreamOptions());
    QVERIFY(!ProviderProfile::openAICompatible(
        QStringLiteral("x"), QStringLiteral("X"), QUrl(QStringLiteral("http://localhost:1/v1")))
                 .supportsStreamOptions());
}

void TestProviderProfile::endpointUrlJoinsBaseAndPath_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("openai") << "https://api.openai.com/v1"
                            << "/chat/completions"
                            << "https://api.openai.com/v1/chat/completions";
    QTest::newRow("trailing slash") << "http://localhost:11434/v1/"
                                    << "/models"
                                    << "http://localhost:11434/v1/models";
    QTest::newRow("path without slash") << "http://127.0.0.1:8080/v1"
                                        << "completions"
                                        << "http://127.0.0.1:8080/v1/completions";
    QTest::newRow("proxy prefix") << "https://gw.example.com/openai/v1"
                                  << "/models"
                                  << "https://gw.example.com/openai/v1/models";
}

void TestProviderProfile::endpointUrlJoinsBaseAndPath()
{
    QFETCH(QString, base);
    QFETCH(QString, path);
    QFETCH(QString, expected);
    ProviderProfile profile
        = ProviderProfile::openAICompatible(QStringLiteral("x"), QStringLiteral("X"), QUrl(base));
    QCOMPARE(profile.endpointUrl(path).toString(), expected);
}

void TestProviderProfile::azureRoutesInferenceToTheDeployment_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("chat")
        << "/chat/completions"
        << "https://res.openai.azure.com/openai/deployments/my%20dep/chat/completions?api-version=2024-10-21";
    QTest::newRow("legacy")
        << "/completions"
        << "https://res.openai.azure.com/openai/deployments/my%20dep/completions?api-version=2024-10-21";
    QTest::newRow("models have no deployment")
        << "/models"
        << "https://res.openai.azure.com/openai/models?api-version=2024-10-21";
    QTest::newRow("files") << "/files"
                           << "https://res.openai.azure.com/openai/files?api-version=2024-10-21";
}

void TestProviderProfile::azureRoutesInferenceToTheDeployment()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    const ProviderProfile profile
        = ProviderProfile::azure(QUrl(QStringLiteral("https://res.openai.azure.com/")),
            QStringLiteral("my dep"), QStringLiteral("2024-10-21"));
    QCOMPARE(profile.endpointUrl(path).toString(QUrl::FullyEncoded), expected);
    QVERIFY(profile.usesApiKeyHeader());
}

void TestProviderProfile::validateAllowsPlainHttpOnlyForLoopback_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("valid");
    QTest::newRow("https remote") << "https://api.openai.com/v1" << true;
    QTest::newRow("http localhost") << "http://localhost:11434/v1" << true;
    QTest::newRow("http LOCALHOST") << "http://LOCALHOST:8080/v1" << true;
    QTest::newRow("http 127.0.0.1") << "http://127.0.0.1:8000/v1" << true;
    QTest::newRow("http 127.1.2.3") << "http://127.1.2.3:8000/v1" << true;
    QTest::newRow("http ::1") << "http://[::1]:1234/v1" << true;
    QTest::newRow("http remote") << "http://api.example.com/v1" << false;
    QTest::newRow("http lan") << "http://192.168.0.5:8000/v1" << false;
    QTest::newRow("http 128.0.0.1") << "http://128.0.0.1/v1" << false;
    QTest::newRow("http localhost lookalike") << "http://localhost.evil.com/v1" << false;
    QTest::newRow("http 0.0.0.0") << "http://0.0.0.0:8000/v1" << false;
    QTest::newRow("ftp") << "ftp://localhost/v1" << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("no host") << "https:///v1" << false;
}

void TestProviderProfile::validateAllowsPlainHttpOnlyForLoopback()
{
    QFETCH(QString, url);
    QFETCH(bool, valid);
    const ProviderProfile profile
        = ProviderProfile::openAICompatible(QStringLiteral("x"), QStringLiteral("X"), QUrl(url));
    const tb::Status status = profile.validate();
    QCOMPARE(status.ok(), valid);
    if (!valid)
        QVERIFY(!status.error().message.isEmpty());
}

void TestProviderProfile::azureNeedsDeploymentAndApiVersion()
{
    ProviderProfile profile = ProviderProfile::azure(QUrl(QStringLiteral("https://res.openai.azure.com")),
        QStringLiteral("dep"), QStringLiteral("2024-10-21"));
    QVERIFY(profile.validate().ok());
    profile.azureDeployment.clear();
    QVERIFY(profile.validate().error().message.contains(QStringLiteral("deployment")));
    profile.azureDeployment = QStringLiteral("dep");
    profile.azureApiVersion.clear();
    QVERIFY(profile.validate().error().message.contains(QStringLiteral("api-version")));
    QVERIFY(!ProviderProfile::azure().validate().ok()); // the unconfigured preset
}

void TestProviderProfile::environmentOverridesLikeTheOfficialClients_data()
{
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("org");
    QTest::addColumn<QString>("project");
    QTest::addColumn<QString>("expectedBase");
    QTest::addColumn<int>("expectedKind");
    QTest::newRow("nothing set") << ""
                                 << ""
                                 << ""
                                 << "https://api.openai.com/v1" << int(ProviderProfile::Kind::OpenAI);
    QTest::newRow("data residency host stays OpenAI")
        << "https://eu.api.openai.com/v1"
        << ""
        << ""
        << "https://eu.api.openai.com/v1" << int(ProviderProfile::Kind::OpenAI);
    QTest::newRow("local server") << "http://localhost:11434/v1"
                                  << ""
                                  << ""
                                  << "http://localhost:11434/v1"
                                  << int(ProviderProfile::Kind::OpenAICompatible);
    QTest::newRow("org and project") << ""
                                     << "org-1"
                                     << "proj_2"
                                     << "https://api.openai.com/v1" << int(ProviderProfile::Kind::OpenAI);
}

void TestProviderProfile::environmentOverridesLikeTheOfficialClients()
{
    QFETCH(QString, baseUrl);
    QFETCH(QString, org);
    QFETCH(QString, project);
    QFETCH(QString, expectedBase);
    QFETCH(int, expectedKind);
    QProcessEnvironment environment;
    if (!baseUrl.isEmpty())
        environment.insert(QStringLiteral("OPENAI_BASE_URL"), baseUrl);
    if (!org.isEmpty())
        environment.insert(QStringLiteral("OPENAI_ORG_ID"), org);
    if (!project.isEmpty())
        environment.insert(QStringLiteral("OPENAI_PROJECT_ID"), project);
    const ProviderProfile profile = ProviderProfile::fromEnvironment(environment);
    QCOMPARE(profile.baseUrl.toString(), expectedBase);
    QCOMPARE(int(profile.kind), expectedKind);
    QCOMPARE(profile.organization, org);
    QCOMPARE(profile.project, project);
}

void TestProviderProfile::kindNamesRoundTrip()
{
    for (auto kind : { ProviderProfile::Kind::OpenAI, ProviderProfile::Kind::Azure,
             ProviderProfile::Kind::OpenAICompatible, ProviderProfile::Kind::Together }) {
        ProviderProfile::Kind parsed = ProviderProfile::Kind::OpenAI;
        QVERIFY(ProviderProfile::kindFromName(ProviderProfile::kindName(kind), &parsed));
        QCOMPARE(parsed, kind);
    }
    ProviderProfile::Kind parsed = ProviderProfile::Kind::Azure;
    QVERIFY(!ProviderProfile::kindFromName(QStringLiteral("nope"), &parsed));
    QCOMPARE(parsed, ProviderProfile::Kind::Azure);
}

void TestProviderProfile::environmentKeyGoesOnlyToOpenAiOrNamedServers_data()
{
    using tb::ProviderProfile;
    QTest::addColumn<ProviderProfile>("profile");
    QTest::addColumn<bool>("accepts");
    QProcessEnvironment redirected;
    redirected.insert(QStringLiteral("OPENAI_BASE_URL"), QStringLiteral("http://127.0.0.1:8080/v1"));
    QTest::newRow("openai") << ProviderProfile::openAI() << true;
    QTest::newRow("OPENAI_BASE_URL") << ProviderProfile::fromEnvironment(redirected) << true;
    QTest::newRow("--base-url") << ProviderProfile::openAICompatible(
        ProviderProfile::kCommandLineId, QStringLiteral("x"), QUrl(QStringLiteral("http://127.0.0.1:9/v1")))
                                << true;
    const QList<ProviderProfile> builtIns = tb::ProfileStore::builtInProfiles();
    for (const ProviderProfile& profile : builtIns) {
        if (profile.kind != ProviderProfile::Kind::OpenAI)
            QTest::newRow(qPrintable(QStringLiteral("built-in ") + profile.id)) << profile << false;
    }
    QTest::newRow("saved compatible") << ProviderProfile::openAICompatible(QStringLiteral("my-vllm"),
        QStringLiteral("vLLM"), QUrl(QStringLiteral("https://vllm.example.com/v1")))
                                      << false;
}

void TestProviderProfile::environmentKeyGoesOnlyToOpenAiOrNamedServers()
{
    QFETCH(tb::ProviderProfile, profile);
    QFETCH(bool, accepts);
    QCOMPARE(profile.acceptsEnvironmentKey(), accepts);
}

void TestProviderProfile::urlCredentialsNeverReachErrorText()
{
    for (const char* url : {"http://user:sekrit@llm.example.com/v1", "ftp://user:sekrit@llm.example.com/v1"}) {
        const tb::ProviderProfile profile = tb::ProviderProfile::openAICompatible(
            QStringLiteral("x"), QStringLiteral("x"), QUrl(QString::fromLatin1(url)));
        const tb::Status valid = profile.validate();
        QVERIFY(!valid);
        QVERIFY2(!valid.error().toString().contains(QLatin1String("sekrit")), qPrintable(valid.error().toString()));
        QVERIFY(valid.error().toString().contains(QLatin1String("llm.example.com")));
    }
}

QTEST_GUILESS_MAIN(TestProviderProfile)
#include "tst_providerprofile.moc"
