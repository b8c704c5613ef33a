// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `tunebench tokens FILE`: exact tiktoken count of a file's whole text, or with
// --jsonl one count per line, counted as OpenAI's cookbook counts chat examples.

#include "cli/clicommand.h"

namespace tb {
class TiktokenEncoding;
} // namespace tb

namespace tb::cli {

class TokensCommand : public CliCommand
{
    Q_OBJECT
public:
    using CliCommand::CliCommand;
    QString name() const override { return QStringLiteral("tokens"); }
    QString summary() const override;

protected:
    void configure(QCommandLineParser& parser) override;
    void execute(const QCommandLineParser& parser) override;

private:
    int countWholeFile(const QString& path, const TiktokenEncoding& encoding);
    int countPerLine(const QString& path, const TiktokenEncoding& encoding);
};

} // namespace tb::cli
