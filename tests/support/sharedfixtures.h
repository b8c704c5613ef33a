// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Paths to fixtures: the repo's own files, and ../shared (absent on a user's
// fresh clone, so tests that need it skip through TB_REQUIRE_SHARED).

#include <QString>
#include <QTest>

namespace tb::test {

// Absolute path of a file in the source tree, e.g. sourcePath("templates/x.json").
QString sourcePath(const QString& relative);

// Absolute path under ../shared, or an empty string when ../shared is absent.
QString sharedPath(const QString& relative);

} // namespace tb::test

// Sets `var` to the ../shared path or skips the current test function.
#define TB_REQUIRE_SHARED(var, relative)                                                          \
    const QString var = tb::test::sharedPath(QStringLiteral(relative));                           \
    if (var.isEmpty())                                                                            \
        QSKIP("../shared is not present (fresh clone); fixture " relative " unavailable");
