// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The labels under the bars of a bar chart, drawn level and whole: when there is no room
// for every bar's label it shows every 2nd, 5th or 10th one, the way plotting tools thin
// their ticks, where Qt Charts' category axis would shorten each label to "...".

#include <QStringList>
#include <QWidget>
#include <vector>

class QAbstractSeries;
class QChartView;

namespace tb {

class HistogramAxisLabels : public QWidget
{
    Q_OBJECT
public:
    // Bars are those of `series` (on a category axis) in `view`; the strip goes right
    // under the view, at the same horizontal position.
    HistogramAxisLabels(QChartView* view, QAbstractSeries* series, QWidget* parent = nullptr);

    // One label per bar. Bars from `pinned` on are labelled first, the earlier first when
    // two collide (the tail bin, which nothing else names, before the over-limit bin,
    // which the legend names); of the others, when thinned, those whose (index + phase)
    // is a multiple of the stride, so that labels fall on round values.
    void setLabels(const QStringList& labels, int pinned, qint64 phase);
    // What is drawn now, left to right.
    QStringList shownLabels() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    struct Placed
    {
        int bar = 0;
        qreal left = 0;
        qreal width = 0;
    };
    std::vector<Placed> layoutLabels() const;
    qreal barCenter(int bar) const;

    QChartView* m_view;
    QAbstractSeries* m_series;
    QStringList m_labels;
    int m_pinned = 0;
    qint64 m_phase = 0;
};

} // namespace tb
