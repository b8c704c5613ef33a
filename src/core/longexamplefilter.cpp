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
    if (const Status input = DatasetOutput::checkInput(index); !input)
        return input.error();
    if (qint64(lineTokens.size()) != index.lineCount())
        return Error::inFile(index.path(), QStringLiteral("the token counts do not match the file's lines"));
    if (const Status target = DatasetOutput::checkNew(outputPath); !target)
        return target.error();
    DatasetOutput out(outputPath);
    if (const Status opened = out.open(); !opened)
        return opened.error();
    Outcome outcome;
    for (qint64 line = 0; line < index.lineCount(); ++line) {
        const std::string_view bytes = index.lineBytes(line);
        if (DatasetOutput::isBlank(bytes))
            continue;
        const quint32 tokens = lineTokens[std::size_t(line)];
        if (tokens != DatasetReport::kNotCounted && qint64(tokens) > limit) {
            ++outcome.removed;
            continue;
        }
        out.writeLine(bytes);
        ++outcome.kept;
    }
    if (const Status committed = out.commit(); !committed)
        return committed.error();
    return outcome;
}

} // namespace tb
