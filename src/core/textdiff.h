// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Word-level differences between two texts (Myers' O(ND) shortest edit script over
// word, space and punctuation tokens), used to compare two runs' replies and requests.

#include <QList>
#include <QString>
#include <QStringList>

namespace tb {

class TextDiff
{
public:
    struct Segment
    {
        enum class Kind { Equal, Deleted, Inserted };
        Kind kind = Kind::Equal;
        QString text;

        friend bool operator==(const Segment& a, const Segment& b) { return a.kind == b.kind && a.text == b.text; }
    };

    // Beyond this many edits the middle of the texts is reported as replaced as a whole:
    // the search grows with the square of the edit count.
    static constexpr int kMaxEdits = 2000;

    // Tokens whose concatenation is `text`: runs of letters/digits, runs of whitespace,
    // and every other character on its own.
    static QStringList tokenize(const QString& text);

    // The edit script from `before` to `after`. Adjacent segments of one kind are merged;
    // in each changed stretch the deleted text comes before the inserted text, and spaces
    // between changed words belong to the change (so "a b" -> "x y" reads as one swap).
    static QList<Segment> compare(const QString& before, const QString& after);
    // The same over ready-made tokens.
    static QList<Segment> compareTokens(const QStringList& before, const QStringList& after);

    // The words (non-space tokens) of the segments of one kind, in order.
    static QStringList words(const QList<Segment>& segments, Segment::Kind kind);
    // The text on one side: Equal plus Deleted (before) or Equal plus Inserted (after).
    static QString side(const QList<Segment>& segments, Segment::Kind changed);
};

} // namespace tb
