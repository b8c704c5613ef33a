// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/datasetrecordeditor.h"

#include "core/jsonlindex.h"
#include "core/jsonlrewriter.h"
#include "gui/datasettablemodel.h"
#include "gui/recordeditcommand.h"
#include "gui/shortcutaction.h"

#include <QAction>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QVBoxLayout>

namespace tb {

namespace {

// The editor shows records up to this size; longer lines are not editable here.
constexpr qsizetype kMaxEditableBytes = 1024 * 1024;

} // namespace

DatasetRecordEditor::DatasetRecordEditor(DatasetTableModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
{
    m_savePool.setMaxThreadCount(1);
    createWidgets();
    connect(m_model, &DatasetTableModel::editsChanged, this, &DatasetRecordEditor::onEditsChanged);
    connect(&m_save, &QFutureWatcher<Status>::progressValueChanged, this,
        [this](int value) { Q_EMIT saveProgress(value, JsonlRewriter::kProgressMaximum); });
    connect(&m_save, &QFutureWatcher<Status>::finished, this, &DatasetRecordEditor::onSaveFinished);
    showLine(-1);
}

DatasetRecordEditor::~DatasetRecordEditor()
{
    m_save.cancel(); // QSaveFile drops the half-written file
}

void DatasetRecordEditor::createWidgets()
{
    m_title = new QLabel(this);
    m_text = new QPlainTextEdit(this);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setPlaceholderText(tr("Select a line to edit its JSON."));
    m_findings = new QLabel(this);
    m_findings->setWordWrap(true);
    m_findings->setTextFormat(Qt::RichText);
    m_findings->hide();
    m_applyButton = new QPushButton(tr("Apply"), this);
    m_applyButton->setToolTip(tr("Check the JSON and use it for this line (Ctrl+Return)"));
    m_discardButton = new QPushButton(tr("Discard Typing"), this);
    m_discardButton->setToolTip(tr("Back to the line's current text"));
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_discardButton);
    buttons->addWidget(m_applyButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_title);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_findings);
    layout->addLayout(buttons);

    m_editAction = addShortcutAction(
        this, tr("&Edit Record"), QKeySequence(Qt::Key_F2), tr("Edit the selected line's JSON"));
    m_applyAction = addShortcutAction(
        this, tr("&Apply Edit"), QKeySequence(Qt::CTRL | Qt::Key_Return), tr("Check and apply the edit"));
    m_undoAction = m_undo.createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_redoAction = m_undo.createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcut(QKeySequence::Redo);
    m_redoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_saveAction
        = addShortcutAction(this, tr("&Save Dataset"), QKeySequence::Save, tr("Write the edits to the file"));
    m_saveAsAction = addShortcutAction(this, tr("Save Dataset &As…"), QKeySequence::SaveAs,
        tr("Write the file with its edits to a new file"));
    m_saveAction->setEnabled(false);
    m_saveAsAction->setEnabled(false);
    // Short toolbar labels; the menu shows the full text ("Undo Edit Line 12").
    m_editAction->setIconText(tr("Edit"));
    m_undoAction->setIconText(tr("Undo"));
    m_redoAction->setIconText(tr("Redo"));
    m_saveAction->setIconText(tr("Save"));
    addAction(m_applyAction);
    connect(m_editAction, &QAction::triggered, this, [this] {
        Q_EMIT editRequested();
        ensureLoaded();
        m_text->setFocus(Qt::ShortcutFocusReason);
    });
    connect(m_applyAction, &QAction::triggered, this, &DatasetRecordEditor::apply);
    connect(m_applyButton, &QPushButton::clicked, this, &DatasetRecordEditor::apply);
    connect(m_discardButton, &QPushButton::clicked, this, &DatasetRecordEditor::discardText);
    connect(m_saveAction, &QAction::triggered, this, &DatasetRecordEditor::save);
    connect(m_saveAsAction, &QAction::triggered, this, &DatasetRecordEditor::saveAs);
    connect(m_text, &QPlainTextEdit::textChanged, this, &DatasetRecordEditor::onTextChanged);
}

QList<QAction*> DatasetRecordEditor::actions() const
{
    return { m_editAction, m_applyAction, m_undoAction, m_redoAction, m_saveAction, m_saveAsAction };
}

void DatasetRecordEditor::setFileFormat(DatasetFormat format, int maxTokensPerExample)
{
    m_format = format;
    m_maxTokens = maxTokensPerExample;
}

bool DatasetRecordEditor::hasUnappliedText() const
{
    return m_line >= 0 && !m_stale && m_text->toPlainText() != m_loadedText;
}

bool DatasetRecordEditor::isModified() const
{
    return !m_model->edits().isEmpty();
}

void DatasetRecordEditor::showLine(qint64 line)
{
    if (hasUnappliedText() && line != m_line)
        return;
    const std::shared_ptr<const JsonlIndex> index = m_model->jsonlIndex();
    m_line = index && line >= 0 && line < index->availableLines() ? line : -1;
    // The text is loaded when the editor is seen: following the selection costs nothing.
    m_stale = true;
    if (isVisible() || m_line < 0)
        ensureLoaded();
}

void DatasetRecordEditor::ensureLoaded()
{
    if (!m_stale)
        return;
    m_stale = false;
    if (m_line < 0) {
        m_loadedText.clear();
        m_text->clear();
        m_text->setReadOnly(true);
        m_title->setText(tr("No line selected"));
    } else {
        const QByteArrayView bytes = m_model->lineBytes(m_line);
        const bool tooLong = bytes.size() > kMaxEditableBytes;
        m_loadedText = tooLong ? QString() : QString::fromUtf8(bytes);
        m_text->setReadOnly(tooLong);
        m_text->setPlainText(m_loadedText);
        m_title->setText(tooLong ? tr("Line %1 is too long to edit here.").arg(m_line + 1)
                                 : tr("Line %1%2")
                                       .arg(m_line + 1)
                                       .arg(m_model->isEdited(m_line) ? tr(" (edited)") : QString()));
    }
    m_confirmText.clear();
    m_check = {};
    m_findings->hide();
    m_text->setExtraSelections({});
    onTextChanged();
}

void DatasetRecordEditor::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    ensureLoaded();
}

void DatasetRecordEditor::onTextChanged()
{
    const bool typed = hasUnappliedText();
    m_applyButton->setEnabled(typed);
    m_applyAction->setEnabled(typed);
    m_discardButton->setEnabled(typed);
    m_applyButton->setText(typed && !m_confirmText.isEmpty() && m_text->toPlainText() == m_confirmText
            ? tr("Apply Anyway")
            : tr("Apply"));
}

void DatasetRecordEditor::discardText()
{
    const qint64 line = m_line;
    m_loadedText = m_text->toPlainText(); // let showLine() through
    showLine(line);
}

bool DatasetRecordEditor::apply()
{
    if (!hasUnappliedText())
        return false;
    const QString text = m_text->toPlainText();
    ExampleValidator::Context context;
    context.lineNumber = m_line + 1;
    context.fileFormat = m_format;
    m_check = RecordChecker::check(text, context, m_encoding, m_maxTokens);
    const bool confirmed = !m_confirmText.isEmpty() && text == m_confirmText;
    if (m_check.syntaxError || (!m_check.findings.empty() && !confirmed)) {
        m_confirmText = m_check.syntaxError ? QString() : text;
        showCheck();
        onTextChanged();
        return false;
    }
    DatasetTableModel::RowStatus status;
    for (const DatasetFinding& finding : m_check.findings)
        status.add(finding);
    RecordEditCommand::State after { m_check.record, status, m_check.rules() };
    const qint64 line = m_line;
    m_loadedText = text; // applied: no longer pending
    m_undo.push(new RecordEditCommand(m_model, line, RecordEditCommand::stateOf(*m_model, line), after));
    return true;
}

QString DatasetRecordEditor::findingsText() const
{
    QStringList lines;
    if (m_check.syntaxError) {
        lines.append(tr("Invalid JSON at line %1, column %2: %3")
                         .arg(m_check.syntaxError->line)
                         .arg(m_check.syntaxError->column)
                         .arg(m_check.syntaxError->message));
    }
    for (const DatasetFinding& finding : m_check.findings) {
        lines.append(DatasetFinding::severityName(finding.severity) + QStringLiteral(" ") + finding.rule
            + (finding.path.isEmpty() ? QString() : QStringLiteral(" at ") + finding.path)
            + QStringLiteral(": ") + finding.message);
    }
    return lines.join(QLatin1Char('\n'));
}

void DatasetRecordEditor::showCheck()
{
    QString html;
    if (m_check.syntaxError) {
        html = QStringLiteral("<span style=\"color:#c01c28\"><b>%1</b></span>")
                   .arg(findingsText().toHtmlEscaped());
        // Mark the error position in the text.
        const QTextBlock block = m_text->document()->findBlockByNumber(m_check.syntaxError->line - 1);
        if (block.isValid()) {
            QTextEdit::ExtraSelection mark;
            mark.cursor = QTextCursor(block);
            mark.cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor,
                std::clamp(m_check.syntaxError->column - 1, 0, std::max(0, int(block.length()) - 2)));
            mark.cursor.movePosition(QTextCursor::Right, QTextCursor::KeepAnchor);
            mark.format.setBackground(QColor(0xf6, 0x61, 0x51));
            m_text->setExtraSelections({ mark });
            QTextCursor at = mark.cursor;
            at.clearSelection();
            m_text->setTextCursor(at);
        }
    } else {
        m_text->setExtraSelections({});
        QStringList items;
        for (const DatasetFinding& finding : m_check.findings) {
            const bool error = finding.severity == DatasetFinding::Severity::Error;
            items.append(
                QStringLiteral("<li><span style=\"color:%1\"><b>%2</b></span> %3: %4</li>")
                    .arg(error ? QStringLiteral("#c01c28") : QStringLiteral("#9c6500"),
                        finding.rule.toHtmlEscaped(),
                        finding.path.isEmpty() ? QString() : tr("at ") + finding.path.toHtmlEscaped(),
                        finding.message.toHtmlEscaped()));
        }
        html = tr("The validators found:") + QStringLiteral("<ul style=\"margin:0\">") + items.join(QString())
            + QStringLiteral("</ul>") + tr("Press <b>Apply Anyway</b> to keep the edit, or change the text.");
    }
    m_findings->setText(html);
    m_findings->show();
}

void DatasetRecordEditor::onEditsChanged()
{
    // Undo, redo or save changed what the line shows: show it unless the user is typing.
    if (m_line >= 0 && !hasUnappliedText())
        showLine(m_line);
    const bool modified = isModified();
    m_saveAction->setEnabled(modified && !isSaving());
    m_saveAsAction->setEnabled(m_model->jsonlIndex() != nullptr && !isSaving());
    if (modified != m_wasModified) {
        m_wasModified = modified;
        Q_EMIT modifiedChanged(modified);
    }
}

void DatasetRecordEditor::reset()
{
    m_save.cancel();
    m_afterSave = {};
    m_undo.clear();
    m_loadedText = m_text->toPlainText();
    showLine(-1);
    onEditsChanged();
}

void DatasetRecordEditor::save()
{
    if (const auto index = m_model->jsonlIndex())
        saveTo(index->path());
}

void DatasetRecordEditor::saveAs()
{
    const auto index = m_model->jsonlIndex();
    if (!index)
        return;
    const QString path = dialogs().saveFile(this, tr("Save Dataset As"),
        tr("JSON Lines (*.jsonl);;All files (*)"), QFileInfo(index->path()).path());
    if (!path.isEmpty())
        saveTo(path);
}

void DatasetRecordEditor::saveTo(const QString& path)
{
    const auto index = m_model->jsonlIndex();
    if (!index || isSaving())
        return;
    m_saveTarget = path;
    m_saveAction->setEnabled(false);
    m_saveAsAction->setEnabled(false);
    Q_EMIT saveStarted();
    m_save.setFuture(JsonlRewriter::writeInBackground(index, m_model->edits(), path, &m_savePool));
}

void DatasetRecordEditor::onSaveFinished()
{
    const bool done = !m_save.isCanceled() && m_save.future().resultCount() > 0 && m_save.result().ok();
    if (!done) {
        const QString message = m_save.isCanceled() || m_save.future().resultCount() == 0
            ? tr("Saving was stopped; the file was not changed.")
            : m_save.result().error().toString();
        m_afterSave = {};
        onEditsChanged();
        dialogs().showError(this, tr("Save Dataset"), message);
        Q_EMIT saveFailed(message);
        return;
    }
    // The file now holds the edits; the page opens it again.
    m_undo.clear();
    m_model->clearEdits();
    onEditsChanged();
    Q_EMIT saved(m_saveTarget);
    if (auto then = std::exchange(m_afterSave, {}))
        then();
}

bool DatasetRecordEditor::maybeSave(std::function<void()> then)
{
    if (!isModified())
        return true;
    const auto index = m_model->jsonlIndex();
    const QString name = index ? QFileInfo(index->path()).fileName() : QString();
    switch (dialogs().askSaveChanges(this,
        tr("%n line(s) of %1 are edited but not saved.", nullptr, int(m_model->edits().size())).arg(name))) {
    case QMessageBox::Save:
        m_afterSave = std::move(then);
        save();
        return false;
    case QMessageBox::Discard:
        m_undo.clear();
        m_model->clearEdits();
        return true;
    default:
        return false;
    }
}

} // namespace tb
