// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Splits UTF-8 text into the pieces that tiktoken's pretokenizer regex would find,
// with a hand-written matcher (no regex engine) for the cl100k_base and o200k_base patterns.

#include <cstddef>
#include <string_view>
#include <vector>

namespace tb {

class Pretokenizer
{
public:
    enum class Pattern {
        // tiktoken >= 0.7 (tiktoken_ext/openai_public.py):
        // '(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+|
        // ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s
        Cl100k,
        // The pattern of the npm package `tiktoken` (and tiktoken < 0.7). It differs from Cl100k
        // only on a whitespace run that reaches the end of the text and holds a line break
        // followed by more whitespace ("x\n  "): Cl100k keeps it as one piece, this splits it.
        Cl100kLegacy,
        // [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?
        // |[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?
        // |\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+
        O200k,
    };

    explicit Pretokenizer(Pattern pattern)
        : m_pattern(pattern)
    { }

    Pattern pattern() const { return m_pattern; }

    // Byte offset just past the piece that starts at `pos` (pos < text.size()); the
    // next piece starts there. A byte that is not part of valid UTF-8 counts as a
    // character with no class (like punctuation), so any input is split completely.
    std::size_t pieceEnd(std::string_view text, std::size_t pos) const
    {
        return m_pattern == Pattern::O200k ? o200kPieceEnd(text, pos)
                                           : cl100kPieceEnd(text, pos, m_pattern == Pattern::Cl100k);
    }

    // All pieces of `text`, in order; they concatenate to `text`.
    std::vector<std::string_view> split(std::string_view text) const;

private:
    static std::size_t cl100kPieceEnd(std::string_view text, std::size_t pos, bool wholeTrailingWhitespace);
    static std::size_t o200kPieceEnd(std::string_view text, std::size_t pos);

    Pattern m_pattern;
};

} // namespace tb
