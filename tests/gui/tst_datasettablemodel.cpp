// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// DatasetTableModel: per-line formats, roles and counts, rows growing in batches while
// the index builds, token and status hooks, line filter, the row cache and long lines.

#include "core/datasetfinding.h"
#include "core/datasetreport.h"
#include "core/jsonlindex.h"
#include "fixturefiles.h"
#include "gui/datasettablemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonObject>
#include <QPromise>
#include <QSignalSpy>
#include <QTest>
#include <thread>

using tb::DatasetTableModel;
using tb::JsonlIndex;
using Format = DatasetTableModel::Format;

namespace {

// One line per kind of row the viewer meets.
const QByteArray kFixture
    = "{\"messages\":[{\"role\":\"system\",\"content\":\"s\"},{\"role\":\"user\",\"content\":\"q\"},"
      "{\"role\":\"assistant\",\"content\":\"a\"},{\"role\":\"user\",\"content\":\"q2\"}]}\n"
      "{\"prompt\":\"p\",\"completion\":\" c\"}\r\n"
      "{\"input\":{\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]},"
      "\"preferred_output\":[{\"role\":\"assistant\",\"content\":\"y\"}],"
      "\"non_preferred_output\":[{\"role\":\"assistant\",\"content\":\"n\"}]}\n"
      "{\"messages\":[{\"role\":\"user\",\"content\":\"unterminated}]}\n"
      "\n"
      "[1,2,3]\n"
      "{\"text\":\"no known fields\"}";

} // namespace

class TestDatasetTableModel : public QObject
{
    Q_OBJECT

private:
    tb::test::FixtureFiles m_files { QStringLiteral("m") };
    DatasetTableModel* m_model = nullptr;
    QAbstractItemModelTester* m_tester = nullptr;



    QVariant cell(int row, int column, int role = Qt::DisplayRole) const
    {
        return m_model->data(m_model->index(row, column), role);
    }

    static QByteArray manyLines(int count)
    {
        QByteArray bytes;
        for (int i = 0; i < count; ++i)
            bytes += "{\"messages\":[{\"role\":\"user\",\"content\":\"" + QByteArray::number(i) + "\"}]}\n";
        return bytes;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_files.isValid()); }

    void init()
    {
        m_model = new DatasetTableModel(this);
        m_tester = new QAbstractItemModelTester(
            m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    }

    void cleanup()
    {
        delete m_tester;
        delete m_model;
    }

    void describesEachLine_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("roles");
        QTest::addColumn<QVariant>("messages");
        QTest::newRow("chat") << 0 << int(Format::Chat) << QStringLiteral("system, user, assistant")
                              << QVariant(4);
        QTest::newRow("legacy with crlf") << 1 << int(Format::Legacy) << QString() << QVariant();
        QTest::newRow("dpo") << 2 << int(Format::Dpo) << QStringLiteral("user") << QVariant(1);
        QTest::newRow("invalid json") << 3 << int(Format::InvalidJson) << QString() << QVariant();
        QTest::newRow("empty line") << 4 << int(Format::Empty) << QString() << QVariant();
        QTest::newRow("array") << 5 << int(Format::NotAnObject) << QString() << QVariant();
        QTest::newRow("unknown object, no final newline")
            << 6 << int(Format::Unknown) << QString() << QVariant();
    }

    void describesEachLine()
    {
        QFETCH(int, row);
        QFETCH(int, format);
        QFETCH(QString, roles);
        QFETCH(QVariant, messages);
        m_model->setIndex(m_files.writeIndexed(kFixture));
        QCOMPARE(m_model->rowCount(), 7);
        QCOMPARE(m_model->columnCount(), int(DatasetTableModel::ColumnCount));
        QCOMPARE(cell(row, DatasetTableModel::LineColumn).toLongLong(), qint64(row + 1));
        QCOMPARE(cell(row, 0, DatasetTableModel::FormatRole).toInt(), format);
        QCOMPARE(cell(row, DatasetTableModel::FormatColumn).toString(),
            DatasetTableModel::formatName(Format(format)));
        QCOMPARE(cell(row, DatasetTableModel::RolesColumn).toString(), roles);
        QCOMPARE(cell(row, DatasetTableModel::MessagesColumn), messages);
        QCOMPARE(cell(row, DatasetTableModel::StatusColumn).toString(), QStringLiteral("—"));
        QCOMPARE(cell(row, DatasetTableModel::LineColumn, DatasetTableModel::LineNumberRole).toLongLong(),
            qint64(row));
    }

    void explainsInvalidJsonInTooltip()
    {
        m_model->setIndex(m_files.writeIndexed(kFixture));
        const QString tip = cell(3, DatasetTableModel::FormatColumn, Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("column")), qPrintable(tip));
        QVERIFY(cell(3, DatasetTableModel::FormatColumn, Qt::ForegroundRole).isValid());
        QVERIFY(!cell(0, DatasetTableModel::FormatColumn, Qt::ForegroundRole).isValid());
    }

    void growsInBatchesWhileIndexing()
    {
        const int count = 200000;
        const auto index = m_files.writeIndex(manyLines(count));
        QPromise<void> promise;
        QFuture<void> future = promise.future();
        promise.start();
        future.suspend(); // honoured after the first published batch
        std::thread worker([&] {
            index->build(promise);
            promise.finish();
        });
        QTRY_VERIFY(future.isSuspended());
        QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
        m_model->setIndex(index);
        const int visible = m_model->rowCount();
        QVERIFY(visible > 0);
        QVERIFY(visible < count);
        QCOMPARE(cell(visible - 1, DatasetTableModel::MessagesColumn).toInt(), 1);

        future.resume();
        worker.join();
        m_model->syncRowCount();
        QCOMPARE(m_model->rowCount(), count);
        QCOMPARE(inserted.count(), 2); // one batch at setIndex, one after the build: never per line
        QCOMPARE(inserted.last().at(1).toInt(), visible);
        QCOMPARE(inserted.last().at(2).toInt(), count - 1);
        m_model->syncRowCount();
        QCOMPARE(inserted.count(), 2);
    }

    void countsTokensThroughTheHook()
    {
        m_model->setIndex(m_files.writeIndexed(kFixture));
        QVERIFY(!cell(0, DatasetTableModel::TokensColumn).isValid());
        QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
        int calls = 0;
        m_model->setTokenCounter([&calls](const QJsonObject& example) -> std::optional<qint64> {
            ++calls;
            if (!example.contains(QLatin1String("messages")))
                return std::nullopt;
            return 10 * example.value(QLatin1String("messages")).toArray().size();
        });
        QCOMPARE(changed.count(), 1);
        QCOMPARE(cell(0, DatasetTableModel::TokensColumn).toLongLong(), 40);
        QCOMPARE(cell(0, DatasetTableModel::TokensColumn).toLongLong(), 40);
        QCOMPARE(calls, 1); // the parsed row is cached
        QVERIFY(!cell(1, DatasetTableModel::TokensColumn).isValid());
        QVERIFY(!cell(3, DatasetTableModel::TokensColumn).isValid()); // invalid JSON is never counted
    }

    void evictsOldRowsFromTheCache()
    {
        m_model->setIndex(m_files.writeIndexed(manyLines(DatasetTableModel::kCacheRows + 100)));
        int calls = 0;
        m_model->setTokenCounter([&calls](const QJsonObject&) -> std::optional<qint64> { return ++calls; });
        QCOMPARE(cell(0, DatasetTableModel::TokensColumn).toLongLong(), 1);
        for (int row = 1; row < m_model->rowCount(); ++row)
            cell(row, DatasetTableModel::MessagesColumn);
        QCOMPARE(calls, m_model->rowCount());
        QCOMPARE(cell(0, DatasetTableModel::TokensColumn).toLongLong(), qint64(m_model->rowCount() + 1));
    }

    void showsValidatorStatus_data()
    {
        QTest::addColumn<int>("errors");
        QTest::addColumn<int>("warnings");
        QTest::addColumn<QString>("text");
        QTest::newRow("clean") << 0 << 0 << QStringLiteral("OK");
        QTest::newRow("one error") << 1 << 0 << QStringLiteral("1 error(s)");
        QTest::newRow("warnings") << 0 << 2 << QStringLiteral("2 warning(s)");
        QTest::newRow("both") << 3 << 1 << QStringLiteral("3 error(s), 1 warning(s)");
    }

    void showsValidatorStatus()
    {
        QFETCH(int, errors);
        QFETCH(int, warnings);
        QFETCH(QString, text);
        m_model->setIndex(m_files.writeIndexed(kFixture));
        QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
        m_model->setStatusProvider([&](qint64 line) -> std::optional<DatasetTableModel::RowStatus> {
            if (line != 2)
                return std::nullopt;
            return DatasetTableModel::RowStatus { errors, warnings, QStringLiteral("first finding") };
        });
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().column(), int(DatasetTableModel::StatusColumn));
        QCOMPARE(changed.first().at(1).toModelIndex().row(), 6);
        // Untranslated %n plurals read "%n error(s)" with the number filled in.
        QCOMPARE(cell(2, DatasetTableModel::StatusColumn).toString(), text);
        QCOMPARE(cell(2, DatasetTableModel::StatusColumn, Qt::ToolTipRole).toString(),
            QStringLiteral("first finding"));
        QCOMPARE(cell(1, DatasetTableModel::StatusColumn).toString(), QStringLiteral("—"));
        QCOMPARE(cell(2, DatasetTableModel::StatusColumn, Qt::ForegroundRole).isValid(), errors > 0);
    }

    void showsFindingsPerLine()
    {
        m_model->setIndex(m_files.writeIndexed(kFixture));
        using Severity = tb::DatasetFinding::Severity;
        auto finding = [](qint64 line, Severity severity, const char* rule) {
            tb::DatasetFinding f;
            f.line = line;
            f.severity = severity;
            f.rule = QString::fromLatin1(rule);
            f.message = QStringLiteral("msg");
            return f;
        };
        m_model->setFindings(
            { finding(0, Severity::Warning, "file_level"), finding(2, Severity::Warning, "first_rule"),
                finding(2, Severity::Error, "second_rule"), finding(3, Severity::Info, "note") });
        QCOMPARE(
            cell(1, DatasetTableModel::StatusColumn).toString(), QStringLiteral("1 error(s), 1 warning(s)"));
        QCOMPARE(cell(1, DatasetTableModel::StatusColumn, Qt::ToolTipRole).toString(),
            QStringLiteral("first_rule: msg"));
        QCOMPARE(cell(0, DatasetTableModel::StatusColumn).toString(), QStringLiteral("OK"));
        QCOMPARE(cell(2, DatasetTableModel::StatusColumn).toString(), QStringLiteral("OK"));
    }

    void filtersToGivenLines()
    {
        m_model->setIndex(m_files.writeIndexed(kFixture));
        m_model->setLineFilter({});
        QCOMPARE(m_model->rowCount(), 0);
        QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
        m_model->appendFilteredLines({ 1, 3 });
        m_model->appendFilteredLines({ 6 });
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->lineForRow(1), 3);
        QCOMPARE(m_model->rowForLine(6), 2);
        QCOMPARE(m_model->rowForLine(2), -1);
        QCOMPARE(cell(2, DatasetTableModel::LineColumn).toLongLong(), 7);
        QCOMPARE(cell(0, 0, DatasetTableModel::FormatRole).toInt(), int(Format::Legacy));
        m_model->clearLineFilter();
        QCOMPARE(m_model->rowCount(), 7);
        QCOMPARE(m_model->rowForLine(2), 2);
        QCOMPARE(m_model->lineForRow(7), -1);
    }

    void parsesLongLinesInTheBackground()
    {
        const QByteArray content(DatasetTableModel::kSyncParseLimit + 10, 'x');
        const QByteArray bytes
            = "{\"messages\":[{\"role\":\"assistant\",\"content\":\"" + content + "\"}]}\n{}\n";
        m_model->setIndex(m_files.writeIndexed(bytes));
        QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
        QCOMPARE(cell(0, 0, DatasetTableModel::FormatRole).toInt(), int(Format::Pending));
        QTRY_COMPARE(cell(0, 0, DatasetTableModel::FormatRole).toInt(), int(Format::Chat));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
        QCOMPARE(cell(0, DatasetTableModel::RolesColumn).toString(), QStringLiteral("assistant"));
    }

    void sortsByTokens_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        QTest::addColumn<QList<qint64>>("lines");
        // Tokens per line: 30, none, 10, 30, 20 (ties in file order, no count first ascending).
        QTest::newRow("tokens ascending") << int(DatasetTableModel::TokensColumn) << int(Qt::AscendingOrder)
                                          << QList<qint64> { 1, 2, 4, 0, 3 };
        QTest::newRow("tokens descending") << int(DatasetTableModel::TokensColumn) << int(Qt::DescendingOrder)
                                           << QList<qint64> { 0, 3, 4, 2, 1 };
        QTest::newRow("line descending") << int(DatasetTableModel::LineColumn) << int(Qt::DescendingOrder)
                                         << QList<qint64> { 4, 3, 2, 1, 0 };
        QTest::newRow("line ascending: file order")
            << int(DatasetTableModel::LineColumn) << int(Qt::AscendingOrder)
            << QList<qint64> { 0, 1, 2, 3, 4 };
    }

    void sortsByTokens()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        QFETCH(QList<qint64>, lines);
        m_model->setIndex(m_files.writeIndexed(manyLines(5)));
        QSignalSpy sorted(m_model, &DatasetTableModel::sortFinished);
        m_model->sort(column, Qt::SortOrder(order));
        m_model->setLineTokens(std::make_shared<const std::vector<quint32>>(
            std::vector<quint32> { 30, tb::DatasetReport::kNotCounted, 10, 30, 20 }));
        QTRY_COMPARE(sorted.size(), 1);
        QList<qint64> shown;
        for (int row = 0; row < m_model->rowCount(); ++row)
            shown.append(m_model->lineForRow(row));
        QCOMPARE(shown, lines);
        for (int row = 0; row < m_model->rowCount(); ++row)
            QCOMPARE(m_model->rowForLine(lines[row]), row);
        QCOMPARE(cell(0, DatasetTableModel::LineColumn).toLongLong(), lines[0] + 1);
        const QVariant tokens = cell(int(lines.indexOf(4)), DatasetTableModel::TokensColumn);
        QCOMPARE(tokens.toLongLong(), qint64(20));
        QVERIFY(!cell(int(lines.indexOf(1)), DatasetTableModel::TokensColumn).isValid());
    }

    void sortsOnceTheIndexIsComplete()
    {
        auto index = m_files.writeIndex(manyLines(4));
        m_model->setIndex(index);
        QSignalSpy sorted(m_model, &DatasetTableModel::sortFinished);
        m_model->sort(DatasetTableModel::LineColumn, Qt::DescendingOrder);
        QVERIFY(m_model->isSorting());
        index->build();
        m_model->syncRowCount();
        QTRY_COMPARE(sorted.size(), 1);
        QCOMPARE(m_model->lineForRow(0), qint64(3));
        QVERIFY(!m_model->isSorting());
        // A reload keeps the order asked for.
        m_model->setIndex(m_files.writeIndexed(manyLines(2)));
        QTRY_COMPARE(sorted.size(), 2);
        QCOMPARE(m_model->lineForRow(0), qint64(1));
    }

    void keepsSelectionAndFilterWhenSorting()
    {
        m_model->setIndex(m_files.writeIndexed(manyLines(6)));
        m_model->setLineTokens(
            std::make_shared<const std::vector<quint32>>(std::vector<quint32> { 6, 5, 4, 3, 2, 1 }));
        m_model->setLineFilter({ 1, 3, 5 });
        const QPersistentModelIndex current = m_model->index(0, DatasetTableModel::RolesColumn); // line 1
        QSignalSpy sorted(m_model, &DatasetTableModel::sortFinished);
        m_model->sort(DatasetTableModel::TokensColumn, Qt::AscendingOrder);
        m_model->appendFilteredLines({ 0 }); // arrives while the sort runs
        QTRY_COMPARE(sorted.size(), 1);
        QCOMPARE(m_model->rowCount(), 4);
        QCOMPARE(m_model->lineForRow(0), qint64(5));
        QCOMPARE(m_model->lineForRow(1), qint64(3));
        QCOMPARE(m_model->lineForRow(2), qint64(1));
        QCOMPARE(m_model->lineForRow(3), qint64(0));
        QCOMPARE(current.row(), 2);
        QCOMPARE(current.column(), int(DatasetTableModel::RolesColumn));
        QCOMPARE(m_model->rowForLine(0), 3);
        QCOMPARE(m_model->rowForLine(2), -1);
        QVERIFY(m_model->sortedLines());
        QCOMPARE(m_model->sortedLines()->front(), 5);
    }

    void showsEditsAndTheirStatus()
    {
        m_model->setIndex(m_files.writeIndexed(kFixture));
        QSignalSpy changed(m_model, &DatasetTableModel::dataChanged);
        QSignalSpy edits(m_model, &DatasetTableModel::editsChanged);
        DatasetTableModel::RowStatus status;
        status.warnings = 1;
        status.summary = QStringLiteral("missing_system_message: no system");
        m_model->setLineEdit(3, "{\"messages\":[{\"role\":\"user\",\"content\":\"fixed\"}]}", status);
        QCOMPARE(edits.size(), 1);
        QVERIFY(!changed.isEmpty());
        QVERIFY(m_model->isEdited(3));
        QCOMPARE(cell(3, 0, DatasetTableModel::EditedRole).toBool(), true);
        QCOMPARE(cell(2, 0, DatasetTableModel::EditedRole).toBool(), false);
        QVERIFY(cell(3, DatasetTableModel::FormatColumn, Qt::BackgroundRole).isValid());
        QCOMPARE(cell(3, 0, DatasetTableModel::FormatRole).toInt(), int(Format::Chat));
        QCOMPARE(cell(3, DatasetTableModel::RolesColumn).toString(), QStringLiteral("user"));
        QCOMPARE(cell(3, DatasetTableModel::StatusColumn).toString(), QStringLiteral("1 warning(s)"));
        QCOMPARE(m_model->lineBytes(3),
            QByteArrayView("{\"messages\":[{\"role\":\"user\",\"content\":\"fixed\"}]}"));
        m_model->revertLineEdit(3);
        QCOMPARE(edits.size(), 2);
        QCOMPARE(cell(3, 0, DatasetTableModel::FormatRole).toInt(), int(Format::InvalidJson));
        QVERIFY(m_model->edits().isEmpty());
        m_model->setLineEdit(0, "{}");
        m_model->clearEdits();
        QCOMPARE(edits.size(), 4);
        QCOMPARE(cell(0, 0, DatasetTableModel::FormatRole).toInt(), int(Format::Chat));
    }

    void parsesLongEditedLinesInTheBackground()
    {
        m_model->setIndex(m_files.writeIndexed(manyLines(3)));
        const QByteArray content(DatasetTableModel::kSyncParseLimit + 10, 'x');
        m_model->setLineEdit(1, "{\"messages\":[{\"role\":\"tool\",\"content\":\"" + content + "\"}]}");
        QCOMPARE(cell(1, 0, DatasetTableModel::FormatRole).toInt(), int(Format::Pending));
        QTRY_COMPARE(cell(1, DatasetTableModel::RolesColumn).toString(), QStringLiteral("tool"));
    }

    void showsNothingWithoutAnIndex()
    {
        QCOMPARE(m_model->rowCount(), 0);
        m_model->syncRowCount();
        QCOMPARE(m_model->rowCount(), 0);
        m_model->setIndex(m_files.writeIndexed(kFixture));
        m_model->setIndex(nullptr);
        QCOMPARE(m_model->rowCount(), 0);
    }
};

QTEST_MAIN(TestDatasetTableModel)
#include "tst_datasettablemodel.moc"
