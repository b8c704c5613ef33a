// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/datasetview.h"

#include "core/chattokencounter.h"
#include "core/datasetvalidator.h"
#include "core/jsonlindex.h"
#include "core/tiktokenencoding.h"
#include "gui/datasetfileactions.h"
#include "gui/datasetstatspane.h"
#include "gui/shortcutaction.h"
#include "gui/uniformrowview.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <map>

namespace tb {

namespace {

// Lines up to this size are rendered for the detail pane on the GUI thread at once.
constexpr qsizetype kSyncRenderLimit = 64 * 1024;

DatasetTableModel::TokenCounter chatTokenCounter(const TiktokenEncoding& encoding)
{
    return [&encoding](const QJsonObject& example) -> std::optional<qint64> {
        const ChatTokenCounter counter(encoding);
        const QJsonValue messages = example.value(QLatin1String("messages"));
        if (messages.isArray())
            return counter.countMessages(messages.toArray());
        const QJsonValue input = example.value(QLatin1String("input"));
        if (input.isObject()) {
            QJsonArray all = input.toObject().value(QLatin1String("messages")).toArray();
            for (const QJsonValue& message : example.value(QLatin1String("preferred_output")).toArray())
                all.append(message);
            return counter.countMessages(all);
        }
        if (example.contains(QLatin1String("prompt")) || example.contains(QLatin1String("completion"))) {
            return qint64(encoding.countTokens(example.value(QLatin1String("prompt")).toString())
                + encoding.countTokens(example.value(QLatin1String("completion")).toString()));
        }
        return std::nullopt;
    };
}

} // namespace

DatasetView::DatasetView(QWidget* parent)
    : QWidget(parent)
    , m_model(new DatasetTableModel(this))
{
    m_longJobs.setMaxThreadCount(2); // one build and one search at a time
    m_fileChooser = [](QWidget* parentWidget) {
        return QFileDialog::getOpenFileName(parentWidget, tr("Open Dataset"), QString(),
            tr("JSON Lines (*.jsonl *.json *.txt);;All files (*)"));
    };
    createActions();
    createWidgets();

    connect(&m_build, &QFutureWatcher<void>::progressValueChanged, this, &DatasetView::onBuildProgress);
    connect(&m_build, &QFutureWatcher<void>::finished, this, &DatasetView::onBuildFinished);
    connect(
        &m_search, &QFutureWatcher<JsonlSearch::Batch>::resultsReadyAt, this, &DatasetView::onSearchResults);
    connect(&m_search, &QFutureWatcher<JsonlSearch::Batch>::progressValueChanged, m_searchProgress,
        &QProgressBar::setValue);
    connect(&m_search, &QFutureWatcher<JsonlSearch::Batch>::finished, this, &DatasetView::onSearchFinished);
    connect(&m_render, &QFutureWatcher<DatasetDetail>::finished, this, &DatasetView::onRenderFinished);
    connect(&m_validation, &QFutureWatcher<DatasetReport>::finished, this, &DatasetView::onValidationFinished);
    connect(&m_fileWatcher, &QFileSystemWatcher::fileChanged, this, &DatasetView::onFileChanged);
    m_matchFlush.setSingleShot(true);
    m_matchFlush.setInterval(250);
    connect(&m_matchFlush, &QTimer::timeout, this, &DatasetView::flushMatches);
    m_filterDelay.setSingleShot(true);
    m_filterDelay.setInterval(300);
    connect(&m_filterDelay, &QTimer::timeout, this, [this] { setFilterText(m_filterEdit->text()); });
    startDefaultTokenCounter();
    connectRecordTools();
}

DatasetView::~DatasetView()
{
    // The tasks hold the index alive themselves; they only need to stop early.
    cancelBackgroundWork();
}

void DatasetView::createActions()
{
    m_openAction
        = addShortcutAction(this, tr("&Open Dataset…"), QKeySequence::Open, tr("Open a JSONL dataset"));
    m_reloadAction
        = addShortcutAction(this, tr("&Reload"), QKeySequence(Qt::Key_F5), tr("Index the file again"));
    m_jumpAction = addShortcutAction(
        this, tr("&Go to Line…"), QKeySequence(Qt::CTRL | Qt::Key_G), tr("Jump to a line number"));
    m_filterAction = addShortcutAction(
        this, tr("&Filter…"), QKeySequence::Find, tr("Show only lines containing a text"));
    m_stopAction = addShortcutAction(
        this, tr("&Stop"), QKeySequence(Qt::Key_Escape), tr("Stop indexing and searching"));
    m_examplesAction = addShortcutAction(this, tr("&Use as Few-Shot Examples"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U),
        tr("Send the selected lines to the Prompts page's example table"));
    connect(m_examplesAction, &QAction::triggered, this, &DatasetView::requestExamples);
    m_reloadAction->setEnabled(false);
    m_stopAction->setEnabled(false);
    connect(m_openAction, &QAction::triggered, this, &DatasetView::chooseAndOpen);
    connect(m_reloadAction, &QAction::triggered, this, &DatasetView::reload);
    connect(m_jumpAction, &QAction::triggered, this, [this] {
        m_lineEdit->setFocus(Qt::ShortcutFocusReason);
        m_lineEdit->selectAll();
    });
    connect(m_filterAction, &QAction::triggered, this, [this] {
        m_filterEdit->setFocus(Qt::ShortcutFocusReason);
        m_filterEdit->selectAll();
    });
    connect(m_stopAction, &QAction::triggered, this, &DatasetView::cancelBackgroundWork);
    m_fileActions = new DatasetFileActions(this);
}

void DatasetView::createWidgets()
{
    m_toolBar = new QToolBar(this);
    m_toolBar->addAction(m_openAction);
    m_toolBar->addAction(m_reloadAction);
    m_toolBar->addAction(m_fileActions->prepareAction());
    m_toolBar->addAction(m_fileActions->mergeAction());
    m_toolBar->addSeparator();
    m_lineEdit = new QLineEdit(this);
    m_lineEdit->setPlaceholderText(tr("Line"));
    m_lineEdit->setClearButtonEnabled(true);
    m_lineEdit->setMaximumWidth(120);
    m_toolBar->addWidget(m_lineEdit);
    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setPlaceholderText(tr("Filter: text in the line"));
    m_filterEdit->setClearButtonEnabled(true);
    m_toolBar->addWidget(m_filterEdit);
    m_filterBar = new DatasetFilterBar(this);
    m_toolBar->addWidget(m_filterBar);
    m_searchProgress = new QProgressBar(this);
    m_searchProgress->setRange(0, 1000);
    m_searchProgress->setMaximumWidth(120);
    m_searchProgress->setTextVisible(false);
    m_searchProgress->hide();
    m_toolBar->addWidget(m_searchProgress);
    m_toolBar->addAction(m_stopAction);
    connect(m_lineEdit, &QLineEdit::returnPressed, this, [this] {
        bool ok = false;
        const qint64 line = m_lineEdit->text().trimmed().remove(QLocale().groupSeparator()).toLongLong(&ok);
        if (ok)
            jumpToLine(line);
    });
    connect(m_filterEdit, &QLineEdit::textEdited, this, [this] { m_filterDelay.start(); });
    connect(m_filterEdit, &QLineEdit::returnPressed, this, [this] {
        m_filterDelay.stop();
        setFilterText(m_filterEdit->text());
    });

    m_banner = new QLabel(this);
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fcf1d2; padding: 4px; }"));
    m_banner->hide();

    // One row height and no per-row state: constant memory and O(1) row inserts at
    // any line count (QTableView's vertical header kept ~16 bytes per row).
    m_table = new UniformRowView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection); // several rows can become examples
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(DatasetTableModel::LineColumn, 90);
    m_table->setColumnWidth(DatasetTableModel::RolesColumn, 200);
    // Wide enough for the longest format name, "prompt/completion".
    m_table->setColumnWidth(DatasetTableModel::FormatColumn,
                            m_table->fontMetrics().horizontalAdvance(tr("prompt/completion")) + 16);
    // Header clicks sort through DatasetTableModel::sort(): Line or Tokens, on the pool.
    m_table->horizontalHeader()->setSortIndicator(DatasetTableModel::LineColumn, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &DatasetView::onCurrentRowChanged);

    m_conversation = new QTextBrowser(this);
    m_conversation->setOpenLinks(false);
    auto* rawPage = new QWidget(this);
    m_raw = new QPlainTextEdit(rawPage);
    m_raw->setReadOnly(true);
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_rawError = new QLabel(rawPage);
    m_rawError->setStyleSheet(QStringLiteral("QLabel { color: #c01c28; }"));
    m_rawError->setWordWrap(true);
    m_rawError->hide();
    auto* rawLayout = new QVBoxLayout(rawPage);
    rawLayout->setContentsMargins(0, 0, 0, 0);
    rawLayout->addWidget(m_rawError);
    rawLayout->addWidget(m_raw);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_conversation, tr("Conversation"));
    m_tabs->addTab(rawPage, tr("Raw JSON"));
    m_rawPage = rawPage;
    connect(m_tabs, &QTabWidget::currentChanged, this, &DatasetView::refreshDetailTab);
    m_stats = new DatasetStatsPane(this);
    m_tabs->addTab(m_stats, tr("Stats"));
    connect(m_stats, &DatasetStatsPane::lineActivated, this, [this](qint64 line) { jumpToLine(line); });
    m_editor = new DatasetRecordEditor(m_model, this);
    m_tabs->addTab(m_editor, tr("Edit"));
    for (QAction* action : m_editor->actions())
        addAction(action);
    m_toolBar->addSeparator();
    m_toolBar->addActions(m_editor->toolBarActions());

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    m_indexProgress = new QProgressBar(this);
    m_indexProgress->setRange(0, JsonlIndex::kProgressMaximum);
    m_indexProgress->setMaximumWidth(200);
    m_indexProgress->hide();
    m_status = new QLabel(this);
    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_indexProgress);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);
    layout->addLayout(statusRow);
    updateStatus();
}

QList<QAction*> DatasetView::datasetActions() const
{
    return QList<QAction*> { m_openAction, m_reloadAction, m_jumpAction, m_filterAction, m_stopAction, m_examplesAction }
    + m_editor->actions();
}

bool DatasetView::requestExamples()
{
    if (!m_index)
        return false;
    // Few-shot examples are a handful of turns: a select-all over millions of rows takes
    // the first rows only, walking the selection's ranges rather than listing every index.
    constexpr qint64 kMaxExamples = 100;
    QList<qint64> lines;
    const QItemSelection selection = m_table->selectionModel()->selection();
    for (const QItemSelectionRange& range : selection) {
        for (int row = range.top(); row <= range.bottom() && lines.size() < kMaxExamples; ++row)
            lines.append(m_model->lineForRow(row));
    }
    if (lines.isEmpty())
        return false;
    std::sort(lines.begin(), lines.end());
    lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
    // Unsaved edits win over the file; the index keeps the mapping alive while the
    // other lines are read and parsed on the pool.
    std::map<qint64, QByteArray> edited;
    for (const qint64 line : lines) {
        if (std::optional<QByteArray> bytes = m_model->edits().editedLine(line))
            edited.emplace(line, std::move(*bytes));
    }
    const std::shared_ptr<const JsonlIndex> index = m_index;
    auto* watcher = new QFutureWatcher<QList<QJsonObject>>(this);
    connect(watcher, &QFutureWatcher<QList<QJsonObject>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        Q_EMIT examplesRequested(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([index, lines, edited = std::move(edited)] {
        QList<QJsonObject> rows;
        for (const qint64 line : lines) {
            const auto edit = edited.find(line);
            const QByteArray bytes = edit != edited.end() ? edit->second : index->lineView(line).toByteArray();
            const QJsonDocument json = QJsonDocument::fromJson(bytes);
            if (json.isObject())
                rows.append(json.object());
        }
        return rows;
    }));
    return true;
}

std::shared_ptr<const JsonlIndex> DatasetView::index() const
{
    return m_index;
}

QString DatasetView::filePath() const
{
    return m_index ? m_index->path() : QString();
}

void DatasetView::chooseAndOpen()
{
    const QString path = m_fileChooser ? m_fileChooser(this) : QString();
    if (!path.isEmpty())
        openFile(path);
}

bool DatasetView::openFile(const QString& path)
{
    if (!maybeSave([this, path] { openFile(path); }))
        return false;
    auto opened = JsonlIndex::open(path);
    if (!opened.ok()) {
        m_message = opened.error().toString();
        m_banner->setText(m_message);
        m_banner->show();
        updateStatus();
        return false;
    }
    cancelBackgroundWork();
    m_restoreLine = -1;
    if (!m_fileWatcher.files().isEmpty())
        m_fileWatcher.removePaths(m_fileWatcher.files());
    m_fileWatcher.addPath(path);
    m_banner->hide();
    m_message.clear();
    m_matches = 0;
    m_filterEdit->clear();
    m_searchProgress->hide();
    m_index = opened.value();
    m_validationSummary.clear();
    m_stats->clear(tr("Checking the file…"));
    m_filterBar->clear();
    m_model->setIndex(m_index);
    m_editor->reset();
    m_detail = DatasetDetail();
    ++m_detailGeneration;
    m_conversation->clear();
    m_raw->clear();
    m_rawError->hide();
    m_reloadAction->setEnabled(true);
    m_stopAction->setEnabled(true);
    m_indexProgress->setValue(0);
    m_indexProgress->show();
    m_rowSync.invalidate();
    m_build.setFuture(JsonlIndex::buildInBackground(m_index, &m_longJobs));
    updateStatus();
    Q_EMIT fileOpened(path);
    return true;
}

void DatasetView::reload()
{
    if (!m_index)
        return;
    const qint64 line = m_detail.line;
    if (openFile(m_index->path()))
        m_restoreLine = line; // back there once that line is indexed again
}

void DatasetView::restorePosition()
{
    if (m_restoreLine >= 0 && m_index && m_index->availableLines() > m_restoreLine) {
        const qint64 line = m_restoreLine;
        m_restoreLine = -1;
        jumpToLine(line + 1);
    }
}

void DatasetView::cancelBackgroundWork()
{
    m_build.cancel();
    m_search.cancel();
    m_validation.cancel();
}

void DatasetView::onBuildProgress()
{
    // An insertion costs the view O(1) (UniformRowView keeps nothing per row), but each
    // is a model signal and a repaint: after the first rows, batches come 10 times a second.
    if (m_model->rowCount() == 0 || !m_rowSync.isValid() || m_rowSync.elapsed() >= 100) {
        m_model->syncRowCount();
        m_rowSync.start();
    }
    m_indexProgress->setValue(m_build.progressValue());
    restorePosition();
    updateStatus();
}

void DatasetView::onBuildFinished()
{
    m_model->syncRowCount();
    m_indexProgress->hide();
    m_stopAction->setEnabled(m_search.isRunning());
    if (!m_index)
        return;
    restorePosition();
    m_restoreLine = -1; // the file became shorter
    if (m_table->currentIndex().row() < 0 && m_model->rowCount() > 0)
        m_table->setCurrentIndex(m_model->index(0, 0));
    updateStatus();
    if (m_index->isComplete()) {
        // The same checks as `tunebench validate`, off the GUI thread; Status fills in when done.
        m_validationSummary = tr("checking…");
        // o200k_base like the Tokens column: the per-line counts it hands back sort that column.
        DatasetValidator::Options options;
        options.encoding = TiktokenEncoding::Encoding::O200kBase;
        m_validation.setFuture(DatasetValidator::validateInBackground(m_index, options, &m_checkJobs));
        updateStatus();
        Q_EMIT indexingFinished(m_index->lineCount());
    }
}

void DatasetView::onValidationFinished()
{
    if (m_validation.isCanceled() || m_validation.future().resultCount() == 0) {
        m_validationSummary.clear();
        m_stats->clear(tr("Checking the file was stopped; reload (F5) to see its statistics."));
        updateStatus();
        return;
    }
    const DatasetReport report = m_validation.result();
    m_model->setFindings(report.findings);
    m_stats->setReport(report);
    m_model->setLineTokens(report.lineTokens);
    m_filterBar->setReport(report);
    m_editor->setFileFormat(report.format, report.maxTokensPerExample);
    qint64 warnings = 0;
    for (const qint64 count : report.warnings)
        warnings += count;
    m_validationSummary = tr("%n error(s)", nullptr, int(report.errorCount())) + QStringLiteral(", ")
        + tr("%n warning(s)", nullptr, int(warnings));
    updateStatus();
    Q_EMIT validationFinished(report.errorCount(), warnings);
}

bool DatasetView::jumpToLine(qint64 line)
{
    if (!m_index || line < 1 || line > m_index->availableLines()) {
        m_message = m_index && m_index->isComplete()
            ? tr("There is no line %1; the file has %2 lines.").arg(line).arg(m_index->lineCount())
            : tr("Line %1 is not indexed yet.").arg(line);
        updateStatus();
        return false;
    }
    m_model->syncRowCount();
    int row = m_model->rowForLine(line - 1);
    if (row < 0 && m_model->isFiltered()) {
        m_search.cancel();
        m_filterEdit->clear();
        m_filterBar->resetCriteria();
        m_model->clearLineFilter();
        row = m_model->rowForLine(line - 1);
    }
    if (row < 0)
        return false;
    const QModelIndex target = m_model->index(row, DatasetTableModel::LineColumn);
    m_table->setCurrentIndex(target);
    m_table->scrollTo(target, QAbstractItemView::PositionAtCenter);
    m_message.clear();
    updateStatus();
    return true;
}

void DatasetView::setFilterText(const QString& text)
{
    m_filterDelay.stop();
    if (m_filterEdit->text() != text)
        m_filterEdit->setText(text);
    applyFilters();
}

void DatasetView::applyFilters()
{
    m_search.cancel();
    m_matches = 0;
    m_pendingMatches.clear();
    m_matchFlush.stop();
    if (!m_index)
        return;
    const DatasetLineFilter::Criteria criteria = m_filterBar->criteria(m_filterEdit->text().toUtf8());
    if (criteria.isEmpty()) {
        const qint64 line = m_detail.line;
        m_model->clearLineFilter();
        m_model->syncRowCount();
        m_searchProgress->hide();
        if (line >= 0)
            jumpToLine(line + 1);
        updateStatus();
        return;
    }
    m_model->setLineFilter({});
    m_searchProgress->setValue(0);
    m_searchProgress->show();
    m_stopAction->setEnabled(true);
    if (criteria.isTextOnly() && !m_model->isSorted() && m_model->edits().isEmpty()) {
        // The fast byte search, which also follows a build still running.
        m_search.setFuture(JsonlSearch::start(m_index, criteria.text, Qt::CaseInsensitive, &m_longJobs));
    } else if (m_index->isComplete()) {
        // Walks the lines in the table's order, so matches can be appended as they come.
        DatasetLineFilter::Inputs inputs = m_filterBar->inputs();
        inputs.order = m_model->sortedLines();
        inputs.encoding = m_encoding.isFinished() ? m_encoding.result() : nullptr;
        inputs.edits = m_model->edits();
        for (const auto& [line, bytes] : inputs.edits.lines()) {
            const std::optional<DatasetTableModel::RowStatus> status = m_model->editStatus(line);
            DatasetLineFilter::LineVerdict verdict;
            if (status) {
                verdict.flags = quint8((status->errors > 0 ? DatasetReport::LineHasError : 0)
                    | (status->warnings > 0 ? DatasetReport::LineHasWarning : 0));
            }
            verdict.rules = m_model->editRules(line);
            inputs.editedVerdicts.emplace(line, verdict);
        }
        m_search.setFuture(DatasetLineFilter::start(m_index, criteria, std::move(inputs), &m_longJobs));
    } else {
        m_searchProgress->hide();
        m_message = tr("Status, rule and role filters work once the file is indexed and checked.");
    }
    updateStatus();
}

void DatasetView::onSearchResults(int begin, int end)
{
    for (int i = begin; i < end; ++i) {
        const JsonlSearch::Batch batch = m_search.resultAt(i);
        m_matches += qint64(batch.size());
        m_pendingMatches.insert(m_pendingMatches.end(), batch.begin(), batch.end());
    }
    // Like rows while indexing: the first matches at once, then a few batches a second.
    if (m_model->rowCount() == 0)
        flushMatches();
    else if (!m_matchFlush.isActive())
        m_matchFlush.start();
}

void DatasetView::flushMatches()
{
    m_matchFlush.stop();
    if (!m_pendingMatches.empty() && m_model->isFiltered())
        m_model->appendFilteredLines(m_pendingMatches);
    m_pendingMatches.clear();
    updateStatus();
}

void DatasetView::onSearchFinished()
{
    flushMatches(); // also when stopped: what was found stays
    m_searchProgress->hide();
    m_stopAction->setEnabled(m_build.isRunning());
    updateStatus();
    if (!m_search.isCanceled())
        Q_EMIT searchFinished(m_matches);
}

void DatasetView::onCurrentRowChanged()
{
    const qint64 line = m_model->lineForRow(m_table->currentIndex().row());
    const quint64 generation = ++m_detailGeneration;
    if (line < 0 || !m_index)
        return;
    const std::shared_ptr<const JsonlIndex> index = m_index;
    m_editor->showLine(line);
    const QByteArrayView bytes = m_model->lineBytes(line); // an unsaved edit, or the file's
    if (bytes.size() <= kSyncRenderLimit) {
        showDetail(DatasetDetailRenderer::render(line, bytes));
        return;
    }
    m_conversation->setHtml(
        QStringLiteral("<p><i>") + tr("Rendering line %1…").arg(line + 1) + QStringLiteral("</i></p>"));
    m_raw->clear();
    m_renderGeneration = generation;
    const std::optional<QByteArray> edited = m_model->edits().editedLine(line);
    m_render.setFuture(QtConcurrent::run([index, line, edited] {
        return DatasetDetailRenderer::render(line, edited ? QByteArrayView(*edited) : index->lineView(line));
    }));
}

void DatasetView::onRenderFinished()
{
    if (m_renderGeneration == m_detailGeneration && !m_render.isCanceled())
        showDetail(m_render.result());
}

void DatasetView::showDetail(const DatasetDetail& detail)
{
    m_detail = detail;
    m_conversationStale = true;
    m_rawStale = true;
    refreshDetailTab();
    Q_EMIT detailShown(detail.line);
}

void DatasetView::refreshDetailTab()
{
    if (m_conversationStale && m_tabs->currentWidget() == m_conversation) {
        m_conversationStale = false;
        m_conversation->setHtml(m_detail.conversationHtml);
    } else if (m_rawStale && m_tabs->currentWidget() == m_rawPage) {
        m_rawStale = false;
        fillRawTab();
    }
}

void DatasetView::fillRawTab()
{
    const DatasetDetail& detail = m_detail;
    m_raw->setPlainText(detail.rawText);
    QList<QTextEdit::ExtraSelection> marks;
    if (!detail.errorText.isEmpty()) {
        m_rawError->setText(tr("Line %1: %2").arg(detail.line + 1).arg(detail.errorText));
        m_rawError->show();
        if (detail.errorPosition >= 0) {
            QTextEdit::ExtraSelection mark;
            mark.cursor = QTextCursor(m_raw->document());
            mark.cursor.setPosition(std::min<int>(detail.errorPosition, int(detail.rawText.size())));
            if (!mark.cursor.atEnd())
                mark.cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
            else
                mark.cursor.movePosition(QTextCursor::PreviousCharacter, QTextCursor::KeepAnchor);
            mark.format.setBackground(QColor(0xf6, 0x61, 0x51));
            mark.format.setProperty(QTextFormat::FullWidthSelection, false);
            marks.append(mark);
            QTextCursor at(m_raw->document());
            at.setPosition(mark.cursor.selectionStart());
            m_raw->setTextCursor(at);
            m_raw->ensureCursorVisible();
        }
    } else {
        m_rawError->hide();
    }
    m_raw->setExtraSelections(marks);
}

void DatasetView::onFileChanged()
{
    if (!m_index || !m_index->changedOnDisk())
        return;
    m_banner->setText(
        tr("The file changed on disk. Press Reload (F5) to index it again; rows shown now may be "
           "out of date."));
    m_banner->show();
    Q_EMIT fileChangedOnDisk();
}

void DatasetView::setPriceTable(PriceTable* table)
{
    m_stats->setPriceTable(table);
}

void DatasetView::setTokenCounter(DatasetTableModel::TokenCounter counter)
{
    m_customTokenCounter = true;
    m_model->setTokenCounter(std::move(counter));
}

void DatasetView::startDefaultTokenCounter()
{
    // Loading a rank file takes a moment; rows show no tokens until it is ready.
    connect(&m_encoding, &QFutureWatcherBase::finished, this, [this] {
        const TiktokenEncoding* encoding = m_encoding.result();
        m_editor->setEncoding(encoding);
        if (encoding && !m_customTokenCounter)
            m_model->setTokenCounter(chatTokenCounter(*encoding));
    });
    m_encoding.setFuture(QtConcurrent::run([] {
        const auto encoding = TiktokenEncoding::get(TiktokenEncoding::Encoding::O200kBase);
        return encoding.ok() ? encoding.value() : static_cast<const TiktokenEncoding*>(nullptr);
    }));
}

void DatasetView::connectRecordTools()
{
    connect(m_filterBar, &DatasetFilterBar::criteriaChanged, this, &DatasetView::applyFilters);
    connect(m_model, &DatasetTableModel::sortFinished, this, [this] {
        // A pass walking the old order would append out of order: start it again.
        if (m_search.isRunning())
            applyFilters();
        m_table->scrollTo(m_table->currentIndex());
    });
    connect(
        m_editor, &DatasetRecordEditor::editRequested, this, [this] { m_tabs->setCurrentWidget(m_editor); });
    connect(m_model, &DatasetTableModel::editsChanged, this, [this] {
        if (m_detail.line >= 0 && m_model->lineForRow(m_table->currentIndex().row()) == m_detail.line)
            onCurrentRowChanged(); // the detail shows the new text
        updateStatus();
    });
    connect(m_editor, &DatasetRecordEditor::saveStarted, this, [this] {
        m_indexProgress->setValue(0);
        m_indexProgress->show();
        m_message = tr("Saving…");
        updateStatus();
    });
    connect(m_editor, &DatasetRecordEditor::saveProgress, this, [this](int value, int maximum) {
        m_indexProgress->setValue(int(qint64(value) * JsonlIndex::kProgressMaximum / std::max(1, maximum)));
    });
    connect(m_editor, &DatasetRecordEditor::saveFailed, this, [this](const QString& message) {
        m_indexProgress->hide();
        m_message = message;
        updateStatus();
    });
    connect(m_editor, &DatasetRecordEditor::saved, this, [this](const QString& path) {
        // Index the written file; back to the same line once it is there.
        const qint64 line = m_detail.line;
        if (openFile(path))
            m_restoreLine = line;
        m_message = tr("Saved.");
        updateStatus();
    });
}

bool DatasetView::maybeSave(std::function<void()> then)
{
    return m_editor->maybeSave(std::move(then));
}

QString DatasetView::statusText() const
{
    return m_status->text();
}

void DatasetView::updateStatus()
{
    QStringList parts;
    if (!m_index) {
        parts.append(tr("Open a JSONL file to see its examples."));
    } else {
        const QLocale locale;
        parts.append(QFileInfo(m_index->path()).fileName());
        if (m_index->isComplete())
            parts.append(tr("%1 lines").arg(locale.toString(m_index->lineCount())));
        else if (m_index->wasCanceled())
            parts.append(tr("indexing stopped at %1 lines").arg(locale.toString(m_index->availableLines())));
        else
            parts.append(tr("indexing… %1 lines").arg(locale.toString(m_index->availableLines())));
        if (m_index->hasBom())
            parts.append(tr("starts with a UTF-8 BOM"));
        if (m_index->utf8ErrorCount() > 0) {
            const std::vector<qint64> offsets = m_index->utf8ErrorOffsets();
            const qint64 line = offsets.empty() ? -1 : m_index->lineAt(offsets.front());
            parts.append(tr("%1 invalid UTF-8 sequences, the first at byte %2 (line %3)")
                             .arg(locale.toString(m_index->utf8ErrorCount()))
                             .arg(offsets.empty() ? 0 : offsets.front())
                             .arg(line + 1));
        }
        if (m_model->isFiltered())
            parts.append((m_search.isRunning() ? tr("%1 matches so far") : tr("%1 matches"))
                             .arg(locale.toString(m_matches)));
    }
    if (!m_model->edits().isEmpty())
        parts.append(tr("● %n unsaved edit(s)", nullptr, int(m_model->edits().size())));
    if (!m_message.isEmpty())
        parts.append(m_message);
    if (m_index && !m_validationSummary.isEmpty())
        parts.append(m_validationSummary);
    m_status->setText(parts.join(QStringLiteral(" · ")));
}

} // namespace tb
