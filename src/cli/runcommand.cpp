// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/runcommand.h"

#include "api/completionjob.h"
#include "cli/exitcode.h"

#include <QFile>
#include <QJsonDocument>

namespace tb::cli {

QString RunCommand::summary() const
{
    return tr("Render a prompt template and stream the model's reply.");
}

void RunCommand::configure(QCommandLineParser& parser)
{
    parser.addOption({ { QStringLiteral("p"), QStringLiteral("param") },
        tr("Value of a {{ placeholder }}: name=value, or name=@file to read the value from a "
           "file (write @@ for a literal leading @). Repeatable."),
        QStringLiteral("name=value") });
    parser.addOption({ { QStringLiteral("m"), QStringLiteral("model") },
        tr("Model to use (overrides the template and the profile)."), QStringLiteral("model") });
    addProfileOptions(parser);
    parser.addOption(
        { QStringLiteral("no-stream"), tr("Wait for the whole reply instead of streaming it.") });
    parser.addOption(
        { QStringLiteral("json"), tr("Print the final response object as JSON instead of the text.") });
    addTemplateArgument(parser);
}

void RunCommand::execute(const QCommandLineParser& parser)
{
    const std::optional<PromptTemplate> loaded = requireTemplate(parser);
    if (!loaded)
        return;
    const Result<QHash<QString, QString>> values = parseParameters(parser.values(QStringLiteral("param")));
    if (!values) {
        finish(values.error().file.isEmpty() ? Usage : InputError, values.error().toString());
        return;
    }
    const QHash<QString, QString> effective = loaded->effectiveValues(*values);
    QStringList missing;
    for (const QString& parameter : loaded->parameterNames()) {
        if (!effective.contains(parameter))
            missing.append(parameter);
    }
    if (!missing.isEmpty()) {
        finish(Usage,
            tr("no value for %1; pass --param NAME=VALUE for each.").arg(missing.join(QStringLiteral(", "))));
        return;
    }
    for (auto it = values->cbegin(); it != values->cend(); ++it) {
        if (!loaded->parameterNames().contains(it.key()))
            writeErr(tr("tunebench run: warning: the template has no parameter '%1'\n").arg(it.key()));
    }
    const Result<ProviderProfile> profile = selectProfile(parser);
    if (!profile) {
        finish(Usage, profile.error().toString());
        return;
    }
    m_stream = !parser.isSet(QStringLiteral("no-stream"));
    m_json = parser.isSet(QStringLiteral("json"));
    QJsonObject body = loaded->render(*values);
    if (parser.isSet(QStringLiteral("model")))
        body.insert(QStringLiteral("model"), parser.value(QStringLiteral("model")));
    if (!body.contains(QLatin1String("model")) && profile->defaultModel.isEmpty()) {
        finish(Usage,
            tr("no model given: pass --model NAME ('tunebench models' lists them) or set \"model\" "
               "in the template."));
        return;
    }
    const bool chat = loaded->kind() == PromptTemplate::Kind::Chat;
    connectAccount(*profile, [this, body, chat](ApiClient* client) { send(client, body, chat); });
}

Result<QHash<QString, QString>> RunCommand::parseParameters(const QStringList& assignments) const
{
    QHash<QString, QString> values;
    for (const QString& assignment : assignments) {
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            return Error::plain(tr("--param expects name=value, got '%1'").arg(assignment));
        }
        const QString name = assignment.left(equals).trimmed();
        QString value = assignment.mid(equals + 1);
        if (value.startsWith(QLatin1String("@@"))) {
            value.remove(0, 1);
        } else if (value.startsWith(QLatin1Char('@'))) {
            QFile file(value.mid(1));
            if (!file.open(QIODevice::ReadOnly)) {
                Error error;
                error.file = file.fileName();
                error.message = tr("cannot read the value of '%1': %2").arg(name, file.errorString());
                return error;
            }
            value = QString::fromUtf8(file.readAll());
        }
        values.insert(name, value);
    }
    return values;
}

void RunCommand::send(ApiClient* client, const QJsonObject& body, bool chat)
{
    CompletionRequest request;
    request.endpoint = chat ? CompletionRequest::Endpoint::Chat : CompletionRequest::Endpoint::Legacy;
    request.body = body;
    request.stream = m_stream;
    CompletionJob* job = client->createCompletion(request);
    if (m_stream && !m_json) {
        connect(job, &CompletionJob::delta, this, [this](int choice, const QString& text) {
            if (choice != 0)
                return;
            writeOut(text);
            m_endsWithNewline = text.endsWith(QLatin1Char('\n'));
        });
    }
    connect(job, &CompletionJob::finished, this, &RunCommand::onFinished);
    connect(job, &CompletionJob::failed, this, [this](const ApiError& error) {
        if (!m_endsWithNewline)
            writeOut(QStringLiteral("\n"));
        finish(ApiFailure, error.humanMessage());
    });
    job->start();
}

void RunCommand::onFinished(const CompletionResult& result)
{
    if (m_json) {
        writeOut(QString::fromUtf8(QJsonDocument(result.response).toJson(QJsonDocument::Indented)));
    } else {
        if (!m_stream) {
            writeOut(result.text());
            m_endsWithNewline = result.text().endsWith(QLatin1Char('\n'));
        }
        for (qsizetype i = 1; i < result.choices.size(); ++i) {
            writeOut(QStringLiteral("%1--- choice %2 ---\n")
                         .arg(m_endsWithNewline ? QString() : QStringLiteral("\n"))
                         .arg(result.choices.at(i).index));
            writeOut(result.choices.at(i).text);
            m_endsWithNewline = result.choices.at(i).text.endsWith(QLatin1Char('\n'));
        }
        if (!m_endsWithNewline)
            writeOut(QStringLiteral("\n"));
    }
    if (result.truncated) {
        finish(ApiFailure, tr("the stream ended before the server finished; the reply above is incomplete."));
        return;
    }
    finish(Ok);
}

} // namespace tb::cli
