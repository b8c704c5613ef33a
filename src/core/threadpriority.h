// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Puts a long background job (indexing, validation, search and filter passes) below the
// GUI thread, so the GUI thread gets a core as soon as it wakes even when the job's
// workers keep every core busy.

#include <QFuture>
#include <QPromise>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace tb {

class ThreadPriority
{
public:
    // How far below the main thread a lowered thread runs (Linux nice levels).
    static constexpr int kBackgroundNice = 10;

    // Lowers the calling thread's priority for good: an unprivileged Linux thread cannot
    // raise it again, so call it only on threads of a pool that runs nothing but long
    // jobs. Linux: nice kBackgroundNice above the main thread, per thread (QThread's
    // priorities are all the same under SCHED_OTHER, and IdlePriority's SCHED_IDLE would
    // starve the job behind any busy process); threads it starts inherit that. Elsewhere
    // QThread::LowestPriority. Does nothing on the main thread.
    static void lowerCurrentThread();
    static bool isCurrentThreadLowered();

    // Runs `task(QPromise<T>&)` on `pool` (the global pool when null) with the pool thread
    // lowered first: how every long background job starts.
    template <typename T, typename Task> static QFuture<T> runLowered(QThreadPool* pool, Task task)
    {
        return QtConcurrent::run(
            pool ? pool : QThreadPool::globalInstance(), [task = std::move(task)](QPromise<T>& promise) {
                lowerCurrentThread();
                task(promise);
            });
    }
};

} // namespace tb
