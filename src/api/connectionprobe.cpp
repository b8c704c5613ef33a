// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/connectionprobe.h"

#include "api/apiclient.h"
#include "api/apierror.h"
#include "api/modellistjob.h"

namespace tb {

ConnectionProbe::ConnectionProbe(ApiKeyResolver& keys, QNetworkAccessManager* network, QObject* parent)
    : QObject(parent), m_connector(keys, network)
{
}

void ConnectionProbe::cancel()
{
    ++m_generation;
    m_running = false;
    if (m_client)
        m_client->deleteLater(); // its job goes with it
    m_client = nullptr;
}

void ConnectionProbe::report(bool ok, const QString& sentence)
{
    m_running = false;
    if (m_client)
        m_client->deleteLater();
    m_client = nullptr;
    Q_EMIT finished(ok, sentence);
}

void ConnectionProbe::start(const ProviderProfile& profile)
{
    cancel();
    m_running = true;
    const quint64 generation = m_generation;
    ProviderProfile probed = profile;
    probed.maxRetries = 0; // a test should answer now, not after retries
    probed.timeoutMs = qMin(probed.timeoutMs, 20000);
    const QString name = profile.displayName;
    m_connector.connectAccount(probed, this, [this, generation, name](Result<ApiClient*> client) {
        if (generation != m_generation) {
            if (client)
                client.value()->deleteLater();
            return;
        }
        if (!client) {
            report(false, client.error().message);
            return;
        }
        m_client = client.value();
        ModelListJob* job = m_client->createModelList();
        connect(job, &ModelListJob::finished, this, [this, generation, name](const QList<ModelInfo>& models) {
            if (generation != m_generation)
                return;
            QStringList ids;
            for (int i = 0; i < models.size() && i < 3; ++i)
                ids.append(models.at(i).id);
            if (models.isEmpty())
                report(true, tr("Connected to %1; it lists no models.").arg(name));
            else
                report(true, tr("Connected to %1: %n model(s), e.g. %2.", nullptr, int(models.size()))
                                 .arg(name, ids.join(QStringLiteral(", "))));
        });
        connect(job, &ApiJob::failed, this, [this, generation](const ApiError& error) {
            if (generation == m_generation)
                report(false, error.humanMessage());
        });
        job->start();
    });
}

} // namespace tb
