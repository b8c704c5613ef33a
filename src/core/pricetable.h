// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Training prices per fine-tunable model for the cost estimate: dated defaults bundled
// as a JSON resource, with the user's edits kept in QSettings as overrides on top, so
// newer bundled defaults still show for models the user never touched.

#include "core/result.h"

#include <QDate>
#include <QObject>
#include <QString>
#include <optional>
#include <vector>

class QSettings;

namespace tb {

struct TrainingPrice
{
    QString model;
    double perMillionTokens = 0; // in the table's currency, per 1M training tokens
    QDate asOf; // when the figure was read off the provider's pricing page
    QString source;

    bool operator==(const TrainingPrice&) const = default;
};

class PriceTable : public QObject
{
    Q_OBJECT
public:
    static inline const QString kBundledResource = QStringLiteral(":/pricing/finetune-training-prices.json");
    static constexpr double kMaxPerMillion = 1e6; // anything above is a typo

    struct Defaults
    {
        QString currency;
        QString note; // says the figures are dated and to check the provider's page
        std::vector<TrainingPrice> prices;
    };

    // The bundled defaults; `settings` (may be null: nothing persists) holds the overrides.
    explicit PriceTable(QSettings* settings = nullptr, QObject* parent = nullptr);
    // Other defaults, for tests.
    PriceTable(Defaults defaults, QSettings* settings, QObject* parent = nullptr);

    // Reads a price file: {"currency", "note", "prices": [{"model", "training_per_million",
    // "as_of", "source"}]}.
    static Result<Defaults> parse(const QByteArray& json);
    static Result<Defaults> loadBundled();

    const std::vector<TrainingPrice>& prices() const { return m_prices; }
    const std::vector<TrainingPrice>& defaults() const { return m_defaults.prices; }
    QString currency() const { return m_defaults.currency; }
    QString note() const { return m_defaults.note; }
    // Why the bundled file or stored overrides were (partly) ignored; empty normally.
    const QStringList& problems() const { return m_problems; }

    // The price of `model`: an exact entry, else the longest entry that is a prefix of it
    // ("gpt-4o-mini" for "gpt-4o-mini-2024-07-18"); "ft:base:org::id" is priced as base.
    std::optional<TrainingPrice> priceFor(QStringView model) const;
    int rowOf(QStringView model) const; // exact name; -1 when absent
    bool isDefault(int row) const; // the row equals its bundled default

    // Checks `price` (a name, unique; a finite price in [0, kMaxPerMillion]; a valid date),
    // then replaces row `row` (or appends when row == prices().size()) and saves.
    Status setPriceAt(int row, TrainingPrice price);
    Status setPrice(TrainingPrice price); // replaces the entry of that model or appends
    void removeAt(int row);
    void resetToDefaults();

    // Cost of training on `billingTokens` for `epochs` epochs at `perMillionTokens`.
    static double cost(qint64 billingTokens, int epochs, double perMillionTokens);

Q_SIGNALS:
    void changed();

private:
    static Status validate(const TrainingPrice& price);
    void loadOverrides();
    void save();

    Defaults m_defaults;
    std::vector<TrainingPrice> m_prices;
    QSettings* m_settings;
    QStringList m_problems;
};

} // namespace tb
