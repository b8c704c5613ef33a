// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jsonleditoverlay.h"

#include "core/jsonlindex.h"

namespace tb {

void JsonlEditOverlay::setLine(qint64 line, const QByteArray& bytes)
{
    Q_ASSERT(line >= 0);
    Q_ASSERT(!bytes.contains('\n') && !bytes.contains('\r'));
    m_lines[line] = bytes;
}

void JsonlEditOverlay::revertLine(qint64 line)
{
    m_lines.erase(line);
}

QByteArrayView JsonlEditOverlay::lineView(const JsonlIndex& index, qint64 line) const
{
    const auto it = m_lines.find(line);
    return it != m_lines.end() ? QByteArrayView(it->second) : index.lineView(line);
}

std::optional<QByteArray> JsonlEditOverlay::editedLine(qint64 line) const
{
    const auto it = m_lines.find(line);
    return it != m_lines.end() ? std::optional<QByteArray>(it->second) : std::nullopt;
}

QByteArray JsonlEditOverlay::toSingleLine(QByteArray json)
{
    json.removeIf([](char c) { return c == '\n' || c == '\r'; });
    return json.trimmed();
}

} // namespace tb
