// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/legacyprepare.h"
#include "sharedfixtures.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using tb::LegacyPrepare;

namespace {

// The expected texts below were derived by hand from openai-python v0.28.1
// openai/validators.py (prepare_data with -q), not by running this port, and then checked
// against the real tool (Debian 12: Python 3.11 + pandas 1.5.3).
const QString kFewExamples = QStringLiteral(". In general, we recommend having at least a few hundred "
                                            "examples. We've found that performance tends to linearly "
                                            "increase for every doubling of the number of examples");
const QString kSpaceStart = QStringLiteral(
    "\n- The completion should start with a whitespace character (` `). This tends to produce better results "
    "due to the "
    "tokenization we use. See https://platform.openai.com/docs/guides/fine-tuning/preparing-your-dataset for "
    "more details");
QString timeLine(const char* time)
{
    return QStringLiteral(
        "Once your model starts training, it'll approximately take %1 to train a `curie` model, and less "
        "for `ada` and `babbage`. Queue will approximately take half an hour per job ahead of you.\n")
        .arg(QLatin1String(time));
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing " + path.toUtf8() + ">");
}

struct Run
{
    LegacyPrepare::Outcome outcome;
    QString out;
    QString err;
};

Run prepare(const QString& path)
{
    Run run;
    LegacyPrepare::Io io;
    io.out = [&run](const QString& s) { run.out += s; };
    io.err = [&run](const QString& s) { run.err += s; };
    io.ask = [] { return false; };
    io.autoAccept = true;
    run.outcome = LegacyPrepare().run(path, io);
    return run;
}

QString copyFixture(const QTemporaryDir& dir, const QString& name)
{
    const QString target = dir.filePath(name);
    QFile::copy(tb::test::sourcePath(QStringLiteral("tests/core/data/validators/prepare/") + name), target);
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
    return target;
}

QString expand(QString text, const QString& dir)
{
    return text.replace(QLatin1String("{DIR}"), dir);
}

} // namespace

class TestLegacyPrepare : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void reproducesRacingPreparedByteForByte();
    void writesWhatTheLegacyToolWrites_data();
    void writesWhatTheLegacyToolWrites();
    void abortsLikeTheLegacyTool_data();
    void abortsLikeTheLegacyTool();
    void neverOverwritesEarlierOutput();
    void agreesWithTheRealToolOnGeneratedInputs_data();
    void agreesWithTheRealToolOnGeneratedInputs();
    void keepsARangeIndexWherePandasDoes();
    void samplesLikeNumpyRandomState();
    void findsCommonPrefixAndSuffixInCodePoints();
    void escapesJsonLikePandas();
    void readsValuesAsPandasStrings();
    void turnsTheAnalysisIntoFindings();
    void preparingWithEveryRecommendationWritesWhatQuietModeWrites_data();
    void preparingWithEveryRecommendationWritesWhatQuietModeWrites();
    void rejectedRecommendationLeavesTheDataAsItWas();
    void effectsCountAndPreviewTheAffectedRows();
    void racingRecommendsOnlyALeadingSpace();
    void stopsAtEveryCancelCheck_data();
    void stopsAtEveryCancelCheck();
};

void TestLegacyPrepare::reproducesRacingPreparedByteForByte()
{
    TB_REQUIRE_SHARED(input, "book/racing.jsonl");
    TB_REQUIRE_SHARED(expected, "book/racing_prepared.jsonl");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("racing.jsonl"));
    QVERIFY(QFile::copy(input, path));
    const Run run = prepare(path);
    QCOMPARE(run.outcome.exitCode, 0);
    QCOMPARE(run.outcome.writtenFiles, QStringList { dir.filePath(QStringLiteral("racing_prepared.jsonl")) });
    QCOMPARE(readAll(run.outcome.writtenFiles.at(0)), readAll(expected));
    QVERIFY(run.out.startsWith(
        QLatin1String("Analyzing...\n\n- Your file contains 125 prompt-completion pairs\n")));
    QVERIFY(run.out.contains(QLatin1String(
        "- [Recommended] Add a whitespace character to the beginning of the completion [Y/n]: Y\n")));
    QVERIFY(run.err.isEmpty());
}

void TestLegacyPrepare::writesWhatTheLegacyToolWrites_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("outputs"); // names written
    QTest::addColumn<QStringList>("expected"); // fixtures with their expected bytes
    QTest::addColumn<QString>("text");

    QTest::newRow("classification is split into train and valid")
        << QStringLiteral("classify.jsonl")
        << QStringList { QStringLiteral("classify_prepared_train.jsonl"),
               QStringLiteral("classify_prepared_valid.jsonl") }
        << QStringList { QStringLiteral("classify_prepared_train.expected"),
               QStringLiteral("classify_prepared_valid.expected") }
        << (QStringLiteral("Analyzing...\n\n- Your file contains 10 prompt-completion pairs") + kFewExamples
               + QStringLiteral(
                   "\n- Based on your data it seems like you're trying to fine-tune a model for "
                   "classification\n- For "
                   "classification, we recommend you try one of the faster and cheaper models, such as "
                   "`ada`\n- For "
                   "classification, you can estimate the expected model performance by keeping a held out "
                   "dataset, which is "
                   "not used for training"
                   "\n- All prompts end with suffix `? ->`"
                   "\n\nNo remediations found.\n"
                   "- [Recommended] Would you like to split into training and validation set? [Y/n]: Y\n"
                   "\n\nYour data will be written to a new JSONL file. Proceed [Y/n]: Y\n"
                   "\nWrote modified files to `{DIR}/classify_prepared_train.jsonl` and "
                   "`{DIR}/classify_prepared_valid.jsonl`\n"
                   "Feel free to take a look!\n\nNow use that file when fine-tuning:\n> openai api "
                   "fine_tunes.create -t "
                   "\"{DIR}/classify_prepared_train.jsonl\" -v \"{DIR}/classify_prepared_valid.jsonl\" "
                   "--compute_classification_metrics --classification_positive_class \" yes\"\n\n"
                   "After you’ve fine-tuned a model, remember that your prompt has to end with the indicator "
                   "string `? ->` "
                   "for the model to start generating completions, rather than continuing with the prompt.\n")
               + timeLine("2.57 minutes"));

    QTest::newRow("every recommendation accepted")
        << QStringLiteral("remediations.jsonl")
        << QStringList { QStringLiteral("remediations_prepared.jsonl") }
        << QStringList { QStringLiteral("remediations_prepared.expected") }
        << (QStringLiteral("Analyzing...\n\n- Your file contains 6 prompt-completion pairs") + kFewExamples
               + QStringLiteral(
                   "\n- The input file should contain exactly two columns/keys per row. Additional "
                   "columns/keys present are: "
                   "['id']\n  WARNING: Some of the additional columns/keys contain `id` in their name. These "
                   "will be ignored, "
                   "and the column/key `id` will be used instead. This could also result from a duplicate "
                   "column/key in the "
                   "provided file."
                   "\n- `completion` column/key should not contain empty strings. These are rows: [2]"
                   "\n- There are 1 duplicated prompt-completion sets. These are rows: [2]"
                   "\n- More than a third of your `prompt` column/key is uppercase. Uppercase prompts tends "
                   "to perform worse "
                   "than a mixture of case encountered in normal language. We recommend to lower case the "
                   "data if that makes "
                   "sense in your domain. See "
                   "https://platform.openai.com/docs/guides/fine-tuning/preparing-your-dataset for "
                   "more details"
                   "\n- Your data does not contain a common separator at the end of your prompts. Having a "
                   "separator string "
                   "appended to the end of the prompt makes it clearer to the fine-tuned model where the "
                   "completion should "
                   "begin. See https://platform.openai.com/docs/guides/fine-tuning/preparing-your-dataset "
                   "for more detail and "
                   "examples. If you intend to do open-ended generation, then you should leave the prompts "
                   "empty"
                   "\n- All prompts start with prefix `Translate to French: `. Fine-tuning doesn't require "
                   "the instruction "
                   "specifying the task, or a few-shot example scenario. Most of the time you should only "
                   "add the input data "
                   "into the prompt, and the desired output into the completion"
                   "\n- All completions start with prefix `Answer: `. Most of the time you should only add "
                   "the output data "
                   "into the completion, without any prefix"
                   "\n- Your data does not contain a common ending at the end of your completions. Having a "
                   "common ending "
                   "string appended to the end of the completion makes it clearer to the fine-tuned model "
                   "where the "
                   "completion should end. See "
                   "https://platform.openai.com/docs/guides/fine-tuning/preparing-your-dataset for "
                   "more detail and examples.")
               + kSpaceStart
               + QStringLiteral(
                   "\n\nBased on the analysis we will perform the following actions:\n"
                   "- [Necessary] Remove additional columns/keys: ['id']\n"
                   "- [Necessary] Remove 1 rows with empty completions\n"
                   "- [Recommended] Remove 1 duplicate rows [Y/n]: Y\n"
                   "- [Recommended] Lowercase all your data in column/key `prompt` [Y/n]: Y\n"
                   "- [Recommended] Add a suffix separator ` ->` to all prompts [Y/n]: Y\n"
                   "- [Recommended] Remove prefix `Translate to French: ` from all prompts [Y/n]: Y\n"
                   "- [Recommended] Remove prefix `Answer: ` from all completions [Y/n]: Y\n"
                   "- [Recommended] Add a suffix ending `\\n` to all completions [Y/n]: Y\n"
                   "- [Recommended] Add a whitespace character to the beginning of the completion [Y/n]: Y\n"
                   "\n\nYour data will be written to a new JSONL file. Proceed [Y/n]: Y\n"
                   "\nWrote modified file to `{DIR}/remediations_prepared.jsonl`\nFeel free to take a "
                   "look!\n\nNow use that "
                   "file when fine-tuning:\n> openai api fine_tunes.create -t "
                   "\"{DIR}/remediations_prepared.jsonl\"\n\n"
                   "After you’ve fine-tuned a model, remember that your prompt has to end with the indicator "
                   "string ` ->` "
                   "for the model to start generating completions, rather than continuing with the prompt. "
                   "Make sure to "
                   "include `stop=[\"\\n\"]` so that the generated texts ends at the expected place.\n")
               + timeLine("2.56 minutes"));

    QTest::newRow("text file becomes open-ended completions")
        << QStringLiteral("lines.txt") << QStringList { QStringLiteral("lines_prepared.jsonl") }
        << QStringList { QStringLiteral("lines_prepared.expected") }
        << (QStringLiteral("Analyzing...\n\n- Based on your file extension, you provided a text file"
                           "\n- Your file contains 4 prompt-completion pairs")
               + kFewExamples
               + QStringLiteral(
                   "\n- `completion` column/key should not contain empty strings. These are rows: [3]")
               + kSpaceStart
               + QStringLiteral(
                   "\n\nBased on the analysis we will perform the following actions:\n"
                   "- [Necessary] Your format `TXT` will be converted to `JSONL`\n"
                   "- [Necessary] Remove 1 rows with empty completions\n"
                   "- [Recommended] Add a whitespace character to the beginning of the completion [Y/n]: Y\n"
                   "\n\nYour data will be written to a new JSONL file. Proceed [Y/n]: Y\n"
                   "\nWrote modified file to `{DIR}/lines_prepared.jsonl`\nFeel free to take a look!\n\nNow "
                   "use "
                   "that file when fine-tuning:\n> openai api fine_tunes.create -t "
                   "\"{DIR}/lines_prepared.jsonl\"\n\n\n")
               + timeLine("2.49 minutes"));

    QTest::newRow("csv with quotes and NA")
        << QStringLiteral("table.csv") << QStringList { QStringLiteral("table_prepared.jsonl") }
        << QStringList { QStringLiteral("table_prepared.expected") }
        << (QStringLiteral(
                "Analyzing...\n\n- Based on your file extension, your file is formatted as a CSV file"
                "\n- Your file contains 3 prompt-completion pairs")
               + kFewExamples
               + QStringLiteral(
                   "\n- The input file should contain exactly two columns/keys per row. Additional "
                   "columns/keys present are: "
                   "['extra']\n  WARNING: Some of the additional columns/keys contain `extra` in their name. "
                   "These will be "
                   "ignored, and the column/key `extra` will be used instead. This could also result from a "
                   "duplicate "
                   "column/key in the provided file."
                   "\n- `completion` column/key should not contain empty strings. These are rows: [2]"
                   "\n- All prompts end with suffix ` ->`"
                   "\n- All prompts start with prefix `Q`"
                   "\n- Your data does not contain a common ending at the end of your completions. Having a "
                   "common ending "
                   "string appended to the end of the completion makes it clearer to the fine-tuned model "
                   "where the "
                   "completion should end. See "
                   "https://platform.openai.com/docs/guides/fine-tuning/preparing-your-dataset for "
                   "more detail and examples."
                   "\n\nBased on the analysis we will perform the following actions:\n"
                   "- [Necessary] Your format `CSV` will be converted to `JSONL`\n"
                   "- [Necessary] Remove additional columns/keys: ['extra']\n"
                   "- [Necessary] Remove 1 rows with empty completions\n"
                   "- [Recommended] Add a suffix ending `\\n` to all completions [Y/n]: Y\n"
                   "\n\nYour data will be written to a new JSONL file. Proceed [Y/n]: Y\n"
                   "\nWrote modified file to `{DIR}/table_prepared.jsonl`\nFeel free to take a look!\n\nNow "
                   "use that file "
                   "when fine-tuning:\n> openai api fine_tunes.create -t \"{DIR}/table_prepared.jsonl\"\n\n"
                   "After you’ve fine-tuned a model, remember that your prompt has to end with the indicator "
                   "string ` ->` "
                   "for the model to start generating completions, rather than continuing with the prompt. "
                   "Make sure to "
                   "include `stop=[\"\\n\"]` so that the generated texts ends at the expected place.\n")
               + timeLine("2.47 minutes"));

    QTest::newRow("nothing to change writes nothing")
        << QStringLiteral("clean.jsonl") << QStringList() << QStringList()
        << (QStringLiteral("Analyzing...\n\n- Your file contains 3 prompt-completion pairs") + kFewExamples
               + QStringLiteral("\n- All prompts end with suffix ` ->`"
                                "\n- All completions end with suffix `\\n`"
                                "\n\nNo remediations found.\n"
                                "\nYou can use your file for fine-tuning:\n> openai api fine_tunes.create -t "
                                "\"{DIR}/clean.jsonl\"\n\n"
                                "After you’ve fine-tuned a model, remember that your prompt has to end with "
                                "the indicator string "
                                "` ->` for the model to start generating completions, rather than continuing "
                                "with the prompt. "
                                "Make sure to include `stop=[\"\\n\"]` so that the generated texts ends at "
                                "the expected place.\n")
               + timeLine("2.49 minutes"));
}

void TestLegacyPrepare::writesWhatTheLegacyToolWrites()
{
    QFETCH(QString, input);
    QFETCH(QStringList, outputs);
    QFETCH(QStringList, expected);
    QFETCH(QString, text);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Run run = prepare(copyFixture(dir, input));
    QCOMPARE(run.err, QString());
    QCOMPARE(run.outcome.exitCode, 0);
    QCOMPARE(run.out, expand(text, dir.path()));
    QStringList written;
    for (const QString& name : outputs)
        written.append(dir.filePath(name));
    QCOMPARE(run.outcome.writtenFiles, written);
    for (qsizetype i = 0; i < outputs.size(); ++i)
        QCOMPARE(readAll(written.at(i)),
            readAll(tb::test::sourcePath(
                QStringLiteral("tests/core/data/validators/prepare/") + expected.at(i))));
}

void TestLegacyPrepare::abortsLikeTheLegacyTool_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::addColumn<bool>("inputError");
    QTest::newRow("identical prompts")
        << QStringLiteral("identical.jsonl")
        << (QStringLiteral("Analyzing...\n\n- Your file contains 3 prompt-completion pairs") + kFewExamples)
        << QStringLiteral(
               "\n\nERROR in common_suffix validator: All prompts are identical: `Same ->`\nConsider leaving "
               "the "
               "prompts blank if you want to do open-ended generation, otherwise ensure prompts are "
               "different\n\nAborting...")
        << false;
    QTest::newRow("missing column")
        << QStringLiteral("nocolumn.jsonl")
        << (QStringLiteral("Analyzing...\n\n- Your file contains 2 prompt-completion pairs") + kFewExamples)
        << QStringLiteral("\n\nERROR in necessary_column validator: `prompt` column/key is missing. Please "
                          "make sure you "
                          "name your columns/keys appropriately, then retry\n\nAborting...")
        << false;
    QTest::newRow("not JSON Lines")
        << QStringLiteral("lines_prepared.expected") << QStringLiteral("Analyzing...\n")
        << QStringLiteral(
               "\n\nERROR in read_any_format validator: Your file must have one of the following extensions: "
               ".CSV, .TSV, .XLSX, .TXT, .JSON or .JSONL Your file `{DIR}/lines_prepared.expected` ends with "
               "the extension `.expected` which is not supported.\n\nAborting...")
        << true;
}

void TestLegacyPrepare::abortsLikeTheLegacyTool()
{
    QFETCH(QString, input);
    QFETCH(QString, text);
    QFETCH(QString, error);
    QFETCH(bool, inputError);
    QTemporaryDir dir;
    const Run run = prepare(copyFixture(dir, input));
    QCOMPARE(run.outcome.exitCode, 1);
    QCOMPARE(run.outcome.inputError, inputError);
    QCOMPARE(run.out, text);
    QCOMPARE(run.err, expand(error, dir.path()));
    QVERIFY(run.outcome.writtenFiles.isEmpty());
}

void TestLegacyPrepare::neverOverwritesEarlierOutput()
{
    QTemporaryDir dir;
    const QString input = copyFixture(dir, QStringLiteral("remediations.jsonl"));
    const QByteArray before = readAll(input);
    QCOMPARE(prepare(input).outcome.writtenFiles,
        QStringList { dir.filePath(QStringLiteral("remediations_prepared.jsonl")) });
    QCOMPARE(prepare(input).outcome.writtenFiles,
        QStringList { dir.filePath(QStringLiteral("remediations_prepared (1).jsonl")) });
    QCOMPARE(readAll(input), before);
    QCOMPARE(LegacyPrepare::outputFileNames(QStringLiteral("/x/.hidden"), false),
        QStringList { QStringLiteral("/x/.hidden_prepared.jsonl") });
    QCOMPARE(LegacyPrepare::outputFileNames(QStringLiteral("/x/a.b/data"), true),
        (QStringList { QStringLiteral("/x/a.b/data_prepared_train.jsonl"),
            QStringLiteral("/x/a.b/data_prepared_valid.jsonl") }));
}

void TestLegacyPrepare::agreesWithTheRealToolOnGeneratedInputs_data()
{
    // Each folder: data.jsonl from tools/gen-legacy-prepare-input.py SEED, and what the real
    // tool (openai-python v0.28.1 prepare_data -q on Debian 12's Python 3.11 + pandas 1.5.3)
    // printed, exited with and wrote next to it.
    QTest::addColumn<QString>("folder");
    const QDir root(tb::test::sourcePath(QStringLiteral("tests/core/data/validators/prepare/reference")));
    const QStringList cases = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QVERIFY(!cases.isEmpty());
    for (const QString& name : cases)
        QTest::newRow(qPrintable(name)) << root.filePath(name);
}

void TestLegacyPrepare::agreesWithTheRealToolOnGeneratedInputs()
{
    QFETCH(QString, folder);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString input = dir.filePath(QStringLiteral("data.jsonl"));
    QVERIFY(QFile::copy(folder + QStringLiteral("/data.jsonl"), input));
    const Run run = prepare(input);
    QCOMPARE(QString(run.out).remove(dir.path() + QLatin1Char('/')),
        QString::fromUtf8(readAll(folder + QStringLiteral("/stdout.txt"))));
    QCOMPARE(run.outcome.exitCode, readAll(folder + QStringLiteral("/exitcode")).trimmed().toInt());
    const QStringList expected
        = QDir(folder).entryList({ QStringLiteral("data_prepared*.jsonl") }, QDir::Files, QDir::Name);
    QStringList written;
    for (const QString& path : run.outcome.writtenFiles)
        written.append(QFileInfo(path).fileName());
    written.sort();
    QCOMPARE(written, expected);
    for (const QString& name : expected)
        QCOMPARE(readAll(dir.filePath(name)), readAll(folder + QLatin1Char('/') + name));
}

void TestLegacyPrepare::keepsARangeIndexWherePandasDoes()
{
    // range-delete.txt: "n positions isRange" for every drop from RangeIndex(n), n < 8,
    // as pandas 1.5.3 answers it; the index type changes the tool's time estimate.
    QFile file(tb::test::sourcePath(QStringLiteral("tests/core/data/validators/prepare/range-delete.txt")));
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    int cases = 0;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList fields = line.split(QLatin1Char(' '));
        QCOMPARE(fields.size(), 3);
        const int rows = fields.at(0).toInt();
        std::vector<QStringList> cells(std::size_t(rows), QStringList { QStringLiteral("p"), QStringLiteral("c") });
        tb::LegacyTable table = tb::LegacyTable::fromRows({ QStringLiteral("prompt"), QStringLiteral("completion") }, cells);
        std::vector<bool> keep(std::size_t(rows), true);
        for (const QString& position : fields.at(1).split(QLatin1Char(',')))
            keep[std::size_t(position.toInt())] = false;
        table.dropRows(keep);
        QVERIFY2(table.hasRangeIndex() == (fields.at(2) == QLatin1String("1")), qPrintable(line));
        ++cases;
    }
    QCOMPARE(cases, 247);
}

void TestLegacyPrepare::samplesLikeNumpyRandomState()
{
    // numpy: np.random.seed(42); np.random.permutation(10) -> [8 1 5 0 7 2 9 4 3 6]
    const std::vector<qsizetype> expected { 8, 1, 5, 0, 7, 2, 9, 4, 3, 6 };
    QCOMPARE(LegacyPrepare::samplePositions(10, 10), expected);
    QCOMPARE(LegacyPrepare::samplePositions(10, 8),
        std::vector<qsizetype>(expected.begin(), expected.begin() + 8));
    // Checked against numpy 1.24 (Debian 12): RandomState(seed).permutation(rows)[:12].
    QCOMPARE(LegacyPrepare::samplePositions(37, 12),
        (std::vector<qsizetype> { 17, 13, 4, 29, 35, 25, 6, 26, 24, 16, 8, 15 }));
    QCOMPARE(LegacyPrepare::samplePositions(1000, 12),
        (std::vector<qsizetype> { 521, 737, 740, 660, 411, 678, 626, 513, 859, 136, 811, 76 }));
    QCOMPARE(LegacyPrepare::samplePositions(70000, 12),
        (std::vector<qsizetype> { 46730, 48393, 41416, 34506, 43725, 11615, 24656, 22411, 936, 56364, 25949,
            31524 }));
    QCOMPARE(LegacyPrepare::samplePositions(25, 25, 7),
        (std::vector<qsizetype> { 1, 5, 11, 13, 2, 21, 9, 16, 12, 0, 23, 6, 20, 17, 24, 10, 18, 8, 14, 7, 19, 3,
            22, 4, 15 }));
}

void TestLegacyPrepare::findsCommonPrefixAndSuffixInCodePoints()
{
    QCOMPARE(LegacyPrepare::commonXfix({ QStringLiteral("ab ->"), QStringLiteral("cd ->") }, true),
        QStringLiteral(" ->"));
    QCOMPARE(LegacyPrepare::commonXfix({ QStringLiteral("same"), QStringLiteral("same") }, true),
        QStringLiteral("same"));
    QCOMPARE(LegacyPrepare::commonXfix({ QStringLiteral("ab"), QStringLiteral("cab") }, true),
        QStringLiteral("ab"));
    QCOMPARE(LegacyPrepare::commonXfix({ QStringLiteral("Q: a"), QStringLiteral("Q: b") }, false),
        QStringLiteral("Q: "));
    QCOMPARE(LegacyPrepare::commonXfix({ QString(), QStringLiteral("x") }, false), QString());
    // U+1F600 and U+1F601 share their high surrogate: no common prefix in code points.
    QCOMPARE(LegacyPrepare::commonXfix({ QStringLiteral("\U0001F600"), QStringLiteral("\U0001F601") }, false),
        QString());
    QCOMPARE(
        LegacyPrepare::commonXfix({ QStringLiteral("a\U0001F600"), QStringLiteral("b\U0001F600") }, true),
        QStringLiteral("\U0001F600"));
}

void TestLegacyPrepare::escapesJsonLikePandas()
{
    QByteArray out;
    tb::LegacyTable::appendJsonString(out, QStringLiteral("a/b \"q\" \\ \n\t\r\b\f \x01 \x7f é 😀 <&>"));
    QCOMPARE(out,
        QByteArray("\"a\\/b \\\"q\\\" \\\\ \\n\\t\\r\\b\\f \\u0001 \x7f \xc3\xa9 \xf0\x9f\x98\x80 <&>\""));
}

void TestLegacyPrepare::readsValuesAsPandasStrings()
{
    // pd.read_json(lines=True, dtype=str): ints stay "1", an int column with a missing
    // value turns float ("1.0", "nan"), null in a text column is "None".
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("types.jsonl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"prompt\": \"a\", \"completion\": 1, \"n\": 1, \"b\": true, \"x\": null}\n"
               "{\"prompt\": \"b\", \"completion\": 2, \"b\": false, \"x\": \"t\"}\n"
               "{\"prompt\": \"c\", \"completion\": 3.5, \"n\": 2, \"b\": true, \"x\": [1, \"y\"]}\n");
    file.close();
    tb::LegacyTable::ReadNotes notes;
    const auto table = tb::LegacyTable::read(path, notes);
    QVERIFY(table.ok());
    QCOMPARE(table->columns(),
        (QStringList { QStringLiteral("prompt"), QStringLiteral("completion"), QStringLiteral("n"),
            QStringLiteral("b"), QStringLiteral("x") }));
    const auto column = [&](int c) {
        QStringList values;
        for (qsizetype r = 0; r < table->rowCount(); ++r)
            values.append(table->cell(r, c));
        return values.join(QLatin1Char('|'));
    };
    QCOMPARE(column(1), QStringLiteral("1.0|2.0|3.5"));
    QCOMPARE(column(2), QStringLiteral("1.0|nan|2.0"));
    QCOMPARE(column(3), QStringLiteral("True|False|True"));
    QCOMPARE(column(4), QStringLiteral("None|t|[1, 'y']"));
}

void TestLegacyPrepare::turnsTheAnalysisIntoFindings()
{
    QTemporaryDir dir;
    const LegacyPrepare::Analysis analysis
        = LegacyPrepare().analyze(copyFixture(dir, QStringLiteral("remediations.jsonl")));
    QVERIFY(!analysis.aborted);
    QStringList rules;
    for (const tb::DatasetFinding& f : analysis.findings()) {
        QCOMPARE(f.line, qint64(0));
        rules.append(f.rule);
    }
    QCOMPARE(rules,
        (QStringList { QStringLiteral("legacy_num_examples"), QStringLiteral("legacy_lower_case"),
            QStringLiteral("legacy_prompt_suffix"), QStringLiteral("legacy_prompt_prefix"),
            QStringLiteral("legacy_completion_prefix"), QStringLiteral("legacy_completion_suffix"),
            QStringLiteral("legacy_completion_space_start") }));
}

void TestLegacyPrepare::preparingWithEveryRecommendationWritesWhatQuietModeWrites_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("split");
    QTest::newRow("remediations") << QStringLiteral("remediations.jsonl")
                                  << QStringList { QStringLiteral("remediations_prepared.expected") }
                                  << false;
    QTest::newRow("classification") << QStringLiteral("classify.jsonl")
                                    << QStringList { QStringLiteral("classify_prepared_train.expected"),
                                           QStringLiteral("classify_prepared_valid.expected") }
                                    << true;
    QTest::newRow("csv") << QStringLiteral("table.csv")
                         << QStringList { QStringLiteral("table_prepared.expected") } << false;
    QTest::newRow("text") << QStringLiteral("lines.txt")
                          << QStringList { QStringLiteral("lines_prepared.expected") } << false;
}

// The GUI path (analyze, prepare, write) must give the CLI's -q bytes.
void TestLegacyPrepare::preparingWithEveryRecommendationWritesWhatQuietModeWrites()
{
    QFETCH(QString, input);
    QFETCH(QStringList, expected);
    QFETCH(bool, split);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = copyFixture(dir, input);
    const LegacyPrepare prepare;
    const LegacyPrepare::Analysis analysis = prepare.analyze(path);
    QVERIFY(!analysis.aborted);
    const LegacyPrepare::Preparation preparation = prepare.prepare(analysis, {});
    QVERIFY(!preparation.failure);
    QVERIFY(preparation.changed || split);
    QCOMPARE(preparation.classification, split);
    const QStringList names = LegacyPrepare::outputFileNames(path, split);
    QVERIFY(LegacyPrepare::write(preparation.table, names, split).ok());
    for (int i = 0; i < expected.size(); ++i)
        QCOMPARE(readAll(names.at(i)),
            readAll(tb::test::sourcePath(
                QStringLiteral("tests/core/data/validators/prepare/") + expected.at(i))));
}

namespace {

// The position in Analysis::recommendations() of the recommendation with `rule`.
int recommendationWithRule(const LegacyPrepare::Analysis& analysis, const QString& rule)
{
    const std::vector<std::size_t> recommended = analysis.recommendations();
    for (std::size_t i = 0; i < recommended.size(); ++i) {
        if (analysis.remediations[recommended[i]].rule == rule)
            return int(i);
    }
    return -1;
}

} // namespace

void TestLegacyPrepare::rejectedRecommendationLeavesTheDataAsItWas()
{
    QTemporaryDir dir;
    const QString path = copyFixture(dir, QStringLiteral("remediations.jsonl"));
    const LegacyPrepare prepare;
    const LegacyPrepare::Analysis analysis = prepare.analyze(path);
    QCOMPARE(analysis.recommendations().size(), std::size_t(7));
    const int lower = recommendationWithRule(analysis, QStringLiteral("legacy_lower_case"));
    QVERIFY(lower >= 0);
    std::vector<bool> accepted(analysis.recommendations().size(), true);
    accepted[std::size_t(lower)] = false;
    const LegacyPrepare::Preparation preparation = prepare.prepare(analysis, accepted);
    QVERIFY(preparation.changed);
    QCOMPARE(preparation.table.toJsonLines({ QStringLiteral("prompt"), QStringLiteral("completion") }),
        QByteArray("{\"prompt\":\"GOOD MORNING ->\",\"completion\":\" bonjour\\n\"}\n"
                   "{\"prompt\":\"THANK YOU ->\",\"completion\":\" merci\\n\"}\n"
                   "{\"prompt\":\"DOG\\/WOLF ->\",\"completion\":\" chien \\\"loup\\\"\\n\"}\n"
                   "{\"prompt\":\"Ünïcödé ->\",\"completion\":\" ça va\\n\"}\n"));
    // Rejected, it still says what it would have done.
    const LegacyPrepare::Effect& effect = preparation.effects.at(std::size_t(lower));
    QVERIFY(!effect.accepted);
    QCOMPARE(effect.rowsAffected, qsizetype(4));
    QCOMPARE(effect.preview.front().promptBefore, QStringLiteral("Translate to French: GOOD MORNING"));
    QCOMPARE(effect.preview.front().promptAfter, QStringLiteral("translate to french: good morning"));
}

void TestLegacyPrepare::effectsCountAndPreviewTheAffectedRows()
{
    QTemporaryDir dir;
    const QString path = copyFixture(dir, QStringLiteral("remediations.jsonl"));
    const LegacyPrepare prepare;
    const LegacyPrepare::Analysis analysis = prepare.analyze(path);
    const LegacyPrepare::Preparation preparation = prepare.prepare(analysis, {}, 2);
    QCOMPARE(preparation.effects.size(), analysis.recommendations().size());

    const LegacyPrepare::Effect& duplicates = preparation.effects.at(
        std::size_t(recommendationWithRule(analysis, QStringLiteral("legacy_duplicated_rows"))));
    QCOMPARE(duplicates.rows, qsizetype(5));
    QCOMPARE(duplicates.rowsAffected, qsizetype(1));
    QCOMPARE(duplicates.preview.size(), std::size_t(1));
    QVERIFY(duplicates.preview.front().removed);
    QCOMPARE(duplicates.preview.front().row, qint64(3)); // the fourth record; the empty one went first
    QCOMPARE(duplicates.preview.front().promptBefore, QStringLiteral("Translate to French: THANK YOU"));

    // Applied after the lowercase and suffix steps, on what they left.
    const LegacyPrepare::Effect& prefix = preparation.effects.at(
        std::size_t(recommendationWithRule(analysis, QStringLiteral("legacy_prompt_prefix"))));
    QCOMPARE(prefix.rows, qsizetype(4)); // the duplicate is gone by then
    QCOMPARE(prefix.rowsAffected, qsizetype(4));
    QCOMPARE(prefix.preview.size(), std::size_t(2)); // previewRows
    QCOMPARE(prefix.preview.at(1).row, qint64(1));
    QCOMPARE(prefix.preview.at(1).promptBefore, QStringLiteral("translate to french: thank you ->"));
    QCOMPARE(prefix.preview.at(1).promptAfter, QStringLiteral("thank you ->"));
    QCOMPARE(prefix.preview.at(1).completionAfter, prefix.preview.at(1).completionBefore);
}

void TestLegacyPrepare::racingRecommendsOnlyALeadingSpace()
{
    TB_REQUIRE_SHARED(input, "book/racing.jsonl");
    const LegacyPrepare prepare;
    const LegacyPrepare::Analysis analysis = prepare.analyze(input);
    QCOMPARE(analysis.recommendations().size(), std::size_t(1));
    const LegacyPrepare::Remediation& only = analysis.remediations.at(analysis.recommendations().front());
    QCOMPARE(only.rule, QStringLiteral("legacy_completion_space_start"));
    const LegacyPrepare::Preparation rejected = prepare.prepare(analysis, { false });
    QVERIFY(!rejected.changed); // nothing to write, like answering n
    QCOMPARE(rejected.effects.front().rowsAffected, qsizetype(125));
    QCOMPARE(rejected.effects.front().preview.front().completionAfter,
        QStringLiteral(" A gravity-defying maneuver utilizing the pod's advanced repulsorlift technology."));
}

void TestLegacyPrepare::stopsAtEveryCancelCheck_data()
{
    // Enough rows that reading asks more than once per pass; completions without a
    // leading space, so that the last validator always adds a remediation.
    constexpr int kRows = 10000;
    QByteArray jsonl, csv = "prompt,completion\n", json = "[\n";
    for (int i = 0; i < kRows; ++i) {
        const QByteArray prompt = "question " + QByteArray::number(i) + " ->";
        const QByteArray completion = i % 3 ? "yes" : "no";
        jsonl += "{\"prompt\": \"" + prompt + "\", \"completion\": \"" + completion + "\"}\n";
        csv += prompt + ',' + completion + '\n';
        json += (i > 0 ? ",\n" : "") + QByteArray("  {\"prompt\": \"") + prompt + "\", \"completion\": \""
            + completion + "\"}";
    }
    json += "\n]\n";
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("jsonl") << QStringLiteral("rows.jsonl") << jsonl;
    QTest::newRow("csv") << QStringLiteral("rows.csv") << csv;
    QTest::newRow("json document") << QStringLiteral("rows.json") << json;
}

void TestLegacyPrepare::stopsAtEveryCancelCheck()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();

    int checks = 0;
    const LegacyPrepare::Analysis full = LegacyPrepare().analyze(path, [&checks] {
        ++checks;
        return false;
    });
    QVERIFY(!full.canceled);
    QVERIFY(!full.aborted);
    QCOMPARE(full.table.rowCount(), qsizetype(10000));
    QCOMPARE(full.remediations.size(), LegacyPrepare().analyze(path).remediations.size());
    QVERIFY2(checks > 16, qPrintable(QString::number(checks))); // while reading, and before each validator

    // Canceled at each check in turn (and canceled it stays, like a QPromise): stops there,
    // before the next validator.
    int stopsWhileReading = 0;
    for (int stopAt = 1; stopAt <= checks; ++stopAt) {
        int asked = 0;
        const LegacyPrepare::Analysis analysis
            = LegacyPrepare().analyze(path, [&asked, stopAt] { return ++asked >= stopAt; });
        QVERIFY2(analysis.canceled, qPrintable(QString::number(stopAt)));
        QVERIFY(!analysis.aborted);
        QVERIFY(analysis.remediations.size() < full.remediations.size());
        if (analysis.remediations.empty()) {
            QCOMPARE(analysis.table.rowCount(), qsizetype(0));
            ++stopsWhileReading;
        }
    }
    QVERIFY(stopsWhileReading >= 2);
}

QTEST_GUILESS_MAIN(TestLegacyPrepare)
#include "tst_legacyprepare.moc"
