// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Base of every request job (Nextcloud's AbstractNetworkJob shape): owns its
// QNetworkReply, restarts a timeout on any progress, retries through the
// client's RetryPolicy, can be cancelled, and deleteLaters itself after its
// final signal (a subclass "finished" or failed()).

#include "api/apierror.h"
#include "api/retrypolicy.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

class QNetworkReply;

namespace tb {

class ApiClient;

class ApiJob : public QObject
{
    Q_OBJECT
public:
    ~ApiJob() override;

    // Sends the request. Failures (including invalid profiles) are always
    // reported asynchronously through failed().
    void start();
    // Aborts at any time; emits failed() with Kind::Cancelled unless already finished.
    void cancel();

    bool isStarted() const { return m_started; }
    bool isFinished() const { return m_finished; }
    int retryCount() const { return m_retryCount; }
    QString requestId() const { return m_requestId; }
    // Inactivity timeout in ms; defaults to the profile's timeoutMs.
    int timeoutMs() const { return m_timeoutMs; }
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }

Q_SIGNALS:
    void failed(const tb::ApiError& error);
    // A failed attempt will be re-sent after delayMs (retryNumber counts from 1).
    void retrying(int retryNumber, int delayMs, const tb::ApiError& reason);

protected:
    ApiJob(ApiClient* client, QByteArray verb, QString path, QObject* parent);

    ApiClient* client() const { return m_client; }
    qint64 elapsedMs() const;

    virtual QByteArray requestBody() const { return QByteArray(); }
    // Called before each attempt: drop what an earlier attempt parsed.
    virtual void resetAttempt() { }
    // true: a 2xx body is handed to handleStreamData() as it arrives.
    virtual bool isStreamed() const { return false; }
    virtual void handleStreamData(const QByteArray& chunk) { Q_UNUSED(chunk); }
    // The 2xx reply ended (transport error: the connection broke after headers).
    // Streamed jobs get the unread rest through handleStreamData() first.
    virtual void handleSuccess(const QByteArray& body, bool transportError) = 0;
    // Streamed text already reached the caller: never retry from here on.
    virtual bool contentDelivered() const { return false; }

    // Final outcomes for subclasses. Both stop the reply and timers; fail()
    // emits failed(); markSucceeded() is called right before the subclass emits
    // its own finished signal.
    void fail(ApiError error);
    void markSucceeded();

private:
    void sendAttempt();
    void onReadyRead();
    void onReplyFinished();
    void onTimeout();
    void restartTimeout();
    void retryOrFail(ApiError error, const HttpHeaders& headers);
    void releaseReply();
    void readStatus();

    ApiClient* m_client;
    QByteArray m_verb;
    QString m_path;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeoutTimer;
    QTimer m_retryTimer;
    QByteArray m_buffer;
    qint64 m_startMs = 0;
    int m_timeoutMs = 0;
    int m_retryCount = 0;
    int m_httpStatus = 0;
    QString m_requestId;
    bool m_started = false;
    bool m_finished = false;
    bool m_timedOut = false;
    bool m_streamingBody = false;
};

} // namespace tb
