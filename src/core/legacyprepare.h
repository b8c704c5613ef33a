// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A faithful port of the legacy `openai tools fine_tunes.prepare_data` (openai-python
// v0.28.1, openai/validators.py): the same analysis text, the same recommendations, and
// with every recommendation accepted (-q) the same output files, byte for byte. The CLI
// asks the recommendations one by one; the GUI takes them all at once through prepare().

#include "core/datasetfinding.h"
#include "core/legacytable.h"
#include "core/result.h"

#include <QString>
#include <QStringList>
#include <functional>
#include <optional>
#include <vector>

namespace tb {

class LegacyPrepare
{
public:
    // Where a step prints what the tool printed (stdout).
    using Output = std::function<void(const QString&)>;

    // One Remediation of the Python tool. The functions may fail where the Python
    // tool raised (it printed a traceback); they return the error text then.
    struct Remediation
    {
        QString name; // the Python name, shown in "ERROR in <name> validator"
        QString rule; // our finding id, e.g. "legacy_prompt_suffix"
        std::optional<QString> immediate;
        std::optional<QString> necessary;
        std::optional<QString> optional;
        std::optional<QString> error;
        std::function<std::optional<QString>(LegacyTable&)> necessaryFn;
        // A recommendation: applied when the user accepts `optional`; may print notices.
        std::function<std::optional<QString>(LegacyTable&, const Output&)> optionalFn;
    };

    // Where the tool talks and asks. ask() answers a "[Y/n]" question already written
    // to out(); with autoAccept the answer is yes and "Y\n" is written, like -q.
    struct Io
    {
        std::function<void(const QString&)> out;
        std::function<void(const QString&)> err;
        std::function<bool()> ask;
        bool autoAccept = false;
    };

    // The state after the validators ran and the necessary remediations were applied.
    struct Analysis
    {
        bool aborted = false; // an error remediation stopped the tool (exit status 1)
        bool canceled = false; // analyze()'s cancel check stopped it: the rest is partial
        QString text; // what the tool printed so far (stdout)
        QString errorText; // stderr
        std::vector<Remediation> remediations;
        LegacyTable table;
        // The analysis as validator findings (line 0: about the whole file).
        std::vector<DatasetFinding> findings() const;
        // Indexes into `remediations` of the "[Recommended]" questions, in the order the
        // tool asks them (the CLI's questions and the GUI's checkboxes).
        std::vector<std::size_t> recommendations() const;
    };

    // One row a recommendation changes or drops, before and after.
    struct RowChange
    {
        qint64 row = 0; // the row as the tool numbers it ("These are rows: [...]")
        QString promptBefore;
        QString completionBefore;
        bool removed = false;
        QString promptAfter; // when not removed
        QString completionAfter;
    };

    // What one recommendation does to the table it would be applied to.
    struct Effect
    {
        std::size_t remediation = 0; // index into Analysis::remediations
        bool accepted = true;
        qsizetype rows = 0; // rows of the table it applies to
        qsizetype rowsAffected = 0; // rows changed or removed
        std::vector<RowChange> preview; // the first affected rows
    };

    // The table as the tool writes it for a choice of recommendations.
    struct Preparation
    {
        LegacyTable table;
        std::vector<Effect> effects; // one per Analysis::recommendations() entry
        bool changed = false; // a necessary or accepted remediation applied: the tool writes a file
        bool classification = false; // the result looks like classification: a split is offered
        qsizetype trainRows = 0; // the sizes of that split
        qsizetype validRows = 0;
        QString notes; // what the recommendations printed while applied
        std::optional<QString> failure; // where the Python tool would have raised
    };

    struct Outcome
    {
        int exitCode = 0; // 0, or 1 where the Python tool exited with 1
        bool inputError = false; // the file could not be read as a dataset (missing, bad JSON...)
        QStringList writtenFiles; // the *_prepared*.jsonl files
    };

    // Stops early (Analysis::canceled) once `canceled` returns true: it is asked while
    // the file is read, every few thousand rows, and between the validators.
    Analysis analyze(const QString& path, const std::function<bool()>& canceled = {}) const;
    Outcome run(const QString& path, const Io& io) const;

    // Applies the recommendations in the tool's order to a copy of the analysed table.
    // `accepted` has one flag per Analysis::recommendations() entry (missing ones count
    // as accepted, like -q); every entry's Effect is measured against the table it
    // would be applied to, so a rejected one still shows what it would do.
    Preparation prepare(
        const Analysis& analysis, const std::vector<bool>& accepted, int previewRows = 5) const;
    // Writes `table` as the tool does: to names[0], or with `split` sampled into
    // names[0] (train) and names[1] (valid) like pandas. Replaces existing files.
    static Status write(const LegacyTable& table, const QStringList& names, bool split);
    // Rows in the training part of a split of `rows` rows (the rest is validation).
    static qsizetype trainRowCount(qsizetype rows);

    // The file names the tool writes: "<name>_prepared[_train|_valid][ (i)].jsonl",
    // the first i whose files do not exist yet.
    static QStringList outputFileNames(const QString& path, bool split);
    // pandas df.sample(n, random_state=42) positions: numpy's legacy RandomState(42).permutation(rows)[:n].
    static std::vector<qsizetype> samplePositions(qsizetype rows, qsizetype n, quint32 seed = 42);
    // get_common_xfix: the longest common prefix or suffix (in code points).
    static QString commonXfix(const QStringList& values, bool suffix);

private:
    Analysis analyze(const QString& path, const std::function<void(const QString&)>& out,
        const std::function<void(const QString&)>& err, const std::function<bool()>& canceled) const;
    void writeOutFile(
        LegacyTable& table, const QString& path, bool anyRemediations, const Io& io, Outcome& outcome) const;
};

} // namespace tb
