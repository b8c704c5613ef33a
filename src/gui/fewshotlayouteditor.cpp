// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/fewshotlayouteditor.h"

#include "core/promptexamples.h"
#include "gui/fewshotmodel.h"
#include "gui/templatedocument.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace tb {

FewShotLayoutEditor::FewShotLayoutEditor(FewShotModel* model, TemplateDocument* document, QTableView* view,
                                         QWidget* parent)
    : QWidget(parent), m_model(model), m_document(document), m_view(view)
{
    auto makeEdit = [this](const QString& name, const QString& tip) {
        auto* edit = new QLineEdit;
        edit->setObjectName(name);
        edit->setToolTip(tip);
        edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        connect(edit, &QLineEdit::textEdited, this, &FewShotLayoutEditor::apply);
        return edit;
    };
    m_input = makeEdit(QStringLiteral("inputPrefixEdit"), tr("Written before each example's input, e.g. Q:␣"));
    m_output = makeEdit(QStringLiteral("outputPrefixEdit"),
                        tr("Written between input and output, e.g. \\nA:␣ (\\n is a newline)"));
    m_separator = makeEdit(QStringLiteral("separatorEdit"),
                           tr("Written after each example, before the next one or the question, e.g. \\n\\n"));
    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("layoutProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #a01010;"));
    m_problem->hide();
    m_sample = new QLabel;
    m_sample->setObjectName(QStringLiteral("layoutSample"));
    m_sample->setTextFormat(Qt::PlainText);
    m_sample->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_sample->setStyleSheet(QStringLiteral("color: palette(mid);"));

    // One row each: a narrow editor pane must still show a prefix like "\nAnswer: " whole.
    auto* fields = new QFormLayout;
    fields->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    fields->addRow(tr("I&nput prefix:"), m_input);
    fields->addRow(tr("O&utput prefix:"), m_output);
    fields->addRow(tr("Se&parator:"), m_separator);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* title = new QLabel(tr("<b>Example layout in the prompt</b> (stored in the template, never sent)"));
    layout->addWidget(title);
    layout->addLayout(fields);
    layout->addWidget(m_sample);
    layout->addWidget(m_problem);

    connect(m_document, &TemplateDocument::contentChanged, this, &FewShotLayoutEditor::refresh);
    connect(m_document, &TemplateDocument::stateChanged, this, &FewShotLayoutEditor::refresh);
    refresh();
}

QString FewShotLayoutEditor::problem() const
{
    return m_problem->text();
}

void FewShotLayoutEditor::refresh()
{
    setVisible(m_model->isPromptTemplate() && m_document->isOpen());
    m_view->setColumnHidden(FewShotModel::NameColumn, m_model->isPromptTemplate());
    const PromptExamples::Layout layout = m_model->promptLayout();
    const bool readOnly = m_document->isReadOnly();
    const auto show = [readOnly](QLineEdit* edit, const QString& value) {
        // The field being typed in keeps its text (it may be an invalid step on the way).
        if (!edit->hasFocus() && PromptExamples::unescape(edit->text()) != value)
            edit->setText(PromptExamples::escape(value));
        edit->setReadOnly(readOnly);
    };
    show(m_input, layout.inputPrefix);
    show(m_output, layout.outputPrefix);
    show(m_separator, layout.separator);
    const QString sample = PromptExamples::render(layout, {tr("input 1"), tr("output 1")}) + layout.separator
                           + PromptExamples::render(layout, {tr("input 2"), tr("output 2")});
    m_sample->setText(sample);
    if (!m_input->hasFocus() && !m_output->hasFocus() && !m_separator->hasFocus()) {
        m_problem->clear(); // another template, or an undo: what was typed is gone
        m_problem->hide();
    }
}

void FewShotLayoutEditor::apply()
{
    const PromptExamples::Layout layout{PromptExamples::unescape(m_input->text()),
                                        PromptExamples::unescape(m_output->text()),
                                        PromptExamples::unescape(m_separator->text())};
    const Status applied = m_model->setPromptLayout(layout);
    m_problem->setText(applied ? QString() : applied.error().message);
    m_problem->setVisible(!applied);
}

} // namespace tb
