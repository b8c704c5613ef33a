// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tiktokenencoding.h"

#include <QCryptographicHash>
#include <QFile>
#include <algorithm>
#include <array>
#include <cstring>
#include <mutex>
#include <queue>

namespace tb {

namespace {

// Pieces up to this many bytes merge with tiktoken's own quadratic loop on the stack;
// longer ones (long runs of one character) use a heap so they stay O(n log n).
constexpr std::size_t kShortPiece = 128;

std::uint64_t mix(std::uint64_t h)
{
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ULL;
    h ^= h >> 32;
    return h;
}

std::uint32_t load32(const unsigned char* p)
{
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
}

// The first min(8, length) bytes as a little-endian word, zero padded, without reading
// past bytes + length (overlapping loads instead of a variable-length copy).
std::uint64_t loadPrefix(const unsigned char* bytes, std::size_t length)
{
    if (length >= 8) {
        std::uint64_t v;
        std::memcpy(&v, bytes, 8);
        return v;
    }
    if (length >= 4) {
        const std::uint64_t lo = load32(bytes);
        const std::uint64_t hi = load32(bytes + length - 4);
        return lo | hi << (8 * (length - 4));
    }
    if (length == 0)
        return 0;
    return std::uint64_t(bytes[0]) | std::uint64_t(bytes[length / 2]) << (8 * (length / 2))
        | std::uint64_t(bytes[length - 1]) << (8 * (length - 1));
}

std::uint64_t hashKey(std::uint64_t prefix, const unsigned char* bytes, std::size_t length)
{
    std::uint64_t h = (prefix ^ (std::uint64_t(length) << 56)) * 0x9E3779B97F4A7C15ULL;
    for (std::size_t i = 8; i + 8 <= length; i += 8) {
        std::uint64_t word;
        std::memcpy(&word, bytes + i, 8);
        h = (h ^ word) * 0xBF58476D1CE4E5B9ULL;
    }
    if (length > 8 && length % 8 != 0) {
        std::uint64_t word;
        std::memcpy(&word, bytes + length - 8, 8); // overlaps the previous word; still a function of the key
        h = (h ^ word) * 0x94D049BB133111EBULL;
    }
    return mix(h);
}

int base64Value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}

// Appends the decoded bytes of standard padded base64 to out; false if malformed.
bool decodeBase64(std::string_view text, std::string& out)
{
    if (text.empty() || text.size() % 4 != 0)
        return false;
    for (std::size_t i = 0; i < text.size(); i += 4) {
        int v[4];
        int pad = 0;
        for (int k = 0; k < 4; ++k) {
            const auto c = static_cast<unsigned char>(text[i + std::size_t(k)]);
            if (c == '=' && i + 4 == text.size() && k >= 2) {
                v[k] = 0;
                ++pad;
            } else if (pad > 0 || (v[k] = base64Value(c)) < 0) {
                return false;
            }
        }
        const std::uint32_t triple = std::uint32_t(v[0]) << 18 | std::uint32_t(v[1]) << 12
            | std::uint32_t(v[2]) << 6 | std::uint32_t(v[3]);
        out.push_back(char(triple >> 16));
        if (pad < 2)
            out.push_back(char((triple >> 8) & 0xFF));
        if (pad < 1)
            out.push_back(char(triple & 0xFF));
    }
    return true;
}

// UTF-8 as tiktoken sees a Python str: a lone surrogate becomes U+FFFD (QString::toUtf8
// would write '?', which tokenizes differently).
QByteArray toTiktokenUtf8(const QString& text)
{
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (!text.at(i).isSurrogate())
            continue;
        if (text.at(i).isHighSurrogate() && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        QString fixed = text;
        for (qsizetype k = i; k < n; ++k) {
            if (!fixed.at(k).isSurrogate())
                continue;
            if (fixed.at(k).isHighSurrogate() && k + 1 < n && fixed.at(k + 1).isLowSurrogate())
                ++k;
            else
                fixed[k] = QChar(QChar::ReplacementCharacter);
        }
        return fixed.toUtf8();
    }
    return text.toUtf8();
}

QString resourceName(TiktokenEncoding::Encoding encoding)
{
    return TiktokenEncoding::name(encoding) + QStringLiteral(".tiktoken");
}

// Expected sha256 of `fileName` from the bundled SHA256SUMS ("hex  name" lines).
QByteArray expectedSha256(const QString& fileName)
{
    QFile sums(QStringLiteral(":/tokenizers/SHA256SUMS"));
    if (!sums.open(QIODevice::ReadOnly))
        return {};
    const QByteArray wanted = fileName.toUtf8();
    const QList<QByteArray> lines = sums.readAll().split('\n');
    for (const QByteArray& line : lines) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() == 2 && (fields[1] == wanted || fields[1] == "*" + wanted))
            return fields[0];
    }
    return {};
}

Result<std::unique_ptr<TiktokenEncoding>> loadBundled(TiktokenEncoding::Encoding encoding)
{
    const QString fileName = resourceName(encoding);
    const QString path = QStringLiteral(":/tokenizers/") + fileName;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Error error;
        error.message = QStringLiteral("The bundled tokenizer rank file is missing.");
        error.file = path;
        return error;
    }
    const QByteArray expected = expectedSha256(fileName);
    if (expected.isEmpty()) {
        Error error;
        error.message = QStringLiteral("The bundled SHA256SUMS has no checksum for %1.").arg(fileName);
        error.file = QStringLiteral(":/tokenizers/SHA256SUMS");
        return error;
    }
    auto result = TiktokenEncoding::fromRankFile(encoding, file.readAll(), expected);
    if (!result.ok()) {
        Error error = result.error();
        error.file = path;
        return error;
    }
    return result;
}

} // namespace

TiktokenEncoding::TiktokenEncoding(Encoding encoding)
    : m_encoding(encoding)
    , m_pretokenizer(
          encoding == Encoding::O200kBase ? Pretokenizer::Pattern::O200k : Pretokenizer::Pattern::Cl100k)
{
    // Special tokens of tiktoken_ext/openai_public.py.
    if (encoding == Encoding::O200kBase) {
        m_specialTokens = { { "<|endoftext|>", 199999 }, { "<|endofprompt|>", 200018 } };
    } else {
        m_specialTokens = { { "<|endoftext|>", 100257 }, { "<|fim_prefix|>", 100258 },
            { "<|fim_middle|>", 100259 }, { "<|fim_suffix|>", 100260 }, { "<|endofprompt|>", 100276 } };
    }
}

Result<const TiktokenEncoding*> TiktokenEncoding::get(Encoding encoding)
{
    // Immutable, verified data shared by every caller: a cache, not mutable global state.
    struct Cache
    {
        std::once_flag once;
        std::unique_ptr<TiktokenEncoding> value;
        Error error;
    };
    static std::array<Cache, 2> caches;
    Cache& cache = caches[encoding == Encoding::O200kBase ? 1 : 0];
    std::call_once(cache.once, [&cache, encoding] {
        auto loaded = loadBundled(encoding);
        if (loaded.ok())
            cache.value = std::move(loaded).value();
        else
            cache.error = loaded.error();
    });
    if (!cache.value)
        return cache.error;
    return static_cast<const TiktokenEncoding*>(cache.value.get());
}

Result<std::unique_ptr<TiktokenEncoding>> TiktokenEncoding::fromRankFile(
    Encoding encoding, const QByteArray& rankFile, const QByteArray& expectedSha256Hex)
{
    const QByteArray actual = QCryptographicHash::hash(rankFile, QCryptographicHash::Sha256).toHex();
    if (actual != expectedSha256Hex.trimmed().toLower()) {
        Error error;
        error.message
            = QStringLiteral(
                "The %1 rank file is corrupt or not the genuine one: its sha256 is %2, expected %3.")
                  .arg(name(encoding), QString::fromLatin1(actual), QString::fromLatin1(expectedSha256Hex));
        return error;
    }
    std::unique_ptr<TiktokenEncoding> result(new TiktokenEncoding(encoding));
    if (Status parsed = result->parse(rankFile); !parsed.ok())
        return parsed.error();
    result->buildTable();
    return result;
}

Status TiktokenEncoding::parse(const QByteArray& rankFile)
{
    const std::string_view text(rankFile.constData(), std::size_t(rankFile.size()));
    m_arena.reserve(text.size() * 3 / 4);
    m_entries.reserve(text.size() / 12);
    std::size_t pos = 0;
    int lineNumber = 0;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos)
            eol = text.size();
        std::string_view line = text.substr(pos, eol - pos);
        pos = eol + 1;
        ++lineNumber;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.empty())
            continue;
        const std::size_t space = line.find(' ');
        const std::size_t offset = m_arena.size();
        std::uint64_t rank = 0;
        bool ok = space != std::string_view::npos && space + 1 < line.size()
            && decodeBase64(line.substr(0, space), m_arena);
        for (std::size_t i = space + 1; ok && i < line.size(); ++i) {
            ok = line[i] >= '0' && line[i] <= '9' && rank < kNoRank / 10;
            rank = rank * 10 + std::uint64_t(line[i] - '0');
        }
        if (!ok || rank >= kNoRank) {
            Error error;
            error.message = QStringLiteral("Malformed line in the %1 rank file; expected \"base64 rank\".")
                                .arg(name(m_encoding));
            error.line = lineNumber;
            return error;
        }
        m_entries.push_back(
            { std::uint32_t(offset), std::uint32_t(m_arena.size() - offset), std::uint32_t(rank) });
    }
    if (m_entries.empty()) {
        Error error;
        error.message = QStringLiteral("The %1 rank file is empty.").arg(name(m_encoding));
        return error;
    }
    return success();
}

void TiktokenEncoding::buildTable()
{
    std::size_t capacity = 1;
    while (capacity < m_entries.size() * 2)
        capacity <<= 1;
    m_slots.assign(capacity, Slot { 0, 0, 0 });
    m_slotMask = capacity - 1;
    std::uint32_t maxRank = 0;
    const auto* arena = reinterpret_cast<const unsigned char*>(m_arena.data());
    for (const Entry& e : m_entries) {
        maxRank = std::max(maxRank, e.rank);
        const unsigned char* key = arena + e.offset;
        const std::uint64_t prefix = loadPrefix(key, e.length);
        std::uint64_t slot = hashKey(prefix, key, e.length) & m_slotMask;
        while (m_slots[slot].length != 0)
            slot = (slot + 1) & m_slotMask;
        m_slots[slot] = Slot { prefix, e.length, e.rank };
    }
    m_entryByRank.assign(std::size_t(maxRank) + 1, kNoRank);
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        m_entryByRank[m_entries[i].rank] = std::uint32_t(i);
    m_shortRanks.assign(256 + 65536, kNoRank);
    for (const Entry& e : m_entries) {
        const auto* key = arena + e.offset;
        if (e.length == 1 && m_shortRanks[key[0]] == kNoRank)
            m_shortRanks[key[0]] = e.rank;
        else if (e.length == 2 && m_shortRanks[256 + (key[0] << 8 | key[1])] == kNoRank)
            m_shortRanks[256 + (key[0] << 8 | key[1])] = e.rank;
    }
}

std::uint32_t TiktokenEncoding::rankOf(const unsigned char* bytes, std::size_t length) const
{
    if (length == 2)
        return m_shortRanks[256 + (bytes[0] << 8 | bytes[1])];
    if (length == 1)
        return m_shortRanks[bytes[0]];
    const std::uint64_t prefix = loadPrefix(bytes, length);
    const auto* arena = reinterpret_cast<const unsigned char*>(m_arena.data());
    for (std::uint64_t slot = hashKey(prefix, bytes, length) & m_slotMask;; slot = (slot + 1) & m_slotMask) {
        const Slot& s = m_slots[slot];
        if (s.length == 0)
            return kNoRank;
        if (s.prefix != prefix || s.length != length)
            continue;
        if (length <= 8)
            return s.rank;
        const Entry& e = m_entries[m_entryByRank[s.rank]];
        if (std::memcmp(arena + e.offset + 8, bytes + 8, length - 8) == 0)
            return s.rank;
    }
}

template <typename Sink>
void TiktokenEncoding::encodePiece(const unsigned char* piece, std::size_t length, Sink&& sink) const
{
    if (const std::uint32_t rank = rankOf(piece, length); rank != kNoRank) {
        sink(rank);
        return;
    }
    if (length <= kShortPiece)
        mergeShort(piece, length, sink);
    else
        mergeLong(piece, length, sink);
}

// tiktoken's byte_pair_merge: repeatedly merge the adjacent pair with the lowest rank,
// the leftmost one on ties. ranks[i] is the rank of parts i and i+1 joined.
template <typename Sink>
void TiktokenEncoding::mergeShort(const unsigned char* piece, std::size_t length, Sink& sink) const
{
    std::uint32_t starts[kShortPiece + 1];
    std::uint32_t ranks[kShortPiece + 1];
    std::size_t count = length + 1;
    for (std::size_t i = 0; i + 1 < length; ++i) {
        starts[i] = std::uint32_t(i);
        ranks[i] = rankOf(piece + i, 2);
    }
    starts[length - 1] = std::uint32_t(length - 1);
    ranks[length - 1] = kNoRank;
    starts[length] = std::uint32_t(length);
    ranks[length] = kNoRank;

    const auto joinedRank = [&](std::size_t i) {
        return i + 3 < count ? rankOf(piece + starts[i], starts[i + 3] - starts[i]) : kNoRank;
    };
    for (;;) {
        std::uint32_t minRank = kNoRank;
        std::size_t minIndex = 0;
        for (std::size_t i = 0; i + 1 < count; ++i) {
            if (ranks[i] < minRank) {
                minRank = ranks[i];
                minIndex = i;
            }
        }
        if (minRank == kNoRank)
            break;
        if (minIndex > 0)
            ranks[minIndex - 1] = joinedRank(minIndex - 1);
        ranks[minIndex] = joinedRank(minIndex);
        std::memmove(
            starts + minIndex + 1, starts + minIndex + 2, (count - minIndex - 2) * sizeof(std::uint32_t));
        std::memmove(
            ranks + minIndex + 1, ranks + minIndex + 2, (count - minIndex - 2) * sizeof(std::uint32_t));
        --count;
    }
    for (std::size_t i = 0; i + 1 < count; ++i)
        sink(rankOf(piece + starts[i], starts[i + 1] - starts[i]));
}

// Same merge order as mergeShort, with a doubly linked list of parts and a min-heap of
// (rank, start) so long pieces do not cost O(n^2).
template <typename Sink>
void TiktokenEncoding::mergeLong(const unsigned char* piece, std::size_t length, Sink& sink) const
{
    struct Part
    {
        std::uint32_t start;
        std::uint32_t next; // index of the next part; length = end sentinel
        std::uint32_t prev;
        std::uint32_t rank; // rank of this part joined with the next
        bool alive;
    };
    std::vector<Part> parts(length + 1);
    for (std::size_t i = 0; i <= length; ++i)
        parts[i] = { std::uint32_t(i), std::uint32_t(i + 1), std::uint32_t(i - 1), kNoRank, true };
    const auto endOf = [&](std::uint32_t i) {
        return parts[i].next <= length ? parts[parts[i].next].start : std::uint32_t(length);
    };
    const auto pairRank = [&](std::uint32_t i) -> std::uint32_t {
        if (i >= length)
            return kNoRank;
        const std::uint32_t next = parts[i].next;
        if (next >= length)
            return kNoRank;
        const std::uint32_t end = endOf(next);
        return rankOf(piece + parts[i].start, end - parts[i].start);
    };
    using Item = std::pair<std::uint64_t, std::uint32_t>; // (rank << 32 | start, part)
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
    for (std::uint32_t i = 0; i + 1 < length; ++i) {
        parts[i].rank = rankOf(piece + i, 2);
        if (parts[i].rank != kNoRank)
            heap.push({ std::uint64_t(parts[i].rank) << 32 | i, i });
    }
    while (!heap.empty()) {
        const auto [key, i] = heap.top();
        heap.pop();
        Part& part = parts[i];
        if (!part.alive || part.rank != std::uint32_t(key >> 32))
            continue; // stale entry
        const std::uint32_t removed = part.next;
        parts[removed].alive = false;
        part.next = parts[removed].next;
        if (part.next <= length)
            parts[part.next].prev = i;
        part.rank = pairRank(i);
        if (part.rank != kNoRank)
            heap.push({ std::uint64_t(part.rank) << 32 | part.start, i });
        if (i > 0) {
            const std::uint32_t p = part.prev;
            parts[p].rank = pairRank(p);
            if (parts[p].rank != kNoRank)
                heap.push({ std::uint64_t(parts[p].rank) << 32 | parts[p].start, p });
        }
    }
    for (std::uint32_t i = 0; i < length; i = parts[i].next)
        sink(rankOf(piece + parts[i].start, endOf(i) - parts[i].start));
}

std::size_t TiktokenEncoding::countTokens(std::string_view utf8) const
{
    std::size_t count = 0;
    const auto* bytes = reinterpret_cast<const unsigned char*>(utf8.data());
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const std::size_t end = m_pretokenizer.pieceEnd(utf8, pos);
        encodePiece(bytes + pos, end - pos, [&count](std::uint32_t) { ++count; });
        pos = end;
    }
    return count;
}

std::size_t TiktokenEncoding::countTokens(const QString& text) const
{
    const QByteArray utf8 = toTiktokenUtf8(text);
    return countTokens(std::string_view(utf8.constData(), std::size_t(utf8.size())));
}

std::vector<std::uint32_t> TiktokenEncoding::encode(std::string_view utf8) const
{
    std::vector<std::uint32_t> tokens;
    tokens.reserve(utf8.size() / 3 + 1);
    const auto* bytes = reinterpret_cast<const unsigned char*>(utf8.data());
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const std::size_t end = m_pretokenizer.pieceEnd(utf8, pos);
        encodePiece(bytes + pos, end - pos, [&tokens](std::uint32_t rank) { tokens.push_back(rank); });
        pos = end;
    }
    return tokens;
}

std::string TiktokenEncoding::decode(const std::vector<std::uint32_t>& tokens) const
{
    std::string out;
    for (const std::uint32_t token : tokens) {
        if (token < m_entryByRank.size() && m_entryByRank[token] != kNoRank) {
            const Entry& e = m_entries[m_entryByRank[token]];
            out.append(m_arena, e.offset, e.length);
            continue;
        }
        for (const auto& [text, id] : m_specialTokens) {
            if (id == token)
                out += text;
        }
    }
    return out;
}

bool TiktokenEncoding::containsSpecialToken(std::string_view utf8) const
{
    for (std::size_t pos = utf8.find("<|"); pos != std::string_view::npos; pos = utf8.find("<|", pos + 1)) {
        for (const auto& special : m_specialTokens) {
            if (utf8.substr(pos, special.first.size()) == special.first)
                return true;
        }
    }
    return false;
}

QString TiktokenEncoding::name(Encoding encoding)
{
    return encoding == Encoding::O200kBase ? QStringLiteral("o200k_base") : QStringLiteral("cl100k_base");
}

std::optional<TiktokenEncoding::Encoding> TiktokenEncoding::fromName(QStringView name)
{
    if (name == QLatin1String("cl100k_base"))
        return Encoding::Cl100kBase;
    if (name == QLatin1String("o200k_base"))
        return Encoding::O200kBase;
    return std::nullopt;
}

std::optional<TiktokenEncoding::Encoding> TiktokenEncoding::forModel(QStringView model)
{
    // Prefix table of tiktoken/model.py (MODEL_PREFIX_TO_ENCODING and exact names);
    // longer prefixes first so "gpt-4o" wins over "gpt-4".
    static const std::pair<const char*, Encoding> prefixes[] = {
        { "ft:gpt-4o", Encoding::O200kBase },
        { "ft:gpt-4.1", Encoding::O200kBase },
        { "ft:o4-mini", Encoding::O200kBase },
        { "ft:gpt-4", Encoding::Cl100kBase },
        { "ft:gpt-3.5-turbo", Encoding::Cl100kBase },
        { "ft:davinci-002", Encoding::Cl100kBase },
        { "ft:babbage-002", Encoding::Cl100kBase },
        { "chatgpt-4o-", Encoding::O200kBase },
        { "gpt-4o", Encoding::O200kBase },
        { "gpt-4.1", Encoding::O200kBase },
        { "gpt-4.5", Encoding::O200kBase },
        { "gpt-5", Encoding::O200kBase },
        { "o1", Encoding::O200kBase },
        { "o3", Encoding::O200kBase },
        { "o4-mini", Encoding::O200kBase },
        { "gpt-4", Encoding::Cl100kBase },
        { "gpt-3.5-turbo", Encoding::Cl100kBase },
        { "gpt-3.5", Encoding::Cl100kBase },
        { "gpt-35-turbo", Encoding::Cl100kBase },
        { "text-embedding-3-", Encoding::Cl100kBase },
        { "text-embedding-ada-002", Encoding::Cl100kBase },
        { "davinci-002", Encoding::Cl100kBase },
        { "babbage-002", Encoding::Cl100kBase },
    };
    for (const auto& [prefix, encoding] : prefixes) {
        if (model.startsWith(QLatin1String(prefix)))
            return encoding;
    }
    return std::nullopt;
}

} // namespace tb
