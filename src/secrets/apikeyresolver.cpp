// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/apikeyresolver.h"

#include "secrets/credentialstore.h"
#include "secrets/secretslogging.h"

#include <QPointer>
#include <utility>

namespace tb {

ApiKeyResolver::ApiKeyResolver(CredentialStore& store, QProcessEnvironment environment)
    : m_store(store)
    , m_environment(std::move(environment))
{ }

QString ApiKeyResolver::openAiEnvironmentVariable()
{
    return QStringLiteral("OPENAI_API_KEY");
}

QString ApiKeyResolver::environmentKey(ProviderKind kind) const
{
    if (kind != ProviderKind::OpenAi)
        return QString();
    // Trimmed because `export OPENAI_API_KEY=$(cat file)` and pasted values
    // often carry a newline or spaces that would break the Authorization header.
    return m_environment.value(openAiEnvironmentVariable()).trimmed();
}

bool ApiKeyResolver::environmentOverrides(ProviderKind kind) const
{
    return !environmentKey(kind).isEmpty();
}

void ApiKeyResolver::resolve(
    const QString& profileId, ProviderKind kind, QObject* context, Callback done) const
{
    Q_ASSERT(context);
    const QString fromEnvironment = environmentKey(kind);
    if (!fromEnvironment.isEmpty()) {
        qCDebug(lcSecrets) << "profile" << profileId << "uses the key from" << openAiEnvironmentVariable();
        QMetaObject::invokeMethod(
            context,
            [done = std::move(done), fromEnvironment] {
                done(ResolvedKey { fromEnvironment, Source::Environment });
            },
            Qt::QueuedConnection);
        return;
    }

    // The store may be session-only by the time the answer comes (its probe
    // runs on first use), so the source is decided in the callback.
    const QPointer<CredentialStore> storeGuard(&m_store);
    m_store.readKey(profileId, context,
        [done = std::move(done), storeGuard, profileId, kind](Result<std::optional<QString>> read) {
            if (!read.ok()) {
                done(read.error());
                return;
            }
            if (!read.value().has_value() || read.value()->isEmpty()) {
                const QString message = kind == ProviderKind::OpenAi
                    ? tr("No API key is set for profile \u201c%1\u201d: enter one in the profile "
                         "settings or set %2.")
                          .arg(profileId, openAiEnvironmentVariable())
                    : tr("No API key is set for profile \u201c%1\u201d: enter one in the profile "
                         "settings.")
                          .arg(profileId);
                done(Error::plain(message));
                return;
            }
            const bool sessionOnly = storeGuard && storeGuard->isSessionOnly();
            done(ResolvedKey { *read.value(), sessionOnly ? Source::Session : Source::Keychain });
        });
}

} // namespace tb
