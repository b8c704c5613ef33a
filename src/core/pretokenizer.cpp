// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/pretokenizer.h"

#include "core/unicodeclasses.h"

// Each alternative of the regexes is tried in order at the current position, as the
// regex engine (fancy-regex) does; the first one that matches wins. The comments
// name the alternative. Backtracking is resolved analytically instead of by search:
// - `\s*[\r\n]` / `\s*[\r\n]+` end just after the last line break of the whitespace run;
// - `\s+(?!\S)` leaves the last whitespace character of a run that a non-space follows;
// - o200k's `U*W+` with U* backtracking ends after the last W character inside the U run.

namespace tb {

namespace {

using UC = UnicodeClasses;
constexpr std::size_t kNoMatch = std::size_t(-1);

bool isLineBreak(char32_t cp)
{
    return cp == U'\r' || cp == U'\n';
}

// Neither \s, \p{L} nor \p{N}: the `[^\s\p{L}\p{N}]` class (invalid bytes included).
bool isOther(std::uint8_t flags)
{
    return (flags & (UC::WhiteSpace | UC::Letter | UC::Number)) == 0;
}

// Simple case folding restricted to what the contraction alternatives can meet:
// fancy-regex's (?i) matches 's' also against U+017F LATIN SMALL LETTER LONG S
// (checked against the npm package: "x'ſa" splits as "x", "'ſ", "a").
char32_t foldForContraction(char32_t cp)
{
    if (cp >= U'A' && cp <= U'Z')
        return cp + 32;
    if (cp == 0x017F)
        return U's';
    return cp;
}

// Length of `'s|'t|'re|'ve|'m|'ll|'d` (case-insensitive) at pos, or 0.
std::size_t contractionLength(std::string_view text, std::size_t pos)
{
    if (pos + 1 >= text.size() || text[pos] != '\'')
        return 0;
    const auto d1 = UC::decode(text, pos + 1);
    const char32_t c1 = foldForContraction(d1.cp);
    switch (c1) {
    case U's':
    case U't':
    case U'm':
    case U'd':
        return 1 + d1.length;
    case U'r':
    case U'v':
    case U'l': {
        const std::size_t p2 = pos + 1 + d1.length;
        if (p2 >= text.size())
            return 0;
        const auto d2 = UC::decode(text, p2);
        const char32_t c2 = foldForContraction(d2.cp);
        if (((c1 == U'r' || c1 == U'v') && c2 == U'e') || (c1 == U'l' && c2 == U'l'))
            return 1 + d1.length + d2.length;
        return 0;
    }
    default:
        return 0;
    }
}

// End of the run of characters having any of `mask`, starting at pos.
std::size_t scanWhile(std::string_view text, std::size_t pos, std::uint8_t mask)
{
    while (pos < text.size()) {
        const auto byte = static_cast<unsigned char>(text[pos]);
        if (byte < 0x80) { // fast path: most text is ASCII
            if ((UC::flags(byte) & mask) == 0)
                break;
            ++pos;
            continue;
        }
        const auto d = UC::decode(text, pos);
        if ((UC::flags(d.cp) & mask) == 0)
            break;
        pos += d.length;
    }
    return pos;
}

std::size_t scanOther(std::string_view text, std::size_t pos)
{
    while (pos < text.size()) {
        const auto byte = static_cast<unsigned char>(text[pos]);
        if (byte < 0x80) {
            if (!isOther(UC::flags(byte)))
                break;
            ++pos;
            continue;
        }
        const auto d = UC::decode(text, pos);
        if (!isOther(UC::flags(d.cp)))
            break;
        pos += d.length;
    }
    return pos;
}

// ' ?[^\s\p{L}\p{N}]+' then the trailing [\r\n]* (cl100k) or [\r\n/]* (o200k): an optional
// space, a run of "other" characters and the line breaks after it; kNoMatch when
// neither the first character nor the one after a space is "other".
std::size_t matchOther(std::string_view text, std::size_t pos, char32_t first, std::uint8_t firstFlags,
    std::size_t afterFirst, bool slashes)
{
    std::size_t start = kNoMatch;
    if (isOther(firstFlags))
        start = pos;
    else if (first == U' ' && afterFirst < text.size() && isOther(UC::flags(UC::decode(text, afterFirst).cp)))
        start = afterFirst;
    if (start == kNoMatch)
        return kNoMatch;
    std::size_t end = scanOther(text, start);
    while (end < text.size() && (text[end] == '\r' || text[end] == '\n' || (slashes && text[end] == '/')))
        ++end;
    return end;
}

std::size_t scanNumbers3(std::string_view text, std::size_t pos)
{
    for (int i = 0; i < 3 && pos < text.size(); ++i) {
        const auto d = UC::decode(text, pos);
        if ((UC::flags(d.cp) & UC::Number) == 0)
            break;
        pos += d.length;
    }
    return pos;
}

struct WhitespaceRun
{
    std::size_t end; // first byte after the run
    std::size_t lastStart; // start of the run's last character
    std::size_t lastBreakEnd; // just past the run's last \r or \n; kNoMatch if none
};

WhitespaceRun scanWhitespace(std::string_view text, std::size_t pos)
{
    WhitespaceRun run { pos, pos, kNoMatch };
    while (run.end < text.size()) {
        const auto d = UC::decode(text, run.end);
        if ((UC::flags(d.cp) & UC::WhiteSpace) == 0)
            break;
        run.lastStart = run.end;
        run.end += d.length;
        if (isLineBreak(d.cp))
            run.lastBreakEnd = run.end;
    }
    return run;
}

// o200k `[U]*[W]+(?i:contraction)?` starting at pos; kNoMatch if it fails.
std::size_t matchLowerWord(std::string_view text, std::size_t pos)
{
    std::size_t p = pos;
    std::size_t lastLowerEnd = kNoMatch;
    std::uint8_t flags = 0;
    while (p < text.size()) {
        const auto d = UC::decode(text, p);
        flags = UC::flags(d.cp);
        if ((flags & UC::UpperSet) == 0)
            break;
        p += d.length;
        if (flags & UC::LowerSet)
            lastLowerEnd = p;
    }
    std::size_t end;
    if (p < text.size() && (flags & UC::LowerSet) && (flags & UC::UpperSet) == 0)
        end = scanWhile(text, p, UC::LowerSet);
    else if (lastLowerEnd != kNoMatch)
        end = lastLowerEnd; // U* gives back characters until W+ can take one
    else
        return kNoMatch;
    return end + contractionLength(text, end);
}

// o200k `[U]+[W]*(?i:contraction)?` starting at pos; kNoMatch if it fails.
std::size_t matchUpperWord(std::string_view text, std::size_t pos)
{
    std::size_t p = scanWhile(text, pos, UC::UpperSet);
    if (p == pos)
        return kNoMatch;
    p = scanWhile(text, p, UC::LowerSet);
    return p + contractionLength(text, p);
}

} // namespace

std::size_t Pretokenizer::cl100kPieceEnd(std::string_view text, std::size_t pos, bool wholeTrailingWhitespace)
{
    const auto d0 = UC::decode(text, pos);
    const std::uint8_t f0 = UC::flags(d0.cp);
    const std::size_t p1 = pos + d0.length;

    // '(?i:[sdmt]|ll|ve|re)
    if (d0.cp == U'\'') {
        if (const std::size_t n = contractionLength(text, pos))
            return pos + n;
    }
    // [^\r\n\p{L}\p{N}]?+\p{L}++
    if (f0 & UC::Letter)
        return scanWhile(text, p1, UC::Letter);
    if ((f0 & UC::Number) == 0 && !isLineBreak(d0.cp) && p1 < text.size()) {
        const auto d1 = UC::decode(text, p1);
        if (UC::flags(d1.cp) & UC::Letter)
            return scanWhile(text, p1 + d1.length, UC::Letter);
    }
    // \p{N}{1,3}+
    if (f0 & UC::Number)
        return scanNumbers3(text, pos);
    // ' ?[^\s\p{L}\p{N}]++[\r\n]*+'
    if (const std::size_t end = matchOther(text, pos, d0.cp, f0, p1, false); end != kNoMatch)
        return end;
    // Only whitespace is left.
    const WhitespaceRun run = scanWhitespace(text, pos);
    // \s++$
    if (wholeTrailingWhitespace && run.end == text.size())
        return run.end;
    // \s*[\r\n]
    if (run.lastBreakEnd != kNoMatch)
        return run.lastBreakEnd;
    // \s+(?!\S)
    if (run.end == text.size())
        return run.end;
    if (run.lastStart > pos)
        return run.lastStart;
    // \s
    return p1;
}

std::size_t Pretokenizer::o200kPieceEnd(std::string_view text, std::size_t pos)
{
    const auto d0 = UC::decode(text, pos);
    const std::uint8_t f0 = UC::flags(d0.cp);
    const std::size_t p1 = pos + d0.length;
    const bool canPrefix = (f0 & (UC::Letter | UC::Number)) == 0 && !isLineBreak(d0.cp);

    // [^\r\n\p{L}\p{N}]?[U]*[W]+(?i:'s|...)?  -- the optional prefix is tried first, then
    // dropped (which only helps when the first character is a mark).
    if (canPrefix) {
        if (const std::size_t e = matchLowerWord(text, p1); e != kNoMatch)
            return e;
    }
    if (f0 & (UC::UpperSet | UC::LowerSet)) {
        if (const std::size_t e = matchLowerWord(text, pos); e != kNoMatch)
            return e;
    }
    // [^\r\n\p{L}\p{N}]?[U]+[W]*(?i:'s|...)?
    if (canPrefix) {
        if (const std::size_t e = matchUpperWord(text, p1); e != kNoMatch)
            return e;
    }
    if (f0 & UC::UpperSet) {
        if (const std::size_t e = matchUpperWord(text, pos); e != kNoMatch)
            return e;
    }
    // \p{N}{1,3}
    if (f0 & UC::Number)
        return scanNumbers3(text, pos);
    // ' ?[^\s\p{L}\p{N}]+[\r\n/]*'
    if (const std::size_t end = matchOther(text, pos, d0.cp, f0, p1, true); end != kNoMatch)
        return end;
    const WhitespaceRun run = scanWhitespace(text, pos);
    // \s*[\r\n]+
    if (run.lastBreakEnd != kNoMatch)
        return run.lastBreakEnd;
    // \s+(?!\S)
    if (run.end == text.size())
        return run.end;
    if (run.lastStart > pos)
        return run.lastStart;
    // \s+
    return run.end;
}

std::vector<std::string_view> Pretokenizer::split(std::string_view text) const
{
    std::vector<std::string_view> pieces;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t end = pieceEnd(text, pos);
        pieces.push_back(text.substr(pos, end - pos));
        pos = end;
    }
    return pieces;
}

} // namespace tb
