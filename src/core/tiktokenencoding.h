// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One of OpenAI's byte-level BPE encodings (cl100k_base, o200k_base): exact tiktoken
// token ids and counts for UTF-8 text, from the rank files bundled as Qt resources.

#include "core/pretokenizer.h"
#include "core/result.h"

#include <QByteArray>
#include <QString>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tb {

class TiktokenEncoding
{
public:
    enum class Encoding { Cl100kBase, O200kBase };

    // The bundled encoding, loaded and sha256-checked on first use, then shared
    // (immutable, safe to use from any thread). Loading happens once per process even
    // when many threads ask at the same time; a failure is remembered and returned again.
    static Result<const TiktokenEncoding*> get(Encoding encoding);

    // Builds an encoding from the text of a `.tiktoken` rank file ("base64 rank" per
    // line). Fails when its sha256 differs from `expectedSha256Hex` or a line is malformed.
    static Result<std::unique_ptr<TiktokenEncoding>> fromRankFile(
        Encoding encoding, const QByteArray& rankFile, const QByteArray& expectedSha256Hex);

    // "cl100k_base" / "o200k_base", and back.
    static QString name(Encoding encoding);
    static std::optional<Encoding> fromName(QStringView name);
    // The encoding that tiktoken's model table gives an OpenAI model name (fine-tuned
    // names such as "ft:gpt-4o-mini-2024-07-18:org::id" included); nullopt if unknown.
    static std::optional<Encoding> forModel(QStringView model);

    Encoding encoding() const { return m_encoding; }

    // Number of tokens of encode(utf8), without building the vector. Like tiktoken's
    // encode_ordinary: special-token text such as "<|endoftext|>" counts as plain text.
    std::size_t countTokens(std::string_view utf8) const;
    // As countTokens(text.toUtf8()), but a lone surrogate counts as U+FFFD like in tiktoken.
    std::size_t countTokens(const QString& text) const;

    // Token ids as tiktoken's encode_ordinary returns them. Bytes that are not valid UTF-8
    // (tiktoken never sees those: Python strings are always valid) are each treated as a
    // character of no class by the pretokenizer and still encoded byte-exactly, so that
    // decode(encode(bytes)) == bytes for any input.
    std::vector<std::uint32_t> encode(std::string_view utf8) const;

    // The bytes of the tokens, concatenated; unknown ids are skipped.
    std::string decode(const std::vector<std::uint32_t>& tokens) const;

    // True when the text holds one of this encoding's special-token strings
    // (e.g. "<|endoftext|>"), which a validator may want to flag.
    bool containsSpecialToken(std::string_view utf8) const;
    const std::vector<std::pair<std::string, std::uint32_t>>& specialTokens() const
    {
        return m_specialTokens;
    }

    // Number of mergeable ranks loaded from the rank file.
    std::size_t rankCount() const { return m_entries.size(); }

    TiktokenEncoding(const TiktokenEncoding&) = delete;
    TiktokenEncoding& operator=(const TiktokenEncoding&) = delete;

private:
    explicit TiktokenEncoding(Encoding encoding);

    struct Entry
    {
        std::uint32_t offset; // into m_arena
        std::uint32_t length;
        std::uint32_t rank;
    };

    static constexpr std::uint32_t kNoRank = 0xFFFFFFFFu;

    Status parse(const QByteArray& rankFile);
    void buildTable();
    std::uint32_t rankOf(const unsigned char* bytes, std::size_t length) const;
    // Calls sink(rank) for each token of one pretokenized piece.
    template <typename Sink>
    void encodePiece(const unsigned char* piece, std::size_t length, Sink&& sink) const;
    template <typename Sink>
    void mergeShort(const unsigned char* piece, std::size_t length, Sink& sink) const;
    template <typename Sink> void mergeLong(const unsigned char* piece, std::size_t length, Sink& sink) const;

    Encoding m_encoding;
    Pretokenizer m_pretokenizer;
    std::string m_arena; // all token byte strings back to back
    std::vector<Entry> m_entries; // in file order
    // Open-addressing table keyed by token bytes. A slot holds the first 8 bytes of its
    // key, so most lookups (tokens are short) touch one cache line and no other memory.
    struct Slot
    {
        std::uint64_t prefix; // first min(8, length) key bytes, zero padded
        std::uint32_t length; // 0 = empty slot
        std::uint32_t rank;
    };
    std::vector<Slot> m_slots;
    std::uint64_t m_slotMask = 0;
    // Ranks of all 1- and 2-byte strings by value: the merge loop asks for pairs most.
    std::vector<std::uint32_t> m_shortRanks; // [byte] then [256 + (first << 8 | second)]
    std::vector<std::uint32_t> m_entryByRank; // rank -> entry index, kNoRank if absent
    std::vector<std::pair<std::string, std::uint32_t>> m_specialTokens;
};

} // namespace tb
