// SPDX-License-Identifier: GPL-3.0-or-later
#include "pacingreport.h"

#include "db/sqlerror.h"
#include "domain/budget.h"
#include "tables/tablespec.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

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

std::optional<ReportTable> pacingReport(
    const QSqlDatabase& db, const QDate& asOf, const QString& clientId, QString* error)
{
    const tables::TableSpec& channels = tables::channelsSpec();
    const tables::TableSpec& campaigns = tables::campaignsSpec();
    const QString campaignColumn = channels.referenceTo(campaigns.table);
    const QString clientColumn = QStringLiteral("c.") + campaigns.parentColumn;
    const QString from
        = QStringLiteral("FROM %1 ch JOIN %2 c ON c.%3 = ch.%4 WHERE ch.%5 IS NULL AND c.%5 IS NULL")
              .arg(channels.table, campaigns.table, tables::idColumn(), campaignColumn, tables::deletedColumn());
    // What each channel's imported periods add up to, to the day.
    QHash<QString, domain::Money> spent;
    QSqlQuery sums(db);
    sums.setNumericalPrecisionPolicy(QSql::HighPrecision);
    if (!execNarrowed(sums,
            QStringLiteral(
                "SELECT s.channel_id, s.spend FROM agency_channel_spend s JOIN %1 ch ON ch.%2 = s.channel_id "
                "JOIN %3 c ON c.%2 = ch.%4 WHERE ch.%5 IS NULL AND c.%5 IS NULL AND s.period_end <= '%6'")
                .arg(channels.table, tables::idColumn(), campaigns.table, campaignColumn, tables::deletedColumn(),
                    asOf.toString(Qt::ISODate)),
            clientColumn, clientId)) {
        *error = db::reportSqlError(Text::tr("Reading the imported spend"), sums.lastError());
        return std::nullopt;
    }
    while (sums.next())
        spent[sums.value(0).toString()] += domain::Money::parse(sums.value(1).toString()).value_or(domain::Money());

    QSqlQuery query(db);
    query.setNumericalPrecisionPolicy(QSql::HighPrecision);
    if (!execNarrowed(query,
            QStringLiteral("SELECT ch.%1, ch.%2, ch.%3, ch.%4, ch.%5, c.%6, c.%7, c.%8 ")
                    .arg(tables::idColumn(), campaignColumn, channels.columnFor(tables::ColumnRole::ShareAmount),
                        channels.columnFor(tables::ColumnRole::SharePercentage),
                        channels.columnFor(tables::ColumnRole::Active),
                        campaigns.columnFor(tables::ColumnRole::Allocated), campaigns.startColumn, campaigns.endColumn)
                + from,
            clientColumn, clientId, QStringLiteral("ORDER BY ch.%1").arg(tables::idColumn()))) {
        *error = db::reportSqlError(Text::tr("Reading the channels"), query.lastError());
        return std::nullopt;
    }
    struct Row {
        QString channel;
        QString campaign;
        Pace pace;
    };
    QList<Row> rows;
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
        rows.append({ id, query.value(1).toString(),
            paceOf(domain::effectiveAmount(share, allocated), query.value(6).toDate(), query.value(7).toDate(),
                it == spent.cend() ? std::nullopt : std::optional<domain::Money>(*it), asOf) });
    }
    // Most off pace first; those without a pace last, by id.
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        const auto off
            = [](const Row& r) { return r.pace.paceHundredths ? std::abs(*r.pace.paceHundredths - 10000) : -1; };
        return off(a) > off(b);
    });

    ReportTable table;
    table.title = Text::tr("Pacing");
    table.subtitle = Text::tr("As of %1").arg(QLocale().toString(asOf, QLocale::ShortFormat));
    table.columns = { QStringLiteral("channel_id"), QStringLiteral("campaign_id"), QStringLiteral("planned_to_date"),
        QStringLiteral("spent_to_date"), QStringLiteral("pace_pct"), QStringLiteral("projected_at_end"),
        QStringLiteral("runs_out_on"), QStringLiteral("light") };
    table.labels
        = { Text::tr("Channel id"), Text::tr("Campaign id"), Text::tr("Planned to date"), Text::tr("Spent to date"),
              Text::tr("Pace"), Text::tr("Projected at end"), Text::tr("Runs out on"), Text::tr("Light") };
    for (const Row& row : std::as_const(rows)) {
        table.rows.append({ ReportCell::text(row.channel), ReportCell::text(row.campaign),
            ReportCell::money(row.pace.plannedCents), ReportCell::money(row.pace.spentCents),
            ReportCell::percent(row.pace.paceHundredths), ReportCell::money(row.pace.projectedCents),
            ReportCell::date(row.pace.runsOutOn), ReportCell::coded(row.pace.light, lightLabel(row.pace.light)) });
    }
    if (spent.isEmpty())
        table.notes << Text::tr("No spend has been imported for these channels yet (agency-os import spend).");
    return table;
}

} // namespace agency::reports
