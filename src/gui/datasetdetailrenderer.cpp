// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/datasetdetailrenderer.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QStringList>
#include <algorithm>

namespace tb {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("tb::DatasetDetailRenderer", text);
}

// Laying out rich text costs the GUI thread about 1-2 ms per KB, so the conversation
// shows a bounded amount of text; the raw view has more.
struct Budget
{
    qsizetype remaining = DatasetDetailRenderer::kMaxConversationChars;
    bool truncated = false;
};

// Cuts every line of `text` to kMaxRawLineChars: one long line would be laid out whole.
QString limitLines(const QString& text, bool* truncated)
{
    if (text.size() <= DatasetDetailRenderer::kMaxRawLineChars)
        return text;
    QString out;
    out.reserve(std::min<qsizetype>(text.size(), DatasetDetailRenderer::kMaxRawChars));
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        if (end < 0)
            end = text.size();
        const qsizetype length = end - start;
        if (length > DatasetDetailRenderer::kMaxRawLineChars) {
            out += QStringView(text).mid(start, DatasetDetailRenderer::kMaxRawLineChars);
            out += QStringLiteral(" … [")
                + tr("%1 more characters").arg(length - DatasetDetailRenderer::kMaxRawLineChars)
                + QLatin1Char(']');
            *truncated = true;
        } else {
            out += QStringView(text).mid(start, length);
        }
        if (end < text.size())
            out += QLatin1Char('\n');
        start = end + 1;
    }
    return out;
}

// Re-indents JSON text without parsing it into a QJsonObject, which would sort the
// keys: the user sees the example in its own key order, strings byte for byte.
QByteArray reindent(QByteArrayView json, qsizetype limit, bool* truncated)
{
    QByteArray out;
    out.reserve(std::min<qsizetype>(json.size() * 2, limit + 64));
    int depth = 0;
    auto newline = [&] {
        out += '\n';
        out += QByteArray(depth * 2, ' ');
    };
    const qsizetype size = json.size();
    for (qsizetype i = 0; i < size; ++i) {
        if (out.size() > limit) {
            *truncated = true;
            break;
        }
        const char c = json[i];
        switch (c) {
        case '"': {
            const qsizetype start = i;
            for (++i; i < size && json[i] != '"'; ++i) {
                if (json[i] == '\\')
                    ++i;
            }
            const qsizetype length = std::min(i, size - 1) - start + 1;
            if (length > DatasetDetailRenderer::kMaxRawLineChars) {
                // Only the start of a long string (room left for its key and indent on the
                // same line, so limitLines() leaves it alone); whole characters.
                qsizetype keep = DatasetDetailRenderer::kMaxRawLineChars - 512;
                while (keep > 0 && (static_cast<unsigned char>(json[start + keep]) & 0xC0) == 0x80)
                    --keep;
                out += json.sliced(start, keep).toByteArray();
                out += "…\" [" + QByteArray::number(length - keep) + " more bytes]";
                *truncated = true;
            } else {
                out += json.sliced(start, length).toByteArray();
            }
            break;
        }
        case ' ':
        case '\t':
        case '\r':
        case '\n':
            break;
        case '{':
        case '[': {
            qsizetype next = i + 1;
            while (next < size
                && (json[next] == ' ' || json[next] == '\t' || json[next] == '\r' || json[next] == '\n'))
                ++next;
            out += c;
            if (next < size && json[next] == (c == '{' ? '}' : ']')) {
                out += json[next];
                i = next;
            } else {
                ++depth;
                newline();
            }
            break;
        }
        case '}':
        case ']':
            depth = std::max(0, depth - 1);
            newline();
            out += c;
            break;
        case ',':
            out += c;
            newline();
            break;
        case ':':
            out += ": ";
            break;
        default:
            out += c;
        }
    }
    return out;
}

// Plain text with ``` fences: prose keeps its line breaks, fenced code goes in <pre>.
QString textHtml(QString text, Budget* truncated)
{
    const qsizetype allowed
        = std::max<qsizetype>(0, std::min(DatasetDetailRenderer::kMaxContentChars, truncated->remaining));
    if (text.size() > allowed) {
        const qsizetype more = text.size() - allowed;
        text.truncate(allowed);
        text += QStringLiteral(" … [") + tr("%1 more characters; the Raw JSON tab shows more").arg(more)
            + QLatin1Char(']');
        truncated->truncated = true;
    }
    truncated->remaining -= std::min(allowed, text.size());
    const QStringList parts = text.split(QStringLiteral("```"));
    QString html;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (i % 2 == 0) {
            html += parts[i].toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br/>"));
        } else {
            QString code = parts[i];
            const qsizetype firstBreak = code.indexOf(QLatin1Char('\n'));
            if (firstBreak >= 0 && !code.left(firstBreak).contains(QLatin1Char(' ')))
                code.remove(0, firstBreak + 1); // the language tag
            html += QStringLiteral("<pre style=\"background-color:#f4f4f4\">") + code.toHtmlEscaped()
                + QStringLiteral("</pre>");
        }
    }
    return html;
}

QString contentHtml(const QJsonValue& content, Budget* truncated)
{
    if (content.isString())
        return textHtml(content.toString(), truncated);
    if (content.isArray()) {
        QString html;
        for (const QJsonValue& partValue : content.toArray()) {
            const QJsonObject part = partValue.toObject();
            const QString type = part.value(QLatin1String("type")).toString();
            if (type == QLatin1String("text"))
                html += textHtml(part.value(QLatin1String("text")).toString(), truncated);
            else if (type == QLatin1String("image_url"))
                html += QStringLiteral("<i>[") + tr("image") + QStringLiteral(": ")
                    + part.value(QLatin1String("image_url"))
                          .toObject()
                          .value(QLatin1String("url"))
                          .toString()
                          .left(200)
                          .toHtmlEscaped()
                    + QStringLiteral("]</i>");
            else
                html += QStringLiteral("<i>[") + type.toHtmlEscaped() + QStringLiteral("]</i>");
            html += QStringLiteral("<br/>");
        }
        return html;
    }
    if (content.isNull() || content.isUndefined())
        return {};
    return QStringLiteral("<i>") + tr("(content is not text)") + QStringLiteral("</i>");
}

QString callHtml(const QJsonObject& function)
{
    const QString name = function.value(QLatin1String("name")).toString();
    const QString arguments = function.value(QLatin1String("arguments")).toString();
    const QJsonDocument parsed = QJsonDocument::fromJson(arguments.toUtf8());
    const QString shown
        = parsed.isNull() ? arguments : QString::fromUtf8(parsed.toJson(QJsonDocument::Indented)).trimmed();
    return QStringLiteral("<p>&#8594; <b>") + name.toHtmlEscaped() + QStringLiteral("</b></p><pre>")
        + shown.left(DatasetDetailRenderer::kMaxContentChars).toHtmlEscaped() + QStringLiteral("</pre>");
}

QString roleColor(const QString& role)
{
    if (role == QLatin1String("system") || role == QLatin1String("developer"))
        return QStringLiteral("#ececec");
    if (role == QLatin1String("user"))
        return QStringLiteral("#dbe8fb");
    if (role == QLatin1String("assistant"))
        return QStringLiteral("#dcf5e3");
    if (role == QLatin1String("tool") || role == QLatin1String("function"))
        return QStringLiteral("#fcf1d2");
    return QStringLiteral("#f6dcdc"); // an unknown role stands out
}

QString bubble(const QJsonObject& message, Budget* truncated)
{
    const QString role = message.value(QLatin1String("role")).toString();
    QString head = QStringLiteral("<b>") + (role.isEmpty() ? tr("(no role)") : role.toHtmlEscaped())
        + QStringLiteral("</b>");
    if (message.contains(QLatin1String("name")))
        head += QStringLiteral(" · ") + message.value(QLatin1String("name")).toString().toHtmlEscaped();
    if (message.contains(QLatin1String("tool_call_id")))
        head += QStringLiteral(" · ")
            + message.value(QLatin1String("tool_call_id")).toString().toHtmlEscaped();
    if (message.contains(QLatin1String("weight"))) {
        const QJsonValue weight = message.value(QLatin1String("weight"));
        head += QStringLiteral(" · <i>weight ") + QString::number(weight.toDouble()) + QStringLiteral("</i>");
        if (weight.toDouble() == 0)
            head += QStringLiteral(" <i>(") + tr("not trained on") + QStringLiteral(")</i>");
    }
    QString body = contentHtml(message.value(QLatin1String("content")), truncated);
    for (const QJsonValue& call : message.value(QLatin1String("tool_calls")).toArray())
        body += callHtml(call.toObject().value(QLatin1String("function")).toObject());
    if (message.value(QLatin1String("function_call")).isObject())
        body += callHtml(message.value(QLatin1String("function_call")).toObject());
    return QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"8\" bgcolor=\"")
        + roleColor(role) + QStringLiteral("\" style=\"margin-bottom:6px\"><tr><td>") + head
        + QStringLiteral("<br/>") + body + QStringLiteral("</td></tr></table>");
}

QString bubbles(const QJsonArray& messages, Budget* truncated)
{
    QString html;
    for (const QJsonValue& message : messages)
        html += bubble(message.toObject(), truncated);
    return html;
}

QString toolsHtml(const QJsonObject& example)
{
    QStringList names;
    for (const QJsonValue& tool : example.value(QLatin1String("tools")).toArray()) {
        const QJsonObject function = tool.toObject().value(QLatin1String("function")).toObject();
        names.append(QStringLiteral("<b>") + function.value(QLatin1String("name")).toString().toHtmlEscaped()
            + QStringLiteral("</b> ")
            + function.value(QLatin1String("description")).toString().left(300).toHtmlEscaped());
    }
    for (const QJsonValue& function : example.value(QLatin1String("functions")).toArray())
        names.append(QStringLiteral("<b>")
            + function.toObject().value(QLatin1String("name")).toString().toHtmlEscaped()
            + QStringLiteral("</b>"));
    if (names.isEmpty())
        return {};
    QString html = QStringLiteral("<p><b>") + tr("Tools") + QStringLiteral(":</b><br/>")
        + names.join(QStringLiteral("<br/>"));
    if (example.contains(QLatin1String("parallel_tool_calls")))
        html += QStringLiteral("<br/><i>parallel_tool_calls: ")
            + (example.value(QLatin1String("parallel_tool_calls")).toBool() ? QStringLiteral("true")
                                                                            : QStringLiteral("false"))
            + QStringLiteral("</i>");
    return html + QStringLiteral("</p>");
}

QString exampleHtml(const QJsonObject& example, Budget* truncated)
{
    const QJsonValue input = example.value(QLatin1String("input"));
    if (input.isObject() && example.contains(QLatin1String("preferred_output"))) {
        return bubbles(input.toObject().value(QLatin1String("messages")).toArray(), truncated)
            + QStringLiteral("<h4>") + tr("Preferred output") + QStringLiteral("</h4>")
            + bubbles(example.value(QLatin1String("preferred_output")).toArray(), truncated)
            + QStringLiteral("<h4>") + tr("Non-preferred output") + QStringLiteral("</h4>")
            + bubbles(example.value(QLatin1String("non_preferred_output")).toArray(), truncated);
    }
    if (example.value(QLatin1String("messages")).isArray())
        return toolsHtml(example) + bubbles(example.value(QLatin1String("messages")).toArray(), truncated);
    if (example.contains(QLatin1String("prompt")) || example.contains(QLatin1String("completion"))) {
        QJsonObject prompt { { QStringLiteral("role"), QStringLiteral("prompt") },
            { QStringLiteral("content"), example.value(QLatin1String("prompt")) } };
        QJsonObject completion { { QStringLiteral("role"), QStringLiteral("completion") },
            { QStringLiteral("content"), example.value(QLatin1String("completion")) } };
        return bubble(prompt, truncated) + bubble(completion, truncated);
    }
    return QStringLiteral("<p><i>") + tr("No messages, prompt/completion or DPO fields.")
        + QStringLiteral("</i></p>");
}

} // namespace

DatasetDetail DatasetDetailRenderer::render(qint64 line, QByteArrayView bytes)
{
    DatasetDetail detail;
    detail.line = line;
    const QString title = QStringLiteral("<p><b>") + tr("Line %1").arg(line + 1) + QStringLiteral("</b></p>");
    if (bytes.trimmed().isEmpty()) {
        detail.conversationHtml
            = title + QStringLiteral("<p><i>") + tr("Empty line") + QStringLiteral("</i></p>");
        return detail;
    }
    QJsonParseError error;
    const QJsonDocument document
        = QJsonDocument::fromJson(QByteArray::fromRawData(bytes.data(), bytes.size()), &error);
    if (error.error != QJsonParseError::NoError) {
        detail.errorColumn = error.offset + 1;
        detail.errorText = tr("%1 at column %2").arg(error.errorString()).arg(detail.errorColumn);
        // A window of the line around the error: the line may be megabytes long.
        const qsizetype half = kMaxRawLineChars / 2;
        const qsizetype errorAt = std::clamp<qsizetype>(error.offset, 0, bytes.size());
        qsizetype from = std::max<qsizetype>(0, errorAt - half);
        while (from > 0 && (static_cast<unsigned char>(bytes[from]) & 0xC0) == 0x80)
            --from; // start on a whole character
        const qsizetype to = std::min<qsizetype>(bytes.size(), from + kMaxRawLineChars);
        const QString prefix = from > 0 ? QStringLiteral("… ") : QString();
        detail.rawText = prefix + QString::fromUtf8(bytes.sliced(from, to - from))
            + (to < bytes.size() ? QStringLiteral(" …") : QString());
        detail.truncated = from > 0 || to < bytes.size();
        detail.errorPosition
            = int(prefix.size() + QString::fromUtf8(bytes.sliced(from, errorAt - from)).size());
        detail.conversationHtml = title + QStringLiteral("<p style=\"color:#c01c28\"><b>")
            + tr("Invalid JSON") + QStringLiteral("</b>: ") + detail.errorText.toHtmlEscaped()
            + QStringLiteral("</p>");
        return detail;
    }
    detail.rawText
        = limitLines(QString::fromUtf8(reindent(bytes, kMaxRawChars, &detail.truncated)), &detail.truncated);
    if (!document.isObject()) {
        detail.conversationHtml = title + QStringLiteral("<p><i>") + tr("The line is JSON but not an object.")
            + QStringLiteral("</i></p>");
        return detail;
    }
    Budget budget;
    detail.conversationHtml = title + exampleHtml(document.object(), &budget);
    detail.truncated = detail.truncated || budget.truncated;
    return detail;
}

} // namespace tb
