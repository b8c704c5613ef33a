// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One input field per `{{name}}` parameter of the template, built from the template
// and its x-tunebench metadata (single or multi-line, default as placeholder text,
// description as tooltip, "Load from file…"). Values are remembered per template:
// typed text as it is, a value loaded from a file as that file (path, size, time),
// read again on the thread pool when the template opens next.

#include "core/parameterspec.h"
#include "core/textfile.h"

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

    // Asks for a file and reads it on the pool; an unreadable or non-UTF-8 file is
    // reported as a sentence and leaves the field as it was.
    void loadFromFile(const QString& name);
    // Reads `path` into the field `name` in the background; loadedFromFile() follows.
    void loadFile(const QString& name, const QString& path);
    // The file the field's value came from, empty once the user edits the value.
    QString fileOf(const QString& name) const;
    // Typed values above this size are not remembered (load them from a file instead).
    static constexpr qsizetype kRememberedTextLimit = 64 * 1024;
    // A problem reloading a remembered file (empty when none).
    QString notice() const;

Q_SIGNALS:
    void valuesChanged();
    // A file finished loading into a field (or failed: `ok` false, the reason shown).
    void loadedFromFile(const QString& name, bool ok);

private:
    struct Field
    {
        ParameterSpec spec;
        QWidget* editor = nullptr;
        QWidget* row = nullptr;
        TextFile::Contents loaded; // what was loaded from a file, while unedited
    };

    void rebuild();
    void refreshSpecs();
    QString fieldText(const Field& field) const;
    void onFieldEdited(const QString& name);
    QString settingsGroup() const;
    QString fileKey(const QString& name) const;
    Field* fieldNamed(const QString& name);
    void applyFile(const QString& name, const TextFile::Contents& contents);
    void readFile(const QString& name, const QString& path, bool restoring);

    TemplateDocument* m_document;
    QSettings* m_settings;
    UserDialogs* m_dialogs;
    QFormLayout* m_form = nullptr;
    QLabel* m_empty = nullptr;
    QLabel* m_notice = nullptr;
    bool m_applyingFile = false;
    QList<Field> m_fields;
    QString m_path; // the template the fields were built for
};

} // namespace tb
