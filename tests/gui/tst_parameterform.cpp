// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// ParameterForm "Load from file": read on the pool, the file (not its text) remembered
// and read again next time, clear sentences for unreadable and non-UTF-8 files.

#include "gui/parameterform.h"
#include "gui/templatedocument.h"
#include "gui/userdialogs.h"

#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace tb;

class TestParameterForm : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void loadedFileIsRememberedByPathAndReadAgain();
    void unreadableFilesAreReportedAndChangeNothing_data();
    void unreadableFilesAreReportedAndChangeNothing();
    void editingTheLoadedTextForgetsTheFile();
    void aRememberedFileThatChangedOrVanishedIsNoted_data();
    void aRememberedFileThatChangedOrVanishedIsNoted();

private:
    QString writeFile(const QString& name, const QByteArray& data);
    std::unique_ptr<ParameterForm> makeForm();
    bool load(ParameterForm* form, const QString& path, bool expectOk);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<TemplateDocument> m_document;
    UserDialogs m_dialogs;
};

void TestParameterForm::init()
{
    m_dialogs.setInteractive(false);
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    m_document = std::make_unique<TemplateDocument>();
    PromptTemplate t;
    t.setPrompt(QStringLiteral("Summarize: {{document}}"));
    m_document->reset(t, m_dir->filePath(QStringLiteral("t.json")), TemplateEntry::Origin::User);
}

void TestParameterForm::cleanup()
{
    m_document.reset();
    m_settings.reset();
    m_dir.reset();
    QCOMPARE(m_dialogs.pendingAnswers(), 0);
    QCOMPARE(m_dialogs.unansweredQuestions(), 0);
    m_dialogs.clearAnswers();
}

QString TestParameterForm::writeFile(const QString& name, const QByteArray& data)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(data);
    return path;
}

std::unique_ptr<ParameterForm> TestParameterForm::makeForm()
{
    return std::make_unique<ParameterForm>(m_document.get(), m_settings.get(), &m_dialogs);
}

bool TestParameterForm::load(ParameterForm* form, const QString& path, bool expectOk)
{
    QSignalSpy loaded(form, &ParameterForm::loadedFromFile);
    m_dialogs.enqueueAnswer(path);
    if (!expectOk)
        m_dialogs.enqueueAnswer(true); // acknowledges the error message
    form->loadFromFile(QStringLiteral("document"));
    if (!loaded.wait(5000))
        return false;
    return loaded.first().at(1).toBool() == expectOk;
}

void TestParameterForm::loadedFileIsRememberedByPathAndReadAgain()
{
    const QByteArray text = "Chapter one.\nIt was a dark night.\n";
    const QString path = writeFile(QStringLiteral("doc.txt"), text);
    {
        auto form = makeForm();
        QVERIFY(qobject_cast<QLineEdit*>(form->field(QStringLiteral("document"))));
        QVERIFY(load(form.get(), path, true));
        auto* edit = qobject_cast<QPlainTextEdit*>(form->field(QStringLiteral("document")));
        QVERIFY(edit); // multi-line content: the field became a text area
        QCOMPARE(edit->toPlainText(), QString::fromUtf8(text));
        QCOMPARE(form->values().value(QStringLiteral("document")), QString::fromUtf8(text));
        QCOMPARE(form->fileOf(QStringLiteral("document")), path);
    }
    m_settings->sync();
    QFile ini(m_settings->fileName());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray stored = ini.readAll();
    QVERIFY(!stored.contains("dark night"));
    QVERIFY(stored.contains("doc.txt"));

    auto again = makeForm();
    QSignalSpy loaded(again.get(), &ParameterForm::loadedFromFile);
    QVERIFY(loaded.wait(5000));
    QCOMPARE(again->values().value(QStringLiteral("document")), QString::fromUtf8(text));
    QCOMPARE(again->notice(), QString());
}

void TestParameterForm::unreadableFilesAreReportedAndChangeNothing_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("exists");
    QTest::addColumn<QString>("says");
    QTest::newRow("latin-1") << QByteArray("caf\xe9 cr\xe8me") << true << QStringLiteral("is not UTF-8 text");
    QTest::newRow("missing") << QByteArray() << false << QStringLiteral("Could not read");
}

void TestParameterForm::unreadableFilesAreReportedAndChangeNothing()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, exists);
    QFETCH(QString, says);
    const QString path = exists ? writeFile(QStringLiteral("bad.txt"), data) : m_dir->filePath(QStringLiteral("no.txt"));
    auto form = makeForm();
    form->setValue(QStringLiteral("document"), QStringLiteral("typed"));
    QVERIFY(load(form.get(), path, false));
    QVERIFY2(m_dialogs.lastMessage().contains(says), qPrintable(m_dialogs.lastMessage()));
    QVERIFY(m_dialogs.lastMessage().contains(path));
    QCOMPARE(form->values().value(QStringLiteral("document")), QStringLiteral("typed"));
    QCOMPARE(form->fileOf(QStringLiteral("document")), QString());
}

void TestParameterForm::editingTheLoadedTextForgetsTheFile()
{
    const QString path = writeFile(QStringLiteral("doc.txt"), "short\ntext");
    auto form = makeForm();
    QVERIFY(load(form.get(), path, true));
    auto* edit = qobject_cast<QPlainTextEdit*>(form->field(QStringLiteral("document")));
    QVERIFY(edit);
    edit->moveCursor(QTextCursor::End);
    QTest::keyClicks(edit, QStringLiteral("!"));
    QCOMPARE(form->fileOf(QStringLiteral("document")), QString());
    form.reset();
    auto again = makeForm();
    QCOMPARE(again->values().value(QStringLiteral("document")), QStringLiteral("short\ntext!"));
    QCOMPARE(again->fileOf(QStringLiteral("document")), QString());
}

void TestParameterForm::aRememberedFileThatChangedOrVanishedIsNoted_data()
{
    QTest::addColumn<bool>("remove");
    QTest::addColumn<QString>("says");
    QTest::newRow("changed") << false << QStringLiteral("changed on disk");
    QTest::newRow("vanished") << true << QStringLiteral("Could not load “document” again");
}

void TestParameterForm::aRememberedFileThatChangedOrVanishedIsNoted()
{
    QFETCH(bool, remove);
    QFETCH(QString, says);
    const QString path = writeFile(QStringLiteral("doc.txt"), "first");
    {
        auto form = makeForm();
        QVERIFY(load(form.get(), path, true));
    }
    if (remove)
        QVERIFY(QFile::remove(path));
    else
        writeFile(QStringLiteral("doc.txt"), "second, longer");
    auto again = makeForm();
    QSignalSpy loaded(again.get(), &ParameterForm::loadedFromFile);
    QVERIFY(loaded.wait(5000));
    QVERIFY2(again->notice().contains(says), qPrintable(again->notice()));
    QCOMPARE(again->values().value(QStringLiteral("document")), remove ? QString() : QStringLiteral("second, longer"));
}

QTEST_MAIN(TestParameterForm)
#include "tst_parameterform.moc"
