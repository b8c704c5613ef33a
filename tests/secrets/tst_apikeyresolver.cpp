// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/apikeyresolver.h"
#include "secrets/credentialstore.h"

#include <QTest>
#include <optional>

using tb::ApiKeyResolver;
using tb::CredentialStore;
using Kind = ApiKeyResolver::ProviderKind;
using Source = ApiKeyResolver::Source;

Q_DECLARE_METATYPE(ApiKeyResolver::ProviderKind)
Q_DECLARE_METATYPE(ApiKeyResolver::Source)

namespace {

constexpr int kWaitMs = 5000;

// Stores `stored` for "p1" unless it is null; false on failure or timeout.
bool preload(CredentialStore& store, const QString& stored)
{
    if (stored.isNull())
        return true;
    QObject context;
    bool written = false;
    store.writeKey(QStringLiteral("p1"), stored, &context, [&written](tb::Status s) { written = s.ok(); });
    return QTest::qWaitFor([&written] { return written; }, kWaitMs);
}

std::optional<tb::Result<ApiKeyResolver::ResolvedKey>> resolveNow(const ApiKeyResolver& resolver, Kind kind)
{
    QObject context;
    std::optional<tb::Result<ApiKeyResolver::ResolvedKey>> out;
    resolver.resolve(QStringLiteral("p1"), kind, &context,
        [&out](tb::Result<ApiKeyResolver::ResolvedKey> r) { out = std::move(r); });
    // An empty optional after the wait is how callers see a timeout.
    static_cast<void>(QTest::qWaitFor([&out] { return out.has_value(); }, kWaitMs));
    return out;
}

} // namespace

class TestApiKeyResolver : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void picksTheKey_data();
    void picksTheKey();
    void missingKeySaysHowToSetOne_data();
    void missingKeySaysHowToSetOne();
    void environmentKeyIsNeverWrittenToTheStore();
    void storeErrorsPassThrough();
};

void TestApiKeyResolver::picksTheKey_data()
{
    QTest::addColumn<QString>("environmentValue"); // null = unset
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("stored"); // null = nothing stored
    QTest::addColumn<QString>("expectedKey");
    QTest::addColumn<Source>("expectedSource");
    QTest::addColumn<bool>("expectedOverride");

    const QString unset;
    QTest::newRow("env wins over stored for OpenAI") << "sk-env" << Kind::OpenAi << "sk-stored"
                                                     << "sk-env" << Source::Environment << true;
    QTest::newRow("env alone for OpenAI")
        << "sk-env" << Kind::OpenAi << unset << "sk-env" << Source::Environment << true;
    QTest::newRow("env ignored for other kinds") << "sk-env" << Kind::Other << "sk-stored"
                                                 << "sk-stored" << Source::Session << false;
    QTest::newRow("stored when env unset") << unset << Kind::OpenAi << "sk-stored"
                                           << "sk-stored" << Source::Session << false;
    QTest::newRow("empty env counts as unset") << "" << Kind::OpenAi << "sk-stored"
                                               << "sk-stored" << Source::Session << false;
    QTest::newRow("blank env counts as unset") << " \n"
                                               << Kind::OpenAi << "sk-stored"
                                               << "sk-stored" << Source::Session << false;
    QTest::newRow("env value trimmed") << "  sk-env\n"
                                       << Kind::OpenAi << unset << "sk-env" << Source::Environment << true;
}

void TestApiKeyResolver::picksTheKey()
{
    QFETCH(QString, environmentValue);
    QFETCH(Kind, kind);
    QFETCH(QString, stored);
    QFETCH(QString, expectedKey);
    QFETCH(Source, expectedSource);
    QFETCH(bool, expectedOverride);

    CredentialStore store(
        QStringLiteral("io.tunebench.Tunebench.test"), CredentialStore::Backend::SessionMemory);
    QVERIFY(preload(store, stored));
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin"));
    if (!environmentValue.isNull())
        env.insert(QStringLiteral("OPENAI_API_KEY"), environmentValue);
    const ApiKeyResolver resolver(store, env);

    QCOMPARE(resolver.environmentOverrides(kind), expectedOverride);
    const auto result = resolveNow(resolver, kind);
    QVERIFY2(result, "resolve timed out");
    QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().message));
    QCOMPARE((*result)->key, expectedKey);
    QCOMPARE((*result)->source, expectedSource);
}

void TestApiKeyResolver::missingKeySaysHowToSetOne_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("expectedMessage");
    QTest::newRow("OpenAI mentions the variable")
        << Kind::OpenAi
        << QStringLiteral(
               "No API key is set for profile \u201cp1\u201d: enter one in the profile settings or set "
               "OPENAI_API_KEY.");
    QTest::newRow("other kinds do not")
        << Kind::Other
        << QStringLiteral("No API key is set for profile \u201cp1\u201d: enter one in the profile settings.");
}

void TestApiKeyResolver::missingKeySaysHowToSetOne()
{
    QFETCH(Kind, kind);
    QFETCH(QString, expectedMessage);
    CredentialStore store(
        QStringLiteral("io.tunebench.Tunebench.test"), CredentialStore::Backend::SessionMemory);
    const ApiKeyResolver resolver(store, QProcessEnvironment());
    const auto result = resolveNow(resolver, kind);
    QVERIFY2(result, "resolve timed out");
    QVERIFY(!result->ok());
    QCOMPARE(result->error().message, expectedMessage);
}

void TestApiKeyResolver::environmentKeyIsNeverWrittenToTheStore()
{
    CredentialStore store(
        QStringLiteral("io.tunebench.Tunebench.test"), CredentialStore::Backend::SessionMemory);
    QProcessEnvironment env;
    env.insert(QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-env"));
    const ApiKeyResolver resolver(store, env);
    const auto result = resolveNow(resolver, Kind::OpenAi);
    QVERIFY(result && result->ok());
    QCOMPARE((*result)->key, QStringLiteral("sk-env"));

    QObject context;
    std::optional<tb::Result<std::optional<QString>>> read;
    store.readKey(QStringLiteral("p1"), &context,
        [&read](tb::Result<std::optional<QString>> r) { read = std::move(r); });
    QVERIFY(QTest::qWaitFor([&read] { return read.has_value(); }, kWaitMs));
    QVERIFY(read->ok());
    QCOMPARE(read->value(), std::optional<QString>());
}

void TestApiKeyResolver::storeErrorsPassThrough()
{
    // An empty profile id is refused by the store; the resolver hands that on.
    CredentialStore store(
        QStringLiteral("io.tunebench.Tunebench.test"), CredentialStore::Backend::SessionMemory);
    const ApiKeyResolver resolver(store, QProcessEnvironment());
    QObject context;
    std::optional<tb::Result<ApiKeyResolver::ResolvedKey>> out;
    resolver.resolve(QString(), Kind::Other, &context,
        [&out](tb::Result<ApiKeyResolver::ResolvedKey> r) { out = std::move(r); });
    QVERIFY(QTest::qWaitFor([&out] { return out.has_value(); }, kWaitMs));
    QVERIFY(!out->ok());
    QCOMPARE(out->error().message, QStringLiteral("Cannot use the keychain without a provider profile id."));
}

QTEST_GUILESS_MAIN(TestApiKeyResolver)
#include "tst_apikeyresolver.moc"
