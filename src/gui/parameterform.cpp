// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/parameterform.h"

#include "gui/templatedocument.h"
#include "gui/textedits.h"
#include "gui/userdialogs.h"

#include <QCryptographicHash>
#include <QFormLayout>
#include <QFutureWatcher>
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
    m_notice = new QLabel;
    m_notice->setObjectName(QStringLiteral("parameterNotice"));
    m_notice->setWordWrap(true);
    m_notice->setStyleSheet(QStringLiteral("color: #a05000;"));
    m_notice->hide();
    m_form->addRow(m_notice);
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

QString ParameterForm::fileKey(const QString& name) const
{
    // A group of its own: a parameter may be called anything, "files" included.
    return settingsGroup() + QStringLiteral("@files/") + name;
}

ParameterForm::Field* ParameterForm::fieldNamed(const QString& name)
{
    for (Field& field : m_fields) {
        if (field.spec.name == name)
            return &field;
    }
    return nullptr;
}

QString ParameterForm::fileOf(const QString& name) const
{
    for (const Field& field : m_fields) {
        if (field.spec.name == name)
            return field.loaded.path;
    }
    return {};
}

QString ParameterForm::notice() const
{
    return m_notice->text();
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
    m_settings->remove(fileKey(name));
    if (Field* field = fieldNamed(name))
        field->loaded = {};
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
    Field* field = fieldNamed(name);
    if (field && !m_applyingFile) {
        const QString key = settingsGroup() + QLatin1Char('/') + name;
        const QString text = fieldText(*field);
        if (!field->loaded.path.isEmpty() && text == field->loaded.text)
            return Q_EMIT valuesChanged(); // still the file's content: the file is remembered
        // Edited by hand: from now on a typed value, remembered unless it is huge.
        field->loaded = {};
        m_settings->remove(fileKey(name));
        if (text.isEmpty() || text.size() > kRememberedTextLimit)
            m_settings->remove(key);
        else
            m_settings->setValue(key, text);
    }
    Q_EMIT valuesChanged();
}

void ParameterForm::loadFromFile(const QString& name)
{
    const QString path = m_dialogs->openFile(this, tr("Load “%1” from File").arg(name),
                                             tr("Text files (*.txt *.md *.json *.jsonl *.csv);;All files (*)"));
    if (!path.isEmpty())
        loadFile(name, path);
}

void ParameterForm::loadFile(const QString& name, const QString& path)
{
    readFile(name, path, false);
}

void ParameterForm::readFile(const QString& name, const QString& path, bool restoring)
{
    using Read = Result<TextFile::Contents>;
    auto* watcher = new QFutureWatcher<Read>(this);
    const QString templatePath = m_path;
    connect(watcher, &QFutureWatcher<Read>::finished, this, [this, watcher, name, templatePath, restoring] {
        watcher->deleteLater();
        const Read read = watcher->result();
        if (templatePath != m_path || !fieldNamed(name))
            return; // another template opened meanwhile
        if (!read) {
            if (restoring) {
                m_notice->setText(tr("Could not load “%1” again: %2").arg(name, read.error().message));
                m_notice->show();
            } else {
                m_dialogs->showError(this, tr("Load from File"), read.error().message);
            }
            Q_EMIT loadedFromFile(name, false);
            return;
        }
        if (restoring) {
            const QString key = fileKey(name);
            if (m_settings->value(key + QStringLiteral("/size")).toLongLong() != read->size
                || m_settings->value(key + QStringLiteral("/modified")).toString()
                       != read->modified.toString(Qt::ISODateWithMs)) {
                m_notice->setText(tr("“%1” changed on disk since it was loaded; the field shows it as it is now.")
                                      .arg(read->path));
                m_notice->show();
            }
        }
        applyFile(name, read.value());
        Q_EMIT loadedFromFile(name, true);
    });
    watcher->setFuture(TextFile::readInBackground(path));
}

void ParameterForm::applyFile(const QString& name, const TextFile::Contents& contents)
{
    m_settings->remove(settingsGroup() + QLatin1Char('/') + name);
    // Plain keys, not a QVariantMap: the settings file stays readable.
    m_settings->setValue(fileKey(name) + QStringLiteral("/path"), contents.path);
    m_settings->setValue(fileKey(name) + QStringLiteral("/size"), contents.size);
    m_settings->setValue(fileKey(name) + QStringLiteral("/modified"), contents.modified.toString(Qt::ISODateWithMs));
    if (qobject_cast<QLineEdit*>(field(name))) {
        m_path.clear(); // a file's content needs a text area: rebuild with one
        m_applyingFile = true; // (and no second read of the file)
        rebuild();
        m_applyingFile = false;
    }
    Field* field = fieldNamed(name);
    if (!field)
        return;
    field->loaded = contents;
    m_applyingFile = true;
    if (auto* text = qobject_cast<QPlainTextEdit*>(field->editor)) {
        text->setPlainText(contents.text);
        text->setToolTip(tr("Loaded from %1").arg(contents.path));
    }
    m_applyingFile = false;
    Q_EMIT valuesChanged();
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
    m_notice->clear();
    m_notice->hide();
    QHash<QString, QString> restore; // fields whose value is a remembered file

    for (const ParameterSpec& spec : specs) {
        Field field;
        field.spec = spec;
        const QString stored = m_settings->value(settingsGroup() + QLatin1Char('/') + spec.name).toString();
        const QString name = spec.name;
        const QString file = m_settings->value(fileKey(name) + QStringLiteral("/path")).toString();
        if (!file.isEmpty())
            restore.insert(name, file);
        if (spec.multiline || stored.contains(QLatin1Char('\n')) || !file.isEmpty()) {
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
    for (auto it = restore.cbegin(); it != restore.cend() && !m_applyingFile; ++it)
        readFile(it.key(), it.value(), true);
    Q_EMIT valuesChanged();
}

} // namespace tb
