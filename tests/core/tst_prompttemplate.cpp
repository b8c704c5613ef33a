// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>
class TestPromptTemplate : public QObject { Q_OBJECT };
QTEST_GUILESS_MAIN(TestPromptTemplate)
#include "tst_prompttemplate.moc"
