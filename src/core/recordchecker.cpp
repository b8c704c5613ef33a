// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/recordchecker.h"

#include "core/datasetreport.h"
#include "core/jsonleditoverlay.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace tb {

bool RecordChecker::Outcome::hasErrors() const
{
    return syntaxError.has_value() || (flags() & DatasetReport::LineHasError);
}

quint8 RecordChecker::Outcome::flags() const
{
    quint8 bits = syntaxError ? quint8(DatasetReport::LineHasError) : quint8(0);
    for (const DatasetFinding& finding : findings)
        bits |= DatasetReport::flagOf(finding.severity);
    return bits;
}

QStringList RecordChecker::Outcome::rules() const
{
    QStringList rules;
    for (const DatasetFinding& finding : findings) {
        if (!rules.contains(finding.rule))
            rules.append(finding.rule);
    }
    return rules;
}

RecordChecker::Outcome RecordChecker::check(const QString& text, const ExampleValidator::Context& context,
    const TiktokenEncoding* encoding, int maxTokensPerExample)
{
    Outcome outcome;
    const QByteArray utf8 = text.toUtf8();
    QJsonParseError parseError;
    QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // The offset is in UTF-8 bytes; line and column count characters of the text.
        const QString before = QString::fromUtf8(utf8.left(parseError.offset));
        Error error;
        error.message = parseError.errorString();
        error.line = int(before.count(QLatin1Char('\n'))) + 1;
        error.column = int(before.size() - (before.lastIndexOf(QLatin1Char('\n')) + 1)) + 1;
        outcome.syntaxError = error;
        return outcome;
    }
    outcome.record = JsonlEditOverlay::toSingleLine(utf8);
    if (!encoding)
        return outcome;
    ExampleValidator validator(*encoding, maxTokensPerExample);
    ExampleResult result = validator.validate(
        std::string_view(outcome.record.constData(), std::size_t(outcome.record.size())), context);
    outcome.findings = std::move(result.findings);
    if (result.counted)
        outcome.tokens = result.tokens;
    return outcome;
}

} // namespace tb
