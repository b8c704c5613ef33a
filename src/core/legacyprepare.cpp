// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/legacyprepare.h"

#include "core/pythonformat.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <random>

namespace tb {

namespace {

using Remediation = LegacyPrepare::Remediation;

const QString kPrompt = QStringLiteral("prompt");
const QString kCompletion = QStringLiteral("completion");

enum class TaskType { OpenEnded, Classification, Conditional };

QStringList columnValues(const LegacyTable& table, const QString& name)
{
    const qsizetype c = table.columnIndex(name);
    QStringList values;
    values.reserve(table.rowCount());
    for (qsizetype r = 0; r < table.rowCount(); ++r)
        values.append(table.cell(r, c));
    return values;
}

// Most of the tool's fixes rewrite every cell of one column.
void editColumn(LegacyTable& table, const QString& column, const std::function<void(QString&)>& edit)
{
    const qsizetype c = table.columnIndex(column);
    for (qsizetype r = 0; r < table.rowCount(); ++r)
        edit(table.cell(r, c));
}

bool allEqualTo(const QStringList& values, const QString& common)
{
    return std::all_of(values.begin(), values.end(), [&](const QString& v) { return v == common; });
}

Remediation remediation(const QString& name, const QString& rule)
{
    Remediation r;
    r.name = name;
    r.rule = rule;
    return r;
}

// The text both stages print where a remediation fails the way the Python tool raised.
QString stopsHere(const QString& failure)
{
    return QStringLiteral("\n\nERROR: the legacy tool stops here with %1\n").arg(failure);
}

// Asks a "[Y/n]" question; -q (autoAccept) answers yes and echoes it like the tool.
bool accepted(const LegacyPrepare::Io& io, const QString& question)
{
    io.out(question);
    if (io.autoAccept) {
        io.out(QStringLiteral("Y\n"));
        return true;
    }
    return io.ask();
}

qsizetype uniqueCount(const QStringList& values)
{
    return QSet<QString>(values.begin(), values.end()).size();
}

TaskType inferTaskType(const LegacyTable& table)
{
    constexpr int kClassificationThreshold = 3; // min average instances of each class
    const QStringList prompts = columnValues(table, kPrompt);
    if (std::all_of(prompts.begin(), prompts.end(), [](const QString& p) { return p.isEmpty(); }))
        return TaskType::OpenEnded;
    if (double(uniqueCount(columnValues(table, kCompletion)))
        < double(table.rowCount()) / kClassificationThreshold)
        return TaskType::Classification;
    return TaskType::Conditional;
}

QString escapeNewlines(QString text)
{
    return text.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
}

// s[:1]: the first code point.
QString firstCharacter(const QString& s)
{
    if (s.isEmpty())
        return {};
    return s.left(s.at(0).isHighSurrogate() && s.size() > 1 && s.at(1).isLowSurrogate() ? 2 : 1);
}

// s[len(prefix):] for a prefix that s starts with.
QString afterPrefix(const QString& s, const QString& prefix)
{
    return s.mid(prefix.size());
}

// s[:-len(suffix)] for a suffix that s ends with (Python: s[:-0] is "").
QString beforeSuffix(const QString& s, const QString& suffix)
{
    if (suffix.isEmpty())
        return {};
    return s.left(s.size() - suffix.size());
}

std::vector<qint64> positionsWhere(const std::vector<bool>& flags)
{
    std::vector<qint64> positions;
    for (std::size_t i = 0; i < flags.size(); ++i) {
        if (flags[i])
            positions.push_back(qint64(i));
    }
    return positions;
}

std::vector<bool> duplicatedRows(const LegacyTable& table)
{
    const qsizetype p = table.columnIndex(kPrompt), c = table.columnIndex(kCompletion);
    QSet<QPair<QString, QString>> seen;
    std::vector<bool> duplicated;
    for (qsizetype r = 0; r < table.rowCount(); ++r) {
        const QPair<QString, QString> key(table.cell(r, p), table.cell(r, c));
        duplicated.push_back(seen.contains(key));
        seen.insert(key);
    }
    return duplicated;
}

std::vector<qint64> longIndexes(const LegacyTable& table)
{
    const qsizetype p = table.columnIndex(kPrompt), c = table.columnIndex(kCompletion);
    std::vector<bool> flags;
    for (qsizetype r = 0; r < table.rowCount(); ++r)
        flags.push_back(python::length(table.cell(r, p)) + python::length(table.cell(r, c)) > 10000);
    return positionsWhere(flags);
}

// x.drop(labels): the Python tool passes row positions as labels; a position that is not
// a label raised KeyError there.
std::optional<QString> dropLabels(LegacyTable& table, const std::vector<qint64>& labels)
{
    std::vector<bool> keep(std::size_t(table.rowCount()), true);
    for (qint64 label : labels) {
        bool found = false;
        for (qsizetype r = 0; r < table.rowCount(); ++r) {
            if (table.label(r) == label) {
                keep[std::size_t(r)] = false;
                found = true;
            }
        }
        if (!found)
            return QStringLiteral("KeyError: '[%1] not found in axis'").arg(label);
    }
    table.dropRows(keep);
    return std::nullopt;
}

Remediation numExamples(const LegacyTable& table)
{
    constexpr int kMinExamples = 100;
    Remediation r = remediation(QStringLiteral("num_examples"), QStringLiteral("legacy_num_examples"));
    const QString suggestion = table.rowCount() >= kMinExamples
        ? QString()
        : QStringLiteral(
            ". In general, we recommend having at least a few hundred examples. We've found that "
            "performance tends to linearly increase for every doubling of the number of examples");
    r.immediate = QStringLiteral("\n- Your file contains %1 prompt-completion pairs%2")
                      .arg(table.rowCount())
                      .arg(suggestion);
    return r;
}

Remediation necessaryColumn(const LegacyTable& table, const QString& column)
{
    Remediation r = remediation(QStringLiteral("necessary_column"), QStringLiteral("necessary_column"));
    if (table.columns().contains(column))
        return r;
    qsizetype match = -1;
    for (qsizetype i = 0; i < table.columns().size(); ++i) {
        if (table.columns().at(i).toLower() == column) {
            match = i;
            break;
        }
    }
    if (match >= 0) {
        r.necessaryFn = [column](LegacyTable& t) -> std::optional<QString> {
            for (qsizetype i = 0; i < t.columns().size(); ++i) {
                if (t.columns().at(i).toLower() == column) {
                    t.renameColumn(i, column);
                    break;
                }
            }
            return std::nullopt;
        };
        r.immediate = QStringLiteral("\n- The `%1` column/key should be lowercase").arg(column);
        r.necessary = QStringLiteral("Lower case column name to `%1`").arg(column);
    } else {
        r.error = QStringLiteral("`%1` column/key is missing. Please make sure you name your columns/keys "
                                 "appropriately, then retry")
                      .arg(column);
    }
    return r;
}

Remediation additionalColumns(const LegacyTable& table)
{
    Remediation r = remediation(QStringLiteral("additional_column"), QStringLiteral("additional_column"));
    if (table.columns().size() <= 2)
        return r;
    QStringList additional;
    for (const QString& c : table.columns()) {
        if (c != kPrompt && c != kCompletion)
            additional.append(c);
    }
    QString warning;
    // The Python check matches every column against itself, so each one gets the warning.
    for (const QString& ac : additional) {
        warning += QStringLiteral(
            "\n  WARNING: Some of the additional columns/keys contain `%1` in their name. These will be "
            "ignored, and the column/key `%1` will be used instead. This could also result from a "
            "duplicate column/key in the provided file.")
                       .arg(ac);
    }
    QStringList reprs;
    for (const QString& ac : additional)
        reprs.append(python::strRepr(ac));
    const QString list = python::listRepr(reprs);
    r.immediate = QStringLiteral(
        "\n- The input file should contain exactly two columns/keys per row. Additional columns/keys "
        "present are: %1%2")
                      .arg(list, warning);
    r.necessary = QStringLiteral("Remove additional columns/keys: %1").arg(list);
    r.necessaryFn = [](LegacyTable& t) -> std::optional<QString> {
        t.selectColumns({ kPrompt, kCompletion });
        return std::nullopt;
    };
    return r;
}

Remediation nonEmptyCompletion(const LegacyTable& table)
{
    Remediation r = remediation(QStringLiteral("empty_completion"), QStringLiteral("empty_completion"));
    const QStringList completions = columnValues(table, kCompletion);
    std::vector<bool> empty;
    for (const QString& c : completions)
        empty.push_back(c.isEmpty());
    const std::vector<qint64> rows = positionsWhere(empty);
    if (rows.empty())
        return r;
    r.immediate
        = QStringLiteral("\n- `completion` column/key should not contain empty strings. These are rows: %1")
              .arg(python::intListRepr(rows));
    r.necessary = QStringLiteral("Remove %1 rows with empty completions").arg(rows.size());
    r.necessaryFn = [](LegacyTable& t) -> std::optional<QString> {
        const qsizetype c = t.columnIndex(kCompletion);
        std::vector<bool> keep;
        for (qsizetype i = 0; i < t.rowCount(); ++i)
            keep.push_back(!t.cell(i, c).isEmpty());
        t.keepRows(keep);
        return std::nullopt;
    };
    return r;
}

Remediation formatInferrer(const LegacyTable& table)
{
    Remediation r = remediation(QStringLiteral("num_examples"), QStringLiteral("legacy_classification"));
    if (inferTaskType(table) == TaskType::Classification)
        r.immediate = QStringLiteral(
            "\n- Based on your data it seems like you're trying to fine-tune a model for classification\n"
            "- For classification, we recommend you try one of the faster and cheaper models, such as `ada`\n"
            "- For classification, you can estimate the expected model performance by keeping a held out "
            "dataset, which is not used for training");
    return r;
}

Remediation duplicatedRowsValidator(const LegacyTable& table)
{
    Remediation r = remediation(QStringLiteral("duplicated_rows"), QStringLiteral("legacy_duplicated_rows"));
    const std::vector<qint64> rows = positionsWhere(duplicatedRows(table));
    if (rows.empty())
        return r;
    r.immediate = QStringLiteral("\n- There are %1 duplicated prompt-completion sets. These are rows: %2")
                      .arg(rows.size())
                      .arg(python::intListRepr(rows));
    r.optional = QStringLiteral("Remove %1 duplicate rows").arg(rows.size());
    r.optionalFn = [](LegacyTable& t, const LegacyPrepare::Output&) -> std::optional<QString> {
        std::vector<bool> keep;
        for (bool d : duplicatedRows(t))
            keep.push_back(!d);
        t.keepRows(keep);
        return std::nullopt;
    };
    return r;
}

Remediation longExamples(const LegacyTable& table)
{
    Remediation r = remediation(QStringLiteral("long_examples"), QStringLiteral("legacy_long_examples"));
    if (inferTaskType(table) == TaskType::OpenEnded)
        return r;
    const std::vector<qint64> rows = longIndexes(table);
    if (rows.empty())
        return r;
    r.immediate = QStringLiteral(
        "\n- There are %1 examples that are very long. These are rows: %2\nFor conditional generation, "
        "and for classification the examples shouldn't be longer than 2048 tokens.")
                      .arg(rows.size())
                      .arg(python::intListRepr(rows));
    r.optional = QStringLiteral("Remove %1 long examples").arg(rows.size());
    r.optionalFn = [rows](LegacyTable& t, const LegacyPrepare::Output& out) -> std::optional<QString> {
        const std::vector<qint64> now = longIndexes(t);
        if (now != rows)
            out(QStringLiteral(
                "The indices of the long examples has changed as a result of a previously applied "
                "recommendation.\nThe %1 long examples to be dropped are now at the following indices: %2\n")
                    .arg(now.size())
                    .arg(python::intListRepr(now)));
        return dropLabels(t, now);
    };
    return r;
}

std::optional<Remediation> lowerCase(const LegacyTable& table, const QString& column)
{
    qint64 upper = 0, lower = 0;
    for (const QString& value : columnValues(table, column)) {
        const QList<uint> codePoints = value.toUcs4();
        for (uint c : codePoints) {
            upper += python::isAlphaUpper(char32_t(c));
            lower += python::isAlphaLower(char32_t(c));
        }
    }
    if (upper * 2 <= lower)
        return std::nullopt;
    Remediation r = remediation(QStringLiteral("lower_case"), QStringLiteral("legacy_lower_case"));
    r.immediate = QStringLiteral(
        "\n- More than a third of your `%1` column/key is uppercase. Uppercase %1s tends to perform "
        "worse than a mixture of case encountered in normal language. We recommend to lower case the "
        "data if that makes sense in your domain. See "
        "https://platform.openai.com/docs/guides/fine-tuning/preparing-your-dataset for more details")
                      .arg(column);
    r.optional = QStringLiteral("Lowercase all your data in column/key `%1`").arg(column);
    r.optionalFn = [column](LegacyTable& t, const LegacyPrepare::Output&) -> std::optional<QString> {
        editColumn(t, column, [](QString& v) { v = python::lower(v); });
        return std::nullopt;
    };
    return r;
}

bool anyContains(const QStringList& values, const QString& needle)
{
    return std::any_of(values.begin(), values.end(), [&](const QString& v) { return v.contains(needle); });
}

// The first option that no value contains: a separator the model can rely on.
QString unusedOption(const QStringList& values, const QStringList& options, const QString& fallback)
{
    for (const QString& option : options) {
        if (!anyContains(values, option))
            return option;
    }
    return fallback;
}

// What the prompt and completion suffix checks say differently; the rest is shared.
struct SuffixWording
{
    QString column; // kPrompt or kCompletion
    QString plural; // "prompts"
    QString repeatAdvice; // follows "... contain the suffix `x` more than once. "
    QString missing; // the notice when the values share no suffix
    QString addSuggested; // the fix offered then; %1 is the suggested suffix
};

// Reports the common suffix of values, or offers to append the suggested one when there is none.
void adviseSuffix(Remediation& r, const QStringList& values, const QString& common, const QString& suggested,
    const SuffixWording& wording)
{
    const QString display = escapeNewlines(suggested);
    if (common.isEmpty()) {
        r.immediate = wording.missing;
        r.optional = wording.addSuggested.arg(display);
        r.optionalFn = [column = wording.column, suggested](
                           LegacyTable& t, const LegacyPrepare::Output&) -> std::optional<QString> {
            editColumn(t, column, [&](QString& v) { v += suggested; });
            return std::nullopt;
        };
        return;
    }
    QString message
        = QStringLiteral("\n- All %1 end with suffix `%2`").arg(wording.plural, escapeNewlines(common));
    if (python::length(common) > 10)
        message += QStringLiteral(
            ". This suffix seems very long. Consider replacing with a shorter suffix, such as `%1`")
                       .arg(display);
    if (std::any_of(values.begin(), values.end(),
            [&](const QString& v) { return beforeSuffix(v, common).contains(common); }))
        message += QStringLiteral("\n  WARNING: Some of your %1 contain the suffix `%2` more than once. ")
                       .arg(wording.plural, common)
            + wording.repeatAdvice;
    r.immediate = message;
}

Remediation commonPromptSuffix(const LegacyTable& table)
{
    const QStringList prompts = columnValues(table, kPrompt);
    QStringList options { QStringLiteral(" ->"), QStringLiteral("\n\n###\n\n"), QStringLiteral("\n\n===\n\n"),
        QStringLiteral("\n\n---\n\n"), QStringLiteral("\n\n===>\n\n"), QStringLiteral("\n\n--->\n\n") };
    if (anyContains(prompts, QStringLiteral("\n")))
        options.removeFirst(); // the tool never suggests " ->" for multi-line prompts
    const QString suggested = unusedOption(prompts, options, QStringLiteral("\n\n### =>\n\n"));

    Remediation r = remediation(QStringLiteral("common_suffix"), QStringLiteral("legacy_prompt_suffix"));
    if (inferTaskType(table) == TaskType::OpenEnded)
        return r;
    const QString common = LegacyPrepare::commonXfix(prompts, true);
    if (allEqualTo(prompts, common)) {
        r.error = QStringLiteral(
            "All prompts are identical: `%1`\nConsider leaving the prompts blank if you want to do "
            "open-ended generation, otherwise ensure prompts are different")
                      .arg(common);
        return r;
    }
    r.name = QStringLiteral("common_completion_suffix"); // sic: the Python tool reuses the name
    adviseSuffix(r, prompts, common, suggested,
        { kPrompt, QStringLiteral("prompts"),
            QStringLiteral("We strongly suggest that you review your prompts and add a unique suffix"),
            QStringLiteral(
                "\n- Your data does not contain a common separator at the end of your prompts. Having a "
                "separator string appended to the end of the prompt makes it clearer to the fine-tuned "
                "model where the completion should begin. See "
                "https://platform.openai.com/docs/guides/fine-tuning/preparing-your-dataset for more detail "
                "and examples. If you intend to do open-ended generation, then you should leave the prompts "
                "empty"),
            QStringLiteral("Add a suffix separator `%1` to all prompts") });
    return r;
}

Remediation commonPromptPrefix(const LegacyTable& table)
{
    constexpr int kMaxPrefixLength = 12;
    Remediation r = remediation(QStringLiteral("common_prefix"), QStringLiteral("legacy_prompt_prefix"));
    const QStringList prompts = columnValues(table, kPrompt);
    const QString common = LegacyPrepare::commonXfix(prompts, false);
    if (common.isEmpty())
        return r;
    if (allEqualTo(prompts, common))
        return r; // already handled by the suffix validator
    r.name = QStringLiteral("common_prompt_prefix");
    QString message = QStringLiteral("\n- All prompts start with prefix `%1`").arg(common);
    if (python::length(common) > kMaxPrefixLength) {
        message += QStringLiteral(
            ". Fine-tuning doesn't require the instruction specifying the task, or a few-shot example "
            "scenario. Most of the time you should only add the input data into the prompt, and the "
            "desired output into the completion");
        r.optional = QStringLiteral("Remove prefix `%1` from all prompts").arg(common);
        r.optionalFn = [common](LegacyTable& t, const LegacyPrepare::Output&) -> std::optional<QString> {
            editColumn(t, kPrompt, [&](QString& v) { v = afterPrefix(v, common); });
            return std::nullopt;
        };
    }
    r.immediate = message;
    return r;
}

Remediation commonCompletionPrefix(const LegacyTable& table)
{
    constexpr int kMaxPrefixLength = 5;
    Remediation r = remediation(QStringLiteral("common_prefix"), QStringLiteral("legacy_completion_prefix"));
    const QStringList completions = columnValues(table, kCompletion);
    const QString common = LegacyPrepare::commonXfix(completions, false);
    const bool whitespacePrefix = !common.isEmpty() && common.at(0) == QLatin1Char(' ');
    if (python::length(common) < kMaxPrefixLength)
        return r;
    if (allEqualTo(completions, common))
        return r;
    r.name = QStringLiteral("common_completion_prefix");
    r.immediate = QStringLiteral(
        "\n- All completions start with prefix `%1`. Most of the time you should only add the output "
        "data into the completion, without any prefix")
                      .arg(common);
    r.optional = QStringLiteral("Remove prefix `%1` from all completions").arg(common);
    r.optionalFn
        = [common, whitespacePrefix](LegacyTable& t, const LegacyPrepare::Output&) -> std::optional<QString> {
        editColumn(t, kCompletion, [&](QString& v) {
            v = afterPrefix(v, common);
            if (whitespacePrefix)
                v.prepend(QLatin1Char(' ')); // keep the single whitespace as prefix
        });
        return std::nullopt;
    };
    return r;
}

Remediation commonCompletionSuffix(const LegacyTable& table)
{
    Remediation r = remediation(QStringLiteral("common_suffix"), QStringLiteral("legacy_completion_suffix"));
    const TaskType type = inferTaskType(table);
    if (type == TaskType::OpenEnded || type == TaskType::Classification)
        return r;
    const QStringList completions = columnValues(table, kCompletion);
    const QString common = LegacyPrepare::commonXfix(completions, true);
    if (allEqualTo(completions, common)) {
        r.error = QStringLiteral(
            "All completions are identical: `%1`\nEnsure completions are different, otherwise the model "
            "will just repeat `%1`")
                      .arg(common);
        return r;
    }
    const QString suggested = unusedOption(completions,
        { QStringLiteral("\n"), QStringLiteral("."), QStringLiteral(" END"), QStringLiteral("***"),
            QStringLiteral("+++"), QStringLiteral("&&&"), QStringLiteral("$$$"), QStringLiteral("@@@"),
            QStringLiteral("%%%") },
        QStringLiteral(" [END]"));
    r.name = QStringLiteral("common_completion_suffix");
    adviseSuffix(r, completions, common, suggested,
        { kCompletion, QStringLiteral("completions"),
            QStringLiteral("We suggest that you review your completions and add a unique ending"),
            QStringLiteral(
                "\n- Your data does not contain a common ending at the end of your completions. Having a "
                "common ending string appended to the end of the completion makes it clearer to the "
                "fine-tuned model where the completion should end. See "
                "https://platform.openai.com/docs/guides/fine-tuning/preparing-your-dataset for more detail "
                "and examples."),
            QStringLiteral("Add a suffix ending `%1` to all completions") });
    return r;
}

Remediation completionSpaceStart(const LegacyTable& table)
{
    Remediation r = remediation(
        QStringLiteral("completion_space_start"), QStringLiteral("legacy_completion_space_start"));
    const QStringList completions = columnValues(table, kCompletion);
    QSet<QString> firsts;
    for (const QString& c : completions)
        firsts.insert(firstCharacter(c));
    if (firsts.size() != 1 || !completions.first().startsWith(QLatin1Char(' '))) {
        r.immediate = QStringLiteral(
            "\n- The completion should start with a whitespace character (` `). This tends to produce "
            "better results due to the tokenization we use. See "
            "https://platform.openai.com/docs/guides/fine-tuning/preparing-your-dataset for more details");
        r.optional = QStringLiteral("Add a whitespace character to the beginning of the completion");
        r.optionalFn = [](LegacyTable& t, const LegacyPrepare::Output&) -> std::optional<QString> {
            const qsizetype c = t.columnIndex(kCompletion);
            for (qsizetype i = 0; i < t.rowCount(); ++i) {
                QString& value = t.cell(i, c);
                if (value.isEmpty())
                    return QStringLiteral("IndexError: string index out of range");
                if (value.at(0) != QLatin1Char(' '))
                    value.prepend(QLatin1Char(' '));
            }
            return std::nullopt;
        };
    }
    return r;
}

QString formatTime(double time)
{
    if (time < 60)
        return python::floatRepr(python::round(time, 2)) + QStringLiteral(" seconds");
    if (time < 3600)
        return python::floatRepr(python::round(time / 60, 2)) + QStringLiteral(" minutes");
    if (time < 86400)
        return python::floatRepr(python::round(time / 3600, 2)) + QStringLiteral(" hours");
    return python::floatRepr(python::round(time / 86400, 2)) + QStringLiteral(" days");
}

// df.memory_usage(index=True).sum() counts 8 bytes per object cell plus the index: 132
// bytes for a RangeIndex (Debian 12: Python 3.11 + pandas 1.5.3), else 8 per row plus the
// index engine's khash table, which the tool's operations always populate once rows were
// dropped (checked against the real tool on generated inputs): Int64HashTable::sizeof for a
// table sized for `rows` keys (kh_needed_n_buckets: the smallest power of two, at least 4,
// whose 0.77 load bound holds them).
qint64 pandasEngineBytes(qint64 rows)
{
    qint64 buckets = 4;
    while (qint64(double(buckets) * 0.77 + 0.5) < rows)
        buckets *= 2;
    const qint64 overhead = 4 * 4 + 3 * 8;
    const qint64 flags = std::max<qint64>(1, buckets >> 5) * 4;
    return overhead + flags + buckets * (8 + 8);
}

QString estimateFineTuningTime(const LegacyTable& table)
{
    double expected = 0;
    if (inferTaskType(table) == TaskType::Classification) {
        expected = double(table.rowCount()) * 1.44;
    } else {
        const qint64 rows = table.rowCount();
        const qint64 index = table.hasRangeIndex() ? 132 : 8 * rows + pandasEngineBytes(rows);
        expected = double(index + 8 * rows * table.columns().size()) * 0.0515;
    }
    return QStringLiteral(
        "Once your model starts training, it'll approximately take %1 to train a `curie` model, and less "
        "for `ada` and `babbage`. Queue will approximately take half an hour per job ahead of you.\n")
        .arg(formatTime(expected + 140));
}

// The rows of `before` that `after` (the same rows, some edited or dropped, in order)
// changed: counted in *count, the first `limit` returned.
std::vector<LegacyPrepare::RowChange> changedRows(
    const LegacyTable& before, const LegacyTable& after, int limit, qsizetype* count)
{
    std::vector<LegacyPrepare::RowChange> rows;
    *count = 0;
    const qsizetype p = before.columnIndex(kPrompt), c = before.columnIndex(kCompletion);
    const qsizetype ap = after.columnIndex(kPrompt), ac = after.columnIndex(kCompletion);
    qsizetype j = 0;
    for (qsizetype i = 0; i < before.rowCount(); ++i) {
        const bool kept = j < after.rowCount() && after.label(j) == before.label(i);
        if (kept && after.cell(j, ap) == before.cell(i, p) && after.cell(j, ac) == before.cell(i, c)) {
            ++j;
            continue;
        }
        ++*count;
        if (qsizetype(rows.size()) < limit) {
            LegacyPrepare::RowChange change;
            change.row = before.label(i);
            change.promptBefore = before.cell(i, p);
            change.completionBefore = before.cell(i, c);
            change.removed = !kept;
            if (kept) {
                change.promptAfter = after.cell(j, ap);
                change.completionAfter = after.cell(j, ac);
            }
            rows.push_back(std::move(change));
        }
        if (kept)
            ++j;
    }
    return rows;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(bytes);
    return file.commit();
}

} // namespace

QString LegacyPrepare::commonXfix(const QStringList& values, bool suffix)
{
    if (values.isEmpty())
        return {};
    QString common = values.first();
    for (const QString& v : values) {
        qsizetype n = 0;
        const qsizetype limit = std::min(common.size(), v.size());
        if (suffix) {
            while (n < limit && common.at(common.size() - 1 - n) == v.at(v.size() - 1 - n))
                ++n;
            common = common.right(n);
        } else {
            while (n < limit && common.at(n) == v.at(n))
                ++n;
            common = common.left(n);
        }
        if (common.isEmpty())
            return common;
    }
    // Python compares code points: never keep half of a surrogate pair.
    if (suffix && common.at(0).isLowSurrogate())
        common.remove(0, 1);
    if (!suffix && !common.isEmpty() && common.back().isHighSurrogate())
        common.chop(1);
    return common;
}

std::vector<qsizetype> LegacyPrepare::samplePositions(qsizetype rows, qsizetype n, quint32 seed)
{
    // numpy.random.RandomState(seed): MT19937 seeded by init_genrand, which std::mt19937 shares.
    std::mt19937 generator(seed);
    std::vector<qsizetype> permutation(static_cast<std::size_t>(rows));
    for (qsizetype i = 0; i < rows; ++i)
        permutation[std::size_t(i)] = i;
    // RandomState.shuffle: Fisher-Yates from the end, j drawn by masked rejection sampling.
    for (qsizetype i = rows - 1; i >= 1; --i) {
        quint64 mask = quint64(i);
        for (int shift : { 1, 2, 4, 8, 16, 32 })
            mask |= mask >> shift;
        quint64 j = 0;
        while ((j = (quint64(generator()) & mask)) > quint64(i)) { }
        std::swap(permutation[std::size_t(i)], permutation[std::size_t(j)]);
    }
    permutation.resize(std::size_t(std::min(n, rows)));
    return permutation;
}

QStringList LegacyPrepare::outputFileNames(const QString& path, bool split)
{
    // os.path.splitext: the last extension of the file name (a leading dot does not count).
    QString stem = path;
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    const qsizetype dot = path.lastIndexOf(QLatin1Char('.'));
    if (dot > slash + 1) {
        qsizetype firstNonDot = slash + 1;
        while (firstNonDot < path.size() && path.at(firstNonDot) == QLatin1Char('.'))
            ++firstNonDot;
        if (dot > firstNonDot)
            stem = path.left(dot);
    }
    const QStringList suffixes = split ? QStringList { QStringLiteral("_train"), QStringLiteral("_valid") }
                                       : QStringList { QString() };
    for (int i = 0;; ++i) {
        const QString index = i > 0 ? QStringLiteral(" (%1)").arg(i) : QString();
        QStringList names;
        for (const QString& suffix : suffixes)
            names.append(stem + QStringLiteral("_prepared") + suffix + index + QStringLiteral(".jsonl"));
        if (std::none_of(names.begin(), names.end(), [](const QString& n) { return QFileInfo(n).isFile(); }))
            return names;
    }
}

std::vector<DatasetFinding> LegacyPrepare::Analysis::findings() const
{
    std::vector<DatasetFinding> out;
    for (const Remediation& r : remediations) {
        // Per-line validation reports these three on their lines already.
        if (r.rule == QLatin1String("necessary_column") || r.rule == QLatin1String("additional_column")
            || r.rule == QLatin1String("empty_completion")
            || r.rule == QLatin1String("legacy_duplicated_rows"))
            continue;
        if (!r.immediate && !r.error)
            continue;
        DatasetFinding f;
        f.rule = r.rule;
        f.line = 0;
        f.severity = r.error              ? DatasetFinding::Severity::Error
            : (r.optional || r.necessary) ? DatasetFinding::Severity::Warning
                                          : DatasetFinding::Severity::Info;
        QString message = r.error ? *r.error : *r.immediate;
        if (message.startsWith(QLatin1String("\n- ")))
            message.remove(0, 3);
        // One line per finding: the tool's multi-line texts become one sentence list.
        f.message = message.trimmed()
                        .replace(QStringLiteral("\n- "), QStringLiteral("; "))
                        .replace(QLatin1Char('\n'), QLatin1Char(' '));
        f.fix = r.optional ? *r.optional : r.necessary ? *r.necessary : QString();
        out.push_back(std::move(f));
    }
    return out;
}

LegacyPrepare::Analysis LegacyPrepare::analyze(
    const QString& path, const std::function<bool()>& canceled) const
{
    Analysis analysis;
    QString text, errors;
    analysis = analyze(
        path, [&](const QString& s) { text += s; }, [&](const QString& s) { errors += s; }, canceled);
    analysis.text = text;
    analysis.errorText = errors;
    return analysis;
}

LegacyPrepare::Analysis LegacyPrepare::analyze(const QString& path,
    const std::function<void(const QString&)>& out, const std::function<void(const QString&)>& err,
    const std::function<bool()>& canceled) const
{
    Analysis analysis;
    const auto stopRequested = [&] {
        analysis.canceled = canceled && canceled();
        return analysis.canceled;
    };
    out(QStringLiteral("Analyzing...\n"));
    const auto applyNecessary = [&](Remediation& r) {
        if (r.error) {
            err(QStringLiteral("\n\nERROR in %1 validator: %2\n\nAborting...").arg(r.name, *r.error));
            analysis.aborted = true;
            return;
        }
        if (r.immediate)
            out(*r.immediate);
        if (r.necessaryFn) {
            if (const std::optional<QString> failure = r.necessaryFn(analysis.table)) {
                err(stopsHere(*failure));
                analysis.aborted = true;
            }
        }
    };

    LegacyTable::ReadNotes notes;
    Result<LegacyTable> read = LegacyTable::read(path, notes, canceled);
    if (stopRequested())
        return analysis;
    Remediation reading = remediation(QStringLiteral("read_any_format"), QStringLiteral("legacy_read"));
    if (!notes.immediate.isEmpty())
        reading.immediate = notes.immediate;
    if (!notes.necessary.isEmpty())
        reading.necessary = notes.necessary;
    if (!read)
        reading.error = read.error().message;
    applyNecessary(reading);
    analysis.remediations.push_back(reading);
    if (analysis.aborted)
        return analysis;
    analysis.table = std::move(read.value());

    using Validator = std::function<std::optional<Remediation>(const LegacyTable&)>;
    const std::vector<Validator> validators {
        [](const LegacyTable& t) { return numExamples(t); },
        [](const LegacyTable& t) { return necessaryColumn(t, kPrompt); },
        [](const LegacyTable& t) { return necessaryColumn(t, kCompletion); },
        [](const LegacyTable& t) { return additionalColumns(t); },
        [](const LegacyTable& t) { return nonEmptyCompletion(t); },
        [](const LegacyTable& t) { return formatInferrer(t); },
        [](const LegacyTable& t) { return duplicatedRowsValidator(t); },
        [](const LegacyTable& t) { return longExamples(t); },
        [](const LegacyTable& t) { return lowerCase(t, kPrompt); },
        [](const LegacyTable& t) { return lowerCase(t, kCompletion); },
        [](const LegacyTable& t) { return commonPromptSuffix(t); },
        [](const LegacyTable& t) { return commonPromptPrefix(t); },
        [](const LegacyTable& t) { return commonCompletionPrefix(t); },
        [](const LegacyTable& t) { return commonCompletionSuffix(t); },
        [](const LegacyTable& t) { return completionSpaceStart(t); },
    };
    for (const Validator& validator : validators) {
        if (stopRequested())
            return analysis;
        std::optional<Remediation> r = validator(analysis.table);
        if (!r)
            continue;
        analysis.remediations.push_back(*r);
        applyNecessary(analysis.remediations.back());
        if (analysis.aborted)
            return analysis;
    }
    return analysis;
}

LegacyPrepare::Outcome LegacyPrepare::run(const QString& path, const Io& io) const
{
    Outcome outcome;
    Analysis analysis = analyze(path, io.out, io.err, {});
    if (analysis.aborted) {
        outcome.exitCode = 1;
        outcome.inputError
            = analysis.remediations.size() == 1 && analysis.remediations.front().error.has_value();
        return outcome;
    }
    const auto& remediations = analysis.remediations;
    const bool anyOptionalOrNecessary = std::any_of(remediations.begin(), remediations.end(),
        [](const Remediation& r) { return r.optional || r.necessary; });
    const bool anyNecessary = std::any_of(
        remediations.begin(), remediations.end(), [](const Remediation& r) { return bool(r.necessary); });
    bool anyOptionalApplied = false;
    if (anyOptionalOrNecessary) {
        io.out(QStringLiteral("\n\nBased on the analysis we will perform the following actions:\n"));
        for (const Remediation& r : remediations) {
            if (r.optional && accepted(io, QStringLiteral("- [Recommended] %1 [Y/n]: ").arg(*r.optional))) {
                if (const std::optional<QString> failure = r.optionalFn(analysis.table, io.out)) {
                    io.err(stopsHere(*failure));
                    outcome.exitCode = 1;
                    return outcome;
                }
                anyOptionalApplied = true;
            }
            if (r.necessary)
                io.out(QStringLiteral("- [Necessary] %1\n").arg(*r.necessary));
        }
    } else {
        io.out(QStringLiteral("\n\nNo remediations found.\n"));
    }
    writeOutFile(analysis.table, path, anyOptionalApplied || anyNecessary, io, outcome);
    return outcome;
}

void LegacyPrepare::writeOutFile(
    LegacyTable& table, const QString& path, bool anyRemediations, const Io& io, Outcome& outcome) const
{
    const TaskType type = inferTaskType(table);
    const QString promptSuffix = escapeNewlines(commonXfix(columnValues(table, kPrompt), true));
    const QString completionSuffix = escapeNewlines(commonXfix(columnValues(table, kCompletion), true));

    bool split = false;
    if (type == TaskType::Classification
        && accepted(io,
            QStringLiteral(
                "- [Recommended] Would you like to split into training and validation set? [Y/n]: ")))
        split = true;

    QString additionalParams;
    const QString optionalEnding = completionSuffix.isEmpty()
        ? QString()
        : QStringLiteral(
            " Make sure to include `stop=[\"%1\"]` so that the generated texts ends at the expected place.")
              .arg(completionSuffix);

    if (!anyRemediations && !split) {
        io.out(QStringLiteral(
            "\nYou can use your file for fine-tuning:\n> openai api fine_tunes.create -t \"%1\"%2\n\nAfter "
            "you’ve fine-tuned a model, remember that your prompt has to end with the indicator string `%3` "
            "for the model to start generating completions, rather than continuing with the prompt.%4\n")
                   .arg(path, additionalParams, promptSuffix, optionalEnding));
        io.out(estimateFineTuningTime(table));
        return;
    }
    if (!accepted(io, QStringLiteral("\n\nYour data will be written to a new JSONL file. Proceed [Y/n]: "))) {
        io.out(QStringLiteral("Aborting... did not write the file\n"));
        return;
    }
    const QStringList names = outputFileNames(path, split);
    if (!write(table, names, split)) {
        io.err(QStringLiteral("\n\nERROR: cannot write %1\n").arg(names.join(QStringLiteral(", "))));
        outcome.exitCode = 4;
        return;
    }
    if (split) {
        // get_classification_hyperparams: the most frequent completion (first seen on ties).
        const QStringList completions = columnValues(table, kCompletion);
        QHash<QString, qint64> counts;
        QStringList order;
        for (const QString& c : completions) {
            if (!counts.contains(c))
                order.append(c);
            ++counts[c];
        }
        additionalParams += QStringLiteral(" --compute_classification_metrics");
        if (order.size() == 2) {
            const QString positive
                = counts.value(order.at(1)) > counts.value(order.at(0)) ? order.at(1) : order.at(0);
            additionalParams += QStringLiteral(" --classification_positive_class \"%1\"").arg(positive);
        } else {
            additionalParams += QStringLiteral(" --classification_n_classes %1").arg(order.size());
        }
    }
    outcome.writtenFiles = names;
    const QString files = (split ? QStringLiteral("s") : QString()) + QStringLiteral(" to `")
        + names.join(QStringLiteral("` and `"));
    const QString validString = split ? QStringLiteral(" -v \"%1\"").arg(names.at(1)) : QString();
    const QString separatorReminder = promptSuffix.isEmpty()
        ? QString()
        : QStringLiteral(
            "After you’ve fine-tuned a model, remember that your prompt has to end with the indicator string "
            "`%1` for the model to start generating completions, rather than continuing with the prompt.")
              .arg(promptSuffix);
    io.out(QStringLiteral("\nWrote modified file%1`\nFeel free to take a look!\n\nNow use that file when "
                          "fine-tuning:\n> openai "
                          "api fine_tunes.create -t \"%2\"%3%4\n\n%5%6\n")
               .arg(files, names.at(0), validString, additionalParams, separatorReminder, optionalEnding));
    io.out(estimateFineTuningTime(table));
}

std::vector<std::size_t> LegacyPrepare::Analysis::recommendations() const
{
    std::vector<std::size_t> indexes;
    for (std::size_t i = 0; i < remediations.size(); ++i) {
        if (remediations[i].optional)
            indexes.push_back(i);
    }
    return indexes;
}

qsizetype LegacyPrepare::trainRowCount(qsizetype rows)
{
    constexpr qsizetype kMaxValidExamples = 1000;
    return std::max(rows - kMaxValidExamples, qsizetype(double(rows) * 0.8));
}

Status LegacyPrepare::write(const LegacyTable& table, const QStringList& names, bool split)
{
    const QStringList columns { kPrompt, kCompletion };
    const auto save = [](const QString& name, const QByteArray& bytes) -> Status {
        if (!writeFile(name, bytes))
            return Error::inFile(name, QStringLiteral("cannot be written"));
        return success();
    };
    if (!split)
        return save(names.value(0), table.toJsonLines(columns));
    const qsizetype rows = table.rowCount();
    const std::vector<qsizetype> train = samplePositions(rows, trainRowCount(rows));
    std::vector<bool> inTrain(std::size_t(rows), false);
    for (qsizetype p : train)
        inTrain[std::size_t(p)] = true;
    std::vector<qsizetype> valid;
    for (qsizetype p = 0; p < rows; ++p) {
        if (!inTrain[std::size_t(p)])
            valid.push_back(p);
    }
    if (const Status saved = save(names.value(0), table.takeRows(train).toJsonLines(columns)); !saved)
        return saved;
    return save(names.value(1), table.takeRows(valid).toJsonLines(columns));
}

LegacyPrepare::Preparation LegacyPrepare::prepare(
    const Analysis& analysis, const std::vector<bool>& accepted, int previewRows) const
{
    Preparation preparation;
    preparation.table = analysis.table;
    if (analysis.aborted)
        return preparation;
    const Output notes = [&preparation](const QString& text) { preparation.notes += text; };
    preparation.changed = std::any_of(analysis.remediations.begin(), analysis.remediations.end(),
        [](const Remediation& r) { return bool(r.necessary); });
    const std::vector<std::size_t> recommended = analysis.recommendations();
    for (std::size_t i = 0; i < recommended.size(); ++i) {
        Effect effect;
        effect.remediation = recommended[i];
        effect.accepted = i >= accepted.size() || accepted[i];
        effect.rows = preparation.table.rowCount();
        LegacyTable after = preparation.table;
        // A rejected recommendation is tried on a copy, silently: it only shows its effect.
        const std::optional<QString> failure = analysis.remediations[recommended[i]].optionalFn(
            after, effect.accepted ? notes : Output([](const QString&) {}));
        effect.preview = changedRows(preparation.table, after, previewRows, &effect.rowsAffected);
        preparation.effects.push_back(std::move(effect));
        if (!preparation.effects.back().accepted)
            continue;
        if (failure) {
            preparation.failure = failure;
            return preparation;
        }
        preparation.table = std::move(after);
        preparation.changed = true;
    }
    preparation.classification = inferTaskType(preparation.table) == TaskType::Classification;
    preparation.trainRows = trainRowCount(preparation.table.rowCount());
    preparation.validRows = preparation.table.rowCount() - preparation.trainRows;
    return preparation;
}

} // namespace tb
