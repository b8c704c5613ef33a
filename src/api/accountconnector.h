// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Turns a provider profile into a ready ApiClient: validates the profile, finds its
// API key (environment or keychain) and builds the client on the account's network
// manager. Shared by the CLI and the GUI so both pick keys the same way.

#include "api/apiclient.h"
#include "api/providerprofile.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QObject>

#include <functional>

class QNetworkAccessManager;

namespace tb {

class ApiKeyResolver;

class AccountConnector
{
    Q_DECLARE_TR_FUNCTIONS(AccountConnector)
public:
    using Callback = std::function<void(Result<ApiClient*>)>;

    AccountConnector(ApiKeyResolver& keys, QNetworkAccessManager* network);

    // `done` runs later with a client parented to `context`, or with an error
    // sentence. Profiles that acceptsEnvironmentKey() take OPENAI_API_KEY when it
    // is set. A local OpenAI-compatible server without
    // a stored key gets an empty key: such servers do not check it.
    void connectAccount(const ProviderProfile& profile, QObject* context, Callback done) const;

private:
    ApiKeyResolver& m_keys;
    QNetworkAccessManager* m_network;
};

} // namespace tb
