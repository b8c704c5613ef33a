// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/textfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>
#include <QThreadPool>
#include <QtConcurrent>

namespace tb {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("tb::TextFile", text);
}

} // namespace

Result<TextFile::Contents> TextFile::read(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::inFile(path, tr("Could not read %1: %2").arg(path, file.errorString()));
    if (file.size() > kMaximumSize)
        return Error::inFile(path, tr("%1 is too large for a parameter (%2 MB; at most %3 MB).")
                                   .arg(path)
                                   .arg(file.size() / (1024 * 1024))
                                   .arg(kMaximumSize / (1024 * 1024)));
    const QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return Error::inFile(path, tr("Could not read %1: %2").arg(path, file.errorString()));
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    Contents contents;
    contents.text = decoder.decode(data);
    if (decoder.hasError()) {
        // Say where: the first line that does not decode.
        int line = 0;
        for (QByteArray part : data.split('\n')) {
            ++line;
            part.append('\n'); // ends a sequence cut short, which alone is not an error
            QStringDecoder probe(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            const QString decoded = probe.decode(part);
            if (probe.hasError() || decoded.contains(QChar::ReplacementCharacter))
                break;
        }
        return Error::inFile(path, tr("%1 is not UTF-8 text (line %2); save it as UTF-8 and load it again.")
                                   .arg(path)
                                   .arg(line));
    }
    const QFileInfo info(path);
    contents.path = path;
    contents.size = data.size();
    contents.modified = info.lastModified();
    return contents;
}

QFuture<Result<TextFile::Contents>> TextFile::readInBackground(const QString& path, QThreadPool* pool)
{
    return QtConcurrent::run(pool ? pool : QThreadPool::globalInstance(), &TextFile::read, path);
}

} // namespace tb
