// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/credentialstore.h"

#include "secrets/secretslogging.h"

#include <QDBusConnection>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <iterator>
#include <qt6keychain/keychain.h>
#include <utility>

namespace tb {

namespace {

// Long enough for D-Bus to activate gnome-keyring-daemon on a cold start.
constexpr int kProbeTimeoutMs = 10000;

struct KWalletService
{
    const char* name;
    const char* path;
};
// The same services QtKeychain's Linux backend talks to, newest first.
constexpr KWalletService kKWalletServices[] = {
    { "org.kde.kwalletd6", "/modules/kwalletd6" },
    { "org.kde.kwalletd5", "/modules/kwalletd5" },
};

QString secretServiceFailure(const QDBusError& error)
{
    switch (error.type()) {
    case QDBusError::ServiceUnknown:
        return CredentialStore::tr("no Secret Service on the D-Bus session bus");
    case QDBusError::NoReply:
    case QDBusError::Timeout:
    case QDBusError::TimedOut:
        return CredentialStore::tr("the Secret Service did not answer");
    default:
        break;
    }
    if (error.name().startsWith(QLatin1String("org.freedesktop.DBus.Error.Spawn")))
        return CredentialStore::tr("the Secret Service could not be started");
    return CredentialStore::tr("the Secret Service failed with %1").arg(error.name());
}

} // namespace

const char* CredentialStore::operationName(Operation operation)
{
    switch (operation) {
    case Operation::Read:
        return "read";
    case Operation::Write:
        return "write";
    case Operation::Remove:
        return "remove";
    }
    return "?";
}

CredentialStore::CredentialStore(QObject* parent)
    : CredentialStore(defaultServiceName(), Backend::SystemKeychain, parent)
{ }

CredentialStore::CredentialStore(const QString& serviceName, Backend backend, QObject* parent)
    : QObject(parent)
    , m_serviceName(serviceName)
{
    if (backend == Backend::SessionMemory) {
        m_state = State::SessionOnly;
        m_sessionOnlyMessage = tr("Keychain use is turned off; the key will be kept for this session only.");
    }
}

CredentialStore::~CredentialStore() = default;

QString CredentialStore::defaultServiceName()
{
    return QStringLiteral("io.tunebench.Tunebench");
}

void CredentialStore::checkAvailability()
{
    if (m_state != State::Unknown)
        return;
    m_state = State::Probing;

    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        const QString detail = bus.lastError().message();
        const QString reason
            = detail.isEmpty() ? tr("no D-Bus session bus") : tr("no D-Bus session bus: %1").arg(detail);
        // Queued so that ready() never fires from inside the caller's call.
        QMetaObject::invokeMethod(
            this, [this, reason] { finishProbe(false, reason); }, Qt::QueuedConnection);
        return;
    }

    // Reading a property activates the service if needed and proves it answers,
    // which "is the name registered" alone would not.
    QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.secrets"),
        QStringLiteral("/org/freedesktop/secrets"), QStringLiteral("org.freedesktop.DBus.Properties"),
        QStringLiteral("Get"));
    call << QStringLiteral("org.freedesktop.Secret.Service") << QStringLiteral("Collections");
    auto* watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, kProbeTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher* finished) {
        finished->deleteLater();
        if (!finished->isError()) {
            finishProbe(true, QString());
            return;
        }
        qCDebug(lcSecrets) << "Secret Service probe failed:" << finished->error().name();
        probeKWallet(secretServiceFailure(finished->error()));
    });
}

// KDE users may have KWallet without its Secret Service bridge; QtKeychain
// talks to kwalletd directly there, so that counts as a keychain too.
void CredentialStore::probeKWallet(const QString& secretServiceReason, std::size_t index)
{
    if (index >= std::size(kKWalletServices)) {
        finishProbe(false, secretServiceReason);
        return;
    }
    const KWalletService& service = kKWalletServices[index];
    const QDBusMessage call = QDBusMessage::createMethodCall(QLatin1String(service.name),
        QLatin1String(service.path), QStringLiteral("org.kde.KWallet"), QStringLiteral("networkWallet"));
    auto* watcher
        = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call, kProbeTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
        [this, secretServiceReason, index](QDBusPendingCallWatcher* finished) {
            finished->deleteLater();
            if (finished->isError())
                probeKWallet(secretServiceReason, index + 1);
            else
                finishProbe(true, QString());
        });
}

void CredentialStore::finishProbe(bool available, const QString& reason)
{
    if (available) {
        m_state = State::Keychain;
        qCDebug(lcSecrets) << "using the system keychain, service" << m_serviceName;
    } else {
        enterSessionOnly(reason);
    }
    const QList<Request> waiting = std::exchange(m_waiting, {});
    for (const Request& request : waiting)
        run(request);
    Q_EMIT ready(isSessionOnly());
}

void CredentialStore::enterSessionOnly(const QString& reason)
{
    m_state = State::SessionOnly;
    m_sessionOnlyMessage
        = tr("No system keychain is available (%1); the key will be kept for this session only.").arg(reason);
    qCWarning(lcSecrets).noquote() << m_sessionOnlyMessage;
    Q_EMIT sessionOnlyModeEntered(m_sessionOnlyMessage);
}

void CredentialStore::readKey(const QString& profileId, QObject* context, ReadCallback done)
{
    submit(Request { Operation::Read, profileId, QString(), context, std::move(done), nullptr });
}

void CredentialStore::writeKey(
    const QString& profileId, const QString& key, QObject* context, StatusCallback done)
{
    submit(Request { Operation::Write, profileId, key, context, nullptr, std::move(done) });
}

void CredentialStore::removeKey(const QString& profileId, QObject* context, StatusCallback done)
{
    submit(Request { Operation::Remove, profileId, QString(), context, nullptr, std::move(done) });
}

void CredentialStore::submit(Request request)
{
    Q_ASSERT(request.context);
    if (request.profileId.isEmpty()) {
        const Error error = Error::plain(tr("Cannot use the keychain without a provider profile id."));
        if (request.operation == Operation::Read)
            deliver(request, Result<std::optional<QString>>(error));
        else
            deliver(request, Status(error));
        return;
    }
    if (request.operation == Operation::Write && request.key.isEmpty()) {
        deliver(request,
            Status(Error::plain(tr("Refusing to store an empty API key for profile \u201c%1\u201d.")
                                .arg(request.profileId))));
        return;
    }
    if (!isReady()) {
        m_waiting.append(std::move(request));
        checkAvailability();
        return;
    }
    run(std::move(request));
}

void CredentialStore::run(Request request)
{
    if (m_state == State::SessionOnly)
        runInMemory(request);
    else
        runInKeychain(std::move(request));
}

void CredentialStore::runInMemory(const Request& request)
{
    switch (request.operation) {
    case Operation::Read: {
        const auto it = m_sessionKeys.constFind(request.profileId);
        deliver(request,
            Result<std::optional<QString>>(it == m_sessionKeys.cend() ? std::nullopt : std::optional(*it)));
        break;
    }
    case Operation::Write:
        m_sessionKeys.insert(request.profileId, request.key);
        deliver(request, success());
        break;
    case Operation::Remove:
        m_sessionKeys.remove(request.profileId);
        deliver(request, success());
        break;
    }
    qCDebug(lcSecrets) << "session-only" << operationName(request.operation) << "for profile"
                       << request.profileId;
}

void CredentialStore::runInKeychain(Request request)
{
    // Jobs have no parent and delete themselves: QtKeychain's libsecret
    // callbacks still point at a job after it is started, so the store must
    // not delete it mid-flight. The connection's context (this) drops the
    // answer if the store goes away first.
    QKeychain::Job* job = nullptr;
    switch (request.operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_serviceName);
        break;
    case Operation::Write: {
        auto* write = new QKeychain::WritePasswordJob(m_serviceName);
        write->setTextData(request.key);
        job = write;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_serviceName);
        break;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plaintext copy in QSettings
    job->setKey(request.profileId);

    connect(job, &QKeychain::Job::finished, this, [this, request](QKeychain::Job* finished) {
        const QKeychain::Error code = finished->error();
        if (code == QKeychain::NoBackendAvailable) {
            // Probe said yes but QtKeychain found nothing it can use.
            // The key is still in `request` so a write can go to memory instead.
            enterSessionOnly(tr("the keychain service could not be used"));
            runInMemory(request);
            return;
        }
        qCDebug(lcSecrets) << "keychain" << operationName(request.operation) << "for profile"
                           << request.profileId << "finished with QKeychain::Error" << int(code);
        switch (request.operation) {
        case Operation::Read:
            if (code == QKeychain::NoError)
                deliver(request,
                    Result<std::optional<QString>>(
                        std::optional(static_cast<QKeychain::ReadPasswordJob*>(finished)->textData())));
            else if (code == QKeychain::EntryNotFound)
                deliver(request, Result<std::optional<QString>>(std::nullopt));
            else
                deliver(request,
                    Result<std::optional<QString>>(
                        Error::plain(tr("Could not read the API key for profile \u201c%1\u201d from the system "
                                    "keychain: %2")
                                     .arg(request.profileId, finished->errorString()))));
            break;
        case Operation::Write:
            if (code == QKeychain::NoError)
                deliver(request, success());
            else
                deliver(request,
                    Status(Error::plain(tr("Could not store the API key for profile \u201c%1\u201d in the "
                                       "system keychain: %2")
                                        .arg(request.profileId, finished->errorString()))));
            break;
        case Operation::Remove:
            if (code == QKeychain::NoError || code == QKeychain::EntryNotFound)
                deliver(request, success());
            else
                deliver(request,
                    Status(Error::plain(tr("Could not remove the API key for profile \u201c%1\u201d from the "
                                       "system keychain: %2")
                                        .arg(request.profileId, finished->errorString()))));
            break;
        }
    });
    job->start();
}

void CredentialStore::deliver(const Request& request, Result<std::optional<QString>> result)
{
    if (!request.context || !request.readDone)
        return;
    QMetaObject::invokeMethod(
        request.context.data(), [done = request.readDone, result = std::move(result)] { done(result); },
        Qt::QueuedConnection);
}

void CredentialStore::deliver(const Request& request, Status status)
{
    if (!request.context || !request.statusDone)
        return;
    QMetaObject::invokeMethod(
        request.context.data(), [done = request.statusDone, status = std::move(status)] { done(status); },
        Qt::QueuedConnection);
}

} // namespace tb
