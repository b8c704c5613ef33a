// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the workbench needs from the application, injected so tests can supply
// temporary folders, a session-only credential store and their own settings.

#include <QString>
#include <QStringList>

class QNetworkAccessManager;
class QSettings;

namespace tb {

class ApiKeyResolver;
class CredentialStore;
class ProfileStore;
class UserDialogs;

struct WorkbenchServices
{
    QSettings* settings = nullptr;        // parameter values, chosen profile, window state
    ProfileStore* profiles = nullptr;     // provider profiles (over the same settings)
    CredentialStore* credentials = nullptr;
    ApiKeyResolver* keys = nullptr;
    QNetworkAccessManager* network = nullptr; // one per account would be better; one per app for now
    UserDialogs* dialogs = nullptr;
    QString bundledFolder;                // ":/templates" in the app
    QString userFolder;                   // the user's own templates (writable)
    QString workspaceFolder;              // may be empty
    QString dataFolder;                   // run history when no workspace is open
    QStringList sampleDatasets;           // bundled sample datasets, copied out to dataFolder
};

} // namespace tb
