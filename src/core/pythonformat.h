// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Python's ways of writing values and treating text, for reproducing the output of
// OpenAI's Python tools byte for byte: repr() of str, float and lists, round(), len(),
// str.lower() and the per-character isalpha/isupper/islower tests.

#include <QString>
#include <QStringList>
#include <vector>

namespace tb::python {

// repr(x) of a float: "3.0", "0.1", "1e-05", "1e+16", "inf", "nan".
QString floatRepr(double value);
// round(value, digits), correctly rounded like CPython.
double round(double value, int digits);
// repr(s) of a str: quotes chosen like CPython, non-printable characters escaped.
QString strRepr(const QString& text);
// repr(list): "[" + ", ".join(items) + "]" of already-repr'd items.
QString listRepr(const QStringList& itemReprs);
QString intListRepr(const std::vector<qint64>& values);
// f"{n:,}".
QString thousands(qint64 value);

// len(s): code points, not UTF-16 units.
qsizetype length(const QString& text);
// str.lower(): full case mapping, final sigma included.
QString lower(const QString& text);
// c.isalpha() and c.isupper() / c.islower() for one code point.
bool isAlphaUpper(char32_t c);
bool isAlphaLower(char32_t c);

} // namespace tb::python
