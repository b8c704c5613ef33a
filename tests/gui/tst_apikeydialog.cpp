// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// ApiKeyDialog: the key is typed hidden, never pre-filled, and the dialog says what
// the user chose (store or remove).

#include "gui/apikeydialog.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace tb;

class TestApiKeyDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keyIsHiddenAndSaveNeedsOne();
    void buttonsReportTheChoice_data();
    void buttonsReportTheChoice();
};

void TestApiKeyDialog::keyIsHiddenAndSaveNeedsOne()
{
    ApiKeyDialog dialog(QStringLiteral("OpenAI"), QString());
    auto* edit = dialog.findChild<QLineEdit*>(QStringLiteral("keyEdit"));
    QVERIFY(edit);
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QVERIFY(edit->text().isEmpty());
    QPushButton* save = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save);
    QVERIFY(!save->isEnabled());
    QTest::keyClicks(edit, QStringLiteral("  sk-abc  "));
    QVERIFY(save->isEnabled());
    QCOMPARE(dialog.key(), QStringLiteral("sk-abc"));
}

void TestApiKeyDialog::buttonsReportTheChoice_data()
{
    QTest::addColumn<int>("button");
    QTest::addColumn<int>("outcome");
    QTest::newRow("save") << int(QDialogButtonBox::Save) << int(ApiKeyDialog::Outcome::Store);
    QTest::newRow("remove") << int(QDialogButtonBox::Reset) << int(ApiKeyDialog::Outcome::Remove);
    QTest::newRow("cancel") << int(QDialogButtonBox::Cancel) << int(ApiKeyDialog::Outcome::Cancelled);
}

void TestApiKeyDialog::buttonsReportTheChoice()
{
    QFETCH(int, button);
    QFETCH(int, outcome);
    ApiKeyDialog dialog(QStringLiteral("OpenAI"), QStringLiteral("note"));
    QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("keyEdit")), QStringLiteral("sk-abc"));
    dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::StandardButton(button))->click();
    QCOMPARE(int(dialog.outcome()), outcome);
}

QTEST_MAIN(TestApiKeyDialog)
#include "tst_apikeydialog.moc"
