// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/jsoneditor.h"

#include "gui/templatedocument.h"
#include "gui/textedits.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QVBoxLayout>

namespace tb {

JsonEditor::JsonEditor(TemplateDocument* document, QWidget* parent) : QWidget(parent), m_document(document)
{
    m_edit = new QPlainTextEdit;
    m_edit->setObjectName(QStringLiteral("templateJson"));
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    textedits::routeUndoToWindow(m_edit);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("jsonError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b02020;"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_error);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(400);
    connect(&m_debounce, &QTimer::timeout, this, &JsonEditor::applyNow);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_updating)
            m_debounce.start();
    });
    connect(m_document, &TemplateDocument::contentChanged, this, &JsonEditor::refresh);
    connect(m_document, &TemplateDocument::stateChanged, this, &JsonEditor::refresh);
    refresh();
}

QString JsonEditor::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void JsonEditor::refresh()
{
    m_edit->setReadOnly(m_document->isReadOnly() || !m_document->isOpen());
    if (m_applying)
        return; // our own edit: keep the user's formatting and caret
    m_updating = true;
    m_debounce.stop();
    textedits::setTextKeepingCursor(m_edit, QString::fromUtf8(m_document->content().toJson()));
    m_edit->setExtraSelections({});
    m_error->hide();
    m_error->clear();
    m_updating = false;
}

void JsonEditor::applyNow()
{
    m_debounce.stop();
    if (m_document->isReadOnly())
        return;
    const Result<PromptTemplate> parsed = PromptTemplate::fromJson(m_edit->toPlainText().toUtf8(), m_document->name());
    if (!parsed) {
        const Error& error = parsed.error();
        showError(error.path.isEmpty() ? error.message : error.path + QStringLiteral(": ") + error.message,
                  error.line, error.column);
        return;
    }
    m_error->hide();
    m_error->clear();
    m_edit->setExtraSelections({});
    m_applying = true;
    m_document->edit(parsed.value(), tr("Edit JSON"), QStringLiteral("json"));
    m_applying = false;
}

void JsonEditor::showError(const QString& text, int line, int column)
{
    m_error->setText(line > 0 ? tr("Line %1, column %2: %3").arg(line).arg(column).arg(text) : text);
    m_error->show();
    QList<QTextEdit::ExtraSelection> selections;
    if (line > 0) {
        QTextEdit::ExtraSelection selection;
        selection.format.setBackground(QColor(0xff, 0x40, 0x40, 0x40));
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selection.cursor = QTextCursor(m_edit->document()->findBlockByNumber(line - 1));
        selections.append(selection);
    }
    m_edit->setExtraSelections(selections);
}

} // namespace tb
