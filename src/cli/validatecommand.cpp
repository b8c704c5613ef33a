// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/validatecommand.h"

#include "cli/exitcode.h"
#include "core/datasetvalidator.h"

#include <QFileInfo>
#include <QJsonDocument>

namespace tb::cli {

QString ValidateCommand::summary() const
{
    return tr("Check a fine-tuning JSONL file (chat, legacy or DPO) and estimate its tokens and cost.");
}

void ValidateCommand::configure(QCommandLineParser& parser)
{
    parser.addOption(
        { QStringLiteral("format"), tr("Format of the file: auto (default), chat, legacy or dpo."),
            QStringLiteral("format"), QStringLiteral("auto") });
    addTokenizerOptions(parser);
    parser.addOption({ QStringLiteral("json"), tr("Print one JSON object instead of text.") });
    parser.addPositionalArgument(QStringLiteral("file"), tr("The JSONL file to check."));
}

void ValidateCommand::execute(const QCommandLineParser& parser)
{
    if (parser.positionalArguments().size() != 1) {
        finish(Usage, tr("expected exactly one file; try 'tunebench validate --help'."));
        return;
    }
    const QString path = parser.positionalArguments().at(0);
    DatasetValidator::Options options;
    std::optional<DatasetFormat> format;
    if (!parseDatasetFormat(parser.value(QStringLiteral("format")), format)) {
        finish(Usage, tr("--format must be auto, chat, legacy or dpo."));
        return;
    }
    options.format = format;
    if (!applyTokenizerOptions(parser, options))
        return;
    if (!QFileInfo(path).isFile()) {
        finish(InputError, tr("%1: no such file").arg(path));
        return;
    }

    const DatasetReport report = DatasetValidator::validateFile(path, options);
    if (!report.failure.isEmpty()) {
        finish(InputError, QStringLiteral("%1: %2").arg(path, report.failure));
        return;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        writeOut(QString::fromUtf8(QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented)));
        finish(report.hasErrors() ? Findings : Ok);
        return;
    }
    QString text;
    for (const DatasetFinding& f : report.findings) {
        QString where = path;
        if (f.line > 0)
            where += QLatin1Char(':') + QString::number(f.line);
        text += QStringLiteral("%1: %2: [%3] ").arg(where, DatasetFinding::severityName(f.severity), f.rule);
        if (!f.path.isEmpty())
            text += f.path + QStringLiteral(": ");
        text += f.message + QLatin1Char('\n');
    }
    // Say when only the first findings of a rule were kept.
    for (const auto* counts : { &report.errors, &report.warnings, &report.infos }) {
        for (auto it = counts->cbegin(); it != counts->cend(); ++it) {
            if (it.value() > DatasetReport::kMaxFindingsPerRule)
                text += tr("%1: [%2] %3 more not shown\n")
                            .arg(path, it.key())
                            .arg(it.value() - DatasetReport::kMaxFindingsPerRule);
        }
    }
    if (!report.findings.empty())
        text += QLatin1Char('\n');
    text += tr("%1: %2 examples in %3 format, %4 errors, %5 warnings (tokens: %6)\n")
                .arg(path)
                .arg(report.examples)
                .arg(datasetFormatName(report.format))
                .arg(report.errorCount())
                .arg(report.warningCount())
                .arg(report.encoding);
    if (report.examples > 0)
        text += report.statisticsText();
    writeOut(text);
    finish(report.hasErrors() ? Findings : Ok);
}

} // namespace tb::cli
