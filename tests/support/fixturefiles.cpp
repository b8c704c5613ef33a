// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fixturefiles.h"

#include "core/jsonlindex.h"

#include <QFile>

namespace tb::test {

FixtureFiles::FixtureFiles(const QString& prefix, const QString& suffix)
    : m_prefix(prefix)
    , m_suffix(suffix)
{ }

bool FixtureFiles::isValid() const
{
    return m_dir.isValid();
}

QString FixtureFiles::filePath(const QString& name) const
{
    return m_dir.filePath(name);
}

QString FixtureFiles::write(const QByteArray& bytes)
{
    const QString path = m_dir.filePath(m_prefix + QString::number(++m_counter) + m_suffix);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write the fixture");
    return path;
}

std::shared_ptr<JsonlIndex> FixtureFiles::writeIndex(const QByteArray& bytes)
{
    auto index = JsonlIndex::open(write(bytes));
    if (!index.ok())
        qFatal("cannot open the fixture");
    return index.value();
}

std::shared_ptr<JsonlIndex> FixtureFiles::writeIndexed(const QByteArray& bytes)
{
    std::shared_ptr<JsonlIndex> index = writeIndex(bytes);
    index->build();
    return index;
}

} // namespace tb::test
