// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilestore.h"

#include <QSettings>

#include <algorithm>

namespace tb {

namespace {

const QString kGroup = QStringLiteral("providers");

ProviderProfile readProfile(const QSettings& settings, const QString& id)
{
    const QString prefix = kGroup + QLatin1Char('/') + id + QLatin1Char('/');
    auto value = [&](const char* key) { return settings.value(prefix + QLatin1String(key)); };
    ProviderProfile profile;
    profile.id = id;
    profile.displayName = value("displayName").toString();
    if (!ProviderProfile::kindFromName(value("kind").toString(), &profile.kind))
        profile.kind = ProviderProfile::Kind::OpenAICompatible;
    profile.baseUrl = QUrl(value("baseUrl").toString());
    profile.azureEndpoint = QUrl(value("azureEndpoint").toString());
    profile.azureDeployment = value("azureDeployment").toString();
    profile.azureApiVersion = value("azureApiVersion").toString();
    profile.organization = value("organization").toString();
    profile.project = value("project").toString();
    profile.defaultModel = value("defaultModel").toString();
    profile.maxRetries = value("maxRetries").isValid() ? value("maxRetries").toInt() : 2;
    profile.timeoutMs = value("timeoutMs").isValid() ? value("timeoutMs").toInt() : 600000;
    return profile;
}

} // namespace

ProfileStore::ProfileStore(QSettings& settings)
    : m_settings(settings)
{
}

QList<ProviderProfile> ProfileStore::builtInProfiles()
{
    return {
        ProviderProfile::openAI(),
        ProviderProfile::azure(),
        ProviderProfile::together(),
        ProviderProfile::openAICompatible(QStringLiteral("ollama"), QStringLiteral("Ollama (local)"),
                                          QUrl(QStringLiteral("http://localhost:11434/v1"))),
        ProviderProfile::openAICompatible(QStringLiteral("llamacpp"), QStringLiteral("llama.cpp server (local)"),
                                          QUrl(QStringLiteral("http://localhost:8080/v1"))),
        ProviderProfile::openAICompatible(QStringLiteral("vllm"), QStringLiteral("vLLM (local)"),
                                          QUrl(QStringLiteral("http://localhost:8000/v1"))),
        ProviderProfile::openAICompatible(QStringLiteral("lmstudio"), QStringLiteral("LM Studio (local)"),
                                          QUrl(QStringLiteral("http://localhost:1234/v1"))),
    };
}

QList<ProviderProfile> ProfileStore::savedProfiles() const
{
    QSettings& settings = m_settings;
    settings.beginGroup(kGroup);
    QStringList ids = settings.childGroups();
    settings.endGroup();
    std::sort(ids.begin(), ids.end());
    QList<ProviderProfile> result;
    for (const QString& id : std::as_const(ids))
        result.append(readProfile(settings, id));
    return result;
}

QList<ProviderProfile> ProfileStore::profiles() const
{
    QList<ProviderProfile> result = builtInProfiles();
    for (const ProviderProfile& saved : savedProfiles()) {
        auto it = std::find_if(result.begin(), result.end(),
                               [&](const ProviderProfile& p) { return p.id == saved.id; });
        if (it != result.end())
            *it = saved;
        else
            result.append(saved);
    }
    return result;
}

std::optional<ProviderProfile> ProfileStore::profile(const QString& id) const
{
    for (const ProviderProfile& candidate : profiles()) {
        if (candidate.id == id)
            return candidate;
    }
    return std::nullopt;
}

Status ProfileStore::save(const ProviderProfile& profile)
{
    if (profile.id.isEmpty() || profile.id.contains(QLatin1Char('/')) || profile.id.contains(QLatin1Char('\\'))) {
        return Error::plain(QStringLiteral("A provider profile needs an id without slashes."));
    }
    if (Status status = profile.validate(); !status)
        return status;
    const QString prefix = kGroup + QLatin1Char('/') + profile.id + QLatin1Char('/');
    m_settings.remove(kGroup + QLatin1Char('/') + profile.id);
    auto set = [&](const char* key, const QVariant& value) { m_settings.setValue(prefix + QLatin1String(key), value); };
    set("displayName", profile.displayName);
    set("kind", ProviderProfile::kindName(profile.kind));
    set("baseUrl", profile.baseUrl.toString());
    set("azureEndpoint", profile.azureEndpoint.toString());
    set("azureDeployment", profile.azureDeployment);
    set("azureApiVersion", profile.azureApiVersion);
    set("organization", profile.organization);
    set("project", profile.project);
    set("defaultModel", profile.defaultModel);
    set("maxRetries", profile.maxRetries);
    set("timeoutMs", profile.timeoutMs);
    return success();
}

void ProfileStore::remove(const QString& id)
{
    if (!id.isEmpty())
        m_settings.remove(kGroup + QLatin1Char('/') + id);
}

} // namespace tb
