// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The dataset viewer's record editor: edits the raw JSON of one line, checks it on Apply
// (syntax with line and column, then the example validators) and records accepted text as
// an undoable edit in the table model's overlay; saves the file with its edits atomically
// on a worker thread.

#include "core/datasetformat.h"
#include "core/recordchecker.h"
#include "gui/userdialogs.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QUndoStack>
#include <QWidget>
#include <functional>
#include <memory>

class QAction;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace tb {

class DatasetTableModel;
class TiktokenEncoding;

class DatasetRecordEditor : public QWidget
{
    Q_OBJECT
public:
    explicit DatasetRecordEditor(DatasetTableModel* model, QWidget* parent = nullptr);
    ~DatasetRecordEditor() override;

    // Where questions and errors go; without it the editor uses its own interactive one.
    void setDialogs(UserDialogs* dialogs) { m_dialogs = dialogs ? dialogs : &m_ownDialogs; }
    // The tokenizer for the example validators; null: only the JSON syntax is checked.
    void setEncoding(const TiktokenEncoding* encoding) { m_encoding = encoding; }
    void setFileFormat(DatasetFormat format, int maxTokensPerExample);

    // Loads 0-based `line` as it is shown now (its edit or the file's bytes) once the
    // editor is visible or Edit is triggered; ignored while the text holds changes not
    // applied yet to another line. -1 clears the editor.
    void showLine(qint64 line);
    qint64 line() const { return m_line; }
    QPlainTextEdit* textEdit() const { return m_text; }
    bool hasUnappliedText() const;

    // Checks the text. Without findings it becomes an undoable edit of the line at once;
    // with warnings or validator errors they are shown first and a second Apply of the
    // same text accepts it; JSON syntax errors are never accepted. True when applied.
    bool apply();
    // Drops the typed text: back to what the line shows.
    void discardText();
    const RecordChecker::Outcome& lastCheck() const { return m_check; }
    QString findingsText() const;

    QUndoStack* undoStack() { return &m_undo; }
    // Edit, Apply, Undo, Redo, Save, Save As: for the page's toolbar and menu.
    QList<QAction*> actions() const;
    // Edit, Undo, Redo, Save: the ones worth a toolbar button.
    QList<QAction*> toolBarActions() const
    {
        return { m_editAction, m_undoAction, m_redoAction, m_saveAction };
    }
    QAction* editAction() const { return m_editAction; }
    QAction* saveAction() const { return m_saveAction; }

    bool isModified() const;
    bool isSaving() const { return m_save.isRunning(); }
    // Writes the open file with its edits, replacing it atomically; saved() when done.
    void save();
    // Asks for a new file name and writes there.
    void saveAs();
    void saveTo(const QString& path);
    // Before closing the file: true to go on (no edits, or the user discards them). When
    // the user picks Save, saving starts, false is returned and `then` runs once saved.
    bool maybeSave(std::function<void()> then = {});
    // Another file is open now: the undo history and any typed text are dropped.
    void reset();

Q_SIGNALS:
    // Edit was triggered: the page shows the editor.
    void editRequested();
    void modifiedChanged(bool modified);
    void saveStarted();
    void saveProgress(int value, int maximum);
    // The edits are written to `path`; the page opens it again.
    void saved(const QString& path);
    void saveFailed(const QString& message);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void createWidgets();
    void ensureLoaded();
    void showCheck();
    void onTextChanged();
    void onEditsChanged();
    void onSaveFinished();
    UserDialogs& dialogs() { return *m_dialogs; }

    DatasetTableModel* m_model;
    UserDialogs m_ownDialogs; // until setDialogs(): plain interactive dialogs
    UserDialogs* m_dialogs = &m_ownDialogs;
    const TiktokenEncoding* m_encoding = nullptr;
    DatasetFormat m_format = DatasetFormat::Unknown;
    int m_maxTokens = 0;

    QLabel* m_title = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QLabel* m_findings = nullptr;
    QPushButton* m_applyButton = nullptr;
    QPushButton* m_discardButton = nullptr;
    QAction* m_editAction = nullptr;
    QAction* m_applyAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_saveAsAction = nullptr;

    qint64 m_line = -1;
    bool m_stale = false; // m_line's text is not loaded yet
    QString m_loadedText; // the line's text when loaded: typed changes differ from it
    QString m_confirmText; // text whose findings were shown: a second Apply accepts it
    RecordChecker::Outcome m_check;
    bool m_wasModified = false;
    QUndoStack m_undo;
    QThreadPool m_savePool; // before the watcher: destroyed after it, waits for the task
    QFutureWatcher<Status> m_save;
    QString m_saveTarget;
    std::function<void()> m_afterSave;
};

} // namespace tb
