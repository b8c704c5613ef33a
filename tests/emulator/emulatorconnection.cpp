// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulatorconnection.h"

#include <QTimer>
#include <QUrl>

namespace tb::test {

namespace {
constexpr qsizetype kMaxHeadBytes = 64 * 1024;
}

EmulatorConnection::EmulatorConnection(QTcpSocket* socket, Handler handler, QObject* parent)
    : QObject(parent)
    , m_socket(socket)
    , m_handler(std::move(handler))
{
    socket->setParent(this);
    // Small scripted writes must leave at once: with Nagle, each would wait for a delayed ACK.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(socket, &QTcpSocket::readyRead, this, &EmulatorConnection::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    if (socket->bytesAvailable() > 0)
        QTimer::singleShot(0, this, &EmulatorConnection::onReadyRead);
}

EmulatorConnection::~EmulatorConnection() = default;

void EmulatorConnection::onReadyRead()
{
    if (!m_socket)
        return;
    m_in.append(m_socket->readAll());
    if (m_state == State::Responding)
        return; // no pipelining: one request per connection
    if (m_state == State::Head && !parseHead())
        return;
    if (m_state == State::ContentBody) {
        if (m_in.size() < m_contentLength)
            return;
        m_request.body = m_in.left(m_contentLength);
        m_in.remove(0, m_contentLength);
        dispatch();
        return;
    }
    if (m_state == State::ChunkedBody && parseChunked())
        dispatch();
}

bool EmulatorConnection::parseHead()
{
    const qsizetype end = m_in.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_in.size() > kMaxHeadBytes)
            sendBadRequest();
        return false;
    }
    const QList<QByteArray> lines = m_in.left(end).split('\n');
    m_in.remove(0, end + 4);
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        sendBadRequest();
        return false;
    }
    m_request = EmulatorRequest();
    m_request.method = requestLine.at(0);
    m_request.target = QString::fromLatin1(requestLine.at(1));
    const QUrl url(QStringLiteral("http://emulator") + m_request.target);
    m_request.path = url.path(QUrl::FullyDecoded);
    m_request.query = QUrlQuery(url);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        m_request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    if (m_request.header("transfer-encoding").toLower().contains("chunked")) {
        m_state = State::ChunkedBody;
    } else {
        m_contentLength = m_request.header("content-length").toLongLong();
        m_state = State::ContentBody;
    }
    return true;
}

bool EmulatorConnection::parseChunked()
{
    for (;;) {
        const qsizetype lineEnd = m_in.indexOf("\r\n");
        if (lineEnd < 0)
            return false;
        QByteArray sizeText = m_in.left(lineEnd);
        if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
            sizeText.truncate(semicolon);
        bool ok = false;
        const qsizetype size = sizeText.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0) {
            sendBadRequest();
            return false;
        }
        if (size == 0) {
            // Last chunk, optional trailers, then an empty line.
            const qsizetype trailerEnd = m_in.indexOf("\r\n", lineEnd + 2);
            if (trailerEnd < 0)
                return false;
            m_in.remove(0, trailerEnd + 2);
            return true;
        }
        if (m_in.size() < lineEnd + 2 + size + 2)
            return false;
        m_request.body.append(m_in.mid(lineEnd + 2, size));
        m_in.remove(0, lineEnd + 2 + size + 2);
    }
}

void EmulatorConnection::dispatch()
{
    m_state = State::Responding;
    m_plan = m_handler(m_request);
    runNextStep();
}

void EmulatorConnection::runNextStep()
{
    // Steps without a delay run at once (each write flushed on its own, so
    // they still leave as separate segments); a delayed step waits on a timer.
    while (m_socket && !m_plan.isEmpty()) {
        const SendStep step = m_plan.first();
        if (step.delayMs > 0) {
            m_plan.first().delayMs = 0;
            QTimer::singleShot(step.delayMs, this, &EmulatorConnection::runNextStep);
            return;
        }
        m_plan.removeFirst();
        switch (step.action) {
        case SendStep::Action::Write:
            m_socket->write(step.bytes);
            m_socket->flush();
            break;
        case SendStep::Action::Close:
            m_socket->disconnectFromHost(); // after pending bytes are written
            return;
        case SendStep::Action::Abort:
            m_socket->abort();
            deleteLater();
            return;
        }
    }
}

void EmulatorConnection::sendBadRequest()
{
    m_state = State::Responding;
    m_plan = {SendStep{0, SendStep::Action::Write,
                       QByteArrayLiteral("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")},
              SendStep{0, SendStep::Action::Close, {}}};
    runNextStep();
}

} // namespace tb::test
