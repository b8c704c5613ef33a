// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `tunebench drop-long FILE [--model M] [--encoding E] [--max-tokens N] [-o OUT]`: a copy
// of the dataset without the examples over the per-example token limit (which fine-tuning
// would truncate), written to a new file.

#include "cli/clicommand.h"

namespace tb::cli {

class DropLongCommand : public CliCommand
{
    Q_OBJECT
public:
    using CliCommand::CliCommand;
    QString name() const override { return QStringLiteral("drop-long"); }
    QString summary() const override;

protected:
    void configure(QCommandLineParser& parser) override;
    void execute(const QCommandLineParser& parser) override;
};

} // namespace tb::cli
