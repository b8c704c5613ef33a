// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What a Prompts page test needs around the page: temporary folders and settings, a
// provider profile pointing at the in-process emulator, and its key in a session-only
// credential store. One per test function (init() sets up, cleanup() resets).

#include "gui/workbenchservices.h"

#include <memory>

class QNetworkAccessManager;
class QSettings;
class QTemporaryDir;

namespace tb {
class ApiKeyResolver;
class CredentialStore;
class ProfileStore;
class UserDialogs;
}

namespace tb::test {

class OpenAiEmulator;

class WorkbenchFixture
{
public:
    static constexpr const char* kApiKey = "sk-test-key";
    static constexpr const char* kProfileId = "emulator";

    WorkbenchFixture();
    ~WorkbenchFixture();

    // For initTestCase(): test-mode paths, dialogs that never block, the emulator listening
    // and expecting kApiKey. False when the emulator cannot listen.
    static bool prepare(OpenAiEmulator& emulator, UserDialogs& dialogs);
    // Fresh folders and settings with the emulator profile chosen and its key stored, and
    // the emulator's scripts and requests cleared; false (with the reason in a test
    // warning) when something could not be made.
    bool setUp(OpenAiEmulator& emulator);
    // For cleanup(): true when every queued answer was used and no question went
    // unanswered (the counts go to a test warning otherwise); clears the answers.
    static bool allQuestionsAnswered(UserDialogs& dialogs);
    void reset();

    WorkbenchServices services(QNetworkAccessManager* network, UserDialogs* dialogs) const;
    QString filePath(const QString& name) const; // inside the temporary folder
    QSettings* settings() const { return m_settings.get(); }
    CredentialStore* credentials() const { return m_credentials.get(); }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<ApiKeyResolver> m_keys;
};

} // namespace tb::test
