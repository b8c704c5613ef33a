// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/datasetsplitter.h"

#include "core/datasetoutput.h"
#include "core/jsonlindex.h"

#include <cmath>
#include <map>
#include <random>
#include <simdjson.h>
#include <string>
#include <vector>

namespace tb {

namespace {

// Fisher-Yates with our own bounded draws: std::shuffle's draws differ between
// standard libraries, and a split must not.
void shuffle(std::vector<qint64>& items, std::mt19937& generator)
{
    for (std::size_t i = items.size(); i > 1; --i) {
        const quint64 bound = quint64(i);
        const quint64 limit = (quint64(1) << 32) - ((quint64(1) << 32) % bound);
        quint64 draw = 0;
        do {
            draw = generator();
        } while (draw >= limit);
        std::swap(items[i - 1], items[std::size_t(draw % bound)]);
    }
}

std::string labelOf(simdjson::dom::parser& parser, std::string_view line)
{
    simdjson::padded_string padded(line);
    simdjson::dom::element root;
    if (parser.parse(padded).get(root) != simdjson::SUCCESS || !root.is_object())
        return {};
    simdjson::dom::element value;
    if (root["completion"].get(value) == simdjson::SUCCESS)
        return simdjson::minify(value);
    simdjson::dom::array messages;
    if (root["messages"].get_array().get(messages) == simdjson::SUCCESS) {
        std::string label;
        for (simdjson::dom::element m : messages) {
            std::string_view role;
            if (m["role"].get_string().get(role) == simdjson::SUCCESS && role == "assistant"
                && m["content"].get(value) == simdjson::SUCCESS)
                label = simdjson::minify(value);
        }
        return label;
    }
    return {};
}

} // namespace

Result<DatasetSplitter::Outcome> DatasetSplitter::run(
    const JsonlIndex& index, const QString& trainPath, const QString& validPath, const Options& options)
{
    if (const Status input = DatasetOutput::checkInput(index); !input)
        return input.error();
    if (!(options.validFraction > 0 && options.validFraction < 1)) {
        return Error::plain(QStringLiteral("the validation fraction must be between 0 and 1"));
    }
    for (const QString& path : { trainPath, validPath }) {
        if (const Status target = DatasetOutput::checkNew(path); !target)
            return target.error();
    }
    // Groups of non-blank lines: one group, or one per label when stratified.
    std::map<std::string, std::vector<qint64>> groups;
    simdjson::dom::parser parser;
    for (qint64 line = 0; line < index.lineCount(); ++line) {
        const std::string_view bytes = index.lineBytes(line);
        if (DatasetOutput::isBlank(bytes))
            continue;
        groups[options.stratify ? labelOf(parser, bytes) : std::string()].push_back(line);
    }
    std::mt19937 generator(options.seed);
    std::vector<bool> valid(std::size_t(index.lineCount()), false);
    Outcome outcome;
    for (auto& [label, lines] : groups) {
        Q_UNUSED(label)
        shuffle(lines, generator);
        const auto count = std::size_t(std::llround(double(lines.size()) * options.validFraction));
        for (std::size_t i = 0; i < count && i < lines.size(); ++i)
            valid[std::size_t(lines[i])] = true;
    }
    DatasetOutput train(trainPath), validation(validPath);
    for (DatasetOutput* out : { &train, &validation }) {
        if (const Status opened = out->open(); !opened)
            return opened.error();
    }
    for (const auto& [label, lines] : groups) {
        Q_UNUSED(label)
        for (qint64 line : lines) {
            if (valid[std::size_t(line)])
                ++outcome.valid;
            else
                ++outcome.train;
        }
    }
    for (qint64 line = 0; line < index.lineCount(); ++line) {
        const std::string_view bytes = index.lineBytes(line);
        if (DatasetOutput::isBlank(bytes))
            continue;
        (valid[std::size_t(line)] ? validation : train).writeLine(bytes);
    }
    for (DatasetOutput* out : { &train, &validation }) {
        if (const Status committed = out->commit(); !committed)
            return committed.error();
    }
    return outcome;
}

} // namespace tb
