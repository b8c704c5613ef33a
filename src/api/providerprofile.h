// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Where and how to reach one provider account: base URL or Azure deployment,
// optional organization/project headers, retries and timeout. Never the key.

#include "core/result.h"

#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

namespace tb {

struct ProviderProfile
{
    enum class Kind { OpenAI, Azure, OpenAICompatible, Together };

    QString id; // stable key in settings, e.g. "openai", "ollama"
    QString displayName;
    Kind kind = Kind::OpenAI;
    QUrl baseUrl; // ".../v1"; unused for Azure
    QUrl azureEndpoint; // "https://NAME.openai.azure.com"
    QString azureDeployment;
    QString azureApiVersion; // e.g. "2024-10-21"
    QString organization; // OpenAI-Organization header; omitted when empty
    QString project; // OpenAI-Project header; omitted when empty
    QString defaultModel;
    int maxRetries = 2;
    int timeoutMs = 600000; // inactivity timeout, restarted on every progress

    static const QString kOpenAIBaseUrl; // https://api.openai.com/v1
    static const QString kTogetherBaseUrl; // https://api.together.xyz/v1
    static const QString kDefaultAzureApiVersion;
    static const QString kCommandLineId; // "command-line": the profile `--base-url` makes

    static ProviderProfile openAI();
    static ProviderProfile together();
    static ProviderProfile azure(const QUrl& endpoint = {}, const QString& deployment = {},
        const QString& apiVersion = kDefaultAzureApiVersion);
    // A local OpenAI-compatible server (Ollama, llama.cpp, vLLM, LM Studio, ...).
    static ProviderProfile openAICompatible(
        const QString& id, const QString& displayName, const QUrl& baseUrl);

    // OpenAI profile adjusted like the official clients: OPENAI_BASE_URL,
    // OPENAI_ORG_ID, OPENAI_PROJECT_ID. A base URL that is not api.openai.com
    // turns it into an OpenAICompatible profile.
    static ProviderProfile fromEnvironment(const QProcessEnvironment& environment);

    // Full URL of an API path such as "/chat/completions" or "/models".
    // Azure: inference paths go to /openai/deployments/{deployment}/...,
    // others to /openai/...; both carry ?api-version=.
    QUrl endpointUrl(const QString& path) const;

    // Refuses missing/invalid URLs, non-http(s) schemes, http:// for hosts
    // that are not loopback, and Azure profiles without deployment/api-version.
    Status validate() const;

    // OpenAI, Azure and Together understand stream_options.include_usage.
    bool supportsStreamOptions() const { return kind != Kind::OpenAICompatible; }
    bool usesApiKeyHeader() const { return kind == Kind::Azure; }

    // Whether OPENAI_API_KEY may be sent to this profile: OpenAI itself, the OpenAI
    // profile redirected by OPENAI_BASE_URL, or a server named on the command line.
    // Never the built-in local servers or other saved profiles, so the key does not
    // go to whatever happens to listen on localhost:8080.
    bool acceptsEnvironmentKey() const;

    static QString kindName(Kind kind); // "openai", "azure", "openai-compatible", "together"
    static bool kindFromName(const QString& name, Kind* kind);
    static bool isLoopbackHost(const QString& host);

    friend bool operator==(const ProviderProfile&, const ProviderProfile&) = default;
};

} // namespace tb
