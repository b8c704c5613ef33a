// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// tunebench-emulator: runs the loopback OpenAI emulator as a process, for the
// CLI tests and manual runs. Prints "http://127.0.0.1:PORT/v1" once listening.

#include "openaiemulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tunebench-emulator"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Loopback OpenAI API emulator for Tunebench tests."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Port to listen on (0 = pick a free one)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption scriptOption(QStringLiteral("script"),
                                          QStringLiteral("JSON file with scripted replies (object or array)."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption keyOption(QStringLiteral("api-key"),
                                       QStringLiteral("Expected API key; requests with another key get 401."),
                                       QStringLiteral("KEY"));
    parser.addOption(portOption);
    parser.addOption(scriptOption);
    parser.addOption(keyOption);
    parser.process(app);

    QTextStream err(stderr);
    tb::test::OpenAiEmulator emulator;
    if (parser.isSet(keyOption))
        emulator.setExpectedApiKey(parser.value(keyOption));
    if (parser.isSet(scriptOption)) {
        QFile file(parser.value(scriptOption));
        if (!file.open(QIODevice::ReadOnly)) {
            err << "tunebench-emulator: cannot read " << file.fileName() << ": " << file.errorString() << Qt::endl;
            return 2;
        }
        tb::Result<QList<tb::test::ScriptedReply>> replies = tb::test::ScriptedReply::listFromJson(file.readAll());
        if (!replies) {
            err << "tunebench-emulator: " << file.fileName() << ": " << replies.error().toString() << Qt::endl;
            return 2;
        }
        emulator.enqueue(*replies);
    }
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535) {
        err << "tunebench-emulator: invalid port " << parser.value(portOption) << Qt::endl;
        return 2;
    }
    if (!emulator.listen(quint16(port))) {
        err << "tunebench-emulator: cannot listen on 127.0.0.1:" << port << Qt::endl;
        return 1;
    }
    std::fputs(qPrintable(emulator.baseUrl().toString() + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
    return app.exec();
}
