// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// "Prepare for Fine-Tuning": the legacy prepare_data analysis of a prompt/completion file,
// each recommendation a checkbox with a preview of the rows it changes, then the prepared
// file(s) written like `tunebench prepare` (all checked = byte for byte what -q writes).

#include "core/legacyprepare.h"

#include <QDialog>
#include <QFutureWatcher>
#include <memory>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QWidget;

namespace tb {

class UserDialogs;

class PrepareDialog : public QDialog
{
    Q_OBJECT
public:
    // Starts analysing `path` in the background at once; `dialogs` asks before replacing files.
    PrepareDialog(const QString& path, UserDialogs& dialogs, QWidget* parent = nullptr);
    ~PrepareDialog() override;

    // What each row of recommendationList() stands for.
    enum class ItemKind { Necessary, Recommended, Split };
    static constexpr int KindRole = Qt::UserRole + 1;

    QString inputPath() const { return m_path; }
    // Analysing, recomputing the preview or writing.
    bool isBusy() const;
    // The output files Write would write: one, or training and validation files.
    QStringList outputPaths() const;
    void setOutputPath(int which, const QString& path);
    // Writes the prepared file(s) in the background; asks before replacing a file.
    void write();

    QListWidget* recommendationList() const { return m_list; }
    QTableWidget* previewTable() const { return m_preview; }
    QPushButton* writeButton() const { return m_writeButton; }
    QString statusText() const;
    QString explanationText() const;

Q_SIGNALS:
    // The analysis is shown (or its error); recommendations can be chosen.
    void analysisShown();
    // The counts and previews match the checkboxes again.
    void preparationShown();
    void writeFinished(bool ok, const QStringList& files);
    // The user asked to open a written file in the dataset viewer.
    void openRequested(const QString& path);

private:
    struct Prepared
    {
        LegacyPrepare::Preparation preparation;
        QStringList defaultNames; // the tool's names for this choice of split
        bool split = false;
        quint64 generation = 0; // which choice of checkboxes it is for
    };
    struct Written
    {
        QString error; // empty on success
        QStringList files;
    };

    void createWidgets();
    void onAnalysisFinished();
    void startPreparation();
    void onPreparationFinished();
    void onWriteFinished();
    void showItemDetail();
    void updateItems();
    void updateOutputs();
    void updateWriteButton();
    void browse(int which);
    void setStatus(const QString& text);
    bool splitChosen() const;

    QString m_path;
    UserDialogs& m_dialogs;
    std::shared_ptr<const LegacyPrepare::Analysis> m_analysis;
    Prepared m_prepared;
    bool m_outputEdited = false;
    bool m_writing = false;
    quint64 m_generation = 0; // of the preparation being computed
    quint64 m_shownGeneration = 0;

    QLabel* m_header = nullptr;
    QProgressBar* m_busy = nullptr;
    QListWidget* m_list = nullptr;
    QPlainTextEdit* m_explanation = nullptr;
    QTableWidget* m_preview = nullptr;
    QPlainTextEdit* m_toolText = nullptr;
    QLineEdit* m_output[2] = { nullptr, nullptr };
    QLabel* m_outputLabel[2] = { nullptr, nullptr };
    QPushButton* m_browse[2] = { nullptr, nullptr };
    QLabel* m_status = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_writeButton = nullptr;
    QPushButton* m_openButton = nullptr;

    QFutureWatcher<LegacyPrepare::Analysis> m_analysisWatcher;
    QFutureWatcher<Prepared> m_preparationWatcher;
    QFutureWatcher<Written> m_writeWatcher;
    QStringList m_written;
};

} // namespace tb
