// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A whole UTF-8 text file read for a parameter value ("load from file"), with the
// size and modification time it had, so a caller can remember the file instead of
// its content. Refuses files that are not UTF-8 with a sentence saying where.

#include "core/result.h"

#include <QDateTime>
#include <QFuture>
#include <QString>

class QThreadPool;

namespace tb {

class TextFile
{
public:
    struct Contents
    {
        QString path;
        QString text;
        qint64 size = 0;
        QDateTime modified;
    };

    // Files above this are refused: a prompt parameter of more is a mistake.
    static constexpr qint64 kMaximumSize = 32 * 1024 * 1024;

    static Result<Contents> read(const QString& path);
    // read() on `pool` (the global one when null).
    static QFuture<Result<Contents>> readInBackground(const QString& path, QThreadPool* pool = nullptr);
};

} // namespace tb
