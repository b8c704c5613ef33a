// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Stats tab of the Datasets page: shows a finished DatasetReport for a chosen model:
// token histogram, tokens per role, the examples over the model's per-example limit,
// the cookbook's epoch and billing estimate and a cost from the (editable) price table.
// It only displays; the report is computed in the background by DatasetView.

#include "core/datasetreport.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QBarSet;
class QChart;
class QChartView;
class QComboBox;
class QGridLayout;
class QLabel;
class QScrollArea;
class QTreeView;

namespace tb {

class HistogramAxisLabels;
class OverLimitModel;
class PriceTable;
class PriceTableEditor;

class DatasetStatsPane : public QWidget
{
    Q_OBJECT
public:
    // The read-outs, for tests and accessibility names.
    enum class Field { Examples, Tokens, Longest, Limit, OverLimit, Epochs, BillingTokens, ChargedTokens, Cost, PriceNote };

    explicit DatasetStatsPane(QWidget* parent = nullptr);
    ~DatasetStatsPane() override;

    // Prices come from `table` (not owned; must outlive the pane). Until one is set the
    // pane uses the bundled defaults and keeps no edits.
    void setPriceTable(PriceTable* table);
    PriceTable* priceTable() const { return m_prices; }

    void setReport(const DatasetReport& report);
    // No report: shows `message` (e.g. "Checking the file…") instead of the figures.
    void clear(const QString& message = {});
    bool hasReport() const { return m_hasReport; }

    // Chooses the model whose limit and price apply; false when it is not in the table.
    bool setModel(const QString& model);
    QString model() const;
    qint64 tokenLimit() const { return m_limit; }

    QString fieldText(Field field) const;
    // "12,345 (4.1%)" for a role shown in the per-role table, empty when not shown.
    QString roleText(const QString& role) const;
    const TokenHistogram& histogram() const { return m_histogram; }
    QStringList histogramCategories() const; // one per bar
    QStringList shownHistogramLabels() const; // those with room to show under their bar
    // What hovering bar `bin` says: "120 to 139 tokens: 14 examples".
    QString histogramToolTip(int bin) const;
    QBarSet* withinLimitBars() const { return m_within; }
    QBarSet* overLimitBars() const { return m_over; }
    OverLimitModel* overLimitModel() const { return m_overModel; }
    QTreeView* overLimitView() const { return m_overView; }

    // Opens (or raises) the non-modal price editor.
    PriceTableEditor* showPriceEditor();
    // "Training Prices…", for the Dataset menu.
    QAction* pricesAction() const { return m_pricesAction; }

Q_SIGNALS:
    // The user activated an example in the over-limit list (1-based line).
    void lineActivated(qint64 line);

private:
    void createWidgets();
    // Read-only labels in a form, one per field; an empty label spans the row.
    QWidget* createForm(const QList<std::pair<Field, QString>>& rows);
    QWidget* createChart();
    void fillModels();
    void refresh();
    void showHistogram();
    void showRoles();
    void showEstimate();

    DatasetReport m_report;
    TokenHistogram m_histogram; // of m_report at m_limit
    bool m_hasReport = false;
    PriceTable* m_prices = nullptr;
    PriceTable* m_ownPrices = nullptr; // the defaults until setPriceTable()
    QPointer<PriceTableEditor> m_editor;
    qint64 m_limit = 0;
    bool m_limitKnown = false;

    QAction* m_pricesAction = nullptr;
    QLabel* m_placeholder = nullptr;
    QScrollArea* m_scroll = nullptr;
    QComboBox* m_modelBox = nullptr;
    QLabel* m_fields[int(Field::PriceNote) + 1] {};
    QChart* m_chart = nullptr;
    QChartView* m_chartView = nullptr;
    QBarSet* m_within = nullptr;
    QBarSet* m_over = nullptr;
    HistogramAxisLabels* m_axisLabels = nullptr;
    QGridLayout* m_roles = nullptr;
    QLabel* m_overTitle = nullptr;
    OverLimitModel* m_overModel = nullptr;
    QTreeView* m_overView = nullptr;
};

} // namespace tb
