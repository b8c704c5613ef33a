// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/datasetfileactions.h"

#include "gui/datasetview.h"
#include "gui/mergedialog.h"
#include "gui/preparedialog.h"
#include "gui/shortcutaction.h"
#include "gui/userdialogs.h"

#include <QAction>

namespace tb {

namespace {

// Window-modal without a nested event loop; "Open in Datasets" shows the written file.
template <typename Dialog> Dialog* showDialog(Dialog* dialog, DatasetView* view)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &Dialog::openRequested, view, [view, dialog](const QString& path) {
        view->openFile(path);
        dialog->close();
    });
    dialog->open();
    return dialog;
}

} // namespace

DatasetFileActions::DatasetFileActions(DatasetView* view)
    : QObject(view)
    , m_view(view)
{
    m_prepare = addShortcutAction(view, tr("&Prepare for Fine-Tuning…"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
        tr("Check a prompt/completion file like 'openai tools fine_tunes.prepare_data' and write a fixed "
           "copy"));
    m_merge = addShortcutAction(view, tr("&Merge Files…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M),
        tr("Concatenate JSONL files into a new one"));
    m_prepare->setEnabled(false);
    connect(m_prepare, &QAction::triggered, this, &DatasetFileActions::openPrepareDialog);
    connect(m_merge, &QAction::triggered, this, &DatasetFileActions::openMergeDialog);
    connect(view, &DatasetView::fileOpened, this, [this] { m_prepare->setEnabled(true); });
}

DatasetFileActions::~DatasetFileActions() = default;

void DatasetFileActions::setDialogs(UserDialogs* dialogs)
{
    m_dialogs = dialogs ? dialogs : &m_ownDialogs;
}

PrepareDialog* DatasetFileActions::openPrepareDialog()
{
    if (m_view->filePath().isEmpty())
        return nullptr;
    return showDialog(new PrepareDialog(m_view->filePath(), dialogs(), m_view), m_view);
}

MergeDialog* DatasetFileActions::openMergeDialog()
{
    const QString current = m_view->filePath();
    const QStringList files = current.isEmpty() ? QStringList() : QStringList { current };
    return showDialog(new MergeDialog(files, dialogs(), m_view), m_view);
}

} // namespace tb
