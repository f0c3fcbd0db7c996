// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportplan.h"

#include "db/database.h"
#include "tables/keysetpager.h"
#include "tables/lookupnames.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <algorithm>

namespace agency::exporting::plan {

using tables::ColumnKind;
using tables::ColumnSpec;

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(TableExport)
    };

    bool isTextKind(ColumnKind kind)
    {
        return kind == ColumnKind::Text || kind == ColumnKind::Choice || kind == ColumnKind::JsonObject
            || kind == ColumnKind::JsonArray || kind == ColumnKind::Kpis;
    }

    QString postgresText(const ColumnSpec& column)
    {
        QString c = QStringLiteral("t.") + column.name;
        switch (column.kind) {
        case ColumnKind::Text:
        case ColumnKind::Choice:
            return c;
        case ColumnKind::Date:
            return QStringLiteral("to_char(%1, 'YYYY-MM-DD')").arg(c);
        case ColumnKind::Instant:
            return QStringLiteral("to_char(%1 AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')").arg(c);
        case ColumnKind::Boolean:
            return QStringLiteral("CASE WHEN %1 THEN 'true' WHEN NOT %1 THEN 'false' END").arg(c);
        default:
            return c + QStringLiteral("::text");
        }
    }

    // SQLite holds text, money, percent and dates as the exported text already (the schema's CHECKs keep them
    // canonical), so the direct path reads every column as stored; instants and booleans are finished in
    // DirectFormat below.
    QString sqliteText(const ColumnSpec& column)
    {
        return QStringLiteral("t.") + column.name;
    }
}

QList<Column> planFor(const QString& table)
{
    QList<Column> columns;
    const tables::TableSpec* spec = tables::specFor(table);
    if (!spec)
        return columns;
    for (const ColumnSpec& column : spec->columns)
        columns.append(
            { column.name, Source::Own, &column, isTextKind(column.kind), postgresText(column), sqliteText(column) });
    // The lookups the spec declares. Through a campaign (a channel), the campaign's part comes from `k` on
    // SQLite's direct path (sqliteExportSelect), and the effective budget is worked out from helper columns.
    const bool throughCampaign = spec->exportLookups.contains(tables::ExportLookup::CampaignLabel);
    for (const tables::ExportLookup lookup : spec->exportLookups) {
        switch (lookup) {
        case tables::ExportLookup::TierName:
            columns.append({ QStringLiteral("sla_tier_name"), Source::LookupText, nullptr, true,
                QStringLiteral("tier.name"), QStringLiteral("tier.name") });
            break;
        case tables::ExportLookup::ClientName:
            columns.append(
                { QStringLiteral("client_name"), Source::LookupText, nullptr, true, QStringLiteral("cl.client_name"),
                    throughCampaign ? QStringLiteral("k.client_name") : QStringLiteral("cl.client_name") });
            break;
        case tables::ExportLookup::CampaignLabel:
            columns.append({ QStringLiteral("campaign_label"), Source::CampaignLabel, nullptr, true,
                tables::LookupNames::labelSql(db::Dialect::PostgreSQL, QStringLiteral("p_name")),
                QStringLiteral("k.label") });
            break;
        case tables::ExportLookup::EffectiveBudget:
            columns.append({ QStringLiteral("effective_budget"), Source::EffectiveBudget, nullptr, false,
                QStringLiteral(
                    "COALESCE(t.budget_amount, round(c.budget_allocated * t.budget_percentage / 100, 2))::text"),
                QStringLiteral("NULL") });
            break;
        }
    }
    return columns;
}

// Whether the lookups of `table` go through a campaign (a channel's): its label, client and allocation.
bool throughCampaign(const QString& table)
{
    const tables::TableSpec* spec = tables::specFor(table);
    return spec && spec->exportLookups.contains(tables::ExportLookup::CampaignLabel);
}

QString joinsFor(const QString& table, Joins joins)
{
    const tables::TableSpec* spec = tables::specFor(table);
    if (!spec)
        return {};
    if (!throughCampaign(table)) {
        QString direct;
        if (spec->exportLookups.contains(tables::ExportLookup::TierName))
            direct += QStringLiteral(" LEFT JOIN agency_sla_tiers tier ON tier.id = t.sla_tier_id");
        if (spec->exportLookups.contains(tables::ExportLookup::ClientName))
            direct += QStringLiteral(" JOIN agency_clients cl ON cl.id = t.client_id");
        return direct;
    }
    QString campaignAndClient = QStringLiteral(
        " JOIN agency_campaigns c ON c.id = t.campaign_id JOIN agency_clients cl ON cl.id = c.client_id");
    switch (joins) {
    case Joins::PostgresWithPlane:
        return campaignAndClient
            + QStringLiteral(" LEFT JOIN LATERAL (SELECT p.name AS p_name FROM projects p WHERE p.id = "
                             "c.plane_project_id AND p.deleted_at IS NULL) pn ON true");
    case Joins::Postgres:
        return campaignAndClient
            + QStringLiteral(" LEFT JOIN LATERAL (SELECT CAST(NULL AS text) AS p_name) pn ON true");
    case Joins::SQLite: // no LATERAL in SQLite, and no Plane either
        return campaignAndClient;
    case Joins::SQLiteDirect:
        return QStringLiteral(" JOIN k ON k.id = t.campaign_id");
    }
    return {};
}

// FROM … WHERE … ORDER BY …, shared by every path.
QString fromClause(const ExportRequest& request, Joins joins, const QSqlDriver* driver)
{
    // The view's rows, by the same filter the table model reads them with.
    const tables::TableSpec* spec = tables::specFor(request.table);
    QStringList own;
    for (const ColumnSpec& column : spec ? spec->columns : QList<ColumnSpec> {})
        own << (request.hidden.contains(column.name) ? QStringLiteral("NULL AS ") + column.name : column.name);
    QString base = QStringLiteral("SELECT %1 FROM %2")
                       .arg(own.isEmpty() ? QStringLiteral("*") : own.join(QStringLiteral(", ")), request.table);
    // (A search leaves out what the role may not read.)
    if (const QString where
        = spec ? request.filter.sql(tables::searchableSpec(*spec, request.hidden), driver) : QString();
        !where.isEmpty())
        base += QStringLiteral(" WHERE ") + where;
    const bool sqlite = joins == Joins::SQLite || joins == Joins::SQLiteDirect;
    // The view's order, exactly as the table model reads it: a reference by the name it shows, money as a
    // number, NULLs in the same place on both backends, ties by id.
    const tables::ColumnSpec* sortSpec
        = spec && !request.sortColumn.isEmpty() ? spec->column(request.sortColumn) : nullptr;
    const QString sortBy = sortSpec ? tables::KeysetPager::sortExpression(*sortSpec, QStringLiteral("t"),
                               sqlite ? db::Dialect::SQLite : db::Dialect::PostgreSQL, request.sortCollate)
                                    : QString();
    return QStringLiteral(" FROM (%1) t%2 ").arg(base, joinsFor(request.table, joins))
        + tables::KeysetPager::orderBy(sortBy, QStringLiteral("t.id"), request.sortOrder == Qt::DescendingOrder,
            sortSpec && tables::KeysetPager::neverNull(*sortSpec));
}

// Positions in the full plan of the columns the request wants, or an error naming an unknown one.
std::optional<QList<int>> selection(const QList<Column>& plan, const QStringList& wanted, QString* error)
{
    QList<int> picked;
    if (wanted.isEmpty()) {
        for (int i = 0; i < plan.size(); ++i)
            picked << i;
        return picked;
    }
    for (const QString& name : wanted) {
        const auto it = std::find_if(plan.cbegin(), plan.cend(), [&](const Column& c) { return c.header == name; });
        if (it == plan.cend()) {
            *error = Text::tr("unknown export column '%1'").arg(name);
            return std::nullopt;
        }
        picked << static_cast<int>(it - plan.cbegin());
    }
    return picked;
}

bool planeAvailable(QSqlDatabase db)
{
    if (db::dialectOf(db) != db::Dialect::PostgreSQL)
        return false;
    QSqlQuery query(db);
    return query.exec(QStringLiteral("SELECT to_regclass('projects') IS NOT NULL")) && query.next()
        && query.value(0).toBool();
}

} // namespace agency::exporting::plan
