// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Colours `{{name}}` placeholders in message text: filled ones (a value or a
// default) in blue, unfilled ones with an orange squiggle, matches that can never be
// a parameter (`{{}}`, `{{a{b}}`) with a red squiggle, escapes in grey.

#include <QSet>
#include <QSyntaxHighlighter>

namespace tb {

class PlaceholderHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit PlaceholderHighlighter(QTextDocument* document);

    // Names that render to something; the others are flagged as unfilled.
    void setFilledNames(const QSet<QString>& names);

protected:
    void highlightBlock(const QString& text) override;

private:
    QSet<QString> m_filled;
};

} // namespace tb
