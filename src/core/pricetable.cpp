// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/pricetable.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <algorithm>
#include <cmath>

namespace tb {

namespace {

const QString kGroup = QStringLiteral("FineTunePrices");
const QString kOverrides = QStringLiteral("overrides");
const QString kRemoved = QStringLiteral("removed");
const QString kModelKey = QStringLiteral("model");
const QString kPriceKey = QStringLiteral("perMillionTokens");
const QString kAsOfKey = QStringLiteral("asOf");
const QString kSourceKey = QStringLiteral("source");

} // namespace

namespace {

PriceTable::Defaults bundledOrEmpty()
{
    Result<PriceTable::Defaults> bundled = PriceTable::loadBundled();
    return bundled ? std::move(bundled).value() : PriceTable::Defaults {};
}

} // namespace

PriceTable::PriceTable(QSettings* settings, QObject* parent)
    : PriceTable(bundledOrEmpty(), settings, parent)
{
    if (const Result<Defaults> bundled = loadBundled(); !bundled)
        m_problems.prepend(bundled.error().toString());
}

PriceTable::PriceTable(Defaults defaults, QSettings* settings, QObject* parent)
    : QObject(parent)
    , m_defaults(std::move(defaults))
    , m_prices(m_defaults.prices)
    , m_settings(settings)
{
    if (m_defaults.currency.isEmpty())
        m_defaults.currency = QStringLiteral("USD");
    loadOverrides();
}

Result<PriceTable::Defaults> PriceTable::parse(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Error::plain(QStringLiteral("the price table is not a JSON object: %1").arg(parseError.errorString()));
    const QJsonObject root = document.object();
    Defaults defaults;
    defaults.currency = root.value(QLatin1String("currency")).toString(QStringLiteral("USD"));
    defaults.note = root.value(QLatin1String("note")).toString();
    const QJsonArray prices = root.value(QLatin1String("prices")).toArray();
    for (qsizetype i = 0; i < prices.size(); ++i) {
        const QJsonObject entry = prices.at(i).toObject();
        const QJsonValue perMillion = entry.value(QLatin1String("training_per_million"));
        TrainingPrice price { entry.value(QLatin1String("model")).toString(), perMillion.toDouble(-1),
            QDate::fromString(entry.value(QLatin1String("as_of")).toString(), Qt::ISODate),
            entry.value(QLatin1String("source")).toString() };
        Status valid = validate(price);
        if (valid && std::any_of(defaults.prices.cbegin(), defaults.prices.cend(),
                         [&](const TrainingPrice& p) { return p.model == price.model; }))
            valid = Error::plain(QStringLiteral("%1 is listed twice").arg(price.model));
        if (!valid) {
            Error error = valid.error();
            error.path = QStringLiteral("prices[%1]").arg(i);
            return error;
        }
        defaults.prices.push_back(std::move(price));
    }
    return defaults;
}

Result<PriceTable::Defaults> PriceTable::loadBundled()
{
    QFile file(kBundledResource);
    if (!file.open(QIODevice::ReadOnly))
        return Error::inFile(kBundledResource, file.errorString());
    Result<Defaults> defaults = parse(file.readAll());
    if (!defaults) {
        Error error = defaults.error();
        error.file = kBundledResource;
        return error;
    }
    return defaults;
}

Status PriceTable::validate(const TrainingPrice& price)
{
    if (price.model.trimmed().isEmpty())
        return Error::plain(QStringLiteral("a price needs a model name"));
    if (price.model.trimmed() != price.model)
        return Error::plain(QStringLiteral("the model name \"%1\" has spaces around it").arg(price.model));
    if (!std::isfinite(price.perMillionTokens) || price.perMillionTokens < 0
        || price.perMillionTokens > kMaxPerMillion)
        return Error::plain(QStringLiteral("the price of %1 must be a number from 0 to %2 per 1M tokens")
                           .arg(price.model)
                           .arg(kMaxPerMillion, 0, 'f', 0));
    if (!price.asOf.isValid())
        return Error::plain(QStringLiteral("the price of %1 needs the date it was read (YYYY-MM-DD)").arg(price.model));
    return success();
}

std::optional<TrainingPrice> PriceTable::priceFor(QStringView model) const
{
    if (model.startsWith(QLatin1String("ft:"))) {
        model = model.mid(3);
        model = model.left(model.indexOf(QLatin1Char(':')));
    }
    const TrainingPrice* best = nullptr;
    for (const TrainingPrice& price : m_prices) {
        if (price.model == model)
            return price;
        if (model.startsWith(price.model) && (!best || price.model.size() > best->model.size()))
            best = &price;
    }
    return best ? std::optional<TrainingPrice>(*best) : std::nullopt;
}

int PriceTable::rowOf(QStringView model) const
{
    const auto it = std::find_if(
        m_prices.cbegin(), m_prices.cend(), [&](const TrainingPrice& p) { return p.model == model; });
    return it == m_prices.cend() ? -1 : int(it - m_prices.cbegin());
}

bool PriceTable::isDefault(int row) const
{
    if (row < 0 || std::size_t(row) >= m_prices.size())
        return false;
    const auto& defaults = m_defaults.prices;
    return std::find(defaults.cbegin(), defaults.cend(), m_prices[std::size_t(row)]) != defaults.cend();
}

Status PriceTable::setPriceAt(int row, TrainingPrice price)
{
    if (row < 0 || std::size_t(row) > m_prices.size())
        return Error::plain(QStringLiteral("there is no price row %1").arg(row + 1));
    Status valid = validate(price);
    if (!valid)
        return valid;
    const int existing = rowOf(price.model);
    if (existing >= 0 && existing != row)
        return Error::plain(QStringLiteral("%1 already has a price").arg(price.model));
    if (std::size_t(row) == m_prices.size())
        m_prices.push_back(std::move(price));
    else if (m_prices[std::size_t(row)] == price)
        return success();
    else
        m_prices[std::size_t(row)] = std::move(price);
    save();
    Q_EMIT changed();
    return success();
}

Status PriceTable::setPrice(TrainingPrice price)
{
    const int row = rowOf(price.model);
    return setPriceAt(row >= 0 ? row : int(m_prices.size()), std::move(price));
}

void PriceTable::removeAt(int row)
{
    if (row < 0 || std::size_t(row) >= m_prices.size())
        return;
    m_prices.erase(m_prices.begin() + row);
    save();
    Q_EMIT changed();
}

void PriceTable::resetToDefaults()
{
    m_prices = m_defaults.prices;
    save();
    Q_EMIT changed();
}

double PriceTable::cost(qint64 billingTokens, int epochs, double perMillionTokens)
{
    return double(billingTokens) * double(epochs) * perMillionTokens / 1e6;
}

void PriceTable::loadOverrides()
{
    if (!m_settings)
        return;
    m_settings->beginGroup(kGroup);
    const QStringList removed = m_settings->value(kRemoved).toStringList();
    std::erase_if(m_prices, [&](const TrainingPrice& p) { return removed.contains(p.model); });
    const int count = m_settings->beginReadArray(kOverrides);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        bool numeric = false;
        TrainingPrice price { m_settings->value(kModelKey).toString(),
            m_settings->value(kPriceKey).toString().toDouble(&numeric),
            QDate::fromString(m_settings->value(kAsOfKey).toString(), Qt::ISODate),
            m_settings->value(kSourceKey).toString() };
        Status valid = numeric ? validate(price)
                               : Status(Error::plain(QStringLiteral("the stored price of %1 is not a number: %2")
                                                    .arg(price.model, m_settings->value(kPriceKey).toString())));
        if (!valid) {
            m_problems.append(QStringLiteral("ignored a stored price: %1").arg(valid.error().message));
            continue;
        }
        const int row = rowOf(price.model);
        if (row >= 0)
            m_prices[std::size_t(row)] = std::move(price);
        else
            m_prices.push_back(std::move(price));
    }
    m_settings->endArray();
    m_settings->endGroup();
}

void PriceTable::save()
{
    if (!m_settings)
        return;
    // Only what differs from the defaults is stored, so a newer bundled table still shows
    // for every model the user never edited.
    QStringList removed;
    for (const TrainingPrice& d : m_defaults.prices) {
        if (rowOf(d.model) < 0)
            removed.append(d.model);
    }
    m_settings->beginGroup(kGroup);
    m_settings->remove(QString());
    if (!removed.isEmpty())
        m_settings->setValue(kRemoved, removed);
    m_settings->beginWriteArray(kOverrides);
    int i = 0;
    for (std::size_t row = 0; row < m_prices.size(); ++row) {
        if (isDefault(int(row)))
            continue;
        const TrainingPrice& p = m_prices[row];
        m_settings->setArrayIndex(i++);
        m_settings->setValue(kModelKey, p.model);
        m_settings->setValue(kPriceKey, QString::number(p.perMillionTokens, 'g', 17));
        m_settings->setValue(kAsOfKey, p.asOf.toString(Qt::ISODate));
        m_settings->setValue(kSourceKey, p.source);
    }
    m_settings->endArray();
    m_settings->endGroup();
}

} // namespace tb
