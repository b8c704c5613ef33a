// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jsonlsearch.h"

#include "core/jsonlindex.h"
#include "core/threadpriority.h"

#include <QPromise>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

namespace tb {

namespace {

// Bytes searched between two looks at cancellation and progress.
constexpr qint64 kStepBytes = qint64(4) << 20;
// Matches handed over at once; a batch is also flushed after every step.
constexpr std::size_t kBatchSize = 4096;

unsigned char foldAscii(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c - 'A' + 'a') : c;
}

// Boyer-Moore-Horspool with a 256-entry skip table over optionally ASCII-folded bytes
// (std::boyer_moore_horspool_searcher with a custom predicate falls back to a hash map).
class Searcher
{
public:
    Searcher(std::string_view pattern, bool fold)
        : m_fold(fold)
    {
        m_pattern.resize(pattern.size());
        for (std::size_t i = 0; i < pattern.size(); ++i)
            m_pattern[i] = map(static_cast<unsigned char>(pattern[i]));
        m_skip.fill(pattern.size());
        for (std::size_t i = 0; i + 1 < pattern.size(); ++i)
            m_skip[m_pattern[i]] = pattern.size() - 1 - i;
    }

    // Offset of the first match at or after `from`, or npos.
    std::size_t find(std::string_view text, std::size_t from) const
    {
        const std::size_t n = m_pattern.size();
        const auto* data = reinterpret_cast<const unsigned char*>(text.data());
        if (!m_fold && n == 1) {
            const void* hit
                = from < text.size() ? std::memchr(data + from, m_pattern[0], text.size() - from) : nullptr;
            return hit ? std::size_t(static_cast<const unsigned char*>(hit) - data) : std::string_view::npos;
        }
        const unsigned char last = m_pattern[n - 1];
        std::size_t pos = from;
        while (pos + n <= text.size()) {
            const unsigned char c = map(data[pos + n - 1]);
            if (c == last) {
                std::size_t i = 0;
                while (i + 1 < n && map(data[pos + i]) == m_pattern[i])
                    ++i;
                if (i + 1 == n)
                    return pos;
            }
            pos += m_skip[c];
        }
        return std::string_view::npos;
    }

private:
    unsigned char map(unsigned char c) const { return m_fold ? foldAscii(c) : c; }

    bool m_fold;
    std::vector<unsigned char> m_pattern;
    std::array<std::size_t, 256> m_skip {};
};

void searchAll(QPromise<JsonlSearch::Batch>& promise, const JsonlIndex& index, const Searcher& searcher)
{
    const qint64 total = std::max<qint64>(1, index.fileSize());
    JsonlSearch::Batch batch;
    qint64 line = 0;
    while (!promise.isCanceled()) {
        // Read completion before the count: when complete, the count is final.
        const bool complete = index.isComplete();
        const qint64 available = index.availableLines();
        if (line >= available) {
            if (complete || index.wasCanceled())
                break;
            QThread::msleep(5); // the index is still being built; wait for more lines
            continue;
        }
        const qint64 begin = index.lineOffset(line);
        qint64 endLine = index.lineAt(std::min(begin + kStepBytes, index.fileSize() - 1));
        endLine = endLine < 0 ? available : std::clamp<qint64>(endLine, line + 1, available);
        const qint64 end = index.lineEndOffset(endLine - 1);
        const std::string_view text(index.lineBytes(line).data(), std::size_t(end - begin));
        std::size_t from = 0;
        while (from < text.size()) {
            const std::size_t hit = searcher.find(text, from);
            if (hit == std::string_view::npos)
                break;
            const qint64 hitLine = index.lineAt(begin + qint64(hit));
            batch.push_back(hitLine);
            if (batch.size() >= kBatchSize) {
                promise.addResult(std::move(batch));
                batch = {};
            }
            if (hitLine + 1 >= endLine)
                break;
            from = std::size_t(index.lineOffset(hitLine + 1) - begin);
        }
        if (!batch.empty()) {
            promise.addResult(std::move(batch));
            batch = {};
        }
        index.releasePages(begin, end);
        line = endLine;
        promise.setProgressValue(int(end * 1000 / total));
    }
}

} // namespace

QFuture<JsonlSearch::Batch> JsonlSearch::start(std::shared_ptr<const JsonlIndex> index,
    const QByteArray& needle, Qt::CaseSensitivity sensitivity, QThreadPool* pool)
{
    return ThreadPriority::runLowered<Batch>(
        pool, [index = std::move(index), needle, sensitivity](QPromise<Batch>& promise) {
            run(promise, *index, needle, sensitivity);
        });
}

void JsonlSearch::run(QPromise<Batch>& promise, const JsonlIndex& index, const QByteArray& needle,
    Qt::CaseSensitivity sensitivity)
{
    promise.setProgressRange(0, 1000);
    if (needle.isEmpty() || needle.contains('\n'))
        return;
    const std::string_view pattern(needle.constData(), std::size_t(needle.size()));
    searchAll(promise, index, Searcher(pattern, sensitivity == Qt::CaseInsensitive));
    promise.setProgressValue(1000);
}

} // namespace tb
