// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The dataset viewer's status, rule and role filters (next to its text filter): combo
// boxes filled from the validation report, and the inputs a DatasetLineFilter pass needs.

#include "core/datasetlinefilter.h"
#include "core/datasetreport.h"

#include <QWidget>

class QComboBox;

namespace tb {

class DatasetFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit DatasetFilterBar(QWidget* parent = nullptr);

    // The file's validation finished: status and rule filters become available, the rule
    // list shows the rules that occur with their counts.
    void setReport(const DatasetReport& report);
    // Another file: no report yet, every filter back to "any".
    void clear();
    // Every filter back to "any", the report kept; no criteriaChanged().
    void resetCriteria();

    DatasetLineFilter::Status status() const;
    QString rule() const;
    QString role() const;
    void setStatus(DatasetLineFilter::Status status);
    void setRule(const QString& rule);
    void setRole(const QString& role);
    bool isActive() const
    {
        return status() != DatasetLineFilter::Status::Any || !rule().isEmpty() || !role().isEmpty();
    }

    // The criteria other than text, and what the pass needs from the report for them.
    DatasetLineFilter::Criteria criteria(const QByteArray& text) const;
    DatasetLineFilter::Inputs inputs() const;

    QComboBox* statusBox() const { return m_status; }
    QComboBox* ruleBox() const { return m_rule; }
    QComboBox* roleBox() const { return m_role; }

Q_SIGNALS:
    void criteriaChanged();

private:
    QComboBox* m_status = nullptr;
    QComboBox* m_rule = nullptr;
    QComboBox* m_role = nullptr;
    DatasetReport m_report;
};

} // namespace tb
