// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `{{name}}` placeholders in prompt text, found and substituted exactly the way
// the book's Python `insert_params` does it, plus one escape for a literal `{{`.
//
// The book's reference (chapter 3/4, llm_utils):
//
//     def insert_params(string, **kwargs):
//         pattern = r"{{(.*?)}}"
//         matches = re.findall(pattern, string)
//         for match in matches:
//             replacement = kwargs.get(match.strip())
//             if replacement is not None:
//                 string = string.replace("{{" + match + "}}", replacement)
//         return string
//
// Templates written for the book must render byte for byte the same here, so its
// quirks are kept on purpose:
//  - a placeholder never spans a line: `.` does not match "\n" (only "\n"; "\r" and
//    U+2028 are ordinary characters to Python's `re`);
//  - the match is lazy and scanning restarts after each match, so `{{{a}}}` is one
//    match whose inner text is `{a`, which no value can fill;
//  - the lookup key is the inner text stripped with Python's str.strip(), whose
//    whitespace set (str.isspace) differs from QChar::isSpace();
//  - matches are collected on the original text, but each substitution is a global
//    replace on the text as it is by then: a value that itself contains `{{x}}` is
//    filled in too when `{{x}}` was among the original matches and comes later;
//  - a placeholder with no value (absent from the hash) is left as it is; an empty
//    value is a value.
//
// Our extension, the escape: a match whose stripped inner text is `"{{"` or `'{{'`
// (the Jinja expression `{{ "{{" }}`) renders to a literal `{{` and is never a
// parameter. Escapes are opaque to substitution: text produced by an escape is not
// searched again, so `{{ "{{" }}name}}` renders to the literal `{{name}}`. Without
// escapes, rendering is exactly the Python algorithm.

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace tb {

struct PlaceholderSpan
{
    qsizetype start = 0; // index of the first `{` in the text (UTF-16 units)
    qsizetype length = 0; // up to and including the closing `}}`
    QString name; // inner text after Python's str.strip(): the lookup key
    bool escape = false; // `{{ "{{" }}`: renders to `{{`, not a parameter

    bool operator==(const PlaceholderSpan&) const = default;
};

// Every match of the book's pattern, in order, escapes flagged. Names may be ones no
// value can fill (`{a`, empty); isParameterName() tells the real ones apart.
QList<PlaceholderSpan> findPlaceholders(const QString& text);

// Whether a stripped placeholder name is worth listing as a parameter: not empty and
// free of braces and quotes (those come from stray or escaped braces). Rendering does
// not use this test; it looks any name up.
bool isParameterName(const QString& name);

// Parameter names in order of first appearance, each once, escapes and non-names left out.
QStringList placeholderNames(const QString& text);

// The book's insert_params(text, **values), plus the escape.
QString renderPlaceholders(const QString& text, const QHash<QString, QString>& values);

// Python's str.isspace() for one UTF-16 unit (every Python whitespace is in the BMP).
bool isPythonSpace(QChar c);

// Python's str.strip() with no argument.
QString pythonStrip(const QString& text);

} // namespace tb
