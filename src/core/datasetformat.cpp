// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/datasetformat.h"

namespace tb {

QString datasetFormatName(DatasetFormat format)
{
    switch (format) {
    case DatasetFormat::Chat:
        return QStringLiteral("chat");
    case DatasetFormat::Legacy:
        return QStringLiteral("legacy");
    case DatasetFormat::Dpo:
        return QStringLiteral("dpo");
    case DatasetFormat::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

bool parseDatasetFormat(QStringView name, std::optional<DatasetFormat>& format)
{
    if (name == QLatin1String("auto")) {
        format.reset();
        return true;
    }
    for (DatasetFormat f : { DatasetFormat::Chat, DatasetFormat::Legacy, DatasetFormat::Dpo }) {
        if (name == datasetFormatName(f)) {
            format = f;
            return true;
        }
    }
    return false;
}

} // namespace tb
