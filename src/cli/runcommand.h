// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `tunebench run TEMPLATE --param name=value...`: renders the template, sends it to
// the provider and streams the reply to stdout (or prints the response as JSON).

#include "cli/clicommand.h"

#include <QHash>

namespace tb {
struct CompletionResult;
class ApiError;
} // namespace tb

namespace tb::cli {

class RunCommand : public CliCommand
{
    Q_OBJECT
public:
    using CliCommand::CliCommand;
    QString name() const override { return QStringLiteral("run"); }
    QString summary() const override;

protected:
    void configure(QCommandLineParser& parser) override;
    void execute(const QCommandLineParser& parser) override;

private:
    // name=value or name=@file (a literal leading "@" is written "@@").
    Result<QHash<QString, QString>> parseParameters(const QStringList& assignments) const;
    void send(ApiClient* client, const QJsonObject& body, bool chat);
    void onFinished(const CompletionResult& result);

    bool m_stream = true;
    bool m_json = false;
    bool m_endsWithNewline = true;
};

} // namespace tb::cli
