// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/apiclient.h"
#include "api/completionjob.h"
#include "apitestharness.h"
#include "jsonschemavalidator.h"
#include "openaiemulator.h"
#include "sharedfixtures.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace tb;
using tb::test::OpenAiEmulator;
using tb::test::ScriptedReply;

class TestCompletionJob : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void streamedChatDeliversDeltasIncrementally_data();
    void streamedChatDeliversDeltasIncrementally();
    void streamedRequestAsksForUsageOnlyWhereUnderstood_data();
    void streamedRequestAsksForUsageOnlyWhereUnderstood();
    void nonStreamedChatReturnsTextUsageAndResponse();
    void legacyCompletionWorksStreamedAndNot_data();
    void legacyCompletionWorksStreamedAndNot();
    void severalChoicesAreKeptApartByIndex();
    void toolCallFragmentsAreJoinedPerIndex_data();
    void toolCallFragmentsAreJoinedPerIndex();
    void missingModelIsTakenFromTheProfile();
    void rateLimitIsRetriedAfterTheRequestedDelay();
    void serverErrorsExhaustRetriesAndReportStatusAndRequestId();
    void clientErrorIsNotRetried();
    void insufficientQuotaIsNotRetried();
    void connectionDroppedBeforeHeadersIsRetried();
    void timeoutIsRetried();
    void droppedConnectionMidStreamEndsTruncatedWithPartialText();
    void streamWithoutDoneEndsTruncatedAndIsNotRetried();
    void malformedJsonFails_data();
    void malformedJsonFails();
    void errorObjectMidStreamFailsWithItsMessage();
    void nonJsonErrorBodyIsKeptAsText();
    void cancelMidStreamStopsTheJob();
    void cancelWhileWaitingToRetryStopsTheJob();
    void silentServerTimesOut();
    void progressRestartsTheTimeout();
    void jobDeletesItselfAfterItsFinalSignal();
    void serverIgnoringStreamAnswersWithPlainJson();
    void timingsComeFromTheInjectedClock();
    void sentBodiesValidateAgainstTheSpec_data();
    void sentBodiesValidateAgainstTheSpec();

private:
    std::unique_ptr<ApiClient> makeClient(ProviderProfile::Kind kind = ProviderProfile::Kind::OpenAI, int maxRetries = 2);

    std::unique_ptr<OpenAiEmulator> m_emulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestCompletionJob::init()
{
    m_emulator = std::make_unique<OpenAiEmulator>();
    QVERIFY(m_emulator->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestCompletionJob::cleanup()
{
    m_network.reset();
    m_emulator.reset();
}

std::unique_ptr<ApiClient> TestCompletionJob::makeClient(ProviderProfile::Kind kind, int maxRetries)
{
    ProviderProfile profile = ProviderProfile::openAICompatible(QStringLiteral("emu"), QStringLiteral("Emulator"),
                                                                m_emulator->baseUrl());
    profile.kind = kind;
    profile.timeoutMs = 5000;
    return std::make_unique<ApiClient>(profile, m_network.get(), QStringLiteral("sk-test"),
                                       test::fastPolicy(maxRetries));
}

void TestCompletionJob::streamedChatDeliversDeltasIncrementally_data()
{
    QTest::addColumn<QString>("lineEnding");
    QTest::addColumn<int>("splitBytes");
    QTest::addColumn<int>("delayMs");
    QTest::newRow("lf, one event per chunk") << "lf" << 0 << 0;
    QTest::newRow("crlf") << "crlf" << 0 << 0;
    QTest::newRow("cr") << "cr" << 0 << 0;
    QTest::newRow("lf split every byte") << "lf" << 1 << 0;
    QTest::newRow("crlf split every 3 bytes") << "crlf" << 3 << 0;
    QTest::newRow("crlf split every 7 bytes, paced") << "crlf" << 7 << 1;
    QTest::newRow("cr split every 2 bytes") << "cr" << 2 << 0;
}

void TestCompletionJob::streamedChatDeliversDeltasIncrementally()
{
    QFETCH(QString, lineEnding);
    QFETCH(int, splitBytes);
    QFETCH(int, delayMs);
    ScriptedReply script;
    script.lineEnding = lineEnding == QLatin1String("crlf") ? ScriptedReply::LineEnding::CrLf
        : lineEnding == QLatin1String("cr")                  ? ScriptedReply::LineEnding::Cr
                                                             : ScriptedReply::LineEnding::Lf;
    script.splitBytes = splitBytes;
    script.delayBetweenChunksMs = delayMs;
    m_emulator->enqueue(script);

    auto client = makeClient();
    const test::CompletionOutcome outcome = test::runCompletion(*client, test::chatRequest(QStringLiteral("hello world"), true));
    QVERIFY2(outcome.finished, qPrintable(outcome.error.humanMessage()));
    const QString expected = QStringLiteral("Emulated reply to: hello world");
    QVERIFY2(outcome.deltas.size() > 1, "the text must arrive in several fragments");
    QCOMPARE(outcome.joinedDeltas(), expected);
    QCOMPARE(outcome.result.text(), expected);
    QCOMPARE(outcome.result.choices.size(), 1);
    QCOMPARE(outcome.result.choices.first().finishReason, QStringLiteral("stop"));
    QVERIFY(outcome.result.streamed);
    QVERIFY(!outcome.result.truncated);
    QVERIFY(outcome.result.usage.known);
    QCOMPARE(outcome.result.usage.completionTokens, 5);
    QCOMPARE(outcome.result.usage.totalTokens,
             outcome.result.usage.promptTokens + outcome.result.usage.completionTokens);
    QVERIFY(outcome.result.id.startsWith(QStringLiteral("chatcmpl-emu-")));
    QCOMPARE(outcome.result.model, QStringLiteral("emulator-model"));
    QCOMPARE(outcome.result.requestId, QStringLiteral("req_emu_1"));
    QVERIFY(outcome.result.timeToFirstTokenMs >= 0);
    QVERIFY(outcome.result.totalMs >= outcome.result.timeToFirstTokenMs);
    // The assembled response has the non-streamed shape.
    const QJsonObject message = outcome.result.response.value(QStringLiteral("choices")).toArray().first()
                                    .toObject().value(QStringLiteral("message")).toObject();
    QCOMPARE(message.value(QStringLiteral("content")).toString(), expected);
    QCOMPARE(outcome.result.response.value(QStringLiteral("object")).toString(), QStringLiteral("chat.completion"));
    QCOMPARE(m_emulator->requestCount(), 1);
}

void TestCompletionJob::streamedRequestAsksForUsageOnlyWhereUnderstood_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("asksForUsage");
    QTest::newRow("openai") << int(ProviderProfile::Kind::OpenAI) << true;
    QTest::newRow("together") << int(ProviderProfile::Kind::Together) << true;
    QTest::newRow("local server") << int(ProviderProfile::Kind::OpenAICompatible) << false;
}

void TestCompletionJob::streamedRequestAsksForUsageOnlyWhereUnderstood()
{
    QFETCH(int, kind);
    QFETCH(bool, asksForUsage);
    auto client = makeClient(ProviderProfile::Kind(kind));
    const test::CompletionOutcome outcome = test::runCompletion(*client, test::chatRequest(QStringLiteral("hi"), true));
    QVERIFY(outcome.finished);
    const QJsonObject body = m_emulator->requests().first().json();
    QCOMPARE(body.value(QStringLiteral("stream")).toBool(), true);
    QCOMPARE(body.value(QStringLiteral("stream_options")).toObject().value(QStringLiteral("include_usage")).toBool(),
             asksForUsage);
    QCOMPARE(body.contains(QStringLiteral("stream_options")), asksForUsage);
    QCOMPARE(outcome.result.usage.known, asksForUsage);
    QCOMPARE(outcome.result.text(), QStringLiteral("Emulated reply to: hi"));
}

void TestCompletionJob::nonStreamedChatReturnsTextUsageAndResponse()
{
    auto client = makeClient();
    CompletionRequest request = test::chatRequest(QStringLiteral("how are you"), false);
    request.body.insert(QStringLiteral("stream"), true); // the request's flag wins over a stray body key
    const test::CompletionOutcome outcome = test::runCompletion(*client, request);
    QVERIFY2(outcome.finished, qPrintable(outcome.error.humanMessage()));
    QCOMPARE(outcome.result.text(), QStringLiteral("Emulated reply to: how are you"));
    QVERIFY(outcome.deltas.isEmpty());
    QVERIFY(!outcome.result.streamed);
    QVERIFY(!outcome.result.truncated);
    QCOMPARE(outcome.result.timeToFirstTokenMs, qint64(-1));
    QVERIFY(outcome.result.usage.known);
    QCOMPARE(outcome.result.usage.completionTokens, 6);
    QCOMPARE(outcome.result.choices.first().finishReason, QStringLiteral("stop"));
    QCOMPARE(outcome.result.response.value(QStringLiteral("object")).toString(), QStringLiteral("chat.completion"));
    QCOMPARE(outcome.result.requestId, QStringLiteral("req_emu_1"));
    const QJsonObject sent = m_emulator->requests().first().json();
    QVERIFY(!sent.contains(QStringLiteral("stream")));
    QVERIFY(!sent.contains(QStringLiteral("stream_options")));
    QCOMPARE(m_emulator->requests().first().path, QStringLiteral("/v1/chat/completions"));
}

void TestCompletionJob::legacyCompletionWorksStreamedAndNot_data()
{
    QTest::addColumn<bool>("stream");
    QTest::newRow("streamed") << true;
    QTest::newRow("not streamed") << false;
}

void TestCompletionJob::legacyCompletionWorksStreamedAndNot()
{
    QFETCH(bool, stream);
    auto client = makeClient();
    const test::CompletionOutcome outcome = test::runCompletion(*client, test::legacyRequest(QStringLiteral("Once upon"), stream));
    QVERIFY2(outcome.finished, qPrintable(outcome.error.humanMessage()));
    QCOMPARE(outcome.result.text(), QStringLiteral("Emulated reply to: Once upon"));
    QCOMPARE(outcome.deltas.size() > 1, stream);
    if (stream)
        QCOMPARE(outcome.joinedDeltas(), outcome.result.text());
    QCOMPARE(outcome.result.choices.first().finishReason, QStringLiteral("stop"));
    QCOMPARE(outcome.result.response.value(QStringLiteral("object")).toString(), QStringLiteral("text_completion"));
    QCOMPARE(m_emulator->requests().first().path, QStringLiteral("/v1/completions"));
}

void TestCompletionJob::severalChoicesAreKeptApartByIndex()
{
    auto client = makeClient();
    CompletionRequest request = test::chatRequest(QStringLiteral("pick"), true);
    request.body.insert(QStringLiteral("n"), 2);
    const test::CompletionOutcome outcome = test::runCompletion(*client, request);
    QVERIFY(outcome.finished);
    QCOMPARE(outcome.result.choices.size(), 2);
    QCOMPARE(outcome.result.choices.at(0).text, QStringLiteral("Emulated reply to: pick"));
    QCOMPARE(outcome.result.choices.at(1).index, 1);
    QCOMPARE(outcome.result.choices.at(1).text, QStringLiteral("Emulated reply to: pick #1"));
    QCOMPARE(outcome.joinedDeltas(1), outcome.result.choices.at(1).text);
}

void TestCompletionJob::toolCallFragmentsAreJoinedPerIndex_data()
{
    QTest::addColumn<bool>("stream");
    QTest::newRow("streamed") << true;
    QTest::newRow("not streamed") << false;
}

void TestCompletionJob::toolCallFragmentsAreJoinedPerIndex()
{
    QFETCH(bool, stream);
    ScriptedReply tools;
    tools.toolCalls = {{QStringLiteral("get_weather"), QStringLiteral(R"({"city":"Oslo","unit":"celsius"})")},
                       {QStringLiteral("get_time"), QStringLiteral(R"({"tz":"Europe/Oslo"})")}};
    m_emulator->enqueue(tools);
    auto client = makeClient();
    const test::CompletionOutcome outcome = test::runCompletion(*client, test::chatRequest(QStringLiteral("weather?"), stream));
    QVERIFY2(outcome.finished, qPrintable(outcome.error.humanMessage()));
    QCOMPARE(outcome.result.choices.size(), 1);
    const ChoiceResult& choice = outcome.result.choices.first();
    QCOMPARE(choice.finishReason, QStringLiteral("tool_calls"));
    QVERIFY(choice.text.isEmpty());
    QVERIFY(outcome.deltas.isEmpty());
    QCOMPARE(choice.toolCalls.size(), 2);
    QCOMPARE(choice.toolCalls.at(0).index, 0);
    QCOMPARE(choice.toolCalls.at(0).id, QStringLiteral("call_emu_1_0"));
    QCOMPARE(choice.toolCalls.at(0).type, QStringLiteral("function"));
    QCOMPARE(choice.toolCalls.at(0).name, QStringLiteral("get_weather"));
    QCOMPARE(choice.toolCalls.at(0).arguments, QStringLiteral(R"({"city":"Oslo","unit":"celsius"})"));
    QCOMPARE(choice.toolCalls.at(1).index, 1);
    QCOMPARE(choice.toolCalls.at(1).name, QStringLiteral("get_time"));
    QCOMPARE(choice.toolCalls.at(1).arguments, QStringLiteral(R"({"tz":"Europe/Oslo"})"));
    const QJsonArray calls = outcome.result.response.value(QStringLiteral("choices")).toArray().first().toObject()
                                 .value(QStringLiteral("message")).toObject().value(QStringLiteral("tool_calls")).toArray();
    QCOMPARE(calls.size(), 2);
    QCOMPARE(calls.at(1).toObject().value(QStringLiteral("function")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("get_time"));
}

void TestCompletionJob::missingModelIsTakenFromTheProfile()
{
    ProviderProfile profile = ProviderProfile::openAICompatible(QStringLiteral("emu"), QStringLiteral("Emulator"),
                                                                m_emulator->baseUrl());
    profile.defaultModel = QStringLiteral("profile-model");
    ApiClient client(profile, m_network.get(), QString());
    CompletionRequest request = test::chatRequest(QStringLiteral("x"), false);
    request.body.remove(QStringLiteral("model"));
    const test::CompletionOutcome outcome = test::runCompletion(client, request);
    QVERIFY(outcome.finished);
    QCOMPARE(m_emulator->requests().first().json().value(QStringLiteral("model")).toString(), QStringLiteral("profile-model"));
    QCOMPARE(outcome.result.model, QStringLiteral("profile-model"));
}

void TestCompletionJob::rateLimitIsRetriedAfterTheRequestedDelay()
{
    ScriptedReply limited;
    limited.status = 429;
    limited.errorCode = QStringLiteral("rate_limit_exceeded");
    limited.headers = {{"retry-after-ms", "150"}};
    m_emulator->enqueue(limited);

    QList<qint64> arrivals;
    QElapsedTimer clock;
    clock.start();
    connect(m_emulator.get(), &OpenAiEmulator::requestReceived, this,
            [&arrivals, &clock](const test::EmulatorRequest&) { arrivals.append(clock.elapsed()); });

    auto client = makeClient();
    const test::CompletionOutcome outcome = test::runCompletion(*client, test::chatRequest(QStringLiteral("again"), true));
    QVERIFY2(outcome.finished, qPrintable(outcome.error.humanMessage()));
    QCOMPARE(outcome.result.text(), QStringLiteral("Emulated reply to: again"));
    QCOMPARE(m_emulator->requestCount(), 2);
    QCOMPARE(outcome.result.retryCount, 1);
    QCOMPARE(outcome.retryDelays, QList<int>{150});
    QCOMPARE(arrivals.size(), 2);
    QVERIFY2(arrivals.at(1) - arrivals.at(0) >= 150,
             qPrintable(QStringLiteral("retried after %1 ms").arg(arrivals.at(1) - arrivals.at(0))));
    QCOMPARE(m_emulator->requests().at(0).header("X-Tunebench-Retry-Count"), QByteArray("0"));
    QCOMPARE(m_emulator->requests().at(1).header("X-Tunebench-Retry-Count"), QByteArray("1"));
    QCOMPARE(m_emulator->requests().at(0).body, m_emulator->requests().at(1).body);
    QCOMPARE(outcome.result.requestId, QStringLiteral("req_emu_2"));
}

void TestCompletionJob::serverErrorsExhaustRetriesAndReportStatusAndRequestId()
{
    for (int i = 0; i < 3; ++i) {
        ScriptedReply failure;
        failure.status = 500;
        failure.headers = {{"retry-after-ms", "5"}};
        m_emulator->enqueue(failure);
    }
    auto client = makeClient(ProviderProfile::Kind::OpenAI, 2);
    const test::CompletionOutcome outcome = test::runCompletion(*client, test::chatRequest(QStringLiteral("x"), false));
    QVERIFY(outcome.failed);
    QCOMPARE(outcome.error.kind, ApiError::Kind::Http);
    QCOMPARE(outcome.error.httpStatus, 500);
    QCOMPARE(outcome.error.requestId, QStringLiteral("req_emu_3"));
    QCOMPARE(outcome.error.retryCount, 2);
    QCOMPARE(outcome.error.type, QStringLiteral("server_error"));
    QCOMPARE(m_emulator->requestCount(), 3);
    QCOMPARE(outcome.retryDelays, (QList<int>{5, 5}));
    QCOMPARE(outcome.error.humanMessage(),
             QStringLiteral("The server failed: The server had an error while processing your request. Sorry about "
                            "that! (HTTP 500, request req_emu_3, after 2 retries)."));
}

void TestCompletionJob::clientErrorIsNotRetried()
{
    ScriptedReply bad;
    bad.status = 400;
    bad.errorMessage = QStringLiteral("Invalid value for 'temperature'.");
    bad.errorCode = QStringLiteral("invalid_value");
    m_emulator->enqueue(bad);
    auto client = makeClient();
    const test::CompletionOutcome outcome = test::runCompletion(*client, test::chatRequest(QStringLiteral("x"), true));
    QVERIFY(outcome.failed);
    QCOMPARE(outcome.error.httpStatus, 400);
    QCOMPARE(outcome.error.code, QStringLiteral("invalid_value"));
    QCOMPARE(outcome.error.message, QStringLiteral("Invalid value for 'temperature'."));
    QCOMPARE(outcome.error.retryCount, 0);
    QCOMPARE(m_emulator->requestCount(), 1);
}

void TestCompletionJob::insufficientQuotaIsNotRetried()
{
    ScriptedReply quota;
    quota.status = 429;
    quota.errorCode = QStringLiteral("insufficient_quota");
    quota.errorType = QStringLiteral("insufficient_quota");
    quota.errorMessage = QStringLiteral("You exceeded your current quota.");
    quota.headers = {{"retry-after-ms", "5"}};
    m_emulator->enqueue(quota);
    auto client = makeClient();
    const test::CompletionOutcome outcome = test::runCompletion(*client, test::chatRequest(QStringLiteral("x"), false));
    QVERIFY(outcome.failed);
    QCOMPARE(outcome.error.httpStatus, 429);
    QCOMPARE(m_emulator->requestCount(), 1);
    QVERIFY(outcome.error.humanMessage().contains(QStringLiteral("quota")));
}

void TestCompletionJob::connectionDroppedBeforeHeadersIsRetried()
{
    // Qt itself re-sends once when a connection closes before any answer, so
    // two drops are needed before the job's own retry shows.
    ScriptedReply drop;
    drop.fault = ScriptedReply::Fault::DropBeforeHeaders;
    m_emulator->enqueue(drop);
    m_emulator->enqueue(drop);
    auto client = makeClient();
    const test::CompletionOutcome outcome = test::runCompletion(*client, test::chatRequest(QStringLiteral("x"), true));
    QVERIFY2(outcome.finished, qPrintable(outcome.error.humanMessage()));
    QCOMPARE(m_emulator->requestCount(), 3);
    QCOMPARE(outcome.result.retryCount, 1);
    QCOMPARE(outcome.retryDelays, QList<int>{375}); // 0.5 s backoff with the fixed jitter of fastPolicy()
    QCOMPARE(outcome.result.text(), QStringLiteral("Emulated reply to: x"));
}

void TestCompletionJob::timeoutIsRetried()
{
    ScriptedReply silent;
    silent.delayBeforeHeadersMs = 1500;
    m_emulator->enqueue(silent);
    auto client = makeClient();
    const test::CompletionOutcome outcome =
        test::runCompletion(*client, test::chatRequest(QStringLiteral("x"), false),
                            [](CompletionJob* job, test::CompletionOutcome*) { job->setTimeoutMs(150); });
    QVERIFY2(outcome.finished, qPrintable(outcome.error.humanMessage()));
    QCOMPARE(outcome.result.retryCount, 1);
    QCOMPARE(outcome.retryDelays, QList<int>{375});
    QCOMPARE(m_emulator->requestCount(), 2);
}

void TestCompletionJob::droppedConnectionMidStreamEndsTruncatedWithPartialText()
{
    ScriptedReply drop;
    drop.fault = ScriptedReply::Fault::DropMidStream;
    drop.faultAfterEvents = 3; // role chunk + "Emulated" + " reply"
    drop.delayBetweenChunksMs = 1;
    m_emulator->enqueue(drop);
    auto client = makeClient();
    const test::CompletionOutcome outcome =
        test::runCompletion(*client, test::chatRequest(QStringLiteral("a long question"), true));
    QVERIFY2(outcome.finished, qPrintable(outcome.error.humanMessage()));
    QVERIFY(outcome.result.truncated);
    QCOMPARE(outcome.result.text(), QStringLiteral("Emulated reply"));
    QCOMPARE(outcome.joinedDeltas(), QStringLiteral("Emulated reply"));
    QVERIFY(!outcome.result.usage.known);
    QVERIFY(outcome.result.choices.first().finishReason.isEmpty());
    QCOMPARE(m_emulator->requestCount(), 1);
}

void TestCompletionJob::streamWithoutDoneEndsTruncatedAndIsNotRetried()
{
    ScriptedReply truncated;
    truncated.fault = ScriptedReply::Fault::TruncateStream;
    m_emulator->enqueue(truncated);
    auto client = makeClient();
    const test::CompletionOutcome outcome = test::runCompletion(*client, test::chatRequest(QStringLiteral("x y"), true));
    QVERIFY(outcome.finished);
    QVERIFY(outcome.result.truncated);
    QCOMPARE(outcome.result.text(), QStringLiteral("Emulated reply to: x y"));
    QVERIFY(!outcome.result.usage.known);
    QCOMPARE(m_emulator->requestCount(), 1);
}

void TestCompletionJob::malformedJsonFails_data()
{
    QTest::addColumn<bool>("stream");
    QTest::newRow("response body") << false;
    QTest::newRow("stream event") << true;
}

void TestCompletionJob::malformedJsonFails()
{
    QFETCH(bool, stream);
    ScriptedReply broken;
    broken.fault = ScriptedReply::Fault::MalformedJson;
    broken.faultAfterEvents = 2;
    m_emulator->enqueue(broken);
    auto client = makeClient();
    const test::CompletionOutcome outcome = test::runCompletion(*client, test::chatRequest(QStringLiteral("x"), stream));
    QVERIFY(outcome.failed);
    QCOMPARE(outcome.error.kind, ApiError::Kind::InvalidResponse);
    QCOMPARE(outcome.error.requestId, QStringLiteral("req_emu_1"));
    QCOMPARE(m_emulator->requestCount(), 1);
    QCOMPARE(outcome.joinedDeltas(), stream ? QStringLiteral("Emulated") : QString());
}

void TestCompletionJob::errorObjectMidStreamFailsWithItsMessage()
{
    ScriptedReply error;
    error.fault = ScriptedReply::Fault::ErrorMidStream;
    error.faultAfterEvents = 2;
    error.errorMessage = QStringLiteral("The model overloaded mid-way.");
    error.errorType = QStringLiteral("server_error");
    m_emulator->enqueue(error);
    auto client = makeClient();
    const test::CompletionOutcome outcome = test::runCompletion(*client, test::chatRequest(QStringLiteral("x"), true));
    QVERIFY(outcome.failed);
    QCOMPARE(outcome.error.kind, ApiError::Kind::Stream);
    QCOMPARE(outcome.error.message, QStringLiteral("The model overloaded mid-way."));
    QCOMPARE(outcome.error.type, QStringLiteral("server_error"));
    QCOMPARE(outcome.joinedDeltas(), QStringLiteral("Emulated"));
    QCOMPARE(m_emulator->requestCount(), 1);
    QVERIFY(outcome.error.humanMessage().contains(QStringLiteral("The model overloaded mid-way")));
}

void TestCompletionJob::nonJsonErrorBodyIsKeptAsText()
{
    ScriptedReply gateway;
    gateway.status = 502;
    gateway.rawBody = QByteArray("<html><body>Bad gateway</body></html>");
    m_emulator->enqueue(gateway);
    auto client = makeClient(ProviderProfile::Kind::OpenAI, 0);
    const test::CompletionOutcome outcome = test::runCompletion(*client, test::chatRequest(QStringLiteral("x"), false));
    QVERIFY(outcome.failed);
    QCOMPARE(outcome.error.httpStatus, 502);
    QVERIFY(outcome.error.message.isEmpty());
    QCOMPARE(outcome.error.body, QStringLiteral("<html><body>Bad gateway</body></html>"));
    QVERIFY(outcome.error.humanMessage().contains(QStringLiteral("Bad gateway")));
}

void TestCompletionJob::cancelMidStreamStopsTheJob()
{
    ScriptedReply slow;
    slow.delayBetweenChunksMs = 30;
    m_emulator->enqueue(slow);
    auto client = makeClient();
    const test::CompletionOutcome outcome = test::runCompletion(
        *client, test::chatRequest(QStringLiteral("one two three four five"), true),
        [](CompletionJob* job, test::CompletionOutcome*) {
            QObject::connect(job, &CompletionJob::delta, job, [job] { job->cancel(); });
        });
    QVERIFY(outcome.failed);
    QVERIFY(!outcome.finished);
    QCOMPARE(outcome.error.kind, ApiError::Kind::Cancelled);
    QCOMPARE(outcome.deltas.size(), 1);
    QCOMPARE(outcome.error.humanMessage(), QStringLiteral("The request was cancelled."));
    QTRY_VERIFY(outcome.job.isNull());
    // Nothing else arrives after the cancel.
    QTest::qWait(100);
    QCOMPARE(outcome.deltas.size(), 1);
}

void TestCompletionJob::cancelWhileWaitingToRetryStopsTheJob()
{
    ScriptedReply limited;
    limited.status = 429;
    limited.headers = {{"retry-after-ms", "300"}};
    m_emulator->enqueue(limited);
    auto client = makeClient();
    const test::CompletionOutcome outcome =
        test::runCompletion(*client, test::chatRequest(QStringLiteral("x"), false), [](CompletionJob* job, test::CompletionOutcome*) {
            QObject::connect(job, &CompletionJob::retrying, job, [job] { job->cancel(); });
        });
    QVERIFY(outcome.failed);
    QCOMPARE(outcome.error.kind, ApiError::Kind::Cancelled);
    QTest::qWait(400);
    QCOMPARE(m_emulator->requestCount(), 1);
}

void TestCompletionJob::silentServerTimesOut()
{
    ScriptedReply silent;
    silent.delayBeforeHeadersMs = 1500;
    m_emulator->enqueue(silent);
    auto client = makeClient(ProviderProfile::Kind::OpenAI, 0);
    QElapsedTimer timer;
    timer.start();
    const test::CompletionOutcome outcome = test::runCompletion(*client, test::chatRequest(QStringLiteral("x"), true),
                                                          [](CompletionJob* job, test::CompletionOutcome*) {
                                                              job->setTimeoutMs(150);
                                                          });
    QVERIFY(outcome.failed);
    QCOMPARE(outcome.error.kind, ApiError::Kind::Timeout);
    QCOMPARE(outcome.error.timeoutMs, 150);
    QVERIFY(timer.elapsed() < 1000);
    QCOMPARE(outcome.error.humanMessage(), QStringLiteral("The server did not respond within 0.15 s."));
}

void TestCompletionJob::progressRestartsTheTimeout()
{
    ScriptedReply paced;
    paced.delayBetweenChunksMs = 60; // 10 events: ~600 ms in total, never more than 60 ms silent
    m_emulator->enqueue(paced);
    auto client = makeClient(ProviderProfile::Kind::OpenAI, 0);
    QElapsedTimer timer;
    timer.start();
    const test::CompletionOutcome outcome =
        test::runCompletion(*client, test::chatRequest(QStringLiteral("a b c"), true),
                            [](CompletionJob* job, test::CompletionOutcome*) { job->setTimeoutMs(400); });
    QVERIFY2(outcome.finished, qPrintable(outcome.error.humanMessage()));
    QVERIFY(timer.elapsed() > 400);
    QCOMPARE(outcome.result.text(), QStringLiteral("Emulated reply to: a b c"));
}

void TestCompletionJob::jobDeletesItselfAfterItsFinalSignal()
{
    auto client = makeClient();
    const test::CompletionOutcome outcome = test::runCompletion(*client, test::chatRequest(QStringLiteral("x"), false));
    QVERIFY(outcome.finished);
    QTRY_VERIFY(outcome.job.isNull());
    QVERIFY(client->findChildren<CompletionJob*>().isEmpty());
}

void TestCompletionJob::serverIgnoringStreamAnswersWithPlainJson()
{
    ScriptedReply plain;
    plain.rawBody = QByteArray(R"({"id":"x1","object":"chat.completion","created":1,"model":"old-server",
        "choices":[{"index":0,"message":{"role":"assistant","content":"not streamed"},"finish_reason":"stop"}]})");
    m_emulator->enqueue(plain);
    auto client = makeClient(ProviderProfile::Kind::OpenAICompatible);
    const test::CompletionOutcome outcome = test::runCompletion(*client, test::chatRequest(QStringLiteral("x"), true));
    QVERIFY2(outcome.finished, qPrintable(outcome.error.humanMessage()));
    QVERIFY(!outcome.result.truncated);
    QCOMPARE(outcome.result.text(), QStringLiteral("not streamed"));
    QCOMPARE(outcome.result.model, QStringLiteral("old-server"));
}

void TestCompletionJob::timingsComeFromTheInjectedClock()
{
    auto client = makeClient();
    qint64 fakeNow = 1000;
    client->setClock([&fakeNow] { return fakeNow; });
    connect(m_emulator.get(), &OpenAiEmulator::requestReceived, this, [&fakeNow] { fakeNow = 1250; });
    const test::CompletionOutcome outcome = test::runCompletion(
        *client, test::chatRequest(QStringLiteral("tick"), true), [&fakeNow](CompletionJob* job, test::CompletionOutcome*) {
            QObject::connect(job, &CompletionJob::delta, job, [&fakeNow] { fakeNow = 1400; });
        });
    QVERIFY(outcome.finished);
    QCOMPARE(outcome.result.timeToFirstTokenMs, qint64(250));
    QCOMPARE(outcome.result.totalMs, qint64(400));
}

void TestCompletionJob::sentBodiesValidateAgainstTheSpec_data()
{
    QTest::addColumn<bool>("chat");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<int>("kind");
    QTest::newRow("chat") << true << false << int(ProviderProfile::Kind::OpenAI);
    QTest::newRow("chat streamed") << true << true << int(ProviderProfile::Kind::OpenAI);
    QTest::newRow("chat streamed, local server") << true << true << int(ProviderProfile::Kind::OpenAICompatible);
    QTest::newRow("legacy") << false << false << int(ProviderProfile::Kind::OpenAI);
    QTest::newRow("legacy streamed") << false << true << int(ProviderProfile::Kind::Together);
}

void TestCompletionJob::sentBodiesValidateAgainstTheSpec()
{
    QFETCH(bool, chat);
    QFETCH(bool, stream);
    QFETCH(int, kind);
    TB_REQUIRE_SHARED(specPath, "api/openai-subset.json");
    const auto validator = test::JsonSchemaValidator::fromFile(specPath);
    QVERIFY(validator.ok());
    auto client = makeClient(ProviderProfile::Kind(kind));
    CompletionRequest request = chat ? test::chatRequest(QStringLiteral("validate me"), stream)
                                     : test::legacyRequest(QStringLiteral("validate me"), stream);
    request.body.insert(QStringLiteral("temperature"), 0.7);
    request.body.insert(QStringLiteral("n"), 2);
    QVERIFY(test::runCompletion(*client, request).finished);
    const QString path = chat ? QStringLiteral("/chat/completions") : QStringLiteral("/completions");
    const QJsonValue schema = validator->requestSchema(path, QStringLiteral("post"));
    QVERIFY(schema.isObject());
    const QJsonObject sent = m_emulator->requests().first().json();
    const QList<test::SchemaError> errors = validator->validate(sent, schema);
    QVERIFY2(errors.isEmpty(), qPrintable(test::JsonSchemaValidator::format(errors)));
    // And the validator is not vacuous on this schema: a bad role is caught.
    if (chat) {
        QJsonObject broken = sent;
        broken.insert(QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("robot")},
                                                                         {QStringLiteral("content"), QStringLiteral("x")}}});
        QVERIFY(!validator->validate(broken, schema).isEmpty());
    } else {
        QJsonObject broken = sent;
        broken.remove(QStringLiteral("prompt"));
        QVERIFY(!validator->validate(broken, schema).isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestCompletionJob)
#include "tst_completionjob.moc"
