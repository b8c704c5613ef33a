// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/datasetfinding.h"

namespace tb {

QString DatasetFinding::severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        return QStringLiteral("info");
    }
    return {};
}

std::optional<DatasetFinding::Severity> DatasetFinding::severityFromName(QStringView name)
{
    for (Severity s : { Severity::Error, Severity::Warning, Severity::Info }) {
        if (name == severityName(s))
            return s;
    }
    return std::nullopt;
}

} // namespace tb
