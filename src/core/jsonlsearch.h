// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Full-file text search over a JsonlIndex on a worker thread: yields the numbers of
// the lines whose raw bytes contain a needle, in ascending order, in batches.

#include <QByteArray>
#include <QFuture>
#include <memory>
#include <vector>

class QThreadPool;
template <typename T> class QPromise;

namespace tb {

class JsonlIndex;

class JsonlSearch
{
public:
    // A batch of matching 0-based line numbers; batches arrive in ascending order.
    using Batch = std::vector<qint64>;

    // Searches the raw line bytes (JSON text as stored: "\n" inside strings is the two
    // characters backslash n). CaseInsensitive folds ASCII letters only. An index still
    // being built is followed until it completes. Progress is in [0, 1000] of the bytes;
    // cancel with QFuture::cancel(). An empty needle, or one holding a newline, matches nothing.
    // A search waiting for a build holds its pool thread: give the build a thread that
    // searches cannot all take (DatasetView runs both on a pool of two). Runs at low
    // priority (ThreadPriority: give it a pool of its own). Thread-safe: the index is only read.
    static QFuture<Batch> start(std::shared_ptr<const JsonlIndex> index, const QByteArray& needle,
        Qt::CaseSensitivity sensitivity, QThreadPool* pool = nullptr);

    // The same, on the calling thread.
    static void run(QPromise<Batch>& promise, const JsonlIndex& index, const QByteArray& needle,
        Qt::CaseSensitivity sensitivity);
};

} // namespace tb
