// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Adds, edits, duplicates and removes provider profiles (OpenAI, Azure, Together, any
// OpenAI-compatible server) without editing an INI: validated with ProviderProfile's
// own rules, saved through ProfileStore, with "Set API Key…" (keychain) and "Test
// Connection" (GET /models through ConnectionProbe). Built-in profiles are read-only.

#include "api/providerprofile.h"
#include "gui/workbenchservices.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace tb {

class ConnectionProbe;

class ProviderProfilesDialog : public QDialog
{
    Q_OBJECT
public:
    ProviderProfilesDialog(const WorkbenchServices& services, const QString& currentId, QWidget* parent = nullptr);

    // The profile the form shows, as edited (not necessarily saved).
    ProviderProfile editedProfile() const;
    QString selectedId() const { return m_selectedId; }
    bool selectProfile(const QString& id);
    bool isBuiltIn(const QString& id) const;
    bool hasUnsavedChanges() const;

    // A new profile of `kind` (named "New profile", unique id), selected and unsaved.
    void addProfile(ProviderProfile::Kind kind = ProviderProfile::Kind::OpenAICompatible);
    // A saved, editable copy of the selected profile.
    bool duplicateProfile();
    // Asks first; a built-in profile cannot be removed.
    bool removeProfile();
    // Validates and writes the form through ProfileStore; the sentence says why not.
    bool saveProfile();
    void testConnection();
    void setApiKey();

    QListWidget* list() const { return m_list; }
    QComboBox* kindCombo() const { return m_kind; }
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* baseUrlEdit() const { return m_baseUrl; }
    QLineEdit* azureEndpointEdit() const { return m_azureEndpoint; }
    QLineEdit* azureDeploymentEdit() const { return m_azureDeployment; }
    QLineEdit* azureApiVersionEdit() const { return m_azureApiVersion; }
    QLineEdit* modelEdit() const { return m_model; }
    QLineEdit* organizationEdit() const { return m_organization; }
    QLineEdit* projectEdit() const { return m_project; }
    QLabel* problemLabel() const { return m_problem; }
    QLabel* resultLabel() const { return m_result; }
    QPushButton* saveButton() const { return m_save; }

Q_SIGNALS:
    // Profiles were saved or removed: lists of profiles should be read again.
    void profilesChanged();
    // The stored key of profile `id` changed: connected clients should reconnect.
    void apiKeyChanged(const QString& id);
    // "Test Connection" finished.
    void connectionTested(bool ok, const QString& sentence);

private:
    void createWidgets();
    void reloadList(const QString& select);
    void showProfile(const ProviderProfile& profile);
    void onSelectionChanged();
    void onFormEdited();
    void updateKindFields();
    QString uniqueId(const QString& name) const;

    WorkbenchServices m_services;
    ConnectionProbe* m_probe = nullptr;
    ProviderProfile m_shown;     // as loaded into the form (saved state, or a new one)
    QString m_selectedId;
    bool m_isNew = false;        // m_shown is not saved yet
    bool m_filling = false;

    QListWidget* m_list = nullptr;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_id = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_baseUrl = nullptr;
    QLineEdit* m_azureEndpoint = nullptr;
    QLineEdit* m_azureDeployment = nullptr;
    QLineEdit* m_azureApiVersion = nullptr;
    QLineEdit* m_model = nullptr;
    QLineEdit* m_organization = nullptr;
    QLineEdit* m_project = nullptr;
    QFormLayout* m_form = nullptr;
    QLabel* m_builtInNote = nullptr;
    QLabel* m_problem = nullptr;
    QLabel* m_result = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_duplicate = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_test = nullptr;
    QPushButton* m_key = nullptr;
};

} // namespace tb
