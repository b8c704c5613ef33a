// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `tunebench split FILE [--valid-fraction F] [--seed N] [--stratify]`: seeded training and
// validation files next to the input.

#include "cli/clicommand.h"

namespace tb::cli {

class SplitCommand : public CliCommand
{
    Q_OBJECT
public:
    using CliCommand::CliCommand;
    QString name() const override { return QStringLiteral("split"); }
    QString summary() const override;

protected:
    void configure(QCommandLineParser& parser) override;
    void execute(const QCommandLineParser& parser) override;
};

} // namespace tb::cli
