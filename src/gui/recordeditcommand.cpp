// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/recordeditcommand.h"

namespace tb {

RecordEditCommand::RecordEditCommand(
    DatasetTableModel* model, qint64 line, std::optional<State> before, std::optional<State> after)
    : m_model(model)
    , m_line(line)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
    setText(QObject::tr("Edit Line %1").arg(line + 1));
}

std::optional<RecordEditCommand::State> RecordEditCommand::stateOf(
    const DatasetTableModel& model, qint64 line)
{
    if (!model.isEdited(line))
        return std::nullopt;
    State state;
    state.bytes = model.lineBytes(line).toByteArray();
    state.status = model.editStatus(line);
    state.rules = model.editRules(line);
    return state;
}

void RecordEditCommand::undo()
{
    apply(m_before);
}

void RecordEditCommand::redo()
{
    apply(m_after);
}

void RecordEditCommand::apply(const std::optional<State>& state)
{
    if (!m_model)
        return;
    if (state)
        m_model->setLineEdit(m_line, state->bytes, state->status, state->rules);
    else
        m_model->revertLineEdit(m_line);
}

} // namespace tb
