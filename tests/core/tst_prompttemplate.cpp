// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/prompttemplate.h"
#include "sharedfixtures.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using Values = QHash<QString, QString>;
using tb::PromptTemplate;

namespace {

QByteArray readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QJsonObject parseObject(const QByteArray& json)
{
    return QJsonDocument::fromJson(json).object();
}

// Every object key in document order with its depth ("1:messages", "3:role", ...),
// read straight from the text, since QJsonObject forgets the order.
QStringList keysInOrder(const QByteArray& json)
{
    QStringList keys;
    QList<char> stack;
    bool expectKey = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (c == '"') {
            const qsizetype begin = i;
            for (++i; i < json.size() && json.at(i) != '"'; ++i) {
                if (json.at(i) == '\\')
                    ++i;
            }
            if (expectKey) {
                const QString key = QJsonDocument::fromJson('[' + json.mid(begin, i + 1 - begin) + ']')
                                        .array()
                                        .at(0)
                                        .toString();
                keys.append(QString::number(stack.size()) + QLatin1Char(':') + key);
                expectKey = false;
            }
        } else if (c == '{' || c == '[') {
            stack.append(c);
            expectKey = c == '{';
        } else if (c == '}' || c == ']') {
            stack.removeLast();
            expectKey = false;
        } else if (c == ',') {
            expectKey = !stack.isEmpty() && stack.last() == '{';
        }
    }
    return keys;
}

// The book's templates (../shared/book/templates) and their placeholder names.
void addBookRows()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("chat");
    QTest::addColumn<QStringList>("names");
    const QStringList actionDocument { QStringLiteral("action"), QStringLiteral("document") };
    QTest::newRow("jsonl") << "jsonl.json" << true
                           << QStringList { QStringLiteral("info"), QStringLiteral("n") };
    QTest::newRow("lawyer") << "lawyer.json" << false << actionDocument;
    QTest::newRow("lawyer_chat") << "lawyer_chat.json" << true << actionDocument;
    QTest::newRow("order") << "order.json" << true << QStringList {};
    QTest::newRow("phone") << "phone.json" << true << QStringList {};
    QTest::newRow("rewrite") << "rewrite.json" << true
                             << QStringList { QStringLiteral("sample"), QStringLiteral("text") };
    QTest::newRow("selection_chat") << "selection_chat.json" << true << QStringList { QStringLiteral("ask") };
    QTest::newRow("sentiment") << "sentiment.json" << true << QStringList { QStringLiteral("review") };
    QTest::newRow("translate") << "translate.json" << true << QStringList { QStringLiteral("text") };
    QTest::newRow("writer") << "writer.json" << true << actionDocument;
    QTest::newRow("writer_chat") << "writer_chat.json" << true << actionDocument;
    QTest::newRow("xml") << "xml.json" << true << QStringList { QStringLiteral("entity") };
}

QStringList bundledTemplateFiles()
{
    const QDir dir(tb::test::sourcePath(QStringLiteral("templates")));
    QStringList files;
    for (const QString& name : dir.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name))
        files.append(dir.filePath(name));
    return files;
}

} // namespace

class TestPromptTemplate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bookTemplateLoadsWithItsParameters_data() { addBookRows(); }
    void bookTemplateLoadsWithItsParameters();
    void bookTemplateRendersLikeTheChapterPython_data() { addBookRows(); }
    void bookTemplateRendersLikeTheChapterPython();
    void bookTemplateRoundTripKeepsMeaningAndKeyOrder_data() { addBookRows(); }
    void bookTemplateRoundTripKeepsMeaningAndKeyOrder();

    void invalidTemplateReportsWhere_data();
    void invalidTemplateReportsWhere();
    void acceptedShapes_data();
    void acceptedShapes();

    void parameterNamesFollowMessageOrder();
    void metadataDescribesParameters();
    void metadataIsNeverRendered();
    void defaultFillsOnlyMissingValues();
    void escapeIsNeverAParameter();
    void contentPartsRenderTextOnly();
    void renderAddsNoModelOrStream();
    void unknownMetadataKeysSurviveSave();
    void savedFileLooksHandWritten();
    void setRequestParameterKeepsParametersTogether();
    void settingBodySwitchesKind();
    void editedMessageKeepsItsKeyOrder();
    void metadataSettersRoundTrip();
    void saveAndLoadThroughAFile();
    void saveToAMissingFolderFails();
    void loadMissingFileNamesIt();

    void bundledTemplateLoadsAndIsDescribed_data();
    void bundledTemplateLoadsAndIsDescribed();
};

void TestPromptTemplate::bookTemplateLoadsWithItsParameters()
{
    QFETCH(QString, file);
    QFETCH(bool, chat);
    QFETCH(QStringList, names);
    TB_REQUIRE_SHARED(folder, "book/templates");
    const QString path = QDir(folder).filePath(file);
    const auto loaded = PromptTemplate::load(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
    QCOMPARE(loaded->kind() == PromptTemplate::Kind::Chat, chat);
    QCOMPARE(loaded->parameterNames(), names);

    QJsonObject expectedParameters = parseObject(readFile(path));
    expectedParameters.remove(QStringLiteral("messages"));
    expectedParameters.remove(QStringLiteral("prompt"));
    QCOMPARE(loaded->requestParameters(), expectedParameters);
    QCOMPARE(loaded->description(), QString());
}

void TestPromptTemplate::bookTemplateRendersLikeTheChapterPython()
{
    QFETCH(QString, file);
    QFETCH(QStringList, names);
    TB_REQUIRE_SHARED(folder, "book/templates");
    const QString path = QDir(folder).filePath(file);
    const auto loaded = PromptTemplate::load(path);
    QVERIFY(loaded.ok());

    // The chapter's ChatTemplate.completion() deep-copies the template and runs
    // insert_params over each message's content (Template: over the prompt). For these
    // templates and values (no braces in the values), insert_params is a plain
    // replace of each "{{name}}"; python3 confirmed that for every book template, with
    // all values and with only the first. So the expectation is built by that replace
    // on an independent parse of the file.
    for (const bool allValues : { true, false }) {
        Values values;
        for (const QString& name : names) {
            if (allValues || values.isEmpty())
                values.insert(
                    name, QStringLiteral("\u00ab%1\u00bb value\nwith $1 and \\ and \u00fc").arg(name));
        }
        const auto fill = [&values](QString text) {
            for (auto it = values.constBegin(); it != values.constEnd(); ++it)
                text.replace(QStringLiteral("{{") + it.key() + QStringLiteral("}}"), it.value());
            return text;
        };
        QJsonObject expected = parseObject(readFile(path));
        if (expected.contains(QStringLiteral("prompt"))) {
            expected.insert(
                QStringLiteral("prompt"), fill(expected.value(QStringLiteral("prompt")).toString()));
        } else {
            QJsonArray messages = expected.value(QStringLiteral("messages")).toArray();
            for (qsizetype i = 0; i < messages.size(); ++i) {
                QJsonObject message = messages.at(i).toObject();
                message.insert(
                    QStringLiteral("content"), fill(message.value(QStringLiteral("content")).toString()));
                messages.replace(i, message);
            }
            expected.insert(QStringLiteral("messages"), messages);
        }
        QCOMPARE(loaded->render(values), expected);
    }
}

void TestPromptTemplate::bookTemplateRoundTripKeepsMeaningAndKeyOrder()
{
    QFETCH(QString, file);
    TB_REQUIRE_SHARED(folder, "book/templates");
    const QByteArray original = readFile(QDir(folder).filePath(file));
    const auto loaded = PromptTemplate::fromJson(original, file);
    QVERIFY(loaded.ok());
    const QByteArray saved = loaded->toJson();
    QCOMPARE(QJsonDocument::fromJson(saved), QJsonDocument::fromJson(original));
    QCOMPARE(keysInOrder(saved), keysInOrder(original));

    const auto reloaded = PromptTemplate::fromJson(saved);
    QVERIFY(reloaded.ok());
    QCOMPARE(reloaded->toJson(), saved);
}

void TestPromptTemplate::invalidTemplateReportsWhere_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");

    // Syntax errors: QJsonParseError's offset, which lies just past the token it choked on.
    QTest::newRow("missing comma") << QByteArray("{\n    \"a\": 1\n    \"messages\": []\n}") << 3 << 6 << ""
                                   << "invalid JSON: unterminated object";
    QTest::newRow("trailing comma") << QByteArray("{\n    \"messages\": [],\n}") << 3 << 2 << ""
                                    << "invalid JSON: object is missing after a comma";
    QTest::newRow("bad literal") << QByteArray("{\n    \"temperature\": tru,\n    \"prompt\": \"\"\n}") << 2
                                 << 24 << ""
                                 << "invalid JSON: illegal value";
    QTest::newRow("empty file") << QByteArray() << 1 << 1 << ""
                                << "invalid JSON: illegal value";
    QTest::newRow("columns count characters")
        << QByteArray("{ \"prompt\": \"\xc3\xa9t\xc3\xa9\" \"x\" }") << 1 << 20 << ""
        << "invalid JSON: unterminated object";

    // Shape errors: the position of the offending value (or of the object lacking a key).
    QTest::newRow("top level list") << QByteArray("\n  [1]") << 2 << 3 << ""
                                    << "expected a JSON object at the top level";
    QTest::newRow("neither") << QByteArray("{\n    \"temperature\": 0\n}") << 1 << 1 << ""
                             << "a template needs \"messages\" (chat) or \"prompt\" (completion)";
    QTest::newRow("both") << QByteArray("{\n    \"messages\": [],\n    \"prompt\": \"x\"\n}") << 3 << 15
                          << "prompt"
                          << "a template has either \"messages\" or \"prompt\", not both";
    QTest::newRow("both, prompt first")
        << QByteArray("{ \"prompt\": \"x\", \"messages\": [] }") << 1 << 30 << "messages"
        << "a template has either \"messages\" or \"prompt\", not both";
    QTest::newRow("messages not a list") << QByteArray("{\n  \"messages\": {}\n}") << 2 << 15 << "messages"
                                         << "expected a list of messages, got an object";
    QTest::newRow("message not an object")
        << QByteArray("{ \"messages\": [\"hi\"] }") << 1 << 16 << "messages[0]"
        << "expected a message object, got a string";
    QTest::newRow("role missing") << QByteArray("{ \"messages\": [\n    { \"content\": \"x\" }\n] }") << 2
                                  << 5 << "messages[0]"
                                  << "a message needs a \"role\"";
    QTest::newRow("role not a string")
        << QByteArray("{\n\t\"messages\": [\n\t\t{ \"role\": \"user\", \"content\": \"a\" },\n\t\t{ "
                      "\"role\": 1, \"content\": \"b\" }\n\t]\n}")
        << 4 << 13 << "messages[1].role"
        << "expected a string, got a number";
    QTest::newRow("name not a string")
        << QByteArray("{ \"messages\": [{ \"role\": \"user\", \"name\": [], \"content\": \"\" }] }") << 1
        << 42 << "messages[0].name"
        << "expected a string, got a list";
    QTest::newRow("content missing") << QByteArray("{ \"messages\": [{ \"role\": \"user\" }] }") << 1 << 16
                                     << "messages[0]"
                                     << "a message needs a \"content\"";
    QTest::newRow("content a number") << QByteArray(
        "{\n    \"messages\": [\n        { \"role\": \"system\", \"content\": \"s\" },\n        { \"role\": "
        "\"user\", \"content\": \"u\" },\n        { \"role\": \"user\", \"content\": 3 }\n    ]\n}")
                                      << 5 << 38 << "messages[2].content"
                                      << "expected a string or a list of content parts, got a number";
    QTest::newRow("content null without tool calls")
        << QByteArray("{ \"messages\": [{ \"role\": \"assistant\", \"content\": null }] }") << 1 << 50
        << "messages[0].content"
        << "expected a string, got null";
    QTest::newRow("content part not an object")
        << QByteArray("{ \"messages\": [{ \"role\": \"user\", \"content\": [\"x\"] }] }") << 1 << 46
        << "messages[0].content[0]"
        << "expected a content part object, got a string";
    QTest::newRow("content part without type")
        << QByteArray("{ \"messages\": [{ \"role\": \"user\", \"content\": [{ \"text\": \"x\" }] }] }") << 1
        << 46 << "messages[0].content[0]"
        << "a content part needs a \"type\"";
    QTest::newRow("text part text not a string") << QByteArray(
        "{ \"messages\": [{ \"role\": \"user\", \"content\": [{ \"type\": \"text\", \"text\": false }] }] }")
                                                 << 1 << 72 << "messages[0].content[0].text"
                                                 << "expected a string, got true/false";
    QTest::newRow("prompt not a string")
        << QByteArray("{ \"prompt\": [\"a\", \"b\"] }") << 1 << 13 << "prompt"
        << "expected a string, got a list";
    QTest::newRow("metadata not an object")
        << QByteArray("{ \"prompt\": \"\", \"x-tunebench\": \"about\" }") << 1 << 32 << "x-tunebench"
        << "expected an object, got a string";
    QTest::newRow("metadata description")
        << QByteArray("{ \"prompt\": \"\", \"x-tunebench\": { \"description\": 1 } }") << 1 << 49
        << "x-tunebench.description"
        << "expected a string, got a number";
    QTest::newRow("metadata parameters")
        << QByteArray("{ \"prompt\": \"\", \"x-tunebench\": { \"parameters\": [] } }") << 1 << 48
        << "x-tunebench.parameters"
        << "expected an object, got a list";
    QTest::newRow("metadata parameter entry")
        << QByteArray("{ \"prompt\": \"\",\n  \"x-tunebench\": {\n    \"parameters\": {\n      \"text\": "
                      "\"the text\"\n    }\n  }\n}")
        << 4 << 15 << "x-tunebench.parameters.text"
        << "expected an object, got a string";
    QTest::newRow("metadata default") << QByteArray(
        "{ \"prompt\": \"\", \"x-tunebench\": { \"parameters\": { \"n\": { \"default\": true } } } }")
                                      << 1 << 68 << "x-tunebench.parameters.n.default"
                                      << "expected a string or a number, got true/false";
    QTest::newRow("metadata flag") << QByteArray(
        "{ \"prompt\": \"\", \"x-tunebench\": { \"parameters\": { \"n\": { \"multiline\": \"yes\" } } } }")
                                   << 1 << 70 << "x-tunebench.parameters.n.multiline"
                                   << "expected true or false, got a string";
    QTest::newRow("after a byte order mark")
        << QByteArray("\xEF\xBB\xBF{ \"prompt\": 1 }") << 1 << 13 << "prompt"
        << "expected a string, got a number";
    QTest::newRow("escaped key") << QByteArray("{ \"pro\\u006dpt\": 2 }") << 1 << 18 << "prompt"
                                 << "expected a string, got a number";
}

void TestPromptTemplate::invalidTemplateReportsWhere()
{
    QFETCH(QByteArray, json);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, path);
    QFETCH(QString, message);
    const auto loaded = PromptTemplate::fromJson(json, QStringLiteral("broken.json"));
    QVERIFY(!loaded.ok());
    const tb::Error& error = loaded.error();
    QCOMPARE(error.message, message);
    QCOMPARE(error.path, path);
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
    QCOMPARE(error.file, QStringLiteral("broken.json"));
}

void TestPromptTemplate::acceptedShapes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("empty messages") << QByteArray("{ \"messages\": [] }") << QStringList {};
    QTest::newRow("empty prompt") << QByteArray("{ \"prompt\": \"\" }") << QStringList {};
    QTest::newRow("tool call without content")
        << QByteArray("{ \"messages\": [{ \"role\": \"assistant\", \"tool_calls\": [] }, { \"role\": "
                      "\"tool\", \"tool_call_id\": \"1\", \"content\": \"{{r}}\" }] }")
        << QStringList { QStringLiteral("r") };
    QTest::newRow("tool call with null content") << QByteArray(
        "{ \"messages\": [{ \"role\": \"assistant\", \"content\": null, \"tool_calls\": [] }] }")
                                                 << QStringList {};
    QTest::newRow("image part") << QByteArray(
        "{ \"messages\": [{ \"role\": \"user\", \"content\": [{ \"type\": \"image_url\", \"image_url\": { "
        "\"url\": \"{{u}}\" } }, { \"type\": \"text\", \"text\": \"{{q}}\" }] }] }")
                                << QStringList { QStringLiteral("q") };
    QTest::newRow("numeric default and unknown keys") << QByteArray(
        "{ \"prompt\": \"{{n}}\", \"x-tunebench\": { \"v\": 2, \"parameters\": { \"n\": { \"default\": 20, "
        "\"x\": [] } } } }") << QStringList { QStringLiteral("n") };
}

void TestPromptTemplate::acceptedShapes()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, names);
    const auto loaded = PromptTemplate::fromJson(json);
    QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
    QCOMPARE(loaded->parameterNames(), names);
    QCOMPARE(QJsonDocument::fromJson(loaded->toJson()), QJsonDocument::fromJson(json));
}

void TestPromptTemplate::parameterNamesFollowMessageOrder()
{
    const auto loaded = PromptTemplate::fromJson(R"({ "messages": [
        { "role": "system", "content": "You are {{persona}}. {{ rules }}" },
        { "role": "user", "content": "{{question}} about {{persona}}" },
        { "role": "assistant", "content": "{{answer}} {{rules}}" },
        { "role": "user", "content": [{ "type": "text", "text": "{{follow_up}}" }] }
    ] })");
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->parameterNames(),
        (QStringList { QStringLiteral("persona"), QStringLiteral("rules"), QStringLiteral("question"),
            QStringLiteral("answer"), QStringLiteral("follow_up") }));
}

void TestPromptTemplate::metadataDescribesParameters()
{
    const auto loaded = PromptTemplate::fromJson(R"({
        "prompt": "{{chunk}} {{n}} {{plain}}",
        "x-tunebench": {
            "description": "Makes pairs",
            "parameters": {
                "n": { "description": "How many", "default": 20 },
                "chunk": { "description": "Source text", "default": "", "multiline": true, "file": true },
                "unused": { "description": "Not in the text" }
            }
        }
    })");
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->description(), QStringLiteral("Makes pairs"));
    const QList<tb::ParameterSpec> specs = loaded->parameters();
    QCOMPARE(specs.size(), 3);
    tb::ParameterSpec chunk { QStringLiteral("chunk"), QStringLiteral("Source text"), QString(), true, true,
        true };
    tb::ParameterSpec n { QStringLiteral("n"), QStringLiteral("How many"), QStringLiteral("20"), true, false,
        false };
    tb::ParameterSpec plain;
    plain.name = QStringLiteral("plain");
    QCOMPARE(specs.at(0), chunk);
    QCOMPARE(specs.at(1), n);
    QCOMPARE(specs.at(2), plain);
}

void TestPromptTemplate::metadataIsNeverRendered()
{
    const auto loaded = PromptTemplate::fromJson(
        R"({ "temperature": 0, "x-tunebench": { "description": "d" }, "messages": [{ "role": "user", "content": "{{a}}" }] })");
    QVERIFY(loaded.ok());
    const QJsonObject body = loaded->render({ { QStringLiteral("a"), QStringLiteral("A") } });
    QVERIFY(!body.contains(PromptTemplate::metadataKey()));
    QVERIFY(!loaded->requestParameters().contains(PromptTemplate::metadataKey()));
    QCOMPARE(body, parseObject(R"({ "temperature": 0, "messages": [{ "role": "user", "content": "A" }] })"));
}

void TestPromptTemplate::defaultFillsOnlyMissingValues()
{
    const auto loaded = PromptTemplate::fromJson(R"({ "prompt": "{{a}}|{{ b }}|{{c}}",
        "x-tunebench": { "parameters": { "a": { "default": "A0" }, "b": { "default": "" }, "c": {} } } })");
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->render({}).value(QStringLiteral("prompt")).toString(), QStringLiteral("A0||{{c}}"));
    QCOMPARE(
        loaded->render({ { QStringLiteral("a"), QString() }, { QStringLiteral("b"), QStringLiteral("B") } })
            .value(QStringLiteral("prompt"))
            .toString(),
        QStringLiteral("|B|{{c}}"));
}

void TestPromptTemplate::escapeIsNeverAParameter()
{
    const auto loaded = PromptTemplate::fromJson(
        R"({ "messages": [{ "role": "user", "content": "Write {{ \"{{\" }}name}} to mean {{name}}." }] })");
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->parameterNames(), QStringList { QStringLiteral("name") });
    const QJsonObject body = loaded->render({ { QStringLiteral("name"), QStringLiteral("Ada") } });
    QCOMPARE(body.value(QStringLiteral("messages"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("content"))
                 .toString(),
        QStringLiteral("Write {{name}} to mean Ada."));
}

void TestPromptTemplate::contentPartsRenderTextOnly()
{
    const auto loaded
        = PromptTemplate::fromJson(R"({ "messages": [{ "role": "user", "name": "{{q}}", "content": [
        { "type": "text", "text": "Describe {{q}}" },
        { "type": "image_url", "image_url": { "url": "https://example.invalid/{{q}}.png" } }
    ] }] })");
    QVERIFY(loaded.ok());
    const QJsonObject body = loaded->render({ { QStringLiteral("q"), QStringLiteral("cats") } });
    QCOMPARE(body, parseObject(R"({ "messages": [{ "role": "user", "name": "{{q}}", "content": [
        { "type": "text", "text": "Describe cats" },
        { "type": "image_url", "image_url": { "url": "https://example.invalid/{{q}}.png" } }
    ] }] })"));
}

void TestPromptTemplate::renderAddsNoModelOrStream()
{
    const auto loaded = PromptTemplate::fromJson(
        R"({ "temperature": 0, "stop": ["\n"], "max_tokens": 16, "prompt": "Q: {{q}}\nA:" })");
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->render({ { QStringLiteral("q"), QStringLiteral("Who?") } }),
        parseObject(R"({ "temperature": 0, "stop": ["\n"], "max_tokens": 16, "prompt": "Q: Who?\nA:" })"));
}

void TestPromptTemplate::unknownMetadataKeysSurviveSave()
{
    const QByteArray json = R"({ "prompt": "{{a}}", "x-tunebench": { "version": 3, "tags": ["x"],
        "parameters": { "a": { "description": "A", "widget": "spin" } } } })";
    auto loaded = PromptTemplate::fromJson(json);
    QVERIFY(loaded.ok());
    tb::ParameterSpec spec = loaded->parameter(QStringLiteral("a"));
    spec.multiline = true;
    loaded->setParameterSpec(spec);
    const QJsonObject saved = parseObject(loaded->toJson());
    QCOMPARE(
        saved.value(PromptTemplate::metadataKey()).toObject(), parseObject(R"({ "version": 3, "tags": ["x"],
                 "parameters": { "a": { "description": "A", "widget": "spin", "multiline": true } } })"));
}

void TestPromptTemplate::savedFileLooksHandWritten()
{
    const auto loaded = PromptTemplate::fromJson(
        R"({"max_tokens":5,"stop":["\n","END"],"messages":[{"content":"Hi {{who}}","role":"user"}],
        "x-tunebench":{"parameters":{"who":{"multiline":false,"description":"Who"}},"description":"Greets"},
        "response_format":{"type":"json_schema","json_schema":{"name":"x","schema":{"type":"object"}}}})");
    QVERIFY(loaded.ok());
    // Key order is kept as loaded at every level; flat objects and lists stay on one line.
    const QByteArray expected = R"({
    "max_tokens": 5,
    "stop": ["\n", "END"],
    "messages": [
        { "content": "Hi {{who}}", "role": "user" }
    ],
    "x-tunebench": {
        "parameters": {
            "who": { "multiline": false, "description": "Who" }
        },
        "description": "Greets"
    },
    "response_format": {
        "type": "json_schema",
        "json_schema": {
            "name": "x",
            "schema": { "type": "object" }
        }
    }
}
)";
    QCOMPARE(loaded->toJson(), expected);
}

void TestPromptTemplate::setRequestParameterKeepsParametersTogether()
{
    auto loaded = PromptTemplate::fromJson(
        R"({ "temperature": 1, "messages": [], "x-tunebench": { "description": "d" } })");
    QVERIFY(loaded.ok());
    loaded->setRequestParameter(QStringLiteral("max_tokens"), 10);
    loaded->setRequestParameter(QStringLiteral("temperature"), QJsonValue(QJsonValue::Undefined));
    loaded->setRequestParameter(QStringLiteral("top_p"), 0.5);
    loaded->setRequestParameter(QStringLiteral("messages"), QStringLiteral("ignored"));
    loaded->setRequestParameter(PromptTemplate::metadataKey(), QJsonValue(QJsonValue::Undefined));
    QCOMPARE(keysInOrder(loaded->toJson()),
        (QStringList { QStringLiteral("1:max_tokens"), QStringLiteral("1:top_p"),
            QStringLiteral("1:messages"), QStringLiteral("1:x-tunebench"),
            QStringLiteral("2:description") }));
    QCOMPARE(loaded->requestParameters(), parseObject(R"({ "max_tokens": 10, "top_p": 0.5 })"));

    PromptTemplate fresh;
    fresh.setRequestParameter(QStringLiteral("n"), 2);
    QCOMPARE(
        keysInOrder(fresh.toJson()), (QStringList { QStringLiteral("1:n"), QStringLiteral("1:messages") }));
}

void TestPromptTemplate::settingBodySwitchesKind()
{
    auto loaded = PromptTemplate::fromJson(R"({ "temperature": 0, "prompt": "{{a}}", "stop": ["\n"] })");
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->kind(), PromptTemplate::Kind::Completion);
    QJsonArray messages { QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
        { QStringLiteral("content"), QStringLiteral("{{b}}") } } };
    loaded->setMessages(messages);
    QCOMPARE(loaded->kind(), PromptTemplate::Kind::Chat);
    QCOMPARE(loaded->parameterNames(), QStringList { QStringLiteral("b") });
    QCOMPARE(loaded->prompt(), QString());
    QCOMPARE(keysInOrder(loaded->toJson()),
        (QStringList { QStringLiteral("1:temperature"), QStringLiteral("1:messages"),
            QStringLiteral("3:role"), QStringLiteral("3:content"), QStringLiteral("1:stop") }));
    loaded->setPrompt(QStringLiteral("{{c}}"));
    QCOMPARE(loaded->kind(), PromptTemplate::Kind::Completion);
    QVERIFY(loaded->messages().isEmpty());
    QCOMPARE(keysInOrder(loaded->toJson()),
        (QStringList {
            QStringLiteral("1:temperature"), QStringLiteral("1:prompt"), QStringLiteral("1:stop") }));
}

void TestPromptTemplate::editedMessageKeepsItsKeyOrder()
{
    auto loaded = PromptTemplate::fromJson(R"({ "messages": [{ "content": "{{a}}", "role": "user" }] })");
    QVERIFY(loaded.ok());
    QJsonArray messages = loaded->messages();
    QJsonObject message = messages.at(0).toObject();
    message.insert(QStringLiteral("content"), QStringLiteral("{{b}}"));
    message.insert(QStringLiteral("name"), QStringLiteral("n"));
    messages.replace(0, message);
    messages.append(QJsonObject { { QStringLiteral("content"), QStringLiteral("c") },
        { QStringLiteral("role"), QStringLiteral("assistant") } });
    loaded->setMessages(messages);
    const QByteArray expected = R"({
    "messages": [
        { "content": "{{b}}", "role": "user", "name": "n" },
        { "role": "assistant", "content": "c" }
    ]
}
)";
    QCOMPARE(loaded->toJson(), expected);
    QCOMPARE(loaded->parameterNames(), QStringList { QStringLiteral("b") });
}

void TestPromptTemplate::metadataSettersRoundTrip()
{
    PromptTemplate fresh;
    fresh.setMessages({ QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
        { QStringLiteral("content"), QStringLiteral("{{z}} {{a}}") } } });
    fresh.setDescription(QStringLiteral("Test"));
    fresh.setParameterSpec(
        { QStringLiteral("a"), QStringLiteral("A"), QStringLiteral("x"), true, true, false });
    fresh.setParameterSpec({ QStringLiteral("z"), QStringLiteral("Z"), QString(), false, false, true });
    const QByteArray expected = R"({
    "messages": [
        { "role": "user", "content": "{{z}} {{a}}" }
    ],
    "x-tunebench": {
        "description": "Test",
        "parameters": {
            "z": { "description": "Z", "file": true },
            "a": { "description": "A", "default": "x", "multiline": true }
        }
    }
}
)";
    QCOMPARE(fresh.toJson(), expected);
    const auto reloaded = PromptTemplate::fromJson(fresh.toJson());
    QVERIFY(reloaded.ok());
    QCOMPARE(reloaded->parameters(), fresh.parameters());

    // Clearing everything removes the metadata key altogether.
    fresh.setDescription(QString());
    fresh.setParameterSpec({ QStringLiteral("a"), {}, {}, false, false, false });
    fresh.setParameterSpec({ QStringLiteral("z"), {}, {}, false, false, false });
    QVERIFY(!parseObject(fresh.toJson()).contains(PromptTemplate::metadataKey()));
}

void TestPromptTemplate::saveAndLoadThroughAFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("t.json"));
    auto loaded = PromptTemplate::fromJson(R"({ "temperature": 0.2, "prompt": "caf\u00e9 {{a}}" })");
    QVERIFY(loaded.ok());
    const tb::Status saved = loaded->save(path);
    QVERIFY(saved.ok());
    const auto reloaded = PromptTemplate::load(path);
    QVERIFY(reloaded.ok());
    QCOMPARE(reloaded->toJson(), loaded->toJson());
    QCOMPARE(readFile(path), loaded->toJson());
    QCOMPARE(reloaded->prompt(), QStringLiteral("caf\u00e9 {{a}}"));
}

void TestPromptTemplate::saveToAMissingFolderFails()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing/t.json"));
    const tb::Status saved = PromptTemplate().save(path);
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().file, path);
    QVERIFY(saved.error().message.startsWith(QStringLiteral("cannot write the template")));
}

void TestPromptTemplate::loadMissingFileNamesIt()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("absent.json"));
    const auto loaded = PromptTemplate::load(path);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().file, path);
    QVERIFY(loaded.error().message.startsWith(QStringLiteral("cannot read the template")));
}

void TestPromptTemplate::bundledTemplateLoadsAndIsDescribed_data()
{
    QTest::addColumn<QString>("path");
    const QStringList files = bundledTemplateFiles();
    for (const QString& path : files)
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
    if (files.isEmpty())
        QTest::newRow("none found") << QString();
}

void TestPromptTemplate::bundledTemplateLoadsAndIsDescribed()
{
    QFETCH(QString, path);
    QVERIFY2(!path.isEmpty(), "no bundled templates in templates/");
    const QByteArray json = readFile(path);
    const auto loaded = PromptTemplate::fromJson(json, path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
    QVERIFY(!loaded->description().isEmpty());
    QVERIFY(!loaded->requestParameters().contains(QStringLiteral("model")));

    // Every parameter is described, and no metadata describes a parameter that is gone.
    const QStringList names = loaded->parameterNames();
    for (const tb::ParameterSpec& spec : loaded->parameters())
        QVERIFY2(!spec.description.isEmpty(), qPrintable(spec.name));
    const QJsonObject described = parseObject(json)
                                      .value(PromptTemplate::metadataKey())
                                      .toObject()
                                      .value(QStringLiteral("parameters"))
                                      .toObject();
    for (const QString& name : described.keys())
        QVERIFY2(names.contains(name), qPrintable(name));

    // Stored exactly as the editor will save them, so saving never makes a diff.
    QCOMPARE(loaded->toJson(), json);
}

QTEST_GUILESS_MAIN(TestPromptTemplate)
#include "tst_prompttemplate.moc"
