// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/datasetfilterbar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QLocale>
#include <QSignalBlocker>

namespace tb {

DatasetFilterBar::DatasetFilterBar(QWidget* parent)
    : QWidget(parent)
    , m_status(new QComboBox(this))
    , m_rule(new QComboBox(this))
    , m_role(new QComboBox(this))
{
    m_status->addItem(tr("Any status"), int(DatasetLineFilter::Status::Any));
    m_status->addItem(tr("Errors"), int(DatasetLineFilter::Status::Errors));
    m_status->addItem(tr("Warnings"), int(DatasetLineFilter::Status::Warnings));
    m_status->addItem(tr("Clean"), int(DatasetLineFilter::Status::Clean));
    m_status->setToolTip(tr("Show only lines with errors, with warnings, or without either"));
    m_rule->setToolTip(tr("Show only lines with a finding of this rule"));
    m_rule->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_role->setEditable(true);
    m_role->setInsertPolicy(QComboBox::NoInsert);
    m_role->addItem(QString());
    for (const char* role : { "system", "developer", "user", "assistant", "tool", "function" })
        m_role->addItem(QLatin1String(role));
    m_role->lineEdit()->setPlaceholderText(tr("Any role"));
    m_role->setToolTip(tr("Show only lines with a message of this role"));
    m_role->setMinimumContentsLength(12);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_status);
    layout->addWidget(m_rule);
    layout->addWidget(m_role);
    clear();
    connect(m_status, &QComboBox::activated, this, &DatasetFilterBar::criteriaChanged);
    connect(m_rule, &QComboBox::activated, this, &DatasetFilterBar::criteriaChanged);
    connect(m_role, &QComboBox::activated, this, &DatasetFilterBar::criteriaChanged);
    connect(m_role->lineEdit(), &QLineEdit::returnPressed, this, &DatasetFilterBar::criteriaChanged);
    m_role->lineEdit()->setClearButtonEnabled(true);
    // The clear button reports an edit to "": any role again (typing waits for Return).
    connect(m_role->lineEdit(), &QLineEdit::textEdited, this, [this](const QString& text) {
        if (text.isEmpty())
            Q_EMIT criteriaChanged();
    });
}

void DatasetFilterBar::clear()
{
    const QSignalBlocker blockStatus(m_status);
    const QSignalBlocker blockRule(m_rule);
    const QSignalBlocker blockRole(m_role);
    m_report = {};
    m_rule->clear();
    m_rule->addItem(tr("Any rule"), QString());
    resetCriteria();
    m_status->setEnabled(false);
    m_rule->setEnabled(false);
}

void DatasetFilterBar::resetCriteria()
{
    const QSignalBlocker blockStatus(m_status);
    const QSignalBlocker blockRule(m_rule);
    const QSignalBlocker blockRole(m_role);
    m_status->setCurrentIndex(0);
    m_rule->setCurrentIndex(0);
    m_role->setCurrentIndex(0);
    m_role->setEditText(QString());
}

void DatasetFilterBar::setReport(const DatasetReport& report)
{
    const QString current = rule();
    const QSignalBlocker block(m_rule);
    m_report = report;
    m_status->setEnabled(report.lineFlags != nullptr);
    m_rule->clear();
    m_rule->addItem(tr("Any rule"), QString());
    const QLocale locale;
    // Errors first, then warnings and notes, each by rule name.
    for (const auto* counts : { &report.errors, &report.warnings, &report.infos }) {
        for (auto it = counts->cbegin(); it != counts->cend(); ++it) {
            if (m_rule->findData(it.key()) >= 0)
                continue; // a rule under two severities is listed once
            const qint64 total = report.errors.value(it.key()) + report.warnings.value(it.key())
                + report.infos.value(it.key());
            m_rule->addItem(QStringLiteral("%1 (%2)").arg(it.key(), locale.toString(total)), it.key());
        }
    }
    m_rule->setEnabled(m_rule->count() > 1);
    m_rule->setCurrentIndex(std::max(0, m_rule->findData(current)));
}

DatasetLineFilter::Status DatasetFilterBar::status() const
{
    return DatasetLineFilter::Status(m_status->currentData().toInt());
}

QString DatasetFilterBar::rule() const
{
    return m_rule->currentData().toString();
}

QString DatasetFilterBar::role() const
{
    return m_role->currentText().trimmed();
}

void DatasetFilterBar::setStatus(DatasetLineFilter::Status status)
{
    m_status->setCurrentIndex(std::max(0, m_status->findData(int(status))));
    Q_EMIT criteriaChanged();
}

void DatasetFilterBar::setRule(const QString& rule)
{
    m_rule->setCurrentIndex(std::max(0, m_rule->findData(rule)));
    Q_EMIT criteriaChanged();
}

void DatasetFilterBar::setRole(const QString& role)
{
    m_role->setEditText(role);
    Q_EMIT criteriaChanged();
}

DatasetLineFilter::Criteria DatasetFilterBar::criteria(const QByteArray& text) const
{
    DatasetLineFilter::Criteria criteria;
    criteria.status = status();
    criteria.rule = rule();
    criteria.role = role();
    criteria.text = text;
    return criteria;
}

DatasetLineFilter::Inputs DatasetFilterBar::inputs() const
{
    DatasetLineFilter::Inputs inputs;
    inputs.lineFlags = m_report.lineFlags;
    if (!rule().isEmpty())
        DatasetLineFilter::setRule(inputs, m_report, rule());
    return inputs;
}

} // namespace tb
