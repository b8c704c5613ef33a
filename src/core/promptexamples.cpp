// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/promptexamples.h"

namespace tb {

namespace {

const QString kInputPrefix = QStringLiteral("inputPrefix");
const QString kOutputPrefix = QStringLiteral("outputPrefix");
const QString kSeparator = QStringLiteral("separator");

bool startsBlock(const QString& prompt, const PromptExamples::Layout& layout, qsizetype at)
{
    return QStringView(prompt).mid(at).startsWith(layout.inputPrefix)
        && (at == 0 || QStringView(prompt).left(at).endsWith(layout.separator));
}

// Reads consecutive examples from `at`; returns where the last one's separator ends.
qsizetype readExamples(
    const QString& prompt, const PromptExamples::Layout& layout, qsizetype at, QList<PromptExamples::Example>* out)
{
    const QString nextExample = layout.separator + layout.inputPrefix;
    while (QStringView(prompt).mid(at).startsWith(layout.inputPrefix)) {
        const qsizetype inputStart = at + layout.inputPrefix.size();
        const qsizetype outputPrefix = prompt.indexOf(layout.outputPrefix, inputStart);
        if (outputPrefix < 0)
            break;
        const QString input = prompt.mid(inputStart, outputPrefix - inputStart);
        // An input running into the next example is the question, not an example.
        if (input.contains(nextExample))
            break;
        const qsizetype outputStart = outputPrefix + layout.outputPrefix.size();
        const qsizetype separator = prompt.indexOf(layout.separator, outputStart);
        if (separator < 0)
            break; // nothing follows: this is the question still to be answered
        out->append({ input, prompt.mid(outputStart, separator - outputStart) });
        at = separator + layout.separator.size();
    }
    return at;
}

} // namespace

bool PromptExamples::Layout::isValid() const
{
    return !inputPrefix.isEmpty() && !outputPrefix.isEmpty() && !separator.isEmpty();
}

PromptExamples::Layout PromptExamples::Layout::fromJson(const QJsonObject& json)
{
    Layout layout;
    layout.inputPrefix = json.value(kInputPrefix).toString(layout.inputPrefix);
    layout.outputPrefix = json.value(kOutputPrefix).toString(layout.outputPrefix);
    layout.separator = json.value(kSeparator).toString(layout.separator);
    return layout;
}

QJsonObject PromptExamples::Layout::toJson() const
{
    return QJsonObject { { kInputPrefix, inputPrefix }, { kOutputPrefix, outputPrefix }, { kSeparator, separator } };
}

PromptExamples::Block PromptExamples::find(const QString& prompt, const Layout& layout)
{
    Block block;
    if (!layout.isValid())
        return block;
    qsizetype lastCandidate = -1;
    for (qsizetype at = prompt.indexOf(layout.inputPrefix); at >= 0;
         at = prompt.indexOf(layout.inputPrefix, at + 1)) {
        if (!startsBlock(prompt, layout, at))
            continue;
        lastCandidate = at;
        QList<Example> examples;
        const qsizetype end = readExamples(prompt, layout, at, &examples);
        if (!examples.isEmpty()) {
            block.start = at;
            block.end = end;
            block.examples = examples;
            return block;
        }
    }
    // No examples yet: they go before the question, or first when there is none.
    block.start = block.end = qMax<qsizetype>(0, lastCandidate);
    return block;
}

QString PromptExamples::render(const Layout& layout, const Example& example)
{
    return layout.inputPrefix + example.input + layout.outputPrefix + example.output;
}

QString PromptExamples::replace(const QString& prompt, const Layout& layout, const QList<Example>& examples)
{
    if (!layout.isValid())
        return prompt;
    const Block block = find(prompt, layout);
    QString text;
    for (const Example& example : examples)
        text += render(layout, example) + layout.separator;
    return prompt.left(block.start) + text + prompt.mid(block.end);
}

int PromptExamples::firstUnreadable(const Layout& layout, const QList<Example>& examples)
{
    const QString nextExample = layout.separator + layout.inputPrefix;
    for (int i = 0; i < examples.size(); ++i) {
        const Example& example = examples.at(i);
        if (example.input.contains(layout.outputPrefix) || example.input.contains(nextExample)
            || example.output.contains(layout.separator))
            return i;
    }
    return -1;
}

QString PromptExamples::relayout(const QString& prompt, const Layout& from, const Layout& to)
{
    if (!from.isValid() || !to.isValid())
        return prompt;
    const Block block = find(prompt, from);
    if (block.examples.isEmpty())
        return prompt;
    QString head = prompt.left(block.start);
    // The block must follow the new separator to be found again.
    if (!head.isEmpty()) {
        if (head.endsWith(from.separator))
            head.chop(from.separator.size());
        head += to.separator;
    }
    QString text;
    for (const Example& example : block.examples)
        text += render(to, example) + to.separator;
    return head + text + prompt.mid(block.end);
}

QString PromptExamples::escape(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('\\'))
            out += QStringLiteral("\\\\");
        else if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else if (c == QLatin1Char('\t'))
            out += QStringLiteral("\\t");
        else
            out += c;
    }
    return out;
}

QString PromptExamples::unescape(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('\\') || i + 1 == text.size()) {
            out += c;
            continue;
        }
        const QChar next = text.at(i + 1);
        if (next == QLatin1Char('n'))
            out += QLatin1Char('\n');
        else if (next == QLatin1Char('t'))
            out += QLatin1Char('\t');
        else if (next == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        else {
            out += c;
            out += next;
        }
        ++i;
    }
    return out;
}

} // namespace tb
