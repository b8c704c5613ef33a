// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/result.h"

namespace tb {

QString Error::toString() const
{
    QString where = file;
    if (line > 0) {
        where += (where.isEmpty() ? QString() : QStringLiteral(":")) + QString::number(line);
        if (column > 0)
            where += QStringLiteral(":") + QString::number(column);
    }
    QString text;
    if (!where.isEmpty())
        text = where + QStringLiteral(": ");
    if (!path.isEmpty())
        text += path + QStringLiteral(": ");
    return text + message;
}

Error Error::plain(const QString& message)
{
    Error error;
    error.message = message;
    return error;
}

Error Error::inFile(const QString& file, const QString& message)
{
    Error error;
    error.file = file;
    error.message = message;
    return error;
}

} // namespace tb
