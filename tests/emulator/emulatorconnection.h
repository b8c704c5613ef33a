// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One accepted TCP connection of the emulator: parses one HTTP/1.1 request
// (Content-Length or chunked body), hands it over, then carries out the send
// plan step by step on timers so delays and drops happen on the real socket.

#include "emulatorrequest.h"
#include "emulatorresponse.h"

#include <QObject>
#include <QPointer>
#include <QTcpSocket>

#include <functional>

namespace tb::test {

class EmulatorConnection : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<QList<SendStep>(const EmulatorRequest&)>;

    EmulatorConnection(QTcpSocket* socket, Handler handler, QObject* parent = nullptr);
    ~EmulatorConnection() override;

private:
    enum class State { Head, ContentBody, ChunkedBody, Responding };

    void onReadyRead();
    bool parseHead();
    bool parseChunked();
    void dispatch();
    void runNextStep();
    void sendBadRequest();

    QPointer<QTcpSocket> m_socket;
    Handler m_handler;
    State m_state = State::Head;
    QByteArray m_in;
    EmulatorRequest m_request;
    qsizetype m_contentLength = 0;
    QList<SendStep> m_plan;
};

} // namespace tb::test
