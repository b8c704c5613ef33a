// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The example layout of a legacy prompt template, next to the few-shot table: input
// prefix, output prefix and separator (escaped, "\n" for a newline). Each keystroke
// relays the prompt's examples out through FewShotModel (one merged undo step);
// a layout that would lose a row is shown as a sentence and not applied.

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;

namespace tb {

class FewShotModel;
class TemplateDocument;

class FewShotLayoutEditor : public QWidget
{
    Q_OBJECT
public:
    // `view` shows `model`; its name column is hidden for prompt templates (a prompt has
    // no place for a name).
    FewShotLayoutEditor(FewShotModel* model, TemplateDocument* document, QTableView* view, QWidget* parent = nullptr);

    QLineEdit* inputPrefixEdit() const { return m_input; }
    QLineEdit* outputPrefixEdit() const { return m_output; }
    QLineEdit* separatorEdit() const { return m_separator; }
    // Why the typed layout is not applied; empty when it is.
    QString problem() const;

private:
    void refresh();
    void apply();

    FewShotModel* m_model;
    TemplateDocument* m_document;
    QTableView* m_view;
    QLineEdit* m_input = nullptr;
    QLineEdit* m_output = nullptr;
    QLineEdit* m_separator = nullptr;
    QLabel* m_problem = nullptr;
    QLabel* m_sample = nullptr;
};

} // namespace tb
