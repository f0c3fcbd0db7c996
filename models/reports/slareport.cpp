// SPDX-License-Identifier: GPL-3.0-or-later
#include "slareport.h"

#include "db/database.h"
#include "db/sqlerror.h"
#include "plane/planeschema.h"
#include "tables/tablespec.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

namespace agency::reports {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(SlaReport)
    };

    QString utcStart(const QDate& day)
    {
        return QDateTime(day, QTime(0, 0), Qt::UTC).toString(Qt::ISODate);
    }

    // The clients the report covers: live, linked to a Plane workspace, with their tier's response time.
    bool readClients(
        const QSqlDatabase& db, const QString& clientId, QList<ClientSla>* clients, QStringList* notes, QString* error)
    {
        const tables::TableSpec& spec = tables::clientsSpec();
        const tables::TableSpec& tiers = tables::slaTiersSpec();
        const tables::ColumnSpec* workspace = spec.planeColumn(tables::PlaneLink::Workspace);
        const QString sql
            = QStringLiteral("SELECT c.%1, c.%2, t.%3, c.%4 FROM %5 c LEFT JOIN %6 t ON t.%1 = c.%7 "
                             "WHERE c.%8 IS NULL")
                  .arg(tables::idColumn(), spec.nameColumn, tiers.columnFor(tables::ColumnRole::ResponseHours),
                      workspace->name, spec.table, tiers.table, spec.referenceTo(tiers.table), tables::deletedColumn());
        QSqlQuery query(db);
        if (!execNarrowed(query, sql, QStringLiteral("c.") + tables::idColumn(), clientId)) {
            *error = db::reportSqlError(Text::tr("Reading the clients"), query.lastError());
            return false;
        }
        int unlinked = 0;
        while (query.next()) {
            if (query.value(3).isNull()) {
                ++unlinked;
                continue;
            }
            ClientSla client;
            client.clientId = query.value(0).toString();
            client.clientName = query.value(1).toString();
            client.workspaceId = query.value(3).toString();
            if (!query.value(2).isNull())
                client.allowedHours = query.value(2).toInt();
            clients->append(client);
        }
        if (unlinked > 0)
            notes->append(Text::tr("%n client(s) linked to no Plane workspace: not measured.", nullptr, unlinked));
        std::sort(clients->begin(), clients->end(), [](const ClientSla& a, const ClientSla& b) {
            const int byName = QString::localeAwareCompare(a.clientName, b.clientName);
            return byName != 0 ? byName < 0 : a.clientId < b.clientId;
        });
        return true;
    }
}

std::optional<qint64> SlaIssue::responseSeconds(const domain::BusinessHours& hours) const
{
    return respondedAt ? std::optional<qint64>(hours.secondsBetween(createdAt, *respondedAt)) : std::nullopt;
}

std::optional<qint64> quantileHundredths(const QList<qint64>& seconds, int tenths)
{
    if (seconds.isEmpty())
        return std::nullopt;
    // Position tenths × (n − 1) / 10: the value there, and the share of the way to the next, in tenths.
    const qint64 scaled = qint64(tenths) * (seconds.size() - 1);
    const qsizetype low = scaled / 10;
    const qint64 part = scaled % 10;
    const qint64 next = low + 1 < seconds.size() ? seconds.at(low + 1) : seconds.at(low);
    const qint64 tenthSeconds = seconds.at(low) * 10 + part * (next - seconds.at(low));
    // Hundredths of an hour, half up: tenthSeconds × 100 / 36000.
    return (tenthSeconds * 100 * 2 + 36000) / qint64(36000 * 2);
}

SlaReading readSla(const QSqlDatabase& db, const QDate& month, const QString& clientId, const QDateTime& now,
    const domain::BusinessHours& hours)
{
    SlaReading reading;
    reading.hours = hours;
    if (db::dialectOf(db) != db::Dialect::PostgreSQL) {
        reading.unavailable = Text::tr("Plane's work is read from its PostgreSQL database; this is an SQLite file.");
        return reading;
    }
    QString error;
    const auto columns = plane::planeColumns(db,
        { QStringLiteral("issues"), QStringLiteral("projects"), QStringLiteral("states"),
            QStringLiteral("issue_comments"), QStringLiteral("issue_activities") },
        &error);
    if (!error.isEmpty()) {
        reading.unavailable = Text::tr("Plane's tables could not be read: %1").arg(error);
        return reading;
    }
    const QSet<QString> issues = columns.value(QStringLiteral("issues"));
    for (const char* needed : { "id", "workspace_id", "created_at" }) {
        if (!issues.contains(QString::fromLatin1(needed))) {
            reading.unavailable = issues.isEmpty()
                ? Text::tr("This Plane database has no issues table (or this role may not read it).")
                : Text::tr("Plane's issues table has no %1 column in this Plane version.")
                      .arg(QString::fromLatin1(needed));
            return reading;
        }
    }
    if (!readClients(db, clientId, &reading.clients, &reading.notes, &error)) {
        reading.error = error;
        return reading;
    }
    reading.available = true;
    if (reading.clients.isEmpty())
        return reading;

    QStringList where { QStringLiteral("i.workspace_id = ANY (CAST(? AS uuid[]))"),
        QStringLiteral("i.created_at >= CAST(? AS timestamptz)"),
        QStringLiteral("i.created_at < CAST(? AS timestamptz)") };
    if (issues.contains(QStringLiteral("deleted_at")))
        where << QStringLiteral("i.deleted_at IS NULL");
    else
        reading.notes << Text::tr("Deleted issues cannot be told apart in this Plane version: they are counted.");
    if (issues.contains(QStringLiteral("is_draft")))
        where << QStringLiteral("i.is_draft IS NOT TRUE");
    else
        reading.notes << Text::tr("Drafts cannot be told apart in this Plane version: they are counted.");
    const QSet<QString> comments = columns.value(QStringLiteral("issue_comments"));
    const bool creator = issues.contains(QStringLiteral("created_by_id"));
    QStringList responses;
    if (comments.contains(QStringLiteral("issue_id")) && comments.contains(QStringLiteral("created_at"))) {
        QStringList conditions { QStringLiteral("m.issue_id = i.id") };
        if (comments.contains(QStringLiteral("deleted_at")))
            conditions << QStringLiteral("m.deleted_at IS NULL");
        const QString author = comments.contains(QStringLiteral("actor_id"))
            ? QStringLiteral("COALESCE(m.actor_id, m.created_by_id)")
            : QStringLiteral("m.created_by_id");
        if (creator && comments.contains(QStringLiteral("created_by_id")))
            conditions << author + QStringLiteral(" IS DISTINCT FROM i.created_by_id");
        responses << QStringLiteral("(SELECT min(m.created_at) FROM issue_comments m WHERE %1)")
                         .arg(conditions.join(QStringLiteral(" AND ")));
    } else {
        reading.notes << Text::tr("This Plane database keeps no comments: only moves into a started state count.");
    }
    const QSet<QString> moves = columns.value(QStringLiteral("issue_activities"));
    const QSet<QString> states = columns.value(QStringLiteral("states"));
    if (moves.contains(QStringLiteral("issue_id")) && moves.contains(QStringLiteral("field"))
        && moves.contains(QStringLiteral("new_identifier")) && states.contains(QStringLiteral("group"))) {
        responses << QStringLiteral("(SELECT min(a.created_at) FROM issue_activities a JOIN states s ON s.id = "
                                    "a.new_identifier WHERE a.issue_id = i.id AND a.field = 'state' AND s.\"group\" = "
                                    "'started')");
    } else {
        reading.notes << Text::tr("This Plane database keeps no state changes: only comments count.");
    }
    const QString responded = responses.isEmpty() ? QStringLiteral("NULL")
        : responses.size() == 1                   ? responses.constFirst()
                                : QStringLiteral("least(%1)").arg(responses.join(QStringLiteral(", ")));
    const bool named = columns.value(QStringLiteral("projects")).contains(QStringLiteral("identifier"))
        && issues.contains(QStringLiteral("project_id")) && issues.contains(QStringLiteral("sequence_id"));
    const QString sql
        = QStringLiteral(
            "SELECT i.id, %1, %2, floor(extract(epoch FROM i.created_at))::bigint, "
            "floor(extract(epoch FROM %3))::bigint, CAST(i.workspace_id AS text) FROM issues i %4 WHERE %5 "
            "ORDER BY i.created_at, i.id")
              .arg(issues.contains(QStringLiteral("name")) ? QStringLiteral("i.name") : QStringLiteral("NULL"),
                  named ? QStringLiteral("p.identifier || '-' || i.sequence_id") : QStringLiteral("NULL"), responded,
                  named ? QStringLiteral("LEFT JOIN projects p ON p.id = i.project_id") : QString(),
                  where.join(QStringLiteral(" AND ")));
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        reading.available = false;
        reading.error = db::reportSqlError(Text::tr("Reading the issues from Plane"), query.lastError());
        return reading;
    }
    const QString from = utcStart(month);
    const QString until = utcStart(month.addMonths(1));
    const qint64 nowSeconds = now.toSecsSinceEpoch();
    // One read for every client's workspace (a client per workspace, as a rule; two sharing one each count its
    // issues), grouped here: one pass over the month's issues instead of one per client.
    QHash<QString, QList<qsizetype>> byWorkspace;
    QStringList workspaces;
    for (qsizetype i = 0; i < reading.clients.size(); ++i) {
        const QString workspace = reading.clients.at(i).workspaceId.toLower();
        if (!byWorkspace.contains(workspace))
            workspaces << workspace;
        byWorkspace[workspace] << i;
    }
    query.bindValue(0, QStringLiteral("{%1}").arg(workspaces.join(u',')));
    query.bindValue(1, from);
    query.bindValue(2, until);
    if (!query.exec()) {
        reading.available = false;
        reading.error = db::reportSqlError(Text::tr("Reading the issues from Plane"), query.lastError());
        return reading;
    }
    QList<QList<qint64>> times(reading.clients.size());
    while (query.next()) {
        SlaIssue issue;
        issue.id = query.value(0).toString();
        issue.name = query.value(1).toString();
        issue.identifier = query.value(2).toString();
        issue.createdAt = query.value(3).toLongLong();
        if (!query.value(4).isNull())
            issue.respondedAt = query.value(4).toLongLong();
        for (const qsizetype index : byWorkspace.value(query.value(5).toString().toLower())) {
            ClientSla& client = reading.clients[index];
            const qint64 allowed = client.allowedHours ? qint64(*client.allowedHours) * 3600 : -1;
            ++client.issues;
            if (const auto seconds = issue.responseSeconds(reading.hours)) {
                ++client.responded;
                times[index] << *seconds;
                if (allowed >= 0 && *seconds > allowed)
                    client.breaches << issue;
            } else if (allowed >= 0) {
                const qint64 waited = reading.hours.secondsBetween(issue.createdAt, nowSeconds);
                if (waited > allowed)
                    client.breaches << issue;
                else if (allowed - waited < std::max<qint64>(3600, allowed / 4))
                    client.aboutToBreach << issue;
            }
        }
    }
    for (qsizetype i = 0; i < reading.clients.size(); ++i) {
        std::sort(times[i].begin(), times[i].end());
        reading.clients[i].medianHundredths = quantileHundredths(times.at(i), 5);
        reading.clients[i].p90Hundredths = quantileHundredths(times.at(i), 9);
    }
    return reading;
}

std::optional<ReportTable> slaReport(const QSqlDatabase& db, const QDate& month, const QString& clientId,
    const QDateTime& now, const domain::BusinessHours& hours, QString* error)
{
    const SlaReading reading = readSla(db, month, clientId, now, hours);
    ReportTable table;
    table.title = Text::tr("Response times");
    table.subtitle = hours.isCalendar()
        ? Text::tr("Requests written in %1 (UTC), first responses against the tier's response time")
              .arg(QLocale().toString(month, QStringLiteral("MMMM yyyy")))
        : Text::tr("Requests written in %1 (UTC), first responses against the tier's response time in business "
                   "hours: %2")
              .arg(QLocale().toString(month, QStringLiteral("MMMM yyyy")), hours.describe());
    table.columns = { QStringLiteral("client_id"), QStringLiteral("month"), QStringLiteral("issues"),
        QStringLiteral("responded"), QStringLiteral("median_response_hours"), QStringLiteral("p90_response_hours"),
        QStringLiteral("breaches"), QStringLiteral("response_time_hours") };
    table.labels = { Text::tr("Client"), Text::tr("Month"), Text::tr("Issues"), Text::tr("Responded"),
        Text::tr("Median (h)"), Text::tr("90th percentile (h)"), Text::tr("Breaches"), Text::tr("Allowed (h)") };
    if (!reading.error.isEmpty()) {
        *error = reading.error;
        return std::nullopt;
    }
    if (!reading.available) {
        table.notes << reading.unavailable;
        return table;
    }
    const QString monthText = month.toString(QStringLiteral("yyyy-MM"));
    for (const ClientSla& client : reading.clients) {
        table.rows << QList<ReportCell> { ReportCell::coded(client.clientId, client.clientName),
            ReportCell::text(monthText), ReportCell::integer(client.issues), ReportCell::integer(client.responded),
            ReportCell::hours(client.medianHundredths), ReportCell::hours(client.p90Hundredths),
            ReportCell::integer(client.allowedHours ? std::optional<qint64>(client.breaches.size()) : std::nullopt),
            ReportCell::integer(client.allowedHours ? std::optional<qint64>(*client.allowedHours) : std::nullopt) };
        // The PDF names each client's first breaches and those about to breach; the CSV counts them all.
        constexpr qsizetype named = 10;
        for (const SlaIssue& issue : client.breaches.mid(0, named))
            table.notes << Text::tr("%1: breach %2 %3").arg(client.clientName, issue.identifier, issue.name);
        if (client.breaches.size() > named)
            table.notes << Text::tr("%1: %2 more breaches").arg(client.clientName).arg(client.breaches.size() - named);
        for (const SlaIssue& issue : client.aboutToBreach)
            table.notes << Text::tr("%1: about to breach %2 %3").arg(client.clientName, issue.identifier, issue.name);
    }
    table.notes << reading.notes;
    return table;
}

} // namespace agency::reports
