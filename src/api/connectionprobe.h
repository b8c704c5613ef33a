// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// "Test connection" for a provider profile: connects it like a run would (its key from
// the environment or the keychain) and lists the models (GET /models) in the
// background, then says in one sentence what happened.

#include "api/accountconnector.h"
#include "api/providerprofile.h"

#include <QObject>
#include <QPointer>

namespace tb {

class ApiClient;

class ConnectionProbe : public QObject
{
    Q_OBJECT
public:
    ConnectionProbe(ApiKeyResolver& keys, QNetworkAccessManager* network, QObject* parent = nullptr);

    // Starts a probe, cancelling one still running (its result is never reported).
    void start(const ProviderProfile& profile);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void finished(bool ok, const QString& sentence);

private:
    void report(bool ok, const QString& sentence);

    AccountConnector m_connector;
    QPointer<ApiClient> m_client;
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace tb
