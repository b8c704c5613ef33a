// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/pythonformat.h"

#include <QChar>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace tb::python {

namespace {

bool isLetter(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
        return true;
    default:
        return false;
    }
}

// Other_Lowercase code points that are letters (Lm/Lo): CPython's islower() counts them.
bool isOtherLowercaseLetter(char32_t c)
{
    static constexpr char32_t kRanges[][2] = {
        { 0x00AA, 0x00AA },
        { 0x00BA, 0x00BA },
        { 0x02B0, 0x02B8 },
        { 0x02C0, 0x02C1 },
        { 0x02E0, 0x02E4 },
        { 0x037A, 0x037A },
        { 0x10FC, 0x10FC },
        { 0x1D2C, 0x1D6A },
        { 0x1D78, 0x1D78 },
        { 0x1D9B, 0x1DBF },
        { 0x2071, 0x2071 },
        { 0x207F, 0x207F },
        { 0x2090, 0x209C },
        { 0x2C7C, 0x2C7D },
        { 0xA69C, 0xA69D },
        { 0xA770, 0xA770 },
        { 0xA7F2, 0xA7F4 },
        { 0xA7F8, 0xA7F9 },
        { 0xAB5C, 0xAB5F },
        { 0xAB69, 0xAB69 },
    };
    for (const auto& range : kRanges) {
        if (c >= range[0] && c <= range[1])
            return true;
    }
    return false;
}

bool isCased(char32_t c)
{
    const QChar::Category category = QChar::category(c);
    return category == QChar::Letter_Uppercase || category == QChar::Letter_Lowercase
        || category == QChar::Letter_Titlecase || isOtherLowercaseLetter(c);
}

bool isCaseIgnorable(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_Enclosing:
    case QChar::Other_Format:
    case QChar::Letter_Modifier:
    case QChar::Symbol_Modifier:
        return true;
    default:
        return c == U'\'' || c == U'.' || c == U':' || c == U'^' || c == U'`' || c == 0x00B7 || c == 0x2019;
    }
}

bool isPrintable(char32_t c)
{
    if (c == U' ')
        return true;
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
    case QChar::Separator_Space:
        return false;
    default:
        return true;
    }
}

} // namespace

QString floatRepr(double value)
{
    if (std::isnan(value))
        return QStringLiteral("nan");
    if (std::isinf(value))
        return value < 0 ? QStringLiteral("-inf") : QStringLiteral("inf");
    if (value == 0)
        return std::signbit(value) ? QStringLiteral("-0.0") : QStringLiteral("0.0");
    char buffer[64];
    const auto [end, ec]
        = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    Q_UNUSED(ec)
    const std::string scientific(buffer, end);
    const bool negative = scientific[0] == '-';
    const std::size_t e = scientific.find('e');
    std::string digits;
    for (std::size_t i = negative ? 1 : 0; i < e; ++i) {
        if (scientific[i] != '.')
            digits += scientific[i];
    }
    const int exponent = std::atoi(scientific.c_str() + e + 1);
    const int point = exponent + 1; // digits are 0.d1d2... x 10^point
    // Appended piece by piece: `"0." + std::string(...)` trips a GCC 12 -Wrestrict false
    // positive in optimized builds.
    std::string out = negative ? "-" : "";
    if (point > -4 && point <= 16) {
        if (point <= 0) {
            out.append("0.").append(std::size_t(-point), '0').append(digits);
        } else if (std::size_t(point) >= digits.size()) {
            out.append(digits).append(std::size_t(point) - digits.size(), '0').append(".0");
        } else {
            out.append(digits, 0, std::size_t(point)).append(".").append(digits, std::size_t(point));
        }
    } else {
        out.append(digits, 0, 1);
        if (digits.size() > 1)
            out.append(".").append(digits, 1);
        char exp[16];
        std::snprintf(exp, sizeof exp, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
        out += exp;
    }
    return QString::fromLatin1(out.data(), qsizetype(out.size()));
}

double round(double value, int digits)
{
    char buffer[512];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
    return std::strtod(buffer, nullptr);
}

QString strRepr(const QString& text)
{
    const bool single = text.contains(QLatin1Char('\'')) && !text.contains(QLatin1Char('"'));
    const QChar quote = single ? QLatin1Char('"') : QLatin1Char('\'');
    QString out = quote;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar unit = text.at(i);
        char32_t c = unit.unicode();
        if (unit.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(unit, text.at(i + 1));
            ++i;
        } else if (unit.isSurrogate()) {
            out += QStringLiteral("\\u%1").arg(unsigned(c), 4, 16, QLatin1Char('0'));
            continue;
        }
        if (c == U'\\' || c == quote.unicode()) {
            out += QLatin1Char('\\') + QChar(c);
        } else if (c == U'\t') {
            out += QStringLiteral("\\t");
        } else if (c == U'\n') {
            out += QStringLiteral("\\n");
        } else if (c == U'\r') {
            out += QStringLiteral("\\r");
        } else if (c < 0x20 || c == 0x7F) {
            out += QStringLiteral("\\x%1").arg(unsigned(c), 2, 16, QLatin1Char('0'));
        } else if (c < 0x7F || isPrintable(c)) {
            out += QString::fromUcs4(&c, 1);
        } else if (c < 0x100) {
            out += QStringLiteral("\\x%1").arg(unsigned(c), 2, 16, QLatin1Char('0'));
        } else if (c < 0x10000) {
            out += QStringLiteral("\\u%1").arg(unsigned(c), 4, 16, QLatin1Char('0'));
        } else {
            out += QStringLiteral("\\U%1").arg(unsigned(c), 8, 16, QLatin1Char('0'));
        }
    }
    return out + quote;
}

QString listRepr(const QStringList& itemReprs)
{
    return QLatin1Char('[') + itemReprs.join(QStringLiteral(", ")) + QLatin1Char(']');
}

QString intListRepr(const std::vector<qint64>& values)
{
    QStringList items;
    items.reserve(qsizetype(values.size()));
    for (qint64 v : values)
        items.append(QString::number(v));
    return listRepr(items);
}

QString thousands(qint64 value)
{
    QString digits = QString::number(value < 0 ? -value : value);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return value < 0 ? QLatin1Char('-') + digits : digits;
}

qsizetype length(const QString& text)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!(text.at(i).isLowSurrogate() && i > 0 && text.at(i - 1).isHighSurrogate()))
            ++n;
    }
    return n;
}

QString lower(const QString& text)
{
    // QString::toLower applies the full (special-casing) mappings but not the
    // context-dependent final sigma that CPython's str.lower() implements.
    QString out = text.toLower();
    if (!text.contains(QChar(0x03A3)))
        return out;
    const QList<uint> ucs = text.toUcs4();
    QString rebuilt;
    for (qsizetype i = 0; i < ucs.size(); ++i) {
        const char32_t c = ucs.at(i);
        if (c != 0x03A3) {
            rebuilt += QString::fromUcs4(&c, 1).toLower();
            continue;
        }
        bool casedBefore = false;
        for (qsizetype j = i - 1; j >= 0; --j) {
            if (isCaseIgnorable(ucs.at(j)))
                continue;
            casedBefore = isCased(ucs.at(j));
            break;
        }
        bool casedAfter = false;
        for (qsizetype j = i + 1; j < ucs.size(); ++j) {
            if (isCaseIgnorable(ucs.at(j)))
                continue;
            casedAfter = isCased(ucs.at(j));
            break;
        }
        rebuilt += QChar(casedBefore && !casedAfter ? 0x03C2 : 0x03C3);
    }
    return rebuilt;
}

bool isAlphaUpper(char32_t c)
{
    return QChar::category(c) == QChar::Letter_Uppercase;
}

bool isAlphaLower(char32_t c)
{
    return isLetter(c) && (QChar::category(c) == QChar::Letter_Lowercase || isOtherLowercaseLetter(c));
}

} // namespace tb::python
