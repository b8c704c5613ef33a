// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/preparecommand.h"

#include "cli/exitcode.h"
#include "core/legacyprepare.h"

#include <QTextStream>
#include <cstdio>
#include <memory>

namespace tb::cli {

QString PrepareCommand::summary() const
{
    return tr("Analyze a prompt/completion file like 'openai tools fine_tunes.prepare_data' and write the "
              "fixed copy.");
}

void PrepareCommand::configure(QCommandLineParser& parser)
{
    parser.addOption({ { QStringLiteral("q"), QStringLiteral("quiet") },
        tr("Accept all recommendations without asking.") });
    parser.addPositionalArgument(
        QStringLiteral("file"), tr("JSONL, JSON, CSV, TSV or TXT file of prompt-completion examples."));
}

void PrepareCommand::execute(const QCommandLineParser& parser)
{
    if (parser.positionalArguments().size() != 1) {
        finish(Usage, tr("expected exactly one file; try 'tunebench prepare --help'."));
        return;
    }
    LegacyPrepare::Io io;
    io.out = [this](const QString& text) { writeOut(text); };
    io.err = [this](const QString& text) { writeErr(text); };
    io.autoAccept = parser.isSet(QStringLiteral("q"));
    // Like Python's input(): anything but "n" is yes. End of input is no, so nothing is
    // written without an answer.
    auto in = std::make_shared<QTextStream>(stdin);
    io.ask = [in] {
        const QString answer = in->readLine();
        return !answer.isNull() && answer.toLower() != QLatin1String("n");
    };
    const LegacyPrepare::Outcome outcome = LegacyPrepare().run(parser.positionalArguments().at(0), io);
    if (outcome.inputError)
        finish(InputError);
    else
        finish(outcome.exitCode == 0 ? Ok : outcome.exitCode == 1 ? Findings : InputError);
}

} // namespace tb::cli
