// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Keeps one API key per provider profile in the system keychain (QtKeychain:
// Secret Service or KWallet), or only in memory for this session when no
// keychain is reachable. Keys never touch QSettings, logs or error text.

#include "core/result.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <cstddef>
#include <functional>
#include <optional>

namespace tb {

// Asynchronous API, no nested event loops: every call returns at once and
// later invokes `done` from the event loop of the store's thread, never from
// inside the call itself. `done` is dropped if `context` (required, non-null)
// is destroyed first; answers still pending in the keychain are dropped when
// the store is destroyed. Calls complete in the order made.
//
// Reads yield std::nullopt when no key is stored for the profile: that is the
// normal state of a fresh profile, not an error. Errors carry one sentence
// naming the profile and the keychain's reason, never the key.
//
// The first call (or checkAvailability()) probes the D-Bus session bus once;
// if no keychain answers, the store switches to session-only mode for its
// whole life: reads and writes go to memory and sessionOnlyModeEntered() says
// why, in a sentence the GUI can show as is. A keychain that answers but then
// fails (locked and no prompt possible, access denied) is an error for that
// call, not a reason to go session-only: the user should see it.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    enum class Backend {
        SystemKeychain, // QtKeychain, falling back to memory when none is reachable
        SessionMemory, // memory only, e.g. for tests or a "don't store keys" option
    };

    using ReadCallback = std::function<void(Result<std::optional<QString>>)>;
    using StatusCallback = std::function<void(Status)>;

    // `serviceName` is the keychain service every entry is filed under; tests
    // pass their own so they never see or clobber the user's keys.
    explicit CredentialStore(QObject* parent = nullptr);
    explicit CredentialStore(
        const QString& serviceName, Backend backend = Backend::SystemKeychain, QObject* parent = nullptr);
    ~CredentialStore() override;

    static QString defaultServiceName(); // "io.tunebench.Tunebench"

    QString serviceName() const { return m_serviceName; }

    // True once the store has decided to keep keys in memory only.
    bool isSessionOnly() const { return m_state == State::SessionOnly; }
    // True once the store knows whether it uses the keychain or memory.
    bool isReady() const { return m_state == State::Keychain || m_state == State::SessionOnly; }
    // "No system keychain is available (<reason>); the key will be kept for
    // this session only." while session-only, else empty.
    QString sessionOnlyMessage() const { return m_sessionOnlyMessage; }

    // Starts the one-time probe if it has not run; emits ready() when done.
    void checkAvailability();

    void readKey(const QString& profileId, QObject* context, ReadCallback done);
    // Replaces any stored key. An empty key is refused: use removeKey().
    void writeKey(const QString& profileId, const QString& key, QObject* context, StatusCallback done);
    // Succeeds when nothing was stored too.
    void removeKey(const QString& profileId, QObject* context, StatusCallback done);

Q_SIGNALS:
    void ready(bool sessionOnly);
    void sessionOnlyModeEntered(const QString& message);

private:
    enum class State { Unknown, Probing, Keychain, SessionOnly };
    enum class Operation { Read, Write, Remove };

    struct Request
    {
        Operation operation;
        QString profileId;
        QString key; // only for Write
        QPointer<QObject> context;
        ReadCallback readDone;
        StatusCallback statusDone;
    };

    static const char* operationName(Operation operation); // for logs

    void submit(Request request);
    void run(Request request);
    void runInMemory(const Request& request);
    void runInKeychain(Request request);
    void finishProbe(bool available, const QString& reason);
    void probeKWallet(const QString& secretServiceReason, std::size_t index = 0);
    void enterSessionOnly(const QString& reason);

    static void deliver(const Request& request, Result<std::optional<QString>> result);
    static void deliver(const Request& request, Status status);

    QString m_serviceName;
    State m_state = State::Unknown;
    QString m_sessionOnlyMessage;
    QList<Request> m_waiting; // made before the probe finished, in call order
    QHash<QString, QString> m_sessionKeys;
};

} // namespace tb
