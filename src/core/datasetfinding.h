// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One thing a dataset validator found wrong (or worth knowing) about a training file:
// which rule, how bad, where (line and JSON path), what, and how to fix it.

#include <QString>
#include <QtGlobal>
#include <optional>

namespace tb {

struct DatasetFinding
{
    enum class Severity { Error, Warning, Info };

    QString rule; // stable id, e.g. "missing_content" (the cookbook's names where it has one)
    Severity severity = Severity::Error;
    qint64 line = 0; // 1-based line of the file; 0 = about the whole file
    QString path; // JSON path inside the line, e.g. "messages[2].content"; may be empty
    QString message; // one sentence
    QString fix; // what to do about it; empty when there is no mechanical fix
    qint64 column = 0; // 1-based character column (JSON syntax errors only); 0 = unknown

    static QString severityName(Severity severity);
    static std::optional<Severity> severityFromName(QStringView name);
};

} // namespace tb
