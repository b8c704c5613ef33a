// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The provider account the workbench talks to: the chosen profile (remembered in
// settings), its connected ApiClient (made once through AccountConnector and kept),
// and the models it offers.

#include "api/accountconnector.h"
#include "api/completionjob.h"
#include "api/providerprofile.h"
#include "gui/workbenchservices.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

namespace tb {

class AccountSession : public QObject
{
    Q_OBJECT
public:
    explicit AccountSession(const WorkbenchServices& services, QObject* parent = nullptr);

    QList<ProviderProfile> profiles() const;
    ProviderProfile profile() const;
    QString profileId() const { return m_profileId; }
    void setProfileId(const QString& id);

    // Runs `done` later with the connected client, or with a sentence saying why not.
    void withClient(QObject* context, std::function<void(Result<ApiClient*>)> done);
    // Forgets the connected client (after the key or the profile changed).
    void reconnect();

    // The body CompletionJob would put on the wire for this request and profile.
    QJsonObject wireBody(const CompletionRequest& request) const;

    // GET /models; modelsChanged() or modelsFailed() follows.
    void fetchModels();
    QStringList models() const { return m_models; }

    // Stores a key for the current profile in the keychain (never shown or logged).
    void storeApiKey(const QString& key, QObject* context, std::function<void(Status)> done);
    void removeApiKey(QObject* context, std::function<void(Status)> done);

Q_SIGNALS:
    void profileChanged();
    void modelsChanged(const QStringList& models);
    void modelsFailed(const QString& message);

private:
    WorkbenchServices m_services;
    AccountConnector m_connector;
    QString m_profileId;
    QPointer<ApiClient> m_client;
    QStringList m_models;
};

} // namespace tb
