// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/parameterform.h"

#include "gui/templatedocument.h"
#include "gui/textedits.h"
#include "gui/userdialogs.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QToolButton>

namespace tb {

ParameterForm::ParameterForm(TemplateDocument* document, QSettings* settings, UserDialogs* dialogs, QWidget* parent)
    : QWidget(parent), m_document(document), m_settings(settings), m_dialogs(dialogs)
{
    m_form = new QFormLayout(this);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_empty = new QLabel(tr("This template has no {{parameters}}."));
    m_empty->setEnabled(false);
    m_form->addRow(m_empty);
    connect(m_document, &TemplateDocument::contentChanged, this, &ParameterForm::rebuild);
    connect(m_document, &TemplateDocument::stateChanged, this, &ParameterForm::rebuild);
    rebuild();
}

QString ParameterForm::settingsGroup() const
{
    // QSettings treats '/' as a group separator: key the template by a hash of its path.
    return QStringLiteral("parameterValues/")
           + QString::fromLatin1(QCryptographicHash::hash(m_path.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
}

QString ParameterForm::fieldText(const Field& field) const
{
    if (auto* line = qobject_cast<QLineEdit*>(field.editor))
        return line->text();
    if (auto* text = qobject_cast<QPlainTextEdit*>(field.editor))
        return text->toPlainText();
    return {};
}

QHash<QString, QString> ParameterForm::values() const
{
    QHash<QString, QString> values;
    for (const Field& field : m_fields) {
        const QString text = fieldText(field);
        if (!text.isEmpty())
            values.insert(field.spec.name, text);
    }
    return values;
}

QSet<QString> ParameterForm::filledNames() const
{
    QSet<QString> names;
    for (const Field& field : m_fields) {
        if (field.spec.hasDefault || !fieldText(field).isEmpty())
            names.insert(field.spec.name);
    }
    return names;
}

QStringList ParameterForm::fieldNames() const
{
    QStringList names;
    for (const Field& field : m_fields)
        names.append(field.spec.name);
    return names;
}

QWidget* ParameterForm::field(const QString& name) const
{
    for (const Field& field : m_fields) {
        if (field.spec.name == name)
            return field.editor;
    }
    return nullptr;
}

void ParameterForm::setValue(const QString& name, const QString& value)
{
    QWidget* editor = field(name);
    if (auto* line = qobject_cast<QLineEdit*>(editor)) {
        if (!value.contains(QLatin1Char('\n'))) {
            line->setText(value);
            onFieldEdited(name);
            return;
        }
        // A multi-line value needs a text area: remember it and rebuild.
        m_settings->setValue(settingsGroup() + QLatin1Char('/') + name, value);
        m_path.clear(); // forces the rebuild
        rebuild();
        Q_EMIT valuesChanged();
    } else if (auto* text = qobject_cast<QPlainTextEdit*>(editor)) {
        text->setPlainText(value);
    }
}

void ParameterForm::onFieldEdited(const QString& name)
{
    for (const Field& field : std::as_const(m_fields)) {
        if (field.spec.name == name) {
            const QString key = settingsGroup() + QLatin1Char('/') + name;
            const QString text = fieldText(field);
            if (text.isEmpty())
                m_settings->remove(key);
            else
                m_settings->setValue(key, text);
        }
    }
    Q_EMIT valuesChanged();
}

void ParameterForm::loadFromFile(const QString& name)
{
    const QString path = m_dialogs->openFile(this, tr("Load “%1” from File").arg(name),
                                             tr("Text files (*.txt *.md *.json *.jsonl *.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_dialogs->showError(this, tr("Load from File"),
                             tr("Could not read %1: %2").arg(path, file.errorString()));
        return;
    }
    setValue(name, QString::fromUtf8(file.readAll()));
}

void ParameterForm::refreshSpecs()
{
    for (Field& field : m_fields) {
        field.spec = m_document->content().parameter(field.spec.name);
        const QString tip = field.spec.description;
        field.editor->setToolTip(tip);
        const QString placeholder = field.spec.hasDefault ? tr("default: %1").arg(field.spec.defaultValue)
                                                          : tr("not filled: stays {{%1}}").arg(field.spec.name);
        if (auto* line = qobject_cast<QLineEdit*>(field.editor))
            line->setPlaceholderText(placeholder);
        else if (auto* text = qobject_cast<QPlainTextEdit*>(field.editor))
            text->setPlaceholderText(placeholder);
    }
}

void ParameterForm::rebuild()
{
    const QList<ParameterSpec> specs = m_document->content().parameters();
    QStringList names;
    for (const ParameterSpec& spec : specs)
        names.append(spec.name);
    bool sameShape = m_path == m_document->path() && names == fieldNames();
    for (int i = 0; sameShape && i < specs.size(); ++i)
        sameShape = specs.at(i).multiline == m_fields.at(i).spec.multiline && specs.at(i).fromFile == m_fields.at(i).spec.fromFile;
    if (sameShape) {
        refreshSpecs();
        return;
    }

    for (const Field& field : std::as_const(m_fields))
        m_form->removeRow(field.row);
    m_fields.clear();
    m_path = m_document->path();
    m_empty->setVisible(specs.isEmpty());

    for (const ParameterSpec& spec : specs) {
        Field field;
        field.spec = spec;
        const QString stored = m_settings->value(settingsGroup() + QLatin1Char('/') + spec.name).toString();
        const QString name = spec.name;
        if (spec.multiline || stored.contains(QLatin1Char('\n'))) {
            auto* text = new QPlainTextEdit;
            text->setTabChangesFocus(true);
            text->setPlainText(stored);
            text->setMinimumHeight(text->fontMetrics().lineSpacing() * 4);
            connect(text, &QPlainTextEdit::textChanged, this, [this, name] { onFieldEdited(name); });
            field.editor = text;
        } else {
            auto* line = new QLineEdit(stored);
            line->setClearButtonEnabled(true);
            connect(line, &QLineEdit::textChanged, this, [this, name] { onFieldEdited(name); });
            field.editor = line;
        }
        field.editor->setObjectName(QStringLiteral("field_") + name);
        auto* row = new QWidget;
        auto* rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        rowLayout->addWidget(field.editor, 1);
        auto* load = new QToolButton;
        load->setText(QStringLiteral("…"));
        load->setToolTip(tr("Load from file…"));
        load->setAutoRaise(!spec.fromFile);
        connect(load, &QToolButton::clicked, this, [this, name] { loadFromFile(name); });
        rowLayout->addWidget(load, 0, Qt::AlignTop);
        field.row = row;
        auto* label = new QLabel(QStringLiteral("&") + name + QLatin1Char(':'));
        label->setBuddy(field.editor);
        label->setToolTip(spec.description);
        m_form->addRow(label, row);
        m_fields.append(field);
    }
    refreshSpecs();
    Q_EMIT valuesChanged();
}

} // namespace tb
