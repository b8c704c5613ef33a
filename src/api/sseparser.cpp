// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sseparser.h"

namespace tb {

QList<SseEvent> SseParser::feed(const QByteArray& chunk)
{
    QList<SseEvent> events;
    qsizetype start = 0;
    const qsizetype size = chunk.size();
    if (m_skipLf && size > 0) {
        if (chunk.at(0) == '\n')
            start = 1;
        m_skipLf = false;
    }
    for (qsizetype i = start; i < size; ++i) {
        const char c = chunk.at(i);
        if (c != '\r' && c != '\n')
            continue;
        m_line.append(chunk.constData() + start, i - start);
        processLine(m_line, &events);
        m_line.clear();
        if (c == '\r') {
            if (i + 1 < size) {
                if (chunk.at(i + 1) == '\n')
                    ++i;
            } else {
                m_skipLf = true; // CRLF may be split across chunks
            }
        }
        start = i + 1;
    }
    if (start < size)
        m_line.append(chunk.constData() + start, size - start);
    return events;
}

void SseParser::processLine(const QByteArray& rawLine, QList<SseEvent>* out)
{
    QByteArray line = rawLine;
    if (m_firstLine) {
        m_firstLine = false;
        if (line.startsWith("\xEF\xBB\xBF"))
            line.remove(0, 3);
    }
    if (line.isEmpty()) {
        if (m_hasData) {
            SseEvent event;
            event.event = m_event;
            event.data = m_data;
            event.id = m_lastId;
            out->append(event);
        }
        m_event.clear();
        m_data.clear();
        m_hasData = false;
        m_pending = false;
        return;
    }
    if (line.startsWith(':'))
        return; // comment / keep-alive
    m_pending = true;
    const qsizetype colon = line.indexOf(':');
    QByteArray field = colon < 0 ? line : line.left(colon);
    QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
    if (value.startsWith(' '))
        value.remove(0, 1);
    if (field == "data") {
        if (m_hasData)
            m_data.append(QLatin1Char('\n'));
        m_data.append(QString::fromUtf8(value));
        m_hasData = true;
    } else if (field == "event") {
        m_event = QString::fromUtf8(value);
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastId = QString::fromUtf8(value);
    }
    // "retry" and unknown fields are ignored.
}

bool SseParser::finish()
{
    const bool discarded = m_pending || !m_line.isEmpty();
    const QString lastId = m_lastId;
    reset();
    m_lastId = lastId;
    return discarded;
}

void SseParser::reset()
{
    m_line.clear();
    m_skipLf = false;
    m_firstLine = true;
    m_event.clear();
    m_data.clear();
    m_hasData = false;
    m_lastId.clear();
    m_pending = false;
}

} // namespace tb
