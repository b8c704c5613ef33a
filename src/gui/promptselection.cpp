// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/promptselection.h"

#include "api/completionjob.h"
#include "core/prompttemplate.h"
#include "gui/runpanel.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace tb {

PromptSelection::PromptSelection(RunPanel* panel, Finder finder, QObject* parent)
    : QObject(parent), m_panel(panel), m_finder(std::move(finder))
{
    connect(m_panel, &RunPanel::runFinished, this, &PromptSelection::onRunFinished);
}

void PromptSelection::start(const CompletionRequest& classifier, const RunRecord& base)
{
    RunRecord record = base;
    record.groupId = RunRecord::newGroupId();
    record.kind = RunRecord::kClassifier;
    record.variant = 0;
    record.groupSize = 2;
    m_step = Step::Classifying;
    m_groupId = record.groupId;
    m_chosen.clear();
    m_panel->startSingle(classifier, record);
    m_panel->setStatus(tr("Choosing a template with %1…").arg(base.templateName));
}

void PromptSelection::cancel()
{
    m_step = Step::Idle;
    m_groupId.clear();
}

Result<PromptSelection::Choice> PromptSelection::parseAnswer(const QString& answer)
{
    // Take the outermost object.
    const qsizetype open = answer.indexOf(QLatin1Char('{'));
    const qsizetype close = answer.lastIndexOf(QLatin1Char('}'));
    QJsonParseError error{};
    const QJsonDocument document = open >= 0 && close > open
                                       ? QJsonDocument::fromJson(answer.mid(open, close - open + 1).toUtf8(), &error)
                                       : QJsonDocument();
    const QJsonObject object = document.object();
    Choice choice;
    choice.templateName = object.value(QStringLiteral("template")).toString(object.value(QStringLiteral("as")).toString());
    if (choice.templateName.isEmpty()) {
        const QString shown = answer.trimmed().isEmpty() ? tr("(an empty answer)") : answer.trimmed().left(300);
        return Error{tr("The classifier's answer names no template (expected JSON with a \"template\" key): %1").arg(shown),
                     {}, 0, 0, {}};
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.value().isString())
            choice.values.insert(it.key(), it.value().toString());
    }
    return choice;
}

void PromptSelection::onRunFinished(const RunRecord& record)
{
    if (m_step == Step::Idle || record.groupId != m_groupId)
        return;
    if (m_step == Step::Classifying && record.kind == RunRecord::kClassifier) {
        if (record.outcome == QLatin1String("stopped")) {
            cancel(); // the panel already says "Stopped."
            return;
        }
        if (!record.succeeded()) {
            fail(tr("Prompt selection failed: the classifier did not answer. %1").arg(record.outcome));
            return;
        }
        answerWith(record);
        return;
    }
    if (m_step == Step::Answering && record.kind == RunRecord::kAnswer) {
        m_step = Step::Idle;
        m_panel->setStatus(tr("Chosen template: %1 · ").arg(m_chosen) + m_panel->status());
    }
}

void PromptSelection::answerWith(const RunRecord& classifier)
{
    const Result<Choice> choice = parseAnswer(classifier.response);
    if (!choice) {
        fail(choice.error().message);
        return;
    }
    const std::optional<TemplateEntry> entry = m_finder(choice->templateName);
    if (!entry) {
        fail(tr("The classifier chose “%1”, but no template of that name is listed.").arg(choice->templateName));
        return;
    }
    const Result<PromptTemplate> chosen = entry->error.isEmpty() ? PromptTemplate::fromJson(entry->json, entry->path)
                                                                 : Result<PromptTemplate>(Error{entry->error, {}, 0, 0, {}});
    if (!chosen) {
        fail(tr("The classifier chose “%1”, which does not load: %2").arg(choice->templateName, chosen.error().toString()));
        return;
    }
    CompletionRequest request;
    request.endpoint = chosen->kind() == PromptTemplate::Kind::Chat ? CompletionRequest::Endpoint::Chat
                                                                    : CompletionRequest::Endpoint::Legacy;
    request.body = chosen->render(choice->values);
    request.stream = true;
    RunRecord record = classifier;
    record.kind = RunRecord::kAnswer;
    record.variant = 1;
    record.templatePath = entry->path;
    record.templateName = entry->name;
    record.values = QJsonObject();
    for (auto it = choice->values.begin(); it != choice->values.end(); ++it)
        record.values.insert(it.key(), it.value());
    m_step = Step::Answering;
    m_chosen = entry->name;
    m_panel->startSingle(request, record);
    m_panel->setStatus(tr("Chosen template: %1 · answering…").arg(m_chosen));
}

void PromptSelection::fail(const QString& sentence)
{
    cancel();
    m_panel->setStatus(sentence);
}

} // namespace tb
