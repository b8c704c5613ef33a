// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// bench_datasetview FILE: the dataset page on a big file, as the user meets it: time
// until the first rows are painted, jump-to-line latency, the longest stall of the GUI
// thread while indexing, filtering and validating, and resident memory. Run with
// QT_QPA_PLATFORM=offscreen (or under xvfb-run); --warm-fonts loads fallback fonts first.

#include "benchsupport.h"
#include "core/jsonlindex.h"
#include "gui/datasettablemodel.h"
#include "gui/datasetview.h"
#include "gui/uniformrowview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTextBrowser>
#include <QTimer>
#include <cstdio>
#include <ctime>
#include <random>
#include <string>

namespace {

// Longest gap between ticks of a 1 ms timer: how long the GUI thread was away at once.
// On a loaded machine a gap is also time the thread was runnable but not running, so
// the CPU time the GUI thread itself used is kept too: the longest slice of work.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(1);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 wall = m_clock.restart();
            const qint64 cpuNs = threadCpuNs();
            if (wall > m_worst) {
                m_worst = wall;
                m_worstGapCpuMs = (cpuNs - m_lastCpuNs) / 1'000'000;
            }
            m_worstBusyMs = std::max(m_worstBusyMs, (cpuNs - m_lastCpuNs) / 1'000'000);
            m_lastCpuNs = cpuNs;
        });
    }
    void start()
    {
        m_worst = 0;
        m_worstGapCpuMs = 0;
        m_worstBusyMs = 0;
        m_lastCpuNs = threadCpuNs();
        m_clock.start();
        m_timer.start();
    }
    qint64 stop()
    {
        m_timer.stop();
        return m_worst;
    }
    // "(GUI thread on CPU 12 ms of it; longest CPU slice 20 ms)" for the last start()..stop().
    std::string cpuNote() const
    {
        char text[96];
        std::snprintf(text, sizeof text, " (on CPU %lld ms of it; longest CPU slice %lld ms)",
            static_cast<long long>(m_worstGapCpuMs), static_cast<long long>(m_worstBusyMs));
        return text;
    }

private:
    static qint64 threadCpuNs()
    {
        timespec now {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_worst = 0;
    qint64 m_worstGapCpuMs = 0;
    qint64 m_worstBusyMs = 0;
    qint64 m_lastCpuNs = 0;
};

// One turn of the event loop that sleeps until something happens, like the app's own
// loop: a loop that spins would take a core from the (lower-priority) workers. The stall
// meter's timer wakes it every millisecond while it measures.
void waitForEvents()
{
    QApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

class PaintWatcher : public QObject
{
public:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && rowsReady && paintedAfterRowsMs < 0)
            paintedAfterRowsMs = clock.nsecsElapsed() / 1e6;
        return QObject::eventFilter(watched, event);
    }
    QElapsedTimer clock;
    bool rowsReady = false;
    double paintedAfterRowsMs = -1;
};

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    // Lines appear as they are measured, also when stdout is a file and the process is
    // stopped early (a background validation can hold the exit).
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    if (app.arguments().size() < 2) {
        std::fprintf(stderr, "usage: bench_datasetview FILE [--warm-fonts] [--no-tokens]\n");
        return 2;
    }
    const QString path = app.arguments().at(1);
    tb::DatasetView view;
    view.resize(1400, 900);
    view.show();
    if (app.arguments().contains(QStringLiteral("--no-tokens")))
        view.setTokenCounter({});
    PaintWatcher paints;
    view.table()->viewport()->installEventFilter(&paints);
    QObject::connect(
        view.model(), &QAbstractItemModel::rowsInserted, &paints, [&paints] { paints.rowsReady = true; });
    StallMeter stalls;
    QApplication::processEvents();
    if (app.arguments().contains(QStringLiteral("--warm-fonts"))) {
        // Font fallback for many scripts is loaded on first use, once per process;
        // this separates that one-time cost from the page's own.
        QTextBrowser warm;
        warm.setHtml(QStringLiteral("<p>这是 今日は Привет مرحبا नमस्ते 안녕하세요 Ελληνικά שלום ภาษาไทย "
                                    "👍🏽 ＡＢＣ</p><pre>x</pre>"));
        warm.resize(400, 200);
        warm.show();
        QApplication::processEvents();
        warm.grab();
    }

    stalls.start();
    paints.clock.start();
    if (!view.openFile(path))
        return 1;
    while (paints.paintedAfterRowsMs < 0)
        waitForEvents();
    std::printf("open -> first rows painted: %.1f ms (%d rows at that point)\n", paints.paintedAfterRowsMs,
        view.model()->rowCount());
    while (view.isIndexing())
        waitForEvents();
    QApplication::processEvents();
    const qint64 indexingStall = stalls.stop();
    std::printf("indexed %lld lines in %.0f ms; worst GUI-thread stall while indexing: %lld ms%s; "
                "VmRSS %lld kB\n",
        static_cast<long long>(view.index()->lineCount()), paints.clock.nsecsElapsed() / 1e6,
        static_cast<long long>(indexingStall), stalls.cpuNote().c_str(),
        static_cast<long long>(tb::bench::statusKb("VmRSS")));

    // Again, now that the tokenizer is loaded and the fonts are warm: the steady state.
    // Its validation starts once it is indexed and runs through the jumps and the filter.
    bool validated = false;
    QObject::connect(&view, &tb::DatasetView::validationFinished, &view, [&validated] { validated = true; });
    QElapsedTimer validation;
    paints.rowsReady = false;
    paints.paintedAfterRowsMs = -1;
    stalls.start();
    paints.clock.start();
    view.openFile(path);
    while (paints.paintedAfterRowsMs < 0)
        waitForEvents();
    const double secondPaint = paints.paintedAfterRowsMs;
    while (view.isIndexing())
        waitForEvents();
    validation.start();
    QApplication::processEvents();
    const qint64 secondStall = stalls.stop();
    std::printf("second open: first rows painted %.1f ms; indexed in %.0f ms; worst stall %lld ms%s\n",
        secondPaint, paints.clock.nsecsElapsed() / 1e6, static_cast<long long>(secondStall),
        stalls.cpuNote().c_str());

    std::mt19937_64 rng(11);
    double worstJump = 0, totalJump = 0;
    const int jumps = 50;
    stalls.start();
    for (int i = 0; i < jumps; ++i) {
        const qint64 line = 1 + qint64(rng() % std::uint64_t(view.index()->lineCount()));
        QElapsedTimer timer;
        timer.start();
        view.jumpToLine(line);
        view.table()->viewport()->repaint(); // paint now, inside the measured time
        while (view.detailLine() != line - 1)
            waitForEvents();
        const double ms = timer.nsecsElapsed() / 1e6;
        worstJump = std::max(worstJump, ms);
        totalJump += ms;
        // A jump that renders its detail at once never returns to the event loop: let the
        // stall meter tick, so it sees how long the GUI thread was away.
        QApplication::processEvents();
    }
    const qint64 jumpStall = stalls.stop();
    std::printf(
        "jump to a random line (select, paint rows, render detail): mean %.1f ms, worst %.1f ms over %d; "
        "worst stall %lld ms%s\n",
        totalJump / jumps, worstJump, jumps, static_cast<long long>(jumpStall), stalls.cpuNote().c_str());

    stalls.start();
    QElapsedTimer search;
    search.start();
    view.setFilterText(QStringLiteral("harbor"));
    while (view.isSearching() || search.elapsed() < 50)
        waitForEvents();
    QApplication::processEvents();
    const qint64 filterStall = stalls.stop();
    std::printf(
        "filter \"harbor\": %d matching lines in %.0f ms; worst GUI-thread stall while filtering: %lld ms%s\n",
        view.model()->rowCount(), search.nsecsElapsed() / 1e6, static_cast<long long>(filterStall),
        stalls.cpuNote().c_str());

    stalls.start();
    while (!validated)
        waitForEvents();
    QApplication::processEvents();
    const qint64 validationStall = stalls.stop();
    std::printf("validated in %.0f ms after indexing; worst GUI-thread stall for the rest of it and its "
                "report: %lld ms%s\n",
        validation.nsecsElapsed() / 1e6, static_cast<long long>(validationStall), stalls.cpuNote().c_str());
    std::printf("resident: VmRSS %lld kB (RssAnon %lld kB, RssFile %lld kB), index %.1f MB\n",
        static_cast<long long>(tb::bench::statusKb("VmRSS")),
        static_cast<long long>(tb::bench::statusKb("RssAnon")),
        static_cast<long long>(tb::bench::statusKb("RssFile")), double(view.index()->memoryUsage()) / 1e6);
    return 0;
}
