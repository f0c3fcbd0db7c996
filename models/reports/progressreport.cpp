// SPDX-License-Identifier: GPL-3.0-or-later
#include "progressreport.h"

#include "db/sqlerror.h"
#include "plane/planedirectory.h"
#include "plane/planework.h"
#include "tables/tablespec.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace agency::reports {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(ProgressReport)
    };

    QString stateCode(plane::ReferenceState state)
    {
        switch (state) {
        case plane::ReferenceState::Live:
            return QStringLiteral("live");
        case plane::ReferenceState::Archived:
            return QStringLiteral("archived");
        case plane::ReferenceState::Deleted:
            return QStringLiteral("deleted");
        case plane::ReferenceState::WorkspaceDeleted:
            return QStringLiteral("workspace_deleted");
        case plane::ReferenceState::Missing:
            return QStringLiteral("missing");
        }
        return {};
    }
}

std::optional<ReportTable> progressReport(
    const QSqlDatabase& db, const QDate& asOf, const QString& clientId, QString* error)
{
    const tables::TableSpec& spec = tables::campaignsSpec();
    QSqlQuery query(db);
    if (!execNarrowed(query,
            QStringLiteral("SELECT %1 FROM %2 WHERE %3 IS NULL")
                .arg(tables::idColumn(), spec.table, tables::deletedColumn()),
            spec.parentColumn, clientId, QStringLiteral("ORDER BY %1").arg(tables::idColumn()))) {
        *error = db::reportSqlError(Text::tr("Reading the campaigns"), query.lastError());
        return std::nullopt;
    }
    QStringList campaigns;
    while (query.next())
        campaigns << query.value(0).toString();

    ReportTable table;
    table.title = Text::tr("Work progress");
    table.subtitle = Text::tr("As of %1").arg(QLocale().toString(asOf, QLocale::ShortFormat));
    table.columns = { QStringLiteral("campaign_id"), QStringLiteral("plane_project_id"), QStringLiteral("plane_state"),
        QStringLiteral("issues_done"), QStringLiteral("issues_counted"), QStringLiteral("points_done"),
        QStringLiteral("points_total"), QStringLiteral("spent_pct"), QStringLiteral("elapsed_pct") };
    table.labels = { Text::tr("Campaign id"), Text::tr("Plane project"), Text::tr("In Plane"), Text::tr("Issues done"),
        Text::tr("Issues counted"), Text::tr("Points done"), Text::tr("Points total"), Text::tr("Spent"),
        Text::tr("Time elapsed") };
    const plane::PlaneDirectory directory(db);
    for (const QString& campaign : std::as_const(campaigns)) {
        const plane::CampaignWork work = plane::readCampaignWork(db, campaign, asOf);
        const plane::WorkProgress& progress = work.work;
        QString state;
        if (work.projectId.isEmpty())
            state = QStringLiteral("unlinked");
        else if (directory.isAvailable())
            state = stateCode(directory.projectState(work.projectId));
        const bool counted = progress.available;
        const bool points = counted && progress.estimated;
        table.rows << QList<ReportCell> { ReportCell::text(campaign),
            ReportCell::text(work.projectId.isEmpty() ? QString() : work.projectId), ReportCell::text(state),
            ReportCell::integer(counted ? std::optional<qint64>(progress.done) : std::nullopt),
            ReportCell::integer(counted ? std::optional<qint64>(progress.counted) : std::nullopt),
            ReportCell::hours(points ? std::optional<qint64>(progress.pointsDone) : std::nullopt),
            ReportCell::hours(points ? std::optional<qint64>(progress.pointsTotal) : std::nullopt),
            ReportCell::percent(work.spentShare), ReportCell::percent(work.elapsedShare) };
        if (!work.projectId.isEmpty() && !progress.available && !table.notes.contains(progress.unavailable))
            table.notes << progress.unavailable;
        for (const QString& note : progress.notes)
            if (!table.notes.contains(note))
                table.notes << note;
    }
    return table;
}

} // namespace agency::reports
