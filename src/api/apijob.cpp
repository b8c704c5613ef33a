// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "apijob.h"

#include "api/apiclient.h"
#include "api/apilogging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace tb {

ApiJob::ApiJob(ApiClient* client, QByteArray verb, QString path, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_verb(std::move(verb))
    , m_path(std::move(path))
    , m_timeoutMs(client->profile().timeoutMs)
{
    m_timeoutTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    // A coarse timer may fire up to 5 % early; a retry must never come before the server's Retry-After.
    m_retryTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &ApiJob::onTimeout);
    connect(&m_retryTimer, &QTimer::timeout, this, &ApiJob::sendAttempt);
}

ApiJob::~ApiJob()
{
    releaseReply();
}

qint64 ApiJob::elapsedMs() const
{
    return m_client->nowMs() - m_startMs;
}

void ApiJob::start()
{
    if (m_started)
        return;
    m_started = true;
    m_startMs = m_client->nowMs();
    if (const Status valid = m_client->profile().validate(); !valid) {
        ApiError error;
        error.kind = ApiError::Kind::Configuration;
        error.message = valid.error().message;
        // Callers connect after creating and may call start() before connecting
        // everything; never emit from inside start().
        QTimer::singleShot(0, this, [this, error] { fail(error); });
        return;
    }
    sendAttempt();
}

void ApiJob::cancel()
{
    if (m_finished)
        return;
    ApiError error;
    error.kind = ApiError::Kind::Cancelled;
    qCDebug(lcTunebenchApi) << "cancelled" << m_verb << m_path;
    fail(error);
}

void ApiJob::sendAttempt()
{
    if (m_finished)
        return;
    resetAttempt();
    m_buffer.clear();
    m_httpStatus = 0;
    m_requestId.clear();
    m_timedOut = false;
    m_streamingBody = false;

    const QNetworkRequest request = m_client->buildRequest(m_path, m_retryCount);
    qCDebug(lcTunebenchApi) << "sending" << m_verb << request.url().toString(QUrl::RemoveUserInfo)
                            << "attempt" << (m_retryCount + 1);
    QNetworkAccessManager* network = m_client->network();
    const QByteArray body = requestBody();
    QNetworkReply* reply = m_verb == "GET" ? network->get(request) : network->sendCustomRequest(request, m_verb, body);
    m_reply = reply;
    connect(reply, &QNetworkReply::readyRead, this, &ApiJob::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &ApiJob::onReplyFinished);
    connect(reply, &QNetworkReply::metaDataChanged, this, &ApiJob::restartTimeout);
    connect(reply, &QNetworkReply::uploadProgress, this, &ApiJob::restartTimeout);
    connect(reply, &QNetworkReply::downloadProgress, this, &ApiJob::restartTimeout);
    restartTimeout();
}

void ApiJob::restartTimeout()
{
    if (!m_finished && m_timeoutMs > 0)
        m_timeoutTimer.start(m_timeoutMs);
}

void ApiJob::readStatus()
{
    if (m_httpStatus != 0 || !m_reply)
        return;
    m_httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_requestId = QString::fromLatin1(m_reply->rawHeader("x-request-id"));
    m_streamingBody = isStreamed() && m_httpStatus >= 200 && m_httpStatus < 300;
}

void ApiJob::onReadyRead()
{
    if (m_finished || !m_reply)
        return;
    restartTimeout();
    readStatus();
    const QByteArray chunk = m_reply->readAll();
    if (m_streamingBody)
        handleStreamData(chunk); // may finish the job
    else
        m_buffer.append(chunk);
}

void ApiJob::onTimeout()
{
    if (m_finished || !m_reply)
        return;
    qCDebug(lcTunebenchApi) << "timeout after" << m_timeoutMs << "ms" << m_verb << m_path;
    m_timedOut = true;
    m_reply->abort(); // emits finished(), handled below
}

void ApiJob::onReplyFinished()
{
    if (m_finished || !m_reply)
        return;
    m_timeoutTimer.stop();
    QNetworkReply* reply = m_reply;
    readStatus();
    const QByteArray rest = reply->isOpen() ? reply->readAll() : QByteArray();
    HttpHeaders headers;
    for (const auto& pair : reply->rawHeaderPairs())
        headers.append(pair);
    const QNetworkReply::NetworkError networkError = reply->error();
    const QString networkText = reply->errorString();
    const int status = m_httpStatus;
    releaseReply();

    const bool answered = status > 0;
    const bool transportError = m_timedOut
        || (networkError != QNetworkReply::NoError && (!answered || (status >= 200 && status < 300)));

    if (answered && status >= 200 && status < 300) {
        if (m_streamingBody) {
            if (!rest.isEmpty())
                handleStreamData(rest);
            if (m_finished)
                return;
            if (transportError && !contentDelivered()) {
                // Broke before anything reached the caller: as safe to retry as a refused connection.
                ApiError error;
                error.kind = m_timedOut ? ApiError::Kind::Timeout : ApiError::Kind::Network;
                error.timeoutMs = m_timeoutMs;
                error.message = m_timedOut ? QString() : networkText;
                error.requestId = m_requestId;
                retryOrFail(error, {});
                return;
            }
            handleSuccess(QByteArray(), transportError);
            return;
        }
        if (!transportError) {
            handleSuccess(m_buffer + rest, false);
            return;
        }
    }

    ApiError error;
    error.requestId = m_requestId;
    if (transportError || !answered) {
        error.kind = m_timedOut ? ApiError::Kind::Timeout : ApiError::Kind::Network;
        error.timeoutMs = m_timedOut ? m_timeoutMs : 0;
        if (!m_timedOut)
            error.message = networkText;
        retryOrFail(error, {});
        return;
    }
    error.kind = ApiError::Kind::Http;
    error.httpStatus = status;
    error.setFromBody(m_buffer + rest);
    retryOrFail(error, headers);
}

void ApiJob::retryOrFail(ApiError error, const HttpHeaders& headers)
{
    RetryPolicy::Attempt attempt;
    attempt.retriesSoFar = m_retryCount;
    attempt.httpStatus = error.kind == ApiError::Kind::Http ? error.httpStatus : 0;
    attempt.headers = headers;
    attempt.errorCode = error.code;
    attempt.contentDelivered = contentDelivered();
    const RetryPolicy::Decision decision = m_client->retryPolicy().decide(attempt);
    qCDebug(lcTunebenchApi) << m_verb << m_path << "attempt" << (m_retryCount + 1) << "failed:"
                            << ApiError::kindName(error.kind) << error.httpStatus << "request" << error.requestId
                            << "->" << (decision.retry ? "retry in" : "no retry") << decision.delayMs << "ms,"
                            << decision.reason;
    if (!decision.retry) {
        fail(error);
        return;
    }
    ++m_retryCount;
    error.retryCount = m_retryCount;
    m_client->redact(&error);
    Q_EMIT retrying(m_retryCount, decision.delayMs, error);
    if (!m_finished)
        m_retryTimer.start(decision.delayMs);
}

void ApiJob::releaseReply()
{
    if (!m_reply)
        return;
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    if (reply->isRunning())
        reply->abort();
    reply->deleteLater();
}

void ApiJob::fail(ApiError error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeoutTimer.stop();
    m_retryTimer.stop();
    releaseReply();
    error.retryCount = m_retryCount;
    if (error.requestId.isEmpty())
        error.requestId = m_requestId;
    m_client->redact(&error);
    qCDebug(lcTunebenchApi) << m_verb << m_path << "failed:" << error.humanMessage();
    deleteLater();
    Q_EMIT failed(error);
}

void ApiJob::markSucceeded()
{
    m_finished = true;
    m_timeoutTimer.stop();
    m_retryTimer.stop();
    releaseReply();
    qCDebug(lcTunebenchApi) << m_verb << m_path << "succeeded after" << m_retryCount << "retries, request"
                            << m_requestId;
    deleteLater();
}

} // namespace tb
