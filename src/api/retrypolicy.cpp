// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "retrypolicy.h"

#include <QLocale>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace tb {

RetryPolicy::RetryPolicy(int maxRetries, RandomSource random, WallClock now)
    : m_maxRetries(maxRetries)
    , m_random(std::move(random))
    , m_now(std::move(now))
{
    if (!m_random)
        m_random = [] { return QRandomGenerator::global()->generateDouble(); };
    if (!m_now)
        m_now = [] { return QDateTime::currentDateTimeUtc(); };
}

QByteArray RetryPolicy::headerValue(const HttpHeaders& headers, const QByteArray& name)
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value.trimmed();
    }
    return QByteArray();
}

bool RetryPolicy::isRetryableStatus(int httpStatus)
{
    return httpStatus == 408 || httpStatus == 409 || httpStatus == 429 || httpStatus >= 500;
}

std::optional<double> RetryPolicy::retryAfterSeconds(const HttpHeaders& headers) const
{
    bool ok = false;
    const QByteArray ms = headerValue(headers, "retry-after-ms");
    if (!ms.isEmpty()) {
        const double value = ms.toDouble(&ok);
        if (ok && std::isfinite(value))
            return value / 1000.0;
    }
    const QByteArray header = headerValue(headers, "retry-after");
    if (header.isEmpty())
        return std::nullopt;
    const double seconds = header.toDouble(&ok);
    if (ok && std::isfinite(seconds))
        return seconds;
    // HTTP-date, e.g. "Wed, 21 Oct 2015 07:28:00 GMT" (RFC 7231 IMF-fixdate).
    QString text = QString::fromLatin1(header);
    if (text.endsWith(QLatin1String(" GMT")))
        text.chop(4);
    const QDateTime when = QLocale::c().toDateTime(text, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    if (!when.isValid())
        return std::nullopt;
    QDateTime utc = when;
    utc.setTimeSpec(Qt::UTC);
    return double(m_now().msecsTo(utc)) / 1000.0;
}

double RetryPolicy::backoffSeconds(int retriesSoFar) const
{
    const int n = std::clamp(retriesSoFar, 0, 1000);
    const double sleep = std::min(kInitialDelaySeconds * std::pow(2.0, n), kMaxDelaySeconds);
    const double jitter = 1.0 - 0.25 * m_random();
    return std::max(0.0, sleep * jitter);
}

RetryPolicy::Decision RetryPolicy::decide(const Attempt& attempt) const
{
    Decision decision;
    if (attempt.contentDelivered) {
        decision.reason = QStringLiteral("content was already delivered");
        return decision;
    }
    if (attempt.retriesSoFar >= m_maxRetries) {
        decision.reason = QStringLiteral("retries exhausted (%1)").arg(m_maxRetries);
        return decision;
    }
    const std::optional<double> retryAfter = retryAfterSeconds(attempt.headers);
    if (retryAfter && *retryAfter > kMaxRetryAfterSeconds) {
        decision.reason = QStringLiteral("Retry-After of %1 s is too long").arg(*retryAfter);
        return decision;
    }
    if (attempt.httpStatus == 429 && attempt.errorCode == QLatin1String("insufficient_quota")) {
        decision.reason = QStringLiteral("insufficient_quota does not heal by retrying");
        return decision;
    }

    const QByteArray shouldRetry = headerValue(attempt.headers, "x-should-retry");
    if (attempt.httpStatus == 0) {
        decision.retry = true;
        decision.reason = QStringLiteral("connection error or timeout");
    } else if (shouldRetry == "true") {
        decision.retry = true;
        decision.reason = QStringLiteral("x-should-retry: true");
    } else if (shouldRetry == "false") {
        decision.reason = QStringLiteral("x-should-retry: false");
        return decision;
    } else if (isRetryableStatus(attempt.httpStatus)) {
        decision.retry = true;
        decision.reason = QStringLiteral("HTTP %1 is retryable").arg(attempt.httpStatus);
    } else {
        decision.reason = QStringLiteral("HTTP %1 is not retryable").arg(attempt.httpStatus);
        return decision;
    }

    double seconds = 0.0;
    if (retryAfter && *retryAfter > 0.0 && *retryAfter <= kMaxRetryAfterSeconds)
        seconds = *retryAfter;
    else
        seconds = backoffSeconds(attempt.retriesSoFar);
    decision.delayMs = int(std::ceil(seconds * 1000.0));
    return decision;
}

} // namespace tb
