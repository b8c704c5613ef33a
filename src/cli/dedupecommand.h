// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `tunebench dedupe FILE [-o OUT] [--normalized]`: a copy of the dataset without repeated
// examples, written to a new file.

#include "cli/clicommand.h"

namespace tb::cli {

class DedupeCommand : public CliCommand
{
    Q_OBJECT
public:
    using CliCommand::CliCommand;
    QString name() const override { return QStringLiteral("dedupe"); }
    QString summary() const override;

protected:
    void configure(QCommandLineParser& parser) override;
    void execute(const QCommandLineParser& parser) override;
};

} // namespace tb::cli
