// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Datasets page's "Prepare for Fine-Tuning…" and "Merge Files…" actions: they open
// PrepareDialog and MergeDialog for the dataset shown, and open what those write on request.

#include "gui/userdialogs.h"

#include <QObject>

class QAction;

namespace tb {

class DatasetView;
class MergeDialog;
class PrepareDialog;

class DatasetFileActions : public QObject
{
    Q_OBJECT
public:
    explicit DatasetFileActions(DatasetView* view);
    ~DatasetFileActions() override;

    QAction* prepareAction() const { return m_prepare; }
    QAction* mergeAction() const { return m_merge; }
    // Where the dialogs ask their questions (the application's helper; tests queue answers).
    void setDialogs(UserDialogs* dialogs);

    // Open the dialogs (window-modal, deleted on close) and return them for tests.
    PrepareDialog* openPrepareDialog();
    MergeDialog* openMergeDialog();

private:
    UserDialogs& dialogs() { return *m_dialogs; }

    DatasetView* m_view;
    QAction* m_prepare = nullptr;
    QAction* m_merge = nullptr;
    UserDialogs m_ownDialogs; // until setDialogs(): plain interactive dialogs
    UserDialogs* m_dialogs = &m_ownDialogs;
};

} // namespace tb
