// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Helpers shared by the benchmark executables, kept header-only so each bench stays
// a single translation unit with no extra library to link.

#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

namespace tb::bench {

// One "Key:   1234 kB" field of /proc/self/status in kB, or -1 where it is not
// available (not Linux, or the key is unknown): benches print memory, never fail on it.
inline qint64 statusKb(const char* key)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(key) + ':';
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray& line : lines) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace tb::bench
