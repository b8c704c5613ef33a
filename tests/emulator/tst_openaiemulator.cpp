// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/sseparser.h"
#include "jsonschemavalidator.h"
#include "openaiemulator.h"
#include "sharedfixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace tb::test;

namespace {

struct RawReply
{
    int status = 0;
    QByteArray contentType;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
};

RawReply send(QNetworkAccessManager& network, const QUrl& url, const QByteArray& method, const QByteArray& body,
              const QList<QPair<QByteArray, QByteArray>>& headers = {})
{
    QNetworkRequest request(url);
    request.setRawHeader("Content-Type", "application/json");
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply* reply = network.sendCustomRequest(request, method, body);
    RawReply result;
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000))
        return result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.contentType = reply->rawHeader("Content-Type");
    result.body = reply->readAll();
    result.error = reply->error();
    reply->deleteLater();
    return result;
}

QList<QByteArray> ssePayloads(const QByteArray& body)
{
    tb::SseParser parser;
    QList<QByteArray> payloads;
    for (const tb::SseEvent& event : parser.feed(body))
        payloads.append(event.data.toUtf8());
    return payloads;
}

QJsonObject object(const QByteArray& json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestOpenAiEmulator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void responsesValidateAgainstTheSpec_data();
    void responsesValidateAgainstTheSpec();
    void streamedChatHasRoleContentFinishUsageAndDone();
    void recordsMethodPathHeadersAndBody();
    void readsChunkedRequestBodies();
    void scriptsApplyInOrderToMatchingPaths();
    void buildPlanAppliesFaults_data();
    void buildPlanAppliesFaults();
    void scriptJsonParsesEveryField();
    void scriptJsonRejectsUnknownFaults();
    void controlEndpointQueuesScriptsAndListsRequests();
    void unknownPathIs404WithEnvelope();
    void executablePrintsItsUrlAndServes();

private:
    std::unique_ptr<OpenAiEmulator> m_emulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestOpenAiEmulator::init()
{
    m_emulator = std::make_unique<OpenAiEmulator>();
    QVERIFY(m_emulator->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestOpenAiEmulator::cleanup()
{
    m_network.reset();
    m_emulator.reset();
}

void TestOpenAiEmulator::responsesValidateAgainstTheSpec_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("script");     // JSON of a ScriptedReply, or empty
    QTest::addColumn<QString>("schema");     // "op:<path>" = the operation's 200 schema, else a pointer
    QTest::addColumn<bool>("streamed");      // validate each SSE payload but [DONE]
    QTest::addColumn<int>("status");

    const QByteArray chat = R"({"model":"m","messages":[{"role":"user","content":"hi there"}]})";
    const QByteArray chatStream = R"({"model":"m","stream":true,"messages":[{"role":"user","content":"hi there"}]})";
    const QByteArray chatStreamUsage =
        R"({"model":"m","stream":true,"stream_options":{"include_usage":true},"n":2,"messages":[{"role":"user","content":"hi"}]})";
    const QByteArray legacy = R"({"model":"m","prompt":"Once"})";
    const QByteArray legacyStream = R"({"model":"m","prompt":["Once"],"stream":true,"stream_options":{"include_usage":true}})";
    const QString chunk = QStringLiteral("#/components/schemas/CreateChatCompletionStreamResponse");
    const QString envelope = QStringLiteral("#/components/schemas/ErrorResponse");

    QTest::newRow("models") << QByteArray("GET") << "/v1/models" << QByteArray() << "" << "op:/models" << false << 200;
    QTest::newRow("chat") << QByteArray("POST") << "/v1/chat/completions" << chat << "" << "op:/chat/completions" << false << 200;
    QTest::newRow("chat cut by max_tokens")
        << QByteArray("POST") << "/v1/chat/completions"
        << QByteArray(R"({"model":"m","max_tokens":2,"n":3,"messages":[{"role":"user","content":"a b c"}]})") << ""
        << "op:/chat/completions" << false << 200;
    QTest::newRow("chat stream") << QByteArray("POST") << "/v1/chat/completions" << chatStream << "" << chunk << true << 200;
    QTest::newRow("chat stream, usage, n=2") << QByteArray("POST") << "/v1/chat/completions" << chatStreamUsage << "" << chunk << true << 200;
    const QString tools = QStringLiteral(R"({"tool_calls":[{"name":"f","arguments":"{\"a\":1}"},{"name":"g","arguments":"{}"}]})");
    QTest::newRow("chat tool calls") << QByteArray("POST") << "/v1/chat/completions" << chat << tools << "op:/chat/completions" << false << 200;
    QTest::newRow("chat tool calls streamed") << QByteArray("POST") << "/v1/chat/completions" << chatStreamUsage << tools << chunk << true << 200;
    QTest::newRow("legacy") << QByteArray("POST") << "/v1/completions" << legacy << "" << "op:/completions" << false << 200;
    QTest::newRow("legacy stream") << QByteArray("POST") << "/v1/completions" << legacyStream << "" << "legacy-chunk" << true << 200;
    QTest::newRow("azure chat") << QByteArray("POST") << "/openai/deployments/d/chat/completions?api-version=2024-10-21"
                                << QByteArray(R"({"messages":[{"role":"user","content":"x"}]})") << "" << "op:/chat/completions" << false << 200;
    QTest::newRow("429") << QByteArray("POST") << "/v1/chat/completions" << chat << R"({"status":429,"headers":{"retry-after":"1"}})"
                         << envelope << false << 429;
    QTest::newRow("500") << QByteArray("POST") << "/v1/chat/completions" << chat << R"({"status":500})" << envelope << false << 500;
    QTest::newRow("400 missing messages") << QByteArray("POST") << "/v1/chat/completions" << QByteArray(R"({"model":"m"})") << ""
                                          << envelope << false << 400;
    QTest::newRow("404 unknown url") << QByteArray("GET") << "/v1/nothing" << QByteArray() << "" << envelope << false << 404;
    QTest::newRow("404 azure without api-version") << QByteArray("POST") << "/openai/deployments/d/chat/completions" << chat << ""
                                                   << envelope << false << 404;
}

void TestOpenAiEmulator::responsesValidateAgainstTheSpec()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, script);
    QFETCH(QString, schema);
    QFETCH(bool, streamed);
    QFETCH(int, status);
    TB_REQUIRE_SHARED(specPath, "api/openai-subset.json");
    const auto validator = JsonSchemaValidator::fromFile(specPath);
    QVERIFY(validator.ok());

    if (!script.isEmpty()) {
        auto replies = ScriptedReply::listFromJson(script.toUtf8());
        QVERIFY(replies.ok());
        m_emulator->enqueue(*replies);
    }
    const RawReply reply = send(*m_network, QUrl(m_emulator->rootUrl().toString() + path), method, body);
    QCOMPARE(reply.status, status);

    QJsonValue schemaValue;
    if (schema == QLatin1String("legacy-chunk")) {
        // The spec has no chunk schema for /completions; the real API streams
        // CreateCompletionResponse objects whose finish_reason (and usage) stay
        // null until the end, so only those two fields are relaxed.
        QJsonObject derived = validator->resolve(QStringLiteral("#/components/schemas/CreateCompletionResponse")).toObject();
        QJsonObject properties = derived.value(QStringLiteral("properties")).toObject();
        QJsonObject choices = properties.value(QStringLiteral("choices")).toObject();
        QJsonObject items = choices.value(QStringLiteral("items")).toObject();
        QJsonObject itemProperties = items.value(QStringLiteral("properties")).toObject();
        QJsonObject finishReason = itemProperties.value(QStringLiteral("finish_reason")).toObject();
        finishReason.insert(QStringLiteral("nullable"), true);
        itemProperties.insert(QStringLiteral("finish_reason"), finishReason);
        items.insert(QStringLiteral("properties"), itemProperties);
        choices.insert(QStringLiteral("items"), items);
        properties.insert(QStringLiteral("choices"), choices);
        QJsonObject usage = properties.value(QStringLiteral("usage")).toObject();
        usage.insert(QStringLiteral("nullable"), true);
        properties.insert(QStringLiteral("usage"), usage);
        derived.insert(QStringLiteral("properties"), properties);
        schemaValue = derived;
    } else if (schema.startsWith(QLatin1String("op:")))
        schemaValue = validator->responseSchema(schema.mid(3), QString::fromLatin1(method).toLower());
    else
        schemaValue = validator->resolve(schema);
    QVERIFY(schemaValue.isObject());

    if (!streamed) {
        QVERIFY(reply.contentType.startsWith("application/json"));
        const QList<SchemaError> errors = validator->validate(QJsonDocument::fromJson(reply.body).object(), schemaValue);
        QVERIFY2(errors.isEmpty(), qPrintable(JsonSchemaValidator::format(errors) + QLatin1Char('\n') + QString::fromUtf8(reply.body)));
        return;
    }
    QVERIFY(reply.contentType.startsWith("text/event-stream"));
    const QList<QByteArray> payloads = ssePayloads(reply.body);
    QVERIFY(payloads.size() > 3);
    QCOMPARE(payloads.last(), QByteArray("[DONE]"));
    for (qsizetype i = 0; i + 1 < payloads.size(); ++i) {
        const QList<SchemaError> errors = validator->validate(object(payloads.at(i)), schemaValue);
        QVERIFY2(errors.isEmpty(), qPrintable(JsonSchemaValidator::format(errors) + QLatin1Char('\n') + QString::fromUtf8(payloads.at(i))));
    }
}

void TestOpenAiEmulator::streamedChatHasRoleContentFinishUsageAndDone()
{
    const RawReply reply = send(*m_network, QUrl(m_emulator->baseUrl().toString() + QStringLiteral("/chat/completions")), "POST",
                                R"({"model":"m","stream":true,"stream_options":{"include_usage":true},
                                    "messages":[{"role":"user","content":"ab cd"}]})");
    const QList<QByteArray> payloads = ssePayloads(reply.body);
    // role chunk, "Emulated", " reply", " to:", " ab", " cd", finish chunk, usage chunk, [DONE]
    QCOMPARE(payloads.size(), 9);
    const QJsonObject first = object(payloads.first()).value(QStringLiteral("choices")).toArray().first().toObject();
    QCOMPARE(first.value(QStringLiteral("delta")).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("assistant"));
    QString text;
    for (qsizetype i = 1; i < 6; ++i)
        text += object(payloads.at(i)).value(QStringLiteral("choices")).toArray().first().toObject()
                    .value(QStringLiteral("delta")).toObject().value(QStringLiteral("content")).toString();
    QCOMPARE(text, QStringLiteral("Emulated reply to: ab cd"));
    QCOMPARE(object(payloads.at(6)).value(QStringLiteral("choices")).toArray().first().toObject()
                 .value(QStringLiteral("finish_reason")).toString(), QStringLiteral("stop"));
    const QJsonObject usageChunk = object(payloads.at(7));
    QVERIFY(usageChunk.value(QStringLiteral("choices")).toArray().isEmpty());
    QCOMPARE(usageChunk.value(QStringLiteral("usage")).toObject().value(QStringLiteral("completion_tokens")).toInt(), 5);
    QVERIFY(object(payloads.at(2)).value(QStringLiteral("usage")).isNull());
    QCOMPARE(payloads.last(), QByteArray("[DONE]"));
}

void TestOpenAiEmulator::recordsMethodPathHeadersAndBody()
{
    const QByteArray body = R"({"model":"m","messages":[{"role":"user","content":"x"}]})";
    send(*m_network, QUrl(m_emulator->baseUrl().toString() + QStringLiteral("/chat/completions?trace=1")), "POST", body,
         {{"X-Custom", "yes"}});
    QCOMPARE(m_emulator->requests().size(), 1);
    const EmulatorRequest& request = m_emulator->requests().first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QStringLiteral("/v1/chat/completions"));
    QCOMPARE(request.target, QStringLiteral("/v1/chat/completions?trace=1"));
    QCOMPARE(request.query.queryItemValue(QStringLiteral("trace")), QStringLiteral("1"));
    QCOMPARE(request.header("x-custom"), QByteArray("yes"));
    QCOMPARE(request.body, body);
    QCOMPARE(m_emulator->requestCount(QStringLiteral("/chat/")), 1);
    QCOMPARE(m_emulator->requestCount(QStringLiteral("/models")), 0);
}

void TestOpenAiEmulator::readsChunkedRequestBodies()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_emulator->port());
    QVERIFY(socket.waitForConnected(2000));
    const QByteArray json = R"({"model":"m","messages":[{"role":"user","content":"chunky"}]})";
    QByteArray wire = "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
                      "Content-Type: application/json\r\n\r\n";
    for (qsizetype i = 0; i < json.size(); i += 10) {
        const QByteArray piece = json.mid(i, 10);
        wire += QByteArray::number(piece.size(), 16) + ";ext=1\r\n" + piece + "\r\n";
    }
    wire += "0\r\n\r\n";
    socket.write(wire);
    QByteArray response;
    QVERIFY(QTest::qWaitFor([&] {
        response += socket.readAll();
        return socket.state() == QAbstractSocket::UnconnectedState || response.contains("\"usage\"");
    }, 3000));
    QVERIFY2(response.startsWith("HTTP/1.1 200 OK\r\n"), response.constData());
    QVERIFY(response.contains("Emulated reply to: chunky"));
    QCOMPARE(m_emulator->requests().first().body, json);
}

void TestOpenAiEmulator::scriptsApplyInOrderToMatchingPaths()
{
    ScriptedReply modelsFail;
    modelsFail.pathContains = QStringLiteral("/models");
    modelsFail.status = 503;
    ScriptedReply anyFail;
    anyFail.status = 409;
    m_emulator->enqueue(modelsFail);
    m_emulator->enqueue(anyFail);
    const QByteArray chat = R"({"model":"m","messages":[{"role":"user","content":"x"}]})";
    const QString base = m_emulator->baseUrl().toString();
    QCOMPARE(send(*m_network, QUrl(base + QStringLiteral("/chat/completions")), "POST", chat).status, 409);
    QCOMPARE(send(*m_network, QUrl(base + QStringLiteral("/chat/completions")), "POST", chat).status, 200);
    QCOMPARE(m_emulator->pendingScripts(), 1);
    QCOMPARE(send(*m_network, QUrl(base + QStringLiteral("/models")), "GET", QByteArray()).status, 503);
    QCOMPARE(m_emulator->pendingScripts(), 0);
}

void TestOpenAiEmulator::buildPlanAppliesFaults_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QByteArray>("expectedStream"); // concatenated SSE bytes
    QTest::addColumn<bool>("aborts");
    QTest::addColumn<int>("writes");
    QTest::newRow("normal") << "{}" << QByteArray("data: {\"a\":1}\n\ndata: {\"b\":2}\n\ndata: [DONE]\n\n") << false << 3;
    QTest::newRow("crlf") << R"({"line_ending":"crlf"})"
                          << QByteArray("data: {\"a\":1}\r\n\r\ndata: {\"b\":2}\r\n\r\ndata: [DONE]\r\n\r\n") << false << 3;
    QTest::newRow("cr") << R"({"line_ending":"cr"})" << QByteArray("data: {\"a\":1}\r\rdata: {\"b\":2}\r\rdata: [DONE]\r\r") << false << 3;
    QTest::newRow("split every 5") << R"({"split_bytes":5})"
                                   << QByteArray("data: {\"a\":1}\n\ndata: {\"b\":2}\n\ndata: [DONE]\n\n") << false << 9; // 44 bytes
    QTest::newRow("truncated") << R"({"fault":"truncate_stream"})" << QByteArray("data: {\"a\":1}\n\ndata: {\"b\":2}\n\n") << false << 2;
    QTest::newRow("dropped") << R"({"fault":"drop_mid_stream","fault_after_events":1})" << QByteArray("data: {\"a\":1}\n\n") << true << 1;
    QTest::newRow("error mid-stream")
        << R"({"fault":"error_mid_stream","fault_after_events":1,"error":{"message":"boom","type":"server_error"}})"
        << QByteArray("data: {\"a\":1}\n\ndata: {\"error\":{\"code\":null,\"message\":\"boom\",\"param\":null,\"type\":\"server_error\"}}\n\n")
        << false << 2;
}

void TestOpenAiEmulator::buildPlanAppliesFaults()
{
    QFETCH(QString, script);
    QFETCH(QByteArray, expectedStream);
    QFETCH(bool, aborts);
    QFETCH(int, writes);
    auto reply = ScriptedReply::fromJson(QJsonDocument::fromJson(script.toUtf8()).object());
    QVERIFY(reply.ok());
    EmulatorResponse response;
    response.streamed = true;
    response.events = {QByteArray(R"({"a":1})"), QByteArray(R"({"b":2})"), QByteArray("[DONE]")};
    const QList<SendStep> plan = OpenAiEmulator::buildPlan(response, *reply);
    QVERIFY(plan.first().bytes.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(plan.first().bytes.contains("Transfer-Encoding: chunked\r\n"));
    // De-chunk the body steps.
    QByteArray stream;
    int dataWrites = 0;
    for (qsizetype i = 1; i < plan.size(); ++i) {
        const SendStep& step = plan.at(i);
        if (step.action != SendStep::Action::Write || step.bytes == "0\r\n\r\n")
            continue;
        const qsizetype lineEnd = step.bytes.indexOf("\r\n");
        const int size = step.bytes.left(lineEnd).toInt(nullptr, 16);
        QCOMPARE(step.bytes.size(), lineEnd + 2 + size + 2);
        stream += step.bytes.mid(lineEnd + 2, size);
        ++dataWrites;
    }
    QCOMPARE(stream, expectedStream);
    QCOMPARE(dataWrites, writes);
    QCOMPARE(plan.last().action, aborts ? SendStep::Action::Abort : SendStep::Action::Close);
}

void TestOpenAiEmulator::scriptJsonParsesEveryField()
{
    const auto replies = ScriptedReply::listFromJson(R"([{"path":"/chat","status":429,"headers":{"retry-after-ms":"50","x-should-retry":"true"},
        "error":{"message":"slow down","type":"requests","code":"rate_limit_exceeded"},"delay_before_headers_ms":5,
        "delay_between_chunks_ms":6,"fault":"drop_mid_stream","fault_after_events":4,"line_ending":"crlf","split_bytes":3,
        "reply":"canned","body":"<html>"}, {}])");
    QVERIFY(replies.ok());
    QCOMPARE(replies->size(), 2);
    const ScriptedReply& reply = replies->first();
    QCOMPARE(reply.pathContains, QStringLiteral("/chat"));
    QCOMPARE(reply.status, 429);
    QCOMPARE(reply.headers.size(), 2);
    QCOMPARE(reply.errorMessage, QStringLiteral("slow down"));
    QCOMPARE(reply.errorType, QStringLiteral("requests"));
    QCOMPARE(reply.errorCode, QStringLiteral("rate_limit_exceeded"));
    QCOMPARE(reply.delayBeforeHeadersMs, 5);
    QCOMPARE(reply.delayBetweenChunksMs, 6);
    QCOMPARE(reply.fault, ScriptedReply::Fault::DropMidStream);
    QCOMPARE(reply.faultAfterEvents, 4);
    QCOMPARE(reply.lineEnding, ScriptedReply::LineEnding::CrLf);
    QCOMPARE(reply.splitBytes, 3);
    QCOMPARE(reply.replyText, QStringLiteral("canned"));
    QCOMPARE(reply.rawBody.value_or(QByteArray()), QByteArray("<html>"));
    QCOMPARE(replies->at(1).status, 0);
    QCOMPARE(replies->at(1).fault, ScriptedReply::Fault::None);
}

void TestOpenAiEmulator::scriptJsonRejectsUnknownFaults()
{
    const auto bad = ScriptedReply::listFromJson(R"([{}, {"fault":"explode"}])");
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().path, QStringLiteral("[1].fault"));
    QVERIFY(!ScriptedReply::listFromJson("[1]").ok());
    QVERIFY(!ScriptedReply::listFromJson("{").ok());
    QVERIFY(!ScriptedReply::listFromJson(R"({"line_ending":"nel"})").ok());
}

void TestOpenAiEmulator::controlEndpointQueuesScriptsAndListsRequests()
{
    const QString root = m_emulator->rootUrl().toString();
    const RawReply queued = send(*m_network, QUrl(root + QStringLiteral("/_emulator/script")), "POST",
                                 R"([{"status":503},{"reply":"scripted text"}])");
    QCOMPARE(queued.status, 200);
    QCOMPARE(object(queued.body).value(QStringLiteral("queued")).toInt(), 2);
    const QByteArray chat = R"({"model":"m","messages":[{"role":"user","content":"x"}]})";
    const QString chatUrl = m_emulator->baseUrl().toString() + QStringLiteral("/chat/completions");
    QCOMPARE(send(*m_network, QUrl(chatUrl), "POST", chat).status, 503);
    const RawReply second = send(*m_network, QUrl(chatUrl), "POST", chat);
    QVERIFY(second.body.contains("scripted text"));

    const RawReply listed = send(*m_network, QUrl(root + QStringLiteral("/_emulator/requests")), "GET", QByteArray());
    const QJsonArray data = object(listed.body).value(QStringLiteral("data")).toArray();
    QCOMPARE(data.size(), 2); // control requests are not recorded
    QCOMPARE(data.first().toObject().value(QStringLiteral("path")).toString(), QStringLiteral("/v1/chat/completions"));
    QCOMPARE(data.first().toObject().value(QStringLiteral("body")).toString(), QString::fromUtf8(chat));

    QCOMPARE(send(*m_network, QUrl(root + QStringLiteral("/_emulator/script")), "POST", "{\"fault\":1}").status, 200);
    QCOMPARE(send(*m_network, QUrl(root + QStringLiteral("/_emulator/script")), "POST", "not json").status, 400);
    QCOMPARE(send(*m_network, QUrl(root + QStringLiteral("/_emulator/reset")), "POST", QByteArray()).status, 200);
    QCOMPARE(m_emulator->requests().size(), 0);
    QCOMPARE(m_emulator->pendingScripts(), 0);
}

void TestOpenAiEmulator::unknownPathIs404WithEnvelope()
{
    const RawReply reply = send(*m_network, QUrl(m_emulator->baseUrl().toString() + QStringLiteral("/engines")), "GET", QByteArray());
    QCOMPARE(reply.status, 404);
    QCOMPARE(object(reply.body).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("unknown_url"));
    const RawReply wrongMethod =
        send(*m_network, QUrl(m_emulator->baseUrl().toString() + QStringLiteral("/models")), "DELETE", QByteArray());
    QCOMPARE(wrongMethod.status, 405);
}

void TestOpenAiEmulator::executablePrintsItsUrlAndServes()
{
    QTemporaryDir dir;
    const QString scriptPath = dir.filePath(QStringLiteral("script.json"));
    QFile scriptFile(scriptPath);
    QVERIFY(scriptFile.open(QIODevice::WriteOnly));
    scriptFile.write(R"([{"path":"/models","status":500}])");
    scriptFile.close();

    QProcess process;
    process.start(QStringLiteral(TUNEBENCH_EMULATOR_PATH),
                  {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--script"), scriptPath,
                   QStringLiteral("--api-key"), QStringLiteral("k")});
    QVERIFY(process.waitForStarted(3000));
    QVERIFY(QTest::qWaitFor([&process] { return process.canReadLine(); }, 3000));
    const QString line = QString::fromUtf8(process.readLine());
    const QRegularExpression urlLine(QStringLiteral("^http://127\\.0\\.0\\.1:(\\d+)/v1\\n$"));
    QVERIFY2(urlLine.match(line).hasMatch(), qPrintable(line));
    const QString base = line.trimmed();
    QCOMPARE(send(*m_network, QUrl(base + QStringLiteral("/models")), "GET", QByteArray(), {{"Authorization", "Bearer k"}}).status, 500);
    QCOMPARE(send(*m_network, QUrl(base + QStringLiteral("/models")), "GET", QByteArray(), {{"Authorization", "Bearer k"}}).status, 200);
    QCOMPARE(send(*m_network, QUrl(base + QStringLiteral("/models")), "GET", QByteArray(), {{"Authorization", "Bearer no"}}).status, 401);
    process.kill();
    QVERIFY(process.waitForFinished(3000));
    QCOMPARE(process.readAllStandardOutput(), QByteArray()); // exactly one line
}

QTEST_GUILESS_MAIN(TestOpenAiEmulator)
#include "tst_openaiemulator.moc"
