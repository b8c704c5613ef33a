// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonschemavalidator.h"
#include "sharedfixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using tb::test::JsonSchemaValidator;
using tb::test::SchemaError;

namespace {

QJsonValue parse(const QByteArray& json)
{
    // Wrapped so scalars parse too.
    return QJsonDocument::fromJson("[" + json + "]").array().first();
}

QString firstPath(const QList<SchemaError>& errors)
{
    return errors.isEmpty() ? QString() : errors.first().path;
}

} // namespace

class TestJsonSchemaValidator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validatesKeywords_data();
    void validatesKeywords();
    void resolvesLocalReferences();
    void openApiLeftoversAreNormalised_data();
    void openApiLeftoversAreNormalised();
    void specAcceptsAWellFormedChatRequest();
    void specRejectsBadChatRequests_data();
    void specRejectsBadChatRequests();
    void specStreamChunkAndErrorSchemasWork();
};

void TestJsonSchemaValidator::validatesKeywords_data()
{
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<QByteArray>("instance");
    QTest::addColumn<QString>("errorPath"); // empty = valid

    QTest::newRow("type ok") << QByteArray(R"({"type":"string"})") << QByteArray(R"("x")") << "";
    QTest::newRow("type wrong") << QByteArray(R"({"type":"string"})") << QByteArray("1") << "$";
    QTest::newRow("integer accepts 2.0") << QByteArray(R"({"type":"integer"})") << QByteArray("2.0") << "";
    QTest::newRow("integer rejects 2.5") << QByteArray(R"({"type":"integer"})") << QByteArray("2.5") << "$";
    QTest::newRow("number accepts integer") << QByteArray(R"({"type":"number"})") << QByteArray("2") << "";
    QTest::newRow("type array") << QByteArray(R"({"type":["string","null"]})") << QByteArray("null") << "";
    QTest::newRow("type array wrong") << QByteArray(R"({"type":["string","null"]})") << QByteArray("true") << "$";
    QTest::newRow("required missing") << QByteArray(R"({"type":"object","required":["a"]})") << QByteArray("{}") << "$";
    QTest::newRow("property type") << QByteArray(R"({"properties":{"a":{"type":"integer"}}})")
                                   << QByteArray(R"({"a":"x"})") << "$.a";
    QTest::newRow("additionalProperties false")
        << QByteArray(R"({"properties":{"a":{}},"additionalProperties":false})") << QByteArray(R"({"a":1,"b":2})") << "$.b";
    QTest::newRow("additionalProperties schema")
        << QByteArray(R"({"additionalProperties":{"type":"integer"}})") << QByteArray(R"({"k":"v"})") << "$.k";
    QTest::newRow("odd key path") << QByteArray(R"({"additionalProperties":{"type":"integer"}})")
                                  << QByteArray(R"({"a-b":"v"})") << R"($["a-b"])";
    QTest::newRow("items") << QByteArray(R"({"items":{"type":"string"}})") << QByteArray(R"(["a",2])") << "$[1]";
    QTest::newRow("prefixItems") << QByteArray(R"({"prefixItems":[{"type":"string"},{"type":"integer"}],"items":{"type":"boolean"}})")
                                 << QByteArray(R"(["a",1,true,"x"])") << "$[3]";
    QTest::newRow("minItems") << QByteArray(R"({"minItems":1})") << QByteArray("[]") << "$";
    QTest::newRow("maxItems") << QByteArray(R"({"maxItems":1})") << QByteArray("[1,2]") << "$";
    QTest::newRow("enum ok") << QByteArray(R"({"enum":["a","b"]})") << QByteArray(R"("b")") << "";
    QTest::newRow("enum wrong") << QByteArray(R"({"enum":["a","b"]})") << QByteArray(R"("c")") << "$";
    QTest::newRow("const") << QByteArray(R"({"const":"x"})") << QByteArray(R"("y")") << "$";
    QTest::newRow("minimum") << QByteArray(R"({"minimum":0})") << QByteArray("-1") << "$";
    QTest::newRow("minimum inclusive") << QByteArray(R"({"minimum":0})") << QByteArray("0") << "";
    QTest::newRow("maximum") << QByteArray(R"({"maximum":2})") << QByteArray("2.5") << "$";
    QTest::newRow("exclusiveMinimum number") << QByteArray(R"({"exclusiveMinimum":0})") << QByteArray("0") << "$";
    QTest::newRow("exclusiveMaximum number") << QByteArray(R"({"exclusiveMaximum":1})") << QByteArray("0.5") << "";
    QTest::newRow("minLength counts characters") << QByteArray(R"({"minLength":2})") << QByteArray("\"\xC3\xA9\"") << "$";
    QTest::newRow("maxLength") << QByteArray(R"({"maxLength":3})") << QByteArray(R"("abcd")") << "$";
    QTest::newRow("pattern") << QByteArray(R"({"pattern":"^ft-"})") << QByteArray(R"("x-ft-1")") << "$";
    QTest::newRow("pattern ok") << QByteArray(R"({"pattern":"^ft-"})") << QByteArray(R"("ft-1")") << "";
    QTest::newRow("anyOf none") << QByteArray(R"({"anyOf":[{"type":"string"},{"type":"integer"}]})") << QByteArray("true") << "$";
    QTest::newRow("anyOf one") << QByteArray(R"({"anyOf":[{"type":"string"},{"type":"integer"}]})") << QByteArray("3") << "";
    QTest::newRow("oneOf two match") << QByteArray(R"({"oneOf":[{"type":"number"},{"type":"integer"}]})") << QByteArray("3") << "$";
    QTest::newRow("oneOf exactly one") << QByteArray(R"({"oneOf":[{"type":"string"},{"type":"integer"}]})") << QByteArray("3") << "";
    QTest::newRow("allOf") << QByteArray(R"({"allOf":[{"required":["a"]},{"required":["b"]}]})") << QByteArray(R"({"a":1})") << "$";
    QTest::newRow("not") << QByteArray(R"({"not":{"type":"null"}})") << QByteArray("null") << "$";
    QTest::newRow("false schema") << QByteArray(R"({"properties":{"a":false}})") << QByteArray(R"({"a":1})") << "$.a";
    QTest::newRow("ignored keywords")
        << QByteArray(R"({"type":"object","x-oaiMeta":{"type":"string"},"example":5,"discriminator":{"propertyName":"t"},"description":"d"})")
        << QByteArray("{}") << "";
}

void TestJsonSchemaValidator::validatesKeywords()
{
    QFETCH(QByteArray, schema);
    QFETCH(QByteArray, instance);
    QFETCH(QString, errorPath);
    JsonSchemaValidator validator{QJsonObject()};
    const QList<SchemaError> errors = validator.validate(parse(instance), parse(schema));
    QVERIFY2(errorPath.isEmpty() == errors.isEmpty(), qPrintable(JsonSchemaValidator::format(errors)));
    if (!errorPath.isEmpty()) {
        QCOMPARE(firstPath(errors), errorPath);
        QVERIFY(!errors.first().message.isEmpty());
    }
}

void TestJsonSchemaValidator::resolvesLocalReferences()
{
    const QJsonObject document = parse(R"({
        "components": {"schemas": {
            "Pet": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"},
                    "friend": {"$ref": "#/components/schemas/Pet"}}},
            "a/b": {"type": "integer"}}}})").toObject();
    JsonSchemaValidator validator(document);
    QVERIFY(validator.validate(parse(R"({"name":"x","friend":{"name":"y"}})"), QStringLiteral("#/components/schemas/Pet")).isEmpty());
    const QList<SchemaError> errors =
        validator.validate(parse(R"({"name":"x","friend":{"name":3}})"), QStringLiteral("#/components/schemas/Pet"));
    QCOMPARE(firstPath(errors), QStringLiteral("$.friend.name"));
    QVERIFY(validator.validate(parse("1"), QStringLiteral("#/components/schemas/a~1b")).isEmpty());
    QVERIFY(!validator.validate(parse("1"), parse(R"({"$ref":"#/components/schemas/Missing"})")).isEmpty());
    QVERIFY(!validator.validate(parse("1"), QStringLiteral("#/components/schemas/Missing")).isEmpty());
}

void TestJsonSchemaValidator::openApiLeftoversAreNormalised_data()
{
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<QByteArray>("instance");
    QTest::addColumn<bool>("valid");
    QTest::newRow("nullable accepts null") << QByteArray(R"({"type":"string","nullable":true})") << QByteArray("null") << true;
    QTest::newRow("nullable keeps the type") << QByteArray(R"({"type":"string","nullable":true})") << QByteArray("1") << false;
    QTest::newRow("not nullable") << QByteArray(R"({"type":"string"})") << QByteArray("null") << false;
    QTest::newRow("nullable enum") << QByteArray(R"({"type":"string","enum":["a"],"nullable":true})") << QByteArray("null") << true;
    QTest::newRow("nullable $ref sibling")
        << QByteArray(R"({"$ref":"#/components/schemas/S","nullable":true})") << QByteArray("null") << true;
    QTest::newRow("boolean exclusiveMinimum: 1.0 > 0") << QByteArray(R"({"type":"number","minimum":0,"exclusiveMinimum":true})")
                                                        << QByteArray("1.0") << true;
    QTest::newRow("boolean exclusiveMinimum: 0.1 > 0") << QByteArray(R"({"type":"number","minimum":0,"exclusiveMinimum":true})")
                                                        << QByteArray("0.1") << true;
    QTest::newRow("boolean exclusiveMinimum: 0 rejected")
        << QByteArray(R"({"type":"number","minimum":0,"exclusiveMinimum":true})") << QByteArray("0") << false;
    QTest::newRow("boolean exclusiveMaximum") << QByteArray(R"({"maximum":2,"exclusiveMaximum":true})") << QByteArray("2") << false;
}

void TestJsonSchemaValidator::openApiLeftoversAreNormalised()
{
    QFETCH(QByteArray, schema);
    QFETCH(QByteArray, instance);
    QFETCH(bool, valid);
    JsonSchemaValidator validator(parse(R"({"components":{"schemas":{"S":{"type":"object"}}}})").toObject());
    const QList<SchemaError> errors = validator.validate(parse(instance), parse(schema));
    QVERIFY2(errors.isEmpty() == valid, qPrintable(JsonSchemaValidator::format(errors)));
}

void TestJsonSchemaValidator::specAcceptsAWellFormedChatRequest()
{
    TB_REQUIRE_SHARED(specPath, "api/openai-subset.json");
    const auto validator = JsonSchemaValidator::fromFile(specPath);
    QVERIFY(validator.ok());
    const QJsonValue schema = validator->requestSchema(QStringLiteral("/chat/completions"), QStringLiteral("post"));
    QVERIFY(schema.isObject());
    const QJsonValue body = parse(R"({"model":"gpt-4o-mini","messages":[{"role":"system","content":"s"},
        {"role":"user","content":"hi"}],"temperature":0.2,"n":1,"stream":true,"stream_options":{"include_usage":true}})");
    const QList<SchemaError> errors = validator->validate(body, schema);
    QVERIFY2(errors.isEmpty(), qPrintable(JsonSchemaValidator::format(errors)));
    // The OpenAPI 3.0 exclusiveMinimum form, in the real spec: 1.0 and 0.1 are valid, 0 is not.
    const QString supervised = QStringLiteral("#/components/schemas/FineTuneSupervisedHyperparameters");
    QVERIFY(validator->validate(parse(R"({"learning_rate_multiplier":1.0})"), supervised).isEmpty());
    QVERIFY(!validator->validate(parse(R"({"learning_rate_multiplier":0})"), supervised).isEmpty());
    const QString dpo = QStringLiteral("#/components/schemas/FineTuneDPOHyperparameters");
    QVERIFY(validator->validate(parse(R"({"beta":0.1})"), dpo).isEmpty());
    QVERIFY(!validator->validate(parse(R"({"beta":0})"), dpo).isEmpty());
}

void TestJsonSchemaValidator::specRejectsBadChatRequests_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("no messages") << QByteArray(R"({"model":"m"})");
    QTest::newRow("empty messages") << QByteArray(R"({"model":"m","messages":[]})");
    QTest::newRow("no model") << QByteArray(R"({"messages":[{"role":"user","content":"hi"}]})");
    QTest::newRow("unknown role") << QByteArray(R"({"model":"m","messages":[{"role":"wizard","content":"hi"}]})");
    QTest::newRow("temperature too high") << QByteArray(R"({"model":"m","messages":[{"role":"user","content":"hi"}],"temperature":3})");
    QTest::newRow("n zero") << QByteArray(R"({"model":"m","messages":[{"role":"user","content":"hi"}],"n":0})");
    QTest::newRow("stream not boolean") << QByteArray(R"({"model":"m","messages":[{"role":"user","content":"hi"}],"stream":"yes"})");
}

void TestJsonSchemaValidator::specRejectsBadChatRequests()
{
    QFETCH(QByteArray, body);
    TB_REQUIRE_SHARED(specPath, "api/openai-subset.json");
    const auto validator = JsonSchemaValidator::fromFile(specPath);
    QVERIFY(validator.ok());
    const QJsonValue schema = validator->requestSchema(QStringLiteral("/chat/completions"), QStringLiteral("post"));
    QVERIFY(!validator->validate(parse(body), schema).isEmpty());
}

void TestJsonSchemaValidator::specStreamChunkAndErrorSchemasWork()
{
    TB_REQUIRE_SHARED(specPath, "api/openai-subset.json");
    const auto validator = JsonSchemaValidator::fromFile(specPath);
    QVERIFY(validator.ok());
    const QString chunk = QStringLiteral("#/components/schemas/CreateChatCompletionStreamResponse");
    const QJsonValue good = parse(R"({"id":"c","object":"chat.completion.chunk","created":1,"model":"m",
        "choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":null,"logprobs":null}],"usage":null})");
    QVERIFY2(validator->validate(good, chunk).isEmpty(), qPrintable(JsonSchemaValidator::format(validator->validate(good, chunk))));
    QVERIFY(validator->validate(parse(R"({"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[],
        "usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}})"), chunk).isEmpty());
    QVERIFY(!validator->validate(parse(R"({"id":"c","object":"chat.completion","created":1,"model":"m","choices":[]})"), chunk).isEmpty());
    QVERIFY(!validator->validate(parse(R"({"id":"c","object":"chat.completion.chunk","created":1,"model":"m",
        "choices":[{"index":0,"delta":{},"finish_reason":"bored"}]})"), chunk).isEmpty());
    const QString envelope = QStringLiteral("#/components/schemas/ErrorResponse");
    QVERIFY(validator->validate(parse(R"({"error":{"message":"m","type":"t","param":null,"code":null}})"), envelope).isEmpty());
    QVERIFY(!validator->validate(parse(R"({"error":{"message":"m"}})"), envelope).isEmpty());
}

QTEST_GUILESS_MAIN(TestJsonSchemaValidator)
#include "tst_jsonschemavalidator.moc"
