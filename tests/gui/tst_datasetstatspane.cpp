// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// DatasetStatsPane: a hand-made report shown for a chosen model (histogram split at the
// model's limit, tokens per role, the over-limit list and the estimate), price edits
// reaching the cost, and the Stats tab of a real DatasetView jumping to a long line.

#include "core/finetunelimits.h"
#include "core/pricetable.h"
#include "fixturefiles.h"
#include "gui/datasetstatspane.h"
#include "gui/datasetview.h"
#include "gui/overlimitmodel.h"
#include "gui/pricetableeditor.h"
#include "gui/pricetablemodel.h"
#include "gui/uniformrowview.h"
#include "sharedfixtures.h"

#include <QAbstractItemModelTester>
#include <QBarSet>
#include <QDir>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

using tb::DatasetReport;
using tb::DatasetStatsPane;
using Field = tb::DatasetStatsPane::Field;

namespace {

const QString kMini = QStringLiteral("gpt-4o-mini-2024-07-18"); // 65,536 tokens per example
const QString kTurbo = QStringLiteral("gpt-3.5-turbo-0125"); // 16,385
const QString kOld = QStringLiteral("gpt-3.5-turbo-0613"); // 4,096

tb::PriceTable::Defaults prices()
{
    const QDate day(2025, 5, 1);
    return { QStringLiteral("USD"), QStringLiteral("check the provider"),
        { { kMini, 3.0, day, QStringLiteral("list") }, { kTurbo, 8.0, day, QStringLiteral("list") },
            { kOld, 8.0, day, QStringLiteral("list") }, { QStringLiteral("my-own-model"), 1.0, day, {} } } };
}

// Five chat examples: 50, 80 and 100 tokens, line 3 with 20,000, line 5 with 70,000.
DatasetReport report()
{
    DatasetReport r;
    r.format = tb::DatasetFormat::Chat;
    r.examples = 5;
    r.validExamples = 4;
    r.lines = 5;
    r.shortTokenCounts.assign(101, 0);
    r.shortTokenCounts[50] = 1;
    r.shortTokenCounts[80] = 1;
    r.shortTokenCounts[100] = 1;
    r.longExamples = { { 3, 20000 }, { 5, 70000 } };
    r.roleTokens[std::size_t(tb::TokenRole::System)] = 30;
    r.roleTokens[std::size_t(tb::TokenRole::User)] = 200;
    r.roleTokens[std::size_t(tb::TokenRole::Assistant)] = 90000;
    r.totalTokens = 90245; // 15 reply-primer tokens belong to no role
    r.assistantTokens = 89900;
    r.maxTokens = 70000;
    r.epochs = tb::FineTuneLimits::defaultEpochs(r.examples);
    r.maxTokensPerExample = tb::FineTuneLimits::kMaxTokensPerExample;
    r.billingTokens = r.billingTokensFor(r.maxTokensPerExample);
    return r;
}

QList<qreal> values(const QBarSet* set)
{
    QList<qreal> v;
    for (int i = 0; i < set->count(); ++i)
        v.append(set->at(i));
    return v;
}

} // namespace

class TestDatasetStatsPane : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_files.isValid());
    }
    void init()
    {
        m_table = std::make_unique<tb::PriceTable>(prices(), nullptr);
        m_pane = std::make_unique<DatasetStatsPane>();
        m_pane->setPriceTable(m_table.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_pane->overLimitModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void cleanup()
    {
        m_tester.reset();
        m_pane.reset();
        m_table.reset();
    }

    void showsAPlaceholderUntilAReportArrives()
    {
        QVERIFY(!m_pane->hasReport());
        m_pane->clear(QStringLiteral("Checking the file…"));
        QVERIFY(!m_pane->hasReport());
        DatasetReport failed;
        failed.failure = QStringLiteral("cannot read");
        m_pane->setReport(failed);
        QVERIFY(!m_pane->hasReport());
        m_pane->setReport(report());
        QVERIFY(m_pane->hasReport());
    }

    void splitsTheHistogramAtTheModelLimit_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QList<qreal>>("within");
        QTest::addColumn<QList<qreal>>("over");
        QTest::addColumn<QStringList>("categories");
        // Bins of 2,000 up to the 20,000-token example; the 70,000 one over the limit.
        QStringList thousands;
        for (int from = 0; from <= 20000; from += 2000)
            thousands.append(
                QLocale().toString(from) + QStringLiteral("–") + QLocale().toString(from + 1999));
        QTest::newRow("65,536 tokens") << kMini << QList<qreal> { 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0 }
                                       << QList<qreal> { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }
                                       << (thousands << QStringLiteral("> 65,536"));
        // Bins of 5 for the three short ones; both long ones over the limit.
        QStringList fives;
        for (int from = 50; from <= 100; from += 5)
            fives.append(QString::number(from) + QStringLiteral("–") + QString::number(from + 4));
        QTest::newRow("16,385 tokens") << kTurbo << QList<qreal> { 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0 }
                                       << QList<qreal> { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2 }
                                       << (QStringList(fives) << QStringLiteral("> 16,385"));
        QTest::newRow("4,096 tokens") << kOld << QList<qreal> { 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0 }
                                      << QList<qreal> { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2 }
                                      << (QStringList(fives) << QStringLiteral("> 4,096"));
    }
    void splitsTheHistogramAtTheModelLimit()
    {
        QFETCH(QString, model);
        QFETCH(QList<qreal>, within);
        QFETCH(QList<qreal>, over);
        QFETCH(QStringList, categories);
        m_pane->setReport(report());
        QVERIFY(m_pane->setModel(model));
        QCOMPARE(values(m_pane->withinLimitBars()), within);
        QCOMPARE(values(m_pane->overLimitBars()), over);
        QCOMPARE(m_pane->histogramCategories(), categories);
        QCOMPARE(m_pane->histogram().limit(), m_pane->tokenLimit());
        QVERIFY(m_pane->overLimitBars()->label().contains(QLocale().toString(m_pane->tokenLimit())));
    }

    void binsASmallFileFinely()
    {
        // Three examples of 130 to 150 tokens: the fixed buckets drew one bar (128-255).
        DatasetReport small = report();
        small.shortTokenCounts.assign(151, 0);
        small.shortTokenCounts[130] = 1;
        small.shortTokenCounts[135] = 1;
        small.shortTokenCounts[150] = 1;
        small.longExamples.clear();
        m_pane->setReport(small);
        QCOMPARE(values(m_pane->withinLimitBars()), (QList<qreal> { 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1 }));
        QCOMPARE(values(m_pane->overLimitBars()), QList<qreal>(11, 0));
        const QStringList categories = m_pane->histogramCategories();
        QCOMPARE(categories.size(), 11);
        QCOMPARE(categories.first(), QStringLiteral("130–131"));
        QCOMPARE(categories.at(2), QStringLiteral("134–135"));
        QCOMPARE(categories.last(), QStringLiteral("150–151"));
        QCOMPARE(m_pane->histogramToolTip(2), QStringLiteral("134 to 135 tokens: 1 example"));
        QCOMPARE(m_pane->histogramToolTip(1), QStringLiteral("132 to 133 tokens: 0 examples"));
        QCOMPARE(m_pane->histogramToolTip(11), QString());
    }

    void namesTheTailAndTheExamplesOverTheLimit()
    {
        // 1,000 examples of 100 to 199 tokens, five of 3,000 (the tail), one of 20,000.
        DatasetReport r = report();
        r.shortTokenCounts.assign(3001, 0);
        for (int t = 100; t < 200; ++t)
            r.shortTokenCounts[std::size_t(t)] = 10;
        r.shortTokenCounts[3000] = 5;
        r.longExamples = { { 7, 20000 } };
        m_pane->setReport(r);
        QVERIFY(m_pane->setModel(kTurbo));
        const QStringList categories = m_pane->histogramCategories();
        QCOMPARE(categories.size(), 22);
        QCOMPARE(categories.first(), QStringLiteral("100–104"));
        QCOMPARE(categories.at(19), QStringLiteral("195–199"));
        QCOMPARE(categories.at(20), QStringLiteral("≥ 200"));
        QCOMPARE(categories.at(21), QStringLiteral("> 16,385"));
        QCOMPARE(m_pane->histogramToolTip(20),
            QStringLiteral("200 to 3,000 tokens (the longest 1% or fewer within the limit): 5 examples"));
        QCOMPARE(m_pane->histogramToolTip(21),
            QStringLiteral("16,386 to 20,000 tokens: 1 example, over the limit of 16,385"));
    }

    void thinsAxisLabelsThatWouldCollide_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<QStringList>("shown");
        QTest::newRow("wide: every bar") << 1400
                                         << QStringList { QStringLiteral("100–104"),
                                                QStringLiteral("105–109"), QStringLiteral("110–114") };
        QTest::newRow("narrow: every 5th") << 500
                                           << QStringList { QStringLiteral("100–104"),
                                                  QStringLiteral("125–129"), QStringLiteral("150–154") };
    }
    void thinsAxisLabelsThatWouldCollide()
    {
        QFETCH(int, width);
        QFETCH(QStringList, shown);
        DatasetReport r = report();
        r.shortTokenCounts.assign(200, 0);
        for (int t = 100; t < 200; ++t)
            r.shortTokenCounts[std::size_t(t)] = 10;
        r.longExamples.clear();
        m_pane->setReport(r);
        m_pane->resize(width, 900);
        m_pane->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
        QCOMPARE(m_pane->histogramCategories().size(), 20);
        const QStringList labels = m_pane->shownHistogramLabels();
        QCOMPARE(labels.mid(0, 3), shown);
        // Never two labels side by side that would overlap: all of them, or a round stride.
        QVERIFY2(labels.size() == 20 || labels.size() <= 10, qPrintable(labels.join(QLatin1Char(' '))));
    }

    void totalsTokensPerRole()
    {
        m_pane->setReport(report());
        QCOMPARE(m_pane->roleText(QStringLiteral("system")), QStringLiteral("30 (0.0%)"));
        QCOMPARE(m_pane->roleText(QStringLiteral("user")), QStringLiteral("200 (0.2%)"));
        QCOMPARE(m_pane->roleText(QStringLiteral("assistant")), QStringLiteral("90,000 (99.7%)"));
        QCOMPARE(m_pane->roleText(QStringLiteral("primer")), QStringLiteral("15 (0.0%)"));
        QCOMPARE(m_pane->roleText(QStringLiteral("tool")), QString()); // no tool messages: no row
        DatasetReport legacy = report();
        legacy.roleTokens = {};
        legacy.roleTokens[std::size_t(tb::TokenRole::Prompt)] = 90000;
        legacy.roleTokens[std::size_t(tb::TokenRole::Completion)] = 245;
        m_pane->setReport(legacy);
        QCOMPARE(m_pane->roleText(QStringLiteral("prompt")), QStringLiteral("90,000 (99.7%)"));
        QCOMPARE(m_pane->roleText(QStringLiteral("completion")), QStringLiteral("245 (0.3%)"));
        QCOMPARE(m_pane->roleText(QStringLiteral("assistant")), QString());
        QCOMPARE(m_pane->roleText(QStringLiteral("primer")), QString());
    }

    void listsExamplesOverTheModelLimitLongestFirst_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QList<qint64>>("lines");
        QTest::addColumn<QString>("limit");
        QTest::newRow("65,536") << kMini << QList<qint64> { 5 }
                                << QStringLiteral("65,536 tokens per example");
        QTest::newRow("16,385") << kTurbo << QList<qint64> { 5, 3 }
                                << QStringLiteral("16,385 tokens per example");
        QTest::newRow("unknown model uses the cookbook's limit")
            << QStringLiteral("my-own-model") << QList<qint64> { 5, 3 }
            << QStringLiteral(
                   "16,385 tokens per example (the cookbook's default; this model's limit is not known)");
    }
    void listsExamplesOverTheModelLimitLongestFirst()
    {
        QFETCH(QString, model);
        QFETCH(QList<qint64>, lines);
        QFETCH(QString, limit);
        m_pane->setReport(report());
        QVERIFY(m_pane->setModel(model));
        QCOMPARE(m_pane->fieldText(Field::Limit), limit);
        const tb::OverLimitModel* over = m_pane->overLimitModel();
        QList<qint64> shown;
        for (int row = 0; row < over->rowCount(); ++row)
            shown.append(over->index(row, 0).data(tb::OverLimitModel::LineRole).toLongLong());
        QCOMPARE(shown, lines);
        QCOMPARE(
            over->index(0, tb::OverLimitModel::TokensColumn).data().toString(), QStringLiteral("70,000"));
        QCOMPARE(over->index(0, tb::OverLimitModel::OverColumn).data().toString(),
            QStringLiteral("+") + QLocale().toString(70000 - m_pane->tokenLimit()));
        QCOMPARE(m_pane->fieldText(Field::OverLimit),
            QStringLiteral("%1 example%2, truncated in training")
                .arg(lines.size())
                .arg(lines.size() > 1 ? QLatin1String("s") : QLatin1String("")));
    }

    void activatingAnOverLimitExampleRequestsItsLine()
    {
        m_pane->setReport(report());
        QVERIFY(m_pane->setModel(kTurbo));
        m_pane->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
        QSignalSpy requested(m_pane.get(), &DatasetStatsPane::lineActivated);
        QTreeView* view = m_pane->overLimitView();
        view->setFocus();
        view->setCurrentIndex(m_pane->overLimitModel()->index(1, 0));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).toLongLong(), qint64(3));
    }

    void estimatesBillingEpochsAndCost_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("billing");
        QTest::addColumn<QString>("charged");
        QTest::addColumn<QString>("cost");
        // 65,536: 90,245 - (70,000 - 65,536) = 85,781 per epoch; x20 epochs; x $3 / 1M.
        QTest::newRow("65,536 at $3")
            << kMini << QStringLiteral("85,781") << QStringLiteral("1,715,620") << QStringLiteral("$5.15");
        // 16,385: 90,245 - 3,615 - 53,615 = 33,015; x20 = 660,300; x $8 / 1M = 5.2824.
        QTest::newRow("16,385 at $8")
            << kTurbo << QStringLiteral("33,015") << QStringLiteral("660,300") << QStringLiteral("$5.28");
    }
    void estimatesBillingEpochsAndCost()
    {
        QFETCH(QString, model);
        QFETCH(QString, billing);
        QFETCH(QString, charged);
        QFETCH(QString, cost);
        m_pane->setReport(report());
        QVERIFY(m_pane->setModel(model));
        QCOMPARE(
            m_pane->fieldText(Field::Epochs), QStringLiteral("20 (the cookbook's default for 5 examples)"));
        QVERIFY2(m_pane->fieldText(Field::BillingTokens).startsWith(billing + QLatin1Char(' ')),
            qPrintable(m_pane->fieldText(Field::BillingTokens)));
        QCOMPARE(m_pane->fieldText(Field::ChargedTokens),
            charged + QStringLiteral(" (billing tokens × 20 epochs)"));
        QCOMPARE(m_pane->fieldText(Field::Cost), cost);
        const QString note = m_pane->fieldText(Field::PriceNote);
        QVERIFY2(note.contains(QLatin1String("as of 2025-05-01"))
                && note.contains(QLatin1String("check the provider")),
            qPrintable(note));
    }

    void priceEditsChangeTheCost()
    {
        m_pane->setReport(report());
        QVERIFY(m_pane->setModel(kMini));
        QCOMPARE(m_pane->fieldText(Field::Cost), QStringLiteral("$5.15"));
        tb::PriceTableEditor* editor = m_pane->showPriceEditor();
        QAbstractItemModelTester tester(
            editor->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        tb::PriceTableModel* prices = editor->model();
        const QModelIndex mini = prices->index(m_table->rowOf(kMini), tb::PriceTableModel::PriceColumn);

        QVERIFY(!prices->setData(mini, QStringLiteral("cheap")));
        QVERIFY(editor->errorText().contains(QLatin1String("not a price")));
        QCOMPARE(m_pane->fieldText(Field::Cost), QStringLiteral("$5.15"));

        QVERIFY(prices->setData(mini, QStringLiteral("6")));
        QVERIFY(editor->errorText().isEmpty());
        QCOMPARE(m_pane->fieldText(Field::Cost), QStringLiteral("$10.29")); // 1,715,620 x $6 / 1M
        QCOMPARE(m_pane->model(), kMini); // the choice survives the edit
        QVERIFY(m_pane->fieldText(Field::PriceNote).contains(QLatin1String("edited by you")));

        prices->resetToDefaults();
        QCOMPARE(m_pane->fieldText(Field::Cost), QStringLiteral("$5.15"));
        editor->close();
    }

    void saysWhenTheModelHasNoPrice()
    {
        m_pane->setReport(report());
        m_table->removeAt(m_table->rowOf(kMini));
        QVERIFY(!m_pane->setModel(kMini));
        QCOMPARE(m_pane->model(), kTurbo); // fell back to the first model left
        tb::PriceTable::Defaults none { QStringLiteral("USD"), QString(), {} };
        tb::PriceTable empty(none, nullptr);
        m_pane->setPriceTable(&empty);
        QCOMPARE(m_pane->fieldText(Field::Cost), QStringLiteral("no price"));
        m_pane->setPriceTable(m_table.get());
    }

    void statsTabJumpsToAnExampleOverTheLimit()
    {
        // Line 2 is about 5,000 tokens: over gpt-3.5-turbo-0613's 4,096.
        const auto chat = [](const QByteArray& user, const QByteArray& assistant) -> QByteArray {
            return "{\"messages\": [{\"role\": \"system\", \"content\": \"Brief.\"}, {\"role\": \"user\", "
                   "\"content\": \""
                + user + "\"}, {\"role\": \"assistant\", \"content\": \"" + assistant + "\"}]}\n";
        };
        QByteArray words;
        for (int i = 0; i < 5000; ++i)
            words += " lorem";
        const QByteArray bytes = chat("Hi", "Hello") + chat("Say it.", words) + chat("Bye", "Bye!");
        tb::DatasetView view;
        view.setPriceTable(m_table.get());
        QSignalSpy validated(&view, &tb::DatasetView::validationFinished);
        QVERIFY(view.openFile(m_files.write(bytes)));
        QVERIFY(validated.wait(10000));
        DatasetStatsPane* stats = view.statsPane();
        QVERIFY(stats->hasReport());
        QVERIFY(stats->setModel(kOld));
        QCOMPARE(stats->overLimitModel()->rowCount(), 1);
        QCOMPARE(stats->overLimitModel()->lineAt(0), qint64(2));
        QVERIFY(!stats->roleText(QStringLiteral("system")).isEmpty());
        view.table()->setCurrentIndex(view.model()->index(0, 0));
        Q_EMIT stats->overLimitView()->activated(stats->overLimitModel()->index(0, 0));
        QCOMPARE(view.table()->currentIndex().row(), 1);
        QCOMPARE(view.detailLine(), qint64(1));
    }

    // Not a check: TB_SCREENSHOT_DIR=/some/dir saves the Stats tab for a look.
    void screenshot()
    {
        const QString dir = qEnvironmentVariable("TB_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set TB_SCREENSHOT_DIR to save screenshots");
        TB_REQUIRE_SHARED(racing, "book/racing.jsonl");
        for (const QString& file : { racing, qEnvironmentVariable("TB_SCREENSHOT_CHAT") }) {
            if (file.isEmpty())
                continue;
            tb::DatasetView view;
            view.setPriceTable(m_table.get());
            view.resize(1400, 860);
            QSignalSpy validated(&view, &tb::DatasetView::validationFinished);
            QVERIFY(view.openFile(file));
            QVERIFY(validated.wait(30000));
            view.findChild<QTabWidget*>()->setCurrentWidget(view.statsPane());
            view.statsPane()->setModel(file == racing ? kOld : kTurbo);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            QTest::qWait(200);
            const QString name = QFileInfo(file).completeBaseName();
            QVERIFY(view.grab().save(QDir(dir).filePath(QStringLiteral("stats-%1.png").arg(name))));
            tb::PriceTableEditor* editor = view.statsPane()->showPriceEditor();
            QVERIFY(QTest::qWaitForWindowExposed(editor));
            QVERIFY(editor->grab().save(QDir(dir).filePath(QStringLiteral("prices.png"))));
            editor->close();
        }
    }

private:
    tb::test::FixtureFiles m_files { QStringLiteral("stats") };
    std::unique_ptr<tb::PriceTable> m_table;
    std::unique_ptr<DatasetStatsPane> m_pane;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(TestDatasetStatsPane)
#include "tst_datasetstatspane.moc"
