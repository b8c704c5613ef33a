// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/guiapp.h"

#include "api/profilestore.h"
#include "core/sampledatasets.h"
#include "core/templatecatalog.h"
#include "gui/mainwindow.h"
#include "gui/userdialogs.h"
#include "gui/workbenchservices.h"
#include "secrets/apikeyresolver.h"
#include "secrets/credentialstore.h"

#include <QApplication>
#include <QDir>
#include <QIcon>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>
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
    ProfileStore profiles(settings);
    CredentialStore credentials;
    ApiKeyResolver keys(credentials, QProcessEnvironment::systemEnvironment());
    QNetworkAccessManager network;
    UserDialogs dialogs;

    WorkbenchServices services;
    services.settings = &settings;
    services.profiles = &profiles;
    services.credentials = &credentials;
    services.keys = &keys;
    services.network = &network;
    services.dialogs = &dialogs;
    services.bundledFolder = TemplateCatalog::bundledFolder();
    services.userFolder = userFolder;
    services.dataFolder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    services.sampleDatasets = SampleDatasets::install(QDir(services.dataFolder).filePath(QStringLiteral("samples")));
    services.workspaceFolder = settings.value(QStringLiteral("workspace/folder")).toString();

    MainWindow window(services);
    QObject::connect(&app, &QApplication::aboutToQuit, &window, [&settings, &window] {
        settings.setValue(QStringLiteral("workspace/folder"), window.workspaceFolder());
    });
    window.show();
    const QStringList files = app.arguments().mid(1);
    for (const QString& file : files)
        window.openFile(file);
    return app.exec();
}

} // namespace tb
