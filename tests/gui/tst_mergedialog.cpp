// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fixturefiles.h"
#include "gui/mergedialog.h"
#include "gui/userdialogs.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using tb::MergeDialog;

namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

bool mergeAndWait(MergeDialog& dialog)
{
    QSignalSpy finished(&dialog, &MergeDialog::mergeFinished);
    dialog.merge();
    return (finished.size() > 0 || finished.wait(10000)) && finished.constFirst().at(0).toBool();
}

QStringList countsRow(const MergeDialog& dialog, int row)
{
    QStringList cells;
    for (int column = 0; column < dialog.countsTable()->columnCount(); ++column)
        cells.append(dialog.countsTable()->item(row, column)->text());
    return cells;
}

void saveScreenshot(QWidget* window, const QString& name)
{
    const QString folder = qEnvironmentVariable("TUNEBENCH_SCREENSHOT_DIR");
    if (!folder.isEmpty())
        window->grab().save(QDir(folder).filePath(name));
}

} // namespace

class TestMergeDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_files.isValid()); }
    void init();
    void mergesChosenFilesInOrderWithCounts();
    void needsTwoFilesAndAnOutput();
    void neverReplacesAFileWithoutConfirmation();

private:
    tb::UserDialogs m_dialogs;
    tb::test::FixtureFiles m_files { QStringLiteral("part") };
};

void TestMergeDialog::init()
{
    m_dialogs.clearAnswers();
    m_dialogs.setInteractive(false);
}

void TestMergeDialog::mergesChosenFilesInOrderWithCounts()
{
    const QString a = m_files.write("{\"n\":1}\r\n{\"n\":2}\r\n");
    const QString b = m_files.write("{\"n\":2}\n{\"n\":3}\n");
    MergeDialog dialog({ a }, m_dialogs);
    QCOMPARE(dialog.files(), QStringList { a });
    QVERIFY(!dialog.mergeButton()->isEnabled()); // one file
    m_dialogs.enqueueAnswer(QStringList { b });
    auto* add = dialog.findChild<QPushButton*>(QStringLiteral("addFilesButton"));
    QVERIFY(add);
    add->click(); // takes the queued file list
    QCOMPARE(dialog.files(), (QStringList { a, b }));
    dialog.setDropDuplicates(true);
    dialog.show();
    QVERIFY(mergeAndWait(dialog));
    const QFileInfo first(a);
    const QString output = first.dir().filePath(
        first.completeBaseName() + QStringLiteral("_merged.jsonl")); // the default name
    QCOMPARE(readAll(output), QByteArray("{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n"));
    QCOMPARE(countsRow(dialog, 0),
        (QStringList { first.fileName(), QStringLiteral("2"), QStringLiteral("2"), QStringLiteral("0") }));
    QCOMPARE(countsRow(dialog, 1),
        (QStringList {
            QFileInfo(b).fileName(), QStringLiteral("2"), QStringLiteral("1"), QStringLiteral("1") }));
    QVERIFY(dialog.statusText().contains(QLatin1String("3 lines from 2 files, 1 repeats left out")));
    saveScreenshot(&dialog, QStringLiteral("merge-dialog.png"));
}

void TestMergeDialog::needsTwoFilesAndAnOutput()
{
    const QString a = m_files.write("a\n");
    const QString b = m_files.write("b\n");
    MergeDialog dialog({ a, b }, m_dialogs);
    QVERIFY(dialog.mergeButton()->isEnabled());
    dialog.setOutputPath(QString());
    QVERIFY(!dialog.mergeButton()->isEnabled());
    const QStringList before = QFileInfo(a).dir().entryList(QDir::Files);
    dialog.merge();
    QVERIFY(!dialog.isMerging());
    QCOMPARE(QFileInfo(a).dir().entryList(QDir::Files), before);
}

void TestMergeDialog::neverReplacesAFileWithoutConfirmation()
{
    const QString a = m_files.write("a\n");
    const QString b = m_files.write("b\n");
    const QString existing = m_files.write("keep me\n");
    MergeDialog dialog({ a, b }, m_dialogs);
    dialog.setOutputPath(existing);
    dialog.merge(); // the question goes unanswered: no
    QCOMPARE(m_dialogs.unansweredQuestions(), 1);
    QVERIFY(!dialog.isMerging());
    QCOMPARE(readAll(existing), QByteArray("keep me\n"));

    dialog.setOutputPath(a); // an input is never replaced, whatever the answer
    m_dialogs.enqueueAnswer(true);
    dialog.merge();
    QVERIFY(m_dialogs.lastMessage().contains(QLatin1String("one of the files being merged")));
    QCOMPARE(readAll(a), QByteArray("a\n"));

    dialog.setOutputPath(existing);
    m_dialogs.enqueueAnswer(true);
    QVERIFY(mergeAndWait(dialog));
    QCOMPARE(readAll(existing), QByteArray("a\nb\n"));
}

QTEST_MAIN(TestMergeDialog)
#include "tst_mergedialog.moc"
