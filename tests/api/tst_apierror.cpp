// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/apierror.h"

#include <QTest>

using tb::ApiError;

Q_DECLARE_METATYPE(ApiError::Kind)

class TestApiError : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void humanMessageIsOneSentenceWithDetails_data();
    void humanMessageIsOneSentenceWithDetails();
    void bodyIsReadAsEnvelopeOrKeptAsText_data();
    void bodyIsReadAsEnvelopeOrKeptAsText();
    void longTextBodiesAreTruncated();
    void redactMasksTheKeyEverywhere();
};

void TestApiError::humanMessageIsOneSentenceWithDetails_data()
{
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("requestId");
    QTest::addColumn<int>("retries");
    QTest::addColumn<QString>("expected");
    QTest::newRow("401") << ApiError::Kind::Http << 401 << "Incorrect API key provided: sk-ab***yz." << "invalid_api_key"
                         << "req_abc" << 0 << "The server rejected the API key (HTTP 401, request req_abc).";
    QTest::newRow("404 model") << ApiError::Kind::Http << 404 << "The model `gpt-9` does not exist." << "model_not_found"
                               << "" << 0 << "Not found (check the model, deployment or base URL): The model `gpt-9` does not exist (HTTP 404).";
    QTest::newRow("429 rate") << ApiError::Kind::Http << 429 << "Rate limit reached." << "rate_limit_exceeded" << "r1" << 2
                              << "Rate limit reached: Rate limit reached (HTTP 429, request r1, after 2 retries).";
    QTest::newRow("429 quota") << ApiError::Kind::Http << 429 << "You exceeded your current quota." << "insufficient_quota"
                               << "" << 0 << "The account has run out of quota; check the plan and billing details (HTTP 429).";
    QTest::newRow("503 one retry") << ApiError::Kind::Http << 503 << "Overloaded" << "" << "r" << 1
                                   << "The server failed: Overloaded (HTTP 503, request r, after 1 retry).";
    QTest::newRow("400") << ApiError::Kind::Http << 400 << "Bad temperature." << "" << "" << 0
                         << "The server rejected the request: Bad temperature (HTTP 400).";
    QTest::newRow("network") << ApiError::Kind::Network << 0 << "Connection refused" << "" << "" << 2
                             << "Could not reach the server: Connection refused (after 2 retries).";
    QTest::newRow("stream") << ApiError::Kind::Stream << 0 << "overloaded" << "" << "req_s" << 0
                            << "The server reported an error during the stream: overloaded (request req_s).";
    QTest::newRow("cancelled") << ApiError::Kind::Cancelled << 0 << "" << "" << "req" << 0 << "The request was cancelled.";
    QTest::newRow("configuration") << ApiError::Kind::Configuration << 0 << "Use https." << "" << "" << 0 << "Use https.";
}

void TestApiError::humanMessageIsOneSentenceWithDetails()
{
    QFETCH(ApiError::Kind, kind);
    QFETCH(int, status);
    QFETCH(QString, message);
    QFETCH(QString, code);
    QFETCH(QString, requestId);
    QFETCH(int, retries);
    QFETCH(QString, expected);
    ApiError error;
    error.kind = kind;
    error.httpStatus = status;
    error.message = message;
    error.code = code;
    error.requestId = requestId;
    error.retryCount = retries;
    QCOMPARE(error.humanMessage(), expected);
    QCOMPARE(error.toString(), expected);
}

void TestApiError::bodyIsReadAsEnvelopeOrKeptAsText_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("param");
    QTest::addColumn<QString>("text");
    QTest::newRow("openai envelope")
        << QByteArray(R"({"error":{"message":"m","type":"invalid_request_error","param":"model","code":"model_not_found"}})")
        << "m" << "invalid_request_error" << "model_not_found" << "model" << "";
    QTest::newRow("nulls") << QByteArray(R"({"error":{"message":"m","type":"t","param":null,"code":null}})")
                           << "m" << "t" << "" << "" << "";
    QTest::newRow("azure numeric-ish code") << QByteArray(R"({"error":{"code":"404","message":"Resource not found"}})")
                                            << "Resource not found" << "" << "404" << "" << "";
    QTest::newRow("string error (local servers)") << QByteArray(R"({"error":"model not loaded"})")
                                                  << "model not loaded" << "" << "" << "" << "";
    QTest::newRow("flat message") << QByteArray(R"({"message":"flat"})") << "flat" << "" << "" << "" << "";
    QTest::newRow("html") << QByteArray("<html>502 Bad Gateway</html>\n") << "" << "" << "" << "" << "<html>502 Bad Gateway</html>";
    QTest::newRow("json without message") << QByteArray(R"({"detail":"x"})") << "" << "" << "" << "" << R"({"detail":"x"})";
}

void TestApiError::bodyIsReadAsEnvelopeOrKeptAsText()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    QFETCH(QString, type);
    QFETCH(QString, code);
    QFETCH(QString, param);
    QFETCH(QString, text);
    ApiError error;
    error.setFromBody(body);
    QCOMPARE(error.message, message);
    QCOMPARE(error.type, type);
    QCOMPARE(error.code, code);
    QCOMPARE(error.param, param);
    QCOMPARE(error.body, text);
}

void TestApiError::longTextBodiesAreTruncated()
{
    ApiError error;
    error.setFromBody(QByteArray(10000, 'x'));
    QCOMPARE(error.body.size(), ApiError::kMaxBodyChars + 1);
    QVERIFY(error.body.endsWith(QStringLiteral("…")));
}

void TestApiError::redactMasksTheKeyEverywhere()
{
    ApiError error;
    error.message = QStringLiteral("bad key sk-123");
    error.body = QStringLiteral("sk-123 sk-123");
    error.param = QStringLiteral("sk-123");
    error.redact(QStringLiteral("sk-123"));
    QCOMPARE(error.message, QStringLiteral("bad key [redacted]"));
    QCOMPARE(error.body, QStringLiteral("[redacted] [redacted]"));
    QCOMPARE(error.param, QStringLiteral("[redacted]"));
    error.redact(QString()); // an empty key must not mangle anything
    QCOMPARE(error.message, QStringLiteral("bad key [redacted]"));
}

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
