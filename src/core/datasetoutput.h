// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The new JSONL file a dataset tool (dedupe, split, convert) writes from an indexed input:
// never a file that exists already, and all of it or nothing (a QSaveFile underneath).

#include "core/result.h"

#include <QSaveFile>
#include <QString>
#include <functional>
#include <string_view>

namespace tb {

class JsonlIndex;

class DatasetOutput
{
public:
    explicit DatasetOutput(const QString& path);

    // The tools read every line, so the index must be complete first.
    static Status checkInput(const JsonlIndex& index);
    // The input is never overwritten: an output must not exist yet.
    static Status checkNew(const QString& path);
    // Lines of only whitespace, which every tool leaves out.
    static bool isBlank(std::string_view line);

    // Lines a filtering tool kept and left out (blank lines are neither).
    struct Kept
    {
        qint64 kept = 0;
        qint64 removed = 0;
    };
    // Writes the non-blank lines of `index` that `keep(line, bytes)` accepts, in order, to
    // the new file `outputPath`: the body of every tool that only leaves lines out.
    using KeepLine = std::function<bool(qint64 line, std::string_view bytes)>;
    static Result<Kept> copyKept(const JsonlIndex& index, const QString& outputPath, const KeepLine& keep);

    Status open();
    void writeLine(QByteArrayView bytes);
    Status commit();

private:
    Status failure() const;

    QString m_path;
    QSaveFile m_file;
};

} // namespace tb
