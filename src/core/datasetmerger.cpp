// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/datasetmerger.h"

#include "core/datasetoutput.h"
#include "core/jsonlindex.h"

#include <QFileInfo>
#include <QHashFunctions>
#include <memory>
#include <unordered_map>

namespace tb {

namespace {

// How many lines pass between progress reports (and cancellation checks).
constexpr qint64 kProgressLines = 4096;

struct LineRef
{
    std::size_t file;
    qint64 line;
};

Status checkTarget(const QStringList& inputs, const QString& outputPath, bool replaceExisting)
{
    if (outputPath.isEmpty())
        return Error::inFile(QString(), QStringLiteral("no output file given"));
    const QFileInfo target(outputPath);
    for (const QString& input : inputs) {
        const QFileInfo source(input);
        if (source.exists() && target.exists() && source.canonicalFilePath() == target.canonicalFilePath())
            return Error::inFile(
                outputPath, QStringLiteral("is one of the files being merged; choose another output file"));
    }
    if (!replaceExisting)
        return DatasetOutput::checkNew(outputPath);
    return success();
}

} // namespace

Result<DatasetMerger::Outcome> DatasetMerger::run(
    const QStringList& inputs, const QString& outputPath, const Options& options, const Progress& progress)
{
    if (inputs.isEmpty())
        return Error::inFile(QString(), QStringLiteral("no files to merge"));
    if (const Status target = checkTarget(inputs, outputPath, options.replaceExisting); !target)
        return target.error();

    // Every input is mapped (not read) up front, so a missing file fails before writing and
    // an earlier file's lines stay available to confirm a repeat byte for byte.
    std::vector<std::shared_ptr<JsonlIndex>> indexes;
    qint64 total = 0;
    for (const QString& input : inputs) {
        Result<std::shared_ptr<JsonlIndex>> opened = JsonlIndex::open(input);
        if (!opened)
            return opened.error();
        total += (*opened)->fileSize();
        indexes.push_back(std::move(opened.value()));
    }

    DatasetOutput out(outputPath);
    if (const Status opened = out.open(); !opened)
        return opened.error();
    Outcome outcome;
    std::unordered_multimap<std::size_t, LineRef> seen; // line hash -> first line with it
    qint64 done = 0;
    for (std::size_t f = 0; f < indexes.size(); ++f) {
        JsonlIndex& index = *indexes[f];
        index.build();
        FileCount count;
        count.path = inputs.at(qsizetype(f));
        for (qint64 line = 0; line < index.lineCount(); ++line) {
            if (line % kProgressLines == 0 && progress && !progress(done + index.lineOffset(line), total))
                return Error::inFile(outputPath, QStringLiteral("merge stopped; nothing was written"));
            const std::string_view bytes = index.lineBytes(line);
            if (DatasetOutput::isBlank(bytes))
                continue;
            ++count.lines;
            if (options.dropDuplicates) {
                const std::size_t hash = qHash(QByteArrayView(bytes.data(), qsizetype(bytes.size())));
                bool repeat = false;
                const auto [first, last] = seen.equal_range(hash);
                for (auto it = first; it != last && !repeat; ++it)
                    repeat = indexes[it->second.file]->lineBytes(it->second.line) == bytes;
                if (repeat) {
                    ++count.duplicates;
                    continue;
                }
                seen.emplace(hash, LineRef { f, line });
            }
            out.writeLine(QByteArrayView(bytes.data(), qsizetype(bytes.size())));
            ++count.written;
        }
        done += index.fileSize();
        // A pass over a big input should not stay in this process's resident memory.
        index.releasePages(0, index.fileSize());
        outcome.written += count.written;
        outcome.duplicates += count.duplicates;
        outcome.files.push_back(std::move(count));
    }
    if (progress && !progress(total, total))
        return Error::inFile(outputPath, QStringLiteral("merge stopped; nothing was written"));
    if (const Status committed = out.commit(); !committed)
        return committed.error();
    return outcome;
}

} // namespace tb
