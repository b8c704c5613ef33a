// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/runpanel.h"

#include "api/completionjob.h"
#include "gui/accountsession.h"
#include "gui/runhistorymodel.h"
#include "gui/runpane.h"
#include "gui/stayopenmenu.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace tb {

RunPanel::RunPanel(AccountSession* session, QWidget* parent) : QWidget(parent), m_session(session)
{
    m_variants = new QSpinBox;
    m_variants->setObjectName(QStringLiteral("variantSpin"));
    m_variants->setRange(1, kMaxVariants);
    m_variants->setToolTip(tr("How many times to send the request at once, per model (Ctrl+Alt+N)"));
    auto* variantsLabel = new QLabel(tr("&Variants:"));
    variantsLabel->setBuddy(m_variants);
    m_modelsMenu = new StayOpenMenu(this); // tick several models in one go
    m_modelsButton = new QToolButton;
    m_modelsButton->setObjectName(QStringLiteral("modelsButton"));
    m_modelsButton->setMenu(m_modelsMenu);
    m_modelsButton->setPopupMode(QToolButton::InstantPopup);
    m_compareButton = new QPushButton(tr("Compare Panes"));
    m_compareButton->setToolTip(tr("Show the differences between the two marked panes (Ctrl+Alt+D in History "
                                   "compares stored runs)"));
    connect(m_compareButton, &QPushButton::clicked, this, &RunPanel::compareMarkedPanes);
    auto* bar = new QHBoxLayout;
    bar->addWidget(variantsLabel);
    bar->addWidget(m_variants);
    bar->addWidget(m_modelsButton);
    bar->addStretch(1);
    bar->addWidget(m_compareButton);

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setChildrenCollapsible(false);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("runStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_status);

    setPaneCount(1);
    m_panes.first()->edit()->setPlaceholderText(tr("The reply streams in here. Ctrl+Return runs, Esc stops."));
    updateModelsButton();

    auto* variantsAction = new QAction(tr("Run &Variants…"), this);
    variantsAction->setShortcut(QKeySequence(tr("Ctrl+Alt+N")));
    variantsAction->setObjectName(QStringLiteral("variantsAction"));
    connect(variantsAction, &QAction::triggered, this, [this] {
        m_variants->setFocus(Qt::ShortcutFocusReason);
        m_variants->selectAll();
    });
    auto* modelsAction = new QAction(tr("Run on &Models…"), this);
    modelsAction->setShortcut(QKeySequence(tr("Ctrl+Alt+M")));
    modelsAction->setObjectName(QStringLiteral("modelsAction"));
    connect(modelsAction, &QAction::triggered, m_modelsButton, &QToolButton::showMenu);
    auto* compareAction = new QAction(tr("Compare Marked &Panes"), this);
    compareAction->setShortcut(QKeySequence(tr("Ctrl+Alt+C")));
    compareAction->setObjectName(QStringLiteral("comparePanesAction"));
    connect(compareAction, &QAction::triggered, this, &RunPanel::compareMarkedPanes);
    m_actions = {variantsAction, modelsAction, compareAction};
}

void RunPanel::setPaneCount(int count)
{
    while (m_panes.size() > count) {
        RunPane* pane = m_panes.takeLast();
        pane->disconnect(this);
        pane->hide();
        pane->deleteLater(); // may be the sender of the signal that got us here
    }
    while (m_panes.size() < count) {
        auto* pane = new RunPane(m_session);
        connect(pane, &RunPane::runningChanged, this, &RunPanel::updateRunning);
        connect(pane, &RunPane::finished, this, &RunPanel::onPaneFinished);
        m_splitter->addWidget(pane);
        m_panes.append(pane);
    }
    const bool several = count > 1;
    for (RunPane* pane : std::as_const(m_panes))
        pane->setHeaderVisible(several);
    m_compareButton->setVisible(several);
    QList<int> sizes;
    for (int i = 0; i < count; ++i)
        sizes.append(1000);
    m_splitter->setSizes(sizes); // equal columns
}

void RunPanel::startVariants(const CompletionRequest& request, const RunRecord& base)
{
    stop(); // a run still going is recorded as stopped before this one takes its place
    QStringList models = m_selectedModels;
    if (models.isEmpty())
        models.append(QString()); // the request's own model
    const int perModel = variantCount();
    const int count = int(qMin<qsizetype>(models.size() * perModel, kMaxPanes));
    RunRecord group = base;
    group.groupId = RunRecord::newGroupId();
    group.kind = RunRecord::kRun;
    group.groupSize = count;
    m_groupId = group.groupId;
    m_ended = 0;
    m_failed = 0;
    setPaneCount(count);
    const QString provider = m_session->profile().displayName;
    setStatus(count == 1 ? tr("Running on %1…").arg(provider) : tr("Running %1 requests on %2…").arg(count).arg(provider));
    for (int i = 0; i < count; ++i) {
        CompletionRequest variant = request;
        const QString& model = models.at(i / perModel);
        if (!model.isEmpty())
            variant.body.insert(QStringLiteral("model"), model);
        RunRecord record = group;
        record.variant = i;
        RunPane* pane = m_panes.at(i);
        pane->setMarkedForCompare(i < 2);
        pane->start(variant, record);
        pane->setTitle(paneTitle(pane->record()));
    }
}

void RunPanel::startSingle(const CompletionRequest& request, const RunRecord& base)
{
    stop();
    m_groupId = base.groupId;
    m_ended = 0;
    m_failed = 0;
    setPaneCount(1);
    m_panes.first()->start(request, base);
}

void RunPanel::stop()
{
    for (RunPane* pane : std::as_const(m_panes))
        pane->stop();
}

bool RunPanel::isRunning() const
{
    return m_running;
}

void RunPanel::showRecords(const QList<RunRecord>& records)
{
    if (records.isEmpty())
        return;
    stop();
    m_groupId.clear();
    setPaneCount(int(qMin<qsizetype>(records.size(), kMaxPanes)));
    for (int i = 0; i < m_panes.size(); ++i) {
        m_panes.at(i)->showRecord(records.at(i));
        m_panes.at(i)->setTitle(paneTitle(records.at(i)));
        m_panes.at(i)->setMarkedForCompare(i < 2);
    }
}

int RunPanel::variantCount() const
{
    return m_variants->value();
}

void RunPanel::setVariantCount(int count)
{
    m_variants->setValue(count);
}

void RunPanel::setAvailableModels(const QStringList& models)
{
    m_modelsMenu->clear();
    QStringList listed = models;
    for (const QString& chosen : std::as_const(m_selectedModels)) {
        if (!listed.contains(chosen))
            listed.append(chosen); // chosen before the list changed: keep it visible and chosen
    }
    for (const QString& model : std::as_const(listed)) {
        QAction* action = m_modelsMenu->addAction(model);
        action->setCheckable(true);
        action->setChecked(m_selectedModels.contains(model));
        connect(action, &QAction::toggled, this, [this, model](bool checked) {
            if (checked && !m_selectedModels.contains(model))
                m_selectedModels.append(model);
            else if (!checked)
                m_selectedModels.removeAll(model);
            updateModelsButton();
        });
    }
    updateModelsButton();
}

QStringList RunPanel::selectedModels() const
{
    return m_selectedModels;
}

void RunPanel::setSelectedModels(const QStringList& models)
{
    m_selectedModels = models;
    QStringList available;
    for (QAction* action : m_modelsMenu->actions())
        available.append(action->text());
    setAvailableModels(available);
}

void RunPanel::updateModelsButton()
{
    m_modelsButton->setText(m_selectedModels.isEmpty()    ? tr("Model: as in the template")
                            : m_selectedModels.size() == 1 ? tr("Model: %1").arg(m_selectedModels.first())
                                                           : tr("%n models", nullptr, int(m_selectedModels.size())));
    m_modelsButton->setEnabled(!m_modelsMenu->isEmpty());
    m_modelsButton->setToolTip(m_modelsMenu->isEmpty()
                                   ? tr("Fetch the provider's models first (Run > Fetch Models, Ctrl+Shift+R)")
                                   : tr("Run the same request on several models side by side (Ctrl+Alt+M)"));
}

void RunPanel::setStatus(const QString& text)
{
    m_status->setText(text);
}

QString RunPanel::status() const
{
    return m_status->text();
}

QPlainTextEdit* RunPanel::outputEdit() const
{
    return m_panes.first()->edit();
}

CompletionRunner* RunPanel::runner() const
{
    return m_panes.first()->runner();
}

QString RunPanel::paneTitle(const RunRecord& record) const
{
    QStringList parts;
    if (!record.model().isEmpty())
        parts.append(record.model());
    parts.append(RunHistoryModel::describeKind(record));
    if (record.kind == RunRecord::kAnswer || record.kind == RunRecord::kClassifier)
        parts.append(record.templateName);
    return parts.join(QStringLiteral(" · "));
}

void RunPanel::updateRunning()
{
    bool running = false;
    for (const RunPane* pane : std::as_const(m_panes))
        running = running || pane->isRunning();
    if (running == m_running)
        return;
    m_running = running;
    Q_EMIT runningChanged(running);
}

void RunPanel::onPaneFinished(const RunRecord& record)
{
    if (!m_groupId.isEmpty() && record.groupId == m_groupId) {
        ++m_ended;
        if (!record.succeeded())
            ++m_failed;
        const int started = int(m_panes.size()); // one pane per run of the group
        if (started == 1) {
            setStatus(m_panes.first()->statsText()); // one run: its stats line, as it always was
        } else if (m_ended < started) {
            setStatus(tr("%1 of %2 runs finished…").arg(m_ended).arg(started));
        } else {
            setStatus(m_failed == 0
                    ? tr("All %1 runs finished.").arg(started)
                    : tr("%1 runs finished, %2 of them stopped or failed.").arg(started).arg(m_failed));
        }
    }
    Q_EMIT runFinished(record);
}

void RunPanel::compareMarkedPanes()
{
    QList<RunPane*> marked;
    for (RunPane* pane : std::as_const(m_panes)) {
        if (pane->isMarkedForCompare())
            marked.append(pane);
    }
    if (marked.size() != 2)
        marked = m_panes.mid(0, 2);
    if (marked.size() < 2) {
        setStatus(tr("Compare needs two panes: run two or more variants, or reopen a group of runs."));
        return;
    }
    Q_EMIT compareRequested(marked.at(0)->record(), marked.at(1)->record());
}

} // namespace tb
