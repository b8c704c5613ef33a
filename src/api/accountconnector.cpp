// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/accountconnector.h"

#include "secrets/apikeyresolver.h"

#include <QPointer>
#include <QTimer>

namespace tb {

AccountConnector::AccountConnector(ApiKeyResolver& keys, QNetworkAccessManager* network)
    : m_keys(keys)
    , m_network(network)
{ }

void AccountConnector::connectAccount(const ProviderProfile& profile, QObject* context, Callback done) const
{
    const Status valid = profile.validate();
    if (!valid) {
        const Error error = valid.error();
        QTimer::singleShot(0, context, [done, error] { done(error); });
        return;
    }
    const bool local = profile.kind == ProviderProfile::Kind::OpenAICompatible
        && ProviderProfile::isLoopbackHost(profile.baseUrl.host());
    const auto kind = profile.acceptsEnvironmentKey() ? ApiKeyResolver::ProviderKind::OpenAi
                                                      : ApiKeyResolver::ProviderKind::Other;
    QNetworkAccessManager* network = m_network;
    m_keys.resolve(profile.id, kind, context,
        [profile, network, context, local, done](Result<ApiKeyResolver::ResolvedKey> key) {
            if (!key && !local) {
                done(key.error());
                return;
            }
            done(new ApiClient(profile, network, key ? key->key : QString(), std::nullopt, context));
        });
}

} // namespace tb
