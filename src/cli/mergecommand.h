// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `tunebench merge A.jsonl B.jsonl ... -o OUT [--dedupe]`: the files one after another in
// a new file, with LF line ends; --dedupe leaves out lines seen before in any of them.

#include "cli/clicommand.h"

namespace tb::cli {

class MergeCommand : public CliCommand
{
    Q_OBJECT
public:
    using CliCommand::CliCommand;
    QString name() const override { return QStringLiteral("merge"); }
    QString summary() const override;

protected:
    void configure(QCommandLineParser& parser) override;
    void execute(const QCommandLineParser& parser) override;
};

} // namespace tb::cli
