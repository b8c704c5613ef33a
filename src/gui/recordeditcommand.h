// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One undoable edit of one JSONL record in the dataset viewer: the line's edit (or its
// absence) before and after, applied to the table model's overlay.

#include "gui/datasettablemodel.h"

#include <QPointer>
#include <QUndoCommand>
#include <optional>

namespace tb {

class RecordEditCommand : public QUndoCommand
{
public:
    // What a line shows: an edit with its status, or nullopt for the file's own bytes.
    struct State
    {
        QByteArray bytes;
        std::optional<DatasetTableModel::RowStatus> status;
        QStringList rules;
    };

    RecordEditCommand(
        DatasetTableModel* model, qint64 line, std::optional<State> before, std::optional<State> after);

    // The current state of `line` in `model`, as `before` for a new command.
    static std::optional<State> stateOf(const DatasetTableModel& model, qint64 line);

    qint64 line() const { return m_line; }
    void undo() override;
    void redo() override;

private:
    void apply(const std::optional<State>& state);

    QPointer<DatasetTableModel> m_model;
    qint64 m_line;
    std::optional<State> m_before;
    std::optional<State> m_after;
};

} // namespace tb
