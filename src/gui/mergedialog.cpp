// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/mergedialog.h"

#include "gui/userdialogs.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace tb {

namespace {

constexpr int kProgressMaximum = 1000;

QTableWidgetItem* countCell(qint64 value)
{
    auto* item = new QTableWidgetItem(QLocale().toString(value));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

} // namespace

MergeDialog::MergeDialog(const QStringList& files, UserDialogs& dialogs, QWidget* parent)
    : QDialog(parent)
    , m_dialogs(dialogs)
{
    setWindowTitle(tr("Merge Files"));
    createWidgets();
    connect(&m_watcher, &QFutureWatcherBase::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &MergeDialog::onMergeFinished);
    addFiles(files);
    updateButtons();
}

MergeDialog::~MergeDialog()
{
    // The task holds nothing of the dialog; stopping it leaves no file behind.
    m_watcher.cancel();
}

void MergeDialog::createWidgets()
{
    m_list = new QListWidget(this);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_addButton = new QPushButton(tr("&Add…"), this);
    m_addButton->setObjectName(QStringLiteral("addFilesButton"));
    m_removeButton = new QPushButton(tr("&Remove"), this);
    m_upButton = new QPushButton(tr("Move &Up"), this);
    m_downButton = new QPushButton(tr("Move &Down"), this);
    auto* listButtons = new QVBoxLayout;
    for (QPushButton* button : { m_addButton, m_removeButton, m_upButton, m_downButton })
        listButtons->addWidget(button);
    listButtons->addStretch(1);
    auto* listRow = new QHBoxLayout;
    listRow->addWidget(m_list, 1);
    listRow->addLayout(listButtons);
    connect(m_addButton, &QPushButton::clicked, this, &MergeDialog::chooseFiles);
    connect(m_removeButton, &QPushButton::clicked, this, [this] {
        delete m_list->currentItem();
        updateButtons();
    });
    connect(m_upButton, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_downButton, &QPushButton::clicked, this, [this] { moveCurrent(1); });
    connect(m_list, &QListWidget::currentRowChanged, this, &MergeDialog::updateButtons);

    m_dedupe = new QCheckBox(tr("Leave out lines identical to an earlier line (in any of the files)"), this);
    m_output = new QLineEdit(this);
    m_output->setPlaceholderText(tr("The new merged file"));
    connect(m_output, &QLineEdit::textChanged, this, &MergeDialog::updateButtons);
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &MergeDialog::chooseOutput);
    auto* outputLabel = new QLabel(tr("&Write to:"), this);
    outputLabel->setBuddy(m_output);
    auto* outputRow = new QHBoxLayout;
    outputRow->addWidget(outputLabel);
    outputRow->addWidget(m_output, 1);
    outputRow->addWidget(browse);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, kProgressMaximum);
    m_progress->hide();
    m_counts = new QTableWidget(0, 4, this);
    m_counts->setHorizontalHeaderLabels({ tr("File"), tr("Lines"), tr("Written"), tr("Repeats left out") });
    m_counts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_counts->verticalHeader()->hide();
    m_counts->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < 4; ++column)
        m_counts->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_counts->hide();
    m_status
        = new QLabel(tr("Lines are copied as they are, with LF line ends; blank lines are left out."), this);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_mergeButton = buttons->addButton(tr("&Merge"), QDialogButtonBox::AcceptRole);
    m_mergeButton->setDefault(true);
    m_stopButton = buttons->addButton(tr("&Stop"), QDialogButtonBox::ActionRole);
    m_stopButton->hide();
    m_openButton = buttons->addButton(tr("&Open in Datasets"), QDialogButtonBox::ActionRole);
    m_openButton->hide();
    connect(m_mergeButton, &QPushButton::clicked, this, &MergeDialog::merge);
    connect(m_stopButton, &QPushButton::clicked, this, &MergeDialog::stop);
    connect(m_openButton, &QPushButton::clicked, this, [this] { Q_EMIT openRequested(m_target); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Files, in the order they are written:"), this));
    layout->addLayout(listRow, 1);
    layout->addWidget(m_dedupe);
    layout->addLayout(outputRow);
    layout->addWidget(m_progress);
    layout->addWidget(m_counts, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(720, 520);
}

QStringList MergeDialog::files() const
{
    QStringList paths;
    for (int row = 0; row < m_list->count(); ++row)
        paths.append(m_list->item(row)->text());
    return paths;
}

void MergeDialog::addFiles(const QStringList& files)
{
    for (const QString& file : files) {
        if (!file.isEmpty())
            m_list->addItem(file);
    }
    // A name beside the first file, until the user picks one.
    if (m_output->text().isEmpty() && m_list->count() > 0) {
        const QFileInfo first(m_list->item(0)->text());
        m_output->setText(first.dir().filePath(first.completeBaseName() + QStringLiteral("_merged.jsonl")));
    }
    updateButtons();
}

void MergeDialog::setOutputPath(const QString& path)
{
    m_output->setText(path);
}

void MergeDialog::setDropDuplicates(bool drop)
{
    m_dedupe->setChecked(drop);
}

QString MergeDialog::statusText() const
{
    return m_status->text();
}

void MergeDialog::chooseFiles()
{
    addFiles(m_dialogs.openFiles(
        this, tr("Add Files to Merge"), tr("JSON Lines (*.jsonl *.ndjson *.json);;All files (*)")));
}

void MergeDialog::chooseOutput()
{
    const QString path = m_dialogs.saveFile(
        this, tr("Merged File"), tr("JSON Lines (*.jsonl);;All files (*)"), m_output->text());
    if (!path.isEmpty())
        m_output->setText(path);
}

void MergeDialog::moveCurrent(int by)
{
    const int row = m_list->currentRow();
    const int target = row + by;
    if (row < 0 || target < 0 || target >= m_list->count())
        return;
    m_list->insertItem(target, m_list->takeItem(row));
    m_list->setCurrentRow(target);
}

void MergeDialog::updateButtons()
{
    const int row = m_list->currentRow();
    m_removeButton->setEnabled(!m_merging && row >= 0);
    m_upButton->setEnabled(!m_merging && row > 0);
    m_downButton->setEnabled(!m_merging && row >= 0 && row < m_list->count() - 1);
    m_addButton->setEnabled(!m_merging);
    m_mergeButton->setEnabled(!m_merging && m_list->count() >= 2 && !m_output->text().trimmed().isEmpty());
    m_stopButton->setVisible(m_merging);
}

void MergeDialog::merge()
{
    updateButtons();
    if (!m_mergeButton->isEnabled())
        return;
    const QStringList inputs = files();
    const QString output = m_output->text().trimmed();
    DatasetMerger::Options options;
    options.dropDuplicates = m_dedupe->isChecked();
    const QFileInfo target(output);
    for (const QString& input : inputs) {
        if (target.exists() && QFileInfo(input).canonicalFilePath() == target.canonicalFilePath()) {
            m_dialogs.showError(this, tr("Merge Files"),
                tr("%1 is one of the files being merged; choose another output file.").arg(output));
            return;
        }
    }
    if (target.exists()) {
        if (!m_dialogs.confirm(this, tr("Replace File"),
                tr("%1 already exists. Replace it with the merged files?").arg(output))) {
            m_status->setText(tr("Nothing written: %1 was kept.").arg(output));
            return;
        }
        options.replaceExisting = true;
    }
    m_target = output;
    m_merging = true;
    m_openButton->hide();
    m_counts->hide();
    m_progress->setValue(0);
    m_progress->show();
    m_status->setText(tr("Merging…"));
    updateButtons();
    m_watcher.setFuture(QtConcurrent::run([inputs, output, options](QPromise<Merged>& promise) {
        promise.setProgressRange(0, kProgressMaximum);
        const Result<DatasetMerger::Outcome> outcome
            = DatasetMerger::run(inputs, output, options, [&promise](qint64 done, qint64 total) {
                  promise.setProgressValue(total > 0 ? int(done * kProgressMaximum / total) : 0);
                  return !promise.isCanceled();
              });
        Merged merged;
        if (outcome)
            merged.outcome = *outcome;
        else
            merged.error = outcome.error().toString();
        promise.addResult(merged);
    }));
}

void MergeDialog::stop()
{
    m_watcher.cancel();
}

void MergeDialog::onMergeFinished()
{
    m_merging = false;
    m_progress->hide();
    updateButtons();
    if (m_watcher.isCanceled() || m_watcher.future().resultCount() == 0) {
        m_status->setText(tr("Stopped; nothing was written."));
        Q_EMIT mergeFinished(false, m_target);
        return;
    }
    const Merged merged = m_watcher.result();
    if (!merged.error.isEmpty()) {
        m_status->setText(tr("Nothing written: %1").arg(merged.error));
        Q_EMIT mergeFinished(false, m_target);
        return;
    }
    m_counts->setRowCount(0);
    for (const DatasetMerger::FileCount& file : merged.outcome.files) {
        const int row = m_counts->rowCount();
        m_counts->insertRow(row);
        auto* name = new QTableWidgetItem(QFileInfo(file.path).fileName());
        name->setToolTip(file.path);
        m_counts->setItem(row, 0, name);
        m_counts->setItem(row, 1, countCell(file.lines));
        m_counts->setItem(row, 2, countCell(file.written));
        m_counts->setItem(row, 3, countCell(file.duplicates));
    }
    m_counts->show();
    m_openButton->show();
    const QLocale locale;
    m_status->setText(tr("Wrote %1: %2 lines from %3 files, %4 repeats left out.")
                          .arg(m_target, locale.toString(merged.outcome.written))
                          .arg(merged.outcome.files.size())
                          .arg(locale.toString(merged.outcome.duplicates)));
    Q_EMIT mergeFinished(true, m_target);
}

} // namespace tb
