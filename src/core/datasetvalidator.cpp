// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/datasetvalidator.h"

#include "core/examplevalidator.h"
#include "core/jsonlindex.h"
#include "core/legacyprepare.h"
#include "core/threadpriority.h"

#include <QLocale>
#include <QPromise>
#include <QThreadPool>
#include <QtConcurrent>
#include <algorithm>
#include <atomic>
#include <mutex>

namespace tb {

namespace {

// What the file-wide pass needs of one line, kept small: a few bytes per line.
struct LineStats
{
    quint64 exactHash = 0;
    quint64 normalizedHash = 0;
    quint32 tokens = 0;
    quint32 assistantTokens = 0;
    quint16 messages = 0;
    bool empty = false;
    bool parsedObject = false;
    bool counted = false;
    bool valid = false;
    bool missingSystem = false;
    bool missingUser = false;
    quint8 flags = 0; // DatasetReport::LineFlag
};

struct Chunk
{
    qint64 first = 0;
    qint64 end = 0;
    bool done = false;
    std::vector<LineStats> lines;
    std::vector<DatasetFinding> findings;
    RoleTokens roleTokens {};
    std::vector<DatasetReport::LongExample> longExamples;
};

quint32 clamp32(qint64 v)
{
    return quint32(std::min<qint64>(v, 0xFFFFFFFFLL));
}

} // namespace

DatasetValidator::DatasetValidator(Options options, QThreadPool* pool)
    : m_options(options)
    , m_pool(pool ? pool : QThreadPool::globalInstance())
{ }

DatasetFormat DatasetValidator::detectFileFormat(
    const JsonlIndex& index, const TiktokenEncoding& encoding) const
{
    // The majority of the first lines that have a recognizable shape.
    constexpr int kSample = 200;
    ExampleValidator validator(encoding, m_options.maxTokensPerExample);
    int counts[4] = { 0, 0, 0, 0 };
    DatasetFormat firstSeen = DatasetFormat::Unknown;
    int seen = 0;
    for (qint64 line = 0; line < index.lineCount() && seen < kSample; ++line) {
        const DatasetFormat f = validator.detect(index.lineBytes(line));
        if (f == DatasetFormat::Unknown)
            continue;
        if (firstSeen == DatasetFormat::Unknown)
            firstSeen = f;
        ++counts[int(f)];
        ++seen;
    }
    DatasetFormat best = firstSeen;
    for (DatasetFormat f : { DatasetFormat::Chat, DatasetFormat::Legacy, DatasetFormat::Dpo }) {
        if (counts[int(f)] > counts[int(best)])
            best = f;
    }
    return best;
}

bool DatasetValidator::addLegacyAnalysis(
    const JsonlIndex& index, DatasetReport& report, QPromise<DatasetReport>* promise) const
{
    const qint64 memory = legacyAnalysisMemory(index.fileSize(), index.lineCount());
    if (memory > m_options.maxLegacyAnalysisMemory) {
        DatasetFinding skipped;
        skipped.rule = QStringLiteral("legacy_analysis_skipped");
        skipped.severity = DatasetFinding::Severity::Info;
        skipped.message = QStringLiteral(
            "the prepare_data analysis (common prefixes and suffixes, classification, time estimate) "
            "was skipped: it would need about %1 of memory for this file")
                              .arg(QLocale::c().formattedDataSize(memory, 1));
        skipped.fix
            = QStringLiteral("Run Prepare for Fine-Tuning (or `tunebench prepare`) to analyze it anyway.");
        report.addFinding(std::move(skipped));
        return true;
    }
    if (promise)
        promise->setProgressValue(kLegacyAnalysisProgress);
    const LegacyPrepare::Analysis analysis
        = LegacyPrepare().analyze(index.path(), [promise] { return promise && promise->isCanceled(); });
    if (analysis.canceled)
        return false;
    for (DatasetFinding finding : analysis.findings())
        report.addFinding(std::move(finding));
    return true;
}

DatasetReport DatasetValidator::validate(const JsonlIndex& index, QPromise<DatasetReport>* promise) const
{
    DatasetReport report;
    report.file = index.path();
    report.encoding = TiktokenEncoding::name(m_options.encoding);
    report.maxTokensPerExample = m_options.maxTokensPerExample;
    if (!index.isComplete()) {
        report.failure = QStringLiteral("the file's line index is not complete");
        return report;
    }
    const Result<const TiktokenEncoding*> encoding = TiktokenEncoding::get(m_options.encoding);
    if (!encoding) {
        report.failure = encoding.error().toString();
        return report;
    }
    const TiktokenEncoding& tokenizer = **encoding;
    report.lines = index.lineCount();
    report.format = m_options.format ? *m_options.format : detectFileFormat(index, tokenizer);

    // Many more chunks than threads: they balance uneven lines and give smooth progress.
    const int threads = std::max(1, m_options.threads > 0 ? m_options.threads : m_pool->maxThreadCount());
    std::vector<Chunk> chunks;
    for (const auto& [first, end] : index.splitByBytes(threads * 32)) {
        Chunk chunk;
        chunk.first = first;
        chunk.end = end;
        chunks.push_back(std::move(chunk));
    }
    if (promise)
        promise->setProgressRange(0, kProgressMaximum);

    std::atomic<std::size_t> nextChunk { 0 };
    std::atomic<qint64> linesDone { 0 };
    std::atomic<bool> canceled { false };
    std::mutex progressMutex;
    int lastProgress = -1;
    const qint64 totalLines = std::max<qint64>(1, report.lines);
    ExampleValidator::Context base;
    base.fileFormat = report.format;
    base.formatForced = m_options.format.has_value();

    const auto work = [&] {
        ExampleValidator validator(tokenizer, m_options.maxTokensPerExample);
        for (;;) {
            const std::size_t c = nextChunk.fetch_add(1);
            if (c >= chunks.size() || canceled.load(std::memory_order_relaxed))
                return;
            if (promise && promise->isCanceled()) {
                canceled = true;
                return;
            }
            Chunk& chunk = chunks[c];
            chunk.lines.resize(std::size_t(chunk.end - chunk.first));
            for (qint64 line = chunk.first; line < chunk.end; ++line) {
                if (((line - chunk.first) & 255) == 255 && promise && promise->isCanceled()) {
                    canceled = true;
                    return;
                }
                ExampleValidator::Context context = base;
                context.lineNumber = line + 1;
                context.fileOffset = index.lineOffset(line);
                ExampleResult result = validator.validate(index.lineBytes(line), context);
                LineStats& stats = chunk.lines[std::size_t(line - chunk.first)];
                stats.exactHash = result.exactHash;
                stats.normalizedHash = result.normalizedHash;
                stats.tokens = clamp32(result.tokens);
                stats.assistantTokens = clamp32(result.assistantTokens);
                stats.messages = quint16(std::min(result.messages, 0xFFFF));
                stats.empty = result.empty;
                stats.parsedObject = result.normalizedHash != 0;
                stats.counted = result.counted;
                stats.valid = result.valid;
                stats.missingSystem = result.missingSystem;
                stats.missingUser = result.missingUser;
                for (DatasetFinding& f : result.findings) {
                    stats.flags |= DatasetReport::flagOf(f.severity);
                    chunk.findings.push_back(std::move(f));
                }
                if (result.counted && !result.empty) {
                    for (std::size_t r = 0; r < kTokenRoleCount; ++r)
                        chunk.roleTokens[r] += result.roleTokens[r];
                    if (result.tokens > DatasetReport::kLongExampleTokens)
                        chunk.longExamples.push_back({ line + 1, result.tokens });
                }
            }
            chunk.done = true;
            const qint64 done = linesDone.fetch_add(chunk.end - chunk.first) + (chunk.end - chunk.first);
            if (promise) {
                const int value = int(done * kProgressMaximum / totalLines);
                std::lock_guard lock(progressMutex);
                if (value > lastProgress) {
                    lastProgress = value;
                    promise->setProgressValue(std::min(value, kLegacyAnalysisProgress - 1));
                }
            }
        }
    };
    // The calling thread works too, so this never waits on a pool that is busy elsewhere.
    // The helpers run at its priority: low in the background, normal for the CLI.
    const bool lowered = ThreadPriority::isCurrentThreadLowered();
    QList<QFuture<void>> helpers;
    for (int i = 1; i < threads && std::size_t(i) < chunks.size(); ++i) {
        helpers.append(QtConcurrent::run(m_pool, [&work, lowered] {
            if (lowered)
                ThreadPriority::lowerCurrentThread();
            work();
        }));
    }
    work();
    for (QFuture<void>& helper : helpers)
        helper.waitForFinished();
    if (canceled || (promise && promise->isCanceled())) {
        report.canceled = true;
        return report;
    }

    // Merge in line order.
    if (index.hasBom()) {
        DatasetFinding bom;
        bom.rule = QStringLiteral("utf8_bom");
        bom.severity = DatasetFinding::Severity::Warning;
        bom.line = 1;
        bom.message = QStringLiteral("the file starts with a UTF-8 byte order mark");
        bom.fix = QStringLiteral("Save the file as UTF-8 without BOM.");
        report.addFinding(bom);
    }
    std::vector<DatasetFinding> fileFindings;
    std::vector<std::pair<quint64, qint64>> byHash; // (normalized hash, line)
    std::vector<qint64> tokens, assistant, messages;
    auto lineTokens
        = std::make_shared<std::vector<quint32>>(std::size_t(report.lines), DatasetReport::kNotCounted);
    auto lineFlags = std::make_shared<std::vector<quint8>>(std::size_t(report.lines), quint8(0));
    if (index.hasBom() && report.lines > 0)
        (*lineFlags)[0] |= DatasetReport::LineHasWarning;
    report.shortTokenCounts.assign(std::size_t(DatasetReport::kLongExampleTokens) + 1, 0);
    for (const Chunk& chunk : chunks) {
        for (std::size_t r = 0; r < kTokenRoleCount; ++r)
            report.roleTokens[r] += chunk.roleTokens[r];
        report.longExamples.insert(
            report.longExamples.end(), chunk.longExamples.begin(), chunk.longExamples.end());
        for (std::size_t i = 0; i < chunk.lines.size(); ++i) {
            const LineStats& s = chunk.lines[i];
            const auto line = std::size_t(chunk.first) + i;
            (*lineFlags)[line] = s.flags;
            if (s.counted)
                (*lineTokens)[line] = std::min(s.tokens, DatasetReport::kNotCounted - 1);
            if (s.empty)
                continue;
            ++report.examples;
            if (s.valid)
                ++report.validExamples;
            if (s.parsedObject)
                byHash.emplace_back(s.normalizedHash, chunk.first + qint64(i));
            if (!s.counted)
                continue;
            report.missingSystem += s.missingSystem;
            report.missingUser += s.missingUser;
            tokens.push_back(s.tokens);
            assistant.push_back(s.assistantTokens);
            messages.push_back(s.messages);
            report.totalTokens += s.tokens;
            report.assistantTokens += s.assistantTokens;
            report.maxTokens = std::max<qint64>(report.maxTokens, s.tokens);
            if (s.tokens <= DatasetReport::kLongExampleTokens)
                ++report.shortTokenCounts[s.tokens]; // the longer ones are in longExamples
            if (s.tokens > quint32(m_options.maxTokensPerExample))
                ++report.tooLong;
            report.billingTokens += std::min<qint64>(m_options.maxTokensPerExample, s.tokens);
        }
    }
    while (!report.shortTokenCounts.empty() && report.shortTokenCounts.back() == 0)
        report.shortTokenCounts.pop_back();
    report.shortTokenCounts.shrink_to_fit();
    // Exact and whitespace-normalised duplicates, each pointing at its first occurrence.
    std::sort(byHash.begin(), byHash.end());
    const auto statsOf = [&](qint64 line) -> const LineStats& {
        const auto chunk = std::upper_bound(
            chunks.begin(), chunks.end(), line, [](qint64 l, const Chunk& c) { return l < c.first; });
        const Chunk& c = *(chunk - 1);
        return c.lines[std::size_t(line - c.first)];
    };
    for (std::size_t i = 0; i < byHash.size();) {
        std::size_t j = i + 1;
        while (j < byHash.size() && byHash[j].first == byHash[i].first)
            ++j;
        const qint64 original = byHash[i].second;
        for (std::size_t k = i + 1; k < j; ++k) {
            const qint64 line = byHash[k].second;
            DatasetFinding f;
            f.severity = DatasetFinding::Severity::Warning;
            f.line = line + 1;
            f.fix = QStringLiteral("Remove the duplicate.");
            if (statsOf(line).exactHash == statsOf(original).exactHash) {
                f.rule = QStringLiteral("duplicate_example");
                f.message = QStringLiteral("same as line %1").arg(original + 1);
            } else {
                f.rule = QStringLiteral("near_duplicate_example");
                f.message
                    = QStringLiteral("same as line %1 apart from whitespace or key order").arg(original + 1);
            }
            fileFindings.push_back(std::move(f));
        }
        i = j;
    }
    std::sort(fileFindings.begin(), fileFindings.end(),
        [](const DatasetFinding& a, const DatasetFinding& b) { return a.line < b.line; });
    for (const DatasetFinding& f : fileFindings) {
        if (f.line > 0 && f.line <= report.lines)
            (*lineFlags)[std::size_t(f.line - 1)] |= DatasetReport::flagOf(f.severity);
    }
    report.lineTokens = std::move(lineTokens);
    report.lineFlags = std::move(lineFlags);
    // Interleave the per-line findings (already in line order) with the file-wide ones.
    auto extra = fileFindings.begin();
    for (Chunk& chunk : chunks) {
        for (DatasetFinding& f : chunk.findings) {
            while (extra != fileFindings.end() && extra->line < f.line)
                report.addFinding(std::move(*extra++));
            report.addFinding(std::move(f));
        }
        std::vector<DatasetFinding>().swap(chunk.findings);
    }
    while (extra != fileFindings.end())
        report.addFinding(std::move(*extra++));

    report.messagesPerExample = CountDistribution::of(messages);
    report.tokensPerExample = CountDistribution::of(tokens);
    report.assistantTokensPerExample = CountDistribution::of(assistant);
    report.epochs = FineTuneLimits::defaultEpochs(report.examples);

    if (report.format == DatasetFormat::Legacy && m_options.legacyAnalysis
        && !addLegacyAnalysis(index, report, promise)) {
        report.canceled = true;
        return report;
    }
    if (promise)
        promise->setProgressValue(kProgressMaximum);
    return report;
}

QFuture<DatasetReport> DatasetValidator::validateInBackground(
    std::shared_ptr<JsonlIndex> index, Options options, QThreadPool* pool)
{
    return ThreadPriority::runLowered<DatasetReport>(
        pool, [index = std::move(index), options, pool](QPromise<DatasetReport>& promise) {
            DatasetReport report = DatasetValidator(options, pool).validate(*index, &promise);
            promise.addResult(std::move(report));
        });
}

DatasetReport DatasetValidator::validateFile(const QString& path, Options options)
{
    Result<std::shared_ptr<JsonlIndex>> index = JsonlIndex::open(path);
    if (!index) {
        DatasetReport report;
        report.file = path;
        report.failure = index.error().toString();
        return report;
    }
    (*index)->build();
    return DatasetValidator(options).validate(**index);
}

} // namespace tb
