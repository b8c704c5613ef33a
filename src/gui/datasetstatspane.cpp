// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/datasetstatspane.h"

#include "core/finetunelimits.h"
#include "core/pricetable.h"
#include "gui/histogramaxislabels.h"
#include "gui/overlimitmodel.h"
#include "gui/pricetableeditor.h"

#include <QAction>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFormLayout>
#include <QGraphicsLayout>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedBarSeries>
#include <QTreeView>
#include <QValueAxis>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace tb {

namespace {

const QColor kWithinColor(0x35, 0x84, 0xe4);
const QColor kOverColor(0xe0, 0x1b, 0x24);

// A thin horizontal bar showing a share of the whole, for the per-role table.
class ShareBar : public QWidget
{
public:
    ShareBar(double share, QWidget* parent)
        : QWidget(parent)
        , m_share(std::clamp(share, 0.0, 1.0))
    {
        setMinimumWidth(60);
        setFixedHeight(8);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        QColor track = palette().color(QPalette::Mid);
        track.setAlpha(70);
        painter.setBrush(track);
        painter.drawRoundedRect(rect(), 3, 3);
        QRectF filled = rect();
        filled.setWidth(std::max(m_share > 0 ? 2.0 : 0.0, filled.width() * m_share));
        painter.setBrush(kWithinColor);
        painter.drawRoundedRect(filled, 3, 3);
    }

private:
    double m_share;
};

QLabel* heading(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setContentsMargins(0, 8, 0, 2);
    return label;
}

// A bin's place on the axis: "120–139", "42" when one token wide, "≥ 2,000" for the
// tail and "> 16,385" for the examples over the limit. Ranges are inclusive, like the
// token counts they hold.
QString binLabel(const TokenHistogram::Bin& bin)
{
    const QLocale locale;
    switch (bin.kind) {
    case TokenHistogram::BinKind::Range:
        break;
    case TokenHistogram::BinKind::Tail:
        return QStringLiteral("≥ ") + locale.toString(bin.from);
    case TokenHistogram::BinKind::OverLimit:
        return QStringLiteral("> ") + locale.toString(bin.from - 1);
    }
    if (bin.from == bin.to)
        return locale.toString(bin.from);
    return locale.toString(bin.from) + QStringLiteral("–") + locale.toString(bin.to);
}

// English plurals without a translation loaded ("1 example", "2 examples").
QString examplesText(qint64 count)
{
    return count == 1 ? QObject::tr("1 example") : QObject::tr("%1 examples").arg(QLocale().toString(count));
}

// "$1,234.50" for US dollars whatever the locale's currency; "1,234.50 EUR" otherwise.
QString money(double value, const QString& currency)
{
    const auto format = [&](double v) {
        const QString number = QLocale().toString(v, 'f', 2);
        return currency == QLatin1String("USD") ? QString(QLatin1Char('$') + number)
                                                : QString(number + QLatin1Char(' ') + currency);
    };
    if (value > 0 && value < 0.005)
        return QObject::tr("less than %1").arg(format(0.01));
    return format(value);
}

} // namespace

DatasetStatsPane::DatasetStatsPane(QWidget* parent)
    : QWidget(parent)
    , m_overModel(new OverLimitModel(this))
{
    m_ownPrices = new PriceTable(nullptr, this);
    m_prices = m_ownPrices;
    createWidgets();
    connect(m_prices, &PriceTable::changed, this, &DatasetStatsPane::fillModels);
    fillModels();
    clear();
}

DatasetStatsPane::~DatasetStatsPane() = default;

void DatasetStatsPane::createWidgets()
{
    m_modelBox = new QComboBox(this);
    m_modelBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_modelBox->setToolTip(tr("The model to fine-tune: its per-example token limit and training price apply"));
    auto* modelLabel = new QLabel(tr("&Model:"), this);
    modelLabel->setBuddy(m_modelBox);
    auto* pricesButton = new QPushButton(tr("&Prices…"), this);
    pricesButton->setToolTip(tr("Edit the training prices used for the cost estimate"));
    auto* top = new QHBoxLayout;
    top->setContentsMargins(8, 6, 8, 2);
    top->addWidget(modelLabel);
    top->addWidget(m_modelBox, 1);
    top->addWidget(pricesButton);
    connect(m_modelBox, &QComboBox::currentIndexChanged, this, &DatasetStatsPane::refresh);
    connect(pricesButton, &QPushButton::clicked, this, &DatasetStatsPane::showPriceEditor);
    m_pricesAction = new QAction(tr("Training &Prices…"), this);
    m_pricesAction->setToolTip(tr("Edit the training prices used for the cost estimate"));
    connect(m_pricesAction, &QAction::triggered, this, &DatasetStatsPane::showPriceEditor);

    m_placeholder = new QLabel(this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->setContentsMargins(16, 16, 16, 16);

    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    column->setContentsMargins(8, 0, 8, 8);
    column->setSpacing(2);
    QWidget* summary = createForm({ { Field::Examples, tr("Examples:") }, { Field::Tokens, tr("Tokens:") },
        { Field::Longest, tr("Longest:") }, { Field::Limit, tr("Limit:") }, { Field::OverLimit, tr("Over the limit:") } });
    summary->setContentsMargins(0, 6, 0, 0);
    column->addWidget(summary);
    column->addWidget(heading(tr("Tokens per example"), content));
    column->addWidget(createChart());
    column->addWidget(heading(tr("Tokens by role"), content));
    m_roles = new QGridLayout;
    m_roles->setHorizontalSpacing(12);
    m_roles->setVerticalSpacing(3);
    m_roles->setColumnStretch(3, 1);
    column->addLayout(m_roles);
    m_overTitle = heading(QString(), content);
    column->addWidget(m_overTitle);
    m_overView = new QTreeView(content);
    m_overView->setModel(m_overModel);
    m_overView->setRootIsDecorated(false);
    m_overView->setUniformRowHeights(true);
    m_overView->setAlternatingRowColors(true);
    m_overView->header()->setStretchLastSection(false);
    m_overView->header()->setMinimumSectionSize(80);
    m_overView->header()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_overView->setToolTip(tr("Activate an example to show it in the table"));
    column->addWidget(m_overView);
    column->addWidget(heading(tr("Estimate"), content));
    column->addWidget(createForm({ { Field::Epochs, tr("Epochs:") }, { Field::BillingTokens, tr("Billing tokens:") },
        { Field::ChargedTokens, tr("Charged tokens:") }, { Field::Cost, tr("Estimated cost:") },
        { Field::PriceNote, QString() } }));
    QFont big = m_fields[int(Field::Cost)]->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_fields[int(Field::Cost)]->setFont(big);
    m_fields[int(Field::PriceNote)]->setForegroundRole(QPalette::PlaceholderText);
    column->addStretch(1);
    connect(m_overView, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        const qint64 line = m_overModel->lineAt(index.row());
        if (line > 0)
            Q_EMIT lineActivated(line);
    });

    m_scroll = new QScrollArea(this);
    m_scroll->setWidget(content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(m_placeholder, 1);
    layout->addWidget(m_scroll, 1);
}

QWidget* DatasetStatsPane::createForm(const QList<std::pair<Field, QString>>& rows)
{
    auto* box = new QWidget(this);
    auto* form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    form->setLabelAlignment(Qt::AlignLeft);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const auto& [field, label] : rows) {
        auto* value = new QLabel(box);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        m_fields[int(field)] = value;
        if (label.isEmpty())
            form->addRow(value); // spans both columns
        else
            form->addRow(label, value);
    }
    return box;
}

QWidget* DatasetStatsPane::createChart()
{
    m_within = new QBarSet(tr("Within the limit"));
    m_within->setColor(kWithinColor);
    m_within->setBorderColor(kWithinColor);
    m_over = new QBarSet(tr("Over the limit"));
    m_over->setColor(kOverColor);
    m_over->setBorderColor(kOverColor);
    auto* series = new QStackedBarSeries;
    series->append(m_within);
    series->append(m_over);
    series->setBarWidth(0.85);

    m_chart = new QChart;
    m_chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    auto* y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%i"));
    y->setTitleText(tr("examples"));
    // HistogramAxisLabels shows the bins' ranges: the axis would shorten them to "...".
    x->setLabelsVisible(false);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    x->setLabelsFont(small);
    y->setLabelsFont(small);
    x->setTitleFont(small);
    y->setTitleFont(small);
    x->setGridLineVisible(false);
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_chart->legend()->setFont(small);
    m_chart->setMargins(QMargins(0, 0, 0, 0));
    m_chart->setBackgroundRoundness(0);
    m_chart->setBackgroundBrush(palette().base());
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);

    connect(series, &QStackedBarSeries::hovered, this, [this](bool inside, int bin, QBarSet*) {
        m_chartView->setToolTip(inside ? histogramToolTip(bin) : QString());
    });
    m_chartView = new QChartView(m_chart, this);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(230);
    m_chartView->setFrameShape(QFrame::NoFrame);
    m_axisLabels = new HistogramAxisLabels(m_chartView, series);
    m_axisLabels->setFont(small);
    m_axisLabels->setToolTip(tr("Tokens per example in each bar; hover a bar for its exact range"));

    auto* box = new QWidget(this);
    box->setAutoFillBackground(true);
    box->setBackgroundRole(QPalette::Base);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 4);
    layout->setSpacing(0);
    layout->addWidget(m_chartView);
    layout->addWidget(m_axisLabels);
    return box;
}

void DatasetStatsPane::setPriceTable(PriceTable* table)
{
    if (!table || table == m_prices)
        return;
    disconnect(m_prices, nullptr, this, nullptr);
    m_prices = table;
    if (m_ownPrices) {
        m_ownPrices->deleteLater();
        m_ownPrices = nullptr;
    }
    if (m_editor)
        m_editor->deleteLater(); // it edits the old table
    connect(m_prices, &PriceTable::changed, this, &DatasetStatsPane::fillModels);
    fillModels();
}

void DatasetStatsPane::fillModels()
{
    // Keep the chosen model across edits of the table.
    const QString chosen = model();
    const QSignalBlocker block(m_modelBox);
    m_modelBox->clear();
    for (const TrainingPrice& price : m_prices->prices())
        m_modelBox->addItem(price.model);
    const int index = m_modelBox->findText(chosen);
    m_modelBox->setCurrentIndex(index >= 0 ? index : 0);
    refresh();
}

bool DatasetStatsPane::setModel(const QString& model)
{
    const int index = m_modelBox->findText(model);
    if (index < 0)
        return false;
    m_modelBox->setCurrentIndex(index);
    return true;
}

QString DatasetStatsPane::model() const
{
    return m_modelBox->currentText();
}

void DatasetStatsPane::setReport(const DatasetReport& report)
{
    if (!report.failure.isEmpty() || report.canceled) {
        clear(report.canceled ? tr("Checking the file was stopped; statistics need the whole file.")
                              : tr("The file could not be checked: %1").arg(report.failure));
        return;
    }
    m_report = report;
    // The findings are the table's business; up to a thousand per rule need not stay here too.
    std::vector<DatasetFinding>().swap(m_report.findings);
    m_hasReport = true;
    m_placeholder->hide();
    m_scroll->show();
    refresh();
}

void DatasetStatsPane::clear(const QString& message)
{
    m_report = DatasetReport();
    m_hasReport = false;
    m_placeholder->setText(message.isEmpty() ? tr("Token statistics and the cost estimate appear here once "
                                                  "the file has been checked.")
                                             : message);
    m_placeholder->show();
    m_scroll->hide();
    refresh();
}

void DatasetStatsPane::refresh()
{
    const std::optional<int> limit = FineTuneLimits::maxTokensPerExample(model());
    m_limitKnown = limit.has_value();
    m_limit = limit.value_or(FineTuneLimits::kMaxTokensPerExample);
    const QLocale locale;
    const DatasetReport& r = m_report;
    const std::vector<DatasetReport::LongExample> over
        = m_hasReport ? r.examplesOver(m_limit) : std::vector<DatasetReport::LongExample>();
    m_fields[int(Field::Examples)]->setText(
        tr("%1 (%2 without errors) · %3").arg(locale.toString(r.examples), locale.toString(r.validExamples),
            datasetFormatName(r.format)));
    m_fields[int(Field::Tokens)]->setText(
        (r.format == DatasetFormat::Legacy ? tr("%1 in all · %2 trained on (completions) · %3 per example on average")
                                           : tr("%1 in all · %2 trained on (assistant) · %3 per example on average"))
            .arg(locale.toString(r.totalTokens), locale.toString(r.assistantTokens),
                locale.toString(r.tokensPerExample.mean, 'f', 0)));
    m_fields[int(Field::Tokens)]->setToolTip(r.encoding.isEmpty()
            ? QString()
            : tr("Counted with %1 the way the cookbook's num_tokens_from_messages counts").arg(r.encoding));
    m_fields[int(Field::Longest)]->setText(tr("%1 tokens (median %2)")
                                               .arg(locale.toString(r.maxTokens),
                                                   locale.toString(r.tokensPerExample.median, 'f', 0)));
    m_fields[int(Field::Limit)]->setText(m_limitKnown
            ? tr("%1 tokens per example").arg(locale.toString(m_limit))
            : tr("%1 tokens per example (the cookbook's default; this model's limit is not known)")
                  .arg(locale.toString(m_limit)));
    m_fields[int(Field::OverLimit)]->setText(
        over.empty() ? tr("none") : tr("%1, truncated in training").arg(examplesText(qint64(over.size()))));
    m_overTitle->setText(tr("Over the limit (%1)").arg(locale.toString(qint64(over.size()))));
    m_overModel->setExamples(over, m_limit);
    m_overTitle->setVisible(!over.empty());
    m_overView->setVisible(!over.empty());
    // As tall as its rows, up to eight; it scrolls beyond.
    const int rows = int(std::min<std::size_t>(over.size(), 8));
    const int rowHeight = m_overView->sizeHintForRow(0) > 0 ? m_overView->sizeHintForRow(0)
                                                             : m_overView->fontMetrics().height() + 4;
    m_overView->setFixedHeight(m_overView->header()->sizeHint().height() + rows * rowHeight
        + 2 * m_overView->frameWidth() + 2);
    for (int column = 0; column < OverLimitModel::ColumnCount; ++column)
        m_overView->resizeColumnToContents(column);
    showHistogram();
    showRoles();
    showEstimate();
}

void DatasetStatsPane::showHistogram()
{
    m_histogram = m_hasReport ? m_report.tokenHistogram(m_limit) : TokenHistogram();
    QStringList categories;
    QList<qreal> within, beyond;
    qint64 highest = 0;
    for (const TokenHistogram::Bin& bin : m_histogram.bins()) {
        categories.append(binLabel(bin));
        within.append(qreal(bin.examples - bin.overLimit));
        beyond.append(qreal(bin.overLimit));
        highest = std::max(highest, bin.examples);
    }
    m_over->setLabel(tr("Over the limit of %1").arg(QLocale().toString(m_limit)));
    m_within->remove(0, m_within->count());
    m_over->remove(0, m_over->count());
    m_within->append(within);
    m_over->append(beyond);
    auto* x = qobject_cast<QBarCategoryAxis*>(m_chart->axes(Qt::Horizontal).value(0));
    x->setCategories(categories);
    const auto& bins = m_histogram.bins();
    const auto ranges = std::count_if(bins.begin(), bins.end(),
        [](const TokenHistogram::Bin& bin) { return bin.kind == TokenHistogram::BinKind::Range; });
    m_axisLabels->setLabels(categories, int(ranges), bins.empty() ? 0 : bins.front().from / m_histogram.width());
    auto* y = qobject_cast<QValueAxis*>(m_chart->axes(Qt::Vertical).value(0));
    // Whole examples only: a step of 1, 2 or 5 times a power of ten, about four steps high.
    qint64 step = 1;
    for (qint64 scale = 1; step * 4 < highest; scale *= 10) {
        for (const qint64 m : { 1, 2, 5 }) {
            step = m * scale;
            if (step * 4 >= highest)
                break;
        }
    }
    const qint64 top = std::max<qint64>(1, (highest + step - 1) / step) * step;
    y->setRange(0, qreal(top));
    y->setTickCount(int(top / step) + 1);
    y->setMinorTickCount(0);
}

QString DatasetStatsPane::histogramToolTip(int bin) const
{
    if (bin < 0 || std::size_t(bin) >= m_histogram.bins().size())
        return QString();
    const TokenHistogram::Bin& b = m_histogram.bins()[std::size_t(bin)];
    const QLocale locale;
    QString range = b.from == b.to ? tr("%1 tokens").arg(locale.toString(b.from))
                                   : tr("%1 to %2 tokens").arg(locale.toString(b.from), locale.toString(b.to));
    if (b.kind == TokenHistogram::BinKind::Tail)
        range += tr(" (the longest 1% or fewer within the limit)");
    QString tip = tr("%1: %2").arg(range, examplesText(b.examples));
    if (b.kind == TokenHistogram::BinKind::OverLimit)
        tip += tr(", over the limit of %1").arg(locale.toString(m_limit));
    else if (b.overLimit > 0)
        tip += tr(", %1 over the limit").arg(locale.toString(b.overLimit));
    return tip;
}

QStringList DatasetStatsPane::shownHistogramLabels() const
{
    return m_axisLabels->shownLabels();
}

QStringList DatasetStatsPane::histogramCategories() const
{
    auto* x = qobject_cast<QBarCategoryAxis*>(m_chart->axes(Qt::Horizontal).value(0));
    return x ? x->categories() : QStringList();
}

void DatasetStatsPane::showRoles()
{
    while (QLayoutItem* item = m_roles->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (!m_hasReport)
        return;
    const QLocale locale;
    qint64 counted = 0;
    for (const qint64 t : m_report.roleTokens)
        counted += t;
    const qint64 total = std::max<qint64>(1, m_report.totalTokens);
    int row = 0;
    const auto addRow = [&](const QString& role, const QString& title, qint64 tokens, const QString& tip) {
        const double share = double(tokens) / double(total);
        auto* name = new QLabel(title);
        auto* count = new QLabel(locale.toString(tokens));
        auto* percent = new QLabel(locale.toString(share * 100, 'f', 1) + QLatin1Char('%'));
        count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        percent->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        percent->setForegroundRole(QPalette::PlaceholderText);
        count->setObjectName(QStringLiteral("roleTokens_") + role);
        percent->setObjectName(QStringLiteral("roleShare_") + role);
        for (QLabel* label : { name, count, percent })
            label->setToolTip(tip);
        m_roles->addWidget(name, row, 0);
        m_roles->addWidget(count, row, 1);
        m_roles->addWidget(percent, row, 2);
        m_roles->addWidget(new ShareBar(share, nullptr), row, 3);
        ++row;
    };
    for (std::size_t r = 0; r < kTokenRoleCount; ++r) {
        if (m_report.roleTokens[r] == 0)
            continue;
        const QString role = tokenRoleName(TokenRole(r));
        addRow(role, role, m_report.roleTokens[r],
            TokenRole(r) == TokenRole::Other ? tr("Messages without a recognized role") : QString());
    }
    if (m_report.totalTokens > counted)
        addRow(QStringLiteral("primer"), tr("reply primers"), m_report.totalTokens - counted,
            tr("The cookbook counts 3 tokens per example that prime the assistant's reply"));
    if (row == 0) {
        auto* none = new QLabel(tr("No tokens were counted."));
        none->setForegroundRole(QPalette::PlaceholderText);
        m_roles->addWidget(none, 0, 0, 1, 4);
    }
}

QString DatasetStatsPane::roleText(const QString& role) const
{
    const auto* count = findChild<QLabel*>(QStringLiteral("roleTokens_") + role);
    const auto* share = findChild<QLabel*>(QStringLiteral("roleShare_") + role);
    return count && share ? count->text() + QStringLiteral(" (") + share->text() + QLatin1Char(')') : QString();
}

void DatasetStatsPane::showEstimate()
{
    const QLocale locale;
    const qint64 billing = m_hasReport ? m_report.billingTokensFor(m_limit) : 0;
    const int epochs = m_report.epochs;
    m_fields[int(Field::Epochs)]->setText(
        tr("%1 (the cookbook's default for %2)").arg(epochs).arg(examplesText(m_report.examples)));
    m_fields[int(Field::BillingTokens)]->setText(
        tr("%1 per epoch (each example counted up to the limit)").arg(locale.toString(billing)));
    m_fields[int(Field::ChargedTokens)]->setText(
        (epochs == 1 ? tr("%1 (billing tokens × 1 epoch)").arg(locale.toString(billing))
                     : tr("%1 (billing tokens × %2 epochs)").arg(locale.toString(billing * epochs)).arg(epochs)));
    const std::optional<TrainingPrice> price = m_prices->priceFor(model());
    if (!price) {
        m_fields[int(Field::Cost)]->setText(tr("no price"));
        m_fields[int(Field::PriceNote)]->setText(tr("There is no training price for %1; add one with Prices….").arg(model()));
        return;
    }
    const double cost = PriceTable::cost(billing, epochs, price->perMillionTokens);
    m_fields[int(Field::Cost)]->setText(money(cost, m_prices->currency()));
    const QString figure = money(price->perMillionTokens, m_prices->currency());
    const QString date = price->asOf.toString(Qt::ISODate);
    const QString basis = price->source.isEmpty()
        ? tr("At %1 per 1M training tokens as of %2.").arg(figure, date)
        : tr("At %1 per 1M training tokens as of %2; source: %3.").arg(figure, date, price->source);
    m_fields[int(Field::PriceNote)]->setText(
        basis + QLatin1Char(' ') + tr("An estimate, not a quote: prices change, check the provider's pricing page."));
}

QString DatasetStatsPane::fieldText(Field field) const
{
    return m_fields[int(field)]->text();
}

PriceTableEditor* DatasetStatsPane::showPriceEditor()
{
    if (!m_editor) {
        m_editor = new PriceTableEditor(m_prices, this);
        m_editor->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_editor->show();
    m_editor->raise();
    m_editor->activateWindow();
    return m_editor;
}

} // namespace tb
