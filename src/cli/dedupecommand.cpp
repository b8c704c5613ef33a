// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/dedupecommand.h"

#include "cli/exitcode.h"
#include "core/datasetdeduplicator.h"
#include "core/jsonlindex.h"

namespace tb::cli {

QString DedupeCommand::summary() const
{
    return tr("Write a copy of a JSONL dataset without duplicate examples.");
}

void DedupeCommand::configure(QCommandLineParser& parser)
{
    parser.addOption({ { QStringLiteral("o"), QStringLiteral("output") },
        tr("Output file (default: FILE with _deduped before the extension); must not exist."),
        QStringLiteral("file") });
    parser.addOption({ QStringLiteral("normalized"),
        tr("Also drop examples that differ only in whitespace or key order.") });
    parser.addPositionalArgument(QStringLiteral("file"), tr("The JSONL file."));
}

void DedupeCommand::execute(const QCommandLineParser& parser)
{
    if (parser.positionalArguments().size() != 1) {
        finish(Usage, tr("expected exactly one file; try 'tunebench dedupe --help'."));
        return;
    }
    const QString path = parser.positionalArguments().at(0);
    const QString output = parser.isSet(QStringLiteral("output"))
        ? parser.value(QStringLiteral("output"))
        : besideInput(path, QStringLiteral("_deduped.jsonl"));
    const std::shared_ptr<JsonlIndex> index = requireIndex(path);
    if (!index)
        return;
    const auto mode = parser.isSet(QStringLiteral("normalized")) ? DatasetDeduplicator::Mode::Normalized
                                                                 : DatasetDeduplicator::Mode::Exact;
    const Result<DatasetDeduplicator::Outcome> outcome = DatasetDeduplicator::run(*index, output, mode);
    if (!outcome) {
        finish(InputError, outcome.error().toString());
        return;
    }
    writeOut(tr("Wrote %1: %2 examples kept, %3 duplicates removed\n")
                 .arg(output)
                 .arg(outcome->kept)
                 .arg(outcome->removed));
    finish(Ok);
}

} // namespace tb::cli
