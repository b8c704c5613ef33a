// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// RunHistory: creates and migrates its SQLite file, stores runs, finds them again
// newest first, and refuses a file from a newer schema.

#include "gui/runhistory.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace tb;

namespace {

RunRecord run(const QString& name, const QString& review, const QString& reply)
{
    RunRecord record;
    record.startedAt = QDateTime::currentDateTimeUtc();
    record.templatePath = QStringLiteral(":/templates/") + name + QStringLiteral(".json");
    record.templateName = name;
    record.profileId = QStringLiteral("openai");
    record.values.insert(QStringLiteral("review"), review);
    record.request.insert(QStringLiteral("model"), QStringLiteral("gpt-4o-mini"));
    record.response = reply;
    record.outcome = QStringLiteral("ok");
    record.finishReason = QStringLiteral("stop");
    record.promptTokens = 12;
    record.completionTokens = 3;
    record.totalMs = 40;
    return record;
}

} // namespace

class TestRunHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void storesRunsAndFindsThemNewestFirst();
    void searchMatchesValuesAndReplies_data();
    void searchMatchesValuesAndReplies();
    void refusesAHistoryFromANewerSchema();
    void groupReturnsItsRunsInVariantOrder();
    void upgradesAHistoryWrittenBeforeGroups();
};

void TestRunHistory::storesRunsAndFindsThemNewestFirst()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/history.sqlite"));
    {
        RunHistory history(path);
        QVERIFY(history.open().result());
        QVERIFY(history.add(run(QStringLiteral("sentiment"), QStringLiteral("Cold chips"), QStringLiteral("2: cold")))
                    .result() > 0);
        QVERIFY(history.add(run(QStringLiteral("writer"), QStringLiteral("x"), QStringLiteral("A poem"))).result() > 0);
    }
    RunHistory reopened(path); // survives a restart, schema already current
    const QList<RunRecord> records = reopened.search(QString()).result();
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(0).templateName, QStringLiteral("writer"));
    QCOMPARE(records.at(1).values.value(QStringLiteral("review")).toString(), QStringLiteral("Cold chips"));
    QCOMPARE(records.at(1).request.value(QStringLiteral("model")).toString(), QStringLiteral("gpt-4o-mini"));
    QCOMPARE(records.at(1).promptTokens, 12);
    QCOMPARE(records.at(1).completionTokens, 3);
}

void TestRunHistory::searchMatchesValuesAndReplies_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("matches");
    QTest::newRow("everything") << QString() << 3;
    QTest::newRow("template name") << QStringLiteral("writ") << 1;
    QTest::newRow("parameter value") << QStringLiteral("chips") << 1;
    QTest::newRow("reply, any case") << QStringLiteral("POEM") << 1;
    QTest::newRow("LIKE wildcards are literal") << QStringLiteral("100%") << 1;
    QTest::newRow("nothing") << QStringLiteral("zebra") << 0;
}

void TestRunHistory::searchMatchesValuesAndReplies()
{
    QFETCH(QString, text);
    QFETCH(int, matches);
    QTemporaryDir dir;
    RunHistory history(dir.filePath(QStringLiteral("history.sqlite")));
    history.add(run(QStringLiteral("sentiment"), QStringLiteral("Cold chips"), QStringLiteral("2: cold"))).waitForFinished();
    history.add(run(QStringLiteral("writer"), QStringLiteral("x"), QStringLiteral("A poem"))).waitForFinished();
    history.add(run(QStringLiteral("rate"), QStringLiteral("y"), QStringLiteral("100% sure"))).waitForFinished();
    QCOMPARE(history.search(text).result().size(), matches);
}

void TestRunHistory::refusesAHistoryFromANewerSchema()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = %1").arg(RunHistory::schemaVersion() + 5));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("future"));
    RunHistory history(path);
    const Status opened = history.open().result();
    QVERIFY(!opened);
    QVERIFY(opened.error().message.contains(QStringLiteral("newer")));
}

void TestRunHistory::groupReturnsItsRunsInVariantOrder()
{
    QTemporaryDir dir;
    RunHistory history(dir.filePath(QStringLiteral("history.sqlite")));
    const QString group = RunRecord::newGroupId();
    for (int variant : {1, 0, 2}) {
        RunRecord record = run(QStringLiteral("writer"), QStringLiteral("x"), QStringLiteral("reply %1").arg(variant));
        record.groupId = group;
        record.variant = variant;
        record.groupSize = 3;
        record.kind = variant == 0 ? RunRecord::kClassifier : RunRecord::kAnswer;
        QVERIFY(history.add(record).result() > 0);
    }
    history.add(run(QStringLiteral("other"), QStringLiteral("y"), QStringLiteral("alone"))).waitForFinished();
    const QList<RunRecord> records = history.group(group).result();
    QCOMPARE(records.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(records.at(i).variant, i);
        QCOMPARE(records.at(i).groupSize, 3);
        QCOMPARE(records.at(i).response, QStringLiteral("reply %1").arg(i));
    }
    QCOMPARE(records.at(0).kind, RunRecord::kClassifier);
    QCOMPARE(records.at(1).kind, RunRecord::kAnswer);
    QVERIFY(history.group(QString()).result().isEmpty());
}

void TestRunHistory::upgradesAHistoryWrittenBeforeGroups()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    {
        // Schema 2 as the first release wrote it, with one run in it.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral(
            "CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL,"
            " template_path TEXT NOT NULL, template_name TEXT NOT NULL, profile_id TEXT NOT NULL,"
            " parameter_values TEXT NOT NULL, request TEXT NOT NULL, response TEXT NOT NULL, outcome TEXT NOT NULL,"
            " finish_reason TEXT NOT NULL, prompt_tokens INTEGER, completion_tokens INTEGER,"
            " first_token_ms INTEGER, total_ms INTEGER, request_id TEXT NOT NULL)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO runs VALUES (1, '2026-01-02T03:04:05.000Z', 'p', 'old', 'x',"
                                          " '{}', '{}', 'an old reply', 'ok', 'stop', 1, 2, 3, 4, 'req')")));
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 2")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old"));
    RunHistory history(path);
    QVERIFY(history.open().result());
    const QList<RunRecord> records = history.search(QString()).result();
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first().response, QStringLiteral("an old reply"));
    QCOMPARE(records.first().kind, RunRecord::kRun);
    QCOMPARE(records.first().groupSize, 1);
    QVERIFY(records.first().groupId.isEmpty());
}

QTEST_GUILESS_MAIN(TestRunHistory)
#include "tst_runhistory.moc"
