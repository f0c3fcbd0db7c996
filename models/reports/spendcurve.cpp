// SPDX-License-Identifier: GPL-3.0-or-later
#include "spendcurve.h"

#include "db/sqlerror.h"
#include "domain/money.h"
#include "pacingreport.h"
#include "tables/tablespec.h"

#include <QCoreApplication>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>

namespace agency::reports {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(SpendCurve)
    };
}

std::optional<SpendCurve> readSpendCurve(
    const QSqlDatabase& db, const QString& campaignId, const QDate& asOf, QString* error)
{
    const tables::TableSpec& campaigns = tables::campaignsSpec();
    const tables::TableSpec& channels = tables::channelsSpec();
    SpendCurve curve;
    curve.campaign = campaignId;
    curve.asOf = asOf;
    QSqlQuery campaign(db);
    campaign.setNumericalPrecisionPolicy(QSql::HighPrecision);
    campaign.prepare(QStringLiteral("SELECT %1, %2, %3 FROM %4 WHERE %5 = ?")
                         .arg(campaigns.columnFor(tables::ColumnRole::Allocated), campaigns.startColumn,
                             campaigns.endColumn, campaigns.table, tables::idColumn()));
    campaign.addBindValue(campaignId);
    if (!campaign.exec()) {
        *error = db::reportSqlError(Text::tr("Reading the campaign"), campaign.lastError());
        return std::nullopt;
    }
    if (!campaign.next())
        return curve;
    if (!campaign.value(0).isNull())
        if (const auto budget = domain::Money::parse(campaign.value(0).toString()))
            curve.budgetCents = budget->cents();
    curve.start = campaign.value(1).toDate();
    curve.end = campaign.value(2).toDate();
    if (!mayReadImportedSpend(db)) {
        curve.unavailable = Text::tr("Hidden: your database role may not read the imported spend.");
        return curve;
    }
    QSqlQuery periods(db);
    periods.setNumericalPrecisionPolicy(QSql::HighPrecision);
    periods.prepare(
        QStringLiteral("SELECT s.period_end, s.spend FROM agency_channel_spend s JOIN %1 ch ON ch.%2 = "
                       "s.channel_id WHERE ch.%3 = ? AND ch.%4 IS NULL")
            .arg(channels.table, tables::idColumn(), channels.referenceTo(campaigns.table), tables::deletedColumn()));
    periods.addBindValue(campaignId);
    if (!periods.exec()) {
        *error = db::reportSqlError(Text::tr("Reading the imported spend"), periods.lastError());
        return std::nullopt;
    }
    QMap<QDate, qint64> byDay; // what was spent in the periods that end on each day
    while (periods.next()) {
        const QDate day = periods.value(0).toDate();
        if (day > asOf)
            continue;
        byDay[day] += domain::Money::parse(periods.value(1).toString()).value_or(domain::Money()).cents();
    }
    qint64 sum = 0;
    for (auto it = byDay.cbegin(); it != byDay.cend(); ++it) {
        sum += it.value();
        curve.cumulative.append({ it.key(), sum });
    }
    return curve;
}

} // namespace agency::reports
