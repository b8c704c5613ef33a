// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// ProviderProfilesDialog: built-ins read-only (duplicate to edit), new profiles
// validated by ProviderProfile's rules and saved through ProfileStore, Azure fields,
// remove, the API key through the key dialog and "Test Connection" against the emulator.

#include "api/profilestore.h"
#include "gui/apikeydialog.h"
#include "gui/providerprofilesdialog.h"
#include "gui/userdialogs.h"
#include "openaiemulator.h"
#include "secrets/apikeyresolver.h"
#include "secrets/credentialstore.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace tb;
using tb::test::OpenAiEmulator;

class TestProviderProfilesDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void builtInProfilesAreReadOnlyAndDuplicateGivesAnEditableCopy();
    void newProfilesAreValidatedByTheProfileRules_data();
    void newProfilesAreValidatedByTheProfileRules();
    void azureShowsItsOwnFieldsAndNeedsThem();
    void removingAsksAndForgetsTheProfile();
    void switchingAwayFromUnsavedEditsAsks();
    void testConnectionSaysWhatTheServerAnswered();

private:
    std::unique_ptr<ProviderProfilesDialog> makeDialog(const QString& currentId);
    void type(QLineEdit* edit, const QString& text);

    OpenAiEmulator m_emulator;
    QNetworkAccessManager m_network;
    UserDialogs m_dialogs;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<ApiKeyResolver> m_keys;
};

void TestProviderProfilesDialog::initTestCase()
{
    m_dialogs.setInteractive(false);
    QVERIFY(m_emulator.listen());
    m_emulator.setExpectedApiKey(QStringLiteral("sk-dialog"));
    m_emulator.setModels({QStringLiteral("alpha"), QStringLiteral("beta")});
}

void TestProviderProfilesDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    m_profiles = std::make_unique<ProfileStore>(*m_settings);
    m_credentials = std::make_unique<CredentialStore>(QStringLiteral("io.tunebench.Tests"),
                                                      CredentialStore::Backend::SessionMemory);
    m_keys = std::make_unique<ApiKeyResolver>(*m_credentials, QProcessEnvironment());
}

void TestProviderProfilesDialog::cleanup()
{
    m_keys.reset();
    m_credentials.reset();
    m_profiles.reset();
    m_settings.reset();
    m_dir.reset();
    QCOMPARE(m_dialogs.pendingAnswers(), 0);
    QCOMPARE(m_dialogs.unansweredQuestions(), 0);
    m_dialogs.clearAnswers();
}

std::unique_ptr<ProviderProfilesDialog> TestProviderProfilesDialog::makeDialog(const QString& currentId)
{
    WorkbenchServices services;
    services.settings = m_settings.get();
    services.profiles = m_profiles.get();
    services.credentials = m_credentials.get();
    services.keys = m_keys.get();
    services.network = &m_network;
    services.dialogs = &m_dialogs;
    auto dialog = std::make_unique<ProviderProfilesDialog>(services, currentId);
    dialog->show();
    return dialog;
}

void TestProviderProfilesDialog::type(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Delete);
    else
        QTest::keyClicks(edit, text);
}

void TestProviderProfilesDialog::builtInProfilesAreReadOnlyAndDuplicateGivesAnEditableCopy()
{
    auto dialog = makeDialog(QStringLiteral("openai"));
    QCOMPARE(dialog->selectedId(), QStringLiteral("openai"));
    QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("builtInNote"))->isVisible());
    QVERIFY(!dialog->nameEdit()->isEnabled());
    QVERIFY(!dialog->saveButton()->isEnabled());
    QVERIFY(!dialog->removeProfile());

    QSignalSpy changed(dialog.get(), &ProviderProfilesDialog::profilesChanged);
    QVERIFY(dialog->duplicateProfile());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(dialog->selectedId(), QStringLiteral("openai-copy"));
    QVERIFY(dialog->nameEdit()->isEnabled());
    QVERIFY(!dialog->findChild<QLabel*>(QStringLiteral("builtInNote"))->isVisible());
    type(dialog->organizationEdit(), QStringLiteral("org-42"));
    QVERIFY(dialog->saveButton()->isEnabled());
    QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
    const std::optional<ProviderProfile> saved = m_profiles->profile(QStringLiteral("openai-copy"));
    QVERIFY(saved);
    QCOMPARE(saved->organization, QStringLiteral("org-42"));
    QCOMPARE(saved->baseUrl, QUrl(ProviderProfile::kOpenAIBaseUrl));
    QCOMPARE(m_profiles->profile(QStringLiteral("openai"))->organization, QString()); // the original is untouched
}

void TestProviderProfilesDialog::newProfilesAreValidatedByTheProfileRules_data()
{
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("problem");
    QTest::newRow("http for a remote host") << QStringLiteral("http://llm.example.com/v1")
                                            << QStringLiteral("only allowed for this computer");
    QTest::newRow("not a web address") << QStringLiteral("ftp://llm.example.com/v1") << QStringLiteral("must start with https://");
    QTest::newRow("https remote") << QStringLiteral("https://llm.example.com/v1") << QString();
    QTest::newRow("http loopback") << QStringLiteral("http://127.0.0.1:8000/v1") << QString();
}

void TestProviderProfilesDialog::newProfilesAreValidatedByTheProfileRules()
{
    QFETCH(QString, baseUrl);
    QFETCH(QString, problem);
    auto dialog = makeDialog(QStringLiteral("openai"));
    dialog->addProfile();
    QCOMPARE(dialog->kindCombo()->currentData().toInt(), int(ProviderProfile::Kind::OpenAICompatible));
    type(dialog->nameEdit(), QStringLiteral("My vLLM box"));
    type(dialog->baseUrlEdit(), baseUrl);
    type(dialog->modelEdit(), QStringLiteral("qwen2.5-7b"));
    if (!problem.isEmpty()) {
        QVERIFY2(dialog->problemLabel()->text().contains(problem), qPrintable(dialog->problemLabel()->text()));
        QVERIFY(!dialog->saveButton()->isEnabled());
        QVERIFY(!dialog->saveProfile());
        QVERIFY(!m_profiles->profile(QStringLiteral("my-vllm-box")));
        return;
    }
    QCOMPARE(dialog->problemLabel()->text(), QString());
    QVERIFY(dialog->saveButton()->isEnabled());
    QVERIFY(dialog->saveProfile());
    // The id was made from the name; the saved profile reads back as entered.
    const std::optional<ProviderProfile> saved = m_profiles->profile(QStringLiteral("my-vllm-box"));
    QVERIFY(saved);
    QCOMPARE(saved->displayName, QStringLiteral("My vLLM box"));
    QCOMPARE(saved->baseUrl, QUrl(baseUrl));
    QCOMPARE(saved->defaultModel, QStringLiteral("qwen2.5-7b"));
    QCOMPARE(saved->kind, ProviderProfile::Kind::OpenAICompatible);
    QVERIFY(dialog->list()->currentItem()->text().contains(QStringLiteral("My vLLM box")));
}

void TestProviderProfilesDialog::azureShowsItsOwnFieldsAndNeedsThem()
{
    auto dialog = makeDialog(QStringLiteral("openai"));
    dialog->addProfile();
    dialog->kindCombo()->setCurrentIndex(dialog->kindCombo()->findData(int(ProviderProfile::Kind::Azure)));
    QVERIFY(dialog->azureDeploymentEdit()->isVisible());
    QVERIFY(!dialog->baseUrlEdit()->isVisible());
    QCOMPARE(dialog->azureApiVersionEdit()->text(), ProviderProfile::kDefaultAzureApiVersion);
    type(dialog->nameEdit(), QStringLiteral("Contoso Azure"));
    type(dialog->azureEndpointEdit(), QStringLiteral("https://contoso.openai.azure.com"));
    QVERIFY(!dialog->problemLabel()->text().isEmpty()); // no deployment yet
    QVERIFY(!dialog->saveButton()->isEnabled());
    type(dialog->azureDeploymentEdit(), QStringLiteral("gpt-4o-mini"));
    QCOMPARE(dialog->problemLabel()->text(), QString());
    QVERIFY(dialog->saveProfile());
    const std::optional<ProviderProfile> saved = m_profiles->profile(QStringLiteral("contoso-azure"));
    QVERIFY(saved);
    QCOMPARE(saved->kind, ProviderProfile::Kind::Azure);
    QCOMPARE(saved->azureDeployment, QStringLiteral("gpt-4o-mini"));
    QCOMPARE(saved->azureEndpoint, QUrl(QStringLiteral("https://contoso.openai.azure.com")));
}

void TestProviderProfilesDialog::removingAsksAndForgetsTheProfile()
{
    ProviderProfile mine = ProviderProfile::openAICompatible(QStringLiteral("mine"), QStringLiteral("Mine"),
                                                             QUrl(QStringLiteral("http://localhost:9000/v1")));
    QVERIFY(m_profiles->save(mine));
    auto dialog = makeDialog(QStringLiteral("mine"));
    QCOMPARE(dialog->selectedId(), QStringLiteral("mine"));
    m_dialogs.enqueueAnswer(false);
    QVERIFY(!dialog->removeProfile());
    QVERIFY(m_profiles->profile(QStringLiteral("mine")));
    m_dialogs.enqueueAnswer(true);
    QSignalSpy changed(dialog.get(), &ProviderProfilesDialog::profilesChanged);
    QVERIFY(dialog->removeProfile());
    QVERIFY(!m_profiles->profile(QStringLiteral("mine")));
    QCOMPARE(changed.count(), 1);
    QVERIFY(dialog->list()->findItems(QStringLiteral("Mine"), Qt::MatchExactly).isEmpty());
}

void TestProviderProfilesDialog::switchingAwayFromUnsavedEditsAsks()
{
    auto dialog = makeDialog(QStringLiteral("openai"));
    dialog->addProfile();
    type(dialog->nameEdit(), QStringLiteral("Scratch"));
    const int count = dialog->list()->count();
    m_dialogs.enqueueAnswer(int(QMessageBox::Cancel));
    dialog->list()->setCurrentRow(0);
    QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("Scratch")); // stayed
    m_dialogs.enqueueAnswer(int(QMessageBox::Discard));
    dialog->list()->setCurrentRow(0);
    QCOMPARE(dialog->selectedId(), QStringLiteral("openai"));
    QCOMPARE(dialog->list()->count(), count - 1); // the unsaved new entry is gone
    QVERIFY(!m_profiles->profile(QStringLiteral("scratch")));
}

void TestProviderProfilesDialog::testConnectionSaysWhatTheServerAnswered()
{
    auto dialog = makeDialog(QStringLiteral("openai"));
    dialog->addProfile();
    type(dialog->nameEdit(), QStringLiteral("Emulator"));
    type(dialog->baseUrlEdit(), m_emulator.baseUrl().toString());
    QVERIFY(dialog->saveProfile());
    QSignalSpy tested(dialog.get(), &ProviderProfilesDialog::connectionTested);

    // No key stored yet: the server's refusal is the sentence.
    dialog->testConnection();
    QVERIFY(tested.wait(10000));
    QCOMPARE(tested.last().at(0).toBool(), false);
    QVERIFY2(dialog->resultLabel()->text().contains(QStringLiteral("API key")),
             qPrintable(dialog->resultLabel()->text()));

    // Set the key through the key dialog (opened, not exec'd), then test again.
    QSignalSpy keyChanged(dialog.get(), &ProviderProfilesDialog::apiKeyChanged);
    dialog->setApiKey();
    auto* keyDialog = dialog->findChild<ApiKeyDialog*>();
    QVERIFY(keyDialog);
    QTest::keyClicks(keyDialog->findChild<QLineEdit*>(), QStringLiteral("sk-dialog"));
    keyDialog->accept();
    QVERIFY(keyChanged.wait(5000));
    QCOMPARE(keyChanged.first().at(0).toString(), QStringLiteral("emulator"));

    dialog->testConnection();
    QVERIFY(tested.wait(10000));
    QCOMPARE(tested.last().at(0).toBool(), true);
    QCOMPARE(dialog->resultLabel()->text(), QStringLiteral("Connected to Emulator: 2 model(s), e.g. alpha, beta."));

    const QString folder = qEnvironmentVariable("TUNEBENCH_SCREENSHOT_DIR");
    if (!folder.isEmpty()) {
        dialog->resize(820, 520);
        QTest::qWait(100);
        dialog->grab().save(QDir(folder).filePath(QStringLiteral("provider-profiles.png")));
    }
}

QTEST_MAIN(TestProviderProfilesDialog)
#include "tst_providerprofilesdialog.moc"
