// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/templatefiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using tb::PromptTemplate;
using tb::TemplateFiles;

namespace {

PromptTemplate sample(const QString& prompt)
{
    PromptTemplate t;
    t.setPrompt(prompt);
    return t;
}

template<typename T>
T wait(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

} // namespace

class TestTemplateFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void saveWritesAndKeepsTheOldFileOnFailure();
    void saveNewPicksAFreeName_data();
    void saveNewPicksAFreeName();
    void renameRefusesToOverwrite();
    void removeSaysWhenItCannot();

private:
    QTemporaryDir m_dir;
};

void TestTemplateFiles::saveWritesAndKeepsTheOldFileOnFailure()
{
    const QString path = m_dir.filePath(QStringLiteral("a.json"));
    QVERIFY(wait(TemplateFiles::save(sample(QStringLiteral("one")), path)));
    QCOMPARE(PromptTemplate::load(path)->prompt(), QStringLiteral("one"));
    const auto failed = wait(TemplateFiles::save(sample(QStringLiteral("two")), m_dir.filePath(QStringLiteral("no/such/dir/a.json"))));
    QVERIFY(!failed);
    QVERIFY(!failed.error().message.isEmpty());
    QCOMPARE(PromptTemplate::load(path)->prompt(), QStringLiteral("one"));
}

void TestTemplateFiles::saveNewPicksAFreeName_data()
{
    QTest::addColumn<int>("existing");
    QTest::addColumn<QString>("expected");
    QTest::newRow("free") << 0 << QStringLiteral("fresh.json");
    QTest::newRow("taken once") << 1 << QStringLiteral("fresh-2.json");
    QTest::newRow("taken twice") << 2 << QStringLiteral("fresh-3.json");
}

void TestTemplateFiles::saveNewPicksAFreeName()
{
    QFETCH(int, existing);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("user")); // created on demand
    for (int i = 0; i < existing; ++i)
        QVERIFY(wait(TemplateFiles::saveNew(sample(QStringLiteral("x")), folder, QStringLiteral("fresh"))));
    const auto saved = wait(TemplateFiles::saveNew(sample(QStringLiteral("y")), folder, QStringLiteral("fresh")));
    QVERIFY(saved);
    QCOMPARE(saved.value(), QDir(folder).filePath(expected));
    QCOMPARE(PromptTemplate::load(saved.value())->prompt(), QStringLiteral("y"));
}

void TestTemplateFiles::renameRefusesToOverwrite()
{
    const QString a = m_dir.filePath(QStringLiteral("r1.json"));
    const QString b = m_dir.filePath(QStringLiteral("r2.json"));
    QVERIFY(wait(TemplateFiles::save(sample(QStringLiteral("a")), a)));
    QVERIFY(wait(TemplateFiles::save(sample(QStringLiteral("b")), b)));
    const auto refused = wait(TemplateFiles::rename(a, b));
    QVERIFY(!refused);
    QCOMPARE(refused.error().message, QStringLiteral("A template named “r2” already exists."));
    QCOMPARE(PromptTemplate::load(b)->prompt(), QStringLiteral("b"));
    const QString c = m_dir.filePath(QStringLiteral("r3.json"));
    QVERIFY(wait(TemplateFiles::rename(a, c)));
    QVERIFY(!QFile::exists(a));
    QCOMPARE(PromptTemplate::load(c)->prompt(), QStringLiteral("a"));
}

void TestTemplateFiles::removeSaysWhenItCannot()
{
    const QString path = m_dir.filePath(QStringLiteral("gone.json"));
    QVERIFY(wait(TemplateFiles::save(sample(QStringLiteral("a")), path)));
    QVERIFY(wait(TemplateFiles::remove(path)));
    QVERIFY(!QFile::exists(path));
    const auto again = wait(TemplateFiles::remove(path));
    QVERIFY(!again);
    QCOMPARE(again.error().message, QStringLiteral("Could not delete the file."));
}

QTEST_GUILESS_MAIN(TestTemplateFiles)
#include "tst_templatefiles.moc"
