// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `tunebench convert FILE --to chat|sharegpt|alpaca [--system TEXT] [-o OUT]`: rewrites a
// dataset into another format, always to a new file.

#include "cli/clicommand.h"

namespace tb::cli {

class ConvertCommand : public CliCommand
{
    Q_OBJECT
public:
    using CliCommand::CliCommand;
    QString name() const override { return QStringLiteral("convert"); }
    QString summary() const override;

protected:
    void configure(QCommandLineParser& parser) override;
    void execute(const QCommandLineParser& parser) override;
};

} // namespace tb::cli
