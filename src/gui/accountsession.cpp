// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/accountsession.h"

#include "api/apijob.h"

#include "api/apiclient.h"
#include "api/profilestore.h"
#include "secrets/credentialstore.h"

#include <QSettings>
#include <QTimer>

namespace tb {

namespace {
const QString kProfileKey = QStringLiteral("workbench/profile");
}

AccountSession::AccountSession(const WorkbenchServices& services, QObject* parent)
    : QObject(parent), m_services(services), m_connector(*services.keys, services.network)
{
    m_profileId = m_services.settings->value(kProfileKey).toString();
    if (m_profileId.isEmpty() || !m_services.profiles->profile(m_profileId))
        m_profileId = ProviderProfile::openAI().id;
}

QList<ProviderProfile> AccountSession::profiles() const
{
    return m_services.profiles->profiles();
}

ProviderProfile AccountSession::profile() const
{
    return m_services.profiles->profile(m_profileId).value_or(ProviderProfile::openAI());
}

void AccountSession::setProfileId(const QString& id)
{
    if (id == m_profileId)
        return;
    m_profileId = id;
    m_services.settings->setValue(kProfileKey, id);
    reconnect();
    m_models.clear();
    Q_EMIT profileChanged();
    Q_EMIT modelsChanged(m_models);
}

void AccountSession::reconnect()
{
    if (m_client) {
        // Running jobs are children of the client: cancel them so their owners hear
        // failed(Cancelled) instead of the job vanishing with the client.
        for (ApiJob* job : m_client->findChildren<ApiJob*>(Qt::FindDirectChildrenOnly))
            job->cancel();
        m_client->deleteLater();
    }
    m_client = nullptr;
}

void AccountSession::withClient(QObject* context, std::function<void(Result<ApiClient*>)> done)
{
    if (m_client) {
        QPointer<ApiClient> client = m_client;
        QTimer::singleShot(0, context, [client, done] {
            if (client)
                done(client.data());
            else
                done(Error{tr("The connection to the provider was reset; run again."), {}, 0, 0, {}});
        });
        return;
    }
    const QString id = m_profileId;
    m_connector.connectAccount(profile(), this, [this, id, context = QPointer<QObject>(context), done](Result<ApiClient*> client) {
        if (client && id == m_profileId) {
            if (m_client) {
                // Another caller connected first: keep its client, which may already run jobs.
                client.value()->deleteLater();
                client.value() = m_client.data();
            } else {
                m_client = client.value();
            }
        } else if (client) {
            client.value()->deleteLater(); // the profile changed meanwhile
            if (context)
                done(Error{tr("The provider profile changed; run again."), {}, 0, 0, {}});
            return;
        }
        if (context)
            done(client);
    });
}

QJsonObject AccountSession::wireBody(const CompletionRequest& request) const
{
    // A throwaway client without key or traffic: the job itself decides the wire body.
    ApiClient client(profile(), m_services.network, QString());
    CompletionJob* job = client.createCompletion(request);
    return job->wireBody();
}

void AccountSession::fetchModels()
{
    withClient(this, [this](Result<ApiClient*> client) {
        if (!client) {
            Q_EMIT modelsFailed(client.error().message);
            return;
        }
        ModelListJob* job = client.value()->createModelList();
        connect(job, &ModelListJob::finished, this, [this](const QList<ModelInfo>& models) {
            m_models.clear();
            for (const ModelInfo& model : models)
                m_models.append(model.id);
            Q_EMIT modelsChanged(m_models);
        });
        connect(job, &ApiJob::failed, this, [this](const ApiError& error) { Q_EMIT modelsFailed(error.humanMessage()); });
        job->start();
    });
}

void AccountSession::storeApiKey(const QString& key, QObject* context, std::function<void(Status)> done)
{
    m_services.credentials->writeKey(m_profileId, key, context, [this, done](Status status) {
        reconnect();
        done(status);
    });
}

void AccountSession::removeApiKey(QObject* context, std::function<void(Status)> done)
{
    m_services.credentials->removeKey(m_profileId, context, [this, done](Status status) {
        reconnect();
        done(status);
    });
}

} // namespace tb
