// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/runhistory.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QtConcurrent>

namespace tb {

namespace {

Q_LOGGING_CATEGORY(lcHistory, "tunebench.gui.history")

// Append only: each entry moves the schema one version up.
const QStringList& migrations()
{
    static const QStringList list = {
        QStringLiteral("CREATE TABLE runs ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " started_at TEXT NOT NULL,"
                       " template_path TEXT NOT NULL,"
                       " template_name TEXT NOT NULL,"
                       " profile_id TEXT NOT NULL,"
                       " parameter_values TEXT NOT NULL,"
                       " request TEXT NOT NULL,"
                       " response TEXT NOT NULL,"
                       " outcome TEXT NOT NULL,"
                       " finish_reason TEXT NOT NULL,"
                       " prompt_tokens INTEGER, completion_tokens INTEGER,"
                       " first_token_ms INTEGER, total_ms INTEGER,"
                       " request_id TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX runs_by_template ON runs(template_path, started_at)"),
        // Variants, prompt selection and chat turns.
        QStringLiteral("ALTER TABLE runs ADD COLUMN group_id TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE runs ADD COLUMN kind TEXT NOT NULL DEFAULT 'run'"),
        QStringLiteral("ALTER TABLE runs ADD COLUMN variant INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE runs ADD COLUMN group_size INTEGER NOT NULL DEFAULT 1"),
        QStringLiteral("CREATE INDEX runs_by_group ON runs(group_id, variant)"),
    };
    return list;
}

// A null QString binds as SQL NULL; the text columns are NOT NULL.
QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QString json(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject object(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

Error sqlError(const QString& what, const QSqlError& error, const QString& path)
{
    return Error{QObject::tr("%1: %2").arg(what, error.text()), path, 0, 0, {}};
}

// One short-lived connection per task: QtConcurrent may run a task on the thread that
// waits for it, and a QSqlDatabase must stay on the thread that made it.
class Connection
{
public:
    explicit Connection(const QString& path)
        : m_name(QStringLiteral("tunebench-history-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        m_status = migrate(db, path);
    }
    ~Connection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    const Status& status() const { return m_status; }
    QSqlDatabase database() const { return QSqlDatabase::database(m_name, false); }

private:
    static Status migrate(QSqlDatabase& db, const QString& path)
    {
        if (!db.open())
            return sqlError(QObject::tr("Cannot open the run history"), db.lastError(), path);
        QSqlQuery query(db);
        query.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
            return sqlError(QObject::tr("Cannot read the history version"), query.lastError(), path);
        const int version = query.value(0).toInt();
        query.finish();
        if (version > migrations().size())
            return Error{QObject::tr("The run history was written by a newer Tunebench (schema %1).").arg(version),
                         path, 0, 0, {}};
        for (int i = version; i < migrations().size(); ++i) {
            db.transaction();
            QSqlQuery step(db);
            if (!step.exec(migrations().at(i)) || !step.exec(QStringLiteral("PRAGMA user_version = %1").arg(i + 1))) {
                const QSqlError error = step.lastError();
                db.rollback();
                return sqlError(QObject::tr("Cannot upgrade the run history"), error, path);
            }
            db.commit();
        }
        return success();
    }

    QString m_name;
    Status m_status = success();
};

QString selectRuns()
{
    return QStringLiteral("SELECT id, started_at, template_path, template_name, profile_id, parameter_values,"
                          " request, response, outcome, finish_reason, prompt_tokens, completion_tokens,"
                          " first_token_ms, total_ms, request_id, group_id, kind, variant, group_size FROM runs");
}

// Runs the prepared selectRuns() query.
QList<RunRecord> readRuns(QSqlQuery& query)
{
    QList<RunRecord> records;
    if (!query.exec())
        return records;
    while (query.next()) {
        RunRecord record;
        record.id = query.value(0).toLongLong();
        record.startedAt = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
        record.templatePath = query.value(2).toString();
        record.templateName = query.value(3).toString();
        record.profileId = query.value(4).toString();
        record.values = object(query.value(5).toString());
        record.request = object(query.value(6).toString());
        record.response = query.value(7).toString();
        record.outcome = query.value(8).toString();
        record.finishReason = query.value(9).toString();
        record.promptTokens = query.value(10).isNull() ? -1 : query.value(10).toInt();
        record.completionTokens = query.value(11).isNull() ? -1 : query.value(11).toInt();
        record.timeToFirstTokenMs = query.value(12).toLongLong();
        record.totalMs = query.value(13).toLongLong();
        record.requestId = query.value(14).toString();
        record.groupId = query.value(15).toString();
        record.kind = query.value(16).toString();
        record.variant = query.value(17).toInt();
        record.groupSize = query.value(18).toInt();
        records.append(record);
    }
    return records;
}

} // namespace

RunHistory::RunHistory(QString databasePath) : m_path(std::move(databasePath))
{
    m_worker.setMaxThreadCount(1);
    m_worker.setExpiryTimeout(-1);
    qRegisterMetaType<tb::RunRecord>();
}

RunHistory::~RunHistory()
{
    m_worker.waitForDone();
}

int RunHistory::schemaVersion()
{
    return int(migrations().size());
}

QFuture<Status> RunHistory::open()
{
    return QtConcurrent::run(&m_worker, [path = m_path]() -> Status { return Connection(path).status(); });
}

QFuture<qint64> RunHistory::add(const RunRecord& record)
{
    return QtConcurrent::run(&m_worker, [path = m_path, record]() -> qint64 {
        const Connection connection(path);
        if (!connection.status()) {
            qCWarning(lcHistory) << "cannot open" << path << connection.status().error().message;
            return 0;
        }
        QSqlQuery query(connection.database());
        query.prepare(QStringLiteral(
            "INSERT INTO runs (started_at, template_path, template_name, profile_id, parameter_values, request,"
            " response, outcome, finish_reason, prompt_tokens, completion_tokens, first_token_ms, total_ms, request_id,"
            " group_id, kind, variant, group_size)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        query.addBindValue(record.startedAt.toUTC().toString(Qt::ISODateWithMs));
        query.addBindValue(text(record.templatePath));
        query.addBindValue(text(record.templateName));
        query.addBindValue(text(record.profileId));
        query.addBindValue(json(record.values));
        query.addBindValue(json(record.request));
        query.addBindValue(text(record.response));
        query.addBindValue(text(record.outcome));
        query.addBindValue(text(record.finishReason));
        query.addBindValue(record.promptTokens);
        query.addBindValue(record.completionTokens);
        query.addBindValue(record.timeToFirstTokenMs);
        query.addBindValue(record.totalMs);
        query.addBindValue(text(record.requestId));
        query.addBindValue(text(record.groupId));
        query.addBindValue(text(record.kind));
        query.addBindValue(record.variant);
        query.addBindValue(record.groupSize);
        if (!query.exec()) {
            qCWarning(lcHistory) << "cannot store a run:" << query.lastError().text();
            return 0;
        }
        return query.lastInsertId().toLongLong();
    });
}

QFuture<QList<RunRecord>> RunHistory::search(const QString& text, int limit)
{
    return QtConcurrent::run(&m_worker, [path = m_path, text, limit] {
        const Connection connection(path);
        if (!connection.status())
            return QList<RunRecord>();
        QSqlQuery query(connection.database());
        QString sql = selectRuns();
        if (!text.isEmpty())
            sql += QStringLiteral(" WHERE template_name LIKE ? ESCAPE '\\' OR parameter_values LIKE ? ESCAPE '\\'"
                                  " OR request LIKE ? ESCAPE '\\' OR response LIKE ? ESCAPE '\\'");
        sql += QStringLiteral(" ORDER BY id DESC LIMIT %1").arg(limit);
        query.prepare(sql);
        if (!text.isEmpty()) {
            QString pattern = text;
            pattern.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
                .replace(QLatin1Char('%'), QStringLiteral("\\%"))
                .replace(QLatin1Char('_'), QStringLiteral("\\_"));
            const QString like = QLatin1Char('%') + pattern + QLatin1Char('%');
            for (int i = 0; i < 4; ++i)
                query.addBindValue(like);
        }
        return readRuns(query);
    });
}

QFuture<QList<RunRecord>> RunHistory::group(const QString& groupId)
{
    return QtConcurrent::run(&m_worker, [path = m_path, groupId] {
        const Connection connection(path);
        if (!connection.status() || groupId.isEmpty())
            return QList<RunRecord>();
        QSqlQuery query(connection.database());
        query.prepare(selectRuns() + QStringLiteral(" WHERE group_id = ? ORDER BY variant, id"));
        query.addBindValue(groupId);
        return readRuns(query);
    });
}

} // namespace tb
