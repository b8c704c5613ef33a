// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Whether and when to retry a failed request, exactly as openai-python does
// (PROTOCOL-NOTES §3), plus two rules of ours: an insufficient_quota 429 is
// never retried, and neither is a request whose streamed content was shown.

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>
#include <optional>

namespace tb {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

class RetryPolicy
{
public:
    using RandomSource = std::function<double()>; // uniform in [0, 1)
    using WallClock = std::function<QDateTime()>; // for HTTP-date Retry-After

    static constexpr double kInitialDelaySeconds = 0.5;
    static constexpr double kMaxDelaySeconds = 8.0;
    static constexpr double kMaxRetryAfterSeconds = 120.0;

    // What happened to the attempt that just failed.
    struct Attempt
    {
        int retriesSoFar = 0;          // retries already made (0 after the first try)
        int httpStatus = 0;            // 0 = connection error or timeout (no HTTP answer)
        HttpHeaders headers;           // response headers, names in any case
        QString errorCode;             // error.code from the body ("insufficient_quota")
        bool contentDelivered = false; // streamed text already reached the caller
    };

    struct Decision
    {
        bool retry = false;
        int delayMs = 0;
        QString reason; // why, for the debug log
    };

    explicit RetryPolicy(int maxRetries = 2, RandomSource random = {}, WallClock now = {});

    int maxRetries() const { return m_maxRetries; }
    void setMaxRetries(int maxRetries) { m_maxRetries = maxRetries; }

    Decision decide(const Attempt& attempt) const;

    // retry-after-ms, then retry-after as seconds or HTTP-date; nullopt when absent/unparsable.
    std::optional<double> retryAfterSeconds(const HttpHeaders& headers) const;
    // min(0.5 * 2^n, 8) * (1 - 0.25 * random)
    double backoffSeconds(int retriesSoFar) const;
    static bool isRetryableStatus(int httpStatus);
    static QByteArray headerValue(const HttpHeaders& headers, const QByteArray& name);

private:
    int m_maxRetries;
    RandomSource m_random;
    WallClock m_now;
};

} // namespace tb
