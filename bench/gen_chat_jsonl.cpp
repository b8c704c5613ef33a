// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// tunebench-gen-jsonl SIZE OUT [--seed N]: writes realistic chat fine-tuning JSONL of
// about SIZE bytes (never more): prose, code, many scripts and emoji, multi-turn
// conversations, tool calls and `weight`. Same seed and size, same bytes, on any
// platform (own PRNG, no std distributions, whose output is implementation-defined).

#include "core/jsonescape.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

class SplitMix64
{
public:
    explicit SplitMix64(std::uint64_t seed)
        : m_state(seed)
    { }
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform enough in [0, n) for a generator of test text.
    std::size_t below(std::size_t n) { return n == 0 ? 0 : std::size_t(next() % n); }
    bool chance(int percent) { return below(100) < std::size_t(percent); }
    template <typename T, std::size_t N> const T& pick(const T (&items)[N]) { return items[below(N)]; }

private:
    std::uint64_t m_state;
};

const char* const kWords[] = {
    "the",
    "model",
    "data",
    "training",
    "example",
    "answer",
    "question",
    "because",
    "system",
    "user",
    "assistant",
    "should",
    "would",
    "could",
    "result",
    "value",
    "function",
    "error",
    "file",
    "line",
    "token",
    "budget",
    "weather",
    "river",
    "mountain",
    "library",
    "history",
    "market",
    "energy",
    "policy",
    "quickly",
    "carefully",
    "however",
    "therefore",
    "meanwhile",
    "although",
    "simple",
    "complex",
    "early",
    "late",
    "north",
    "south",
    "city",
    "village",
    "ferry",
    "harbor",
    "schedule",
    "ticket",
    "price",
    "return",
    "request",
    "response",
    "design",
    "pattern",
    "memory",
    "thread",
    "queue",
    "cache",
    "index",
    "search",
    "a",
    "an",
    "of",
    "to",
    "in",
    "for",
    "on",
    "with",
    "as",
    "by",
    "at",
    "from",
    "is",
    "are",
    "was",
    "be",
    "it's",
    "don't",
    "we'll",
    "they're",
    "I'm",
    "you've",
    "2024",
    "3.14",
    "42",
    "100%",
    "e.g.",
    "etc.",
};

const char* const kMultilingual[] = {
    "这是一个关于机器学习的例子。",
    "今日は天気がいいので、散歩に行きましょう。",
    "Привет! Как дела? Сегодня мы обсудим обучение моделей.",
    "مرحبا بك في دورة تعلم الآلة. كيف يمكنني مساعدتك؟",
    "नमस्ते, आज हम डेटा तैयार करना सीखेंगे।",
    "¿Dónde está la estación de tren más cercana?",
    "Die Größe der Datei überschreitet das Limit für Übungsbeispiele.",
    "안녕하세요, 오늘은 토큰화에 대해 이야기해 봅시다.",
    "Ελληνικά: η γρήγορη καφέ αλεπού πηδά.",
    "שלום עולם, זהו משפט בעברית.",
    "Tiếng Việt có nhiều dấu thanh điệu khác nhau.",
    "ภาษาไทยไม่มีการเว้นวรรคระหว่างคำ",
    "Emoji: 👍🏽 🎉 👨‍👩‍👧‍👦 🇫🇷 ❤️‍🔥 🤖",
    "Combining marks: e\xCC\x81 a\xCC\x8A n\xCC\x83 and full-width ＡＢＣ１２３.",
};

const char* const kCode[] = {
    "```python\ndef fib(n: int) -> int:\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n  "
    "  return a\n\nprint([fib(i) for i in range(10)])\n```",
    "```cpp\n#include <vector>\n\nint sum(const std::vector<int>& v)\n{\n\tint total = 0;\n\tfor (int x : "
    "v)\n\t\ttotal += x;\n\treturn total;\n}\n```",
    "```js\nconst res = await fetch(\"/api/items?limit=10\");\nif (!res.ok) throw new Error(`HTTP "
    "${res.status}`);\nconsole.log(await res.json());\n```",
    "```sql\nSELECT name, COUNT(*) AS n\nFROM orders o JOIN users u ON u.id = o.user_id\nWHERE o.created_at "
    "> '2024-01-01'\nGROUP BY name ORDER BY n DESC;\n```",
    "```bash\nfor f in *.jsonl; do\n  wc -l \"$f\" | awk '{print $1}'\ndone\n```",
    "```json\n{\"key\": \"value\", \"list\": [1, 2, 3], \"nested\": {\"ok\": true}}\n```",
};

const char* const kSystemPrompts[] = {
    "You are a helpful assistant.",
    "You are a concise technical support agent for a ferry company.",
    "You are Marv, a factual chatbot that is also sarcastic.",
    "Answer in the language of the question. Keep answers under 100 words.",
    "You are a senior software engineer reviewing code. Point out bugs first.",
};

const char* const kToolNames[] = { "get_weather", "lookup_order", "search_docs", "book_ticket" };

void appendEscaped(std::string& out, std::string_view text)
{
    tb::json::appendEscaped(out, text, tb::json::Escaping::Minimal);
}

std::string prose(SplitMix64& rng, std::size_t sentences)
{
    std::string text;
    for (std::size_t s = 0; s < sentences; ++s) {
        if (rng.chance(12)) {
            text += rng.pick(kMultilingual);
        } else {
            const std::size_t words = 4 + rng.below(18);
            for (std::size_t w = 0; w < words; ++w) {
                std::string word = rng.pick(kWords);
                if (w == 0 && word[0] >= 'a' && word[0] <= 'z')
                    word[0] = char(word[0] - 'a' + 'A');
                text += word;
                text += w + 1 < words ? (rng.chance(8) ? ", " : " ") : (rng.chance(20) ? "?" : ".");
            }
        }
        text += rng.chance(15) ? "\n\n" : " ";
    }
    if (!text.empty() && text.back() == ' ')
        text.pop_back();
    return text;
}

std::string assistantText(SplitMix64& rng)
{
    std::string text = prose(rng, 1 + rng.below(6));
    if (rng.chance(25)) {
        text += "\n\n";
        text += rng.pick(kCode);
        text += "\n\n";
        text += prose(rng, 1 + rng.below(2));
    }
    // Now and then a long answer, so the file has a spread of line lengths.
    if (rng.chance(3))
        text += "\n\n" + prose(rng, 100 + rng.below(300));
    return text;
}

void message(std::string& out, const char* role, const std::string& content, int weight = -1)
{
    out += "{\"role\":\"";
    out += role;
    out += "\",\"content\":\"";
    appendEscaped(out, content);
    out += '"';
    if (weight >= 0) {
        out += ",\"weight\":";
        out += char('0' + weight);
    }
    out += '}';
}

std::string example(SplitMix64& rng)
{
    std::string line = "{\"messages\":[";
    bool first = true;
    auto separator = [&] {
        if (!first)
            line += ',';
        first = false;
    };
    if (rng.chance(60)) {
        separator();
        message(line, "system",
            rng.chance(80) ? std::string(rng.pick(kSystemPrompts)) : prose(rng, 2 + rng.below(4)));
    }
    const bool withTool = rng.chance(10);
    const std::size_t turns = 1 + (rng.chance(30) ? rng.below(4) : 0);
    const bool weighted = turns > 1 && rng.chance(40);
    for (std::size_t t = 0; t < turns; ++t) {
        separator();
        message(line, "user", prose(rng, 1 + rng.below(4)));
        const bool last = t + 1 == turns;
        if (withTool && last) {
            const char* tool = rng.pick(kToolNames);
            const std::uint64_t id = rng.next() % 1000000;
            separator();
            line += "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_" + std::to_string(id)
                + "\",\"type\":\"function\",\"function\":{\"name\":\"" + tool
                + "\",\"arguments\":\"{\\\"query\\\": \\\"" + rng.pick(kWords) + "\\\"}\"}}]}";
            separator();
            line += "{\"role\":\"tool\",\"tool_call_id\":\"call_" + std::to_string(id) + "\",\"content\":\"";
            appendEscaped(line, "{\"status\": \"ok\", \"items\": " + std::to_string(rng.below(50)) + "}");
            line += "\"}";
        }
        separator();
        message(line, "assistant", assistantText(rng), weighted ? (last ? 1 : int(rng.below(2))) : -1);
    }
    line += ']';
    if (withTool) {
        line += ",\"tools\":[";
        for (std::size_t i = 0; i < 4; ++i) {
            if (i)
                line += ',';
            line += std::string("{\"type\":\"function\",\"function\":{\"name\":\"") + kToolNames[i]
                + "\",\"description\":\"";
            appendEscaped(line, prose(rng, 1));
            line += "\",\"parameters\":{\"type\":\"object\",\"properties\":{\"query\":{\"type\":\"string\"}},"
                    "\"required\":[\"query\"]}}}";
        }
        line += ']';
    }
    line += "}\n";
    return line;
}

// "2G", "512M", "100k", "123" (bytes); powers of 1024.
bool parseSize(const char* text, std::uint64_t* size)
{
    char* end = nullptr;
    const unsigned long long value = std::strtoull(text, &end, 10);
    if (end == text)
        return false;
    std::uint64_t factor = 1;
    switch (*end) {
    case '\0':
        break;
    case 'k':
    case 'K':
        factor = 1ull << 10;
        break;
    case 'm':
    case 'M':
        factor = 1ull << 20;
        break;
    case 'g':
    case 'G':
        factor = 1ull << 30;
        break;
    default:
        return false;
    }
    if (*end && end[1] != '\0' && std::strcmp(end + 1, "iB") != 0 && std::strcmp(end + 1, "B") != 0)
        return false;
    *size = value * factor;
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    std::uint64_t size = 0;
    std::uint64_t seed = 1;
    const char* out = nullptr;
    std::vector<const char*> positional;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
            seed = std::strtoull(argv[++i], nullptr, 10);
        else
            positional.push_back(argv[i]);
    }
    if (positional.size() != 2 || !parseSize(positional[0], &size)) {
        std::fprintf(
            stderr, "usage: tunebench-gen-jsonl SIZE OUT [--seed N]   (SIZE like 2G, 512M, 100K or bytes)\n");
        return 2;
    }
    out = positional[1];
    std::FILE* file = std::fopen(out, "wb");
    if (!file) {
        std::perror(out);
        return 1;
    }
    SplitMix64 rng(seed);
    std::string buffer;
    buffer.reserve(8u << 20);
    std::uint64_t written = 0;
    std::uint64_t lines = 0;
    for (;;) {
        const std::string line = example(rng);
        if (written + buffer.size() + line.size() > size)
            break;
        buffer += line;
        ++lines;
        if (buffer.size() >= (4u << 20)) {
            if (std::fwrite(buffer.data(), 1, buffer.size(), file) != buffer.size()) {
                std::perror(out);
                return 1;
            }
            written += buffer.size();
            buffer.clear();
        }
    }
    if (std::fwrite(buffer.data(), 1, buffer.size(), file) != buffer.size() || std::fclose(file) != 0) {
        std::perror(out);
        return 1;
    }
    written += buffer.size();
    std::printf("%llu bytes, %llu lines\n", static_cast<unsigned long long>(written),
        static_cast<unsigned long long>(lines));
    return 0;
}
