// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// FewShotModel: rows are the user/assistant pairs after the system messages; table
// edits become template edits (undoable) and template edits show in the table.

#include "gui/fewshotmodel.h"
#include "gui/templatedocument.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QTest>

#include <memory>

using namespace tb;

namespace {

QJsonObject turn(const QString& role, const QString& content)
{
    return {{QStringLiteral("role"), role}, {QStringLiteral("content"), content}};
}

// system, (u1,a1), (u2,a2), user {{q}}
PromptTemplate sample()
{
    PromptTemplate t;
    t.setMessages(QJsonArray{turn(QStringLiteral("system"), QStringLiteral("Rate it.")),
                             turn(QStringLiteral("user"), QStringLiteral("u1")),
                             turn(QStringLiteral("assistant"), QStringLiteral("a1")),
                             turn(QStringLiteral("user"), QStringLiteral("u2")),
                             turn(QStringLiteral("assistant"), QStringLiteral("a2")),
                             turn(QStringLiteral("user"), QStringLiteral("{{q}}"))});
    return t;
}

QStringList contents(const TemplateDocument& document)
{
    QStringList out;
    for (const QJsonValue& message : document.content().messages())
        out.append(message.toObject().value(QStringLiteral("content")).toString());
    return out;
}

QStringList strs(std::initializer_list<const char*> items)
{
    QStringList out;
    for (const char* item : items)
        out.append(QString::fromUtf8(item));
    return out;
}

} // namespace

class TestFewShotModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void splitFindsPairsAfterSystemMessages_data();
    void splitFindsPairsAfterSystemMessages();
    void editingACellEditsTheTemplate();
    void addingARowInsertsATurnPairBeforeTheQuestion();
    void removingAndMovingRowsReordersTurns();
    void draggingARowMovesItsTurns();
    void undoingTheTemplateUpdatesTheTable();
    void templateEditsShowInTheTable();
    void importsChatAndPromptCompletionLines_data();
    void importsChatAndPromptCompletionLines();
    void exportsOneChatLinePerRow();
    void bundledTemplatesAreNotEditable();
    void promptTemplateRowsAreReadFromThePrompt();
    void promptTemplateRowEditsRewriteThePrompt_data();
    void promptTemplateRowEditsRewriteThePrompt();
    void changingTheLayoutRewritesThePromptAsOneUndoStep();
    void layoutThatWouldSplitARowIsRefused_data();
    void layoutThatWouldSplitARowIsRefused();
    void promptTemplateExportsPromptCompletionLines();
    void layoutUnderWhichTheInstructionsReadAsExamplesIsRefused();

private:
    std::unique_ptr<TemplateDocument> m_document;
    std::unique_ptr<FewShotModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestFewShotModel::init()
{
    m_document = std::make_unique<TemplateDocument>();
    m_document->reset(sample(), QStringLiteral("/tmp/sample.json"), TemplateEntry::Origin::User);
    m_model = std::make_unique<FewShotModel>(m_document.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestFewShotModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_document.reset();
}

void TestFewShotModel::splitFindsPairsAfterSystemMessages_data()
{
    QTest::addColumn<QStringList>("roles");
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("pairs");
    QTest::newRow("sentiment shape") << strs({"system", "user", "assistant", "user", "assistant", "user"}) << 1 << 2;
    QTest::newRow("no system") << strs({"user", "assistant", "user"}) << 0 << 1;
    QTest::newRow("only the question") << strs({"system", "user"}) << 1 << 0;
    QTest::newRow("adventure ends on assistant") << strs({"system", "user", "assistant"}) << 1 << 1;
    QTest::newRow("two system messages") << strs({"system", "developer", "user", "assistant"}) << 2 << 1;
    QTest::newRow("assistant first stops") << strs({"system", "assistant", "user", "assistant"}) << 1 << 0;
}

void TestFewShotModel::splitFindsPairsAfterSystemMessages()
{
    QFETCH(QStringList, roles);
    QFETCH(int, first);
    QFETCH(int, pairs);
    QJsonArray messages;
    for (const QString& role : roles)
        messages.append(turn(role, QStringLiteral("text")));
    const FewShotModel::Layout layout = FewShotModel::split(messages);
    QCOMPARE(layout.firstMessage, first);
    QCOMPARE(layout.examples.size(), pairs);
}

void TestFewShotModel::editingACellEditsTheTemplate()
{
    QCOMPARE(m_model->rowCount(), 2);
    QVERIFY(m_model->setData(m_model->index(1, FewShotModel::OutputColumn), QStringLiteral("A2!"), Qt::EditRole));
    QCOMPARE(contents(*m_document), (strs({"Rate it.", "u1", "a1", "u2", "A2!", "{{q}}"})));
    QVERIFY(m_model->setData(m_model->index(0, FewShotModel::NameColumn), QStringLiteral("alice"), Qt::EditRole));
    QCOMPARE(m_document->content().messages().at(1).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("alice"));
    QCOMPARE(m_document->undoStack()->count(), 2);
}

void TestFewShotModel::addingARowInsertsATurnPairBeforeTheQuestion()
{
    QVERIFY(m_model->insertRows(2, 1));
    QCOMPARE(m_model->rowCount(), 3);
    QVERIFY(m_model->setData(m_model->index(2, FewShotModel::InputColumn), QStringLiteral("u3"), Qt::EditRole));
    QVERIFY(m_model->setData(m_model->index(2, FewShotModel::OutputColumn), QStringLiteral("a3"), Qt::EditRole));
    QCOMPARE(contents(*m_document), (strs({"Rate it.", "u1", "a1", "u2", "a2", "u3", "a3", "{{q}}"})));
    QVERIFY(m_model->duplicateRow(0));
    QCOMPARE(contents(*m_document), (strs({"Rate it.", "u1", "a1", "u1", "a1", "u2", "a2", "u3", "a3", "{{q}}"})));
}

void TestFewShotModel::removingAndMovingRowsReordersTurns()
{
    QVERIFY(m_model->moveRows({}, 1, 1, {}, 0));
    QCOMPARE(contents(*m_document), (strs({"Rate it.", "u2", "a2", "u1", "a1", "{{q}}"})));
    QCOMPARE(m_model->index(0, 0).data().toString(), QStringLiteral("u2"));
    QVERIFY(m_model->removeRows(0, 1));
    QCOMPARE(contents(*m_document), (strs({"Rate it.", "u1", "a1", "{{q}}"})));
}

void TestFewShotModel::draggingARowMovesItsTurns()
{
    std::unique_ptr<QMimeData> dragged(m_model->mimeData({m_model->index(1, 0)}));
    QVERIFY(dragged);
    // false on purpose: the view must not remove a "source" of a move already done.
    QVERIFY(!m_model->dropMimeData(dragged.get(), Qt::MoveAction, 0, 0, {}));
    QCOMPARE(contents(*m_document), (strs({"Rate it.", "u2", "a2", "u1", "a1", "{{q}}"})));
    QCOMPARE(m_document->undoStack()->count(), 1);
}

void TestFewShotModel::undoingTheTemplateUpdatesTheTable()
{
    QVERIFY(m_model->removeRows(0, 2));
    QCOMPARE(m_model->rowCount(), 0);
    m_document->undoStack()->undo();
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->index(1, FewShotModel::OutputColumn).data().toString(), QStringLiteral("a2"));
    m_document->undoStack()->redo();
    QCOMPARE(m_model->rowCount(), 0);
}

void TestFewShotModel::templateEditsShowInTheTable()
{
    PromptTemplate edited = m_document->content();
    QJsonArray messages = edited.messages();
    messages.replace(3, turn(QStringLiteral("user"), QStringLiteral("changed in JSON")));
    edited.setMessages(messages);
    m_document->edit(edited, QStringLiteral("json"));
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->index(1, FewShotModel::InputColumn).data().toString(), QStringLiteral("changed in JSON"));
}

void TestFewShotModel::importsChatAndPromptCompletionLines_data()
{
    QTest::addColumn<QByteArray>("jsonl");
    QTest::addColumn<QStringList>("inputs");
    QTest::addColumn<int>("errorLine");
    QTest::newRow("chat")
        << QByteArray(R"({"messages":[{"role":"system","content":"s"},{"role":"user","content":"q"},{"role":"assistant","content":"a"}]})"
                      "\n")
        << strs({"q"}) << 0;
    QTest::newRow("prompt/completion") << QByteArray("{\"prompt\":\"p1\",\"completion\":\"c1\"}\n\n{\"prompt\":\"p2\",\"completion\":\"c2\"}")
                                       << strs({"p1", "p2"}) << 0;
    QTest::newRow("broken second line") << QByteArray("{\"prompt\":\"p1\",\"completion\":\"c1\"}\n{oops")
                                        << QStringList{} << 2;
}

void TestFewShotModel::importsChatAndPromptCompletionLines()
{
    QFETCH(QByteArray, jsonl);
    QFETCH(QStringList, inputs);
    QFETCH(int, errorLine);
    const Result<QList<FewShotModel::Example>> rows = FewShotModel::examplesFromJsonl(jsonl);
    if (errorLine > 0) {
        QVERIFY(!rows);
        QCOMPARE(rows.error().line, errorLine);
        return;
    }
    QVERIFY(rows);
    QStringList got;
    for (const FewShotModel::Example& example : rows.value())
        got.append(example.input);
    QCOMPARE(got, inputs);
    QVERIFY(m_model->insertExamples(-1, rows.value(), QStringLiteral("import")));
    QCOMPARE(m_model->rowCount(), 2 + inputs.size());
}

void TestFewShotModel::exportsOneChatLinePerRow()
{
    const QList<QByteArray> lines = m_model->toJsonl().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonArray turns = QJsonDocument::fromJson(lines.at(1)).object().value(QStringLiteral("messages")).toArray();
    QCOMPARE(turns.size(), 3);
    QCOMPARE(turns.at(0).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("system"));
    QCOMPARE(turns.at(1).toObject().value(QStringLiteral("content")).toString(), QStringLiteral("u2"));
    QCOMPARE(turns.at(2).toObject().value(QStringLiteral("content")).toString(), QStringLiteral("a2"));
}

void TestFewShotModel::bundledTemplatesAreNotEditable()
{
    m_document->reset(sample(), QStringLiteral(":/templates/sample.json"), TemplateEntry::Origin::Bundled);
    QVERIFY(!(m_model->flags(m_model->index(0, 0)) & Qt::ItemIsEditable));
    QVERIFY(!m_model->setData(m_model->index(0, 0), QStringLiteral("x"), Qt::EditRole));
    QVERIFY(!m_model->insertRows(0, 1));
    QCOMPARE(m_model->rowCount(), 2);
}

namespace {

PromptTemplate promptSample()
{
    PromptTemplate t;
    t.setPrompt(QStringLiteral("Answer briefly.\n\nQ: a\nA: b\n\nQ: {{q}}\nA:"));
    return t;
}

} // namespace

void TestFewShotModel::promptTemplateRowsAreReadFromThePrompt()
{
    m_document->reset(promptSample(), QStringLiteral("/tmp/prompt.json"), TemplateEntry::Origin::User);
    QVERIFY(m_model->isPromptTemplate());
    QVERIFY(m_model->isEditable());
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->data(m_model->index(0, FewShotModel::InputColumn), Qt::DisplayRole).toString(), QStringLiteral("a"));
    QCOMPARE(m_model->data(m_model->index(0, FewShotModel::OutputColumn), Qt::DisplayRole).toString(), QStringLiteral("b"));
    QCOMPARE(m_model->headerData(FewShotModel::InputColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
             QStringLiteral("Input (Q:)"));
    QVERIFY(!(m_model->flags(m_model->index(0, FewShotModel::NameColumn)) & Qt::ItemIsEditable));
}

void TestFewShotModel::promptTemplateRowEditsRewriteThePrompt_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("expected");
    QTest::newRow("add") << QStringLiteral("add")
                         << QStringLiteral("Answer briefly.\n\nQ: a\nA: b\n\nQ: c\nA: d\n\nQ: {{q}}\nA:");
    QTest::newRow("edit") << QStringLiteral("edit") << QStringLiteral("Answer briefly.\n\nQ: a\nA: B!\n\nQ: {{q}}\nA:");
    QTest::newRow("remove") << QStringLiteral("remove") << QStringLiteral("Answer briefly.\n\nQ: {{q}}\nA:");
    QTest::newRow("move") << QStringLiteral("move")
                          << QStringLiteral("Answer briefly.\n\nQ: c\nA: d\n\nQ: a\nA: b\n\nQ: {{q}}\nA:");
}

void TestFewShotModel::promptTemplateRowEditsRewriteThePrompt()
{
    QFETCH(QString, operation);
    QFETCH(QString, expected);
    m_document->reset(promptSample(), QStringLiteral("/tmp/prompt.json"), TemplateEntry::Origin::User);
    const QString before = m_document->content().prompt();
    if (operation == QLatin1String("add") || operation == QLatin1String("move")) {
        QVERIFY(m_model->insertExamples(-1, {{QStringLiteral("c"), QStringLiteral("d"), {}}}, QStringLiteral("Add")));
        if (operation == QLatin1String("move"))
            QVERIFY(m_model->moveRows({}, 1, 1, {}, 0));
    } else if (operation == QLatin1String("edit")) {
        QVERIFY(m_model->setData(m_model->index(0, FewShotModel::OutputColumn), QStringLiteral("B!"), Qt::EditRole));
    } else {
        QVERIFY(m_model->removeRows(0, 1));
    }
    QCOMPARE(m_document->content().prompt(), expected);
    // The document and the table agree after a fresh read of the prompt.
    FewShotModel reread(m_document.get());
    QCOMPARE(reread.examples(), m_model->examples());
    while (m_document->undoStack()->canUndo())
        m_document->undoStack()->undo();
    QCOMPARE(m_document->content().prompt(), before);
    QCOMPARE(m_model->rowCount(), 1);
}

void TestFewShotModel::changingTheLayoutRewritesThePromptAsOneUndoStep()
{
    m_document->reset(promptSample(), QStringLiteral("/tmp/prompt.json"), TemplateEntry::Origin::User);
    const int steps = m_document->undoStack()->count();
    PromptExamples::Layout layout{QStringLiteral("Question: "), QStringLiteral("\nAnswer: "), QStringLiteral("\n")};
    QVERIFY(m_model->setPromptLayout(layout));
    QCOMPARE(m_document->content().prompt(), QStringLiteral("Answer briefly.\nQuestion: a\nAnswer: b\nQ: {{q}}\nA:"));
    QCOMPARE(m_model->promptLayout(), layout);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->headerData(FewShotModel::OutputColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
             QStringLiteral("Output (\\nAnswer:)"));
    // Typing on in a layout field merges into the same step.
    layout.outputPrefix = QStringLiteral("\nAnswer:: ");
    QVERIFY(m_model->setPromptLayout(layout));
    QCOMPARE(m_document->undoStack()->count(), steps + 1);
    m_document->undoStack()->undo();
    QCOMPARE(m_document->content().prompt(), promptSample().prompt());
    QCOMPARE(m_model->promptLayout(), PromptExamples::Layout());
    QCOMPARE(m_model->data(m_model->index(0, 0), Qt::DisplayRole).toString(), QStringLiteral("a"));
}

void TestFewShotModel::layoutThatWouldSplitARowIsRefused_data()
{
    QTest::addColumn<QString>("separator");
    QTest::addColumn<QString>("outputPrefix");
    QTest::newRow("separator inside an output") << QStringLiteral(" ") << QStringLiteral("\nA: ");
    QTest::newRow("empty output prefix") << QStringLiteral("\n\n") << QString();
}

void TestFewShotModel::layoutThatWouldSplitARowIsRefused()
{
    QFETCH(QString, separator);
    QFETCH(QString, outputPrefix);
    PromptTemplate t;
    t.setPrompt(QStringLiteral("Q: a\nA: two words\n\nQ: {{q}}\nA:"));
    m_document->reset(t, QStringLiteral("/tmp/prompt.json"), TemplateEntry::Origin::User);
    const Status refused = m_model->setPromptLayout({QStringLiteral("Q: "), outputPrefix, separator});
    QVERIFY(!refused);
    QVERIFY(!refused.error().message.isEmpty());
    QCOMPARE(m_document->content().prompt(), t.prompt());
    QVERIFY(!m_document->isModified());
}

void TestFewShotModel::promptTemplateExportsPromptCompletionLines()
{
    m_document->reset(promptSample(), QStringLiteral("/tmp/prompt.json"), TemplateEntry::Origin::User);
    QCOMPARE(m_model->toJsonl(), QByteArray("{\"completion\":\"b\",\"prompt\":\"a\"}\n"));
}

void TestFewShotModel::layoutUnderWhichTheInstructionsReadAsExamplesIsRefused()
{
    PromptTemplate t;
    t.setPrompt(QStringLiteral("Intro Q: x\nA: y stuff\n\nQ: a\nA: b\n\nQ: {{q}}\nA:"));
    m_document->reset(t, QStringLiteral("/tmp/prompt.json"), TemplateEntry::Origin::User);
    QCOMPARE(m_model->rowCount(), 1);
    const Status refused = m_model->setPromptLayout({QStringLiteral("Q: "), QStringLiteral("\nA: "), QStringLiteral(" ")});
    QVERIFY(!refused);
    QVERIFY(refused.error().message.contains(QStringLiteral("would read as examples")));
    QCOMPARE(m_document->content().prompt(), t.prompt());
    QCOMPARE(m_model->rowCount(), 1);
}

QTEST_GUILESS_MAIN(TestFewShotModel)
#include "tst_fewshotmodel.moc"
