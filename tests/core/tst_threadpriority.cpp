// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/datasetlinefilter.h"
#include "core/datasetvalidator.h"
#include "core/jsonlindex.h"
#include "core/jsonlsearch.h"
#include "core/threadpriority.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <memory>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

using tb::ThreadPriority;

namespace {

#ifdef Q_OS_LINUX
int currentNice()
{
    return getpriority(PRIO_PROCESS, id_t(gettid()));
}
#endif

enum class Job { Build, Search, LineFilter, Validation };

// Waits without QFuture::waitForFinished(), which may run a task that has not started
// yet on the waiting thread.
template <typename T> QFuture<T> finished(QFuture<T> future)
{
    while (!future.isFinished())
        QThread::msleep(1);
    return future;
}

} // namespace

Q_DECLARE_METATYPE(Job)

class TestThreadPriority : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void leavesTheMainThreadAlone();
    void lowersAWorkerThreadOnce();
    void longJobsLowerTheirPoolThread_data();
    void longJobsLowerTheirPoolThread();
};

void TestThreadPriority::leavesTheMainThreadAlone()
{
#ifdef Q_OS_LINUX
    const int nice = currentNice();
#endif
    ThreadPriority::lowerCurrentThread();
    QVERIFY(!ThreadPriority::isCurrentThreadLowered());
#ifdef Q_OS_LINUX
    QCOMPARE(currentNice(), nice);
#endif
}

void TestThreadPriority::lowersAWorkerThreadOnce()
{
    bool before = true, after = false, again = false;
#ifdef Q_OS_LINUX
    const int mainNice = currentNice();
    int lowered = 0, loweredAgain = 0;
#endif
    const std::unique_ptr<QThread> worker(QThread::create([&] {
        before = ThreadPriority::isCurrentThreadLowered();
        ThreadPriority::lowerCurrentThread();
        after = ThreadPriority::isCurrentThreadLowered();
#ifdef Q_OS_LINUX
        lowered = currentNice();
#endif
        ThreadPriority::lowerCurrentThread();
        again = ThreadPriority::isCurrentThreadLowered();
#ifdef Q_OS_LINUX
        loweredAgain = currentNice();
#endif
    }));
    worker->start();
    QVERIFY(worker->wait());
    QVERIFY(!before);
    QVERIFY(after);
    QVERIFY(again);
    QVERIFY(!ThreadPriority::isCurrentThreadLowered());
#ifdef Q_OS_LINUX
    QCOMPARE(lowered, std::min(mainNice + ThreadPriority::kBackgroundNice, 19));
    QCOMPARE(loweredAgain, lowered); // not lowered further
    QCOMPARE(currentNice(), mainNice);
#endif
}

void TestThreadPriority::longJobsLowerTheirPoolThread_data()
{
    QTest::addColumn<Job>("job");
    QTest::newRow("index build") << Job::Build;
    QTest::newRow("search") << Job::Search;
    QTest::newRow("line filter") << Job::LineFilter;
    QTest::newRow("validation") << Job::Validation;
}

void TestThreadPriority::longJobsLowerTheirPoolThread()
{
    QFETCH(Job, job);
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("chat.jsonl")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}, "
               "{\"role\": \"assistant\", \"content\": \"hello\"}]}\n");
    file.close();
    auto opened = tb::JsonlIndex::open(file.fileName());
    QVERIFY(opened.ok());
    std::shared_ptr<tb::JsonlIndex> index = *opened;
    if (job != Job::Build)
        index->build();

    // One thread, so the job runs on the thread the probes run on.
    QThreadPool pool;
    pool.setMaxThreadCount(1);
    const auto poolThreadLowered = [&pool] {
        return finished(QtConcurrent::run(&pool, [] {
            return ThreadPriority::isCurrentThreadLowered();
        })).result();
    };
    QVERIFY(!poolThreadLowered());
    switch (job) {
    case Job::Build:
        finished(tb::JsonlIndex::buildInBackground(index, &pool));
        QVERIFY(index->isComplete());
        break;
    case Job::Search:
        QCOMPARE(
            finished(tb::JsonlSearch::start(index, "hello", Qt::CaseInsensitive, &pool)).results().size(), 1);
        break;
    case Job::LineFilter: {
        tb::DatasetLineFilter::Criteria criteria;
        criteria.text = "hello";
        QCOMPARE(finished(tb::DatasetLineFilter::start(index, criteria, {}, &pool)).results().size(), 1);
        break;
    }
    case Job::Validation:
        QCOMPARE(finished(tb::DatasetValidator::validateInBackground(index, {}, &pool)).result().examples,
            qint64(1));
        break;
    }
    QVERIFY(poolThreadLowered());
}

QTEST_GUILESS_MAIN(TestThreadPriority)
#include "tst_threadpriority.moc"
