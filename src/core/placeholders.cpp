// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/placeholders.h"

#include <QSet>

namespace tb {

namespace {

bool isEscape(const QString& strippedName)
{
    return strippedName == QLatin1String("\"{{\"") || strippedName == QLatin1String("'{{'");
}

} // namespace

bool isPythonSpace(QChar c)
{
    // The code points for which Python 3's str.isspace() is true (bidi class WS, B
    // or S, or category Zs). QChar::isSpace() lacks U+001C..U+001F, so it won't do.
    switch (c.unicode()) {
    // clang-format off
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D:
    case 0x1C: case 0x1D: case 0x1E: case 0x1F: case 0x20:
    case 0x85: case 0xA0: case 0x1680:
    case 0x2000: case 0x2001: case 0x2002: case 0x2003: case 0x2004: case 0x2005:
    case 0x2006: case 0x2007: case 0x2008: case 0x2009: case 0x200A:
    case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
        // clang-format on
        return true;
    default:
        return false;
    }
}

QString pythonStrip(const QString& text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isPythonSpace(text.at(begin)))
        ++begin;
    while (end > begin && isPythonSpace(text.at(end - 1)))
        --end;
    return text.mid(begin, end - begin);
}

QList<PlaceholderSpan> findPlaceholders(const QString& text)
{
    // re.findall(r"{{(.*?)}}", text) by hand, so that "which characters `.` matches"
    // is Python's answer (all but "\n") rather than PCRE's newline convention.
    QList<PlaceholderSpan> spans;
    const qsizetype n = text.size();
    const QChar* s = text.constData();
    qsizetype i = 0;
    while (i + 3 < n) {
        if (s[i] != u'{' || s[i + 1] != u'{') {
            ++i;
            continue;
        }
        qsizetype j = i + 2;
        bool closed = false;
        for (; j + 1 < n; ++j) {
            if (s[j] == u'}' && s[j + 1] == u'}') {
                closed = true;
                break;
            }
            if (s[j] == u'\n')
                break;
        }
        if (!closed) {
            // Every start between i and j would fail at the same newline or end,
            // because no `}}` lies before it; skipping them keeps the scan linear.
            i = j;
            continue;
        }
        PlaceholderSpan span;
        span.start = i;
        span.length = j + 2 - i;
        span.name = pythonStrip(text.mid(i + 2, j - i - 2));
        span.escape = isEscape(span.name);
        spans.append(span);
        i = j + 2;
    }
    return spans;
}

bool isParameterName(const QString& name)
{
    if (name.isEmpty())
        return false;
    for (const QChar c : name) {
        if (c == u'{' || c == u'}' || c == u'"' || c == u'\'')
            return false;
    }
    return true;
}

QStringList placeholderNames(const QString& text)
{
    QStringList names;
    QSet<QString> seen;
    const QList<PlaceholderSpan> spans = findPlaceholders(text);
    for (const PlaceholderSpan& span : spans) {
        if (span.escape || !isParameterName(span.name) || seen.contains(span.name))
            continue;
        seen.insert(span.name);
        names.append(span.name);
    }
    return names;
}

QString renderPlaceholders(const QString& text, const QHash<QString, QString>& values)
{
    const QList<PlaceholderSpan> spans = findPlaceholders(text);

    // Cut the text at the escapes: the pieces between them get the Python algorithm
    // (global replaces), the escapes become `{{` at the end and are never searched.
    // With no escape there is one piece, and this is insert_params exactly.
    QStringList pieces;
    qsizetype pieceStart = 0;
    for (const PlaceholderSpan& span : spans) {
        if (!span.escape)
            continue;
        pieces.append(text.mid(pieceStart, span.start - pieceStart));
        pieceStart = span.start + span.length;
    }
    pieces.append(text.mid(pieceStart));

    for (const PlaceholderSpan& span : spans) {
        if (span.escape)
            continue;
        const auto value = values.constFind(span.name);
        if (value == values.constEnd())
            continue;
        const QString original = text.mid(span.start, span.length);
        for (QString& piece : pieces)
            piece.replace(original, *value);
    }
    return pieces.join(QStringLiteral("{{"));
}

} // namespace tb
