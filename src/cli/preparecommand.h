// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `tunebench prepare FILE [-q]`: the legacy `openai tools fine_tunes.prepare_data`, same
// analysis and questions; -q accepts every recommendation. Always writes new
// `<name>_prepared*.jsonl` files, never the input.

#include "cli/clicommand.h"

namespace tb::cli {

class PrepareCommand : public CliCommand
{
    Q_OBJECT
public:
    using CliCommand::CliCommand;
    QString name() const override { return QStringLiteral("prepare"); }
    QString summary() const override;

protected:
    void configure(QCommandLineParser& parser) override;
    void execute(const QCommandLineParser& parser) override;
};

} // namespace tb::cli
