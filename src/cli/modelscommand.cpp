// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/modelscommand.h"

#include "api/modellistjob.h"
#include "cli/exitcode.h"

#include <QJsonDocument>

namespace tb::cli {

QString ModelsCommand::summary() const
{
    return tr("List the models the provider offers.");
}

void ModelsCommand::configure(QCommandLineParser& parser)
{
    addProfileOptions(parser);
    parser.addOption({ QStringLiteral("json"), tr("Print the provider's list object as JSON.") });
}

void ModelsCommand::execute(const QCommandLineParser& parser)
{
    const Result<ProviderProfile> profile = selectProfile(parser);
    if (!profile) {
        finish(Usage, profile.error().toString());
        return;
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    connectAccount(*profile, [this, json](ApiClient* client) {
        ModelListJob* job = client->createModelList();
        connect(job, &ModelListJob::finished, this,
            [this, json](const QList<ModelInfo>& models, const QJsonObject& response) {
                if (json) {
                    writeOut(QString::fromUtf8(QJsonDocument(response).toJson(QJsonDocument::Indented)));
                } else {
                    for (const ModelInfo& model : models)
                        writeOut(model.id + QLatin1Char('\n'));
                }
                finish(Ok);
            });
        connect(job, &ModelListJob::failed, this,
            [this](const ApiError& error) { finish(ApiFailure, error.humanMessage()); });
        job->start();
    });
}

} // namespace tb::cli
