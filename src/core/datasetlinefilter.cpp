// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/datasetlinefilter.h"

#include "core/datasetreport.h"
#include "core/examplevalidator.h"
#include "core/jsonlindex.h"
#include "core/threadpriority.h"

#include <QPromise>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <optional>
#include <simdjson.h>

namespace tb {

namespace {

// Lines looked at between two looks at cancellation and progress.
constexpr qint64 kStepLines = 2048;
// Matches handed over at once; a batch is also flushed after every step.
constexpr std::size_t kBatchSize = 4096;

bool containsFolded(QByteArrayView haystack, QByteArrayView needle)
{
    const auto fold = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(), [&](char a, char b) {
        return fold(a) == fold(b);
    }) != haystack.end();
}

void addRoles(simdjson::dom::element messages, QStringList& roles)
{
    simdjson::dom::array array;
    if (messages.get_array().get(array) != simdjson::SUCCESS)
        return;
    for (simdjson::dom::element message : array) {
        std::string_view role;
        if (message["role"].get_string().get(role) != simdjson::SUCCESS)
            continue;
        const QString name = QString::fromUtf8(role.data(), qsizetype(role.size()));
        if (!roles.contains(name))
            roles.append(name);
    }
}

// Per-pass state: the parser and validator are reused for every line.
class Matcher
{
public:
    Matcher(const DatasetLineFilter::Criteria& criteria, const DatasetLineFilter::Inputs& inputs)
        : m_criteria(criteria)
        , m_inputs(inputs)
        , m_role(criteria.role.toUtf8())
    {
        if (!criteria.rule.isEmpty() && !inputs.ruleLinesComplete && inputs.encoding)
            m_validator.emplace(*inputs.encoding, inputs.maxTokensPerExample);
    }

    bool matches(qint64 line, QByteArrayView bytes)
    {
        const auto edited = m_inputs.editedVerdicts.find(line);
        const DatasetLineFilter::LineVerdict* verdict
            = edited != m_inputs.editedVerdicts.end() ? &edited->second : nullptr;
        if (!matchesStatus(line, verdict))
            return false;
        if (!m_criteria.text.isEmpty() && !containsFolded(bytes, m_criteria.text))
            return false;
        if (!m_criteria.role.isEmpty()
            && (!bytes.contains(m_role) || !DatasetLineFilter::rolesOf(bytes).contains(m_criteria.role)))
            return false;
        return m_criteria.rule.isEmpty() || matchesRule(line, bytes, verdict);
    }

private:
    bool matchesStatus(qint64 line, const DatasetLineFilter::LineVerdict* verdict) const
    {
        if (m_criteria.status == DatasetLineFilter::Status::Any)
            return true;
        quint8 flags = 0;
        if (verdict)
            flags = verdict->flags;
        else if (m_inputs.lineFlags && line < qint64(m_inputs.lineFlags->size()))
            flags = (*m_inputs.lineFlags)[std::size_t(line)];
        else
            return false; // not validated: no status to match
        switch (m_criteria.status) {
        case DatasetLineFilter::Status::Errors:
            return flags & DatasetReport::LineHasError;
        case DatasetLineFilter::Status::Warnings:
            return flags & DatasetReport::LineHasWarning;
        case DatasetLineFilter::Status::Clean:
            return flags == 0;
        case DatasetLineFilter::Status::Any:
            break;
        }
        return true;
    }

    bool matchesRule(qint64 line, QByteArrayView bytes, const DatasetLineFilter::LineVerdict* verdict)
    {
        if (verdict)
            return verdict->rules.contains(m_criteria.rule);
        if (std::binary_search(m_inputs.ruleLines.begin(), m_inputs.ruleLines.end(), line))
            return true;
        if (!m_validator)
            return false;
        ExampleValidator::Context context;
        context.lineNumber = line + 1;
        context.fileFormat = m_inputs.format;
        const ExampleResult result
            = m_validator->validate(std::string_view(bytes.data(), std::size_t(bytes.size())), context);
        return std::any_of(result.findings.begin(), result.findings.end(),
            [this](const DatasetFinding& f) { return f.rule == m_criteria.rule; });
    }

    const DatasetLineFilter::Criteria& m_criteria;
    const DatasetLineFilter::Inputs& m_inputs;
    QByteArray m_role;
    std::optional<ExampleValidator> m_validator;
};

} // namespace

void DatasetLineFilter::setRule(Inputs& inputs, const DatasetReport& report, const QString& rule)
{
    inputs.ruleLines.clear();
    qint64 kept = 0;
    for (const DatasetFinding& finding : report.findings) {
        if (finding.rule != rule)
            continue;
        ++kept;
        if (finding.line > 0)
            inputs.ruleLines.push_back(finding.line - 1);
    }
    std::sort(inputs.ruleLines.begin(), inputs.ruleLines.end());
    inputs.ruleLines.erase(
        std::unique(inputs.ruleLines.begin(), inputs.ruleLines.end()), inputs.ruleLines.end());
    const qint64 total = report.errors.value(rule) + report.warnings.value(rule) + report.infos.value(rule);
    inputs.ruleLinesComplete = kept >= total;
    inputs.format = report.format;
    inputs.maxTokensPerExample = report.maxTokensPerExample;
}

QStringList DatasetLineFilter::rolesOf(QByteArrayView line)
{
    QStringList roles;
    thread_local simdjson::dom::parser parser; // reused for every line the thread filters
    simdjson::dom::element root;
    if (parser.parse(line.data(), std::size_t(line.size())).get(root) != simdjson::SUCCESS)
        return roles;
    simdjson::dom::element value;
    if (root["messages"].get(value) == simdjson::SUCCESS)
        addRoles(value, roles);
    if (root["input"]["messages"].get(value) == simdjson::SUCCESS)
        addRoles(value, roles);
    if (root["preferred_output"].get(value) == simdjson::SUCCESS)
        addRoles(value, roles);
    if (root["non_preferred_output"].get(value) == simdjson::SUCCESS)
        addRoles(value, roles);
    return roles;
}

void DatasetLineFilter::run(
    QPromise<Batch>& promise, const JsonlIndex& index, const Criteria& criteria, const Inputs& inputs)
{
    promise.setProgressRange(0, kProgressMaximum);
    const qint64 total = inputs.order ? qint64(inputs.order->size()) : index.lineCount();
    Matcher matcher(criteria, inputs);
    Batch batch;
    for (qint64 step = 0; step < total; step += kStepLines) {
        if (promise.isCanceled())
            break;
        const qint64 end = std::min(total, step + kStepLines);
        for (qint64 i = step; i < end; ++i) {
            const qint64 line = inputs.order ? qint64((*inputs.order)[std::size_t(i)]) : i;
            if (line >= index.lineCount())
                continue;
            if (matcher.matches(line, inputs.edits.lineView(index, line)))
                batch.push_back(line);
            if (batch.size() >= kBatchSize) {
                promise.addResult(std::move(batch));
                batch = {};
            }
        }
        if (!batch.empty()) {
            promise.addResult(std::move(batch));
            batch = {};
        }
        promise.setProgressValue(int(end * kProgressMaximum / std::max<qint64>(1, total)));
    }
    if (!inputs.order)
        index.releasePages(0, index.fileSize());
}

QFuture<DatasetLineFilter::Batch> DatasetLineFilter::start(
    std::shared_ptr<const JsonlIndex> index, Criteria criteria, Inputs inputs, QThreadPool* pool)
{
    return ThreadPriority::runLowered<Batch>(pool,
        [index = std::move(index), criteria = std::move(criteria), inputs = std::move(inputs)](
            QPromise<Batch>& promise) { run(promise, *index, criteria, inputs); });
}

} // namespace tb
