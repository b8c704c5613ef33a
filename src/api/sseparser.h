// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Incremental text/event-stream parser (WHATWG "server-sent events"): feed it
// bytes as they arrive, split anywhere, and get back the complete events.

#include <QByteArray>
#include <QList>
#include <QString>

namespace tb {

struct SseEvent
{
    QString event; // "event:" field; empty means "message"
    QString data;  // "data:" lines joined with '\n'
    QString id;    // last "id:" seen (persists across events, as the spec says)

    bool isDone() const { return data.startsWith(QLatin1String("[DONE]")); }
    friend bool operator==(const SseEvent&, const SseEvent&) = default;
};

class SseParser
{
public:
    // Returns the events completed by this chunk, in order.
    QList<SseEvent> feed(const QByteArray& chunk);
    // End of stream: an event lacking its blank line is dropped (as browsers and
    // openai-python do). Returns true if something incomplete was discarded.
    bool finish();
    void reset();

private:
    void processLine(const QByteArray& line, QList<SseEvent>* out);

    QByteArray m_line;        // bytes of the current, unterminated line
    bool m_skipLf = false;    // previous chunk ended in CR: a leading LF belongs to it
    bool m_firstLine = true;  // strip a UTF-8 BOM once
    QString m_event;
    QString m_data;
    bool m_hasData = false;
    QString m_lastId;
    bool m_pending = false;   // a field was seen since the last dispatch
};

} // namespace tb
