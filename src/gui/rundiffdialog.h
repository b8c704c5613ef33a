// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Two runs compared word by word: their replies, their messages (or prompts) and their
// request parameters and template values, each side by side with deletions and
// insertions highlighted.

#include "core/textdiff.h"
#include "gui/runrecord.h"

#include <QDialog>

class QLabel;
class QTabWidget;
class QTextBrowser;

namespace tb {

class RunDiffDialog : public QDialog
{
    Q_OBJECT
public:
    enum Part { Reply, Messages, Parameters, PartCount };

    RunDiffDialog(const RunRecord& before, const RunRecord& after, QWidget* parent = nullptr);

    const QList<TextDiff::Segment>& diff(Part part) const { return m_diffs[part]; }
    QTextBrowser* beforeView(Part part) const { return m_views[part][0]; }
    QTextBrowser* afterView(Part part) const { return m_views[part][1]; }
    QTabWidget* tabs() const { return m_tabs; }

    // "system:\n...\n\nuser:\n..." or "prompt:\n..."
    static QString messagesText(const QJsonObject& request);
    // Request parameters (not messages, prompt or streaming switches), then template values.
    static QString parametersText(const RunRecord& record);
    // One side as HTML: equal text plain, `changed` segments highlighted, the other kind left out.
    static QString toHtml(const QList<TextDiff::Segment>& segments, TextDiff::Segment::Kind changed);
    // "A: sentiment · gpt-4o-mini · variant 1/2 · 12:03"
    static QString describe(const RunRecord& record);

private:
    QWidget* createPart(Part part, const QString& before, const QString& after);

    QTabWidget* m_tabs = nullptr;
    QList<TextDiff::Segment> m_diffs[PartCount];
    QTextBrowser* m_views[PartCount][2] = {};
};

} // namespace tb
