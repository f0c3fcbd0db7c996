// SPDX-License-Identifier: GPL-3.0-or-later
#include "kpis.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

namespace agency::domain {

namespace {
    // What this file says to people, in lupdate's and the runtime's one context "Kpis".
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(Kpis)
    };

    std::optional<QJsonDocument> parseDocument(const QString& json, const QString& field, QString* error)
    {
        QJsonParseError parseError {};
        const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            if (error)
                *error = Text::tr("%1: not valid JSON (%2 at character %3)")
                             .arg(field, parseError.errorString())
                             .arg(parseError.offset);
            return std::nullopt;
        }
        return doc;
    }
}

std::optional<Kpis> Kpis::parse(const QString& json, const QString& field, QString* error)
{
    Kpis kpis;
    if (json.trimmed().isEmpty() || json.trimmed() == QStringLiteral("null"))
        return kpis;
    const auto doc = parseDocument(json, field, error);
    if (!doc)
        return std::nullopt;
    if (!doc->isObject()) {
        if (error)
            *error = Text::tr("%1: must be an object of metric names and numbers, like {\"clicks\": 2500}").arg(field);
        return std::nullopt;
    }
    const QJsonObject object = doc->object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key().trimmed().isEmpty()) {
            if (error)
                *error = Text::tr("%1: a metric has an empty name").arg(field);
            return std::nullopt;
        }
        if (!it.value().isDouble() || !std::isfinite(it.value().toDouble())) {
            if (error)
                *error = Text::tr("%1: '%2' must be a number").arg(field, it.key());
            return std::nullopt;
        }
        kpis.m_values.insert(it.key(), it.value().toDouble());
    }
    return kpis;
}

QString Kpis::toJson() const
{
    QJsonObject object;
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
        object.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<double> Kpis::value(const QString& metric) const
{
    const auto it = m_values.constFind(metric);
    if (it == m_values.cend())
        return std::nullopt;
    return *it;
}

std::optional<double> Kpis::valueIgnoringCase(const QString& metric) const
{
    if (const auto exact = value(metric))
        return exact;
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it) {
        if (it.key().compare(metric, Qt::CaseInsensitive) == 0)
            return *it;
    }
    return std::nullopt;
}

bool Kpis::isLowerBetter(const QString& metric, const QSet<QString>& configured)
{
    static const QSet<QString> builtIn { QStringLiteral("cpa"), QStringLiteral("cpc"), QStringLiteral("cpm"),
        QStringLiteral("cost_per_lead"), QStringLiteral("bounce_rate") };
    const QString key = metric.trimmed().toLower();
    return builtIn.contains(key) || configured.contains(key);
}

std::optional<double> Kpis::attainment(
    const QString& metric, std::optional<double> target, std::optional<double> actual, const QSet<QString>& lowerBetter)
{
    if (!target || !actual)
        return std::nullopt;
    if (isLowerBetter(metric, lowerBetter)) {
        if (*actual == 0.0)
            return std::nullopt;
        return *target / *actual;
    }
    if (*target == 0.0)
        return std::nullopt;
    return *actual / *target;
}

std::optional<QStringList> parseFeatures(const QString& json, QString* error)
{
    if (json.trimmed().isEmpty() || json.trimmed() == QStringLiteral("null"))
        return QStringList();
    const auto doc = parseDocument(json, QStringLiteral("features"), error);
    if (!doc)
        return std::nullopt;
    if (!doc->isArray()) {
        if (error)
            *error = Text::tr("features: must be a list of texts, like [\"24/7 support\"]");
        return std::nullopt;
    }
    QStringList features;
    for (const QJsonValue value : doc->array()) {
        if (!value.isString()) {
            if (error)
                *error = Text::tr("features: every entry must be a text");
            return std::nullopt;
        }
        features << value.toString();
    }
    return features;
}

QString featuresToJson(const QStringList& features)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(features)).toJson(QJsonDocument::Compact));
}

std::optional<QString> normalizeJsonObject(const QString& json, const QString& field, QString* error)
{
    if (json.trimmed().isEmpty())
        return QString();
    const auto doc = parseDocument(json, field, error);
    if (!doc)
        return std::nullopt;
    if (!doc->isObject()) {
        if (error)
            *error = Text::tr(R"(%1: must be a JSON object, like {"name": "Spring launch"})").arg(field);
        return std::nullopt;
    }
    return QString::fromUtf8(doc->toJson(QJsonDocument::Compact));
}

} // namespace agency::domain
