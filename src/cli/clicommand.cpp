// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/clicommand.h"

#include "api/accountconnector.h"
#include "api/profilestore.h"
#include "cli/exitcode.h"
#include "core/finetunelimits.h"
#include "core/jsonlindex.h"
#include "core/templatecatalog.h"
#include "core/tiktokenencoding.h"
#include "secrets/apikeyresolver.h"
#include "secrets/credentialstore.h"

#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>
#include <QSettings>
#include <QTimer>
#include <cstdio>

namespace tb::cli {

CliCommand::CliCommand(QObject* parent)
    : QObject(parent)
{
    // Unbuffered so streamed text reaches a pipe as it arrives.
    m_stdout.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered);
    m_stderr.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered);
}

CliCommand::~CliCommand() = default;

void CliCommand::addProfileOptions(QCommandLineParser& parser)
{
    parser.addOption({ QStringLiteral("profile"), tr("Provider profile to use (see Settings in the app)."),
        QStringLiteral("id") });
    parser.addOption({ QStringLiteral("base-url"),
        tr("Base URL of an OpenAI-compatible server, e.g. http://localhost:11434/v1."),
        QStringLiteral("url") });
}

Result<ProviderProfile> CliCommand::selectProfile(const QCommandLineParser& parser)
{
    if (parser.isSet(QStringLiteral("base-url"))) {
        const QUrl url(parser.value(QStringLiteral("base-url")));
        return ProviderProfile::openAICompatible(ProviderProfile::kCommandLineId, url.host(), url);
    }
    if (parser.isSet(QStringLiteral("profile"))) {
        QSettings settings;
        const QString id = parser.value(QStringLiteral("profile"));
        const std::optional<ProviderProfile> profile = ProfileStore(settings).profile(id);
        if (!profile) {
            return Error::plain(tr("no provider profile named '%1'").arg(id));
        }
        return *profile;
    }
    return ProviderProfile::fromEnvironment(QProcessEnvironment::systemEnvironment());
}

void CliCommand::connectAccount(const ProviderProfile& profile, std::function<void(ApiClient*)> connected)
{
    const Status valid = profile.validate();
    if (!valid) {
        finish(Usage, valid.error().toString());
        return;
    }
    if (!m_connector) {
        m_network = new QNetworkAccessManager(this);
        m_credentials = new CredentialStore(this);
        m_keys = std::make_unique<ApiKeyResolver>(*m_credentials, QProcessEnvironment::systemEnvironment());
        m_connector = std::make_unique<AccountConnector>(*m_keys, m_network);
    }
    m_connector->connectAccount(profile, this, [this, connected](Result<ApiClient*> client) {
        if (client)
            connected(*client);
        else
            finish(CredentialError, client.error().toString());
    });
}

void CliCommand::start(const QStringList& arguments)
{
    QTimer::singleShot(0, this, [this, arguments] {
        QCommandLineParser parser;
        parser.setApplicationDescription(summary());
        parser.addHelpOption();
        configure(parser);
        if (!parser.parse(arguments)) {
            finish(Usage,
                parser.errorText() + QStringLiteral("\nTry 'tunebench ") + name()
                    + QStringLiteral(" --help'."));
            return;
        }
        if (parser.isSet(QStringLiteral("help"))) {
            writeOut(parser.helpText().replace(QStringLiteral("tunebench [options]"),
                         QStringLiteral("tunebench ") + name() + QStringLiteral(" [options]"))
                + QLatin1Char('\n'));
            finish(Ok);
            return;
        }
        execute(parser);
    });
}

void CliCommand::addTokenizerOptions(QCommandLineParser& parser)
{
    parser.addOption({ QStringLiteral("model"),
        tr("Model to fine-tune: picks the tokenizer and the per-example token limit."),
        QStringLiteral("model") });
    parser.addOption({ QStringLiteral("encoding"),
        tr("Tokenizer: cl100k_base (default) or o200k_base; overrides --model."), QStringLiteral("name") });
}

bool CliCommand::applyTokenizerOptions(const QCommandLineParser& parser, DatasetValidator::Options& options)
{
    if (parser.isSet(QStringLiteral("model"))) {
        const QString model = parser.value(QStringLiteral("model"));
        if (const auto encoding = TiktokenEncoding::forModel(model))
            options.encoding = *encoding;
        if (const auto limit = FineTuneLimits::maxTokensPerExample(model))
            options.maxTokensPerExample = *limit;
    }
    if (parser.isSet(QStringLiteral("encoding"))) {
        const auto encoding = TiktokenEncoding::fromName(parser.value(QStringLiteral("encoding")));
        if (!encoding) {
            finish(Usage, tr("--encoding must be cl100k_base or o200k_base."));
            return false;
        }
        options.encoding = *encoding;
    }
    return true;
}

QString CliCommand::besideInput(const QString& input, const QString& suffix)
{
    const QFileInfo info(input);
    return (info.path() == QLatin1String(".") ? QString() : info.path() + QLatin1Char('/'))
        + info.completeBaseName() + suffix;
}

std::shared_ptr<JsonlIndex> CliCommand::requireIndex(const QString& path)
{
    Result<std::shared_ptr<JsonlIndex>> index = JsonlIndex::open(path);
    if (!index) {
        finish(InputError, index.error().toString());
        return nullptr;
    }
    (*index)->build();
    return *index;
}

void CliCommand::addTemplateArgument(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("template"), tr("Template file, or the name of a bundled template."));
}

std::optional<PromptTemplate> CliCommand::requireTemplate(const QCommandLineParser& parser)
{
    if (parser.positionalArguments().size() != 1) {
        finish(Usage, tr("expected exactly one template; try 'tunebench %1 --help'.").arg(name()));
        return std::nullopt;
    }
    const QString argument = parser.positionalArguments().at(0);
    const QString path = TemplateCatalog::resolve(argument);
    if (path.isEmpty()) {
        finish(InputError, tr("%1: no such template file or bundled template").arg(argument));
        return std::nullopt;
    }
    Result<PromptTemplate> loaded = PromptTemplate::load(path);
    if (!loaded) {
        finish(InputError, loaded.error().toString());
        return std::nullopt;
    }
    return std::move(loaded).value();
}

void CliCommand::writeOut(const QString& text)
{
    m_stdout.write(text.toUtf8());
}

void CliCommand::writeErr(const QString& text)
{
    m_stderr.write(text.toUtf8());
}

void CliCommand::finish(int exitCode, const QString& message)
{
    if (m_finished)
        return;
    m_finished = true;
    if (!message.isEmpty())
        writeErr(QStringLiteral("tunebench %1: %2\n").arg(name(), message));
    Q_EMIT finished(exitCode);
}

} // namespace tb::cli
