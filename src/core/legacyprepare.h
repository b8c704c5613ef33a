// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A faithful port of the legacy `openai tools fine_tunes.prepare_data` (openai-python
// v0.28.1, openai/validators.py): the same analysis text, the same recommendations, and
// with every recommendation accepted (-q) the same output files, byte for byte.

#include "core/datasetfinding.h"
#include "core/legacytable.h"

#include <QString>
#include <QStringList>
#include <functional>
#include <optional>
#include <vector>

namespace tb {

class LegacyPrepare
{
public:
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
        std::function<std::optional<QString>(LegacyTable&)> optionalFn;
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
        QString text; // what the tool printed so far (stdout)
        QString errorText; // stderr
        std::vector<Remediation> remediations;
        LegacyTable table;
        // The analysis as validator findings (line 0: about the whole file).
        std::vector<DatasetFinding> findings() const;
    };

    struct Outcome
    {
        int exitCode = 0; // 0, or 1 where the Python tool exited with 1
        bool inputError = false; // the file could not be read as a dataset (missing, bad JSON...)
        QStringList writtenFiles; // the *_prepared*.jsonl files
    };

    Analysis analyze(const QString& path) const;
    Outcome run(const QString& path, const Io& io) const;

    // The file names the tool writes: "<name>_prepared[_train|_valid][ (i)].jsonl",
    // the first i whose files do not exist yet.
    static QStringList outputFileNames(const QString& path, bool split);
    // pandas df.sample(n, random_state=42) positions: numpy's legacy RandomState(42).permutation(rows)[:n].
    static std::vector<qsizetype> samplePositions(qsizetype rows, qsizetype n, quint32 seed = 42);
    // get_common_xfix: the longest common prefix or suffix (in code points).
    static QString commonXfix(const QStringList& values, bool suffix);

private:
    Analysis analyze(const QString& path, const std::function<void(const QString&)>& out,
        const std::function<void(const QString&)>& err) const;
    void writeOutFile(
        LegacyTable& table, const QString& path, bool anyRemediations, const Io& io, Outcome& outcome) const;
};

} // namespace tb
