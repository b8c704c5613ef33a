// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "workbenchfixture.h"

#include "api/profilestore.h"
#include "core/templatecatalog.h"
#include "gui/userdialogs.h"
#include "openaiemulator.h"
#include "secrets/apikeyresolver.h"
#include "secrets/credentialstore.h"

#include <QDir>
#include <QObject>
#include <QProcessEnvironment>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace tb::test {

WorkbenchFixture::WorkbenchFixture() = default;

WorkbenchFixture::~WorkbenchFixture()
{
    reset();
}

bool WorkbenchFixture::prepare(OpenAiEmulator& emulator, UserDialogs& dialogs)
{
    QStandardPaths::setTestModeEnabled(true);
    dialogs.setInteractive(false); // an unexpected question must not hang the test
    emulator.setExpectedApiKey(QString::fromLatin1(kApiKey));
    return emulator.listen();
}

bool WorkbenchFixture::allQuestionsAnswered(UserDialogs& dialogs)
{
    const qsizetype pending = dialogs.pendingAnswers();
    const int unanswered = dialogs.unansweredQuestions();
    dialogs.clearAnswers();
    if (pending != 0 || unanswered != 0)
        qWarning("%lld queued answer(s) unused, %d question(s) unanswered", qlonglong(pending), unanswered);
    return pending == 0 && unanswered == 0;
}

bool WorkbenchFixture::setUp(OpenAiEmulator& emulator)
{
    reset();
    emulator.clearScripts();
    emulator.clearRequests();
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid() || !QDir(m_dir->path()).mkpath(QStringLiteral("user"))) {
        qWarning("cannot make a temporary folder");
        return false;
    }
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_profiles = std::make_unique<ProfileStore>(*m_settings);
    const QString id = QString::fromLatin1(kProfileId);
    ProviderProfile profile
        = ProviderProfile::openAICompatible(id, QStringLiteral("Emulator"), emulator.baseUrl());
    // OpenAI kind: needs the stored key and asks for usage in the stream.
    profile.kind = ProviderProfile::Kind::OpenAI;
    profile.defaultModel = QStringLiteral("emulator-model");
    profile.maxRetries = 0;
    if (!m_profiles->save(profile)) {
        qWarning("cannot save the emulator profile");
        return false;
    }
    m_settings->setValue(QStringLiteral("workbench/profile"), id);
    m_credentials = std::make_unique<CredentialStore>(QStringLiteral("io.tunebench.Tests"),
                                                      CredentialStore::Backend::SessionMemory);
    m_keys = std::make_unique<ApiKeyResolver>(*m_credentials, QProcessEnvironment());
    bool done = false;
    bool stored = false;
    QObject context;
    m_credentials->writeKey(id, QString::fromLatin1(kApiKey), &context, [&](Status status) {
        stored = bool(status);
        done = true;
    });
    return QTest::qWaitFor([&] { return done; }) && stored;
}

void WorkbenchFixture::reset()
{
    m_keys.reset();
    m_credentials.reset();
    m_profiles.reset();
    m_settings.reset();
    m_dir.reset();
}

WorkbenchServices WorkbenchFixture::services(QNetworkAccessManager* network, UserDialogs* dialogs) const
{
    WorkbenchServices services;
    services.settings = m_settings.get();
    services.profiles = m_profiles.get();
    services.credentials = m_credentials.get();
    services.keys = m_keys.get();
    services.network = network;
    services.dialogs = dialogs;
    services.bundledFolder = TemplateCatalog::bundledFolder();
    services.userFolder = m_dir->filePath(QStringLiteral("user"));
    services.dataFolder = m_dir->path();
    return services;
}

QString WorkbenchFixture::filePath(const QString& name) const
{
    return m_dir->filePath(name);
}

} // namespace tb::test
