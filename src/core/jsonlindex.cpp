// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jsonlindex.h"

#include "core/threadpriority.h"

#include <QFileInfo>
#include <QPromise>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cstring>
#include <simdjson.h>

#ifdef Q_OS_UNIX
#include <sys/mman.h>
#endif

namespace tb {

namespace {

// Scanned in segments small enough to stay in cache between the newline pass and
// the UTF-8 pass, and large enough that publishing a batch per segment is cheap.
constexpr qint64 kSegmentSize = qint64(1) << 20;
// madvise works on whole pages; 4 KiB divides every page size Linux uses for files.
constexpr qint64 kPageSize = 4096;

bool isContinuation(unsigned char byte)
{
    return (byte & 0xC0) == 0x80;
}

// Length of the valid UTF-8 sequence at `p` (1..4), or 0 when it is invalid; then
// `*subpart` is the length of its maximal invalid subpart (at least 1), so that one
// broken sequence counts as one error.
int utf8SequenceLength(const unsigned char* p, const unsigned char* end, int* subpart)
{
    const unsigned char lead = p[0];
    *subpart = 1;
    if (lead < 0x80)
        return 1;
    int need = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        need = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        need = 2;
        if (lead == 0xE0)
            low = 0xA0;
        else if (lead == 0xED)
            high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        need = 3;
        if (lead == 0xF0)
            low = 0x90;
        else if (lead == 0xF4)
            high = 0x8F;
    } else {
        return 0;
    }
    for (int i = 1; i <= need; ++i) {
        if (p + i >= end)
            return 0;
        const unsigned char byte = p[i];
        const unsigned char lo = i == 1 ? low : 0x80;
        const unsigned char hi = i == 1 ? high : 0xBF;
        if (byte < lo || byte > hi)
            return 0;
        *subpart = i + 1;
    }
    return need + 1;
}

} // namespace

Result<std::shared_ptr<JsonlIndex>> JsonlIndex::open(const QString& path)
{
    std::shared_ptr<JsonlIndex> index(new JsonlIndex);
    index->m_path = path;
    index->m_file.setFileName(path);
    if (!index->m_file.open(QIODevice::ReadOnly))
        return Error::inFile(path, QObject::tr("Cannot open the file: %1").arg(index->m_file.errorString()));
    const QFileInfo info(path);
    index->m_modified = info.lastModified();
    index->m_size = index->m_file.size();
    if (index->m_size > kMaxFileSize)
        return Error::inFile(path, QObject::tr("The file is larger than 1 TiB."));
    if (index->m_size > 0) {
        index->m_data = index->m_file.map(0, index->m_size);
        if (!index->m_data)
            return Error::inFile(
                path, QObject::tr("Cannot map the file into memory: %1").arg(index->m_file.errorString()));
    }
    // Every line start is a distinct offset below the size, plus one end sentinel.
    index->m_blocks.resize(std::size_t((index->m_size + 1) / kBlockSize + 1));
    index->m_bom = index->m_size >= 3 && index->m_data[0] == 0xEF && index->m_data[1] == 0xBB
        && index->m_data[2] == 0xBF;
    return index;
}

JsonlIndex::~JsonlIndex()
{
    if (m_data)
        m_file.unmap(const_cast<unsigned char*>(m_data));
}

QFuture<void> JsonlIndex::buildInBackground(const std::shared_ptr<JsonlIndex>& index, QThreadPool* pool)
{
    return ThreadPriority::runLowered<void>(
        pool, [index](QPromise<void>& promise) { index->build(promise); });
}

void JsonlIndex::build(QPromise<void>& promise)
{
    promise.setProgressRange(0, kProgressMaximum);
    scan([&promise] { return promise.isCanceled(); },
        [this, &promise](qint64 scanned) {
            promise.setProgressValue(
                m_size > 0 ? int(scanned * kProgressMaximum / m_size) : kProgressMaximum);
            // After a batch is published, so that a suspended build shows its rows.
            promise.suspendIfRequested();
        });
}

void JsonlIndex::build()
{
    scan([] { return false; }, [](qint64) {});
}

void JsonlIndex::scan(const std::function<bool()>& canceled, const std::function<void(qint64)>& progress)
{
    if (m_building.exchange(true))
        return;
#ifdef Q_OS_UNIX
    if (m_data)
        ::madvise(const_cast<unsigned char*>(m_data), std::size_t(m_size), MADV_SEQUENTIAL);
#endif
    const unsigned char* data = m_data;
    qint64 pos = m_bom ? 3 : 0;
    if (pos < m_size)
        appendStart(pos);
    qint64 released = 0;
    while (pos < m_size) {
        if (canceled()) {
            m_canceled.store(true, std::memory_order_release);
            return;
        }
        qint64 end = std::min(pos + kSegmentSize, m_size);
        // Cut before a lead byte so that no valid sequence straddles two segments.
        for (int back = 0; back < 3 && end < m_size && end - 1 > pos && isContinuation(data[end]); ++back)
            --end;
        const unsigned char* p = data + pos;
        const unsigned char* const segEnd = data + end;
        while (p < segEnd) {
            const void* hit = std::memchr(p, '\n', std::size_t(segEnd - p));
            if (!hit)
                break;
            const qint64 next = static_cast<const unsigned char*>(hit) - data + 1;
            if (next < m_size)
                appendStart(next);
            p = data + next;
        }
        const char* text = reinterpret_cast<const char*>(data + pos);
        if (!simdjson::validate_utf8(text, std::size_t(end - pos)))
            recordUtf8Errors(data, pos, end);
        pos = end;
        releasePages(released, pos);
        released = pos & ~(kPageSize - 1);
        // The last start's line is open until the next newline (or the end) is seen.
        publish(std::max<qint64>(0, m_starts - 1));
        m_scanned.store(pos, std::memory_order_release);
        progress(pos);
    }
    // The end sentinel closes the last line.
    if (m_starts > 0) {
        const qint64 lines = m_starts;
        appendStart(m_size);
        m_starts = lines;
        publish(lines);
    }
    m_scanned.store(m_size, std::memory_order_release);
    m_complete.store(true, std::memory_order_release);
    progress(m_size);
#ifdef Q_OS_UNIX
    if (m_data)
        ::madvise(const_cast<unsigned char*>(m_data), std::size_t(m_size), MADV_RANDOM);
#endif
}

void JsonlIndex::releasePages(qint64 from, qint64 to) const
{
#ifdef Q_OS_UNIX
    // Whole pages only; the mapping is shared and read-only, so its pages stay in the
    // page cache and fault back in on the next read.
    const qint64 begin = (from + kPageSize - 1) & ~(kPageSize - 1);
    const qint64 end = std::min(to, m_size) & ~(kPageSize - 1);
    if (m_data && end > begin)
        ::madvise(const_cast<unsigned char*>(m_data) + begin, std::size_t(end - begin), MADV_DONTNEED);
#else
    Q_UNUSED(from);
    Q_UNUSED(to);
#endif
}

void JsonlIndex::appendStart(qint64 offset)
{
    const qint64 i = m_starts++;
    auto& block = m_blocks[std::size_t(i >> kBlockBits)];
    if (!block)
        block = std::make_unique<Block>();
    const qint64 slot = i & (kBlockSize - 1);
    block->low[slot] = std::uint32_t(offset);
    block->high[slot] = std::uint8_t(offset >> 32);
}

void JsonlIndex::publish(qint64 lines)
{
    m_published.store(lines, std::memory_order_release);
}

qint64 JsonlIndex::startOf(qint64 line) const
{
    const Block& block = *m_blocks[std::size_t(line >> kBlockBits)];
    const qint64 slot = line & (kBlockSize - 1);
    return qint64(block.low[slot]) | (qint64(block.high[slot]) << 32);
}

void JsonlIndex::recordUtf8Errors(const unsigned char* data, qint64 begin, qint64 end)
{
    const unsigned char* p = data + begin;
    const unsigned char* const stop = data + end;
    std::vector<qint64> found;
    qint64 count = 0;
    while (p < stop) {
        if (*p < 0x80) {
            ++p;
            continue;
        }
        int subpart = 1;
        const int length = utf8SequenceLength(p, stop, &subpart);
        if (length > 0) {
            p += length;
            continue;
        }
        ++count;
        if (found.size() < std::size_t(kMaxUtf8Errors))
            found.push_back(p - data);
        p += subpart;
    }
    std::lock_guard lock(m_utf8Mutex);
    for (qint64 offset : found) {
        if (m_utf8Errors.size() >= std::size_t(kMaxUtf8Errors))
            break;
        m_utf8Errors.push_back(offset);
    }
    m_utf8ErrorCount.fetch_add(count, std::memory_order_release);
}

std::vector<qint64> JsonlIndex::utf8ErrorOffsets() const
{
    std::lock_guard lock(m_utf8Mutex);
    return m_utf8Errors;
}

qint64 JsonlIndex::lineOffset(qint64 line) const
{
    Q_ASSERT(line >= 0 && line < availableLines());
    return startOf(line);
}

qint64 JsonlIndex::lineEndOffset(qint64 line) const
{
    Q_ASSERT(line >= 0 && line < availableLines());
    const qint64 start = startOf(line);
    qint64 end = startOf(line + 1);
    if (end > start && m_data[end - 1] == '\n') {
        --end;
        if (end > start && m_data[end - 1] == '\r')
            --end;
    }
    return end;
}

bool JsonlIndex::hasCrlf(qint64 line) const
{
    Q_ASSERT(line >= 0 && line < availableLines());
    const qint64 start = startOf(line);
    const qint64 next = startOf(line + 1);
    return next - start >= 2 && m_data[next - 1] == '\n' && m_data[next - 2] == '\r';
}

std::string_view JsonlIndex::lineBytes(qint64 line) const
{
    const qint64 start = lineOffset(line);
    return { reinterpret_cast<const char*>(m_data) + start, std::size_t(lineEndOffset(line) - start) };
}

QByteArrayView JsonlIndex::lineView(qint64 line) const
{
    const std::string_view bytes = lineBytes(line);
    return QByteArrayView(bytes.data(), qsizetype(bytes.size()));
}

QByteArrayView JsonlIndex::fileBytes(qint64 from, qint64 to) const
{
    Q_ASSERT(0 <= from && from <= to && to <= m_size);
    return QByteArrayView(reinterpret_cast<const char*>(m_data) + from, qsizetype(to - from));
}

qint64 JsonlIndex::lineAt(qint64 offset) const
{
    const qint64 lines = availableLines();
    if (offset < 0 || offset >= m_size || lines == 0)
        return -1;
    // Largest line whose start is <= offset; the BOM belongs to line 0.
    qint64 lo = 0, hi = lines - 1;
    while (lo < hi) {
        const qint64 mid = lo + (hi - lo + 1) / 2;
        if (startOf(mid) <= offset)
            lo = mid;
        else
            hi = mid - 1;
    }
    return offset < startOf(lo + 1) ? lo : -1;
}

std::vector<std::pair<qint64, qint64>> JsonlIndex::splitByBytes(int parts) const
{
    std::vector<std::pair<qint64, qint64>> ranges;
    const qint64 lines = availableLines();
    if (lines == 0 || parts <= 0)
        return ranges;
    const qint64 first = startOf(0);
    const qint64 total = startOf(lines) - first;
    qint64 begin = 0;
    for (int part = 1; part <= parts && begin < lines; ++part) {
        qint64 end = lines;
        if (part < parts) {
            const qint64 target = first + total * part / parts;
            // First line starting at or after the target byte.
            qint64 lo = begin + 1, hi = lines;
            while (lo < hi) {
                const qint64 mid = lo + (hi - lo) / 2;
                if (startOf(mid) < target)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            end = lo;
        }
        ranges.emplace_back(begin, end);
        begin = end;
    }
    return ranges;
}

bool JsonlIndex::changedOnDisk() const
{
    const QFileInfo info(m_path);
    return !info.exists() || info.size() != m_size || info.lastModified() != m_modified;
}

qint64 JsonlIndex::memoryUsage() const
{
    const qint64 lines = availableLines();
    const qint64 blocks = lines == 0 ? 0 : (lines >> kBlockBits) + 1;
    return qint64(sizeof(*this)) + qint64(m_blocks.capacity() * sizeof(m_blocks[0]))
        + blocks * qint64(sizeof(Block));
}

} // namespace tb
