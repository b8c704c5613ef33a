// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/mergecommand.h"

#include "cli/exitcode.h"
#include "core/datasetmerger.h"

namespace tb::cli {

QString MergeCommand::summary() const
{
    return tr("Concatenate JSONL files into a new one, optionally without repeated lines.");
}

void MergeCommand::configure(QCommandLineParser& parser)
{
    parser.addOption({ { QStringLiteral("o"), QStringLiteral("output") },
        tr("The merged file to write; must not exist."), QStringLiteral("file") });
    parser.addOption({ QStringLiteral("dedupe"),
        tr("Leave out lines identical to one seen before, in the same or an earlier file.") });
    parser.addPositionalArgument(QStringLiteral("files"), tr("Two or more JSONL files, in order."),
        QStringLiteral("FILE FILE [FILE...]"));
}

void MergeCommand::execute(const QCommandLineParser& parser)
{
    const QStringList inputs = parser.positionalArguments();
    if (inputs.size() < 2) {
        finish(Usage, tr("expected at least two files; try 'tunebench merge --help'."));
        return;
    }
    const QString output = parser.value(QStringLiteral("output"));
    if (output.isEmpty()) {
        finish(Usage, tr("expected an output file (-o FILE); try 'tunebench merge --help'."));
        return;
    }
    DatasetMerger::Options options;
    options.dropDuplicates = parser.isSet(QStringLiteral("dedupe"));
    const Result<DatasetMerger::Outcome> outcome = DatasetMerger::run(inputs, output, options);
    if (!outcome) {
        finish(InputError, outcome.error().toString());
        return;
    }
    for (const DatasetMerger::FileCount& file : outcome->files) {
        writeOut(options.dropDuplicates ? tr("%1: %2 lines, %3 written, %4 duplicates left out\n")
                                              .arg(file.path)
                                              .arg(file.lines)
                                              .arg(file.written)
                                              .arg(file.duplicates)
                                        : tr("%1: %2 lines\n").arg(file.path).arg(file.written));
    }
    writeOut(tr("Wrote %1: %2 lines from %3 files\n")
                 .arg(output)
                 .arg(outcome->written)
                 .arg(outcome->files.size()));
    finish(Ok);
}

} // namespace tb::cli
