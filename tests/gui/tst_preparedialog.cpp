// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/preparedialog.h"
#include "gui/userdialogs.h"
#include "sharedfixtures.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using tb::PrepareDialog;

namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

// A writable copy of `source` in `dir`: outputs are written beside it.
QString copyInto(const QTemporaryDir& dir, const QString& source)
{
    const QString target = dir.filePath(QFileInfo(source).fileName());
    QFile::copy(source, target);
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
    return target;
}

QString copyPrepareFixture(const QTemporaryDir& dir, const QString& name)
{
    return copyInto(dir, tb::test::sourcePath(QStringLiteral("tests/core/data/validators/prepare/") + name));
}

// The list row whose text starts with `text`, or null.
QListWidgetItem* itemStartingWith(const PrepareDialog& dialog, const QString& text)
{
    for (int row = 0; row < dialog.recommendationList()->count(); ++row) {
        QListWidgetItem* item = dialog.recommendationList()->item(row);
        if (item->text().startsWith(text))
            return item;
    }
    return nullptr;
}

QStringList previewRow(const PrepareDialog& dialog, int row)
{
    QStringList cells;
    for (int column = 0; column < dialog.previewTable()->columnCount(); ++column)
        cells.append(dialog.previewTable()->item(row, column)->text());
    return cells;
}

// Waits until the analysis and the preview for the current checkboxes are shown.
bool waitUntilReady(PrepareDialog& dialog)
{
    return QTest::qWaitFor([&dialog] { return !dialog.isBusy(); }, 10000);
}

// Checks or unchecks `item` and waits for the preview of that choice.
bool toggleAndWait(PrepareDialog& dialog, QListWidgetItem* item, Qt::CheckState state)
{
    if (!item)
        return false;
    QSignalSpy shown(&dialog, &PrepareDialog::preparationShown);
    item->setCheckState(state);
    return shown.wait(10000) && waitUntilReady(dialog);
}

bool writeAndWait(PrepareDialog& dialog)
{
    QSignalSpy finished(&dialog, &PrepareDialog::writeFinished);
    dialog.write();
    return (finished.size() > 0 || finished.wait(10000)) && finished.constFirst().at(0).toBool();
}

// With TUNEBENCH_SCREENSHOT_DIR set (e.g. under xvfb-run), saves the dialog for the docs.
void saveScreenshot(QWidget* window, const QString& name)
{
    const QString folder = qEnvironmentVariable("TUNEBENCH_SCREENSHOT_DIR");
    if (folder.isEmpty())
        return;
    window->grab().save(QDir(folder).filePath(name));
}

} // namespace

class TestPrepareDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void racingBecomesRacingPreparedWithEverythingChecked();
    void uncheckingARecommendationChangesWhatIsWritten();
    void previewShowsTheAffectedRowsBeforeAndAfter();
    void uncheckingTheOnlyRecommendationLeavesNothingToWrite();
    void classificationOffersASplitIntoTwoFiles();
    void neverReplacesAFileWithoutConfirmation();
    void neverReplacesTheInputItself();
    void showsWhyTheToolStops();

private:
    tb::UserDialogs m_dialogs;
};

void TestPrepareDialog::init()
{
    m_dialogs.clearAnswers();
    m_dialogs.setInteractive(false);
}

void TestPrepareDialog::racingBecomesRacingPreparedWithEverythingChecked()
{
    TB_REQUIRE_SHARED(input, "book/racing.jsonl");
    TB_REQUIRE_SHARED(expected, "book/racing_prepared.jsonl");
    QTemporaryDir dir;
    const QString path = copyInto(dir, input);
    PrepareDialog dialog(path, m_dialogs);
    QVERIFY(dialog.isBusy()); // the analysis runs in the background
    QCOMPARE(dialog.recommendationList()->count(), 0);
    dialog.show();
    QVERIFY(waitUntilReady(dialog));
    QListWidgetItem* space = itemStartingWith(dialog, QStringLiteral("Add a whitespace character"));
    QVERIFY(space);
    QCOMPARE(space->checkState(), Qt::Checked);
    QVERIFY2(space->text().endsWith(QLatin1String("This changes 125 of 125 examples.")),
        qPrintable(space->text()));
    QCOMPARE(dialog.outputPaths(), QStringList { dir.filePath(QStringLiteral("racing_prepared.jsonl")) });
    QVERIFY(dialog.writeButton()->isEnabled());
    saveScreenshot(&dialog, QStringLiteral("prepare-dialog-racing.png"));
    QVERIFY(writeAndWait(dialog));
    QCOMPARE(readAll(dialog.outputPaths().at(0)), readAll(expected));
    QVERIFY(dialog.statusText().contains(QLatin1String("racing_prepared.jsonl (125 examples)")));
    QCOMPARE(m_dialogs.unansweredQuestions(), 0);
}

void TestPrepareDialog::uncheckingARecommendationChangesWhatIsWritten()
{
    QTemporaryDir dir;
    const QString path = copyPrepareFixture(dir, QStringLiteral("remediations.jsonl"));
    PrepareDialog dialog(path, m_dialogs);
    QVERIFY(waitUntilReady(dialog));
    QListWidgetItem* lower
        = itemStartingWith(dialog, QStringLiteral("Lowercase all your data in column/key `prompt`"));
    QVERIFY(toggleAndWait(dialog, lower, Qt::Unchecked));
    QVERIFY2(lower->text().endsWith(QLatin1String("Not applied; it changes 4 of 4 examples.")),
        qPrintable(lower->text()));
    QVERIFY(writeAndWait(dialog));
    QCOMPARE(readAll(dir.filePath(QStringLiteral("remediations_prepared.jsonl"))),
        QByteArray("{\"prompt\":\"GOOD MORNING ->\",\"completion\":\" bonjour\\n\"}\n"
                   "{\"prompt\":\"THANK YOU ->\",\"completion\":\" merci\\n\"}\n"
                   "{\"prompt\":\"DOG\\/WOLF ->\",\"completion\":\" chien \\\"loup\\\"\\n\"}\n"
                   "{\"prompt\":\"Ünïcödé ->\",\"completion\":\" ça va\\n\"}\n"));
}

void TestPrepareDialog::previewShowsTheAffectedRowsBeforeAndAfter()
{
    QTemporaryDir dir;
    const QString path = copyPrepareFixture(dir, QStringLiteral("remediations.jsonl"));
    PrepareDialog dialog(path, m_dialogs);
    dialog.show();
    QVERIFY(waitUntilReady(dialog));

    QListWidgetItem* duplicates = itemStartingWith(dialog, QStringLiteral("Remove 1 duplicate rows"));
    QVERIFY(duplicates);
    QVERIFY(duplicates->text().endsWith(QLatin1String("This removes 1 of 5 examples.")));
    dialog.recommendationList()->setCurrentItem(duplicates);
    saveScreenshot(&dialog, QStringLiteral("prepare-dialog-remediations.png"));
    QVERIFY(
        dialog.explanationText().startsWith(QLatin1String("There are 1 duplicated prompt-completion sets")));
    QCOMPARE(dialog.previewTable()->rowCount(), 2);
    QCOMPARE(previewRow(dialog, 0),
        (QStringList { QStringLiteral("4"), QStringLiteral("prompt"),
            QStringLiteral("\"Translate to French: THANK YOU\""), QStringLiteral("(example removed)") }));

    QListWidgetItem* suffix
        = itemStartingWith(dialog, QStringLiteral("Add a suffix ending `\\n` to all completions"));
    QVERIFY(suffix);
    dialog.recommendationList()->setCurrentItem(suffix);
    QCOMPARE(dialog.previewTable()->rowCount(), 4);
    // After the earlier recommendations: the prefix is gone already.
    QCOMPARE(previewRow(dialog, 0),
        (QStringList { QStringLiteral("1"), QStringLiteral("completion"), QStringLiteral("\"bonjour\""),
            QStringLiteral("\"bonjour\\n\"") }));

    QListWidgetItem* necessary
        = itemStartingWith(dialog, QStringLiteral("Necessary: Remove additional columns/keys"));
    QVERIFY(necessary);
    QVERIFY(!necessary->flags().testFlag(Qt::ItemIsUserCheckable));
    QCOMPARE(necessary->checkState(), Qt::Checked);
}

void TestPrepareDialog::uncheckingTheOnlyRecommendationLeavesNothingToWrite()
{
    TB_REQUIRE_SHARED(input, "book/racing.jsonl");
    QTemporaryDir dir;
    const QString path = copyInto(dir, input);
    PrepareDialog dialog(path, m_dialogs);
    QVERIFY(waitUntilReady(dialog));
    QVERIFY(toggleAndWait(
        dialog, itemStartingWith(dialog, QStringLiteral("Add a whitespace character")), Qt::Unchecked));
    QVERIFY(!dialog.writeButton()->isEnabled());
    QVERIFY(dialog.statusText().startsWith(QLatin1String("Nothing to change")));
    dialog.write();
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList { QStringLiteral("racing.jsonl") });
}

void TestPrepareDialog::classificationOffersASplitIntoTwoFiles()
{
    QTemporaryDir dir;
    const QString path = copyPrepareFixture(dir, QStringLiteral("classify.jsonl"));
    PrepareDialog dialog(path, m_dialogs);
    QVERIFY(waitUntilReady(dialog));
    QListWidgetItem* split
        = itemStartingWith(dialog, QStringLiteral("Split into training and validation files"));
    QVERIFY(split);
    QVERIFY(!split->isHidden());
    QVERIFY(split->text().contains(QLatin1String("8 training and 2 validation examples")));
    QCOMPARE(dialog.outputPaths(),
        (QStringList { dir.filePath(QStringLiteral("classify_prepared_train.jsonl")),
            dir.filePath(QStringLiteral("classify_prepared_valid.jsonl")) }));
    QVERIFY(writeAndWait(dialog));
    QCOMPARE(readAll(dialog.outputPaths().at(1)),
        readAll(tb::test::sourcePath(
            QStringLiteral("tests/core/data/validators/prepare/classify_prepared_valid.expected"))));

    QVERIFY(toggleAndWait(dialog, split, Qt::Unchecked));
    // Nothing else to change: without the split the tool writes nothing.
    QCOMPARE(dialog.outputPaths(), QStringList { dir.filePath(QStringLiteral("classify_prepared.jsonl")) });
    QVERIFY(!dialog.writeButton()->isEnabled());
}

void TestPrepareDialog::neverReplacesAFileWithoutConfirmation()
{
    QTemporaryDir dir;
    const QString path = copyPrepareFixture(dir, QStringLiteral("remediations.jsonl"));
    const QString existing = dir.filePath(QStringLiteral("mine.jsonl"));
    QFile file(existing);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("keep me\n");
    file.close();
    PrepareDialog dialog(path, m_dialogs);
    QVERIFY(waitUntilReady(dialog));
    dialog.setOutputPath(0, existing);

    dialog.write(); // unanswered: cancelled
    QCOMPARE(m_dialogs.unansweredQuestions(), 1);
    QVERIFY(m_dialogs.lastMessage().contains(QLatin1String("mine.jsonl already exists")));
    QVERIFY(!dialog.isBusy());
    QCOMPARE(readAll(existing), QByteArray("keep me\n"));
    QVERIFY(dialog.statusText().startsWith(QLatin1String("Nothing written")));

    m_dialogs.enqueueAnswer(true);
    QVERIFY(writeAndWait(dialog));
    QCOMPARE(readAll(existing),
        readAll(tb::test::sourcePath(
            QStringLiteral("tests/core/data/validators/prepare/remediations_prepared.expected"))));
}

void TestPrepareDialog::neverReplacesTheInputItself()
{
    QTemporaryDir dir;
    const QString path = copyPrepareFixture(dir, QStringLiteral("remediations.jsonl"));
    const QByteArray original = readAll(path);
    PrepareDialog dialog(path, m_dialogs);
    QVERIFY(waitUntilReady(dialog));
    dialog.setOutputPath(0, dir.path() + QStringLiteral("/./remediations.jsonl"));
    m_dialogs.enqueueAnswer(true); // even a "yes" to a replace question would not do it
    dialog.write();
    QVERIFY(m_dialogs.lastMessage().contains(QLatin1String("cannot replace")));
    QVERIFY(!dialog.isBusy());
    QCOMPARE(readAll(path), original);
}

void TestPrepareDialog::showsWhyTheToolStops()
{
    QTemporaryDir dir;
    const QString path = copyPrepareFixture(dir, QStringLiteral("nocolumn.jsonl"));
    PrepareDialog dialog(path, m_dialogs);
    QVERIFY(waitUntilReady(dialog));
    QVERIFY2(dialog.statusText().contains(QLatin1String("column/key is missing")),
        qPrintable(dialog.statusText()));
    QCOMPARE(dialog.recommendationList()->count(), 0);
    QVERIFY(!dialog.writeButton()->isEnabled());
}

QTEST_MAIN(TestPrepareDialog)
#include "tst_preparedialog.moc"
