// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/datasetoutput.h"

#include "core/jsonlindex.h"

#include <QFileInfo>

namespace tb {

DatasetOutput::DatasetOutput(const QString& path)
    : m_path(path)
    , m_file(path)
{ }

Status DatasetOutput::checkInput(const JsonlIndex& index)
{
    if (!index.isComplete())
        return Error::inFile(index.path(), QStringLiteral("the file's line index is not complete"));
    return success();
}

Status DatasetOutput::checkNew(const QString& path)
{
    if (QFileInfo::exists(path))
        return Error::inFile(path, QStringLiteral("already exists; choose another output file"));
    return success();
}

bool DatasetOutput::isBlank(std::string_view line)
{
    return line.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
}

Result<DatasetOutput::Kept> DatasetOutput::copyKept(
    const JsonlIndex& index, const QString& outputPath, const KeepLine& keep)
{
    if (const Status input = checkInput(index); !input)
        return input.error();
    if (const Status target = checkNew(outputPath); !target)
        return target.error();
    DatasetOutput out(outputPath);
    if (const Status opened = out.open(); !opened)
        return opened.error();
    Kept counts;
    for (qint64 line = 0; line < index.lineCount(); ++line) {
        const std::string_view bytes = index.lineBytes(line);
        if (isBlank(bytes))
            continue;
        if (!keep(line, bytes)) {
            ++counts.removed;
            continue;
        }
        out.writeLine(bytes);
        ++counts.kept;
    }
    if (const Status committed = out.commit(); !committed)
        return committed.error();
    return counts;
}

Status DatasetOutput::open()
{
    if (!m_file.open(QIODevice::WriteOnly))
        return failure();
    return success();
}

void DatasetOutput::writeLine(QByteArrayView bytes)
{
    m_file.write(bytes.data(), bytes.size());
    m_file.write("\n", 1);
}

Status DatasetOutput::commit()
{
    if (!m_file.commit())
        return failure();
    return success();
}

Status DatasetOutput::failure() const
{
    return Error::inFile(m_path, m_file.errorString());
}

} // namespace tb
