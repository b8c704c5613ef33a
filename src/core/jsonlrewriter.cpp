// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jsonlrewriter.h"

#include "core/jsonlindex.h"

#include <QPromise>
#include <QSaveFile>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace tb {

Status JsonlRewriter::write(
    const JsonlIndex& index, const JsonlEditOverlay& overlay, const QString& target, const Progress& progress)
{
    if (!index.isComplete())
        return Error::inFile(index.path(), QStringLiteral("the file is not completely indexed yet"));
    if (index.changedOnDisk())
        return Error::inFile(
            index.path(), QStringLiteral("the file changed on disk since it was opened; reload it first"));
    if (!overlay.isEmpty() && overlay.lines().rbegin()->first >= index.lineCount())
        return Error::inFile(index.path(), QStringLiteral("an edited line is past the end of the file"));

    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly))
        return Error::inFile(target, QStringLiteral("cannot write the file: %1").arg(file.errorString()));

    const qint64 total = index.fileSize();
    qint64 done = 0; // bytes of the original consumed
    // Copies original bytes [done, until) in chunks; false on a write error or cancel.
    const auto copyUntil = [&](qint64 until) {
        while (done < until) {
            const qint64 end = std::min(until, done + kChunkSize);
            const QByteArrayView bytes = index.fileBytes(done, end);
            if (file.write(bytes.data(), bytes.size()) != bytes.size())
                return false;
            done = end;
            if (progress && !progress(done, total))
                return false;
        }
        return true;
    };
    bool ok = true;
    for (const auto& [line, bytes] : overlay.lines()) {
        // Everything before the line's content (the previous line end, the BOM) as it was;
        // the line's own line end is copied with the next stretch.
        ok = copyUntil(index.lineOffset(line)) && file.write(bytes) == bytes.size();
        if (!ok)
            break;
        done = index.lineEndOffset(line);
    }
    ok = ok && copyUntil(total);
    if (!ok) {
        const QString reason
            = file.error() != QFileDevice::NoError ? file.errorString() : QStringLiteral("canceled");
        file.cancelWriting();
        return Error::inFile(target, QStringLiteral("the file was not saved: %1").arg(reason));
    }
    if (!file.commit())
        return Error::inFile(target, QStringLiteral("the file was not saved: %1").arg(file.errorString()));
    return success();
}

QFuture<Status> JsonlRewriter::writeInBackground(std::shared_ptr<const JsonlIndex> index,
    JsonlEditOverlay overlay, const QString& target, QThreadPool* pool)
{
    return QtConcurrent::run(pool ? pool : QThreadPool::globalInstance(),
        [index = std::move(index), overlay = std::move(overlay), target](QPromise<Status>& promise) {
            promise.setProgressRange(0, kProgressMaximum);
            int last = -1;
            const Status status = write(*index, overlay, target, [&](qint64 done, qint64 total) {
                const int value = total > 0 ? int(done * kProgressMaximum / total) : kProgressMaximum;
                if (value != last)
                    promise.setProgressValue(last = value);
                return !promise.isCanceled();
            });
            if (status.ok())
                promise.setProgressValue(kProgressMaximum);
            promise.addResult(status);
        });
}

} // namespace tb
