// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Turns one JSONL line into what the dataset detail pane shows: the example as a
// conversation (rich text bubbles) and its raw JSON, with a parse error located.
// Pure and thread-safe, so long lines are rendered on the thread pool.

#include <QByteArrayView>
#include <QString>

namespace tb {

struct DatasetDetail
{
    qint64 line = -1; // 0-based
    QString conversationHtml; // for a QTextBrowser
    QString rawText; // pretty-printed JSON, or the line as is when invalid
    QString errorText; // empty when the line is valid JSON
    int errorPosition = -1; // character index of the error in rawText, or -1
    int errorColumn = 0; // 1-based byte column of the error in the line, or 0
    bool truncated = false; // rawText or the conversation was cut for size
};

class DatasetDetailRenderer
{
public:
    // Longer text is cut, since laying it out would stall the GUI thread: the raw text
    // in all and per line (an invalid line shows a window around its error), each
    // message's content, and the conversation's text in all.
    static constexpr qsizetype kMaxRawChars = 256 * 1024;
    static constexpr qsizetype kMaxRawLineChars = 8 * 1024;
    static constexpr qsizetype kMaxContentChars = 8 * 1024;
    static constexpr qsizetype kMaxConversationChars = 20 * 1024;

    static DatasetDetail render(qint64 line, QByteArrayView bytes);
};

} // namespace tb
