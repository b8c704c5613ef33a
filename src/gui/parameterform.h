// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One input field per `{{name}}` parameter of the template, built from the template
// and its x-tunebench metadata (single or multi-line, default as placeholder text,
// description as tooltip, "Load from file…"). Values are remembered per template.

#include "core/parameterspec.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QWidget>

class QFormLayout;
class QLabel;
class QSettings;

namespace tb {

class TemplateDocument;
class UserDialogs;

class ParameterForm : public QWidget
{
    Q_OBJECT
public:
    ParameterForm(TemplateDocument* document, QSettings* settings, UserDialogs* dialogs, QWidget* parent = nullptr);

    // Values the user typed, by name; empty fields are left out so defaults apply.
    QHash<QString, QString> values() const;
    void setValue(const QString& name, const QString& value);
    // Names render() fills with something: a typed value or a metadata default.
    QSet<QString> filledNames() const;
    QStringList fieldNames() const;
    // The text widget of a field (QLineEdit or QPlainTextEdit), for focus and tests.
    QWidget* field(const QString& name) const;

    void loadFromFile(const QString& name);

Q_SIGNALS:
    void valuesChanged();

private:
    struct Field
    {
        ParameterSpec spec;
        QWidget* editor = nullptr;
        QWidget* row = nullptr;
    };

    void rebuild();
    void refreshSpecs();
    QString fieldText(const Field& field) const;
    void onFieldEdited(const QString& name);
    QString settingsGroup() const;

    TemplateDocument* m_document;
    QSettings* m_settings;
    UserDialogs* m_dialogs;
    QFormLayout* m_form = nullptr;
    QLabel* m_empty = nullptr;
    QList<Field> m_fields;
    QString m_path; // the template the fields were built for
};

} // namespace tb
