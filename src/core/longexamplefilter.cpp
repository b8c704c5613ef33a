// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/longexamplefilter.h"

#include "core/datasetoutput.h"
#include "core/datasetreport.h"
#include "core/jsonlindex.h"

namespace tb {

Result<LongExampleFilter::Outcome> LongExampleFilter::run(
    const JsonlIndex& index, const std::vector<quint32>& lineTokens, qint64 limit, const QString& outputPath)
{
    if (qint64(lineTokens.size()) != index.lineCount())
        return Error::inFile(index.path(), QStringLiteral("the token counts do not match the file's lines"));
    return DatasetOutput::copyKept(index, outputPath, [&](qint64 line, std::string_view) {
        const quint32 tokens = lineTokens[std::size_t(line)];
        return tokens == DatasetReport::kNotCounted || qint64(tokens) <= limit;
    });
}

} // namespace tb
