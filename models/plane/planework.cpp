// SPDX-License-Identifier: GPL-3.0-or-later
#include "planework.h"

#include "db/database.h"
#include "db/sqlerror.h"
#include "domain/money.h"
#include "planeschema.h"
#include "reports/financereport.h"
#include "tables/columnvalues.h"
#include "tables/tablerights.h"
#include "tables/tablespec.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

namespace agency::plane {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(PlaneWork)
    };

    std::optional<int> share(qint64 part, qint64 whole)
    {
        if (whole <= 0)
            return std::nullopt;
        return static_cast<int>((part * 10000 * 2 + whole) / (whole * 2));
    }

    // "5", "0.5", "1.25": an estimate point's value as hundredths; nullopt for a category ("M", "XL").
    std::optional<qint64> pointHundredths(const QString& value)
    {
        static const QRegularExpression number(QStringLiteral("^\\s*(\\d{1,9})(?:[.,](\\d{1,2}))?\\s*$"));
        const auto match = number.match(value);
        if (!match.hasMatch())
            return std::nullopt;
        qint64 hundredths = match.captured(1).toLongLong() * 100;
        const QString fraction = match.captured(2);
        if (!fraction.isEmpty())
            hundredths += fraction.size() == 1 ? fraction.toLongLong() * 10 : fraction.toLongLong();
        return hundredths;
    }
}

std::optional<int> WorkProgress::doneShare() const
{
    return share(done, counted);
}

std::optional<int> WorkProgress::pointsShare() const
{
    return estimated ? share(pointsDone, pointsTotal) : std::nullopt;
}

WorkProgress readWorkProgress(const QSqlDatabase& db, const QString& projectId)
{
    WorkProgress work;
    if (db::dialectOf(db) != db::Dialect::PostgreSQL) {
        work.unavailable = Text::tr("Plane's work is read from its PostgreSQL database; this is an SQLite file.");
        return work;
    }
    QString error;
    const auto columns = planeColumns(
        db, { QStringLiteral("issues"), QStringLiteral("states"), QStringLiteral("estimate_points") }, &error);
    if (!error.isEmpty()) {
        work.unavailable = Text::tr("Plane's tables could not be read: %1").arg(error);
        return work;
    }
    const QSet<QString> issues = columns.value(QStringLiteral("issues"));
    const QSet<QString> states = columns.value(QStringLiteral("states"));
    const QSet<QString> points = columns.value(QStringLiteral("estimate_points"));
    for (const auto& [set, table, needed] :
        { std::tuple { &issues, QStringLiteral("issues"),
              QStringList { QStringLiteral("project_id"), QStringLiteral("state_id") } },
            std::tuple {
                &states, QStringLiteral("states"), QStringList { QStringLiteral("id"), QStringLiteral("group") } } }) {
        if (set->isEmpty()) {
            work.unavailable
                = Text::tr("This Plane database has no %1 table (or this role may not read it).").arg(table);
            return work;
        }
        for (const QString& column : needed) {
            if (!set->contains(column)) {
                work.unavailable
                    = Text::tr("Plane's %1 table has no %2 column in this Plane version.").arg(table, column);
                return work;
            }
        }
    }

    QStringList where { QStringLiteral("i.project_id = CAST(? AS uuid)") };
    auto leaveOut = [&](const QString& column, const QString& condition, const QString& what) {
        if (issues.contains(column))
            where << condition;
        else
            work.notes << Text::tr("%1 cannot be told apart in this Plane version (no issues.%2): they are counted.")
                              .arg(what, column);
    };
    leaveOut(QStringLiteral("deleted_at"), QStringLiteral("i.deleted_at IS NULL"), Text::tr("Deleted issues"));
    leaveOut(QStringLiteral("archived_at"), QStringLiteral("i.archived_at IS NULL"), Text::tr("Archived issues"));
    leaveOut(QStringLiteral("is_draft"), QStringLiteral("i.is_draft IS NOT TRUE"), Text::tr("Drafts"));
    QString stateJoin = QStringLiteral("LEFT JOIN states s ON s.id = i.state_id");
    QString triage = QStringLiteral("s.\"group\" = 'triage'");
    if (states.contains(QStringLiteral("is_triage")))
        triage = QStringLiteral("(s.\"group\" = 'triage' OR s.is_triage IS TRUE)");
    const bool estimates = issues.contains(QStringLiteral("estimate_point_id")) && points.contains(QStringLiteral("id"))
        && points.contains(QStringLiteral("value"));
    QString pointJoin;
    QString pointValue = QStringLiteral("NULL");
    if (estimates) {
        pointJoin = QStringLiteral(" LEFT JOIN estimate_points ep ON ep.id = i.estimate_point_id")
            + (points.contains(QStringLiteral("deleted_at")) ? QStringLiteral(" AND ep.deleted_at IS NULL")
                                                             : QString());
        pointValue = QStringLiteral("ep.value");
    }
    const QString completed = issues.contains(QStringLiteral("completed_at"))
        ? QStringLiteral("to_char(i.completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')")
        : QStringLiteral("NULL");
    const QString sql
        = QStringLiteral("SELECT s.\"group\", %1, %2, %3 FROM issues i %4%5 WHERE %6")
              .arg(triage, pointValue, completed, stateJoin, pointJoin, where.join(QStringLiteral(" AND ")));
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(sql);
    query.addBindValue(projectId);
    if (!query.exec()) {
        work.unavailable = db::reportSqlError(Text::tr("Reading the project's issues from Plane"), query.lastError());
        return work;
    }
    bool categories = false;
    while (query.next()) {
        const QString group = query.value(0).toString();
        if (query.value(1).toBool() || group == QStringLiteral("cancelled"))
            continue; // in triage (not accepted yet) or cancelled: not work to be done
        ++work.counted;
        const bool isDone = group == QStringLiteral("completed");
        if (isDone) {
            ++work.done;
            if (const QDate on = QDate::fromString(query.value(3).toString(), Qt::ISODate); on.isValid())
                work.doneOn << on;
        }
        if (query.value(2).isNull())
            continue;
        if (const auto value = pointHundredths(query.value(2).toString())) {
            work.estimated = true;
            work.pointsTotal += *value;
            if (isDone)
                work.pointsDone += *value;
        } else {
            categories = true;
        }
    }
    std::sort(work.doneOn.begin(), work.doneOn.end());
    if (categories && !work.estimated)
        work.notes << Text::tr("The project estimates in categories, not points: its progress is counted in issues.");
    work.available = true;
    return work;
}

bool CampaignWork::spendAhead() const
{
    const auto workShare = work.pointsShare() ? work.pointsShare() : work.doneShare();
    return spentShare && workShare && *spentShare - *workShare > 1000;
}

CampaignWork readCampaignWork(const QSqlDatabase& db, const QString& campaignId, const QDate& asOf)
{
    CampaignWork result;
    const tables::TableSpec& spec = tables::campaignsSpec();
    const tables::ColumnSpec* project = spec.planeColumn(tables::PlaneLink::Project);
    // What the role may not read is read as NULL (no flag for spend ahead of work without the spend).
    const QSet<QString> hidden = tables::TableRights::on(db, spec.table).hidden();
    const auto readable
        = [&](const QString& column) { return hidden.contains(column) ? QStringLiteral("NULL") : column; };
    const QString allocated = readable(spec.columnFor(tables::ColumnRole::Allocated));
    const QString spent = readable(spec.columnFor(tables::ColumnRole::Spent));
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT %1, %2, %3, %4, %5 FROM %6 WHERE %7 = ?")
                      .arg(project ? project->name : QStringLiteral("NULL"), allocated, spent, spec.startColumn,
                          spec.endColumn, spec.table, tables::idColumn()));
    query.addBindValue(campaignId);
    if (!query.exec() || !query.next()) {
        result.work.unavailable = query.lastError().isValid()
            ? db::reportSqlError(Text::tr("Reading the campaign"), query.lastError())
            : Text::tr("The campaign is not there.");
        return result;
    }
    result.projectId = query.value(0).toString();
    reports::CampaignLine line;
    line.allocated = query.value(1).isNull() ? std::nullopt : domain::Money::parse(query.value(1).toString());
    line.spent = query.value(2).isNull() ? std::nullopt : domain::Money::parse(query.value(2).toString());
    line.start = tables::fromStorage(*spec.column(spec.startColumn), query.value(3)).toDate();
    line.end = tables::fromStorage(*spec.column(spec.endColumn), query.value(4)).toDate();
    result.spentShare = line.spentShare();
    result.elapsedShare = line.elapsedShare(asOf);
    result.start = line.start;
    result.end = line.end;
    result.asOf = asOf;
    if (result.projectId.isEmpty()) {
        result.work.unavailable = Text::tr("This campaign is not linked to a Plane project.");
        return result;
    }
    result.work = readWorkProgress(db, result.projectId);
    return result;
}

} // namespace agency::plane
