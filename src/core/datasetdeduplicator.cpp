// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/datasetdeduplicator.h"

#include "core/examplevalidator.h"
#include "core/jsonlindex.h"
#include "core/tiktokenencoding.h"

#include <QFileInfo>
#include <QSaveFile>
#include <unordered_map>

namespace tb {

namespace {

Error failure(const QString& message, const QString& file = {})
{
    Error error;
    error.message = message;
    error.file = file;
    return error;
}

} // namespace

Result<DatasetDeduplicator::Outcome> DatasetDeduplicator::run(
    const JsonlIndex& index, const QString& outputPath, Mode mode)
{
    if (!index.isComplete())
        return failure(QStringLiteral("the file's line index is not complete"), index.path());
    if (QFileInfo::exists(outputPath))
        return failure(QStringLiteral("already exists; choose another output file"), outputPath);
    const Result<const TiktokenEncoding*> encoding
        = TiktokenEncoding::get(TiktokenEncoding::Encoding::Cl100kBase);
    if (!encoding)
        return encoding.error();
    ExampleValidator hasher(**encoding, 0);

    QSaveFile out(outputPath);
    if (!out.open(QIODevice::WriteOnly))
        return failure(out.errorString(), outputPath);
    Outcome outcome;
    // hash -> first line with it; exact repeats are confirmed byte for byte.
    std::unordered_multimap<quint64, qint64> seen;
    for (qint64 line = 0; line < index.lineCount(); ++line) {
        const std::string_view bytes = index.lineBytes(line);
        quint64 exact = 0, normalized = 0;
        const bool object = hasher.hashLine(bytes, exact, normalized);
        if (bytes.find_first_not_of(" \t\r\f\v") == std::string_view::npos)
            continue;
        const quint64 key = mode == Mode::Normalized && object ? normalized : exact;
        bool duplicate = false;
        const auto [first, last] = seen.equal_range(key);
        for (auto it = first; it != last && !duplicate; ++it)
            duplicate = mode == Mode::Normalized && object ? true : index.lineBytes(it->second) == bytes;
        if (duplicate) {
            ++outcome.removed;
            continue;
        }
        seen.emplace(key, line);
        out.write(bytes.data(), qint64(bytes.size()));
        out.write("\n", 1);
        ++outcome.kept;
    }
    if (!out.commit())
        return failure(out.errorString(), outputPath);
    return outcome;
}

} // namespace tb
