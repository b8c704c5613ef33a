// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/textdiff.h"

#include <vector>

namespace tb {

namespace {

using Kind = TextDiff::Segment::Kind;

bool isSpace(const QString& token)
{
    return !token.isEmpty() && token.trimmed().isEmpty();
}

void push(QList<TextDiff::Segment>& out, Kind kind, const QString& text)
{
    if (text.isEmpty())
        return;
    if (!out.isEmpty() && out.last().kind == kind)
        out.last().text += text;
    else
        out.append({kind, text});
}

// One token-level edit; the script is built backwards and reversed once.
struct Edit
{
    Kind kind;
    qsizetype token; // index into before (Equal, Deleted) or after (Inserted)
};

// Myers' greedy forward search, keeping each round's furthest-reaching diagonals for the
// walk back. Returns false when more than kMaxEdits edits would be needed.
bool myers(const QStringList& a, qsizetype aBegin, qsizetype n, const QStringList& b, qsizetype bBegin, qsizetype m,
           std::vector<Edit>& script)
{
    const qsizetype maxD = std::min<qsizetype>(n + m, TextDiff::kMaxEdits);
    // v[k + offset]: furthest x on diagonal k (x - y = k) after the previous round.
    const qsizetype offset = maxD + 1;
    std::vector<qsizetype> v(size_t(2 * offset + 1), 0);
    std::vector<std::vector<qsizetype>> trace; // round d keeps v[-d-1 .. d+1] as it was before round d
    qsizetype found = -1;
    for (qsizetype d = 0; d <= maxD && found < 0; ++d) {
        trace.emplace_back(v.begin() + (offset - d - 1), v.begin() + (offset + d + 2));
        for (qsizetype k = -d; k <= d; k += 2) {
            qsizetype x = (k == -d || (k != d && v[size_t(offset + k - 1)] < v[size_t(offset + k + 1)]))
                              ? v[size_t(offset + k + 1)]     // down: insert b[y]
                              : v[size_t(offset + k - 1)] + 1; // right: delete a[x]
            qsizetype y = x - k;
            while (x < n && y < m && a.at(aBegin + x) == b.at(bBegin + y)) {
                ++x;
                ++y;
            }
            v[size_t(offset + k)] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
    }
    if (found < 0)
        return false;

    qsizetype x = n;
    qsizetype y = m;
    for (qsizetype d = found; d >= 0; --d) {
        const std::vector<qsizetype>& before = trace[size_t(d)];
        auto at = [&](qsizetype k) { return before[size_t(k + d + 1)]; };
        const qsizetype k = x - y;
        const qsizetype previousK = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
        const qsizetype previousX = d == 0 ? 0 : at(previousK);
        const qsizetype previousY = d == 0 ? 0 : previousX - previousK;
        while (x > previousX && y > previousY) {
            --x;
            --y;
            script.push_back({Kind::Equal, aBegin + x});
        }
        if (d == 0)
            break;
        if (x == previousX)
            script.push_back({Kind::Inserted, bBegin + previousY});
        else
            script.push_back({Kind::Deleted, aBegin + previousX});
        x = previousX;
        y = previousY;
    }
    return true;
}

} // namespace

QStringList TextDiff::tokenize(const QString& text)
{
    QStringList tokens;
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        qsizetype end = i + 1;
        if (c.isLetterOrNumber() || c.isHighSurrogate()) {
            while (end < text.size() && (text.at(end).isLetterOrNumber() || text.at(end).isSurrogate()
                                         || text.at(end).isMark()))
                ++end;
        } else if (c.isSpace()) {
            while (end < text.size() && text.at(end).isSpace())
                ++end;
        }
        tokens.append(text.mid(i, end - i));
        i = end;
    }
    return tokens;
}

QList<TextDiff::Segment> TextDiff::compare(const QString& before, const QString& after)
{
    return compareTokens(tokenize(before), tokenize(after));
}

QList<TextDiff::Segment> TextDiff::compareTokens(const QStringList& before, const QStringList& after)
{
    // The common ends cost nothing to find and shrink the search.
    qsizetype prefix = 0;
    while (prefix < before.size() && prefix < after.size() && before.at(prefix) == after.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < before.size() - prefix && suffix < after.size() - prefix
           && before.at(before.size() - 1 - suffix) == after.at(after.size() - 1 - suffix))
        ++suffix;
    const qsizetype n = before.size() - prefix - suffix;
    const qsizetype m = after.size() - prefix - suffix;

    std::vector<Edit> script;
    if (!myers(before, prefix, n, after, prefix, m, script)) {
        script.clear();
        for (qsizetype j = m - 1; j >= 0; --j)
            script.push_back({Kind::Inserted, prefix + j});
        for (qsizetype i = n - 1; i >= 0; --i)
            script.push_back({Kind::Deleted, prefix + i});
    }

    // Walk forwards, gathering each changed stretch (with the spaces inside it) into
    // one deleted and one inserted piece.
    QList<Segment> segments;
    for (qsizetype i = 0; i < prefix; ++i)
        push(segments, Kind::Equal, before.at(i));
    QString deleted;
    QString inserted;
    QString pendingSpace; // equal whitespace that may turn out to sit inside a change
    auto flushChange = [&] {
        push(segments, Kind::Deleted, deleted);
        push(segments, Kind::Inserted, inserted);
        deleted.clear();
        inserted.clear();
    };
    for (auto it = script.rbegin(); it != script.rend(); ++it) {
        if (it->kind == Kind::Equal) {
            const QString& token = before.at(it->token);
            if (isSpace(token) && (!deleted.isEmpty() || !inserted.isEmpty()) && pendingSpace.isEmpty()) {
                pendingSpace = token;
                continue;
            }
            flushChange();
            push(segments, Kind::Equal, pendingSpace);
            pendingSpace.clear();
            push(segments, Kind::Equal, token);
            continue;
        }
        if (!pendingSpace.isEmpty()) {
            deleted += pendingSpace;
            inserted += pendingSpace;
            pendingSpace.clear();
        }
        if (it->kind == Kind::Deleted)
            deleted += before.at(it->token);
        else
            inserted += after.at(it->token);
    }
    flushChange();
    push(segments, Kind::Equal, pendingSpace);
    for (qsizetype i = before.size() - suffix; i < before.size(); ++i)
        push(segments, Kind::Equal, before.at(i));
    return segments;
}

QStringList TextDiff::words(const QList<Segment>& segments, Segment::Kind kind)
{
    QStringList result;
    for (const Segment& segment : segments) {
        if (segment.kind != kind)
            continue;
        for (const QString& token : tokenize(segment.text)) {
            if (!isSpace(token))
                result.append(token);
        }
    }
    return result;
}

QString TextDiff::side(const QList<Segment>& segments, Segment::Kind changed)
{
    QString text;
    for (const Segment& segment : segments) {
        if (segment.kind == Kind::Equal || segment.kind == changed)
            text += segment.text;
    }
    return text;
}

} // namespace tb
