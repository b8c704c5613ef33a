// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/runpane.h"

#include "api/completionjob.h"
#include "gui/accountsession.h"
#include "gui/completionrunner.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTextCursor>
#include <QVBoxLayout>

namespace tb {

namespace {

// The stats line of a stored run, in the words of CompletionRunner::summary().
QString storedSummary(const RunRecord& record)
{
    QStringList parts;
    parts.append(record.succeeded() ? RunPane::tr("finish_reason %1").arg(record.finishReason) : record.outcome);
    if (record.promptTokens >= 0)
        parts.append(RunPane::tr("%1 prompt + %2 completion tokens").arg(record.promptTokens).arg(record.completionTokens));
    if (record.timeToFirstTokenMs >= 0)
        parts.append(RunPane::tr("first token %1 ms").arg(record.timeToFirstTokenMs));
    if (record.totalMs >= 0)
        parts.append(RunPane::tr("total %1 ms").arg(record.totalMs));
    if (!record.requestId.isEmpty())
        parts.append(RunPane::tr("request %1").arg(record.requestId));
    return parts.join(QStringLiteral(" · "));
}

} // namespace

RunPane::RunPane(AccountSession* session, QWidget* parent) : QWidget(parent), m_session(session)
{
    m_runner = new CompletionRunner(session, this);
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("paneTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_compare = new QCheckBox(tr("Compare"));
    m_compare->setToolTip(tr("Mark two panes, then Compare Panes shows their differences"));
    m_header = new QWidget;
    auto* headerLayout = new QHBoxLayout(m_header);
    headerLayout->setContentsMargins(0, 0, 0, 0);
    headerLayout->addWidget(m_title, 1);
    headerLayout->addWidget(m_compare);

    m_edit = new QPlainTextEdit;
    m_edit->setObjectName(QStringLiteral("outputEdit"));
    m_edit->setReadOnly(true);
    m_stats = new QLabel;
    m_stats->setObjectName(QStringLiteral("paneStats"));
    m_stats->setWordWrap(true);
    m_stats->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_stats);
    setHeaderVisible(false);

    connect(m_runner, &CompletionRunner::runningChanged, this, &RunPane::runningChanged);
    connect(m_runner, &CompletionRunner::delta, this, [this](int choice, const QString& text) {
        if (choice != 0)
            return; // n > 1 in the request: only the first choice streams; all show at the end
        QTextCursor cursor(m_edit->document());
        cursor.movePosition(QTextCursor::End);
        cursor.insertText(text);
    });
    connect(m_runner, &CompletionRunner::finished, this, &RunPane::onFinished);
    connect(m_runner, &CompletionRunner::failed, this, &RunPane::onFailed);
}

void RunPane::start(const CompletionRequest& request, const RunRecord& base)
{
    m_runner->stop();
    m_record = base;
    m_record.startedAt = QDateTime::currentDateTimeUtc();
    m_record.request = m_session->wireBody(request);
    m_record.outcome.clear();
    m_edit->clear();
    setStats(tr("Waiting for the first token…"), false);
    m_runner->start(request);
}

void RunPane::stop()
{
    m_runner->stop();
}

bool RunPane::isRunning() const
{
    return m_runner->isRunning();
}

void RunPane::showRecord(const RunRecord& record)
{
    m_runner->stop();
    m_record = record;
    m_edit->setPlainText(record.response);
    setStats(storedSummary(record), !record.succeeded() && record.outcome != QLatin1String("stopped"));
}

void RunPane::clear()
{
    m_runner->stop();
    m_record = RunRecord();
    m_edit->clear();
    m_stats->clear();
}

void RunPane::setHeaderVisible(bool visible)
{
    m_header->setVisible(visible);
    m_stats->setVisible(visible);
}

void RunPane::setTitle(const QString& title)
{
    m_title->setText(title);
}

QString RunPane::title() const
{
    return m_title->text();
}

bool RunPane::isMarkedForCompare() const
{
    return m_compare->isChecked();
}

void RunPane::setMarkedForCompare(bool marked)
{
    m_compare->setChecked(marked);
}

QString RunPane::statsText() const
{
    return m_stats->text();
}

void RunPane::setStats(const QString& text, bool error)
{
    m_stats->setText(text);
    m_stats->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

void RunPane::onFinished(const CompletionResult& result)
{
    if (result.choices.size() > 1) {
        QString all;
        for (const ChoiceResult& choice : result.choices)
            all += tr("── choice %1 ──\n").arg(choice.index) + choice.text + QStringLiteral("\n\n");
        m_edit->setPlainText(all.trimmed());
    } else if (!result.streamed || m_edit->toPlainText() != result.text()) {
        m_edit->setPlainText(result.text());
    }
    m_record.takeResult(result);
    setStats(CompletionRunner::summary(result), false);
    const RunRecord record = m_record; // a receiver may start this pane again
    Q_EMIT finished(record);
}

void RunPane::onFailed(const QString& sentence, bool cancelled)
{
    m_record.outcome = cancelled ? QStringLiteral("stopped") : sentence;
    m_record.response = m_runner->text();
    setStats(sentence, !cancelled);
    const RunRecord record = m_record;
    Q_EMIT finished(record);
}

} // namespace tb
