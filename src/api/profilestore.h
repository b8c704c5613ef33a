// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Provider profiles kept in a QSettings the caller owns, merged over the
// built-in presets. API keys never go here: they live in the CredentialStore.

#include "api/providerprofile.h"
#include "core/result.h"

#include <QList>
#include <QString>

#include <optional>

class QSettings;

namespace tb {

class ProfileStore
{
public:
    explicit ProfileStore(QSettings& settings);

    // OpenAI, Azure (unconfigured), Together, Ollama, llama.cpp, vLLM, LM Studio.
    static QList<ProviderProfile> builtInProfiles();

    // Built-ins first (replaced by a saved profile with the same id), then the
    // user's own profiles in id order.
    QList<ProviderProfile> profiles() const;
    std::optional<ProviderProfile> profile(const QString& id) const;

    // Validates and writes the profile under providers/<id>/. Refuses an empty id.
    Status save(const ProviderProfile& profile);
    // Forgets a saved profile; a built-in one comes back with its defaults.
    void remove(const QString& id);

private:
    QList<ProviderProfile> savedProfiles() const;

    QSettings& m_settings;
};

} // namespace tb
