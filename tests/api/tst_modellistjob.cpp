// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/apiclient.h"
#include "api/modellistjob.h"
#include "apitestharness.h"
#include "openaiemulator.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <memory>

using namespace tb;
using tb::test::OpenAiEmulator;
using tb::test::ScriptedReply;

namespace {

struct ModelOutcome
{
    bool done = false;
    bool finished = false;
    QList<ModelInfo> models;
    QJsonObject response;
    ApiError error;
};

ModelOutcome listModels(ApiClient& client)
{
    ModelOutcome outcome;
    QObject context;
    ModelListJob* job = client.createModelList();
    QObject::connect(job, &ModelListJob::finished, &context,
                     [&outcome](const QList<ModelInfo>& models, const QJsonObject& response) {
                         outcome.models = models;
                         outcome.response = response;
                         outcome.finished = outcome.done = true;
                     });
    QObject::connect(job, &ModelListJob::failed, &context, [&outcome](const ApiError& error) {
        outcome.error = error;
        outcome.done = true;
    });
    job->start();
    (void)QTest::qWaitFor([&outcome] { return outcome.done; }, 5000);
    return outcome;
}

} // namespace

class TestModelListJob : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void listsModelsSortedById();
    void acceptsBareArraysFromLocalServers();
    void unreadableListFails_data();
    void unreadableListFails();
    void wrongKeyFailsWithoutRetry();

private:
    std::unique_ptr<OpenAiEmulator> m_emulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiClient> m_client;
};

void TestModelListJob::init()
{
    m_emulator = std::make_unique<OpenAiEmulator>();
    QVERIFY(m_emulator->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<ApiClient>(
        ProviderProfile::openAICompatible(QStringLiteral("emu"), QStringLiteral("Emulator"), m_emulator->baseUrl()),
        m_network.get(), QStringLiteral("key"), test::fastPolicy(2));
}

void TestModelListJob::cleanup()
{
    m_client.reset();
    m_network.reset();
    m_emulator.reset();
}

void TestModelListJob::listsModelsSortedById()
{
    m_emulator->setModels({QStringLiteral("zeta"), QStringLiteral("alpha"), QStringLiteral("gpt-4o-mini")});
    const ModelOutcome outcome = listModels(*m_client);
    QVERIFY(outcome.finished);
    QCOMPARE(outcome.models.size(), 3);
    QCOMPARE(outcome.models.at(0).id, QStringLiteral("alpha"));
    QCOMPARE(outcome.models.at(1).id, QStringLiteral("gpt-4o-mini"));
    QCOMPARE(outcome.models.at(2).id, QStringLiteral("zeta"));
    QCOMPARE(outcome.models.at(0).ownedBy, QStringLiteral("tunebench-emulator"));
    QCOMPARE(outcome.models.at(0).created, qint64(1700000000));
    QCOMPARE(outcome.response.value(QStringLiteral("object")).toString(), QStringLiteral("list"));
    QCOMPARE(m_emulator->requests().first().method, QByteArray("GET"));
    QVERIFY(m_emulator->requests().first().body.isEmpty());
}

void TestModelListJob::acceptsBareArraysFromLocalServers()
{
    ScriptedReply bare;
    bare.rawBody = QByteArray(R"([{"id":"llama3"},{"id":"","owned_by":"skip me"},{"id":"gemma"}])");
    m_emulator->enqueue(bare);
    const ModelOutcome outcome = listModels(*m_client);
    QVERIFY(outcome.finished);
    QCOMPARE(outcome.models.size(), 2);
    QCOMPARE(outcome.models.at(0).id, QStringLiteral("gemma"));
    QCOMPARE(outcome.models.at(1).created, qint64(0));
}

void TestModelListJob::unreadableListFails_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not json") << QByteArray("<html>");
    QTest::newRow("no data array") << QByteArray(R"({"object":"list"})");
}

void TestModelListJob::unreadableListFails()
{
    QFETCH(QByteArray, body);
    ScriptedReply broken;
    broken.rawBody = body;
    m_emulator->enqueue(broken);
    const ModelOutcome outcome = listModels(*m_client);
    QVERIFY(outcome.done);
    QVERIFY(!outcome.finished);
    QCOMPARE(outcome.error.kind, ApiError::Kind::InvalidResponse);
    QCOMPARE(m_emulator->requestCount(), 1);
}

void TestModelListJob::wrongKeyFailsWithoutRetry()
{
    m_emulator->setExpectedApiKey(QStringLiteral("other"));
    const ModelOutcome outcome = listModels(*m_client);
    QVERIFY(!outcome.finished);
    QCOMPARE(outcome.error.httpStatus, 401);
    QCOMPARE(m_emulator->requestCount(), 1);
}

QTEST_GUILESS_MAIN(TestModelListJob)
#include "tst_modellistjob.moc"
