// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/rundiffdialog.h"

#include "gui/runhistorymodel.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace tb {

namespace {

using Kind = TextDiff::Segment::Kind;

QString compactJson(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    // Numbers, booleans and null: let an array print them the JSON way.
    const QString wrapped = QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
    return wrapped.mid(1, wrapped.size() - 2);
}

// `html` in the colours of a deleted or an inserted run of words, in the legend and the text.
QString marked(Kind kind, const QString& html)
{
    return kind == Kind::Deleted
        ? QStringLiteral(
            "<span style='background:#ffd7d5;color:#82071e;text-decoration:line-through'>%1</span>")
              .arg(html)
        : QStringLiteral("<span style='background:#ccffd8;color:#055d20'>%1</span>").arg(html);
}

int wordCount(const QList<TextDiff::Segment>& segments, Kind kind)
{
    return int(TextDiff::words(segments, kind).size());
}

} // namespace

RunDiffDialog::RunDiffDialog(const RunRecord& before, const RunRecord& after, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Compare Runs"));
    setObjectName(QStringLiteral("runDiffDialog"));
    auto* legend = new QLabel(tr("%1 only in A &nbsp; %2 only in B")
                                  .arg(marked(Kind::Deleted, tr("&nbsp;deleted&nbsp;")),
                                      marked(Kind::Inserted, tr("&nbsp;inserted&nbsp;"))));
    m_tabs = new QTabWidget;
    m_tabs->addTab(createPart(Reply, before.response, after.response), QString());
    m_tabs->addTab(createPart(Messages, messagesText(before.request), messagesText(after.request)), QString());
    m_tabs->addTab(createPart(Parameters, parametersText(before), parametersText(after)), QString());
    const QString names[PartCount] = {tr("&Reply"), tr("&Messages"), tr("&Parameters")};
    for (int part = 0; part < PartCount; ++part) {
        const QList<TextDiff::Segment>& segments = m_diffs[part];
        const int deleted = wordCount(segments, Kind::Deleted);
        const int inserted = wordCount(segments, Kind::Inserted);
        m_tabs->setTabText(part, deleted + inserted == 0 ? names[part] + tr(" (same)")
                                                         : names[part] + tr(" (−%1 +%2)").arg(deleted).arg(inserted));
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* heads = new QGridLayout;
    const RunRecord* records[2] = {&before, &after};
    for (int side = 0; side < 2; ++side) {
        auto* head = new QLabel(QStringLiteral("<b>%1</b> %2").arg(side == 0 ? tr("A:") : tr("B:"),
                                                                    describe(*records[side]).toHtmlEscaped()));
        head->setWordWrap(true);
        heads->addWidget(head, 0, side);
    }
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(heads);
    layout->addWidget(m_tabs, 1);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(legend, 1);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);
    // The reply is what people compare first, unless only the request differs.
    if (m_diffs[Reply].size() <= 1 && m_diffs[Messages].size() > 1)
        m_tabs->setCurrentIndex(Messages);
    resize(980, 620);
}

QWidget* RunDiffDialog::createPart(Part part, const QString& before, const QString& after)
{
    m_diffs[part] = TextDiff::compare(before, after);
    auto* page = new QWidget;
    auto* layout = new QHBoxLayout(page);
    const Kind shown[2] = {Kind::Deleted, Kind::Inserted};
    for (int side = 0; side < 2; ++side) {
        auto* view = new QTextBrowser;
        view->setObjectName(side == 0 ? QStringLiteral("diffBefore") : QStringLiteral("diffAfter"));
        view->setHtml(toHtml(m_diffs[part], shown[side]));
        layout->addWidget(view);
        m_views[part][side] = view;
    }
    // Scroll together: the two sides mostly line up.
    QScrollBar* left = m_views[part][0]->verticalScrollBar();
    QScrollBar* right = m_views[part][1]->verticalScrollBar();
    connect(left, &QScrollBar::valueChanged, right, &QScrollBar::setValue);
    connect(right, &QScrollBar::valueChanged, left, &QScrollBar::setValue);
    return page;
}

QString RunDiffDialog::messagesText(const QJsonObject& request)
{
    if (!request.contains(QStringLiteral("messages")))
        return QStringLiteral("prompt:\n") + request.value(QStringLiteral("prompt")).toString();
    QStringList parts;
    for (const QJsonValue& value : request.value(QStringLiteral("messages")).toArray()) {
        const QJsonObject message = value.toObject();
        QString head = message.value(QStringLiteral("role")).toString();
        if (message.contains(QStringLiteral("name")))
            head += QStringLiteral(" (%1)").arg(message.value(QStringLiteral("name")).toString());
        parts.append(head + QStringLiteral(":\n") + compactJson(message.value(QStringLiteral("content"))));
    }
    return parts.join(QStringLiteral("\n\n"));
}

QString RunDiffDialog::parametersText(const RunRecord& record)
{
    static const QStringList skipped = {QStringLiteral("messages"), QStringLiteral("prompt"), QStringLiteral("stream"),
                                        QStringLiteral("stream_options")};
    QStringList lines;
    for (auto it = record.request.begin(); it != record.request.end(); ++it) {
        if (!skipped.contains(it.key()))
            lines.append(QStringLiteral("%1: %2").arg(it.key(), compactJson(it.value())));
    }
    if (!record.values.isEmpty()) {
        lines.append(QString());
        lines.append(tr("template %1:").arg(record.templateName));
        for (auto it = record.values.begin(); it != record.values.end(); ++it)
            lines.append(QStringLiteral("{{%1}} = %2").arg(it.key(), compactJson(it.value())));
    }
    return lines.join(QLatin1Char('\n'));
}

QString RunDiffDialog::toHtml(const QList<TextDiff::Segment>& segments, TextDiff::Segment::Kind changed)
{
    QString html = QStringLiteral("<div style='white-space: pre-wrap'>");
    for (const TextDiff::Segment& segment : segments) {
        if (segment.kind != Kind::Equal && segment.kind != changed)
            continue;
        const QString text = segment.text.toHtmlEscaped();
        html += segment.kind == Kind::Equal ? text : marked(segment.kind, text);
    }
    return html + QStringLiteral("</div>");
}

QString RunDiffDialog::describe(const RunRecord& record)
{
    QStringList parts = {record.templateName};
    if (!record.model().isEmpty())
        parts.append(record.model());
    if (record.kind != RunRecord::kRun || record.groupSize > 1)
        parts.append(RunHistoryModel::describeKind(record));
    if (record.startedAt.isValid())
        parts.append(QLocale().toString(record.startedAt.toLocalTime(), QLocale::ShortFormat));
    parts.append(record.succeeded() ? tr("finish_reason %1").arg(record.finishReason) : record.outcome);
    parts.removeAll(QString());
    return parts.join(QStringLiteral(" · "));
}

} // namespace tb
