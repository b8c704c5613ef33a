// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Writes a JSONL file with its edit overlay applied, streaming: untouched stretches are
// copied from the mapping byte for byte (line ends, BOM, missing final newline kept),
// edited lines are substituted. Atomic through QSaveFile: on any failure or cancel the
// target keeps its old content.

#include "core/jsonleditoverlay.h"
#include "core/result.h"

#include <QFuture>
#include <QString>
#include <functional>
#include <memory>

class QThreadPool;

namespace tb {

class JsonlIndex;

class JsonlRewriter
{
public:
    // The progress range reported by writeInBackground().
    static constexpr int kProgressMaximum = 1000;
    // Bytes copied per write call; also how often progress is reported.
    static constexpr qint64 kChunkSize = qint64(4) << 20;

    // Called after each chunk with bytes done and the total; return false to cancel.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    // Writes `index`'s file (which must be completely indexed and unchanged on disk) with
    // `overlay` applied to `target`, which may be the indexed file itself: it is replaced
    // only once everything is written (the old mapping stays valid). Edits of lines past
    // the end of the index are an error.
    static Status write(const JsonlIndex& index, const JsonlEditOverlay& overlay, const QString& target,
        const Progress& progress = {});

    // write() on `pool` (global when null), with progress in [0, kProgressMaximum]; cancel
    // with QFuture::cancel(). The task keeps the index alive and works on a copy of the overlay.
    static QFuture<Status> writeInBackground(std::shared_ptr<const JsonlIndex> index,
        JsonlEditOverlay overlay, const QString& target, QThreadPool* pool = nullptr);
};

} // namespace tb
