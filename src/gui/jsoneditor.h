// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The raw JSON of the template, kept in sync both ways: edits apply as soon as they
// parse (debounced), errors are shown at line and column and the other views keep
// the last valid template meanwhile.

#include <QTimer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace tb {

class TemplateDocument;

class JsonEditor : public QWidget
{
    Q_OBJECT
public:
    explicit JsonEditor(TemplateDocument* document, QWidget* parent = nullptr);

    QPlainTextEdit* textEdit() const { return m_edit; }
    // "line 3, column 7: ..." or empty when the text is a valid template.
    QString errorText() const;
    // Applies the pending text now instead of after the debounce.
    void applyNow();

private:
    void refresh();
    void showError(const QString& text, int line, int column);

    TemplateDocument* m_document;
    QPlainTextEdit* m_edit = nullptr;
    QLabel* m_error = nullptr;
    QTimer m_debounce;
    bool m_updating = false;
    bool m_applying = false;
};

} // namespace tb
