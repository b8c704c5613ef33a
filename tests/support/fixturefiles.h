// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Test inputs written as numbered files (prefix1.jsonl, prefix2.jsonl, ...) in one
// temporary directory that is removed with this object.

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace tb {
class JsonlIndex;
}

namespace tb::test {

class FixtureFiles
{
public:
    explicit FixtureFiles(const QString& prefix, const QString& suffix = QStringLiteral(".jsonl"));

    // False when the temporary directory could not be created; check it in initTestCase().
    bool isValid() const;

    // Path of `name` inside the directory; the file is not created (e.g. for "missing" cases).
    QString filePath(const QString& name) const;

    // Writes `bytes` to the next numbered file and returns its path. A fixture that cannot be
    // written aborts the test run: every later check would be meaningless.
    QString write(const QByteArray& bytes);

    // Writes `bytes` as above and opens the file as a JsonlIndex, not yet built / built.
    std::shared_ptr<JsonlIndex> writeIndex(const QByteArray& bytes);
    std::shared_ptr<JsonlIndex> writeIndexed(const QByteArray& bytes);

private:
    QTemporaryDir m_dir;
    QString m_prefix;
    QString m_suffix;
    int m_counter = 0;
};

} // namespace tb::test
