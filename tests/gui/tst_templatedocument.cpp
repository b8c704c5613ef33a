// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// TemplateDocument: one undo stack for every view, typing merges, read-only bundled
// templates, atomic save marks the document clean.

#include "gui/templatedocument.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tb;

namespace {

PromptTemplate withSystem(const QString& text)
{
    PromptTemplate t;
    t.setMessages(QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                                         {QStringLiteral("content"), text}}});
    return t;
}

QString systemText(const TemplateDocument& document)
{
    return document.content().messages().at(0).toObject().value(QStringLiteral("content")).toString();
}

} // namespace

class TestTemplateDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void typingInOneFieldIsOneUndoStep_data();
    void typingInOneFieldIsOneUndoStep();
    void bundledTemplatesRefuseEdits();
    void saveWritesFileAndMarksClean();
};

void TestTemplateDocument::typingInOneFieldIsOneUndoStep_data()
{
    QTest::addColumn<QStringList>("mergeKeys");
    QTest::addColumn<int>("expectedSteps");
    QTest::newRow("same field merges") << QStringList{QStringLiteral("a"), QStringLiteral("a"), QStringLiteral("a")} << 1;
    QTest::newRow("other field splits") << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("a")} << 3;
    QTest::newRow("no key never merges") << QStringList{QString(), QString()} << 2;
}

void TestTemplateDocument::typingInOneFieldIsOneUndoStep()
{
    QFETCH(QStringList, mergeKeys);
    QFETCH(int, expectedSteps);
    TemplateDocument document;
    document.reset(withSystem(QStringLiteral("x")), QStringLiteral("/tmp/x.json"), TemplateEntry::Origin::User);
    QString text = QStringLiteral("x");
    for (const QString& key : mergeKeys) {
        text += QLatin1Char('y');
        QVERIFY(document.edit(withSystem(text), QStringLiteral("edit"), key));
    }
    QCOMPARE(document.undoStack()->count(), expectedSteps);
    QVERIFY(document.isModified());
    while (document.undoStack()->canUndo())
        document.undoStack()->undo();
    QCOMPARE(systemText(document), QStringLiteral("x"));
    QVERIFY(!document.isModified());
}

void TestTemplateDocument::bundledTemplatesRefuseEdits()
{
    TemplateDocument document;
    document.reset(withSystem(QStringLiteral("x")), QStringLiteral(":/templates/x.json"),
                   TemplateEntry::Origin::Bundled);
    QVERIFY(document.isReadOnly());
    QVERIFY(!document.edit(withSystem(QStringLiteral("changed")), QStringLiteral("edit")));
    QCOMPARE(systemText(document), QStringLiteral("x"));
    QVERIFY(!document.save());
}

void TestTemplateDocument::saveWritesFileAndMarksClean()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.json"));
    TemplateDocument document;
    document.reset(withSystem(QStringLiteral("x")), path, TemplateEntry::Origin::User);
    QSignalSpy state(&document, &TemplateDocument::stateChanged);
    document.edit(withSystem(QStringLiteral("saved text")), QStringLiteral("edit"));
    QVERIFY(document.isModified());
    QVERIFY(document.save());
    QVERIFY(!document.isModified());
    QVERIFY(state.count() >= 2);
    const Result<PromptTemplate> loaded = PromptTemplate::load(path);
    QVERIFY(loaded);
    QCOMPARE(loaded->messages().at(0).toObject().value(QStringLiteral("content")).toString(), QStringLiteral("saved text"));
}

QTEST_GUILESS_MAIN(TestTemplateDocument)
#include "tst_templatedocument.moc"
