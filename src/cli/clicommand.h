// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Base of every `tunebench <command>`: parses its own arguments, runs on the event
// loop (network and keychain answers arrive asynchronously) and reports its exit
// code once through finished().

#include "api/apiclient.h"
#include "api/providerprofile.h"
#include "core/datasetvalidator.h"
#include "core/prompttemplate.h"
#include "core/result.h"

#include <QCommandLineParser>
#include <QFile>
#include <QObject>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace tb {
class AccountConnector;
class JsonlIndex;
class ApiKeyResolver;
class CredentialStore;
} // namespace tb

namespace tb::cli {

class CliCommand : public QObject
{
    Q_OBJECT
public:
    explicit CliCommand(QObject* parent = nullptr);
    ~CliCommand() override;

    // `arguments` starts with the command name ("run", ...). Emits finished() later,
    // never from inside this call.
    void start(const QStringList& arguments);

    virtual QString name() const = 0;
    virtual QString summary() const = 0;

Q_SIGNALS:
    void finished(int exitCode);

protected:
    // Adds the command's options and positional arguments to the parser.
    virtual void configure(QCommandLineParser& parser) = 0;
    // Runs once the arguments parsed; must end with finish().
    virtual void execute(const QCommandLineParser& parser) = 0;

    // --profile and --base-url, shared by the commands that talk to a provider.
    static void addProfileOptions(QCommandLineParser& parser);
    // The profile those options name; without them, the OpenAI profile adjusted by
    // OPENAI_BASE_URL / OPENAI_ORG_ID / OPENAI_PROJECT_ID like the official clients.
    static Result<ProviderProfile> selectProfile(const QCommandLineParser& parser);
    // Finds the profile's key and builds its client; on failure finishes with
    // CredentialError (no key, keychain) or Usage (invalid profile).
    void connectAccount(const ProviderProfile& profile, std::function<void(ApiClient*)> connected);

    // --model and --encoding, shared by the commands that count a dataset's tokens.
    static void addTokenizerOptions(QCommandLineParser& parser);
    // Applies them to `options` (the model's tokenizer and per-example limit; --encoding
    // wins); on a bad --encoding finishes with Usage and returns false.
    bool applyTokenizerOptions(const QCommandLineParser& parser, DatasetValidator::Options& options);

    // A file the data commands write next to their input: INPUT's folder and base name with
    // `suffix` appended ("train.jsonl" + "_deduped.jsonl" -> "train_deduped.jsonl").
    static QString besideInput(const QString& input, const QString& suffix);
    // Opens and indexes a JSONL file; on failure finishes with InputError and returns null.
    std::shared_ptr<JsonlIndex> requireIndex(const QString& path);

    // Declares the one positional argument: a template file or bundled template name.
    static void addTemplateArgument(QCommandLineParser& parser);
    // Loads that template; on failure finishes (Usage or InputError with
    // file:line:column) and returns nothing.
    std::optional<PromptTemplate> requireTemplate(const QCommandLineParser& parser);

    void writeOut(const QString& text);
    void writeErr(const QString& text);
    // Prints `message` (if any) to stderr and reports `exitCode`.
    void finish(int exitCode, const QString& message = {});

private:
    QNetworkAccessManager* m_network = nullptr;
    CredentialStore* m_credentials = nullptr;
    std::unique_ptr<ApiKeyResolver> m_keys;
    std::unique_ptr<AccountConnector> m_connector;
    QFile m_stdout;
    QFile m_stderr;
    bool m_finished = false;
};

} // namespace tb::cli
