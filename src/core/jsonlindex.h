// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Line-offset index over a memory-mapped JSONL file: built once on a worker thread
// (progress, cancel), readable from any thread while it grows and after it is done.

#include "core/result.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QFile>
#include <QFuture>
#include <QString>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

class QThreadPool;
template <typename T> class QPromise;

namespace tb {

// Thread-safety: build()/buildInBackground() runs at most once, on one thread. Every
// const member may be called from any number of threads at any time, also while the
// build runs: lines [0, availableLines()) never change once visible. The mapping, and so
// every view returned by lineBytes(), stays valid as long as the JsonlIndex lives.
// If the file is truncated by another process while mapped, reading past its new end
// raises SIGBUS (a property of mmap); changedOnDisk() lets callers notice and reopen.
class JsonlIndex
{
public:
    // Byte offsets are stored in 40 bits (5 bytes per line): files up to 1 TiB.
    static constexpr qint64 kMaxFileSize = (qint64(1) << 40) - 1;
    // At most this many invalid UTF-8 offsets are kept; utf8ErrorCount() counts all.
    static constexpr int kMaxUtf8Errors = 1000;
    // The progress range the build reports to its QPromise/QFuture.
    static constexpr int kProgressMaximum = 1000;

    // Opens and maps `path`; no scanning yet. Fails when the file cannot be opened or
    // mapped, or is larger than kMaxFileSize. An empty file gives an index of 0 lines.
    static Result<std::shared_ptr<JsonlIndex>> open(const QString& path);

    // Starts build() on `pool` (the global pool when null) at low priority (ThreadPriority:
    // give it a pool of its own). The task keeps the index alive until it ends. Cancel
    // with QFuture::cancel(); the lines found so far remain.
    static QFuture<void> buildInBackground(
        const std::shared_ptr<JsonlIndex>& index, QThreadPool* pool = nullptr);

    // Scans the whole file on the calling thread, publishing lines in batches and
    // reporting progress in [0, kProgressMaximum]; stops early when `promise` is canceled
    // and pauses between batches while it is suspended (QFuture::suspend()).
    void build(QPromise<void>& promise);
    // Same without progress or cancellation, for the CLI and tests.
    void build();

    ~JsonlIndex();
    JsonlIndex(const JsonlIndex&) = delete;
    JsonlIndex& operator=(const JsonlIndex&) = delete;

    QString path() const { return m_path; }
    qint64 fileSize() const { return m_size; }

    // True once the scan reached the end of the file (not when it was canceled).
    bool isComplete() const { return m_complete.load(std::memory_order_acquire); }
    bool wasCanceled() const { return m_canceled.load(std::memory_order_acquire); }
    // Bytes scanned so far; fileSize() once complete.
    qint64 bytesScanned() const { return m_scanned.load(std::memory_order_acquire); }

    // Lines whose bounds are known so far; grows while the build runs. Once complete,
    // every line of the file: "a\nb" and "a\nb\n" have 2 lines, "a\n\n" has 2 (the
    // second empty), "" has 0.
    qint64 availableLines() const { return m_published.load(std::memory_order_acquire); }
    // Same as availableLines(); reads better once the index is known to be complete.
    qint64 lineCount() const { return availableLines(); }

    // Content of line `line` (0-based, < availableLines()), without its "\n" or "\r\n"
    // and without a leading BOM on line 0. A view into the mapping.
    std::string_view lineBytes(qint64 line) const;
    QByteArrayView lineView(qint64 line) const;
    // Raw bytes [from, to) of the mapped file (BOM and line ends included), for writers
    // that copy untouched stretches as they are. 0 <= from <= to <= fileSize().
    QByteArrayView fileBytes(qint64 from, qint64 to) const;
    // Byte offset of the first content byte of `line` (after the BOM for line 0), and
    // one past its last content byte.
    qint64 lineOffset(qint64 line) const;
    qint64 lineEndOffset(qint64 line) const;
    // True when the line has no content at all (a bare "\n" or "\r\n").
    bool isEmptyLine(qint64 line) const { return lineOffset(line) == lineEndOffset(line); }
    // True when the line ends in "\r\n".
    bool hasCrlf(qint64 line) const;

    // The line containing byte `offset` (a newline belongs to the line it ends; the BOM
    // to line 0), or -1 when the offset is outside the file or not indexed yet. O(log n).
    qint64 lineAt(qint64 offset) const;

    // The file starts with the UTF-8 byte order mark EF BB BF (skipped in line 0).
    bool hasBom() const { return m_bom; }

    // File offsets of the first bytes of invalid UTF-8 sequences (one per maximal
    // invalid subpart), ascending, at most kMaxUtf8Errors of them; grows while building.
    std::vector<qint64> utf8ErrorOffsets() const;
    qint64 utf8ErrorCount() const { return m_utf8ErrorCount.load(std::memory_order_acquire); }

    // Splits [0, availableLines()) into at most `parts` contiguous line ranges of about
    // equal byte size, for parallel validation. Each pair is [first, last + 1).
    std::vector<std::pair<qint64, qint64>> splitByBytes(int parts) const;

    // True when the file's size or modification time differs from when it was opened.
    bool changedOnDisk() const;

    // Drops the file's pages in [from, to) from this process's resident set after a
    // full pass over them (scan, search), so a multi-GB file does not count as resident
    // memory; they stay in the page cache and the views stay valid (they fault back in).
    void releasePages(qint64 from, qint64 to) const;

    // Heap bytes held by the index itself (not the mapping).
    qint64 memoryUsage() const;

private:
    JsonlIndex() = default;

    // Lines are stored as 40-bit start offsets, in fixed blocks so the storage never
    // moves while readers use it (the block table is sized for the worst case up front).
    static constexpr int kBlockBits = 16;
    static constexpr qint64 kBlockSize = qint64(1) << kBlockBits;
    struct Block
    {
        std::uint32_t low[kBlockSize];
        std::uint8_t high[kBlockSize];
    };

    qint64 startOf(qint64 line) const;
    void appendStart(qint64 offset);
    void publish(qint64 lines);
    void scan(const std::function<bool()>& canceled, const std::function<void(qint64)>& progress);
    void recordUtf8Errors(const unsigned char* data, qint64 begin, qint64 end);

    QString m_path;
    QFile m_file;
    const unsigned char* m_data = nullptr;
    qint64 m_size = 0;
    QDateTime m_modified;
    bool m_bom = false;

    std::vector<std::unique_ptr<Block>> m_blocks; // sized once in open(); never resized
    qint64 m_starts = 0; // starts written (builder thread only)
    std::atomic<qint64> m_published { 0 };
    std::atomic<qint64> m_scanned { 0 };
    std::atomic<bool> m_complete { false };
    std::atomic<bool> m_canceled { false };
    std::atomic<bool> m_building { false };

    mutable std::mutex m_utf8Mutex;
    std::vector<qint64> m_utf8Errors; // guarded by m_utf8Mutex
    std::atomic<qint64> m_utf8ErrorCount { 0 };
};

} // namespace tb
