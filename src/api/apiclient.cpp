// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiclient.h"

#include "api/apilogging.h"

#include <QNetworkAccessManager>

namespace tb {

ApiClient::ApiClient(ProviderProfile profile, QNetworkAccessManager* network, QString apiKey,
                     std::optional<RetryPolicy> retryPolicy, QObject* parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_network(network)
    , m_apiKey(std::move(apiKey))
    , m_retryPolicy(retryPolicy ? *retryPolicy : RetryPolicy(m_profile.maxRetries))
{
    m_elapsed.start();
    qRegisterMetaType<tb::ApiError>();
    qRegisterMetaType<tb::CompletionResult>();
}

ApiClient::~ApiClient() = default;

void ApiClient::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

qint64 ApiClient::nowMs() const
{
    return m_clock ? m_clock() : m_elapsed.elapsed();
}

CompletionJob* ApiClient::createCompletion(const CompletionRequest& request)
{
    return new CompletionJob(this, request, this);
}

ModelListJob* ApiClient::createModelList()
{
    return new ModelListJob(this, this);
}

QByteArray ApiClient::userAgent()
{
    return QByteArrayLiteral("Tunebench/" TUNEBENCH_VERSION);
}

QNetworkRequest ApiClient::buildRequest(const QString& path, int retryCount) const
{
    QNetworkRequest request(m_profile.endpointUrl(path));
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("Content-Type", "application/json");
    if (!m_apiKey.isEmpty()) {
        if (m_profile.usesApiKeyHeader())
            request.setRawHeader("api-key", m_apiKey.toUtf8());
        else
            request.setRawHeader("Authorization", "Bearer " + m_apiKey.toUtf8());
    }
    if (m_profile.kind != ProviderProfile::Kind::Azure) {
        if (!m_profile.organization.isEmpty())
            request.setRawHeader("OpenAI-Organization", m_profile.organization.toUtf8());
        if (!m_profile.project.isEmpty())
            request.setRawHeader("OpenAI-Project", m_profile.project.toUtf8());
    }
    request.setRawHeader("X-Tunebench-Retry-Count", QByteArray::number(retryCount));
    // Credentials must not follow a redirect to another origin.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    return request;
}

QString ApiClient::redact(const QString& text) const
{
    if (m_apiKey.isEmpty())
        return text;
    QString copy = text;
    return copy.replace(m_apiKey, QStringLiteral("[redacted]"));
}

void ApiClient::redact(ApiError* error) const
{
    error->redact(m_apiKey);
}

} // namespace tb
