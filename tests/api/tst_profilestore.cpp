// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/profilestore.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using tb::ProfileStore;
using tb::ProviderProfile;

class TestProfileStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builtInsCoverCloudAndLocalServers_data();
    void builtInsCoverCloudAndLocalServers();
    void savedProfileRoundTripsAndNeverHoldsAKey();
    void savedProfileReplacesTheBuiltInUntilRemoved();
    void invalidProfileIsRefused();
};

void TestProfileStore::builtInsCoverCloudAndLocalServers_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("baseUrl");
    QTest::newRow("openai") << "openai" << "https://api.openai.com/v1";
    QTest::newRow("together") << "together" << "https://api.together.xyz/v1";
    QTest::newRow("ollama") << "ollama" << "http://localhost:11434/v1";
    QTest::newRow("llama.cpp") << "llamacpp" << "http://localhost:8080/v1";
    QTest::newRow("vllm") << "vllm" << "http://localhost:8000/v1";
    QTest::newRow("lm studio") << "lmstudio" << "http://localhost:1234/v1";
    QTest::newRow("azure") << "azure" << "";
}

void TestProfileStore::builtInsCoverCloudAndLocalServers()
{
    QFETCH(QString, id);
    QFETCH(QString, baseUrl);
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("t.ini")), QSettings::IniFormat);
    ProfileStore store(settings);
    const std::optional<ProviderProfile> profile = store.profile(id);
    QVERIFY(profile.has_value());
    QCOMPARE(profile->baseUrl.toString(), baseUrl);
    if (id != QLatin1String("azure"))
        QVERIFY(profile->validate().ok());
    QCOMPARE(store.profiles().size(), 7);
}

void TestProfileStore::savedProfileRoundTripsAndNeverHoldsAKey()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.ini"));
    ProviderProfile profile = ProviderProfile::azure(QUrl(QStringLiteral("https://res.openai.azure.com")),
                                                     QStringLiteral("dep"), QStringLiteral("2024-10-21"));
    profile.id = QStringLiteral("work-azure");
    profile.displayName = QStringLiteral("Work Azure");
    profile.defaultModel = QStringLiteral("gpt-4o");
    profile.maxRetries = 4;
    profile.timeoutMs = 30000;
    {
        QSettings settings(path, QSettings::IniFormat);
        ProfileStore store(settings);
        QVERIFY(store.save(profile).ok());
    }
    QSettings settings(path, QSettings::IniFormat);
    ProfileStore store(settings);
    const std::optional<ProviderProfile> loaded = store.profile(QStringLiteral("work-azure"));
    QVERIFY(loaded.has_value());
    QCOMPARE(*loaded, profile);
    QCOMPARE(store.profiles().size(), 8);
    QCOMPARE(store.profiles().last().id, QStringLiteral("work-azure"));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll().toLower();
    QVERIFY(!text.contains("key"));
    QVERIFY(!text.contains("secret"));
}

void TestProfileStore::savedProfileReplacesTheBuiltInUntilRemoved()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("t.ini")), QSettings::IniFormat);
    ProfileStore store(settings);
    ProviderProfile ollama = *store.profile(QStringLiteral("ollama"));
    ollama.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:11500/v1"));
    ollama.defaultModel = QStringLiteral("llama3.2");
    QVERIFY(store.save(ollama).ok());
    QCOMPARE(store.profile(QStringLiteral("ollama"))->baseUrl.port(), 11500);
    QCOMPARE(store.profiles().size(), 7);
    store.remove(QStringLiteral("ollama"));
    QCOMPARE(store.profile(QStringLiteral("ollama"))->baseUrl.port(), 11434);
}

void TestProfileStore::invalidProfileIsRefused()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("t.ini")), QSettings::IniFormat);
    ProfileStore store(settings);
    ProviderProfile remote = ProviderProfile::openAICompatible(QStringLiteral("lan"), QStringLiteral("LAN"),
                                                               QUrl(QStringLiteral("http://10.0.0.2:8000/v1")));
    QVERIFY(!store.save(remote).ok());
    remote.id = QStringLiteral("a/b");
    remote.baseUrl = QUrl(QStringLiteral("https://10.0.0.2/v1"));
    QVERIFY(!store.save(remote).ok());
    QVERIFY(!store.profile(QStringLiteral("lan")).has_value());
    QCOMPARE(store.profiles().size(), 7);
}

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
