// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/splitcommand.h"

#include "cli/exitcode.h"
#include "core/datasetsplitter.h"
#include "core/jsonlindex.h"

namespace tb::cli {

QString SplitCommand::summary() const
{
    return tr(
        "Split a JSONL dataset into FILE_train.jsonl and FILE_valid.jsonl (seeded, optionally stratified).");
}

void SplitCommand::configure(QCommandLineParser& parser)
{
    parser.addOption(
        { QStringLiteral("valid-fraction"), tr("Share of examples for validation (default 0.1)."),
            QStringLiteral("fraction"), QStringLiteral("0.1") });
    parser.addOption({ QStringLiteral("seed"), tr("Random seed (default 42)."), QStringLiteral("n"),
        QStringLiteral("42") });
    parser.addOption({ QStringLiteral("stratify"),
        tr("Keep each label's share in both files (label: the completion, or the last assistant reply).") });
    parser.addPositionalArgument(QStringLiteral("file"), tr("The JSONL file."));
}

void SplitCommand::execute(const QCommandLineParser& parser)
{
    if (parser.positionalArguments().size() != 1) {
        finish(Usage, tr("expected exactly one file; try 'tunebench split --help'."));
        return;
    }
    DatasetSplitter::Options options;
    bool ok = false;
    options.validFraction = parser.value(QStringLiteral("valid-fraction")).toDouble(&ok);
    if (!ok || options.validFraction <= 0 || options.validFraction >= 1) {
        finish(Usage, tr("--valid-fraction must be a number between 0 and 1."));
        return;
    }
    options.seed = parser.value(QStringLiteral("seed")).toUInt(&ok);
    if (!ok) {
        finish(Usage, tr("--seed must be a non-negative integer."));
        return;
    }
    options.stratify = parser.isSet(QStringLiteral("stratify"));
    const QString path = parser.positionalArguments().at(0);
    const std::shared_ptr<JsonlIndex> index = requireIndex(path);
    if (!index)
        return;
    const QString train = besideInput(path, QStringLiteral("_train.jsonl")),
                  valid = besideInput(path, QStringLiteral("_valid.jsonl"));
    const Result<DatasetSplitter::Outcome> outcome = DatasetSplitter::run(*index, train, valid, options);
    if (!outcome) {
        finish(InputError, outcome.error().toString());
        return;
    }
    writeOut(tr("Wrote %1 (%2 examples) and %3 (%4 examples)\n")
                 .arg(train)
                 .arg(outcome->train)
                 .arg(valid)
                 .arg(outcome->valid));
    finish(Ok);
}

} // namespace tb::cli
