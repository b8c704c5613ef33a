// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `tunebench validate FILE [--format auto|chat|legacy|dpo] [--model M] [--json]`: every
// finding of the dataset validators, the cookbook's statistics and cost estimate; exit 1
// when the file has errors.

#include "cli/clicommand.h"

namespace tb::cli {

class ValidateCommand : public CliCommand
{
    Q_OBJECT
public:
    using CliCommand::CliCommand;
    QString name() const override { return QStringLiteral("validate"); }
    QString summary() const override;

protected:
    void configure(QCommandLineParser& parser) override;
    void execute(const QCommandLineParser& parser) override;
};

} // namespace tb::cli
