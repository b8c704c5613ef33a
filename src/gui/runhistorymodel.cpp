// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/runhistorymodel.h"

#include <QLocale>

namespace tb {

RunHistoryModel::RunHistoryModel(QObject* parent) : QAbstractTableModel(parent) { }

int RunHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int RunHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunHistoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunRecord& record = m_records.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == ReplyColumn)
        return record.response;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case WhenColumn:
        return QLocale().toString(record.startedAt.toLocalTime(), QLocale::ShortFormat);
    case TemplateColumn:
        return record.templateName;
    case ModelColumn:
        return record.model();
    case KindColumn:
        return describeKind(record);
    case OutcomeColumn:
        return record.outcome == QLatin1String("ok") ? record.finishReason : record.outcome;
    case TokensColumn:
        return record.promptTokens < 0 ? QString()
                                       : QStringLiteral("%1 + %2").arg(record.promptTokens).arg(record.completionTokens);
    case TimeColumn:
        return record.totalMs < 0 ? QString() : tr("%1 ms").arg(record.totalMs);
    case ReplyColumn:
        return record.response.section(QLatin1Char('\n'), 0, 0).left(200);
    default:
        return {};
    }
}

QVariant RunHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case WhenColumn:
        return tr("When");
    case TemplateColumn:
        return tr("Template");
    case ModelColumn:
        return tr("Model");
    case KindColumn:
        return tr("Run");
    case OutcomeColumn:
        return tr("Outcome");
    case TokensColumn:
        return tr("Tokens");
    case TimeColumn:
        return tr("Time");
    case ReplyColumn:
        return tr("Reply");
    default:
        return {};
    }
}

void RunHistoryModel::setRecords(const QList<RunRecord>& records)
{
    beginResetModel();
    m_records = records;
    endResetModel();
}

QString RunHistoryModel::describeKind(const RunRecord& record)
{
    if (record.kind == RunRecord::kClassifier)
        return tr("selection: classifier");
    if (record.kind == RunRecord::kAnswer)
        return tr("selection: answer");
    if (record.kind == RunRecord::kChat)
        return tr("chat turn %1").arg(record.variant + 1);
    if (record.groupSize > 1)
        return tr("variant %1/%2").arg(record.variant + 1).arg(record.groupSize);
    return tr("run");
}

const RunRecord* RunHistoryModel::recordAt(int row) const
{
    return row >= 0 && row < m_records.size() ? &m_records.at(row) : nullptr;
}

} // namespace tb
