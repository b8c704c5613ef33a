// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/providerprofilesdialog.h"

#include "api/connectionprobe.h"
#include "api/profilestore.h"
#include "gui/apikeydialog.h"
#include "gui/userdialogs.h"
#include "secrets/apikeyresolver.h"
#include "secrets/credentialstore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace tb {

namespace {

constexpr int kIdRole = Qt::UserRole;

QString kindLabel(ProviderProfile::Kind kind)
{
    switch (kind) {
    case ProviderProfile::Kind::OpenAI:
        return ProviderProfilesDialog::tr("OpenAI");
    case ProviderProfile::Kind::Azure:
        return ProviderProfilesDialog::tr("Azure OpenAI");
    case ProviderProfile::Kind::OpenAICompatible:
        return ProviderProfilesDialog::tr("OpenAI-compatible server");
    case ProviderProfile::Kind::Together:
        return ProviderProfilesDialog::tr("Together AI");
    }
    return {};
}

QString urlText(const QUrl& url)
{
    return url.isEmpty() ? QString() : url.toString();
}

} // namespace

ProviderProfilesDialog::ProviderProfilesDialog(const WorkbenchServices& services, const QString& currentId,
                                               QWidget* parent)
    : QDialog(parent), m_services(services)
{
    setWindowTitle(tr("Provider Profiles"));
    m_probe = new ConnectionProbe(*m_services.keys, m_services.network, this);
    connect(m_probe, &ConnectionProbe::finished, this, [this](bool ok, const QString& sentence) {
        m_result->setText(sentence);
        m_result->setStyleSheet(ok ? QStringLiteral("color: #1a7f37;") : QStringLiteral("color: #a01010;"));
        m_test->setEnabled(true);
        Q_EMIT connectionTested(ok, sentence);
    });
    createWidgets();
    reloadList(currentId);
}

void ProviderProfilesDialog::createWidgets()
{
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setMinimumWidth(200);
    connect(m_list, &QListWidget::currentItemChanged, this, &ProviderProfilesDialog::onSelectionChanged);
    auto* add = new QPushButton(tr("&Add"));
    add->setToolTip(tr("A new OpenAI-compatible server profile (Ctrl+N)"));
    add->setShortcut(QKeySequence::New);
    connect(add, &QPushButton::clicked, this, [this] { addProfile(); });
    m_duplicate = new QPushButton(tr("D&uplicate"));
    m_duplicate->setToolTip(tr("An editable copy of this profile (Ctrl+D)"));
    m_duplicate->setShortcut(QKeySequence(tr("Ctrl+D")));
    connect(m_duplicate, &QPushButton::clicked, this, &ProviderProfilesDialog::duplicateProfile);
    m_remove = new QPushButton(tr("&Remove"));
    connect(m_remove, &QPushButton::clicked, this, &ProviderProfilesDialog::removeProfile);
    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(m_duplicate);
    listButtons->addWidget(m_remove);
    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addLayout(listButtons);

    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("kindCombo"));
    for (const ProviderProfile::Kind kind : {ProviderProfile::Kind::OpenAICompatible, ProviderProfile::Kind::OpenAI,
                                            ProviderProfile::Kind::Azure, ProviderProfile::Kind::Together})
        m_kind->addItem(kindLabel(kind), int(kind));
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling)
            return;
        // Switching to a hosted service fills its well-known address.
        const auto kind = ProviderProfile::Kind(m_kind->currentData().toInt());
        if (kind == ProviderProfile::Kind::OpenAI)
            m_baseUrl->setText(ProviderProfile::kOpenAIBaseUrl);
        else if (kind == ProviderProfile::Kind::Together)
            m_baseUrl->setText(ProviderProfile::kTogetherBaseUrl);
        if (kind == ProviderProfile::Kind::Azure && m_azureApiVersion->text().isEmpty())
            m_azureApiVersion->setText(ProviderProfile::kDefaultAzureApiVersion);
        updateKindFields();
        onFormEdited();
    });
    auto makeEdit = [this](const QString& name, const QString& placeholder) {
        auto* edit = new QLineEdit;
        edit->setObjectName(name);
        edit->setPlaceholderText(placeholder);
        connect(edit, &QLineEdit::textEdited, this, &ProviderProfilesDialog::onFormEdited);
        return edit;
    };
    m_id = new QLineEdit;
    m_id->setReadOnly(true);
    m_id->setToolTip(tr("The profile's key in the settings and the keychain; made from its name when it is first saved"));
    m_name = makeEdit(QStringLiteral("nameEdit"), tr("e.g. My vLLM box"));
    m_baseUrl = makeEdit(QStringLiteral("baseUrlEdit"), tr("https://host/v1, or http://localhost:8000/v1"));
    m_azureEndpoint = makeEdit(QStringLiteral("azureEndpointEdit"), tr("https://NAME.openai.azure.com"));
    m_azureDeployment = makeEdit(QStringLiteral("azureDeploymentEdit"), tr("the deployment name"));
    m_azureApiVersion = makeEdit(QStringLiteral("azureApiVersionEdit"), ProviderProfile::kDefaultAzureApiVersion);
    m_model = makeEdit(QStringLiteral("modelEdit"), tr("used when a template names none"));
    m_organization = makeEdit(QStringLiteral("organizationEdit"), tr("optional: OpenAI-Organization header"));
    m_project = makeEdit(QStringLiteral("projectEdit"), tr("optional: OpenAI-Project header"));

    m_builtInNote = new QLabel(tr("Built-in profile: read-only. Duplicate it (Ctrl+D) to change it."));
    m_builtInNote->setObjectName(QStringLiteral("builtInNote"));
    m_builtInNote->setWordWrap(true);
    m_builtInNote->setStyleSheet(QStringLiteral("QLabel { background: #fff4d6; border: 1px solid #e8c46a; padding: 4px; }"));
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->addRow(tr("&Kind:"), m_kind);
    m_form->addRow(tr("&Name:"), m_name);
    m_form->addRow(tr("ID:"), m_id);
    m_form->addRow(tr("&Base URL:"), m_baseUrl);
    m_form->addRow(tr("Azure &endpoint:"), m_azureEndpoint);
    m_form->addRow(tr("&Deployment:"), m_azureDeployment);
    m_form->addRow(tr("API &version:"), m_azureApiVersion);
    m_form->addRow(tr("Default &model:"), m_model);
    m_form->addRow(tr("&Organization:"), m_organization);
    m_form->addRow(tr("&Project:"), m_project);

    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("problemLabel"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #a01010;"));
    m_result = new QLabel;
    m_result->setObjectName(QStringLiteral("resultLabel"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_save = new QPushButton(tr("&Save Profile"));
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(tr("Validate and save (Ctrl+S)"));
    connect(m_save, &QPushButton::clicked, this, &ProviderProfilesDialog::saveProfile);
    m_key = new QPushButton(tr("Set API &Key…"));
    m_key->setToolTip(tr("Store this profile's key in the keychain"));
    connect(m_key, &QPushButton::clicked, this, &ProviderProfilesDialog::setApiKey);
    m_test = new QPushButton(tr("&Test Connection"));
    m_test->setToolTip(tr("List the models (GET /models) with this profile as shown"));
    connect(m_test, &QPushButton::clicked, this, &ProviderProfilesDialog::testConnection);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_save);
    actions->addStretch(1);
    actions->addWidget(m_key);
    actions->addWidget(m_test);

    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_builtInNote);
    rightLayout->addLayout(m_form);
    rightLayout->addWidget(m_problem);
    rightLayout->addLayout(actions);
    rightLayout->addWidget(m_result);
    rightLayout->addStretch(1);

    auto* splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(760, 480);
}

bool ProviderProfilesDialog::isBuiltIn(const QString& id) const
{
    for (const ProviderProfile& profile : ProfileStore::builtInProfiles()) {
        if (profile.id == id)
            return true;
    }
    return false;
}

void ProviderProfilesDialog::reloadList(const QString& select)
{
    m_filling = true;
    m_list->clear();
    for (const ProviderProfile& profile : m_services.profiles->profiles()) {
        auto* item = new QListWidgetItem(isBuiltIn(profile.id) ? tr("%1 (built-in)").arg(profile.displayName)
                                                                 : profile.displayName);
        item->setData(kIdRole, profile.id);
        item->setToolTip(kindLabel(profile.kind));
        m_list->addItem(item);
    }
    m_filling = false;
    if (!selectProfile(select) && m_list->count() > 0)
        m_list->setCurrentRow(0);
}

bool ProviderProfilesDialog::selectProfile(const QString& id)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(kIdRole).toString() == id) {
            m_list->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

void ProviderProfilesDialog::onSelectionChanged()
{
    if (m_filling)
        return;
    QListWidgetItem* item = m_list->currentItem();
    const QString id = item ? item->data(kIdRole).toString() : QString();
    if (id == m_selectedId && !m_isNew)
        return;
    if (hasUnsavedChanges()) {
        const QMessageBox::StandardButton answer = m_services.dialogs->askSaveChanges(
            this, tr("“%1” has unsaved changes. Save them?").arg(editedProfile().displayName));
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !saveProfile())) {
            m_filling = true; // stay on the profile being edited
            selectProfile(m_selectedId);
            m_filling = false;
            return;
        }
        if (m_isNew && answer == QMessageBox::Discard) {
            for (int row = 0; row < m_list->count(); ++row) {
                if (m_list->item(row)->data(kIdRole).toString() == m_shown.id && row != m_list->currentRow()) {
                    m_filling = true;
                    delete m_list->takeItem(row);
                    m_filling = false;
                    break;
                }
            }
        }
    }
    const std::optional<ProviderProfile> profile = m_services.profiles->profile(id);
    if (!profile)
        return;
    m_isNew = false;
    showProfile(*profile);
}

void ProviderProfilesDialog::showProfile(const ProviderProfile& profile)
{
    m_filling = true;
    m_shown = profile;
    m_selectedId = profile.id;
    m_kind->setCurrentIndex(m_kind->findData(int(profile.kind)));
    m_id->setText(profile.id);
    m_name->setText(profile.displayName);
    m_baseUrl->setText(urlText(profile.baseUrl));
    m_azureEndpoint->setText(urlText(profile.azureEndpoint));
    m_azureDeployment->setText(profile.azureDeployment);
    m_azureApiVersion->setText(profile.azureApiVersion);
    m_model->setText(profile.defaultModel);
    m_organization->setText(profile.organization);
    m_project->setText(profile.project);
    m_filling = false;
    const bool builtIn = isBuiltIn(profile.id) && !m_isNew;
    m_builtInNote->setVisible(builtIn);
    for (QWidget* field : {static_cast<QWidget*>(m_kind), static_cast<QWidget*>(m_name), static_cast<QWidget*>(m_baseUrl),
                           static_cast<QWidget*>(m_azureEndpoint), static_cast<QWidget*>(m_azureDeployment),
                           static_cast<QWidget*>(m_azureApiVersion), static_cast<QWidget*>(m_model),
                           static_cast<QWidget*>(m_organization), static_cast<QWidget*>(m_project)})
        field->setEnabled(!builtIn);
    m_remove->setEnabled(!builtIn && !m_isNew);
    m_duplicate->setEnabled(!m_isNew);
    m_key->setEnabled(!m_isNew);
    m_result->clear();
    updateKindFields();
    onFormEdited();
}

void ProviderProfilesDialog::updateKindFields()
{
    const bool azure = ProviderProfile::Kind(m_kind->currentData().toInt()) == ProviderProfile::Kind::Azure;
    m_form->setRowVisible(m_baseUrl, !azure);
    m_form->setRowVisible(m_azureEndpoint, azure);
    m_form->setRowVisible(m_azureDeployment, azure);
    m_form->setRowVisible(m_azureApiVersion, azure);
}

ProviderProfile ProviderProfilesDialog::editedProfile() const
{
    ProviderProfile profile = m_shown; // keeps retries and timeout
    profile.kind = ProviderProfile::Kind(m_kind->currentData().toInt());
    profile.displayName = m_name->text().trimmed();
    profile.baseUrl = QUrl(m_baseUrl->text().trimmed());
    profile.azureEndpoint = QUrl(m_azureEndpoint->text().trimmed());
    profile.azureDeployment = m_azureDeployment->text().trimmed();
    profile.azureApiVersion = m_azureApiVersion->text().trimmed();
    profile.defaultModel = m_model->text().trimmed();
    profile.organization = m_organization->text().trimmed();
    profile.project = m_project->text().trimmed();
    return profile;
}

bool ProviderProfilesDialog::hasUnsavedChanges() const
{
    return !m_selectedId.isEmpty() && (m_isNew || !(editedProfile() == m_shown));
}

void ProviderProfilesDialog::onFormEdited()
{
    if (m_filling)
        return;
    if (m_isNew) {
        // A new profile's id follows its name until it is saved.
        const QString id = uniqueId(m_name->text());
        m_shown.id = id;
        m_selectedId = id;
        m_id->setText(id);
        if (QListWidgetItem* item = m_list->currentItem()) {
            item->setData(kIdRole, id);
            item->setText(m_name->text());
        }
    }
    const ProviderProfile profile = editedProfile();
    Status valid = profile.validate();
    if (valid && profile.displayName.isEmpty())
        valid = Error{tr("Give the profile a name."), {}, 0, 0, {}};
    m_problem->setText(valid ? QString() : valid.error().message);
    const bool builtIn = isBuiltIn(m_selectedId) && !m_isNew;
    m_save->setEnabled(!builtIn && valid && hasUnsavedChanges());
    m_test->setEnabled(bool(valid) && !m_probe->isRunning());
}

QString ProviderProfilesDialog::uniqueId(const QString& name) const
{
    QString base;
    for (const QChar c : name.trimmed().toLower()) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            base += c;
        else if (!base.endsWith(QLatin1Char('-')))
            base += QLatin1Char('-');
    }
    while (base.endsWith(QLatin1Char('-')))
        base.chop(1);
    if (base.isEmpty())
        base = QStringLiteral("profile");
    QString id = base;
    for (int i = 2; m_services.profiles->profile(id) || id == ProviderProfile::kCommandLineId; ++i)
        id = QStringLiteral("%1-%2").arg(base).arg(i);
    return id;
}

void ProviderProfilesDialog::addProfile(ProviderProfile::Kind kind)
{
    ProviderProfile profile = kind == ProviderProfile::Kind::Azure
                                  ? ProviderProfile::azure()
                                  : ProviderProfile::openAICompatible({}, tr("New profile"),
                                                                      QUrl(QStringLiteral("http://localhost:8000/v1")));
    profile.kind = kind;
    profile.displayName = tr("New profile");
    profile.id = uniqueId(profile.displayName);
    m_filling = true;
    auto* item = new QListWidgetItem(profile.displayName);
    item->setData(kIdRole, profile.id);
    m_list->addItem(item);
    m_list->setCurrentItem(item);
    m_filling = false;
    m_isNew = true;
    showProfile(profile);
    m_name->setFocus();
    m_name->selectAll();
}

bool ProviderProfilesDialog::duplicateProfile()
{
    if (m_selectedId.isEmpty() || m_isNew)
        return false;
    ProviderProfile copy = editedProfile();
    copy.displayName = tr("%1 (copy)").arg(copy.displayName);
    copy.id = uniqueId(copy.displayName);
    const Status saved = m_services.profiles->save(copy);
    if (!saved) {
        m_problem->setText(saved.error().message);
        return false;
    }
    m_shown = editedProfile(); // the edits went into the copy: nothing to ask about when leaving
    reloadList(copy.id);
    Q_EMIT profilesChanged();
    return true;
}

bool ProviderProfilesDialog::removeProfile()
{
    if (m_selectedId.isEmpty() || m_isNew || isBuiltIn(m_selectedId))
        return false;
    const QString name = m_shown.displayName;
    if (!m_services.dialogs->confirm(this, tr("Remove Profile"),
                                     tr("Remove the profile “%1”? Its stored API key is removed too.").arg(name)))
        return false;
    const QString id = m_selectedId;
    m_services.profiles->remove(id);
    m_services.credentials->removeKey(id, this, [this, id](Status) { Q_EMIT apiKeyChanged(id); });
    m_selectedId.clear();
    reloadList(QString());
    Q_EMIT profilesChanged();
    return true;
}

bool ProviderProfilesDialog::saveProfile()
{
    const ProviderProfile profile = editedProfile();
    if (isBuiltIn(profile.id) && !m_isNew)
        return false;
    if (profile.displayName.isEmpty()) {
        m_problem->setText(tr("Give the profile a name."));
        return false;
    }
    const Status saved = m_services.profiles->save(profile);
    if (!saved) {
        m_problem->setText(saved.error().message);
        return false;
    }
    m_isNew = false;
    m_shown = profile;
    m_selectedId = profile.id;
    reloadList(profile.id);
    showProfile(profile);
    m_result->setText(tr("Saved “%1”.").arg(profile.displayName));
    m_result->setStyleSheet(QString());
    Q_EMIT profilesChanged();
    return true;
}

void ProviderProfilesDialog::testConnection()
{
    const ProviderProfile profile = editedProfile();
    if (const Status valid = profile.validate(); !valid) {
        m_result->setText(valid.error().message);
        return;
    }
    m_test->setEnabled(false);
    m_result->setStyleSheet(QString());
    m_result->setText(tr("Asking %1 for its models…").arg(profile.displayName));
    m_probe->start(profile);
}

void ProviderProfilesDialog::setApiKey()
{
    if (m_selectedId.isEmpty() || m_isNew)
        return;
    const QString id = m_selectedId;
    const QString name = m_shown.displayName;
    const bool fromEnvironment = m_shown.acceptsEnvironmentKey()
                                 && m_services.keys->environmentOverrides(ApiKeyResolver::ProviderKind::OpenAi);
    const QString note = fromEnvironment ? tr("OPENAI_API_KEY is set in the environment and is used instead.") : QString();
    ApiKeyDialog::ask(name, note, this, [this, id, name](ApiKeyDialog::Outcome outcome, const QString& key) {
        auto done = [this, id](const QString& sentence) {
            return [this, id, sentence](Status status) {
                m_result->setStyleSheet(QString());
                if (!status)
                    m_result->setText(status.error().message);
                else if (m_services.credentials->isSessionOnly())
                    m_result->setText(m_services.credentials->sessionOnlyMessage());
                else
                    m_result->setText(sentence);
                Q_EMIT apiKeyChanged(id);
            };
        };
        if (outcome == ApiKeyDialog::Outcome::Store)
            m_services.credentials->writeKey(id, key, this, done(tr("API key stored in the keychain for %1.").arg(name)));
        else if (outcome == ApiKeyDialog::Outcome::Remove)
            m_services.credentials->removeKey(id, this, done(tr("Stored API key removed for %1.").arg(name)));
    });
}

} // namespace tb
