// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// bench_jsonlindex FILE [--runs N]: JsonlIndex throughput from the page cache, time
// until the first rows are available, random line access and full-file search.
// Make FILE with tunebench-gen-jsonl; the first run warms the page cache.

#include "benchsupport.h"
#include "core/jsonlindex.h"
#include "core/jsonlsearch.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QThread>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <random>

namespace {

double seconds(qint64 ns)
{
    return double(ns) / 1e9;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_jsonlindex FILE [--runs N]\n");
        return 2;
    }
    const QString path = args.at(1);
    const int runs = args.size() >= 4 && args.at(2) == QStringLiteral("--runs") ? args.at(3).toInt() : 3;

    std::shared_ptr<tb::JsonlIndex> kept;
    for (int run = 0; run <= runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto opened = tb::JsonlIndex::open(path);
        if (!opened.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(opened.error().toString()));
            return 1;
        }
        auto index = opened.value();
        QFuture<void> future = tb::JsonlIndex::buildInBackground(index);
        qint64 firstRowsNs = -1;
        while (!future.isFinished()) {
            if (firstRowsNs < 0 && index->availableLines() >= 100)
                firstRowsNs = timer.nsecsElapsed();
            QThread::usleep(100);
        }
        if (firstRowsNs < 0)
            firstRowsNs = timer.nsecsElapsed();
        const qint64 totalNs = timer.nsecsElapsed();
        const double gbps = double(index->fileSize()) / 1e9 / seconds(totalNs);
        std::printf("%s build: %.3f s, %.2f GB/s, %lld lines, first 100 rows after %.2f ms, index %.1f MB "
                    "(%.2f B/line), utf8 errors %lld\n",
            run == 0 ? "cold/warm-up" : "page cache  ", seconds(totalNs), gbps,
            static_cast<long long>(index->lineCount()), double(firstRowsNs) / 1e6,
            double(index->memoryUsage()) / 1e6, double(index->memoryUsage()) / double(index->lineCount()),
            static_cast<long long>(index->utf8ErrorCount()));
        kept = index;
    }

    // Jump to random rows: look the line up and parse it, as the viewer does for a row.
    std::mt19937_64 rng(7);
    qint64 worstNs = 0, sumNs = 0;
    const int jumps = 2000;
    for (int i = 0; i < jumps; ++i) {
        QElapsedTimer timer;
        timer.start();
        const qint64 line = qint64(rng() % std::uint64_t(kept->lineCount()));
        const QByteArray bytes
            = QByteArray::fromRawData(kept->lineBytes(line).data(), qsizetype(kept->lineBytes(line).size()));
        const QJsonDocument document = QJsonDocument::fromJson(bytes);
        const qint64 ns = timer.nsecsElapsed();
        if (document.isNull())
            std::printf("line %lld is not JSON\n", static_cast<long long>(line));
        worstNs = std::max(worstNs, ns);
        sumNs += ns;
    }
    std::printf("random row (lookup + QJsonDocument parse): mean %.3f ms, worst %.3f ms over %d rows\n",
        double(sumNs) / jumps / 1e6, double(worstNs) / 1e6, jumps);

    QElapsedTimer timer;
    timer.start();
    QFuture<tb::JsonlSearch::Batch> search = tb::JsonlSearch::start(kept, "weather", Qt::CaseInsensitive);
    search.waitForFinished();
    qint64 hits = 0;
    for (const auto& batch : search.results())
        hits += qint64(batch.size());
    std::printf("search \"weather\" (ASCII case-folded): %.3f s, %.2f GB/s, %lld matching lines\n",
        seconds(timer.nsecsElapsed()), double(kept->fileSize()) / 1e9 / seconds(timer.nsecsElapsed()),
        static_cast<long long>(hits));

    std::printf("resident: VmRSS %lld kB (RssAnon %lld kB, RssFile %lld kB = mapped file pages)\n",
        static_cast<long long>(tb::bench::statusKb("VmRSS")),
        static_cast<long long>(tb::bench::statusKb("RssAnon")),
        static_cast<long long>(tb::bench::statusKb("RssFile")));
    return 0;
}
