// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/placeholderhighlighter.h"

#include "core/placeholders.h"

namespace tb {

PlaceholderHighlighter::PlaceholderHighlighter(QTextDocument* document) : QSyntaxHighlighter(document) { }

void PlaceholderHighlighter::setFilledNames(const QSet<QString>& names)
{
    if (names == m_filled)
        return;
    m_filled = names;
    rehighlight();
}

void PlaceholderHighlighter::highlightBlock(const QString& text)
{
    // Placeholders never span a line (placeholders.h), so one block is enough.
    for (const PlaceholderSpan& span : findPlaceholders(text)) {
        QTextCharFormat format;
        if (span.escape) {
            format.setForeground(Qt::gray);
        } else if (!isParameterName(span.name)) {
            format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            format.setUnderlineColor(Qt::red);
            format.setForeground(QColor(0xb0, 0x20, 0x20));
        } else if (m_filled.contains(span.name)) {
            format.setForeground(QColor(0x1a, 0x5f, 0xb4));
            format.setBackground(QColor(0x1a, 0x5f, 0xb4, 0x22));
            format.setFontWeight(QFont::Bold);
        } else {
            format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            format.setUnderlineColor(QColor(0xe0, 0x80, 0x00));
            format.setForeground(QColor(0xa0, 0x50, 0x00));
            format.setFontWeight(QFont::Bold);
        }
        setFormat(int(span.start), int(span.length), format);
    }
}

} // namespace tb
