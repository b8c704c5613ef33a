// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/threadpriority.h"

#include <QCoreApplication>
#include <QThread>
#include <algorithm>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace tb {

namespace {

bool isMainThread()
{
    const QCoreApplication* app = QCoreApplication::instance();
    return app && QThread::currentThread() == app->thread();
}

#ifdef Q_OS_LINUX
// With PRIO_PROCESS, Linux takes a thread id and sets that one thread's nice value; the
// process id is the main thread's.
int niceOf(pid_t thread)
{
    return getpriority(PRIO_PROCESS, id_t(thread));
}

int backgroundNice()
{
    return std::min(niceOf(getpid()) + ThreadPriority::kBackgroundNice, 19);
}
#endif

} // namespace

void ThreadPriority::lowerCurrentThread()
{
    if (isMainThread())
        return;
#ifdef Q_OS_LINUX
    const int nice = backgroundNice();
    if (niceOf(gettid()) < nice)
        setpriority(PRIO_PROCESS, id_t(gettid()), nice);
#else
    QThread::currentThread()->setPriority(QThread::LowestPriority);
#endif
}

bool ThreadPriority::isCurrentThreadLowered()
{
#ifdef Q_OS_LINUX
    return !isMainThread() && niceOf(gettid()) >= backgroundNice();
#else
    return QThread::currentThread()->priority() == QThread::LowestPriority;
#endif
}

} // namespace tb
