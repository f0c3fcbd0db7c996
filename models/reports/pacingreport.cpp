// SPDX-License-Identifier: GPL-3.0-or-later
#include "pacingreport.h"

#include "db/centssql.h"
#include "db/database.h"
#include "db/sqlerror.h"
#include "domain/budget.h"
#include "tables/lookupnames.h"
#include "tables/tablespec.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <limits>

namespace agency::reports {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(PacingReport)
    };

    // a × b ÷ c, rounded half up (a, b, c not negative; c above 0).
    qint64 scaled(qint64 a, qint64 b, qint64 c)
    {
        return (a * b * 2 + c) / (c * 2);
    }

    QString lightLabel(const QString& code)
    {
        if (code == QStringLiteral("on"))
            return Text::tr("on pace");
        if (code == QStringLiteral("under"))
            return Text::tr("under");
        if (code == QStringLiteral("over"))
            return Text::tr("over");
        return {};
    }
}

Pace paceOf(std::optional<domain::Money> budget, const QDate& start, const QDate& end,
    std::optional<domain::Money> spent, const QDate& asOf)
{
    Pace pace;
    if (spent)
        pace.spentCents = spent->cents();
    if (!budget || budget->cents() < 0 || !start.isValid() || !end.isValid() || end < start)
        return pace;
    const qint64 days = start.daysTo(end) + 1;
    const qint64 gone = std::clamp<qint64>(start.daysTo(asOf) + 1, 0, days);
    pace.plannedCents = scaled(budget->cents(), gone, days);
    if (!spent || gone == 0)
        return pace;
    pace.projectedCents = scaled(spent->cents(), days, gone);
    if (spent->cents() > 0) // the day the spend so far, day by day, reaches the budget
        pace.runsOutOn = start.addDays((budget->cents() * gone + spent->cents() - 1) / spent->cents() - 1);
    if (*pace.plannedCents == 0)
        return pace;
    pace.paceHundredths = scaled(spent->cents(), 10000, *pace.plannedCents);
    // Told from the exact figures, not the rounded pace: 1,100.01 of 1,000.00 is over.
    const qint64 spentCents = spent->cents();
    pace.light = spentCents * 100 < *pace.plannedCents * 90 ? QStringLiteral("under")
        : spentCents * 100 > *pace.plannedCents * 110       ? QStringLiteral("over")
                                                            : QStringLiteral("on");
    return pace;
}

QString paceText(const Pace& pace, const QLocale& locale)
{
    if (!pace.paceHundredths)
        return {};
    const qint64 hundredths = std::min<qint64>(*pace.paceHundredths, std::numeric_limits<int>::max());
    const QString percent = domain::Percent::fromHundredths(static_cast<int>(hundredths)).toDisplayString(locale);
    if (pace.light == QStringLiteral("over"))
        return Text::tr("%1 of plan: over").arg(percent);
    if (pace.light == QStringLiteral("under"))
        return Text::tr("%1 of plan: under").arg(percent);
    return Text::tr("%1 of plan: on pace").arg(percent);
}

QString paceDetails(const Pace& pace, const QLocale& locale)
{
    const auto money = [&locale](std::optional<qint64> cents) {
        return cents ? domain::Money::fromCents(*cents).toDisplayString(locale) : QStringLiteral("—");
    };
    if (!pace.plannedCents)
        return Text::tr("No pace: the channel has no budget, or its campaign no start and end date");
    if (!pace.spentCents)
        return Text::tr("No spend imported yet; %1 planned to date").arg(money(pace.plannedCents));
    QStringList parts {
        Text::tr("Spent %1 of %2 planned to date").arg(money(pace.spentCents), money(pace.plannedCents))
    };
    if (pace.projectedCents)
        parts << Text::tr("%1 projected at the end").arg(money(pace.projectedCents));
    if (pace.runsOutOn.isValid())
        parts << Text::tr("the budget runs out on %1").arg(locale.toString(pace.runsOutOn, QLocale::ShortFormat));
    return parts.join(QStringLiteral("; "));
}

bool mayReadImportedSpend(const QSqlDatabase& db)
{
    if (db::dialectOf(db) != db::Dialect::PostgreSQL)
        return true;
    QSqlQuery may(db);
    return may.exec(QStringLiteral(
               "SELECT coalesce(has_table_privilege(to_regclass('agency_channel_spend'), 'SELECT'), false)"))
        && may.next() && may.value(0).toBool();
}

std::optional<QList<PaceLine>> readPaces(
    const QSqlDatabase& db, const QDate& asOf, const QString& clientId, QString* error, PaceScope scope)
{
    const tables::TableSpec& channels = tables::channelsSpec();
    const tables::TableSpec& campaigns = tables::campaignsSpec();
    const tables::TableSpec& clients = tables::clientsSpec();
    const QString campaignColumn = channels.referenceTo(campaigns.table);
    const QString clientColumn = QStringLiteral("c.") + campaigns.parentColumn;
    QString typeColumn = QStringLiteral("NULL"); // the campaign's type, part of its label
    for (const tables::ColumnSpec& column : campaigns.columns) {
        if (!column.suggestions.isEmpty())
            typeColumn = QStringLiteral("c.") + column.name;
    }
    // A role that may not read the imported spend is told so (asked first: a refused read would be logged as a
    // failure).
    if (!mayReadImportedSpend(db)) {
        *error = Text::tr("your database role may not read the imported spend (agency_channel_spend)");
        return std::nullopt;
    }
    // What each channel's imported periods add up to, to the day: added up by the database, to the cent.
    QHash<QString, domain::Money> spent;
    QSqlQuery sums(db);
    sums.setNumericalPrecisionPolicy(QSql::HighPrecision);
    if (!execNarrowed(sums,
            QStringLiteral("SELECT s.channel_id, CAST(sum(%7) AS bigint) FROM agency_channel_spend s JOIN %1 ch ON "
                           "ch.%2 = s.channel_id JOIN %3 c ON c.%2 = ch.%4 WHERE ch.%5 IS NULL AND c.%5 IS NULL AND "
                           "s.period_end <= '%6'")
                .arg(channels.table, tables::idColumn(), campaigns.table, campaignColumn, tables::deletedColumn(),
                    asOf.toString(Qt::ISODate), db::centsSql(db::dialectOf(db), QStringLiteral("s.spend"))),
            clientColumn, clientId, QStringLiteral("GROUP BY s.channel_id"))) {
        *error = db::reportSqlError(Text::tr("Reading the imported spend"), sums.lastError());
        return std::nullopt;
    }
    while (sums.next())
        spent.insert(sums.value(0).toString(), domain::Money::fromCents(sums.value(1).toLongLong()));

    QSqlQuery query(db);
    query.setNumericalPrecisionPolicy(QSql::HighPrecision);
    const QString select
        = QStringList { QStringLiteral("ch.") + tables::idColumn(), QStringLiteral("ch.") + campaignColumn,
              QStringLiteral("ch.") + channels.columnFor(tables::ColumnRole::ShareAmount),
              QStringLiteral("ch.") + channels.columnFor(tables::ColumnRole::SharePercentage),
              QStringLiteral("ch.") + channels.columnFor(tables::ColumnRole::Active),
              QStringLiteral("c.") + campaigns.columnFor(tables::ColumnRole::Allocated),
              QStringLiteral("c.") + campaigns.startColumn, QStringLiteral("c.") + campaigns.endColumn,
              QStringLiteral("ch.") + channels.nameColumn, QStringLiteral("c.") + campaigns.namingColumn()->name,
              QStringLiteral("cl.") + clients.nameColumn, typeColumn }
              .join(QStringLiteral(", "));
    if (!execNarrowed(query,
            QStringLiteral("SELECT %1 FROM %2 ch JOIN %3 c ON c.%4 = ch.%5 JOIN %6 cl ON cl.%4 = c.%7 WHERE ch.%8 IS "
                           "NULL AND c.%8 IS NULL%9")
                .arg(select, channels.table, campaigns.table, tables::idColumn(), campaignColumn, clients.table,
                    campaigns.parentColumn, tables::deletedColumn(),
                    scope == PaceScope::WithSpend ? QStringLiteral(
                        " AND EXISTS (SELECT 1 FROM agency_channel_spend s WHERE s.channel_id = ch.%1)")
                                                        .arg(tables::idColumn())
                                                  : QString()),
            clientColumn, clientId, QStringLiteral("ORDER BY ch.%1").arg(tables::idColumn()))) {
        *error = db::reportSqlError(Text::tr("Reading the channels"), query.lastError());
        return std::nullopt;
    }
    QList<PaceLine> rows;
    while (query.next()) {
        if (!query.value(4).toBool())
            continue; // an inactive channel takes no share and has no pace to keep
        domain::ChannelShare share;
        if (!query.value(2).isNull())
            share.amount = domain::Money::parse(query.value(2).toString());
        if (!query.value(3).isNull())
            share.percentage = domain::Percent::parse(query.value(3).toString());
        const std::optional<domain::Money> allocated
            = query.value(5).isNull() ? std::nullopt : domain::Money::parse(query.value(5).toString());
        const QString id = query.value(0).toString();
        const auto it = spent.constFind(id);
        const QDate start = query.value(6).toDate();
        rows.append({ id, query.value(1).toString(), query.value(8).toString(),
            tables::LookupNames::campaignLabel({}, query.value(9).toString(), query.value(10).toString(),
                query.value(11).toString(), start.isValid() ? start.toString(Qt::ISODate) : QString()),
            paceOf(domain::effectiveAmount(share, allocated), start, query.value(7).toDate(),
                it == spent.cend() ? std::nullopt : std::optional<domain::Money>(*it), asOf) });
    }
    // Most off pace first; those without a pace last, by id.
    std::stable_sort(rows.begin(), rows.end(), [](const PaceLine& a, const PaceLine& b) {
        const auto off
            = [](const PaceLine& r) { return r.pace.paceHundredths ? std::abs(*r.pace.paceHundredths - 10000) : -1; };
        return off(a) > off(b);
    });
    return rows;
}

std::optional<ReportTable> pacingReport(
    const QSqlDatabase& db, const QDate& asOf, const QString& clientId, QString* error)
{
    const auto rows = readPaces(db, asOf, clientId, error);
    if (!rows)
        return std::nullopt;
    ReportTable table;
    table.title = Text::tr("Pacing");
    table.subtitle = Text::tr("As of %1").arg(QLocale().toString(asOf, QLocale::ShortFormat));
    table.columns = { QStringLiteral("channel_id"), QStringLiteral("campaign_id"), QStringLiteral("planned_to_date"),
        QStringLiteral("spent_to_date"), QStringLiteral("pace_pct"), QStringLiteral("projected_at_end"),
        QStringLiteral("runs_out_on"), QStringLiteral("light") };
    table.labels
        = { Text::tr("Channel id"), Text::tr("Campaign id"), Text::tr("Planned to date"), Text::tr("Spent to date"),
              Text::tr("Pace"), Text::tr("Projected at end"), Text::tr("Runs out on"), Text::tr("Light") };
    bool anySpend = false;
    for (const PaceLine& row : *rows) {
        anySpend = anySpend || row.pace.spentCents.has_value();
        table.rows.append({ ReportCell::text(row.channelId), ReportCell::text(row.campaignId),
            ReportCell::money(row.pace.plannedCents), ReportCell::money(row.pace.spentCents),
            ReportCell::percent(row.pace.paceHundredths), ReportCell::money(row.pace.projectedCents),
            ReportCell::date(row.pace.runsOutOn), ReportCell::coded(row.pace.light, lightLabel(row.pace.light)) });
    }
    if (!anySpend)
        table.notes << Text::tr("No spend has been imported for these channels yet (agency-os import spend).");
    return table;
}

} // namespace agency::reports
