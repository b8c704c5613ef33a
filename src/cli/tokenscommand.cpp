// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/tokenscommand.h"

#include "cli/exitcode.h"
#include "core/chattokencounter.h"
#include "core/jsonlindex.h"
#include "core/tiktokenencoding.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tb::cli {

QString TokensCommand::summary() const
{
    return tr("Count tokens exactly (tiktoken): a whole file, or each JSONL example.");
}

void TokensCommand::configure(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("encoding"), tr("cl100k_base (default) or o200k_base."), QStringLiteral("name"),
                      QStringLiteral("cl100k_base")});
    parser.addOption({QStringLiteral("jsonl"),
                      tr("One count per line: chat examples as the cookbook counts them (3 per message, 1 per "
                         "name, 3 for the reply); prompt/completion lines as the two texts; '-' for other lines.")});
    parser.addPositionalArgument(QStringLiteral("file"), tr("The file to count."));
}

void TokensCommand::execute(const QCommandLineParser& parser)
{
    if (parser.positionalArguments().size() != 1) {
        finish(Usage, tr("expected exactly one file; try 'tunebench tokens --help'."));
        return;
    }
    const std::optional<TiktokenEncoding::Encoding> which
        = TiktokenEncoding::fromName(parser.value(QStringLiteral("encoding")));
    if (!which) {
        finish(Usage, tr("unknown encoding '%1'; use cl100k_base or o200k_base.")
                          .arg(parser.value(QStringLiteral("encoding"))));
        return;
    }
    const Result<const TiktokenEncoding*> encoding = TiktokenEncoding::get(*which);
    if (!encoding) {
        finish(InputError, encoding.error().toString());
        return;
    }
    const QString path = parser.positionalArguments().at(0);
    finish(parser.isSet(QStringLiteral("jsonl")) ? countPerLine(path, **encoding)
                                                 : countWholeFile(path, **encoding));
}

int TokensCommand::countWholeFile(const QString& path, const TiktokenEncoding& encoding)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        writeErr(tr("tunebench tokens: %1: %2\n").arg(path, file.errorString()));
        return InputError;
    }
    std::size_t count = 0;
    if (file.size() > 0) {
        // Mapped, not read: the file may be larger than memory.
        const uchar* data = file.map(0, file.size());
        if (!data) {
            writeErr(tr("tunebench tokens: %1: %2\n").arg(path, file.errorString()));
            return InputError;
        }
        count = encoding.countTokens(std::string_view(reinterpret_cast<const char*>(data), std::size_t(file.size())));
    }
    writeOut(QString::number(count) + QLatin1Char('\n'));
    return Ok;
}

int TokensCommand::countPerLine(const QString& path, const TiktokenEncoding& encoding)
{
    const Result<std::shared_ptr<JsonlIndex>> index = JsonlIndex::open(path);
    if (!index) {
        writeErr(QStringLiteral("tunebench tokens: ") + index.error().toString() + QLatin1Char('\n'));
        return InputError;
    }
    (*index)->build();
    const ChatTokenCounter counter(encoding);
    QString out;
    for (qint64 line = 0; line < (*index)->lineCount(); ++line) {
        const QByteArrayView bytes = (*index)->lineView(line);
        const QJsonObject example = QJsonDocument::fromJson(bytes.toByteArray()).object();
        if (example.value(QLatin1String("messages")).isArray()) {
            out += QString::number(counter.countMessages(example.value(QLatin1String("messages")).toArray()));
        } else if (example.contains(QLatin1String("prompt")) || example.contains(QLatin1String("completion"))) {
            out += QString::number(encoding.countTokens(example.value(QLatin1String("prompt")).toString())
                                   + encoding.countTokens(example.value(QLatin1String("completion")).toString()));
        } else {
            out += QLatin1Char('-');
        }
        out += QLatin1Char('\n');
        if (out.size() > 65536) {
            writeOut(out);
            out.clear();
        }
    }
    writeOut(out);
    return Ok;
}

} // namespace tb::cli
