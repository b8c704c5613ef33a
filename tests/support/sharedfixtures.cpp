// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sharedfixtures.h"

#include <QDir>
#include <QFileInfo>

namespace tb::test {

QString sourcePath(const QString& relative)
{
    return QDir(QStringLiteral(TUNEBENCH_SOURCE_DIR)).filePath(relative);
}

QString sharedPath(const QString& relative)
{
    const QString path = QDir(QStringLiteral(TUNEBENCH_SHARED_DIR)).filePath(relative);
    return QFileInfo::exists(path) ? QDir::cleanPath(path) : QString();
}

} // namespace tb::test
