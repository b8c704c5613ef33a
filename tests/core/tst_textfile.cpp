// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/textfile.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestTextFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsUtf8WithSizeAndTime_data();
    void readsUtf8WithSizeAndTime();
    void refusesWithASentence_data();
    void refusesWithASentence();
    void readsInTheBackground();

private:
    QString write(const QByteArray& data);
    QTemporaryDir m_dir;
};

QString TestTextFile::write(const QByteArray& data)
{
    const QString path = m_dir.filePath(QStringLiteral("file.txt"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size())
        return {};
    return path;
}

void TestTextFile::readsUtf8WithSizeAndTime_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QByteArray("Hello\nworld\n") << QStringLiteral("Hello\nworld\n");
    QTest::newRow("accents") << QByteArray("caf\xc3\xa9") << QStringLiteral("café");
    QTest::newRow("bom dropped") << QByteArray("\xef\xbb\xbfhi") << QStringLiteral("hi");
    QTest::newRow("empty") << QByteArray() << QString();
}

void TestTextFile::readsUtf8WithSizeAndTime()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, text);
    const QString path = write(data);
    const auto read = tb::TextFile::read(path);
    QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
    QCOMPARE(read->text, text);
    QCOMPARE(read->size, qint64(data.size()));
    QCOMPARE(read->path, path);
    QVERIFY(read->modified.isValid());
}

void TestTextFile::refusesWithASentence_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("missing");
    QTest::addColumn<QString>("says");
    QTest::newRow("latin-1 on line 2") << QByteArray("ok\ncaf\xe9\n") << false << QStringLiteral("is not UTF-8 text (line 2)");
    QTest::newRow("missing file") << QByteArray() << true << QStringLiteral("Could not read");
}

void TestTextFile::refusesWithASentence()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, missing);
    QFETCH(QString, says);
    const QString path = missing ? m_dir.filePath(QStringLiteral("missing.txt")) : write(data);
    const auto read = tb::TextFile::read(path);
    QVERIFY(!read);
    QVERIFY2(read.error().message.contains(says), qPrintable(read.error().message));
    QVERIFY(read.error().message.contains(path));
    QCOMPARE(read.error().file, path);
}

void TestTextFile::readsInTheBackground()
{
    const QString path = write("background");
    QFuture<tb::Result<tb::TextFile::Contents>> future = tb::TextFile::readInBackground(path);
    future.waitForFinished();
    QCOMPARE(future.result()->text, QStringLiteral("background"));
}

QTEST_GUILESS_MAIN(TestTextFile)
#include "tst_textfile.moc"
