// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>

namespace agency::domain {

// Campaign KPIs and channel performance: a JSON object of metric name → number, e.g.
// {"clicks": 2500, "conversions": 120, "cpa": 40}. Metrics are counts and ratios, not money columns.
class Kpis {
public:
    // Parses `json` (empty or null text is an empty set). `field` names the column in the error message.
    static std::optional<Kpis> parse(const QString& json, const QString& field, QString* error);
    QString toJson() const; // compact, keys sorted

    bool isEmpty() const { return m_values.isEmpty(); }
    QStringList metrics() const { return m_values.keys(); }
    std::optional<double> value(const QString& metric) const;
    // The value of `metric` spelt in any case: its own spelling first, else the first other one in key order.
    std::optional<double> valueIgnoringCase(const QString& metric) const;
    void setValue(const QString& metric, double value) { m_values.insert(metric, value); }
    const QMap<QString, double>& values() const { return m_values; }
    bool operator==(const Kpis&) const = default;

    // Metrics where less is better (attainment = target / actual): cpa, cpc, cpm, cost_per_lead, bounce_rate, and any
    // configured ones.
    static bool isLowerBetter(const QString& metric, const QSet<QString>& configured = {});

    // actual / target (or target / actual when lower is better); nullopt when either is missing or the divisor is 0.
    static std::optional<double> attainment(const QString& metric, std::optional<double> target,
        std::optional<double> actual, const QSet<QString>& lowerBetter = {});

private:
    QMap<QString, double> m_values;
};

// Tier features: a JSON array of strings.
std::optional<QStringList> parseFeatures(const QString& json, QString* error);
QString featuresToJson(const QStringList& features);

// `metadata`: any JSON object (or empty). Returns the compact form, or nullopt with an error naming `field`.
std::optional<QString> normalizeJsonObject(const QString& json, const QString& field, QString* error);

} // namespace agency::domain
