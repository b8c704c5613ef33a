// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Checks the edited text of one JSONL record before it replaces a line: JSON syntax with
// line and column in the edited text, then the same per-example validators as the file
// check; gives the record back as the one line to store.

#include "core/datasetfinding.h"
#include "core/examplevalidator.h"
#include "core/result.h"

#include <QByteArray>
#include <QStringList>
#include <optional>
#include <vector>

namespace tb {

class TiktokenEncoding;

class RecordChecker
{
public:
    struct Outcome
    {
        QByteArray record; // the record as one line; empty when the JSON does not parse
        std::optional<Error> syntaxError; // line and column are in the edited text
        std::vector<DatasetFinding> findings; // from the example validators
        std::optional<qint64> tokens; // when the record is an example of its format

        bool hasErrors() const;
        quint8 flags() const; // DatasetReport::LineFlag bits
        QStringList rules() const;
    };

    // `encoding` may be null (not loaded yet): then only the syntax is checked.
    static Outcome check(const QString& text, const ExampleValidator::Context& context,
        const TiktokenEncoding* encoding, int maxTokensPerExample);
};

} // namespace tb
