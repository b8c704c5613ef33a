// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Unsaved edits to a JSONL file as an overlay over its JsonlIndex: line -> new content.
// The file itself is never loaded; readers ask the overlay first, then the mapping.

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>
#include <map>
#include <optional>

namespace tb {

class JsonlIndex;

class JsonlEditOverlay
{
public:
    // Sets the content of 0-based `line` (without its line end; must hold no '\n' or '\r').
    void setLine(qint64 line, const QByteArray& bytes);
    // Drops the edit of `line`: the original shows again.
    void revertLine(qint64 line);
    void clear() { m_lines.clear(); }

    bool contains(qint64 line) const { return m_lines.count(line) > 0; }
    bool isEmpty() const { return m_lines.empty(); }
    qsizetype size() const { return qsizetype(m_lines.size()); }
    const std::map<qint64, QByteArray>& lines() const { return m_lines; }

    // The edited content of `line`, or the index's when it is not edited. The view lives
    // as long as the overlay entry (or the index) does.
    QByteArrayView lineView(const JsonlIndex& index, qint64 line) const;
    // The edited content of `line` (a shared copy, for a worker thread), or nullopt.
    std::optional<QByteArray> editedLine(qint64 line) const;

    // A record as one line: JSON text that parsed may be spread over lines (the user
    // formatted it); whitespace line breaks are dropped. Only call it on valid JSON, where
    // a raw line break can only be whitespace between tokens.
    static QByteArray toSingleLine(QByteArray json);

private:
    std::map<qint64, QByteArray> m_lines; // ordered: the rewriter walks it with the file
};

} // namespace tb
