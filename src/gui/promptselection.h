// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Prompt selection (the chapter's selection_chat) in two steps on a RunPanel: the open
// template runs as a classifier whose JSON answer names a template ("template") and its
// parameter values (the other keys); that template then answers. Both steps are one
// group in the history; any failure ends "Choosing…" with a sentence saying why.

#include "core/result.h"
#include "core/templatecatalog.h"
#include "gui/runrecord.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <optional>

namespace tb {

class RunPanel;
struct CompletionRequest;

class PromptSelection : public QObject
{
    Q_OBJECT
public:
    // The listed template of that name (the user's or the workspace's before a bundled one).
    using Finder = std::function<std::optional<TemplateEntry>(const QString& name)>;

    struct Choice
    {
        QString templateName;
        QHash<QString, QString> values;
    };

    PromptSelection(RunPanel* panel, Finder finder, QObject* parent = nullptr);

    // `base` describes the classifier run (template, values, profile).
    void start(const CompletionRequest& classifier, const RunRecord& base);
    // Forgets a selection in progress (another run takes the panel).
    void cancel();
    bool isActive() const { return m_step != Step::Idle; }
    QString chosenTemplate() const { return m_chosen; }

    // The classifier's answer, which models like to wrap in prose or a code fence.
    static Result<Choice> parseAnswer(const QString& answer);

private:
    void onRunFinished(const RunRecord& record);
    void answerWith(const RunRecord& classifier);
    void fail(const QString& sentence);

    enum class Step { Idle, Classifying, Answering };
    RunPanel* m_panel;
    Finder m_finder;
    Step m_step = Step::Idle;
    QString m_groupId;
    QString m_chosen;
};

} // namespace tb
