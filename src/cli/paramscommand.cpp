// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/paramscommand.h"

#include "cli/exitcode.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tb::cli {

QString ParamsCommand::summary() const
{
    return tr("List the {{ placeholders }} of a prompt template, in order of first appearance.");
}

void ParamsCommand::configure(QCommandLineParser& parser)
{
    parser.addOption({ QStringLiteral("json"), tr("Print the parameters and their metadata as JSON.") });
    addTemplateArgument(parser);
}

void ParamsCommand::execute(const QCommandLineParser& parser)
{
    const std::optional<PromptTemplate> loaded = requireTemplate(parser);
    if (!loaded)
        return;
    if (!parser.isSet(QStringLiteral("json"))) {
        for (const QString& name : loaded->parameterNames())
            writeOut(name + QLatin1Char('\n'));
        finish(Ok);
        return;
    }
    QJsonArray parameters;
    for (const ParameterSpec& spec : loaded->parameters()) {
        QJsonObject parameter { { QStringLiteral("name"), spec.name },
            { QStringLiteral("description"), spec.description },
            { QStringLiteral("multiline"), spec.multiline }, { QStringLiteral("file"), spec.fromFile } };
        if (spec.hasDefault)
            parameter.insert(QStringLiteral("default"), spec.defaultValue);
        parameters.append(parameter);
    }
    writeOut(QString::fromUtf8(QJsonDocument(parameters).toJson(QJsonDocument::Indented)));
    finish(Ok);
}

} // namespace tb::cli
