// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablespec.h"

#include "domain/vocabulary.h"

#include <QCoreApplication>
#include <algorithm>

namespace agency::tables {

namespace {
    // created_at, updated_at, deleted_at: the database's own, never written by the app.
    QList<ColumnSpec> audit()
    {
        return {
            { .name = createdColumn(), .kind = ColumnKind::Instant, .label = QT_TRANSLATE_NOOP("Column", "Created") },
            { .name = stampColumn(), .kind = ColumnKind::Instant, .label = QT_TRANSLATE_NOOP("Column", "Updated") },
            { .name = deletedColumn(), .kind = ColumnKind::Instant, .label = QT_TRANSLATE_NOOP("Column", "Deleted") },
        };
    }

    ColumnSpec primaryKey()
    {
        return {
            .name = idColumn(), .kind = ColumnKind::Uuid, .label = QT_TRANSLATE_NOOP("Column", "ID"), .required = true
        };
    }
}

int TableSpec::indexOf(const QString& name) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns.at(i).name == name)
            return i;
    }
    return -1;
}

const ColumnSpec* TableSpec::column(const QString& name) const
{
    const int i = indexOf(name);
    return i < 0 ? nullptr : &columns.at(i);
}

const ColumnSpec* TableSpec::namingColumn() const
{
    const auto it = std::find_if(columns.cbegin(), columns.cend(), [](const ColumnSpec& c) { return c.holdsName; });
    return it == columns.cend() ? nullptr : &*it;
}

QString TableSpec::columnFor(ColumnRole role) const
{
    const auto it = std::find_if(columns.cbegin(), columns.cend(), [&](const ColumnSpec& c) { return c.role == role; });
    return it == columns.cend() ? QString() : it->name;
}

QString TableSpec::referenceTo(const QString& other) const
{
    const auto it
        = std::find_if(columns.cbegin(), columns.cend(), [&](const ColumnSpec& c) { return c.references == other; });
    return it == columns.cend() ? QString() : it->name;
}

const ColumnSpec* TableSpec::planeColumn(PlaneLink link) const
{
    const auto it
        = std::find_if(columns.cbegin(), columns.cend(), [&](const ColumnSpec& c) { return c.plane == link; });
    return it == columns.cend() ? nullptr : &*it;
}

const TableSpec& slaTiersSpec()
{
    static const TableSpec spec {
        .table = QStringLiteral("agency_sla_tiers"),
        .commandName = QStringLiteral("sla-tiers"),
        .columns = QList<ColumnSpec> {
            primaryKey(),
            { .name = QStringLiteral("name"), .label = QT_TRANSLATE_NOOP("Column", "Name"), .size = 100,
                .required = true },
            { .name = QStringLiteral("description"), .label = QT_TRANSLATE_NOOP("Column", "Description"),
                .multiline = true },
            { .name = QStringLiteral("response_time_hours"), .kind = ColumnKind::Integer,
                .label = QT_TRANSLATE_NOOP("Column", "Response time (h)"), .nonNegative = true,
                .role = ColumnRole::ResponseHours },
            { .name = QStringLiteral("monthly_hours_included"), .kind = ColumnKind::Integer,
                .label = QT_TRANSLATE_NOOP("Column", "Hours included / month"), .nonNegative = true,
                .role = ColumnRole::IncludedHours },
            { .name = QStringLiteral("hourly_rate"), .kind = ColumnKind::Money,
                .label = QT_TRANSLATE_NOOP("Column", "Hourly rate"), .size = 6, .role = ColumnRole::HourlyRate },
            { .name = QStringLiteral("monthly_retainer"), .kind = ColumnKind::Money,
                .label = QT_TRANSLATE_NOOP("Column", "Monthly retainer"), .size = 8, .role = ColumnRole::Retainer },
            { .name = QStringLiteral("features"), .kind = ColumnKind::JsonArray,
                .label = QT_TRANSLATE_NOOP("Column", "Features"), .newRowValue = QStringLiteral("[]") },
            { .name = QStringLiteral("priority"), .kind = ColumnKind::Integer,
                .label = QT_TRANSLATE_NOOP("Column", "Priority"), .newRowValue = 0 },
        } + audit(),
        .sortColumn = QStringLiteral("priority"),
        .nameColumn = QStringLiteral("name"),
        .pickerOrder = QStringLiteral("x.priority, x.name{collate}"),
        .users = { { QStringLiteral("agency_clients"), QStringLiteral("sla_tier_id") } },
        .inUseMessage = QT_TRANSLATE_NOOP(
            "SoftDeletion", "The SLA tier \"%1\" is used by %2 live client(s): move them to another tier first"),
        .rowsMessage = QT_TRANSLATE_N_NOOP("TableSpec", "%n SLA tier(s)"),
    };
    return spec;
}

const TableSpec& clientsSpec()
{
    static const TableSpec spec {
        .table = QStringLiteral("agency_clients"),
        .commandName = QStringLiteral("clients"),
        .columns = QList<ColumnSpec> {
            primaryKey(),
            { .name = QStringLiteral("plane_workspace_id"), .kind = ColumnKind::PlaneReference,
                .label = QT_TRANSLATE_NOOP("Column", "Plane workspace"), .plane = PlaneLink::Workspace },
            { .name = QStringLiteral("client_name"), .label = QT_TRANSLATE_NOOP("Column", "Client"), .size = 255,
                .required = true },
            { .name = QStringLiteral("client_legal_name"), .label = QT_TRANSLATE_NOOP("Column", "Legal name"),
                .size = 255 },
            { .name = QStringLiteral("sla_tier_id"), .kind = ColumnKind::Reference,
                .label = QT_TRANSLATE_NOOP("Column", "SLA tier"), .references = QStringLiteral("agency_sla_tiers") },
            { .name = QStringLiteral("billing_contact_name"), .label = QT_TRANSLATE_NOOP("Column", "Billing contact") },
            { .name = QStringLiteral("billing_contact_email"), .label = QT_TRANSLATE_NOOP("Column", "Billing e-mail") },
            { .name = QStringLiteral("billing_contact_phone"), .label = QT_TRANSLATE_NOOP("Column", "Billing phone") },
            { .name = QStringLiteral("billing_contact_address"),
                .label = QT_TRANSLATE_NOOP("Column", "Billing address"), .multiline = true },
            { .name = QStringLiteral("contract_start_date"), .kind = ColumnKind::Date,
                .label = QT_TRANSLATE_NOOP("Column", "Contract start") },
            { .name = QStringLiteral("contract_end_date"), .kind = ColumnKind::Date,
                .label = QT_TRANSLATE_NOOP("Column", "Contract end") },
            { .name = QStringLiteral("is_active"), .kind = ColumnKind::Boolean,
                .label = QT_TRANSLATE_NOOP("Column", "Active"), .newRowValue = true, .role = ColumnRole::Active },
            { .name = QStringLiteral("industry"), .label = QT_TRANSLATE_NOOP("Column", "Industry"), .size = 100 },
            { .name = QStringLiteral("client_type"), .kind = ColumnKind::Choice,
                .label = QT_TRANSLATE_NOOP("Column", "Client type"), .required = true,
                .choices = domain::clientTypes(), .newRowValue = QStringLiteral("retainer") },
            { .name = QStringLiteral("internal_notes"), .label = QT_TRANSLATE_NOOP("Column", "Internal notes"),
                .multiline = true },
            { .name = QStringLiteral("metadata"), .kind = ColumnKind::JsonObject,
                .label = QT_TRANSLATE_NOOP("Column", "Metadata") },
        } + audit(),
        .sortColumn = QStringLiteral("client_name"),
        .nameColumn = QStringLiteral("client_name"),
        .pickerOrder = QStringLiteral("lower(x.client_name){collate}, x.id"),
        .children = { { QStringLiteral("agency_campaigns"), QStringLiteral("client_id") } },
        .startColumn = QStringLiteral("contract_start_date"),
        .endColumn = QStringLiteral("contract_end_date"),
        .exportLookups = { ExportLookup::TierName },
        .searchIndexed = true,
        .rowsMessage = QT_TRANSLATE_N_NOOP("TableSpec", "%n client(s)"),
        .detailColumn = QStringLiteral("client_legal_name"),
    };
    return spec;
}

const TableSpec& campaignsSpec()
{
    static const TableSpec spec {
        .table = QStringLiteral("agency_campaigns"),
        .commandName = QStringLiteral("campaigns"),
        .columns = QList<ColumnSpec> {
            primaryKey(),
            { .name = QStringLiteral("plane_project_id"), .kind = ColumnKind::PlaneReference,
                .label = QT_TRANSLATE_NOOP("Column", "Plane project"), .plane = PlaneLink::Project,
                .narrowedBy = QStringLiteral("client_id") },
            { .name = QStringLiteral("client_id"), .kind = ColumnKind::Reference,
                .label = QT_TRANSLATE_NOOP("Column", "Client"), .required = true,
                .references = QStringLiteral("agency_clients") },
            { .name = QStringLiteral("campaign_type"), .label = QT_TRANSLATE_NOOP("Column", "Type"), .size = 50,
                .required = true, .suggestions = domain::defaultCampaignTypes(),
                .newRowValue = QStringLiteral("other") },
            { .name = QStringLiteral("budget_allocated"), .kind = ColumnKind::Money,
                .label = QT_TRANSLATE_NOOP("Column", "Budget allocated"), .size = 10, .role = ColumnRole::Allocated },
            { .name = QStringLiteral("budget_spent"), .kind = ColumnKind::Money,
                .label = QT_TRANSLATE_NOOP("Column", "Budget spent"), .size = 10, .role = ColumnRole::Spent },
            { .name = QStringLiteral("start_date"), .kind = ColumnKind::Date, .label = QT_TRANSLATE_NOOP("Column", "Start") },
            { .name = QStringLiteral("end_date"), .kind = ColumnKind::Date, .label = QT_TRANSLATE_NOOP("Column", "End") },
            { .name = QStringLiteral("status"), .kind = ColumnKind::Choice, .label = QT_TRANSLATE_NOOP("Column", "Status"),
                .required = true, .choices = domain::campaignStatuses(), .newRowValue = QStringLiteral("draft"), .role = ColumnRole::Status },
            { .name = QStringLiteral("target_kpis"), .kind = ColumnKind::Kpis,
                .label = QT_TRANSLATE_NOOP("Column", "Target KPIs") },
            { .name = QStringLiteral("actual_kpis"), .kind = ColumnKind::Kpis,
                .label = QT_TRANSLATE_NOOP("Column", "Actual KPIs") },
            { .name = QStringLiteral("campaign_brief"), .label = QT_TRANSLATE_NOOP("Column", "Brief"), .multiline = true },
            { .name = QStringLiteral("internal_notes"), .label = QT_TRANSLATE_NOOP("Column", "Internal notes"),
                .multiline = true },
            { .name = QStringLiteral("metadata"), .kind = ColumnKind::JsonObject,
                .label = QT_TRANSLATE_NOOP("Column", "Metadata"), .holdsName = true },
        } + audit(),
        .sortColumn = QStringLiteral("start_date"),
        .sortDescending = true,
        .pickerOrder = QStringLiteral("x.start_date DESC, x.id"),
        .pickerLimit = 1000,
        .parentColumn = QStringLiteral("client_id"),
        .children = { { QStringLiteral("agency_campaign_channels"), QStringLiteral("campaign_id") } },
        .parentDeletedMessage
        = QT_TRANSLATE_NOOP("SoftDeletion", "The client \"%1\" is deleted: restore the client first"),
        .startColumn = QStringLiteral("start_date"),
        .endColumn = QStringLiteral("end_date"),
        .splitCampaignColumn = idColumn(),
        .exportLookups = { ExportLookup::ClientName },
        .searchIndexed = true,
        .rowsMessage = QT_TRANSLATE_N_NOOP("TableSpec", "%n campaign(s)"),
        .listColumns = { QStringLiteral("metadata"), QStringLiteral("campaign_type"), QStringLiteral("status"),
            QStringLiteral("budget_allocated"), QStringLiteral("budget_spent"), QStringLiteral("start_date"),
            QStringLiteral("end_date") },
    };
    return spec;
}

const TableSpec& channelsSpec()
{
    static const TableSpec spec {
        .table = QStringLiteral("agency_campaign_channels"),
        .commandName = QStringLiteral("channels"),
        .columns = QList<ColumnSpec> {
            primaryKey(),
            { .name = QStringLiteral("campaign_id"), .kind = ColumnKind::Reference,
                .label = QT_TRANSLATE_NOOP("Column", "Campaign"), .required = true,
                .references = QStringLiteral("agency_campaigns") },
            { .name = QStringLiteral("channel_type"), .label = QT_TRANSLATE_NOOP("Column", "Channel"), .size = 50,
                .required = true, .suggestions = domain::knownChannelTypes() },
            { .name = QStringLiteral("budget_percentage"), .kind = ColumnKind::Percent,
                .label = QT_TRANSLATE_NOOP("Column", "Budget %"), .role = ColumnRole::SharePercentage },
            { .name = QStringLiteral("budget_amount"), .kind = ColumnKind::Money,
                .label = QT_TRANSLATE_NOOP("Column", "Fixed amount"), .size = 10, .role = ColumnRole::ShareAmount },
            { .name = QStringLiteral("is_active"), .kind = ColumnKind::Boolean,
                .label = QT_TRANSLATE_NOOP("Column", "Active"), .newRowValue = true, .role = ColumnRole::Active },
            { .name = QStringLiteral("performance_data"), .kind = ColumnKind::Kpis,
                .label = QT_TRANSLATE_NOOP("Column", "Performance"), .role = ColumnRole::Results },
            { .name = QStringLiteral("external_account_id"), .label = QT_TRANSLATE_NOOP("Column", "External account"),
                .size = 255, .role = ColumnRole::ExternalAccount },
            { .name = QStringLiteral("external_campaign_id"),
                .label = QT_TRANSLATE_NOOP("Column", "External campaign"), .size = 255,
                .role = ColumnRole::ExternalCampaign },
            { .name = QStringLiteral("notes"), .label = QT_TRANSLATE_NOOP("Column", "Notes"), .multiline = true },
        } + audit(),
        .sortColumn = QStringLiteral("channel_type"),
        .nameColumn = QStringLiteral("channel_type"),
        .pickerOrder = QStringLiteral("x.channel_type, x.id"),
        .parentColumn = QStringLiteral("campaign_id"),
        .parentDeletedMessage
        = QT_TRANSLATE_NOOP("SoftDeletion", "The channel's campaign is deleted: restore the campaign first"),
        .splitCampaignColumn = QStringLiteral("campaign_id"),
        .exportLookups = { ExportLookup::ClientName, ExportLookup::CampaignLabel, ExportLookup::EffectiveBudget },
        .searchIndexed = true,
        .rowsMessage = QT_TRANSLATE_N_NOOP("TableSpec", "%n channel(s)"),
        .searchSplitColumn = QStringLiteral("channel_type"),
        .listColumns = { QStringLiteral("channel_type"), QStringLiteral("budget_percentage"),
            QStringLiteral("budget_amount"), QStringLiteral("is_active") },
    };
    return spec;
}

const TableSpec& timeEntriesSpec()
{
    static const TableSpec spec {
        .table = QStringLiteral("agency_time_entries"),
        .commandName = QStringLiteral("time-entries"),
        .columns = QList<ColumnSpec> {
            primaryKey(),
            { .name = QStringLiteral("client_id"), .kind = ColumnKind::Reference,
                .label = QT_TRANSLATE_NOOP("Column", "Client"), .required = true,
                .references = QStringLiteral("agency_clients") },
            { .name = QStringLiteral("work_date"), .kind = ColumnKind::Date,
                .label = QT_TRANSLATE_NOOP("Column", "Worked on"), .required = true },
            { .name = QStringLiteral("person"), .label = QT_TRANSLATE_NOOP("Column", "Person"), .size = 255,
                .required = true },
            { .name = QStringLiteral("minutes"), .kind = ColumnKind::Integer,
                .label = QT_TRANSLATE_NOOP("Column", "Minutes"), .required = true, .nonNegative = true },
            { .name = QStringLiteral("campaign_id"), .kind = ColumnKind::Reference,
                .label = QT_TRANSLATE_NOOP("Column", "Campaign"), .references = QStringLiteral("agency_campaigns") },
            { .name = QStringLiteral("plane_issue_id"), .kind = ColumnKind::PlaneReference,
                .label = QT_TRANSLATE_NOOP("Column", "Plane issue"), .plane = PlaneLink::Issue },
            { .name = QStringLiteral("note"), .label = QT_TRANSLATE_NOOP("Column", "Note"), .multiline = true },
            { .name = QStringLiteral("source"), .kind = ColumnKind::Choice,
                .label = QT_TRANSLATE_NOOP("Column", "Imported from"),
                .choices = { QStringLiteral("harvest"), QStringLiteral("toggl"), QStringLiteral("clockify") },
                .readOnly = true },
            { .name = QStringLiteral("external_id"), .label = QT_TRANSLATE_NOOP("Column", "Tracker's entry"),
                .size = 255, .readOnly = true },
        } + audit(),
        .sortColumn = QStringLiteral("work_date"),
        .sortDescending = true,
        .nameColumn = QStringLiteral("person"),
        .pickerOrder = QStringLiteral("x.work_date DESC, x.id"),
        .parentColumn = QStringLiteral("client_id"),
        .parentDeletedMessage
        = QT_TRANSLATE_NOOP("SoftDeletion", "The entry's client is deleted: restore the client first"),
        // A tracker's export comes in through `import time-entries`, which knows the trackers' columns.
        .importable = false,
        .exportLookups = { ExportLookup::ClientName },
        .rowsMessage = QT_TRANSLATE_N_NOOP("TableSpec", "%n time entry(ies)"),
    };
    return spec;
}

QString rowCountText(const TableSpec& spec, qint64 count)
{
    return QCoreApplication::translate(
        "TableSpec", spec.rowsMessage ? spec.rowsMessage : "%n row(s)", nullptr, static_cast<int>(count));
}

bool isAuditColumn(const QString& column)
{
    return column == createdColumn() || column == stampColumn() || column == deletedColumn();
}

QList<const TableSpec*> allSpecs()
{
    return { &clientsSpec(), &campaignsSpec(), &channelsSpec(), &slaTiersSpec(), &timeEntriesSpec() };
}

const TableSpec* specFor(const QString& table)
{
    for (const TableSpec* spec : allSpecs()) {
        if (spec->table == table)
            return spec;
    }
    return nullptr;
}

const TableSpec* specForCommandName(const QString& name)
{
    for (const TableSpec* spec : allSpecs()) {
        if (spec->commandName == name)
            return spec;
    }
    return nullptr;
}

QString columnLabel(const QString& column)
{
    for (const TableSpec* spec : allSpecs()) {
        if (const ColumnSpec* declared = spec->column(column); declared && declared->label)
            return QCoreApplication::translate("Column", declared->label);
    }
    return column;
}

} // namespace agency::tables
