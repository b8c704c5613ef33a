// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The rows of a legacy prompt/completion file as the Python tool's pandas DataFrame held
// them: string cells (read with dtype=str, so numbers, nulls and missing keys become
// their Python text), row labels that survive dropped rows, and pandas' JSONL writer.

#include "core/result.h"

#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

namespace tb {

class LegacyTable
{
public:
    // What reading the file told the user, like read_any_format's Remediation.
    struct ReadNotes
    {
        QString immediate; // empty = None
        QString necessary;
    };

    // pd.read_json(lines=True, dtype=str) for .jsonl/.json, the .txt rule (every line a
    // completion) and pd.read_csv(dtype=str) for .csv/.tsv. The error message is the
    // legacy tool's own sentence. Fails early once `canceled` returns true (asked every
    // few thousand rows); the caller tells that apart from a bad file.
    static Result<LegacyTable> read(
        const QString& path, ReadNotes& notes, const std::function<bool()>& canceled = {});
    static LegacyTable fromRows(const QStringList& columns, const std::vector<QStringList>& rows);

    qsizetype rowCount() const { return qsizetype(m_rows.size()); }
    const QStringList& columns() const { return m_columns; }
    qsizetype columnIndex(const QString& name) const { return m_columns.indexOf(name); }
    const QString& cell(qsizetype row, qsizetype column) const { return m_rows[std::size_t(row)][column]; }
    QString& cell(qsizetype row, qsizetype column) { return m_rows[std::size_t(row)][column]; }
    qint64 label(qsizetype row) const { return m_labels[std::size_t(row)]; }

    void renameColumn(qsizetype column, const QString& name) { m_columns[column] = name; }
    // x[names]: only these columns, in this order.
    void selectColumns(const QStringList& names);
    // Keeps the rows whose flag is true (boolean indexing; labels stay).
    void keepRows(const std::vector<bool>& keep);
    // x.drop(labels) of the rows whose flag is false: like keepRows, but the RangeIndex
    // survives where pandas 1.5's RangeIndex.delete keeps one.
    void dropRows(const std::vector<bool>& keep);
    // x.take(positions): rows in this order, labels kept.
    LegacyTable takeRows(const std::vector<qsizetype>& positions) const;
    // False once rows were dropped: pandas' index is then no longer a RangeIndex.
    bool hasRangeIndex() const { return m_rangeIndex; }

    // to_json(orient="records", lines=True, force_ascii=False) of [prompt, completion].
    QByteArray toJsonLines(const QStringList& columns) const;
    // ujson's string escaping as pandas writes it (force_ascii=False).
    static void appendJsonString(QByteArray& out, const QString& text);

private:
    QStringList m_columns;
    std::vector<QStringList> m_rows;
    std::vector<qint64> m_labels;
    bool m_rangeIndex = true;
};

} // namespace tb
