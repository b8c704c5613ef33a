// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The viewer's combined line filter over a validated JSONL file: status (errors, warnings,
// clean), validation rule, message role and text, ANDed. Runs on a worker, walking the
// lines in file order or in the viewer's sort order, and yields matches in that order.

#include "core/datasetformat.h"
#include "core/jsonleditoverlay.h"

#include <QByteArray>
#include <QFuture>
#include <QString>
#include <QStringList>
#include <map>
#include <memory>
#include <vector>

class QThreadPool;
template <typename T> class QPromise;

namespace tb {

class JsonlIndex;
class TiktokenEncoding;
struct DatasetReport;

class DatasetLineFilter
{
public:
    // Matching 0-based line numbers, in walking order.
    using Batch = std::vector<qint64>;
    static constexpr int kProgressMaximum = 1000;

    enum class Status { Any, Errors, Warnings, Clean };

    struct Criteria
    {
        Status status = Status::Any;
        QString rule; // a finding's rule id; empty: any
        QString role; // lines with a message of this role; empty: any
        QByteArray text; // in the raw line, ASCII case-insensitive; empty: any

        bool isEmpty() const
        {
            return status == Status::Any && rule.isEmpty() && role.isEmpty() && text.isEmpty();
        }
        // Only the text is asked for: JsonlSearch does that faster, also while indexing.
        bool isTextOnly() const { return status == Status::Any && rule.isEmpty() && role.isEmpty(); }
    };

    // The status and rules of an edited line, from checking its new content.
    struct LineVerdict
    {
        quint8 flags = 0; // DatasetReport::LineFlag
        QStringList rules;
    };

    // What the pass knows besides the lines' bytes.
    struct Inputs
    {
        std::shared_ptr<const std::vector<quint8>> lineFlags; // DatasetReport::lineFlags; needed for status
        // Lines (0-based, ascending) of the findings the report kept for the rule; when the
        // report dropped some (DatasetReport::kMaxFindingsPerRule), every line is also
        // validated again, which needs `encoding`.
        std::vector<qint64> ruleLines;
        bool ruleLinesComplete = true;
        const TiktokenEncoding* encoding = nullptr;
        DatasetFormat format = DatasetFormat::Unknown;
        int maxTokensPerExample = 0;
        // The lines to walk, in this order; null: every line in file order.
        std::shared_ptr<const std::vector<qint32>> order;
        JsonlEditOverlay edits; // edited lines are matched on their new content
        std::map<qint64, LineVerdict> editedVerdicts;
    };

    // The rule-related inputs for `rule` from a finished report.
    static void setRule(Inputs& inputs, const DatasetReport& report, const QString& rule);

    // The roles of the messages of one line (chat messages, DPO input and outputs).
    static QStringList rolesOf(QByteArrayView line);

    // Runs on `pool` (global when null) at low priority (ThreadPriority: give it a pool of
    // its own) over a completely built index; cancel with QFuture::cancel(). Progress in
    // [0, kProgressMaximum].
    static QFuture<Batch> start(std::shared_ptr<const JsonlIndex> index, Criteria criteria, Inputs inputs,
        QThreadPool* pool = nullptr);
    // The same on the calling thread.
    static void run(
        QPromise<Batch>& promise, const JsonlIndex& index, const Criteria& criteria, const Inputs& inputs);
};

} // namespace tb
