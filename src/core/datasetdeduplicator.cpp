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
    const Result<const TiktokenEncoding*> encoding
        = TiktokenEncoding::get(TiktokenEncoding::Encoding::Cl100kBase);
    if (!encoding)
        return encoding.error();
    ExampleValidator hasher(**encoding, 0);
    // hash -> first line with it; exact repeats are confirmed byte for byte.
    std::unordered_multimap<quint64, qint64> seen;
    return DatasetOutput::copyKept(index, outputPath, [&](qint64 line, std::string_view bytes) {
        quint64 exact = 0, normalized = 0;
        const bool object = hasher.hashLine(bytes, exact, normalized);
        const bool byShape = mode == Mode::Normalized && object;
        const quint64 key = byShape ? normalized : exact;
        const auto [first, last] = seen.equal_range(key);
        for (auto it = first; it != last; ++it) {
            if (byShape || index.lineBytes(it->second) == bytes)
                return false;
        }
        seen.emplace(key, line);
        return true;
    });
}

} // namespace tb
