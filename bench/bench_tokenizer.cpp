// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Single-core throughput of TiktokenEncoding (count and encode) on a text file, plus the
// one-off load time of each bundled encoding. Compare with bench/tiktoken-npm-bench.mjs:
//   node bench/gen-bench-text.mjs /tmp/bench.txt && bench_tokenizer /tmp/bench.txt

#include "core/pretokenizer.h"
#include "core/tiktokenencoding.h"

#include <QFile>
#include <chrono>
#include <cstdio>

using tb::TiktokenEncoding;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s TEXT_FILE [REPEATS]\n", argv[0]);
        return 2;
    }
    QFile file(QString::fromLocal8Bit(argv[1]));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    const QByteArray data = file.readAll();
    const std::string_view text(data.constData(), std::size_t(data.size()));
    const int repeats = argc > 2 ? std::atoi(argv[2]) : 5;
    std::printf("text: %zu bytes\n", text.size());

    for (const auto encoding :
        { TiktokenEncoding::Encoding::Cl100kBase, TiktokenEncoding::Encoding::O200kBase }) {
        const auto loadStart = Clock::now();
        const auto loaded = TiktokenEncoding::get(encoding);
        const double loadSeconds = secondsSince(loadStart);
        if (!loaded.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(loaded.error().toString()));
            return 1;
        }
        const TiktokenEncoding& enc = **loaded;
        const QByteArray name = TiktokenEncoding::name(encoding).toUtf8();

        double bestCount = 1e30;
        double bestEncode = 1e30;
        std::size_t tokens = 0;
        std::size_t encoded = 0;
        for (int i = 0; i < repeats; ++i) {
            auto start = Clock::now();
            tokens = enc.countTokens(text);
            bestCount = std::min(bestCount, secondsSince(start));
            start = Clock::now();
            encoded = enc.encode(text).size();
            bestEncode = std::min(bestEncode, secondsSince(start));
        }
        if (encoded != tokens) {
            std::fprintf(stderr, "count %zu != encode %zu\n", tokens, encoded);
            return 1;
        }
        // The pretokenizer alone, to see how the time splits between it and the BPE merges.
        const tb::Pretokenizer pretokenizer(encoding == TiktokenEncoding::Encoding::O200kBase
                ? tb::Pretokenizer::Pattern::O200k
                : tb::Pretokenizer::Pattern::Cl100k);
        double bestSplit = 1e30;
        std::size_t pieces = 0;
        for (int i = 0; i < repeats; ++i) {
            const auto start = Clock::now();
            pieces = 0;
            for (std::size_t pos = 0; pos < text.size(); ++pieces)
                pos = pretokenizer.pieceEnd(text, pos);
            bestSplit = std::min(bestSplit, secondsSince(start));
        }
        const double mb = double(text.size()) / 1e6;
        std::printf("%-12s pretokenizer alone: %zu pieces, %.1f ms, %.2f MB/s\n", name.constData(), pieces,
            bestSplit * 1000, mb / bestSplit);
        std::printf("%-12s load %.0f ms; %zu tokens; count: %.1f ms, %.2f M tokens/s, %.2f MB/s; "
                    "encode: %.1f ms, %.2f M tokens/s, %.2f MB/s\n",
            name.constData(), loadSeconds * 1000, tokens, bestCount * 1000, double(tokens) / bestCount / 1e6,
            mb / bestCount, bestEncode * 1000, double(tokens) / bestEncode / 1e6, mb / bestEncode);
    }
    return 0;
}
