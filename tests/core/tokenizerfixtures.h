// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reads tests/core/data/tokenizer-cases.jsonl (made by tools/gen-token-fixtures.mjs from
// the npm package `tiktoken`), plus the file named by TB_TOKENIZER_EXTRA_CASES if set.

#include "sharedfixtures.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <cstdint>
#include <vector>

namespace tb::test {

inline QList<QJsonObject> readTokenizerCases()
{
    QStringList files { sourcePath(QStringLiteral("tests/core/data/tokenizer-cases.jsonl")) };
    const QString extra = qEnvironmentVariable("TB_TOKENIZER_EXTRA_CASES");
    if (!extra.isEmpty())
        files << extra;
    QList<QJsonObject> cases;
    for (const QString& path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot open tokenizer fixture %s", qPrintable(path));
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (!line.isEmpty())
                cases << QJsonDocument::fromJson(line).object();
        }
    }
    return cases;
}

inline std::vector<std::uint32_t> toIds(const QJsonArray& array)
{
    std::vector<std::uint32_t> ids;
    ids.reserve(std::size_t(array.size()));
    for (const QJsonValue& v : array)
        ids.push_back(std::uint32_t(v.toInteger()));
    return ids;
}

} // namespace tb::test
