// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Every run of a workspace in one SQLite file (WAL, versioned migrations through
// PRAGMA user_version). Database work runs on a private one-thread pool; callers get
// QFutures and never block the GUI.

#include "core/result.h"
#include "gui/runrecord.h"

#include <QFuture>
#include <QList>
#include <QString>
#include <QThreadPool>

namespace tb {

class RunHistory
{
public:
    explicit RunHistory(QString databasePath);
    ~RunHistory();

    QString databasePath() const { return m_path; }
    // The schema version this build writes (the number of migrations).
    static int schemaVersion();

    // Opens (creating and migrating as needed); later calls reuse the connection.
    QFuture<Status> open();
    // Stores the run; the future yields its id, or 0 when it could not be stored.
    QFuture<qint64> add(const RunRecord& record);
    // Newest first; `text` matches template name, values, request or response.
    QFuture<QList<RunRecord>> search(const QString& text, int limit = 500);
    // The runs of one group (variants side by side, a selection's two steps, a chat), in order.
    QFuture<QList<RunRecord>> group(const QString& groupId);

private:
    QString m_path;
    QThreadPool m_worker; // one thread: writes stay in call order
};

} // namespace tb
