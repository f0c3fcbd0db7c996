// SPDX-License-Identifier: GPL-3.0-or-later
#include "builders.h"

#include "scratchdatabase.h"

#include <QList>
#include <QPair>
#include <QStringList>
#include <QUuid>

namespace agency::test {

namespace {

    using Values = QList<QPair<const char*, QVariant>>;

    // INSERT of the columns given a value (an invalid QVariant: left out, so the schema's default applies).
    QString insert(QSqlDatabase db, const char* table, const QString& id, const Values& values)
    {
        QStringList columns { QStringLiteral("id") };
        QVariantList bind { id };
        for (const auto& [column, value] : values) {
            if (!value.isValid())
                continue;
            columns << QString::fromLatin1(column);
            bind << value;
        }
        const QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                .arg(QString::fromLatin1(table), columns.join(QStringLiteral(", ")),
                                    QStringList(columns.size(), QStringLiteral("?")).join(QStringLiteral(", ")));
        return execute(db, sql, bind) ? id : QString();
    }

} // namespace

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString add(QSqlDatabase db, const Tier& row)
{
    return insert(db, "agency_sla_tiers", row.id,
        { { "name", row.name }, { "priority", row.priority }, { "description", row.description },
            { "response_time_hours", row.responseTimeHours }, { "monthly_hours_included", row.monthlyHoursIncluded },
            { "hourly_rate", row.hourlyRate }, { "monthly_retainer", row.monthlyRetainer },
            { "features", row.features } });
}

QString add(QSqlDatabase db, const Client& row)
{
    return insert(db, "agency_clients", row.id,
        { { "client_name", row.name }, { "client_type", row.type }, { "sla_tier_id", row.tier },
            { "client_legal_name", row.legalName }, { "industry", row.industry }, { "is_active", row.active },
            { "internal_notes", row.notes }, { "plane_workspace_id", row.workspace },
            { "contract_start_date", row.contractStart }, { "contract_end_date", row.contractEnd },
            { "deleted_at", row.deletedAt } });
}

QString add(QSqlDatabase db, const Campaign& row)
{
    return insert(db, "agency_campaigns", row.id,
        { { "client_id", row.client }, { "campaign_type", row.type }, { "status", row.status },
            { "budget_allocated", row.allocated }, { "budget_spent", row.spent }, { "start_date", row.start },
            { "end_date", row.end }, { "target_kpis", row.targetKpis }, { "actual_kpis", row.actualKpis },
            { "metadata", row.metadata }, { "plane_project_id", row.project }, { "campaign_brief", row.brief },
            { "internal_notes", row.notes }, { "deleted_at", row.deletedAt } });
}

QString add(QSqlDatabase db, const Channel& row)
{
    return insert(db, "agency_campaign_channels", row.id,
        { { "campaign_id", row.campaign }, { "channel_type", row.type }, { "budget_percentage", row.percentage },
            { "budget_amount", row.amount }, { "is_active", row.active }, { "performance_data", row.performance },
            { "external_account_id", row.account }, { "external_campaign_id", row.externalCampaign },
            { "notes", row.notes }, { "deleted_at", row.deletedAt } });
}

QString add(QSqlDatabase db, const TimeEntry& row)
{
    return insert(db, "agency_time_entries", row.id,
        { { "client_id", row.client }, { "campaign_id", row.campaign }, { "plane_issue_id", row.issue },
            { "person", row.person }, { "work_date", row.date }, { "minutes", row.minutes }, { "note", row.note },
            { "source", row.source }, { "external_id", row.externalId }, { "deleted_at", row.deletedAt } });
}

} // namespace agency::test
