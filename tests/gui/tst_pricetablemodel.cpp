// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// PriceTableModel: edits reach the PriceTable (and its settings) through its checks;
// rejected input leaves the row as it was; add, remove and reset keep views in step.

#include "core/pricetable.h"
#include "gui/pricetablemodel.h"

#include <QAbstractItemModelTester>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using tb::PriceTable;
using tb::PriceTableModel;

namespace {

const QDate kBundled(2025, 5, 1);
const QDate kToday(2026, 11, 26);

PriceTable::Defaults defaults()
{
    return { QStringLiteral("USD"), QString(),
        { { QStringLiteral("gpt-4o"), 25.0, kBundled, QStringLiteral("list") },
            { QStringLiteral("gpt-4o-mini"), 3.0, kBundled, QStringLiteral("list") } } };
}

} // namespace

class TestPriceTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("p.ini")), QSettings::IniFormat);
        m_table = std::make_unique<PriceTable>(defaults(), m_settings.get());
        m_model = std::make_unique<PriceTableModel>(m_table.get());
        m_model->setToday([] { return kToday; });
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_table.reset();
        m_settings.reset();
    }

    void showsEveryColumn()
    {
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->index(1, PriceTableModel::ModelColumn).data().toString(), QStringLiteral("gpt-4o-mini"));
        QCOMPARE(m_model->index(1, PriceTableModel::PriceColumn).data().toString(), QStringLiteral("3.00"));
        QCOMPARE(m_model->index(1, PriceTableModel::AsOfColumn).data().toString(), QStringLiteral("2025-05-01"));
        QCOMPARE(m_model->index(1, PriceTableModel::AsOfColumn).data(Qt::EditRole).toDate(), kBundled);
        QCOMPARE(m_model->index(1, PriceTableModel::SourceColumn).data().toString(), QStringLiteral("list"));
        QCOMPARE(m_model->headerData(PriceTableModel::PriceColumn, Qt::Horizontal).toString(),
            QStringLiteral("USD per 1M training tokens"));
        QVERIFY(m_model->flags(m_model->index(0, PriceTableModel::PriceColumn)) & Qt::ItemIsEditable);
    }

    void priceEditIsStampedAndPersisted_data()
    {
        QTest::addColumn<QVariant>("input");
        QTest::addColumn<double>("price");
        QTest::newRow("text") << QVariant(QStringLiteral("4.5")) << 4.5;
        QTest::newRow("with currency sign") << QVariant(QStringLiteral("$ 4.50")) << 4.5;
        QTest::newRow("thousands in the locale") << QVariant(QStringLiteral("1,200")) << 1200.0;
        QTest::newRow("number") << QVariant(2.25) << 2.25;
    }
    void priceEditIsStampedAndPersisted()
    {
        QFETCH(QVariant, input);
        QFETCH(double, price);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QVERIFY(m_model->setData(m_model->index(1, PriceTableModel::PriceColumn), input));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_table->prices()[1].perMillionTokens, price);
        QCOMPARE(m_table->prices()[1].asOf, kToday);
        QCOMPARE(m_table->prices()[1].source, QStringLiteral("edited by you"));
        const PriceTable reread(defaults(), m_settings.get());
        QCOMPARE(reread.priceFor(u"gpt-4o-mini")->perMillionTokens, price);
    }

    void rejectsBadInputAndSaysWhy_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QVariant>("input");
        QTest::addColumn<QString>("message");
        QTest::newRow("not a number") << int(PriceTableModel::PriceColumn) << QVariant(QStringLiteral("cheap"))
                                      << QStringLiteral("not a price");
        QTest::newRow("negative") << int(PriceTableModel::PriceColumn) << QVariant(QStringLiteral("-2"))
                                  << QStringLiteral("from 0 to");
        QTest::newRow("empty name") << int(PriceTableModel::ModelColumn) << QVariant(QString())
                                    << QStringLiteral("model name");
        QTest::newRow("taken name") << int(PriceTableModel::ModelColumn) << QVariant(QStringLiteral("gpt-4o"))
                                    << QStringLiteral("already has a price");
        QTest::newRow("bad date") << int(PriceTableModel::AsOfColumn) << QVariant(QStringLiteral("May"))
                                  << QStringLiteral("date");
    }
    void rejectsBadInputAndSaysWhy()
    {
        QFETCH(int, column);
        QFETCH(QVariant, input);
        QFETCH(QString, message);
        QSignalSpy rejected(m_model.get(), &PriceTableModel::editRejected);
        QVERIFY(!m_model->setData(m_model->index(1, column), input));
        QCOMPARE(rejected.count(), 1);
        QVERIFY2(rejected.at(0).at(0).toString().contains(message), qPrintable(rejected.at(0).at(0).toString()));
        QCOMPARE(m_table->prices(), defaults().prices);
        QVERIFY(m_settings->allKeys().isEmpty());
    }

    void addsRemovesAndResetsRows()
    {
        const int row = m_model->addModel();
        QCOMPARE(row, 2);
        QCOMPARE(m_model->index(row, 0).data().toString(), QStringLiteral("new-model"));
        QCOMPARE(m_model->addModel(), 3);
        QCOMPARE(m_model->index(3, 0).data().toString(), QStringLiteral("new-model-2"));
        QVERIFY(m_model->setData(m_model->index(row, PriceTableModel::ModelColumn), QStringLiteral("my-tuned")));
        QCOMPARE(m_table->rowOf(u"my-tuned"), 2);
        m_model->removeModel(0);
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_table->rowOf(u"gpt-4o"), -1);
        m_model->resetToDefaults();
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_table->prices(), defaults().prices);
    }

    void followsChangesMadeElsewhere()
    {
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QVERIFY(m_table->setPrice({ QStringLiteral("elsewhere"), 1.0, kToday, QString() }).ok());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(m_model->rowCount(), 3);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<PriceTable> m_table;
    std::unique_ptr<PriceTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(TestPriceTableModel)
#include "tst_pricetablemodel.moc"
