// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/credentialstore.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <cstdio>
#include <memory>
#include <optional>

using tb::CredentialStore;
using ReadResult = tb::Result<std::optional<QString>>;

namespace {

// Keychain round trips wait for gnome-keyring; generous because D-Bus may
// have to start it first.
constexpr int kWaitMs = 20000;

const char kChildArgument[] = "--session-only-child";
const char kChildSecret[] = "sk-child-never-logged-4242";

// The store's async calls made synchronous, for tests only (they spin the
// event loop through QTest::qWaitFor, which app code must never do).
std::optional<ReadResult> readNow(CredentialStore& store, const QString& profileId)
{
    QObject context;
    std::optional<ReadResult> out;
    store.readKey(profileId, &context, [&out](ReadResult result) { out = std::move(result); });
    // An empty optional after the wait is how callers see a timeout.
    static_cast<void>(QTest::qWaitFor([&out] { return out.has_value(); }, kWaitMs));
    return out;
}

std::optional<tb::Status> writeNow(CredentialStore& store, const QString& profileId, const QString& key)
{
    QObject context;
    std::optional<tb::Status> out;
    store.writeKey(profileId, key, &context, [&out](tb::Status status) { out = std::move(status); });
    static_cast<void>(QTest::qWaitFor([&out] { return out.has_value(); }, kWaitMs));
    return out;
}

std::optional<tb::Status> removeNow(CredentialStore& store, const QString& profileId)
{
    QObject context;
    std::optional<tb::Status> out;
    store.removeKey(profileId, &context, [&out](tb::Status status) { out = std::move(status); });
    static_cast<void>(QTest::qWaitFor([&out] { return out.has_value(); }, kWaitMs));
    return out;
}

// Null when the store reached the system keychain, else why not.
QString keychainUnavailableReason(CredentialStore& store)
{
    store.checkAvailability();
    if (!QTest::qWaitFor([&store] { return store.isReady(); }, kWaitMs))
        return QStringLiteral("the keychain probe did not finish");
    if (store.isSessionOnly())
        return store.sessionOnlyMessage();
    return QString();
}

// QVERIFY2 evaluates its message even on success, so it must not call error() then.
template <typename T> QByteArray errorText(const tb::Result<T>& result)
{
    return result.ok() ? QByteArray() : result.error().message.toUtf8();
}

bool keychainRequired()
{
    return qEnvironmentVariable("TUNEBENCH_REQUIRE_KEYCHAIN") == QLatin1String("1");
}

} // namespace

// Skips without a Secret Service, except in CI (TUNEBENCH_REQUIRE_KEYCHAIN=1)
// where a missing keychain must fail the run rather than pass it vacuously.
#define TB_REQUIRE_KEYCHAIN(store)                                                                           \
    do {                                                                                                     \
        const QString tbWhy = keychainUnavailableReason(store);                                              \
        if (!tbWhy.isNull()) {                                                                               \
            const QByteArray tbText = QStringLiteral("No Secret Service reachable, run under "               \
                                                     "scripts/with-keyring.sh: %1")                          \
                                          .arg(tbWhy)                                                        \
                                          .toUtf8();                                                         \
            if (keychainRequired())                                                                          \
                QFAIL(tbText.constData());                                                                   \
            QSKIP(tbText.constData());                                                                       \
        }                                                                                                    \
    } while (false)

class TestCredentialStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void keychainRoundTrip_data();
    void keychainRoundTrip();
    void readMissingKeyReportsNoKeyStored();
    void removeMissingKeySucceeds();
    void keyIsVisibleToOtherSecretServiceClients();
    void serviceNamesKeepEntriesApart();

    void noKeychainFallsBackToSessionOnly_data();
    void noKeychainFallsBackToSessionOnly();
    void sessionMemoryBackendIsSessionOnlyFromTheStart();
    void invalidRequestsAreRefused_data();
    void invalidRequestsAreRefused();
    void callbackRunsLaterNotInsideTheCall();
    void callbackIsDroppedWhenContextIsDestroyed();

private:
    QString m_service;
    QString m_otherService;
    QStringList m_touchedProfiles;
};

void TestCredentialStore::initTestCase()
{
    // Our own service names: the user's real io.tunebench.Tunebench entries
    // are never read or clobbered, and parallel runs do not collide.
    const QString pid = QString::number(QCoreApplication::applicationPid());
    m_service = QStringLiteral("io.tunebench.Tunebench.test-") + pid;
    m_otherService = QStringLiteral("io.tunebench.Tunebench.test-other-") + pid;
    QCOMPARE(CredentialStore::defaultServiceName(), QStringLiteral("io.tunebench.Tunebench"));
}

void TestCredentialStore::cleanup()
{
    if (m_touchedProfiles.isEmpty())
        return;
    for (const QString& service : { m_service, m_otherService }) {
        CredentialStore store(service);
        if (!keychainUnavailableReason(store).isNull())
            break;
        for (const QString& profile : std::as_const(m_touchedProfiles))
            removeNow(store, profile);
    }
    m_touchedProfiles.clear();
}

void TestCredentialStore::keychainRoundTrip_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::newRow("ascii") << QStringLiteral("sk-test-1234567890") << QStringLiteral("sk-test-abcdef");
    QTest::newRow("unicode") << QStringLiteral("cl\u00e9-\U0001F511-\u043a\u043b\u044e\u0447")
                             << QStringLiteral("\u00fc");
    QTest::newRow("long") << QString(4096, QLatin1Char('a')) << QString(10, QLatin1Char('b'));
    // Stored verbatim: trimming is the resolver's business, not the store's.
    QTest::newRow("whitespace kept") << QStringLiteral(" sk a\nb ") << QStringLiteral("x");
}

void TestCredentialStore::keychainRoundTrip()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    CredentialStore store(m_service);
    TB_REQUIRE_KEYCHAIN(store);
    const QString profile = QStringLiteral("roundtrip-") + QString::fromUtf8(QTest::currentDataTag());
    m_touchedProfiles << profile;

    auto written = writeNow(store, profile, first);
    QVERIFY2(written, "write timed out");
    QVERIFY2(written->ok(), errorText(*written).constData());
    auto read = readNow(store, profile);
    QVERIFY2(read, "read timed out");
    QVERIFY2(read->ok(), errorText(*read).constData());
    QCOMPARE(read->value(), std::optional<QString>(first));

    written = writeNow(store, profile, second);
    QVERIFY(written && written->ok());
    // A second store object proves the key lives in the keychain, not in this one.
    CredentialStore freshStore(m_service);
    read = readNow(freshStore, profile);
    QVERIFY(read && read->ok());
    QCOMPARE(read->value(), std::optional<QString>(second));
    QVERIFY(!freshStore.isSessionOnly());

    const auto removed = removeNow(store, profile);
    QVERIFY(removed && removed->ok());
    read = readNow(store, profile);
    QVERIFY(read && read->ok());
    QCOMPARE(read->value(), std::optional<QString>());
}

void TestCredentialStore::readMissingKeyReportsNoKeyStored()
{
    CredentialStore store(m_service);
    TB_REQUIRE_KEYCHAIN(store);
    const auto read = readNow(store, QStringLiteral("never-written"));
    QVERIFY2(read, "read timed out");
    QVERIFY2(read->ok(), errorText(*read).constData());
    QVERIFY(!read->value().has_value());
}

void TestCredentialStore::removeMissingKeySucceeds()
{
    CredentialStore store(m_service);
    TB_REQUIRE_KEYCHAIN(store);
    const auto removed = removeNow(store, QStringLiteral("never-written"));
    QVERIFY2(removed, "remove timed out");
    QVERIFY2(removed->ok(), errorText(*removed).constData());
}

void TestCredentialStore::keyIsVisibleToOtherSecretServiceClients()
{
    CredentialStore store(m_service);
    TB_REQUIRE_KEYCHAIN(store);
    const QString secretTool = QStandardPaths::findExecutable(QStringLiteral("secret-tool"));
    if (secretTool.isEmpty())
        QSKIP("secret-tool (libsecret-tools) is not installed");
    const QString profile = QStringLiteral("visible-to-secret-tool");
    m_touchedProfiles << profile;
    const auto written = writeNow(store, profile, QStringLiteral("sk-from-tunebench"));
    QVERIFY(written && written->ok());

    // QtKeychain's libsecret schema files entries under user=<key>, server=<service>.
    QProcess lookup;
    lookup.start(secretTool,
        { QStringLiteral("lookup"), QStringLiteral("user"), profile, QStringLiteral("server"), m_service });
    QVERIFY(lookup.waitForFinished(kWaitMs));
    QCOMPARE(lookup.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(lookup.readAllStandardOutput()), QStringLiteral("sk-from-tunebench"));
}

void TestCredentialStore::serviceNamesKeepEntriesApart()
{
    CredentialStore store(m_service);
    TB_REQUIRE_KEYCHAIN(store);
    CredentialStore other(m_otherService);
    const QString profile = QStringLiteral("shared-profile-id");
    m_touchedProfiles << profile;
    const auto written = writeNow(store, profile, QStringLiteral("sk-mine"));
    QVERIFY(written && written->ok());
    const auto read = readNow(other, profile);
    QVERIFY(read && read->ok());
    QCOMPARE(read->value(), std::optional<QString>());
}

// Runs this executable again with no usable keychain: the store must say so
// in its sentence, keep keys in memory, and write nothing to disk or logs.
void TestCredentialStore::noKeychainFallsBackToSessionOnly_data()
{
    QTest::addColumn<bool>("privateBusWithoutSecretService");
    QTest::addColumn<QString>("expectedReason");
    QTest::newRow("no session bus") << false << QStringLiteral("no D-Bus session bus");
    QTest::newRow("bus without Secret Service")
        << true << QStringLiteral("no Secret Service on the D-Bus session bus");
}

void TestCredentialStore::noKeychainFallsBackToSessionOnly()
{
    QFETCH(bool, privateBusWithoutSecretService);
    QFETCH(QString, expectedReason);

    QTemporaryDir childHome;
    QTemporaryDir busDir;
    QVERIFY(childHome.isValid() && busDir.isValid());

    QString busAddress = QStringLiteral("unix:path=") + busDir.filePath(QStringLiteral("no-bus-here"));
    QProcess busDaemon;
    auto stopBus = qScopeGuard([&busDaemon] {
        if (busDaemon.state() != QProcess::NotRunning) {
            busDaemon.terminate();
            busDaemon.waitForFinished(5000);
        }
    });
    if (privateBusWithoutSecretService) {
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        if (daemon.isEmpty())
            QSKIP("dbus-daemon is not installed");
        // A session bus with no service directories: nothing can be activated.
        QFile config(busDir.filePath(QStringLiteral("bus.conf")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QStringLiteral(
            "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
            " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
            "<busconfig><type>session</type><listen>unix:path=%1</listen><auth>EXTERNAL</auth>\n"
            "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
            "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n")
                         .arg(busDir.filePath(QStringLiteral("bus")))
                         .toUtf8());
        config.close();
        busDaemon.start(daemon,
            { QStringLiteral("--config-file=") + config.fileName(), QStringLiteral("--nofork"),
                QStringLiteral("--print-address=1") });
        QVERIFY(busDaemon.waitForStarted(5000));
        QVERIFY(QTest::qWaitFor([&busDaemon] { return busDaemon.canReadLine(); }, kWaitMs));
        busAddress = QString::fromUtf8(busDaemon.readLine()).trimmed();
        QVERIFY(busAddress.startsWith(QLatin1String("unix:")));
    }

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), busAddress);
    env.remove(QStringLiteral("DISPLAY")); // no X11 autolaunch of a bus either
    env.insert(QStringLiteral("HOME"), childHome.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), childHome.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), childHome.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("TB_CHILD_SERVICE"), m_service);
    // Everything the store logs, so the key's absence from stderr means something.
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("tunebench.secrets.debug=true"));

    QProcess child;
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), { QString::fromLatin1(kChildArgument) });
    QVERIFY(child.waitForFinished(60000));
    const QByteArray childErr = child.readAllStandardError();
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, childErr.constData());

    QJsonParseError parseError;
    const QJsonObject report = QJsonDocument::fromJson(child.readAllStandardOutput(), &parseError).object();
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QCOMPARE(report.value(QStringLiteral("sessionOnly")).toBool(), true);
    const QString message = report.value(QStringLiteral("message")).toString();
    QVERIFY2(message.startsWith(QStringLiteral("No system keychain is available (") + expectedReason),
        qPrintable(message));
    QVERIFY(message.endsWith(QLatin1String("); the key will be kept for this session only.")));
    QCOMPARE(report.value(QStringLiteral("signalled")).toString(), message);
    QCOMPARE(report.value(QStringLiteral("writeOk")).toBool(), true);
    QCOMPARE(report.value(QStringLiteral("readBack")).toString(), QString::fromLatin1(kChildSecret));
    QCOMPARE(report.value(QStringLiteral("missingOk")).toBool(), true);
    QCOMPARE(report.value(QStringLiteral("missingFound")).toBool(), false);
    QCOMPARE(report.value(QStringLiteral("removeOk")).toBool(), true);
    QCOMPARE(report.value(QStringLiteral("afterRemoveFound")).toBool(), false);

    // It did log (the warning sentence), but never the key.
    QVERIFY(childErr.contains("No system keychain is available"));
    QVERIFY(!childErr.contains(kChildSecret));
    // No plaintext fallback: nothing written under the child's HOME/XDG dirs.
    QStringList written;
    for (QDirIterator it(childHome.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
         it.hasNext();)
        written << it.next();
    QCOMPARE(written, QStringList());
}

void TestCredentialStore::sessionMemoryBackendIsSessionOnlyFromTheStart()
{
    CredentialStore store(m_service, CredentialStore::Backend::SessionMemory);
    QVERIFY(store.isReady());
    QVERIFY(store.isSessionOnly());
    QVERIFY(
        store.sessionOnlyMessage().endsWith(QLatin1String("the key will be kept for this session only.")));
    const auto written = writeNow(store, QStringLiteral("memory"), QStringLiteral("sk-memory"));
    QVERIFY(written && written->ok());
    const auto read = readNow(store, QStringLiteral("memory"));
    QVERIFY(read && read->ok());
    QCOMPARE(read->value(), std::optional<QString>(QStringLiteral("sk-memory")));
    // Another store with the same service does not see it: it was never in a keychain.
    CredentialStore other(m_service, CredentialStore::Backend::SessionMemory);
    const auto otherRead = readNow(other, QStringLiteral("memory"));
    QVERIFY(otherRead && otherRead->ok());
    QCOMPARE(otherRead->value(), std::optional<QString>());
}

void TestCredentialStore::invalidRequestsAreRefused_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expectedMessage");
    const QString noProfile = QStringLiteral("Cannot use the keychain without a provider profile id.");
    QTest::newRow("read without profile") << "read"
                                          << ""
                                          << "" << noProfile;
    QTest::newRow("write without profile") << "write"
                                           << ""
                                           << "sk-x" << noProfile;
    QTest::newRow("remove without profile") << "remove"
                                            << ""
                                            << "" << noProfile;
    QTest::newRow("write empty key") << "write"
                                     << "p1"
                                     << ""
                                     << QStringLiteral(
                                            "Refusing to store an empty API key for profile \u201cp1\u201d.");
}

void TestCredentialStore::invalidRequestsAreRefused()
{
    QFETCH(QString, operation);
    QFETCH(QString, profile);
    QFETCH(QString, key);
    QFETCH(QString, expectedMessage);
    // Validation comes before the backend is chosen, so no keychain is needed.
    CredentialStore store(m_service, CredentialStore::Backend::SessionMemory);
    QString message;
    if (operation == QLatin1String("read")) {
        const auto result = readNow(store, profile);
        QVERIFY(result && !result->ok());
        message = result->error().message;
    } else {
        const auto result
            = operation == QLatin1String("write") ? writeNow(store, profile, key) : removeNow(store, profile);
        QVERIFY(result && !result->ok());
        message = result->error().message;
    }
    QCOMPARE(message, expectedMessage);
}

void TestCredentialStore::callbackRunsLaterNotInsideTheCall()
{
    CredentialStore store(m_service, CredentialStore::Backend::SessionMemory);
    QObject context;
    QStringList order;
    store.writeKey(QStringLiteral("p"), QStringLiteral("sk-1"), &context,
        [&order](tb::Status) { order << QStringLiteral("write"); });
    store.readKey(
        QStringLiteral("p"), &context, [&order](ReadResult r) { order << r.value().value_or(QString()); });
    order << QStringLiteral("returned");
    QVERIFY(QTest::qWaitFor([&order] { return order.size() == 3; }, kWaitMs));
    QCOMPARE(
        order, QStringList({ QStringLiteral("returned"), QStringLiteral("write"), QStringLiteral("sk-1") }));
}

void TestCredentialStore::callbackIsDroppedWhenContextIsDestroyed()
{
    CredentialStore store(m_service, CredentialStore::Backend::SessionMemory);
    bool goneCalled = false;
    auto gone = std::make_unique<QObject>();
    store.readKey(QStringLiteral("p"), gone.get(), [&goneCalled](ReadResult) { goneCalled = true; });
    gone.reset();
    // Calls complete in order: once the later one has answered, the earlier
    // one would have too.
    const auto later = readNow(store, QStringLiteral("p"));
    QVERIFY(later.has_value());
    QVERIFY(!goneCalled);
}

// The child half of noKeychainFallsBackToSessionOnly: prints what it saw as JSON.
static int runSessionOnlyChild()
{
    CredentialStore store(qEnvironmentVariable("TB_CHILD_SERVICE"));
    QObject context;
    QJsonObject report;
    QObject::connect(&store, &CredentialStore::sessionOnlyModeEntered, &context,
        [&report](const QString& message) { report.insert(QStringLiteral("signalled"), message); });
    const QString profile = QStringLiteral("child-profile");
    store.writeKey(profile, QString::fromLatin1(kChildSecret), &context,
        [&report](tb::Status s) { report.insert(QStringLiteral("writeOk"), s.ok()); });
    store.readKey(profile, &context, [&report](ReadResult r) {
        report.insert(QStringLiteral("readBack"), r.ok() && r.value() ? *r.value() : QString());
    });
    store.readKey(QStringLiteral("missing-profile"), &context, [&report](ReadResult r) {
        report.insert(QStringLiteral("missingOk"), r.ok());
        report.insert(QStringLiteral("missingFound"), r.ok() && r.value().has_value());
    });
    store.removeKey(
        profile, &context, [&report](tb::Status s) { report.insert(QStringLiteral("removeOk"), s.ok()); });
    store.readKey(profile, &context, [&report, &store](ReadResult r) {
        report.insert(QStringLiteral("afterRemoveFound"), !r.ok() || r.value().has_value());
        report.insert(QStringLiteral("sessionOnly"), store.isSessionOnly());
        report.insert(QStringLiteral("message"), store.sessionOnlyMessage());
        const QByteArray json = QJsonDocument(report).toJson(QJsonDocument::Compact);
        std::fwrite(json.constData(), 1, std::size_t(json.size()), stdout);
        QCoreApplication::exit(0);
    });
    QTimer::singleShot(kWaitMs * 2, &context, [] { QCoreApplication::exit(3); });
    return QCoreApplication::exec();
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc > 1 && qstrcmp(argv[1], kChildArgument) == 0)
        return runSessionOnlyChild();
    TestCredentialStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_credentialstore.moc"
