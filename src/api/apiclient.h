// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One provider account: its profile, its injected QNetworkAccessManager, its
// API key (held in memory only) and its retry policy. Builds every request
// with the same headers and creates one job per request.

#include "api/completionjob.h"
#include "api/modellistjob.h"
#include "api/providerprofile.h"
#include "api/retrypolicy.h"

#include <QElapsedTimer>
#include <QNetworkRequest>
#include <QObject>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace tb {

class ApiClient : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>; // monotonic milliseconds

    // `network` is not owned and must outlive the client. `apiKey` may be empty
    // (local servers). Without a policy, RetryPolicy(profile.maxRetries) is used.
    ApiClient(ProviderProfile profile, QNetworkAccessManager* network, QString apiKey,
              std::optional<RetryPolicy> retryPolicy = std::nullopt, QObject* parent = nullptr);
    ~ApiClient() override;

    const ProviderProfile& profile() const { return m_profile; }
    QNetworkAccessManager* network() const { return m_network; }
    const RetryPolicy& retryPolicy() const { return m_retryPolicy; }
    void setRetryPolicy(const RetryPolicy& policy) { m_retryPolicy = policy; }
    bool hasApiKey() const { return !m_apiKey.isEmpty(); }

    // Replaces the time source used for job timings (tests inject a fake clock).
    void setClock(Clock clock);
    qint64 nowMs() const;

    // Jobs are created unstarted and parented to the client: connect to their
    // signals, then call start(). They delete themselves after their final signal.
    CompletionJob* createCompletion(const CompletionRequest& request);
    ModelListJob* createModelList();

    // The request a job sends to `path` ("/chat/completions"): URL from the
    // profile, User-Agent, auth, organization/project, JSON content headers.
    QNetworkRequest buildRequest(const QString& path, int retryCount) const;

    // Text with every occurrence of the key masked (servers may echo it back).
    QString redact(const QString& text) const;
    void redact(ApiError* error) const;

    static QByteArray userAgent();

private:
    ProviderProfile m_profile;
    QNetworkAccessManager* m_network;
    QString m_apiKey;
    RetryPolicy m_retryPolicy;
    QElapsedTimer m_elapsed;
    Clock m_clock;
};

} // namespace tb
