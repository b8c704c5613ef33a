// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// RunDiffDialog: what of a request is compared (messages or prompt; parameters without
// the streaming switches; template values), how each side is highlighted, and the
// word counts on the tabs.

#include "gui/rundiffdialog.h"

#include <QJsonArray>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>

using namespace tb;
using Kind = TextDiff::Segment::Kind;

namespace {

RunRecord record(const QString& reply, const QString& user, double temperature)
{
    RunRecord run;
    run.templateName = QStringLiteral("sentiment");
    run.outcome = QStringLiteral("ok");
    run.finishReason = QStringLiteral("stop");
    run.response = reply;
    run.values.insert(QStringLiteral("review"), user);
    run.request = QJsonObject{
        {QStringLiteral("model"), QStringLiteral("gpt-4o-mini")},
        {QStringLiteral("temperature"), temperature},
        {QStringLiteral("stream"), true},
        {QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}}},
        {QStringLiteral("messages"),
         QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                                {QStringLiteral("content"), QStringLiteral("Rate it.")}},
                    QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                {QStringLiteral("name"), QStringLiteral("guest")},
                                {QStringLiteral("content"), user}}}},
    };
    return run;
}

} // namespace

class TestRunDiffDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void messagesAndPromptsReadAsText_data();
    void messagesAndPromptsReadAsText();
    void parametersLeaveOutStreamingAndListValues();
    void eachSideHighlightsItsOwnChanges();
    void tabsCountTheChangedWords();
};

void TestRunDiffDialog::messagesAndPromptsReadAsText_data()
{
    QTest::addColumn<QJsonObject>("request");
    QTest::addColumn<QString>("text");
    QTest::newRow("chat") << record(QString(), QStringLiteral("Cold chips."), 0).request
                          << QStringLiteral("system:\nRate it.\n\nuser (guest):\nCold chips.");
    QTest::newRow("legacy prompt") << QJsonObject{{QStringLiteral("prompt"), QStringLiteral("Q: 1+1?\nA:")}}
                                   << QStringLiteral("prompt:\nQ: 1+1?\nA:");
}

void TestRunDiffDialog::messagesAndPromptsReadAsText()
{
    QFETCH(QJsonObject, request);
    QFETCH(QString, text);
    QCOMPARE(RunDiffDialog::messagesText(request), text);
}

void TestRunDiffDialog::parametersLeaveOutStreamingAndListValues()
{
    QCOMPARE(RunDiffDialog::parametersText(record(QString(), QStringLiteral("Cold chips."), 0.5)),
             QStringLiteral("model: gpt-4o-mini\ntemperature: 0.5\n\ntemplate sentiment:\n{{review}} = Cold chips."));
}

void TestRunDiffDialog::eachSideHighlightsItsOwnChanges()
{
    RunDiffDialog dialog(record(QStringLiteral("2: cold <chips>"), QStringLiteral("a"), 0),
                         record(QStringLiteral("4: cold <chips>"), QStringLiteral("a"), 0));
    QCOMPARE(dialog.beforeView(RunDiffDialog::Reply)->toPlainText(), QStringLiteral("2: cold <chips>"));
    QCOMPARE(dialog.afterView(RunDiffDialog::Reply)->toPlainText(), QStringLiteral("4: cold <chips>"));
    const QString html = RunDiffDialog::toHtml(dialog.diff(RunDiffDialog::Reply), Kind::Inserted);
    QVERIFY(html.contains(QStringLiteral("#ccffd8;color:#055d20'>4</span>")));
    QVERIFY(html.contains(QStringLiteral("&lt;chips&gt;"))); // text is escaped, not markup
    QVERIFY(!html.contains(QStringLiteral(">2<")));
    QVERIFY(RunDiffDialog::toHtml(dialog.diff(RunDiffDialog::Reply), Kind::Deleted).contains(QStringLiteral("line-through'>2</span>")));
}

void TestRunDiffDialog::tabsCountTheChangedWords()
{
    RunDiffDialog dialog(record(QStringLiteral("same"), QStringLiteral("Cold chips."), 0.2),
                         record(QStringLiteral("same"), QStringLiteral("Warm soup."), 0.7));
    QCOMPARE(dialog.tabs()->tabText(RunDiffDialog::Reply), QStringLiteral("&Reply (same)"));
    QCOMPARE(dialog.tabs()->tabText(RunDiffDialog::Messages), QStringLiteral("&Messages (−2 +2)"));
    QCOMPARE(TextDiff::words(dialog.diff(RunDiffDialog::Parameters), Kind::Inserted),
             (QStringList{QStringLiteral("7"), QStringLiteral("Warm"), QStringLiteral("soup")}));
    QCOMPARE(dialog.tabs()->currentIndex(), int(RunDiffDialog::Messages)); // the replies are the same
}

QTEST_MAIN(TestRunDiffDialog)
#include "tst_rundiffdialog.moc"
