// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/requestparameterseditor.h"

#include "gui/templatedocument.h"
#include "gui/textedits.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QToolButton>

namespace tb {

namespace {

const QString kModel = QStringLiteral("model");
const QString kTemperature = QStringLiteral("temperature");
const QString kMaxTokens = QStringLiteral("max_tokens");
const QString kTopP = QStringLiteral("top_p");
const QString kStop = QStringLiteral("stop");
const QString kN = QStringLiteral("n");
const QString kResponseFormat = QStringLiteral("response_format");

QString escapeStop(const QString& text)
{
    QString out;
    for (const QChar c : text) {
        if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else if (c == QLatin1Char('\t'))
            out += QStringLiteral("\\t");
        else if (c == QLatin1Char('\\'))
            out += QStringLiteral("\\\\");
        else if (c == QLatin1Char('|'))
            out += QStringLiteral("\\|");
        else
            out += c;
    }
    return out;
}

template<typename Box, typename Value>
void setQuietly(Box* box, Value value)
{
    const bool blocked = box->blockSignals(true);
    box->setValue(value);
    box->blockSignals(blocked);
}

} // namespace

RequestParametersEditor::RequestParametersEditor(TemplateDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document)
{
    m_model = new QComboBox;
    m_model->setObjectName(QStringLiteral("modelCombo"));
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->lineEdit()->setPlaceholderText(tr("profile default"));
    m_model->setToolTip(tr("Left empty, the provider profile's default model is used"));
    auto* refreshModels = new QToolButton;
    refreshModels->setText(tr("Fetch"));
    refreshModels->setToolTip(tr("Fetch the provider's models (Ctrl+Shift+R)"));
    connect(refreshModels, &QToolButton::clicked, this, &RequestParametersEditor::refreshModelsRequested);
    auto* modelRow = new QHBoxLayout;
    modelRow->addWidget(m_model, 1);
    modelRow->addWidget(refreshModels);

    m_temperature = new QDoubleSpinBox;
    m_temperature->setObjectName(QStringLiteral("temperatureBox"));
    m_temperature->setRange(-0.1, 2.0);
    m_temperature->setSingleStep(0.1);
    m_temperature->setDecimals(2);
    m_temperature->setSpecialValueText(tr("default"));
    m_temperature->setValue(-0.1);

    m_maxTokens = new QSpinBox;
    m_maxTokens->setObjectName(QStringLiteral("maxTokensBox"));
    m_maxTokens->setRange(0, 10000000);
    m_maxTokens->setSingleStep(50);
    m_maxTokens->setSpecialValueText(tr("default"));

    m_topP = new QDoubleSpinBox;
    m_topP->setRange(-0.05, 1.0);
    m_topP->setSingleStep(0.05);
    m_topP->setDecimals(2);
    m_topP->setSpecialValueText(tr("default"));
    m_topP->setValue(-0.05);

    m_n = new QSpinBox;
    m_n->setRange(0, 128);
    m_n->setSpecialValueText(tr("default"));

    m_stop = new QLineEdit;
    m_stop->setPlaceholderText(tr("none"));
    m_stop->setToolTip(tr("Stop sequences separated by |; write \\n for a newline, \\| for a bar"));

    m_responseFormat = new QComboBox;
    m_responseFormat->addItem(tr("default"), QString());
    m_responseFormat->addItem(QStringLiteral("text"), QStringLiteral("text"));
    m_responseFormat->addItem(QStringLiteral("json_object"), QStringLiteral("json_object"));
    m_responseFormat->addItem(tr("json_schema (edit as JSON)"), QStringLiteral("json_schema"));

    m_other = new QPlainTextEdit;
    m_other->setObjectName(QStringLiteral("otherParameters"));
    m_other->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_other->setPlaceholderText(tr("{ \"presence_penalty\": 0.5, \"seed\": 7 }"));
    m_other->setToolTip(tr("Any other request parameters, as a JSON object"));
    textedits::routeUndoToWindow(m_other);
    m_otherError = new QLabel;
    m_otherError->setStyleSheet(QStringLiteral("color: #b02020;"));
    m_otherError->setWordWrap(true);
    m_otherError->hide();

    auto* form = new QFormLayout(this);
    form->addRow(tr("&Model:"), modelRow);
    form->addRow(tr("&Temperature:"), m_temperature);
    form->addRow(tr("Max &tokens:"), m_maxTokens);
    form->addRow(tr("Top &p:"), m_topP);
    form->addRow(tr("&Stop:"), m_stop);
    form->addRow(tr("&n:"), m_n);
    form->addRow(tr("&Response format:"), m_responseFormat);
    form->addRow(tr("&Other (JSON):"), m_other);
    form->addRow(QString(), m_otherError);

    connect(m_model, &QComboBox::currentTextChanged, this, [this](const QString& text) {
        setParameter(kModel, text.trimmed().isEmpty() ? QJsonValue() : QJsonValue(text.trimmed()), tr("Set model"));
    });
    connect(m_temperature, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        setParameter(kTemperature, value < 0 ? QJsonValue() : QJsonValue(value), tr("Set temperature"));
    });
    connect(m_maxTokens, &QSpinBox::valueChanged, this, [this](int value) {
        setParameter(kMaxTokens, value <= 0 ? QJsonValue() : QJsonValue(value), tr("Set max tokens"));
    });
    connect(m_topP, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        setParameter(kTopP, value < 0 ? QJsonValue() : QJsonValue(value), tr("Set top p"));
    });
    connect(m_n, &QSpinBox::valueChanged, this, [this](int value) {
        setParameter(kN, value <= 0 ? QJsonValue() : QJsonValue(value), tr("Set n"));
    });
    connect(m_stop, &QLineEdit::textEdited, this,
            [this](const QString& text) { setParameter(kStop, stopListFromText(text), tr("Set stop sequences")); });
    connect(m_responseFormat, &QComboBox::activated, this, [this] {
        const QString type = m_responseFormat->currentData().toString();
        QJsonValue value;
        if (!type.isEmpty()) {
            QJsonObject format = m_document->content().requestParameters().value(kResponseFormat).toObject();
            format.insert(QStringLiteral("type"), type);
            value = format;
        }
        setParameter(kResponseFormat, value, tr("Set response format"));
    });
    connect(m_other, &QPlainTextEdit::textChanged, this, &RequestParametersEditor::applyOther);
    connect(m_document, &TemplateDocument::contentChanged, this, &RequestParametersEditor::refresh);
    connect(m_document, &TemplateDocument::stateChanged, this, &RequestParametersEditor::refresh);
    refresh();
}

QStringList RequestParametersEditor::typedKeys()
{
    return {kModel, kTemperature, kMaxTokens, kTopP, kStop, kN, kResponseFormat};
}

QString RequestParametersEditor::stopListToText(const QJsonValue& stop)
{
    if (stop.isString())
        return escapeStop(stop.toString());
    QStringList parts;
    for (const QJsonValue& item : stop.toArray())
        parts.append(escapeStop(item.toString()));
    return parts.join(QLatin1Char('|'));
}

QJsonValue RequestParametersEditor::stopListFromText(const QString& text)
{
    QJsonArray list;
    QString current;
    bool any = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\') && i + 1 < text.size()) {
            const QChar next = text.at(++i);
            current += next == QLatin1Char('n') ? QChar(QLatin1Char('\n'))
                       : next == QLatin1Char('t') ? QChar(QLatin1Char('\t'))
                                                  : next;
            any = true;
        } else if (c == QLatin1Char('|')) {
            if (!current.isEmpty())
                list.append(current);
            current.clear();
        } else {
            current += c;
            any = true;
        }
    }
    if (!current.isEmpty())
        list.append(current);
    if (!any || list.isEmpty())
        return QJsonValue();
    return list;
}

void RequestParametersEditor::setModels(const QStringList& models)
{
    m_models = models;
    m_updating = true;
    const QString current = m_model->currentText();
    m_model->clear();
    m_model->addItem(QString());
    m_model->addItems(models);
    m_model->setCurrentText(current);
    m_updating = false;
}

void RequestParametersEditor::setParameter(const QString& key, const QJsonValue& value, const QString& text)
{
    if (m_updating)
        return;
    PromptTemplate edited = m_document->content();
    edited.setRequestParameter(key, value);
    m_document->edit(edited, text, QStringLiteral("param.") + key);
}

void RequestParametersEditor::applyOther()
{
    if (m_updating)
        return;
    const QString text = m_other->toPlainText().trimmed();
    QJsonObject object;
    if (!text.isEmpty()) {
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(text.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !json.isObject()) {
            m_otherError->setText(error.error != QJsonParseError::NoError
                                      ? tr("Not valid JSON (offset %1): %2").arg(error.offset).arg(error.errorString())
                                      : tr("Expected a JSON object { ... }"));
            m_otherError->show();
            return;
        }
        object = json.object();
    }
    m_otherError->hide();
    PromptTemplate edited = m_document->content();
    const QJsonObject current = edited.requestParameters();
    const QStringList typed = typedKeys();
    for (auto it = current.begin(); it != current.end(); ++it) {
        if (!typed.contains(it.key()) && !object.contains(it.key()))
            edited.setRequestParameter(it.key(), QJsonValue());
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        if ((typed.contains(it.key()) && it.key() != kResponseFormat) || it.key() == QLatin1String("messages") || it.key() == QLatin1String("prompt")
            || it.key() == PromptTemplate::metadataKey())
            continue;
        edited.setRequestParameter(it.key(), it.value());
    }
    m_updating = true;
    m_document->edit(edited, tr("Edit other parameters"), QStringLiteral("param.other"));
    m_updating = false;
}

void RequestParametersEditor::refresh()
{
    if (m_updating)
        return;
    m_updating = true;
    const QJsonObject params = m_document->content().requestParameters();
    const QString model = params.value(kModel).toString();
    if (m_model->currentText() != model)
        m_model->setCurrentText(model);
    setQuietly(m_temperature, params.contains(kTemperature) ? params.value(kTemperature).toDouble() : -0.1);
    setQuietly(m_maxTokens, params.value(kMaxTokens).toInt(0));
    setQuietly(m_topP, params.contains(kTopP) ? params.value(kTopP).toDouble() : -0.05);
    setQuietly(m_n, params.value(kN).toInt(0));
    const QString stop = stopListToText(params.value(kStop));
    if (m_stop->text() != stop)
        m_stop->setText(stop);
    const QString format = params.value(kResponseFormat).toObject().value(QStringLiteral("type")).toString();
    const int formatIndex = m_responseFormat->findData(format);
    m_responseFormat->setCurrentIndex(formatIndex < 0 ? 0 : formatIndex);

    QJsonObject other;
    const QStringList typed = typedKeys();
    for (auto it = params.begin(); it != params.end(); ++it) {
        if (!typed.contains(it.key()))
            other.insert(it.key(), it.value());
    }
    if (format == QLatin1String("json_schema"))
        other.insert(kResponseFormat, params.value(kResponseFormat));
    const QString otherText =
        other.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(other).toJson(QJsonDocument::Indented)).trimmed();
    // Only replace when the meaning differs, so typing half a key does not reformat.
    const QJsonDocument shown = QJsonDocument::fromJson(m_other->toPlainText().toUtf8());
    if ((shown.isObject() ? shown.object() : QJsonObject()) != other || (other.isEmpty() && !m_other->toPlainText().trimmed().isEmpty() && shown.isObject()))
        textedits::setTextKeepingCursor(m_other, otherText);
    m_otherError->hide();

    const bool editable = !m_document->isReadOnly() && m_document->isOpen();
    for (QWidget* widget : std::initializer_list<QWidget*>{m_model, m_temperature, m_maxTokens, m_topP, m_n, m_stop,
                                                           m_responseFormat})
        widget->setEnabled(editable);
    m_other->setReadOnly(!editable);
    m_updating = false;
}

} // namespace tb
