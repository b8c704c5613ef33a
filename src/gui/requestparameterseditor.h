// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Typed widgets for the request parameters everyone uses (model, temperature,
// max_tokens, top_p, stop, n, response_format) and raw JSON for the rest.
// A spin box at its lowest value reads "default": the key is left out.

#include <QStringList>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace tb {

class TemplateDocument;

class RequestParametersEditor : public QWidget
{
    Q_OBJECT
public:
    explicit RequestParametersEditor(TemplateDocument* document, QWidget* parent = nullptr);

    // Models offered by the provider's /models; the template's own stays selectable.
    void setModels(const QStringList& models);
    QStringList models() const { return m_models; }

    // Keys with their own widget; everything else is in the raw JSON box.
    static QStringList typedKeys();

    // "a|b\nc" style text of a stop list and back (\n, \t, \\ and \| escaped).
    static QString stopListToText(const QJsonValue& stop);
    static QJsonValue stopListFromText(const QString& text);

    QComboBox* modelCombo() const { return m_model; }
    QDoubleSpinBox* temperatureBox() const { return m_temperature; }
    QSpinBox* maxTokensBox() const { return m_maxTokens; }
    QPlainTextEdit* otherEdit() const { return m_other; }

Q_SIGNALS:
    void refreshModelsRequested();

private:
    void refresh();
    void setParameter(const QString& key, const QJsonValue& value, const QString& text);
    void applyOther();

    TemplateDocument* m_document;
    QStringList m_models;
    QComboBox* m_model = nullptr;
    QDoubleSpinBox* m_temperature = nullptr;
    QSpinBox* m_maxTokens = nullptr;
    QDoubleSpinBox* m_topP = nullptr;
    QSpinBox* m_n = nullptr;
    QLineEdit* m_stop = nullptr;
    QComboBox* m_responseFormat = nullptr;
    QPlainTextEdit* m_other = nullptr;
    QLabel* m_otherError = nullptr;
    bool m_updating = false;
};

} // namespace tb
