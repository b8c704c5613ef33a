// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/droplongcommand.h"

#include "cli/exitcode.h"
#include "core/jsonlindex.h"
#include "core/longexamplefilter.h"

namespace tb::cli {

QString DropLongCommand::summary() const
{
    return tr("Write a copy of a JSONL dataset without the examples over the per-example token limit.");
}

void DropLongCommand::configure(QCommandLineParser& parser)
{
    addTokenizerOptions(parser);
    parser.addOption({ QStringLiteral("max-tokens"),
        tr("Token limit per example (default: the model's, or 16385 as the cookbook); overrides "
           "--model's."),
        QStringLiteral("n") });
    parser.addOption({ { QStringLiteral("o"), QStringLiteral("output") },
        tr("Output file (default: FILE with _short before the extension); must not exist."),
        QStringLiteral("file") });
    parser.addPositionalArgument(QStringLiteral("file"), tr("The JSONL file."));
}

void DropLongCommand::execute(const QCommandLineParser& parser)
{
    if (parser.positionalArguments().size() != 1) {
        finish(Usage, tr("expected exactly one file; try 'tunebench drop-long --help'."));
        return;
    }
    DatasetValidator::Options options;
    if (!applyTokenizerOptions(parser, options))
        return;
    if (parser.isSet(QStringLiteral("max-tokens"))) {
        bool ok = false;
        options.maxTokensPerExample = parser.value(QStringLiteral("max-tokens")).toInt(&ok);
        if (!ok || options.maxTokensPerExample <= 0) {
            finish(Usage, tr("--max-tokens must be a positive whole number."));
            return;
        }
    }
    const QString path = parser.positionalArguments().at(0);
    const QString output = parser.isSet(QStringLiteral("output"))
        ? parser.value(QStringLiteral("output"))
        : besideInput(path, QStringLiteral("_short.jsonl"));
    const std::shared_ptr<JsonlIndex> index = requireIndex(path);
    if (!index)
        return;
    options.legacyAnalysis = false; // only the counts are needed
    // The same index for the counts and the copy: the file is indexed once.
    const DatasetReport report = DatasetValidator(options).validate(*index);
    if (!report.failure.isEmpty() || !report.lineTokens) {
        finish(InputError, QStringLiteral("%1: %2").arg(path, report.failure));
        return;
    }
    const Result<LongExampleFilter::Outcome> outcome
        = LongExampleFilter::run(*index, *report.lineTokens, options.maxTokensPerExample, output);
    if (!outcome) {
        finish(InputError, outcome.error().toString());
        return;
    }
    writeOut(tr("Wrote %1: %2 examples kept, %3 over %4 tokens (%5) removed\n")
                 .arg(output)
                 .arg(outcome->kept)
                 .arg(outcome->removed)
                 .arg(options.maxTokensPerExample)
                 .arg(report.encoding));
    finish(Ok);
}

} // namespace tb::cli
