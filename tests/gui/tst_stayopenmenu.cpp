// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/stayopenmenu.h"

#include <QAction>
#include <QSignalSpy>
#include <QTest>

using tb::StayOpenMenu;

class TestStayOpenMenu : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void checkBoxesToggleAndTheMenuStaysOpen();
    void otherActionsCloseTheMenu();

private:
    static void open(StayOpenMenu& menu)
    {
        menu.popup(QPoint(100, 100));
        QVERIFY(QTest::qWaitForWindowExposed(&menu));
    }
};

void TestStayOpenMenu::checkBoxesToggleAndTheMenuStaysOpen()
{
    StayOpenMenu menu;
    QAction* first = menu.addAction(QStringLiteral("model-a"));
    QAction* second = menu.addAction(QStringLiteral("model-b"));
    first->setCheckable(true);
    second->setCheckable(true);
    open(menu);
    QTest::mouseClick(&menu, Qt::LeftButton, {}, menu.actionGeometry(first).center());
    QTest::mouseClick(&menu, Qt::LeftButton, {}, menu.actionGeometry(second).center());
    QVERIFY(first->isChecked());
    QVERIFY(second->isChecked());
    QVERIFY(menu.isVisible());
    menu.setActiveAction(first);
    QTest::keyClick(&menu, Qt::Key_Space);
    QVERIFY(!first->isChecked());
    QVERIFY(menu.isVisible());
}

void TestStayOpenMenu::otherActionsCloseTheMenu()
{
    StayOpenMenu menu;
    QAction* plain = menu.addAction(QStringLiteral("Refresh"));
    QSignalSpy triggered(plain, &QAction::triggered);
    open(menu);
    QTest::mouseClick(&menu, Qt::LeftButton, {}, menu.actionGeometry(plain).center());
    QCOMPARE(triggered.count(), 1);
    QTRY_VERIFY(!menu.isVisible());
}

QTEST_MAIN(TestStayOpenMenu)
#include "tst_stayopenmenu.moc"
