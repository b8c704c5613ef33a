// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// MessagesEditor: message rows reorder by keys and by drag and drop, each move one
// step on the document's undo stack; drops from another template are refused.

#include "gui/messageseditor.h"
#include "gui/templatedocument.h"

#include <QDir>
#include <QDropEvent>
#include <QJsonArray>
#include <QJsonObject>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace tb;

namespace {

PromptTemplate fourMessages()
{
    QJsonArray messages;
    const QStringList roles{QStringLiteral("system"), QStringLiteral("user"), QStringLiteral("assistant"),
                            QStringLiteral("user")};
    for (int i = 0; i < roles.size(); ++i)
        messages.append(QJsonObject{{QStringLiteral("role"), roles.at(i)},
                                    {QStringLiteral("content"), QStringLiteral("m%1").arg(i)}});
    PromptTemplate t;
    t.setMessages(messages);
    return t;
}

QString order(const TemplateDocument& document)
{
    QStringList out;
    for (const QJsonValue& message : document.content().messages())
        out.append(message.toObject().value(QStringLiteral("content")).toString());
    return out.join(QLatin1Char(' '));
}

} // namespace

class TestMessagesEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void movingByKeysAndByDestination_data();
    void movingByKeysAndByDestination();
    void droppingADraggedRowMovesItAsOneUndoStep_data();
    void droppingADraggedRowMovesItAsOneUndoStep();
    void dropsFromAnotherTemplateOrOntoABundledOneAreRefused();

private:
    // Sends the drag-enter, drag-move and drop a real drag would, at the middle of the
    // gap before `row` (or below the last row).
    bool dropAt(QMimeData* data, int row);

    std::unique_ptr<TemplateDocument> m_document;
    std::unique_ptr<MessagesEditor> m_editor;
};

void TestMessagesEditor::init()
{
    m_document = std::make_unique<TemplateDocument>();
    m_document->reset(fourMessages(), QStringLiteral("/tmp/mine.json"), TemplateEntry::Origin::User);
    m_editor = std::make_unique<MessagesEditor>(m_document.get());
    m_editor->resize(600, 700);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
}

void TestMessagesEditor::cleanup()
{
    m_editor.reset();
    m_document.reset();
}

bool TestMessagesEditor::dropAt(QMimeData* data, int row)
{
    QWidget* host = m_editor->rowsHost();
    const int last = m_editor->messageCount() - 1;
    const QRect box = m_editor->contentEdit(qMin(row, last))->parentWidget()->geometry();
    const QPoint pos = row <= last ? QPoint(box.center().x(), box.top() + 2) : QPoint(box.center().x(), box.bottom() + 4);
    QDragEnterEvent enter(pos, Qt::MoveAction, data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(host, &enter);
    if (!enter.isAccepted())
        return false;
    QDragMoveEvent move(pos, Qt::MoveAction, data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(host, &move);
    if (!host->findChild<QWidget*>(QStringLiteral("dropIndicator"))->isVisible())
        return false;
    QDropEvent drop(pos, Qt::MoveAction, data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(host, &drop);
    return drop.isAccepted();
}

void TestMessagesEditor::movingByKeysAndByDestination_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("destination");
    QTest::addColumn<QString>("expected");
    QTest::newRow("first to the end") << 0 << 4 << QStringLiteral("m1 m2 m3 m0");
    QTest::newRow("last to the top") << 3 << 0 << QStringLiteral("m3 m0 m1 m2");
    QTest::newRow("down by one") << 1 << 3 << QStringLiteral("m0 m2 m1 m3");
    QTest::newRow("onto itself stays") << 2 << 2 << QStringLiteral("m0 m1 m2 m3");
    QTest::newRow("just after itself stays") << 2 << 3 << QStringLiteral("m0 m1 m2 m3");
    QTest::newRow("out of range") << 1 << 9 << QStringLiteral("m0 m1 m2 m3");
}

void TestMessagesEditor::movingByKeysAndByDestination()
{
    QFETCH(int, row);
    QFETCH(int, destination);
    QFETCH(QString, expected);
    m_editor->moveMessageTo(row, destination);
    QCOMPARE(order(*m_document), expected);
    QCOMPARE(m_editor->contentEdit(0)->toPlainText(), expected.left(2));
    m_document->undoStack()->undo();
    QCOMPARE(order(*m_document), QStringLiteral("m0 m1 m2 m3"));
    // The button/key path goes through the same move.
    m_editor->moveMessage(2, -1);
    QCOMPARE(order(*m_document), QStringLiteral("m0 m2 m1 m3"));
    m_editor->moveMessage(3, 1);
    QCOMPARE(order(*m_document), QStringLiteral("m0 m2 m1 m3"));
}

void TestMessagesEditor::droppingADraggedRowMovesItAsOneUndoStep_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("dropBefore");
    QTest::addColumn<QString>("expected");
    QTest::newRow("first below the third") << 0 << 3 << QStringLiteral("m1 m2 m0 m3");
    QTest::newRow("last above the second") << 3 << 1 << QStringLiteral("m0 m3 m1 m2");
    QTest::newRow("second below the last") << 1 << 4 << QStringLiteral("m0 m2 m3 m1");
}

void TestMessagesEditor::droppingADraggedRowMovesItAsOneUndoStep()
{
    QFETCH(int, row);
    QFETCH(int, dropBefore);
    QFETCH(QString, expected);
    QVERIFY(m_editor->dragHandle(row));
    QVERIFY(m_editor->dragHandle(row)->isVisible());
    const int steps = m_document->undoStack()->count();
    std::unique_ptr<QMimeData> data(m_editor->mimeDataForRow(row));
    QVERIFY(data);
    const QString folder = qEnvironmentVariable("TUNEBENCH_SCREENSHOT_DIR");
    if (!folder.isEmpty() && row == 0) {
        // Mid-drag: the indicator shows where the row would land.
        QDragEnterEvent enter(QPoint(20, m_editor->contentEdit(dropBefore)->parentWidget()->geometry().top() + 2),
                              Qt::MoveAction, data.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_editor->rowsHost(), &enter);
        m_editor->grab().save(QDir(folder).filePath(QStringLiteral("messages-drag.png")));
        QDragLeaveEvent leave;
        QCoreApplication::sendEvent(m_editor->rowsHost(), &leave);
    }
    QVERIFY(dropAt(data.get(), dropBefore));
    QCOMPARE(order(*m_document), expected);
    QCOMPARE(m_document->undoStack()->count(), steps + 1);
    QVERIFY(m_document->isModified());
    QVERIFY(!m_editor->rowsHost()->findChild<QWidget*>(QStringLiteral("dropIndicator"))->isVisible());
    m_document->undoStack()->undo();
    QCOMPARE(order(*m_document), QStringLiteral("m0 m1 m2 m3"));
    QCOMPARE(m_editor->contentEdit(row)->toPlainText(), QStringLiteral("m%1").arg(row));
}

void TestMessagesEditor::dropsFromAnotherTemplateOrOntoABundledOneAreRefused()
{
    TemplateDocument other;
    other.reset(fourMessages(), QStringLiteral("/tmp/other.json"), TemplateEntry::Origin::User);
    MessagesEditor otherEditor(&other);
    std::unique_ptr<QMimeData> foreign(otherEditor.mimeDataForRow(0));
    QVERIFY(!m_editor->dropMimeData(foreign.get(), 3));
    QCOMPARE(order(*m_document), QStringLiteral("m0 m1 m2 m3"));

    QMimeData text;
    text.setText(QStringLiteral("m0"));
    QVERIFY(!dropAt(&text, 2));

    m_document->reset(fourMessages(), QStringLiteral(":/templates/mine.json"), TemplateEntry::Origin::Bundled);
    std::unique_ptr<QMimeData> own(m_editor->mimeDataForRow(0));
    QVERIFY(!dropAt(own.get(), 3));
    QCOMPARE(order(*m_document), QStringLiteral("m0 m1 m2 m3"));
}

QTEST_MAIN(TestMessagesEditor)
#include "tst_messageseditor.moc"
