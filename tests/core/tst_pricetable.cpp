// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/pricetable.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <limits>
#include <memory>

using tb::PriceTable;
using tb::TrainingPrice;

namespace {

const QDate kDay(2025, 5, 1);

TrainingPrice price(const char* model, double perMillion, QDate asOf = kDay)
{
    return { QString::fromLatin1(model), perMillion, asOf, QStringLiteral("test") };
}

PriceTable::Defaults twoModels()
{
    return { QStringLiteral("USD"), QStringLiteral("as of the date; check the provider"),
        { price("gpt-4o", 25), price("gpt-4o-mini", 3) } };
}

} // namespace

class TestPriceTable : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }
    void loadsDatedBundledDefaults();
    void rejectsBadDefaultFiles_data();
    void rejectsBadDefaultFiles();
    void overridePersistsAcrossInstances();
    void removalAndResetPersist();
    void newerDefaultsShowForUntouchedModels();
    void rejectsBadInput_data();
    void rejectsBadInput();
    void ignoresCorruptStoredOverrides();
    void costIsBillingTokensTimesEpochsTimesPrice_data();
    void costIsBillingTokensTimesEpochsTimesPrice();
    void pricesSnapshotsAndFineTunedModelsByLongestPrefix_data();
    void pricesSnapshotsAndFineTunedModelsByLongestPrefix();

private:
    std::unique_ptr<QSettings> settings() const
    {
        return std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("t.ini")), QSettings::IniFormat);
    }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestPriceTable::loadsDatedBundledDefaults()
{
    const PriceTable table;
    QVERIFY2(table.problems().isEmpty(), qPrintable(table.problems().join(QLatin1Char('\n'))));
    QCOMPARE(table.currency(), QStringLiteral("USD"));
    QVERIFY(table.note().contains(QLatin1String("check the provider's pricing page")));
    QVERIFY(table.prices().size() >= 5);
    for (const char* model : { "gpt-4o-mini-2024-07-18", "gpt-4o-2024-08-06", "gpt-4.1-mini-2025-04-14",
             "gpt-4.1-2025-04-14", "gpt-3.5-turbo-0125" })
        QVERIFY2(table.rowOf(QString::fromLatin1(model)) >= 0, model);
    for (const TrainingPrice& p : table.prices()) {
        QVERIFY2(p.asOf.isValid() && p.asOf.year() >= 2024, qPrintable(p.model));
        QVERIFY2(!p.source.isEmpty(), qPrintable(p.model));
        QVERIFY2(p.perMillionTokens > 0, qPrintable(p.model));
    }
    QCOMPARE(table.defaults(), table.prices());
    QVERIFY(table.isDefault(0));
}

void TestPriceTable::rejectsBadDefaultFiles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::newRow("not json") << QByteArray("{prices:") << QString();
    QTest::newRow("no model") << QByteArray(R"({"prices": [{"training_per_million": 1, "as_of": "2025-01-01"}]})")
                              << QStringLiteral("prices[0]");
    QTest::newRow("negative price")
        << QByteArray(
               R"({"prices": [{"model": "a", "training_per_million": 1, "as_of": "2025-01-01"}, {"model": "b", "training_per_million": -1, "as_of": "2025-01-01"}]})")
        << QStringLiteral("prices[1]");
    QTest::newRow("price as text")
        << QByteArray(R"({"prices": [{"model": "a", "training_per_million": "3", "as_of": "2025-01-01"}]})")
        << QStringLiteral("prices[0]");
    QTest::newRow("no date") << QByteArray(R"({"prices": [{"model": "a", "training_per_million": 1}]})")
                             << QStringLiteral("prices[0]");
    QTest::newRow("twice")
        << QByteArray(
               R"({"prices": [{"model": "a", "training_per_million": 1, "as_of": "2025-01-01"}, {"model": "a", "training_per_million": 2, "as_of": "2025-01-01"}]})")
        << QStringLiteral("prices[1]");
}

void TestPriceTable::rejectsBadDefaultFiles()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    const auto parsed = PriceTable::parse(json);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().path, path);
    QVERIFY(!parsed.error().message.isEmpty());
}

void TestPriceTable::overridePersistsAcrossInstances()
{
    auto store = settings();
    {
        PriceTable table(twoModels(), store.get());
        QSignalSpy changed(&table, &PriceTable::changed);
        QVERIFY(table.setPrice(price("gpt-4o-mini", 4.25, QDate(2026, 1, 2))).ok());
        QVERIFY(table.setPrice(price("my-model", 0.5)).ok());
        QCOMPARE(changed.count(), 2);
        QVERIFY(!table.isDefault(1));
    }
    store->sync();
    auto reread = settings();
    const PriceTable table(twoModels(), reread.get());
    QVERIFY(table.problems().isEmpty());
    QCOMPARE(table.prices().size(), std::size_t(3));
    QCOMPARE(table.priceFor(u"gpt-4o-mini")->perMillionTokens, 4.25);
    QCOMPARE(table.priceFor(u"gpt-4o-mini")->asOf, QDate(2026, 1, 2));
    QCOMPARE(table.priceFor(u"gpt-4o")->perMillionTokens, 25.0);
    QCOMPARE(table.priceFor(u"my-model")->perMillionTokens, 0.5);
    QVERIFY(table.isDefault(0));
    // Only the differences are stored.
    reread->beginGroup(QStringLiteral("FineTunePrices"));
    QCOMPARE(reread->beginReadArray(QStringLiteral("overrides")), 2);
    reread->endArray();
    reread->endGroup();
}

void TestPriceTable::removalAndResetPersist()
{
    auto store = settings();
    {
        PriceTable table(twoModels(), store.get());
        table.removeAt(table.rowOf(u"gpt-4o"));
        QCOMPARE(table.prices().size(), std::size_t(1));
    }
    {
        PriceTable table(twoModels(), store.get());
        QCOMPARE(table.rowOf(u"gpt-4o"), -1);
        QCOMPARE(table.prices().size(), std::size_t(1));
        table.resetToDefaults();
        QCOMPARE(table.prices(), twoModels().prices);
    }
    const PriceTable table(twoModels(), store.get());
    QCOMPARE(table.prices(), twoModels().prices);
    QVERIFY(store->value(QStringLiteral("FineTunePrices/removed")).toStringList().isEmpty());
}

void TestPriceTable::newerDefaultsShowForUntouchedModels()
{
    auto store = settings();
    {
        PriceTable table(twoModels(), store.get());
        QVERIFY(table.setPrice(price("gpt-4o-mini", 9)).ok());
    }
    PriceTable::Defaults newer = twoModels();
    newer.prices[0].perMillionTokens = 20; // gpt-4o got cheaper in a later release
    newer.prices[1].perMillionTokens = 2;
    const PriceTable table(newer, store.get());
    QCOMPARE(table.priceFor(u"gpt-4o")->perMillionTokens, 20.0);
    QCOMPARE(table.priceFor(u"gpt-4o-mini")->perMillionTokens, 9.0); // the user's own figure wins
}

void TestPriceTable::rejectsBadInput_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("model");
    QTest::addColumn<double>("perMillion");
    QTest::addColumn<QDate>("asOf");
    QTest::addColumn<QString>("message");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    QTest::newRow("negative") << 0 << QStringLiteral("gpt-4o") << -1.0 << kDay << QStringLiteral("from 0 to");
    QTest::newRow("nan") << 0 << QStringLiteral("gpt-4o") << nan << kDay << QStringLiteral("from 0 to");
    QTest::newRow("infinite") << 0 << QStringLiteral("gpt-4o") << inf << kDay << QStringLiteral("from 0 to");
    QTest::newRow("huge") << 0 << QStringLiteral("gpt-4o") << 2e6 << kDay << QStringLiteral("from 0 to");
    QTest::newRow("no name") << 2 << QStringLiteral(" ") << 1.0 << kDay << QStringLiteral("model name");
    QTest::newRow("padded name") << 2 << QStringLiteral(" x") << 1.0 << kDay << QStringLiteral("spaces");
    QTest::newRow("no date") << 0 << QStringLiteral("gpt-4o") << 1.0 << QDate() << QStringLiteral("date");
    QTest::newRow("name of another row")
        << 0 << QStringLiteral("gpt-4o-mini") << 1.0 << kDay << QStringLiteral("already has a price");
    QTest::newRow("row out of range") << 5 << QStringLiteral("x") << 1.0 << kDay << QStringLiteral("no price row");
}

void TestPriceTable::rejectsBadInput()
{
    QFETCH(int, row);
    QFETCH(QString, model);
    QFETCH(double, perMillion);
    QFETCH(QDate, asOf);
    QFETCH(QString, message);
    auto store = settings();
    PriceTable table(twoModels(), store.get());
    QSignalSpy changed(&table, &PriceTable::changed);
    const tb::Status status = table.setPriceAt(row, { model, perMillion, asOf, QString() });
    QVERIFY(!status.ok());
    QVERIFY2(status.error().message.contains(message), qPrintable(status.error().message));
    QCOMPARE(table.prices(), twoModels().prices);
    QCOMPARE(changed.count(), 0);
    QVERIFY(store->allKeys().isEmpty());
}

void TestPriceTable::ignoresCorruptStoredOverrides()
{
    auto store = settings();
    store->beginGroup(QStringLiteral("FineTunePrices"));
    store->beginWriteArray(QStringLiteral("overrides"));
    store->setArrayIndex(0);
    store->setValue(QStringLiteral("model"), QStringLiteral("gpt-4o"));
    store->setValue(QStringLiteral("perMillionTokens"), QStringLiteral("lots"));
    store->setValue(QStringLiteral("asOf"), QStringLiteral("2025-01-01"));
    store->setArrayIndex(1);
    store->setValue(QStringLiteral("model"), QStringLiteral("gpt-4o-mini"));
    store->setValue(QStringLiteral("perMillionTokens"), QStringLiteral("7.5"));
    store->setValue(QStringLiteral("asOf"), QStringLiteral("yesterday"));
    store->setArrayIndex(2);
    store->setValue(QStringLiteral("model"), QStringLiteral("kept"));
    store->setValue(QStringLiteral("perMillionTokens"), QStringLiteral("1.25"));
    store->setValue(QStringLiteral("asOf"), QStringLiteral("2025-02-03"));
    store->endArray();
    store->endGroup();
    const PriceTable table(twoModels(), store.get());
    QCOMPARE(table.problems().size(), 2);
    QVERIFY(table.problems().at(0).contains(QLatin1String("lots")));
    QCOMPARE(table.priceFor(u"gpt-4o")->perMillionTokens, 25.0);
    QCOMPARE(table.priceFor(u"gpt-4o-mini")->perMillionTokens, 3.0);
    QCOMPARE(table.priceFor(u"kept")->perMillionTokens, 1.25);
}

void TestPriceTable::costIsBillingTokensTimesEpochsTimesPrice_data()
{
    QTest::addColumn<qint64>("billing");
    QTest::addColumn<int>("epochs");
    QTest::addColumn<double>("perMillion");
    QTest::addColumn<double>("cost");
    QTest::newRow("1M x 3 x $3") << qint64(1'000'000) << 3 << 3.0 << 9.0;
    QTest::newRow("cookbook toy") << qint64(4'306) << 25 << 8.0 << 0.8612;
    QTest::newRow("no epochs") << qint64(5'000) << 0 << 25.0 << 0.0;
    QTest::newRow("free") << qint64(5'000) << 3 << 0.0 << 0.0;
    QTest::newRow("big file") << qint64(2'000'000'000) << 1 << 25.0 << 50'000.0;
}

void TestPriceTable::costIsBillingTokensTimesEpochsTimesPrice()
{
    QFETCH(qint64, billing);
    QFETCH(int, epochs);
    QFETCH(double, perMillion);
    QFETCH(double, cost);
    QVERIFY(std::abs(PriceTable::cost(billing, epochs, perMillion) - cost) < 1e-9);
}

void TestPriceTable::pricesSnapshotsAndFineTunedModelsByLongestPrefix_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("priced");
    QTest::newRow("exact") << QStringLiteral("gpt-4o") << QStringLiteral("gpt-4o");
    QTest::newRow("snapshot") << QStringLiteral("gpt-4o-mini-2024-07-18") << QStringLiteral("gpt-4o-mini");
    QTest::newRow("fine-tuned") << QStringLiteral("ft:gpt-4o-mini-2024-07-18:acme::abc123")
                                << QStringLiteral("gpt-4o-mini");
    QTest::newRow("unknown") << QStringLiteral("claude-x") << QString();
    QTest::newRow("shorter than any entry") << QStringLiteral("gpt-4") << QString();
}

void TestPriceTable::pricesSnapshotsAndFineTunedModelsByLongestPrefix()
{
    QFETCH(QString, model);
    QFETCH(QString, priced);
    const PriceTable table(twoModels(), nullptr);
    const auto found = table.priceFor(model);
    QCOMPARE(found ? found->model : QString(), priced);
}

QTEST_GUILESS_MAIN(TestPriceTable)
#include "tst_pricetable.moc"
