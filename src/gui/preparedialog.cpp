// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/preparedialog.h"

#include "gui/userdialogs.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace tb {

namespace {

// Preview cells show this much of a value; the rest is in the tooltip.
constexpr qsizetype kPreviewCharacters = 160;

// A value as a quoted string with visible escapes, so an added space or "\n" shows.
QString quoted(const QString& value)
{
    QString text = value;
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('"'), QStringLiteral("\\\""))
        .replace(QLatin1Char('\n'), QStringLiteral("\\n"))
        .replace(QLatin1Char('\t'), QStringLiteral("\\t"));
    if (text.size() > kPreviewCharacters)
        text = text.left(kPreviewCharacters) + QStringLiteral("…");
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// The tool's "\n- text\n- more" notices as plain lines with bullets.
QString notice(const std::optional<QString>& text)
{
    if (!text)
        return {};
    QString cleaned = text->trimmed();
    if (cleaned.startsWith(QLatin1String("- ")))
        cleaned.remove(0, 2);
    return cleaned.replace(QStringLiteral("\n- "), QStringLiteral("\n• "));
}

QTableWidgetItem* cell(const QString& text, const QString& tip = {})
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (!tip.isEmpty())
        item->setToolTip(tip);
    return item;
}

} // namespace

PrepareDialog::PrepareDialog(const QString& path, UserDialogs& dialogs, QWidget* parent)
    : QDialog(parent)
    , m_path(path)
    , m_dialogs(dialogs)
{
    setWindowTitle(tr("Prepare for Fine-Tuning — %1").arg(QFileInfo(path).fileName()));
    createWidgets();
    connect(&m_analysisWatcher, &QFutureWatcherBase::finished, this, &PrepareDialog::onAnalysisFinished);
    connect(
        &m_preparationWatcher, &QFutureWatcherBase::finished, this, &PrepareDialog::onPreparationFinished);
    connect(&m_writeWatcher, &QFutureWatcherBase::finished, this, &PrepareDialog::onWriteFinished);
    setStatus(tr("Analysing %1…").arg(QFileInfo(path).fileName()));
    // The tool reads the whole file into memory; that never happens on the GUI thread.
    m_analysisWatcher.setFuture(QtConcurrent::run([path](QPromise<LegacyPrepare::Analysis>& promise) {
        promise.addResult(LegacyPrepare().analyze(path, [&promise] { return promise.isCanceled(); }));
    }));
    updateWriteButton();
}

PrepareDialog::~PrepareDialog()
{
    // The tasks own copies of what they use; an analysis of a big file still reading
    // stops instead of holding the memory (and the application's exit) for minutes.
    m_analysisWatcher.cancel();
}

void PrepareDialog::createWidgets()
{
    m_header = new QLabel(this);
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::PlainText);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(8);
    m_busy->setTextVisible(false);

    m_list = new QListWidget(this);
    m_list->setWordWrap(true);
    m_list->setSpacing(2);
    m_list->setAlternatingRowColors(true);
    // Not a QLabel: the tool's long URLs must wrap anywhere instead of widening the dialog.
    m_explanation = new QPlainTextEdit(this);
    m_explanation->setReadOnly(true);
    m_explanation->setFrameShape(QFrame::NoFrame);
    m_explanation->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_explanation->setMaximumHeight(m_explanation->fontMetrics().lineSpacing() * 5 + 8);
    m_explanation->setBackgroundVisible(false);
    m_explanation->viewport()->setAutoFillBackground(false);
    m_preview = new QTableWidget(0, 4, this);
    m_preview->setHorizontalHeaderLabels({ tr("Example"), tr("Field"), tr("Before"), tr("After") });
    // The tool's own "rows: [...]" count from 0 after earlier removals; this is the file's.
    m_preview->horizontalHeaderItem(0)->setToolTip(tr("Which example of the file, counting from 1"));
    m_preview->verticalHeader()->setDefaultSectionSize(m_preview->fontMetrics().height() + 8);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_preview->setWordWrap(false);
    m_preview->verticalHeader()->hide();
    m_preview->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_preview->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_preview->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_preview->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);

    auto* detail = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_explanation);
    auto* previewLabel = new QLabel(tr("Preview: the first affected examples, before → after"), detail);
    detailLayout->addWidget(previewLabel);
    detailLayout->addWidget(m_preview, 1);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_list);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    m_toolText = new QPlainTextEdit(this);
    m_toolText->setReadOnly(true);
    m_toolText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto* tabs = new QTabWidget(this);
    tabs->addTab(splitter, tr("&Recommendations"));
    tabs->addTab(m_toolText, tr("Tool &Output"));

    auto* outputs = new QGridLayout;
    const QString labels[2] = { tr("&Prepared file:"), tr("&Validation file:") };
    for (int i = 0; i < 2; ++i) {
        m_outputLabel[i] = new QLabel(labels[i], this);
        m_output[i] = new QLineEdit(this);
        m_outputLabel[i]->setBuddy(m_output[i]);
        m_browse[i] = new QPushButton(tr("Browse…"), this);
        outputs->addWidget(m_outputLabel[i], i, 0);
        outputs->addWidget(m_output[i], i, 1);
        outputs->addWidget(m_browse[i], i, 2);
        connect(m_output[i], &QLineEdit::textEdited, this, [this] {
            m_outputEdited = true;
            updateWriteButton();
        });
        connect(m_browse[i], &QPushButton::clicked, this, [this, i] { browse(i); });
    }

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_writeButton = m_buttons->addButton(tr("&Write"), QDialogButtonBox::AcceptRole);
    m_writeButton->setDefault(true);
    m_openButton = m_buttons->addButton(tr("&Open in Datasets"), QDialogButtonBox::ActionRole);
    m_openButton->hide();
    connect(m_writeButton, &QPushButton::clicked, this, &PrepareDialog::write);
    connect(m_openButton, &QPushButton::clicked, this, [this] {
        if (!m_written.isEmpty())
            Q_EMIT openRequested(m_written.first());
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_list, &QListWidget::currentRowChanged, this, &PrepareDialog::showItemDetail);
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        if (item->flags().testFlag(Qt::ItemIsUserCheckable))
            startPreparation();
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_busy);
    layout->addWidget(tabs, 1);
    layout->addLayout(outputs);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    resize(1000, 640);
}

bool PrepareDialog::isBusy() const
{
    // Not the watchers' isRunning(): a task that ended but whose result is not shown yet is busy.
    return !m_analysis || m_writing || m_shownGeneration != m_generation;
}

QStringList PrepareDialog::outputPaths() const
{
    QStringList paths { m_output[0]->text().trimmed() };
    if (m_prepared.split)
        paths.append(m_output[1]->text().trimmed());
    return paths;
}

void PrepareDialog::setOutputPath(int which, const QString& path)
{
    m_output[which]->setText(path);
    m_outputEdited = true;
    updateWriteButton();
}

QString PrepareDialog::statusText() const
{
    return m_status->text();
}

QString PrepareDialog::explanationText() const
{
    return m_explanation->toPlainText();
}

void PrepareDialog::setStatus(const QString& text)
{
    m_status->setText(text);
}

bool PrepareDialog::splitChosen() const
{
    for (int row = 0; row < m_list->count(); ++row) {
        const QListWidgetItem* item = m_list->item(row);
        if (ItemKind(item->data(KindRole).toInt()) == ItemKind::Split)
            return item->checkState() == Qt::Checked;
    }
    return false;
}

void PrepareDialog::onAnalysisFinished()
{
    if (m_analysisWatcher.future().resultCount() == 0)
        return;
    m_analysis = std::make_shared<const LegacyPrepare::Analysis>(m_analysisWatcher.result());
    const LegacyPrepare::Analysis& analysis = *m_analysis;
    m_toolText->setPlainText(analysis.text + analysis.errorText);
    QString header = QFileInfo(m_path).fileName();
    if (!analysis.remediations.empty()) {
        for (const LegacyPrepare::Remediation& r : analysis.remediations) {
            if (r.rule == QLatin1String("legacy_num_examples"))
                header += QStringLiteral(" — ") + notice(r.immediate).section(QLatin1String(". "), 0, 0);
        }
    }
    m_header->setText(header);
    if (analysis.aborted) {
        m_busy->hide();
        QString error = analysis.errorText.trimmed();
        error.remove(QStringLiteral("\n\nAborting..."));
        setStatus(tr("The legacy tool stops here, so nothing can be prepared: %1").arg(error));
        m_explanation->setPlainText(error);
        updateWriteButton();
        Q_EMIT analysisShown();
        return;
    }

    const QSignalBlocker blocker(m_list);
    const std::vector<std::size_t> recommended = analysis.recommendations();
    for (std::size_t i = 0; i < analysis.remediations.size(); ++i) {
        const LegacyPrepare::Remediation& r = analysis.remediations[i];
        if (r.necessary) {
            auto* item = new QListWidgetItem(m_list);
            item->setData(KindRole, int(ItemKind::Necessary));
            item->setData(Qt::UserRole, qulonglong(i));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable); // checked and fixed
            item->setCheckState(Qt::Checked);
        }
        const auto position = std::find(recommended.begin(), recommended.end(), i);
        if (position != recommended.end()) {
            auto* item = new QListWidgetItem(m_list);
            item->setData(KindRole, int(ItemKind::Recommended));
            item->setData(Qt::UserRole, qulonglong(position - recommended.begin()));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked); // as -q: every recommendation accepted
        }
    }
    auto* split = new QListWidgetItem(m_list);
    split->setData(KindRole, int(ItemKind::Split));
    split->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    split->setCheckState(Qt::Checked);
    split->setHidden(true); // until the prepared data looks like classification
    updateItems();
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    startPreparation();
    Q_EMIT analysisShown();
}

void PrepareDialog::startPreparation()
{
    if (!m_analysis || m_analysis->aborted)
        return;
    std::vector<bool> accepted(m_analysis->recommendations().size(), true);
    for (int row = 0; row < m_list->count(); ++row) {
        const QListWidgetItem* item = m_list->item(row);
        if (ItemKind(item->data(KindRole).toInt()) == ItemKind::Recommended)
            accepted[item->data(Qt::UserRole).toULongLong()] = item->checkState() == Qt::Checked;
    }
    const bool splitRequested = splitChosen();
    const quint64 generation = ++m_generation;
    m_busy->show();
    setStatus(tr("Applying the chosen recommendations…"));
    updateWriteButton();
    // Each toggle recomputes every effect from the analysed table (copies of it), off the GUI thread.
    m_preparationWatcher.setFuture(
        QtConcurrent::run([analysis = m_analysis, accepted, splitRequested, path = m_path, generation] {
            Prepared prepared;
            prepared.preparation = LegacyPrepare().prepare(*analysis, accepted);
            prepared.split = splitRequested && prepared.preparation.classification;
            prepared.defaultNames = LegacyPrepare::outputFileNames(path, prepared.split);
            prepared.generation = generation;
            return prepared;
        }));
}

void PrepareDialog::onPreparationFinished()
{
    if (m_preparationWatcher.future().resultCount() == 0)
        return;
    // A newer choice is being computed: show only the latest.
    Prepared prepared = m_preparationWatcher.result();
    if (prepared.generation != m_generation)
        return;
    m_prepared = std::move(prepared);
    m_shownGeneration = m_generation;
    // What the tool printed, plus what applying these choices printed (e.g. moved row numbers).
    m_toolText->setPlainText(m_analysis->text + m_analysis->errorText + m_prepared.preparation.notes);
    m_busy->hide();
    updateItems();
    updateOutputs();
    showItemDetail();
    const LegacyPrepare::Preparation& preparation = m_prepared.preparation;
    if (preparation.failure)
        setStatus(tr("With these choices the legacy tool fails (%1); uncheck the last recommendation.")
                      .arg(*preparation.failure));
    else if (!preparation.changed && !m_prepared.split)
        setStatus(tr("Nothing to change with these choices: the legacy tool would write no file, the "
                     "dataset can be used as it is."));
    else if (m_prepared.split)
        setStatus(tr("Ready to write %1 training and %2 validation examples.")
                      .arg(preparation.trainRows)
                      .arg(preparation.validRows));
    else
        setStatus(tr("Ready to write %1 examples.").arg(preparation.table.rowCount()));
    updateWriteButton();
    Q_EMIT preparationShown();
}

void PrepareDialog::updateItems()
{
    if (!m_analysis)
        return;
    const QSignalBlocker blocker(m_list);
    const std::vector<std::size_t> recommended = m_analysis->recommendations();
    const bool haveEffects = m_prepared.preparation.effects.size() == recommended.size();
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem* item = m_list->item(row);
        const quint64 index = item->data(Qt::UserRole).toULongLong();
        QString text;
        switch (ItemKind(item->data(KindRole).toInt())) {
        case ItemKind::Necessary:
            text = tr("Necessary: %1\nAlways applied, before the recommendations.")
                       .arg(*m_analysis->remediations[index].necessary);
            break;
        case ItemKind::Recommended: {
            text = *m_analysis->remediations[recommended[index]].optional;
            if (!haveEffects)
                break;
            const LegacyPrepare::Effect& effect = m_prepared.preparation.effects[index];
            const bool removes = !effect.preview.empty() && effect.preview.front().removed;
            const QString counts
                = (removes ? tr("removes %1 of %2 examples") : tr("changes %1 of %2 examples"))
                      .arg(effect.rowsAffected)
                      .arg(effect.rows);
            text += QLatin1Char('\n')
                + (item->checkState() == Qt::Checked ? tr("This %1.").arg(counts)
                                                     : tr("Not applied; it %1.").arg(counts));
            break;
        }
        case ItemKind::Split:
            item->setHidden(!m_prepared.preparation.classification);
            text = tr("Split into training and validation files\n%1 training and %2 validation examples, "
                      "sampled like pandas (seed 42).")
                       .arg(m_prepared.preparation.trainRows)
                       .arg(m_prepared.preparation.validRows);
            break;
        }
        item->setText(text);
    }
}

void PrepareDialog::showItemDetail()
{
    m_preview->setRowCount(0);
    const QListWidgetItem* item = m_list->currentItem();
    if (!m_analysis || !item)
        return;
    const quint64 index = item->data(Qt::UserRole).toULongLong();
    switch (ItemKind(item->data(KindRole).toInt())) {
    case ItemKind::Necessary:
        m_explanation->setPlainText(notice(m_analysis->remediations[index].immediate));
        return;
    case ItemKind::Split:
        for (const LegacyPrepare::Remediation& r : m_analysis->remediations) {
            if (r.rule == QLatin1String("legacy_classification"))
                m_explanation->setPlainText(notice(r.immediate));
        }
        return;
    case ItemKind::Recommended:
        break;
    }
    const std::vector<std::size_t> recommended = m_analysis->recommendations();
    m_explanation->setPlainText(notice(m_analysis->remediations[recommended[index]].immediate));
    if (m_prepared.preparation.effects.size() != recommended.size())
        return;
    const LegacyPrepare::Effect& effect = m_prepared.preparation.effects[index];
    for (const LegacyPrepare::RowChange& change : effect.preview) {
        const QString example = QString::number(change.row + 1);
        const auto addRow
            = [this, &example](const QString& field, const QString& before, const QString& after) {
                  const int row = m_preview->rowCount();
                  m_preview->insertRow(row);
                  m_preview->setItem(row, 0, cell(example));
                  m_preview->setItem(row, 1, cell(field));
                  m_preview->setItem(row, 2, cell(quoted(before), before));
                  m_preview->setItem(row, 3, cell(after, after));
              };
        if (change.removed) {
            addRow(tr("prompt"), change.promptBefore, tr("(example removed)"));
            addRow(tr("completion"), change.completionBefore, tr("(example removed)"));
            continue;
        }
        if (change.promptAfter != change.promptBefore)
            addRow(tr("prompt"), change.promptBefore, quoted(change.promptAfter));
        if (change.completionAfter != change.completionBefore)
            addRow(tr("completion"), change.completionBefore, quoted(change.completionAfter));
    }
}

void PrepareDialog::updateOutputs()
{
    const bool split = m_prepared.split;
    m_outputLabel[0]->setText(split ? tr("&Training file:") : tr("&Prepared file:"));
    for (QWidget* widget : { static_cast<QWidget*>(m_outputLabel[1]), static_cast<QWidget*>(m_output[1]),
             static_cast<QWidget*>(m_browse[1]) })
        widget->setVisible(split);
    // The tool's names until the user types their own.
    if (!m_outputEdited)
        m_output[0]->setText(m_prepared.defaultNames.value(0));
    if (!m_outputEdited || (split && m_output[1]->text().isEmpty()))
        m_output[1]->setText(m_prepared.defaultNames.value(1));
}

void PrepareDialog::updateWriteButton()
{
    const LegacyPrepare::Preparation& preparation = m_prepared.preparation;
    const bool ready = m_analysis && !m_analysis->aborted && !isBusy() && !preparation.failure
        && (preparation.changed || m_prepared.split);
    const QStringList paths = outputPaths();
    const bool named = std::none_of(paths.begin(), paths.end(), [](const QString& p) { return p.isEmpty(); });
    m_writeButton->setEnabled(ready && named);
}

void PrepareDialog::browse(int which)
{
    const QString path = m_dialogs.saveFile(
        this, tr("Prepared File"), tr("JSON Lines (*.jsonl);;All files (*)"), m_output[which]->text());
    if (!path.isEmpty())
        setOutputPath(which, path);
}

void PrepareDialog::write()
{
    updateWriteButton();
    if (!m_writeButton->isEnabled())
        return;
    const QStringList names = outputPaths();
    const QString input = QFileInfo(m_path).absoluteFilePath();
    QStringList existing;
    for (const QString& name : names) {
        if (QFileInfo(name).absoluteFilePath() == input) {
            m_dialogs.showError(this, tr("Prepare for Fine-Tuning"),
                tr("The prepared file cannot replace %1 itself; choose another name.").arg(name));
            return;
        }
        if (QFileInfo::exists(name))
            existing.append(name);
    }
    if (names.size() == 2
        && QFileInfo(names.at(0)).absoluteFilePath() == QFileInfo(names.at(1)).absoluteFilePath()) {
        m_dialogs.showError(this, tr("Prepare for Fine-Tuning"),
            tr("The training and validation files need different names."));
        return;
    }
    if (!existing.isEmpty()
        && !m_dialogs.confirm(this, tr("Replace Files"),
            tr("%1 already exists. Replace it with the prepared data?", nullptr, int(existing.size()))
                .arg(existing.join(QStringLiteral(", "))))) {
        setStatus(tr("Nothing written: %1 was kept.").arg(existing.join(QStringLiteral(", "))));
        return;
    }
    m_writeButton->setEnabled(false);
    m_busy->show();
    m_writing = true;
    setStatus(tr("Writing…"));
    m_writeWatcher.setFuture(
        QtConcurrent::run([table = m_prepared.preparation.table, names, split = m_prepared.split] {
            Written written;
            if (const Status status = LegacyPrepare::write(table, names, split); !status)
                written.error = status.error().toString();
            else
                written.files = names;
            return written;
        }));
}

void PrepareDialog::onWriteFinished()
{
    m_busy->hide();
    m_writing = false;
    if (m_writeWatcher.future().resultCount() == 0)
        return;
    const Written written = m_writeWatcher.result();
    updateWriteButton();
    if (!written.error.isEmpty()) {
        setStatus(tr("Nothing written: %1").arg(written.error));
        Q_EMIT writeFinished(false, {});
        return;
    }
    m_written = written.files;
    const LegacyPrepare::Preparation& preparation = m_prepared.preparation;
    if (written.files.size() == 2)
        setStatus(tr("Wrote %1 (%2 examples) and %3 (%4 examples).")
                      .arg(written.files.at(0))
                      .arg(preparation.trainRows)
                      .arg(written.files.at(1))
                      .arg(preparation.validRows));
    else
        setStatus(
            tr("Wrote %1 (%2 examples).").arg(written.files.value(0)).arg(preparation.table.rowCount()));
    m_openButton->show();
    Q_EMIT writeFinished(true, written.files);
}

} // namespace tb
