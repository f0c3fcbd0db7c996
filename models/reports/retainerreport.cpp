// SPDX-License-Identifier: GPL-3.0-or-later
#include "retainerreport.h"

#include "db/database.h"
#include "db/sqlerror.h"
#include "domain/money.h"
#include "plane/planeschema.h"
#include "tables/columnvalues.h"
#include "tables/tablespec.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

namespace agency::reports {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(RetainerReport)
    };

    // The app's own time entries of a client in [from, until): minutes.
    bool appSeconds(const QSqlDatabase& db, const QString& client, const QDate& from, const QDate& until,
        qint64* seconds, QString* error)
    {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT COALESCE(SUM(minutes), 0) FROM agency_time_entries WHERE client_id = ? "
                                     "AND work_date >= ? AND work_date < ? AND %1 IS NULL")
                          .arg(tables::deletedColumn()));
        query.addBindValue(client);
        query.addBindValue(from.toString(Qt::ISODate));
        query.addBindValue(until.toString(Qt::ISODate));
        if (!query.exec() || !query.next()) {
            *error = db::reportSqlError(Text::tr("Reading the time entries"), query.lastError());
            return false;
        }
        *seconds = query.value(0).toLongLong() * 60;
        return true;
    }
}

std::optional<qint64> RetainerMonth::overageSeconds() const
{
    if (!includedHours)
        return std::nullopt;
    return std::max<qint64>(0, secondsUsed - *includedHours * 3600);
}

std::optional<qint64> RetainerMonth::overageCents() const
{
    const auto over = overageSeconds();
    if (!over)
        return std::nullopt;
    if (*over == 0)
        return 0;
    if (!hourlyRateCents)
        return std::nullopt;
    return (*over * *hourlyRateCents * 2 + 3600) / qint64(3600 * 2);
}

std::optional<qint64> RetainerMonth::invoiceCents() const
{
    const auto over = overageCents();
    if (!over || !retainerCents)
        return std::nullopt;
    return *retainerCents + *over;
}

RetainerReading readRetainer(const QSqlDatabase& db, const QDate& month, const QString& clientId)
{
    RetainerReading reading;
    const tables::TableSpec& spec = tables::clientsSpec();
    const tables::TableSpec& tiers = tables::slaTiersSpec();
    const tables::ColumnSpec& active = *spec.column(spec.columnFor(tables::ColumnRole::Active));
    const QString sql
        = QStringLiteral("SELECT c.%1, c.%2, c.%3, t.%4, t.%5, t.%6, c.%7 FROM %8 c LEFT JOIN %9 t ON t.%1 = "
                         "c.%10 WHERE c.%11 IS NULL")
              .arg(tables::idColumn(), spec.nameColumn, spec.planeColumn(tables::PlaneLink::Workspace)->name,
                  tiers.columnFor(tables::ColumnRole::IncludedHours), tiers.columnFor(tables::ColumnRole::HourlyRate),
                  tiers.columnFor(tables::ColumnRole::Retainer), active.name, spec.table, tiers.table)
              .arg(spec.referenceTo(tiers.table), tables::deletedColumn());
    QSqlQuery query(db);
    if (!execNarrowed(query, sql, QStringLiteral("c.") + tables::idColumn(), clientId)) {
        reading.error = db::reportSqlError(Text::tr("Reading the clients and their tiers"), query.lastError());
        return reading;
    }
    QList<std::pair<RetainerMonth, QString>> clients; // with the workspace
    while (query.next()) {
        if (clientId.isEmpty() && !tables::fromStorage(active, query.value(6)).toBool())
            continue;
        RetainerMonth line;
        line.clientId = query.value(0).toString();
        line.clientName = query.value(1).toString();
        if (!query.value(3).isNull())
            line.includedHours = query.value(3).toLongLong();
        line.hourlyRateCents = storedCents(query.value(4));
        line.retainerCents = storedCents(query.value(5));
        clients.append({ line, query.value(2).toString() });
    }

    // Plane's time logs, where this Plane keeps them.
    bool planeLogs = false;
    bool logsDeleted = false;
    if (db::dialectOf(db) == db::Dialect::PostgreSQL) {
        QString error;
        const QSet<QString> logs = plane::planeColumns(db, { QStringLiteral("issue_time_logs") }, &error)
                                       .value(QStringLiteral("issue_time_logs"));
        planeLogs = logs.contains(QStringLiteral("workspace_id")) && logs.contains(QStringLiteral("date"))
            && logs.contains(QStringLiteral("duration_seconds"));
        logsDeleted = logs.contains(QStringLiteral("deleted_at"));
    }
    const QDate until = month.addMonths(1);
    QSqlQuery plane(db);
    if (planeLogs)
        plane.prepare(QStringLiteral("SELECT COALESCE(SUM(duration_seconds), 0) FROM issue_time_logs WHERE "
                                     "workspace_id = CAST(? AS uuid) AND date >= CAST(? AS date) AND date < CAST(? AS "
                                     "date)%1")
                          .arg(logsDeleted ? QStringLiteral(" AND deleted_at IS NULL") : QString()));
    int fromPlane = 0;
    for (auto& [line, workspace] : clients) {
        if (planeLogs && !workspace.isEmpty()) {
            plane.bindValue(0, workspace);
            plane.bindValue(1, month.toString(Qt::ISODate));
            plane.bindValue(2, until.toString(Qt::ISODate));
            if (!plane.exec() || !plane.next()) {
                reading.error = db::reportSqlError(Text::tr("Reading Plane's time logs"), plane.lastError());
                return reading;
            }
            line.fromPlane = true;
            line.secondsUsed = plane.value(0).toLongLong();
            ++fromPlane;
        } else if (!appSeconds(db, line.clientId, month, until, &line.secondsUsed, &reading.error)) {
            return reading;
        }
        reading.clients << line;
    }
    std::sort(reading.clients.begin(), reading.clients.end(), [](const RetainerMonth& a, const RetainerMonth& b) {
        const int byName = QString::localeAwareCompare(a.clientName, b.clientName);
        return byName != 0 ? byName < 0 : a.clientId < b.clientId;
    });
    if (fromPlane > 0)
        reading.notes << Text::tr("Hours of clients linked to a Plane workspace are Plane's time logs; the others' "
                                  "are the time entries kept in Agency OS.");
    else
        reading.notes << Text::tr("Hours are the time entries kept in Agency OS (this database has no Plane time "
                                  "logs, or no client is linked to a Plane workspace).");
    return reading;
}

std::optional<ReportTable> retainerReport(
    const QSqlDatabase& db, const QDate& month, const QString& clientId, QString* error)
{
    const RetainerReading reading = readRetainer(db, month, clientId);
    if (!reading.error.isEmpty()) {
        *error = reading.error;
        return std::nullopt;
    }
    ReportTable table;
    table.title = Text::tr("Retainer ledger");
    table.subtitle = Text::tr("Hours used in %1 against the hours the tier includes; overage at the tier's rate")
                         .arg(QLocale().toString(month, QStringLiteral("MMMM yyyy")));
    table.columns = { QStringLiteral("client_id"), QStringLiteral("month"), QStringLiteral("hours_included"),
        QStringLiteral("hours_used"), QStringLiteral("overage_hours"), QStringLiteral("hourly_rate"),
        QStringLiteral("monthly_retainer"), QStringLiteral("overage_amount"), QStringLiteral("invoice_total") };
    table.labels = { Text::tr("Client"), Text::tr("Month"), Text::tr("Hours included"), Text::tr("Hours used"),
        Text::tr("Overage (h)"), Text::tr("Hourly rate"), Text::tr("Retainer"), Text::tr("Overage"),
        Text::tr("To invoice") };
    const QString monthText = month.toString(QStringLiteral("yyyy-MM"));
    for (const RetainerMonth& line : reading.clients) {
        const auto over = line.overageSeconds();
        table.rows << QList<ReportCell> { ReportCell::coded(line.clientId, line.clientName),
            ReportCell::text(monthText),
            ReportCell::hours(line.includedHours ? std::optional<qint64>(*line.includedHours * 100) : std::nullopt),
            ReportCell::hours(hundredthsOfHours(line.secondsUsed)),
            ReportCell::hours(over ? std::optional<qint64>(hundredthsOfHours(*over)) : std::nullopt),
            ReportCell::money(line.hourlyRateCents), ReportCell::money(line.retainerCents),
            ReportCell::money(line.overageCents()), ReportCell::money(line.invoiceCents()) };
    }
    table.notes = reading.notes;
    return table;
}

} // namespace agency::reports
