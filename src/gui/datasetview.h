// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The "Datasets" page: a JSONL file as a lazy table that fills while the file is
// indexed, a detail pane (conversation + raw JSON with the error marked), jump to
// line, full-file text/status/rule/role filters running in the background, sort by tokens,
// and editing single records (undoable, saved atomically).

#include "core/datasetreport.h"
#include "core/jsonlsearch.h"
#include "gui/datasetdetailrenderer.h"
#include "gui/datasetfilterbar.h"
#include "gui/datasetrecordeditor.h"
#include "gui/datasettablemodel.h"

#include <QElapsedTimer>
#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QThreadPool>
#include <QTimer>
#include <QWidget>
#include <functional>
#include <memory>
#include <vector>

class QAction;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QTabWidget;
class QTextBrowser;
class QToolBar;

namespace tb {

class DatasetStatsPane;
class DatasetFileActions;
class JsonlIndex;
class PriceTable;
class TiktokenEncoding;
class UniformRowView;
class UserDialogs;

class DatasetView : public QWidget
{
    Q_OBJECT
public:
    explicit DatasetView(QWidget* parent = nullptr);
    ~DatasetView() override;

    // Maps and starts indexing `path`; rows appear as they are found. False (and the
    // reason shown in the page) when the file cannot be opened.
    bool openFile(const QString& path);
    void reload();
    QString filePath() const;

    // Selects 1-based `line` and shows it; clears a filter that hides it. False when the
    // line is not (yet) in the index.
    bool jumpToLine(qint64 line);
    // Shows only lines containing `text` (ASCII case-insensitive; empty: all lines). The
    // search runs in the background and its matches appear as they are found.
    void setFilterText(const QString& text);
    // Stops indexing and searching; what was found so far stays.
    void cancelBackgroundWork();
    // Runs the text filter and the filter bar's status, rule and role filters together.
    void applyFilters();

    // Before the file is closed (another one opened, the window closed): true to go on;
    // with unsaved edits the user is asked, and on Save `then` runs once it is saved.
    bool maybeSave(std::function<void()> then = {});
    // Questions and errors of the page (tests queue answers); not owned.
    void setDialogs(UserDialogs* dialogs) { m_editor->setDialogs(dialogs); }
    DatasetFilterBar* filterBar() const { return m_filterBar; }
    DatasetRecordEditor* recordEditor() const { return m_editor; }

    // Sends the selected lines (the first 100, with unsaved edits) as examplesRequested();
    // false when none is selected.
    bool requestExamples();

    // Open, Reload, Jump to line, Filter, Stop, Use as examples: for the main window's menus.
    QList<QAction*> datasetActions() const;

    // How "Open" asks for a file (tests and the main window's dialog helper replace it).
    void setFileChooser(std::function<QString(QWidget* parent)> chooser)
    {
        m_fileChooser = std::move(chooser);
    }
    // Replaces the default token counter (o200k_base chat counts, loaded in the background).
    void setTokenCounter(DatasetTableModel::TokenCounter counter);

    // The Stats tab; prices for its cost estimate come from `table` (not owned).
    DatasetStatsPane* statsPane() const { return m_stats; }
    void setPriceTable(PriceTable* table);

    // Prepare for Fine-Tuning and Merge Files: on the toolbar; the main window adds them to its menu.
    DatasetFileActions* fileActions() const { return m_fileActions; }
    DatasetTableModel* model() const { return m_model; }
    UniformRowView* table() const { return m_table; }
    std::shared_ptr<const JsonlIndex> index() const;
    // 0-based line shown in the detail pane, or -1.
    qint64 detailLine() const { return m_detail.line; }
    const DatasetDetail& detail() const { return m_detail; }
    bool isIndexing() const { return m_build.isRunning(); }
    bool isSearching() const { return m_search.isRunning(); }
    QString statusText() const;

Q_SIGNALS:
    void fileOpened(const QString& path);
    void indexingFinished(qint64 lines);
    void searchFinished(qint64 matches);
    // The detail pane shows a new line (0-based).
    void detailShown(qint64 line);
    void fileChangedOnDisk();
    void validationFinished(qint64 errors, qint64 warnings);
    // "Use as Few-Shot Examples": the selected lines, parsed on the pool (unparsable
    // lines left out), in file order.
    void examplesRequested(const QList<QJsonObject>& rows);

private:
    void createActions();
    void createWidgets();
    void chooseAndOpen();
    void onBuildProgress();
    void onBuildFinished();
    void onValidationFinished();
    void restorePosition();
    void onSearchResults(int begin, int end);
    void flushMatches();
    void onSearchFinished();
    void onCurrentRowChanged();
    void onRenderFinished();
    void showDetail(const DatasetDetail& detail);
    // Fills the Conversation or Raw JSON tab with m_detail when it is the current tab and
    // stale: a jump lays out only the document the user sees.
    void refreshDetailTab();
    void fillRawTab();
    void onFileChanged();
    void startDefaultTokenCounter();
    void connectRecordTools();
    void updateStatus();

    std::shared_ptr<JsonlIndex> m_index;
    DatasetTableModel* m_model = nullptr;
    QToolBar* m_toolBar = nullptr;
    UniformRowView* m_table = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTextBrowser* m_conversation = nullptr;
    QPlainTextEdit* m_raw = nullptr;
    QLabel* m_rawError = nullptr;
    DatasetStatsPane* m_stats = nullptr;
    QLineEdit* m_lineEdit = nullptr;
    QLineEdit* m_filterEdit = nullptr;
    QProgressBar* m_indexProgress = nullptr;
    QProgressBar* m_searchProgress = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_banner = nullptr;

    QAction* m_openAction = nullptr;
    QAction* m_examplesAction = nullptr; // "Use as Few-Shot Examples"
    QAction* m_reloadAction = nullptr;
    QAction* m_jumpAction = nullptr;
    QAction* m_filterAction = nullptr;
    QAction* m_stopAction = nullptr;
    DatasetFileActions* m_fileActions = nullptr;

    // Indexing and searching run for seconds on big files; their own pool keeps the
    // global one free for the short tasks (row parses, detail renders), and at normal
    // priority: long jobs lower their threads' for good (ThreadPriority). Declared before
    // the watchers: destroyed after them, it waits for its (cancelled) tasks.
    QThreadPool m_longJobs;
    // Validation takes every thread its pool has for as long as it runs (minutes on a
    // big file under load); on its own pool it never holds back a search or a rebuild.
    QThreadPool m_checkJobs;
    QFutureWatcher<void> m_build;
    QFutureWatcher<JsonlSearch::Batch> m_search;
    QFutureWatcher<DatasetDetail> m_render;
    QFutureWatcher<DatasetReport> m_validation;
    QString m_validationSummary; // "2 errors, 1 warning" once validation finished
    QFutureWatcher<const TiktokenEncoding*> m_encoding;
    QFileSystemWatcher m_fileWatcher;
    QTimer m_filterDelay;
    QTimer m_matchFlush;
    std::vector<qint64> m_pendingMatches; // found, not yet shown
    QElapsedTimer m_rowSync; // since the last batch of rows was shown while indexing
    std::function<QString(QWidget*)> m_fileChooser;
    bool m_customTokenCounter = false;
    DatasetTableModel::TokenCounter m_defaultTokenCounter;
    qint64 m_matches = 0;
    quint64 m_detailGeneration = 0;
    quint64 m_renderGeneration = 0;
    qint64 m_restoreLine = -1; // 0-based line to select again after a reload
    DatasetDetail m_detail;
    bool m_conversationStale = false;
    bool m_rawStale = false;
    QWidget* m_rawPage = nullptr;
    QString m_message; // last error or notice for the status line
    DatasetFilterBar* m_filterBar = nullptr;
    DatasetRecordEditor* m_editor = nullptr;
};

} // namespace tb
