// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// "Merge Files": JSONL files in a chosen order written into a new one by DatasetMerger in
// the background (progress, stop), optionally without repeated lines, with per-file counts.

#include "core/datasetmerger.h"

#include <QDialog>
#include <QFutureWatcher>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace tb {

class UserDialogs;

class MergeDialog : public QDialog
{
    Q_OBJECT
public:
    // `files` start the list (e.g. the dataset shown); `dialogs` picks files and asks
    // before replacing one.
    MergeDialog(const QStringList& files, UserDialogs& dialogs, QWidget* parent = nullptr);
    ~MergeDialog() override;

    QStringList files() const;
    void addFiles(const QStringList& files);
    void setOutputPath(const QString& path);
    void setDropDuplicates(bool drop);
    // Starts the merge in the background; asks before replacing an existing file.
    void merge();
    void stop();
    bool isMerging() const { return m_merging; }

    QTableWidget* countsTable() const { return m_counts; }
    QPushButton* mergeButton() const { return m_mergeButton; }
    QString statusText() const;

Q_SIGNALS:
    void mergeFinished(bool ok, const QString& output);
    // The user asked to open the merged file in the dataset viewer.
    void openRequested(const QString& path);

private:
    struct Merged
    {
        QString error; // empty on success
        DatasetMerger::Outcome outcome;
    };

    void createWidgets();
    void chooseFiles();
    void chooseOutput();
    void moveCurrent(int by);
    void onMergeFinished();
    void updateButtons();

    UserDialogs& m_dialogs;
    QListWidget* m_list = nullptr;
    QPushButton* m_addButton = nullptr;
    QPushButton* m_removeButton = nullptr;
    QPushButton* m_upButton = nullptr;
    QPushButton* m_downButton = nullptr;
    QCheckBox* m_dedupe = nullptr;
    QLineEdit* m_output = nullptr;
    QProgressBar* m_progress = nullptr;
    QTableWidget* m_counts = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_mergeButton = nullptr;
    QPushButton* m_stopButton = nullptr;
    QPushButton* m_openButton = nullptr;
    QFutureWatcher<Merged> m_watcher;
    QString m_target; // what the running merge writes
    bool m_merging = false;
};

} // namespace tb
