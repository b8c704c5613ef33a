// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/guiapp.h"

#include "gui/mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QIcon>
#include <QSettings>
#include <QStandardPaths>

namespace tb {

int GuiApp::exec(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Tunebench"));
    QApplication::setApplicationName(QStringLiteral("tunebench"));
    QApplication::setApplicationDisplayName(QStringLiteral("Tunebench"));
    QApplication::setApplicationVersion(QStringLiteral(TUNEBENCH_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.tunebench.Tunebench"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/io.tunebench.Tunebench.svg")));

    const QString userFolder = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                                   .filePath(QStringLiteral("templates"));
    QDir().mkpath(userFolder);
    QSettings settings;
    const QString workspace = settings.value(QStringLiteral("workspace/folder")).toString();

    MainWindow window(userFolder, workspace);
    QObject::connect(&app, &QApplication::aboutToQuit, &window, [&settings, &window] {
        settings.setValue(QStringLiteral("workspace/folder"), window.workspaceFolder());
    });
    window.show();
    return app.exec();
}

} // namespace tb
