// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Few-shot examples written into a legacy `prompt` as text (the chapter's one-shot
// "Question: ... Answer: ..."): renders rows into the prompt with a layout (input
// prefix, output prefix, separator) and reads them back out of it where it can.
//
// The prompt is the truth; the rows are a view of it. An example is
// `inputPrefix + input + outputPrefix + output` and is always followed by the
// separator: the last piece of a prompt is the question still to be answered, never
// an example. The block of examples starts at the first inputPrefix that begins the
// prompt or follows a separator and reads as at least one example.

#include <QJsonObject>
#include <QList>
#include <QString>

namespace tb {

class PromptExamples
{
public:
    struct Layout
    {
        QString inputPrefix = QStringLiteral("Q: ");
        QString outputPrefix = QStringLiteral("\nA: ");
        QString separator = QStringLiteral("\n\n");

        // All three parts must be non-empty, or examples cannot be found again.
        bool isValid() const;
        // {"inputPrefix", "outputPrefix", "separator"}; missing keys keep the defaults.
        static Layout fromJson(const QJsonObject& json);
        QJsonObject toJson() const;
        bool operator==(const Layout&) const = default;
    };

    struct Example
    {
        QString input;
        QString output;
        bool operator==(const Example&) const = default;
    };

    // Where the examples sit: prompt = head [start) + block + tail [end). The block
    // includes the separator after the last example. start == end when there are none:
    // then `start` is where new examples go (before the question).
    struct Block
    {
        qsizetype start = 0;
        qsizetype end = 0;
        QList<Example> examples;
    };

    static Block find(const QString& prompt, const Layout& layout);
    static QList<Example> parse(const QString& prompt, const Layout& layout) { return find(prompt, layout).examples; }

    // `prompt` with its examples replaced by `examples` (removing the block when empty).
    static QString replace(const QString& prompt, const Layout& layout, const QList<Example>& examples);
    // One example as the prompt holds it, without the separator.
    static QString render(const Layout& layout, const Example& example);

    // Whether `examples` read back unchanged once written with `layout`: no input holds
    // the output prefix, no output the separator. The index of the first that does not,
    // or -1.
    static int firstUnreadable(const Layout& layout, const QList<Example>& examples);

    // The prompt's examples rewritten from layout `from` to layout `to`.
    static QString relayout(const QString& prompt, const Layout& from, const Layout& to);

    // "\n" and "\t" as two visible characters and a backslash doubled, for a one-line
    // editor; unescape() is its inverse (an unknown escape stays as written).
    static QString escape(const QString& text);
    static QString unescape(const QString& text);
};

} // namespace tb
