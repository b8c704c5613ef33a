// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/datasetdeduplicator.h"

#include "core/datasetoutput.h"
#include "core/examplevalidator.h"
#include "core/jsonlindex.h"
#include "core/tiktokenencoding.h"

#include <unordered_map>

namespace tb {

Result<DatasetDeduplicator::Outcome> DatasetDeduplicator::run(
    const JsonlIndex& index, const QString& outputPath, Mode mode)
{
    if (const Status input = DatasetOutput::checkInput(index); !input)
        return input.error();
    if (const Status target = DatasetOutput::checkNew(outputPath); !target)
        return target.error();
    const Result<const TiktokenEncoding*> encoding
        = TiktokenEncoding::get(TiktokenEncoding::Encoding::Cl100kBase);
    if (!encoding)
        return encoding.error();
    ExampleValidator hasher(**encoding, 0);

    DatasetOutput out(outputPath);
    if (const Status opened = out.open(); !opened)
        return opened.error();
    Outcome outcome;
    // hash -> first line with it; exact repeats are confirmed byte for byte.
    std::unordered_multimap<quint64, qint64> seen;
    for (qint64 line = 0; line < index.lineCount(); ++line) {
        const std::string_view bytes = index.lineBytes(line);
        quint64 exact = 0, normalized = 0;
        const bool object = hasher.hashLine(bytes, exact, normalized);
        if (DatasetOutput::isBlank(bytes))
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
        out.writeLine(bytes);
        ++outcome.kept;
    }
    if (const Status committed = out.commit(); !committed)
        return committed.error();
    return outcome;
}

} // namespace tb
