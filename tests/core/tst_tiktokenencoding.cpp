// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tiktokenencoding.h"
#include "tokenizerfixtures.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QTest>
#include <atomic>
#include <thread>

using tb::TiktokenEncoding;
using Encoding = TiktokenEncoding::Encoding;

Q_DECLARE_METATYPE(TiktokenEncoding::Encoding)

namespace {

const TiktokenEncoding& encodingOf(Encoding e)
{
    auto result = TiktokenEncoding::get(e);
    if (!result.ok())
        qFatal("cannot load encoding: %s", qPrintable(result.error().toString()));
    return **result;
}

std::string_view view(const QByteArray& bytes)
{
    return { bytes.constData(), std::size_t(bytes.size()) };
}

QString idsToString(const std::vector<std::uint32_t>& ids)
{
    QStringList parts;
    for (const auto id : ids)
        parts << QString::number(id);
    return parts.join(QLatin1Char(' '));
}

} // namespace

class TestTiktokenEncoding : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loadsBundledRankFiles_data();
    void loadsBundledRankFiles();
    void encodesLikeTiktoken_data();
    void encodesLikeTiktoken();
    void rejectsRankFileWithWrongChecksum();
    void rejectsMalformedRankLine();
    void countsSpecialTokenTextAsOrdinaryText();
    void detectsSpecialTokens_data();
    void detectsSpecialTokens();
    void roundTripsInvalidUtf8_data();
    void roundTripsInvalidUtf8();
    void countsQStringLikeUtf8();
    void sharesOneEncodingAcrossThreads();
    void mapsModelsToEncodings_data();
    void mapsModelsToEncodings();
};

void TestTiktokenEncoding::loadsBundledRankFiles_data()
{
    QTest::addColumn<Encoding>("encoding");
    QTest::addColumn<int>("ranks");
    QTest::addColumn<QString>("name");
    QTest::newRow("cl100k_base") << Encoding::Cl100kBase << 100256 << QStringLiteral("cl100k_base");
    QTest::newRow("o200k_base") << Encoding::O200kBase << 199998 << QStringLiteral("o200k_base");
}

void TestTiktokenEncoding::loadsBundledRankFiles()
{
    QFETCH(Encoding, encoding);
    QFETCH(int, ranks);
    QFETCH(QString, name);
    const auto result = TiktokenEncoding::get(encoding);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(int((*result)->rankCount()), ranks);
    QCOMPARE((*result)->encoding(), encoding);
    QCOMPARE(TiktokenEncoding::name(encoding), name);
    QCOMPARE(TiktokenEncoding::fromName(name), std::optional<Encoding>(encoding));
}

void TestTiktokenEncoding::encodesLikeTiktoken_data()
{
    QTest::addColumn<Encoding>("encoding");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QJsonArray>("expected");
    const QList<QJsonObject> cases = tb::test::readTokenizerCases();
    QVERIFY(cases.size() > 400);
    for (const QJsonObject& c : cases) {
        const QByteArray text = c.value(QLatin1String("text")).toString().toUtf8();
        const QByteArray name = c.value(QLatin1String("name")).toString().toUtf8();
        QTest::addRow("cl100k %s", name.constData())
            << Encoding::Cl100kBase << text << c.value(QLatin1String("cl100k")).toArray();
        QTest::addRow("o200k %s", name.constData())
            << Encoding::O200kBase << text << c.value(QLatin1String("o200k")).toArray();
    }
}

void TestTiktokenEncoding::encodesLikeTiktoken()
{
    QFETCH(Encoding, encoding);
    QFETCH(QByteArray, text);
    QFETCH(QJsonArray, expected);
    const TiktokenEncoding& enc = encodingOf(encoding);
    const std::vector<std::uint32_t> ids = enc.encode(view(text));
    const std::vector<std::uint32_t> want = tb::test::toIds(expected);
    QCOMPARE(idsToString(ids), idsToString(want));
    QCOMPARE(enc.countTokens(view(text)), want.size());
    QCOMPARE(QByteArray::fromStdString(enc.decode(ids)), text);
}

void TestTiktokenEncoding::rejectsRankFileWithWrongChecksum()
{
    QFile file(QStringLiteral(":/tokenizers/cl100k_base.tiktoken"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray data = file.readAll();
    const QByteArray genuine = QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
    QVERIFY(TiktokenEncoding::fromRankFile(Encoding::Cl100kBase, data, genuine).ok());
    data[10] = data[10] == 'A' ? 'B' : 'A';
    const auto result = TiktokenEncoding::fromRankFile(Encoding::Cl100kBase, data, genuine);
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.contains(QLatin1String("sha256")), qPrintable(result.error().message));
    QVERIFY(result.error().message.contains(QString::fromLatin1(genuine)));
}

void TestTiktokenEncoding::rejectsMalformedRankLine()
{
    const QByteArray data = "IQ== 0\nIg== 1\nnot base64! 2\n";
    const QByteArray sha = QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
    const auto result = TiktokenEncoding::fromRankFile(Encoding::Cl100kBase, data, sha);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().line, 3);
}

void TestTiktokenEncoding::countsSpecialTokenTextAsOrdinaryText()
{
    const TiktokenEncoding& enc = encodingOf(Encoding::Cl100kBase);
    const std::vector<std::uint32_t> ids = enc.encode("<|endoftext|>");
    // The ids tiktoken's encode_ordinary gives; the special token would be 100257.
    QCOMPARE(idsToString(ids), QStringLiteral("27 91 8862 728 428 91 29"));
    QVERIFY(std::find(ids.begin(), ids.end(), 100257u) == ids.end());
}

void TestTiktokenEncoding::detectsSpecialTokens_data()
{
    QTest::addColumn<Encoding>("encoding");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("contains");
    QTest::newRow("endoftext cl100k") << Encoding::Cl100kBase << QByteArray("a <|endoftext|> b") << true;
    QTest::newRow("endoftext o200k") << Encoding::O200kBase << QByteArray("<|endoftext|>") << true;
    QTest::newRow("fim cl100k") << Encoding::Cl100kBase << QByteArray("x<|fim_middle|>") << true;
    QTest::newRow("fim is not o200k") << Encoding::O200kBase << QByteArray("x<|fim_middle|>") << false;
    QTest::newRow("endofprompt o200k") << Encoding::O200kBase << QByteArray("<|<|endofprompt|>") << true;
    QTest::newRow("partial") << Encoding::Cl100kBase << QByteArray("<|endoftext|") << false;
    QTest::newRow("other bars") << Encoding::Cl100kBase << QByteArray("<|im_start|> | <> ||") << false;
    QTest::newRow("empty") << Encoding::O200kBase << QByteArray() << false;
}

void TestTiktokenEncoding::detectsSpecialTokens()
{
    QFETCH(Encoding, encoding);
    QFETCH(QByteArray, text);
    QFETCH(bool, contains);
    QCOMPARE(encodingOf(encoding).containsSpecialToken(view(text)), contains);
}

void TestTiktokenEncoding::roundTripsInvalidUtf8_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("lone continuation") << QByteArray("ab\x80\x80 cd");
    QTest::newRow("truncated sequence") << QByteArray("word \xE4\xB8");
    QTest::newRow("overlong") << QByteArray("\xC0\xAF\xE0\x80\xAF x");
    QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80 y");
    QTest::newRow("bytes ff fe") << QByteArray("\xFF\xFE\xFD hello \xF5\x80");
    QTest::newRow("invalid among spaces") << QByteArray("  \xFF  \n\xFF");
}

void TestTiktokenEncoding::roundTripsInvalidUtf8()
{
    QFETCH(QByteArray, bytes);
    for (const Encoding e : { Encoding::Cl100kBase, Encoding::O200kBase }) {
        const TiktokenEncoding& enc = encodingOf(e);
        const std::vector<std::uint32_t> ids = enc.encode(view(bytes));
        QCOMPARE(QByteArray::fromStdString(enc.decode(ids)), bytes);
        QCOMPARE(enc.countTokens(view(bytes)), ids.size());
        QVERIFY(!ids.empty());
    }
}

void TestTiktokenEncoding::countsQStringLikeUtf8()
{
    const TiktokenEncoding& enc = encodingOf(Encoding::O200kBase);
    const QString text = QStringLiteral("Ærøskøbing 東京 👍🏽 it's");
    QCOMPARE(enc.countTokens(text), enc.countTokens(view(text.toUtf8())));
    // tiktoken replaces a lone surrogate by U+FFFD before encoding.
    const QString lone = QStringLiteral("a") + QChar(0xD800) + QStringLiteral("b");
    QCOMPARE(lone.toUtf8(), QByteArray("a?b")); // which is why countTokens(QString) does not use it as is
    QCOMPARE(enc.countTokens(lone),
        enc.countTokens(std::string_view("a\xEF\xBF\xBD"
                                         "b")));
    const QString paren = QStringLiteral("(") + QChar(0xDC00) + QStringLiteral(")");
    QCOMPARE(enc.countTokens(paren), enc.countTokens(std::string_view("(\xEF\xBF\xBD)")));
    // Guards the test itself: "(?)" is 1 token, "(\uFFFD)" 3.
    QCOMPARE(enc.countTokens(std::string_view("(?)")), std::size_t(1));
    QCOMPARE(enc.countTokens(paren), std::size_t(3));
}

void TestTiktokenEncoding::sharesOneEncodingAcrossThreads()
{
    constexpr int kThreads = 8;
    const QByteArray text = "Threads share one immutable encoding; counting is const. 🧵";
    const std::size_t expected = encodingOf(Encoding::O200kBase).countTokens(view(text));
    std::atomic<int> failures = 0;
    const TiktokenEncoding* seen[kThreads] = {};
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back([&, i] {
            const auto result = TiktokenEncoding::get(Encoding::O200kBase);
            if (!result.ok()) {
                ++failures;
                return;
            }
            seen[i] = *result;
            for (int k = 0; k < 200; ++k) {
                if ((*result)->countTokens(view(text)) != expected)
                    ++failures;
            }
        });
    }
    for (auto& t : threads)
        t.join();
    QCOMPARE(failures.load(), 0);
    for (const auto* p : seen)
        QCOMPARE(p, &encodingOf(Encoding::O200kBase));
}

void TestTiktokenEncoding::mapsModelsToEncodings_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("encoding"); // -1 = unknown
    QTest::newRow("gpt-4o") << QStringLiteral("gpt-4o-2024-08-06") << int(Encoding::O200kBase);
    QTest::newRow("gpt-4o-mini") << QStringLiteral("gpt-4o-mini") << int(Encoding::O200kBase);
    QTest::newRow("gpt-4.1") << QStringLiteral("gpt-4.1-nano") << int(Encoding::O200kBase);
    QTest::newRow("o3") << QStringLiteral("o3-mini") << int(Encoding::O200kBase);
    QTest::newRow("gpt-4") << QStringLiteral("gpt-4-0613") << int(Encoding::Cl100kBase);
    QTest::newRow("gpt-3.5") << QStringLiteral("gpt-3.5-turbo-0125") << int(Encoding::Cl100kBase);
    QTest::newRow("fine-tuned 4o") << QStringLiteral("ft:gpt-4o-mini-2024-07-18:acme::abc123")
                                   << int(Encoding::O200kBase);
    QTest::newRow("fine-tuned 3.5") << QStringLiteral("ft:gpt-3.5-turbo-0613:acme::x")
                                    << int(Encoding::Cl100kBase);
    QTest::newRow("embedding") << QStringLiteral("text-embedding-3-small") << int(Encoding::Cl100kBase);
    QTest::newRow("unknown") << QStringLiteral("llama-3") << -1;
}

void TestTiktokenEncoding::mapsModelsToEncodings()
{
    QFETCH(QString, model);
    QFETCH(int, encoding);
    const auto found = TiktokenEncoding::forModel(model);
    QCOMPARE(found ? int(*found) : -1, encoding);
}

QTEST_GUILESS_MAIN(TestTiktokenEncoding)
#include "tst_tiktokenencoding.moc"
