// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "providerprofile.h"

#include <QHostAddress>
#include <QUrlQuery>

namespace tb {

const QString ProviderProfile::kOpenAIBaseUrl = QStringLiteral("https://api.openai.com/v1");
const QString ProviderProfile::kTogetherBaseUrl = QStringLiteral("https://api.together.xyz/v1");
const QString ProviderProfile::kDefaultAzureApiVersion = QStringLiteral("2024-10-21");
const QString ProviderProfile::kCommandLineId = QStringLiteral("command-line");

namespace {

QString joinPath(QString base, const QString& path)
{
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    if (!path.startsWith(QLatin1Char('/')))
        base += QLatin1Char('/');
    return base + path;
}

// A URL as error text may show it: without user:password, which may be a token.
QString shown(const QUrl& url)
{
    return url.toString(QUrl::RemoveUserInfo);
}

Status validateUrl(const QUrl& url, const QString& what)
{
    if (!url.isValid() || url.host().isEmpty())
        return Error::plain(QStringLiteral("The %1 \"%2\" is not a valid URL.").arg(what, shown(url)));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return success();
    if (scheme == QLatin1String("http")) {
        if (ProviderProfile::isLoopbackHost(url.host()))
            return success();
        return Error::plain(
            QStringLiteral("The %1 %2 uses unencrypted http://, which is only allowed for this "
                           "computer (localhost, 127.0.0.1, ::1); use https:// for %3.")
                .arg(what, shown(url), url.host()));
    }
    return Error::plain(QStringLiteral("The %1 \"%2\" must start with https:// (or http:// for localhost).")
                           .arg(what, shown(url)));
}

} // namespace

ProviderProfile ProviderProfile::openAI()
{
    ProviderProfile profile;
    profile.id = QStringLiteral("openai");
    profile.displayName = QStringLiteral("OpenAI");
    profile.kind = Kind::OpenAI;
    profile.baseUrl = QUrl(kOpenAIBaseUrl);
    profile.defaultModel = QStringLiteral("gpt-4o-mini");
    return profile;
}

ProviderProfile ProviderProfile::together()
{
    ProviderProfile profile;
    profile.id = QStringLiteral("together");
    profile.displayName = QStringLiteral("Together AI");
    profile.kind = Kind::Together;
    profile.baseUrl = QUrl(kTogetherBaseUrl);
    return profile;
}

ProviderProfile ProviderProfile::azure(
    const QUrl& endpoint, const QString& deployment, const QString& apiVersion)
{
    ProviderProfile profile;
    profile.id = QStringLiteral("azure");
    profile.displayName = QStringLiteral("Azure OpenAI");
    profile.kind = Kind::Azure;
    profile.azureEndpoint = endpoint;
    profile.azureDeployment = deployment;
    profile.azureApiVersion = apiVersion;
    return profile;
}

ProviderProfile ProviderProfile::openAICompatible(
    const QString& id, const QString& displayName, const QUrl& baseUrl)
{
    ProviderProfile profile;
    profile.id = id;
    profile.displayName = displayName;
    profile.kind = Kind::OpenAICompatible;
    profile.baseUrl = baseUrl;
    return profile;
}

bool ProviderProfile::acceptsEnvironmentKey() const
{
    return kind == Kind::OpenAI || id == openAI().id || id == kCommandLineId;
}

ProviderProfile ProviderProfile::fromEnvironment(const QProcessEnvironment& environment)
{
    ProviderProfile profile = openAI();
    const QString baseUrl = environment.value(QStringLiteral("OPENAI_BASE_URL")).trimmed();
    if (!baseUrl.isEmpty()) {
        profile.baseUrl = QUrl(baseUrl);
        if (profile.baseUrl.host().compare(QLatin1String("api.openai.com"), Qt::CaseInsensitive) != 0
            && !profile.baseUrl.host().endsWith(QLatin1String(".api.openai.com"), Qt::CaseInsensitive)) {
            profile.kind = Kind::OpenAICompatible;
            profile.displayName = QStringLiteral("OpenAI-compatible (%1)").arg(profile.baseUrl.host());
        }
    }
    profile.organization = environment.value(QStringLiteral("OPENAI_ORG_ID")).trimmed();
    profile.project = environment.value(QStringLiteral("OPENAI_PROJECT_ID")).trimmed();
    return profile;
}

QUrl ProviderProfile::endpointUrl(const QString& path) const
{
    if (kind != Kind::Azure)
        return QUrl(joinPath(baseUrl.toString(QUrl::StripTrailingSlash), path));

    const bool inference = path == QLatin1String("/chat/completions") || path == QLatin1String("/completions")
        || path == QLatin1String("/embeddings");
    const QString route = inference
        ? QStringLiteral("/openai/deployments/%1%2")
              .arg(QString::fromUtf8(QUrl::toPercentEncoding(azureDeployment)), path)
        : QStringLiteral("/openai") + path;
    QUrl url(joinPath(azureEndpoint.toString(QUrl::StripTrailingSlash | QUrl::RemoveQuery), route));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("api-version"), azureApiVersion);
    url.setQuery(query);
    return url;
}

Status ProviderProfile::validate() const
{
    if (kind == Kind::Azure) {
        if (Status status = validateUrl(azureEndpoint, QStringLiteral("Azure endpoint")); !status)
            return status;
        if (azureDeployment.trimmed().isEmpty())
            return Error::plain(
                QStringLiteral("The Azure profile \"%1\" needs a deployment name.").arg(displayName));
        if (azureApiVersion.trimmed().isEmpty())
            return Error::plain(
                QStringLiteral("The Azure profile \"%1\" needs an api-version.").arg(displayName));
        return success();
    }
    return validateUrl(baseUrl, QStringLiteral("base URL"));
}

QString ProviderProfile::kindName(Kind kind)
{
    switch (kind) {
    case Kind::OpenAI:
        return QStringLiteral("openai");
    case Kind::Azure:
        return QStringLiteral("azure");
    case Kind::OpenAICompatible:
        return QStringLiteral("openai-compatible");
    case Kind::Together:
        return QStringLiteral("together");
    }
    return QString();
}

bool ProviderProfile::kindFromName(const QString& name, Kind* kind)
{
    for (Kind candidate : { Kind::OpenAI, Kind::Azure, Kind::OpenAICompatible, Kind::Together }) {
        if (kindName(candidate) == name) {
            *kind = candidate;
            return true;
        }
    }
    return false;
}

bool ProviderProfile::isLoopbackHost(const QString& host)
{
    QString name = host.toLower();
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    if (name == QLatin1String("localhost") || name.endsWith(QLatin1String(".localhost")))
        return true;
    if (name.startsWith(QLatin1Char('[')) && name.endsWith(QLatin1Char(']')))
        name = name.mid(1, name.size() - 2);
    const QHostAddress address(name);
    return !address.isNull() && address.isLoopback();
}

} // namespace tb
