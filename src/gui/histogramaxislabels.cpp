// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/histogramaxislabels.h"

#include <QAbstractSeries>
#include <QChart>
#include <QChartView>
#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>

namespace tb {

namespace {

constexpr int kTickLength = 3;

} // namespace

HistogramAxisLabels::HistogramAxisLabels(QChartView* view, QAbstractSeries* series, QWidget* parent)
    : QWidget(parent)
    , m_view(view)
    , m_series(series)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(view->chart(), &QChart::plotAreaChanged, this, [this] { update(); });
}

void HistogramAxisLabels::setLabels(const QStringList& labels, int pinned, qint64 phase)
{
    m_labels = labels;
    m_pinned = std::clamp(pinned, 0, int(labels.size()));
    m_phase = phase;
    update();
}

QSize HistogramAxisLabels::sizeHint() const
{
    return { 100, fontMetrics().height() + kTickLength + 3 };
}

qreal HistogramAxisLabels::barCenter(int bar) const
{
    QChart* chart = m_view->chart();
    const QPointF inChart = chart->mapToPosition(QPointF(bar, 0), m_series);
    const QPoint inView = m_view->mapFromScene(chart->mapToScene(inChart));
    return mapFrom(window(), m_view->viewport()->mapTo(window(), inView)).x();
}

std::vector<HistogramAxisLabels::Placed> HistogramAxisLabels::layoutLabels() const
{
    const QFontMetricsF metrics(font());
    const qreal gap = metrics.averageCharWidth() * 1.5;
    const auto place = [&](int bar) {
        const qreal width = metrics.horizontalAdvance(m_labels.at(bar));
        const qreal left = barCenter(bar) - width / 2;
        return Placed { bar, std::clamp(left, 0.0, std::max(0.0, qreal(this->width()) - width)), width };
    };
    const auto collide = [gap](const Placed& a, const Placed& b) {
        return a.left < b.left + b.width + gap && b.left < a.left + a.width + gap;
    };
    // The odd bins first: they cannot be read from their neighbours' labels.
    std::vector<Placed> pinned;
    for (int bar = m_pinned; bar < int(m_labels.size()); ++bar) {
        const Placed label = place(bar);
        if (std::none_of(pinned.begin(), pinned.end(), [&](const Placed& p) { return collide(p, label); }))
            pinned.push_back(label);
    }
    std::vector<Placed> shown;
    for (const qint64 stride : { 1, 2, 5, 10, 20, 50, 100 }) {
        shown.clear();
        bool fits = true;
        for (int bar = 0; bar < m_pinned && fits; ++bar) {
            if ((bar + m_phase) % stride != 0)
                continue;
            const Placed label = place(bar);
            fits = shown.empty() || !collide(shown.back(), label);
            shown.push_back(label);
        }
        if (fits)
            break;
        shown.clear();
    }
    std::erase_if(shown, [&](const Placed& label) {
        return std::any_of(pinned.begin(), pinned.end(), [&](const Placed& p) { return collide(p, label); });
    });
    shown.insert(shown.end(), pinned.begin(), pinned.end());
    std::sort(shown.begin(), shown.end(), [](const Placed& a, const Placed& b) { return a.bar < b.bar; });
    return shown;
}

QStringList HistogramAxisLabels::shownLabels() const
{
    QStringList labels;
    for (const Placed& label : layoutLabels())
        labels.append(m_labels.at(label.bar));
    return labels;
}

void HistogramAxisLabels::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const QFontMetricsF metrics(font());
    for (const Placed& label : layoutLabels()) {
        const qreal center = barCenter(label.bar);
        painter.setPen(palette().color(QPalette::Mid));
        painter.drawLine(QPointF(center, 0), QPointF(center, kTickLength));
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QPointF(label.left, kTickLength + 1 + metrics.ascent()), m_labels.at(label.bar));
    }
}

} // namespace tb
