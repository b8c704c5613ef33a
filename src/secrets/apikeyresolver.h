// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Decides which API key a provider profile uses: OPENAI_API_KEY from the
// environment wins for OpenAI-kind profiles (honoured, never stored), else the
// key in the CredentialStore.

#include "core/result.h"

#include <QCoreApplication>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <functional>

namespace tb {

class CredentialStore;

class ApiKeyResolver
{
    Q_DECLARE_TR_FUNCTIONS(ApiKeyResolver)
public:
    // Which environment variable, if any, may override the stored key. The
    // caller maps its provider kind onto this so this library needs no api/.
    enum class ProviderKind {
        OpenAi, // OPENAI_API_KEY overrides
        Other, // stored key only
    };

    enum class Source {
        Environment, // OPENAI_API_KEY
        Keychain, // the system keychain
        Session, // CredentialStore's session-only memory
    };

    struct ResolvedKey
    {
        QString key;
        Source source = Source::Keychain;
    };

    using Callback = std::function<void(Result<ResolvedKey>)>;

    // `environment` is injected (QProcessEnvironment::systemEnvironment() in
    // the app) so tests control it; the store must outlive the resolver.
    ApiKeyResolver(CredentialStore& store, QProcessEnvironment environment);

    static QString openAiEnvironmentVariable(); // "OPENAI_API_KEY"

    // True when the environment supplies the key for this kind, so the GUI can
    // say so and not offer to edit a key that would be ignored.
    bool environmentOverrides(ProviderKind kind) const;

    // Asynchronous like CredentialStore: `done` runs later from the event loop,
    // never inside this call, and not at all if `context` is destroyed first.
    // No key anywhere is an error whose sentence says how to supply one.
    void resolve(const QString& profileId, ProviderKind kind, QObject* context, Callback done) const;

private:
    // The trimmed variable, or empty when unset or blank.
    QString environmentKey(ProviderKind kind) const;

    CredentialStore& m_store;
    QProcessEnvironment m_environment;
};

} // namespace tb
