// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/datasetsplitter.h"

#include "core/jsonlindex.h"

#include <QFileInfo>
#include <QSaveFile>
#include <cmath>
#include <map>
#include <random>
#include <simdjson.h>
#include <string>
#include <vector>

namespace tb {

namespace {

Error failure(const QString& message, const QString& file = {})
{
    Error error;
    error.message = message;
    error.file = file;
    return error;
}

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
    if (!index.isComplete())
        return failure(QStringLiteral("the file's line index is not complete"), index.path());
    if (!(options.validFraction > 0 && options.validFraction < 1))
        return failure(QStringLiteral("the validation fraction must be between 0 and 1"));
    for (const QString& path : { trainPath, validPath }) {
        if (QFileInfo::exists(path))
            return failure(QStringLiteral("already exists; choose another output file"), path);
    }
    // Groups of non-blank lines: one group, or one per label when stratified.
    std::map<std::string, std::vector<qint64>> groups;
    simdjson::dom::parser parser;
    for (qint64 line = 0; line < index.lineCount(); ++line) {
        const std::string_view bytes = index.lineBytes(line);
        if (bytes.find_first_not_of(" \t\r\f\v") == std::string_view::npos)
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
    QSaveFile train(trainPath), validation(validPath);
    if (!train.open(QIODevice::WriteOnly))
        return failure(train.errorString(), trainPath);
    if (!validation.open(QIODevice::WriteOnly))
        return failure(validation.errorString(), validPath);
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
        if (bytes.find_first_not_of(" \t\r\f\v") == std::string_view::npos)
            continue;
        QSaveFile& out = valid[std::size_t(line)] ? validation : train;
        out.write(bytes.data(), qint64(bytes.size()));
        out.write("\n", 1);
    }
    if (!train.commit())
        return failure(train.errorString(), trainPath);
    if (!validation.commit())
        return failure(validation.errorString(), validPath);
    return outcome;
}

} // namespace tb
