// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/convertcommand.h"

#include "cli/exitcode.h"
#include "core/datasetconverter.h"
#include "core/jsonlindex.h"

namespace tb::cli {

QString ConvertCommand::summary() const
{
    return tr("Convert prompt/completion or chat JSONL to chat, ShareGPT or Alpaca JSONL.");
}

void ConvertCommand::configure(QCommandLineParser& parser)
{
    parser.addOption(
        { QStringLiteral("to"), tr("Target format: chat, sharegpt or alpaca."), QStringLiteral("format") });
    parser.addOption({ QStringLiteral("system"), tr("System prompt to put first in every example."),
        QStringLiteral("text") });
    parser.addOption({ { QStringLiteral("o"), QStringLiteral("output") },
        tr("Output file (default: FILE_<format>.jsonl); must not exist."), QStringLiteral("file") });
    parser.addPositionalArgument(QStringLiteral("file"), tr("The JSONL file."));
}

void ConvertCommand::execute(const QCommandLineParser& parser)
{
    if (parser.positionalArguments().size() != 1) {
        finish(Usage, tr("expected exactly one file; try 'tunebench convert --help'."));
        return;
    }
    const QString target = parser.value(QStringLiteral("to"));
    DatasetConverter::Options options;
    const auto parsed = DatasetConverter::targetFromName(target);
    if (!parsed) {
        finish(Usage, tr("--to must be chat, sharegpt or alpaca."));
        return;
    }
    options.target = *parsed;
    options.systemPrompt = parser.value(QStringLiteral("system"));
    const QString path = parser.positionalArguments().at(0);
    const QString output = parser.isSet(QStringLiteral("output"))
        ? parser.value(QStringLiteral("output"))
        : besideInput(path, QLatin1Char('_') + target + QStringLiteral(".jsonl"));
    const std::shared_ptr<JsonlIndex> index = requireIndex(path);
    if (!index)
        return;
    const Result<DatasetConverter::Outcome> outcome = DatasetConverter::run(*index, output, options);
    if (!outcome) {
        finish(InputError, outcome.error().toString());
        return;
    }
    writeOut(tr("Wrote %1: %2 examples\n").arg(output).arg(outcome->converted));
    if (outcome->skipped > 0) {
        finish(Findings,
            tr("%1: %2 lines could not be converted (first: line %3); run 'tunebench validate'.")
                .arg(path)
                .arg(outcome->skipped)
                .arg(outcome->firstSkipped));
        return;
    }
    finish(Ok);
}

} // namespace tb::cli
