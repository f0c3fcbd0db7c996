// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablespec.h"

#include "domain/vocabulary.h"

#include <QCoreApplication>
#include <QHash>

namespace agency::tables {

namespace {
    ColumnSpec col(const char* name, ColumnKind kind, int size = 0, bool required = false)
    {
        return { QString::fromLatin1(name), kind, size, required, {}, {}, false };
    }
    ColumnSpec count(const char* name)
    {
        return { QString::fromLatin1(name), ColumnKind::Integer, 0, false, {}, {}, true };
    }
    ColumnSpec choice(const char* name, const QStringList& choices)
    {
        return { QString::fromLatin1(name), ColumnKind::Choice, 0, true, choices, {}, false };
    }
    ColumnSpec reference(const char* name, const char* table, bool required)
    {
        return { QString::fromLatin1(name), ColumnKind::Reference, 0, required, {}, QString::fromLatin1(table), false };
    }
    ColumnSpec coded(const char* name, int size, const QStringList& suggestions)
    {
        ColumnSpec column = col(name, ColumnKind::Text, size, true);
        column.suggestions = suggestions;
        return column;
    }
    ColumnSpec namingJson(const char* name)
    {
        ColumnSpec column = col(name, ColumnKind::JsonObject);
        column.holdsName = true;
        return column;
    }
    QList<ColumnSpec> audit()
    {
        return { col("created_at", ColumnKind::Instant), col("updated_at", ColumnKind::Instant),
            col("deleted_at", ColumnKind::Instant) };
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

const TableSpec& slaTiersSpec()
{
    static const TableSpec spec { QStringLiteral("agency_sla_tiers"),
        QList<ColumnSpec> { col("id", ColumnKind::Uuid, 0, true), col("name", ColumnKind::Text, 100, true),
            col("description", ColumnKind::Text), count("response_time_hours"), count("monthly_hours_included"),
            col("hourly_rate", ColumnKind::Money, 6), col("monthly_retainer", ColumnKind::Money, 8),
            col("features", ColumnKind::JsonArray), col("priority", ColumnKind::Integer) }
            + audit(),
        QStringLiteral("name"), QStringLiteral("x.priority, x.name"), 0, {}, {},
        { { QStringLiteral("agency_clients"), QStringLiteral("sla_tier_id") } }, nullptr,
        QT_TRANSLATE_NOOP(
            "SoftDeletion", "The SLA tier \"%1\" is used by %2 live client(s): move them to another tier first"),
        {}, {}, {}, true, {}, false, QT_TRANSLATE_N_NOOP("TableSpec", "%n SLA tier(s)"), {}, {} };
    return spec;
}

const TableSpec& clientsSpec()
{
    static const TableSpec spec { QStringLiteral("agency_clients"),
        QList<ColumnSpec> { col("id", ColumnKind::Uuid, 0, true), col("plane_workspace_id", ColumnKind::PlaneReference),
            col("client_name", ColumnKind::Text, 255, true), col("client_legal_name", ColumnKind::Text, 255),
            reference("sla_tier_id", "agency_sla_tiers", false), col("billing_contact_name", ColumnKind::Text),
            col("billing_contact_email", ColumnKind::Text), col("billing_contact_phone", ColumnKind::Text),
            col("billing_contact_address", ColumnKind::Text), col("contract_start_date", ColumnKind::Date),
            col("contract_end_date", ColumnKind::Date), col("is_active", ColumnKind::Boolean),
            col("industry", ColumnKind::Text, 100), choice("client_type", domain::clientTypes()),
            col("internal_notes", ColumnKind::Text), col("metadata", ColumnKind::JsonObject) }
            + audit(),
        QStringLiteral("client_name"), QStringLiteral("lower(x.client_name), x.id"), 0, {},
        { { QStringLiteral("agency_campaigns"), QStringLiteral("client_id") } }, {}, nullptr, nullptr,
        QStringLiteral("contract_start_date"), QStringLiteral("contract_end_date"), {}, true,
        { ExportLookup::TierName }, true, QT_TRANSLATE_N_NOOP("TableSpec", "%n client(s)"), {},
        QStringLiteral("client_legal_name") };
    return spec;
}

const TableSpec& campaignsSpec()
{
    static const TableSpec spec { QStringLiteral("agency_campaigns"),
        QList<ColumnSpec> { col("id", ColumnKind::Uuid, 0, true), col("plane_project_id", ColumnKind::PlaneReference),
            reference("client_id", "agency_clients", true), coded("campaign_type", 50, domain::defaultCampaignTypes()),
            col("budget_allocated", ColumnKind::Money, 10), col("budget_spent", ColumnKind::Money, 10),
            col("start_date", ColumnKind::Date), col("end_date", ColumnKind::Date),
            choice("status", domain::campaignStatuses()), col("target_kpis", ColumnKind::Kpis),
            col("actual_kpis", ColumnKind::Kpis), col("campaign_brief", ColumnKind::Text),
            col("internal_notes", ColumnKind::Text), namingJson("metadata") }
            + audit(),
        {}, QStringLiteral("x.start_date DESC, x.id"), 1000, QStringLiteral("client_id"),
        { { QStringLiteral("agency_campaign_channels"), QStringLiteral("campaign_id") } }, {},
        QT_TRANSLATE_NOOP("SoftDeletion", "The client \"%1\" is deleted: restore the client first"), nullptr,
        QStringLiteral("start_date"), QStringLiteral("end_date"), QStringLiteral("id"), true,
        { ExportLookup::ClientName }, true, QT_TRANSLATE_N_NOOP("TableSpec", "%n campaign(s)"), {}, {} };
    return spec;
}

const TableSpec& channelsSpec()
{
    static const TableSpec spec { QStringLiteral("agency_campaign_channels"),
        QList<ColumnSpec> { col("id", ColumnKind::Uuid, 0, true), reference("campaign_id", "agency_campaigns", true),
            coded("channel_type", 50, domain::knownChannelTypes()), col("budget_percentage", ColumnKind::Percent),
            col("budget_amount", ColumnKind::Money, 10), col("is_active", ColumnKind::Boolean),
            col("performance_data", ColumnKind::Kpis), col("external_account_id", ColumnKind::Text, 255),
            col("external_campaign_id", ColumnKind::Text, 255), col("notes", ColumnKind::Text) }
            + audit(),
        QStringLiteral("channel_type"), QStringLiteral("x.channel_type, x.id"), 0, QStringLiteral("campaign_id"), {},
        {}, QT_TRANSLATE_NOOP("SoftDeletion", "The channel's campaign is deleted: restore the campaign first"), nullptr,
        {}, {}, QStringLiteral("campaign_id"), true,
        { ExportLookup::ClientName, ExportLookup::CampaignLabel, ExportLookup::EffectiveBudget }, true,
        QT_TRANSLATE_N_NOOP("TableSpec", "%n channel(s)"), QStringLiteral("channel_type"), {} };
    return spec;
}

QString rowCountText(const TableSpec& spec, qint64 count)
{
    return QCoreApplication::translate(
        "TableSpec", spec.rowsMessage ? spec.rowsMessage : "%n row(s)", nullptr, static_cast<int>(count));
}

bool isAuditColumn(const QString& column)
{
    return column == QStringLiteral("created_at") || column == QStringLiteral("updated_at")
        || column == QStringLiteral("deleted_at");
}

const TableSpec* specFor(const QString& table)
{
    for (const TableSpec* spec : { &slaTiersSpec(), &clientsSpec(), &campaignsSpec(), &channelsSpec() }) {
        if (spec->table == table)
            return spec;
    }
    return nullptr;
}

QString columnLabel(const QString& column)
{
    static const QHash<QString, const char*> labels {
        { QStringLiteral("id"), QT_TRANSLATE_NOOP("Column", "ID") },
        { QStringLiteral("name"), QT_TRANSLATE_NOOP("Column", "Name") },
        { QStringLiteral("description"), QT_TRANSLATE_NOOP("Column", "Description") },
        { QStringLiteral("response_time_hours"), QT_TRANSLATE_NOOP("Column", "Response time (h)") },
        { QStringLiteral("monthly_hours_included"), QT_TRANSLATE_NOOP("Column", "Hours included / month") },
        { QStringLiteral("hourly_rate"), QT_TRANSLATE_NOOP("Column", "Hourly rate") },
        { QStringLiteral("monthly_retainer"), QT_TRANSLATE_NOOP("Column", "Monthly retainer") },
        { QStringLiteral("features"), QT_TRANSLATE_NOOP("Column", "Features") },
        { QStringLiteral("priority"), QT_TRANSLATE_NOOP("Column", "Priority") },
        { QStringLiteral("plane_workspace_id"), QT_TRANSLATE_NOOP("Column", "Plane workspace") },
        { QStringLiteral("client_name"), QT_TRANSLATE_NOOP("Column", "Client") },
        { QStringLiteral("client_legal_name"), QT_TRANSLATE_NOOP("Column", "Legal name") },
        { QStringLiteral("sla_tier_id"), QT_TRANSLATE_NOOP("Column", "SLA tier") },
        { QStringLiteral("billing_contact_name"), QT_TRANSLATE_NOOP("Column", "Billing contact") },
        { QStringLiteral("billing_contact_email"), QT_TRANSLATE_NOOP("Column", "Billing e-mail") },
        { QStringLiteral("billing_contact_phone"), QT_TRANSLATE_NOOP("Column", "Billing phone") },
        { QStringLiteral("billing_contact_address"), QT_TRANSLATE_NOOP("Column", "Billing address") },
        { QStringLiteral("contract_start_date"), QT_TRANSLATE_NOOP("Column", "Contract start") },
        { QStringLiteral("contract_end_date"), QT_TRANSLATE_NOOP("Column", "Contract end") },
        { QStringLiteral("is_active"), QT_TRANSLATE_NOOP("Column", "Active") },
        { QStringLiteral("industry"), QT_TRANSLATE_NOOP("Column", "Industry") },
        { QStringLiteral("client_type"), QT_TRANSLATE_NOOP("Column", "Client type") },
        { QStringLiteral("internal_notes"), QT_TRANSLATE_NOOP("Column", "Internal notes") },
        { QStringLiteral("metadata"), QT_TRANSLATE_NOOP("Column", "Metadata") },
        { QStringLiteral("plane_project_id"), QT_TRANSLATE_NOOP("Column", "Plane project") },
        { QStringLiteral("client_id"), QT_TRANSLATE_NOOP("Column", "Client") },
        { QStringLiteral("campaign_type"), QT_TRANSLATE_NOOP("Column", "Type") },
        { QStringLiteral("budget_allocated"), QT_TRANSLATE_NOOP("Column", "Budget allocated") },
        { QStringLiteral("budget_spent"), QT_TRANSLATE_NOOP("Column", "Budget spent") },
        { QStringLiteral("start_date"), QT_TRANSLATE_NOOP("Column", "Start") },
        { QStringLiteral("end_date"), QT_TRANSLATE_NOOP("Column", "End") },
        { QStringLiteral("status"), QT_TRANSLATE_NOOP("Column", "Status") },
        { QStringLiteral("target_kpis"), QT_TRANSLATE_NOOP("Column", "Target KPIs") },
        { QStringLiteral("actual_kpis"), QT_TRANSLATE_NOOP("Column", "Actual KPIs") },
        { QStringLiteral("campaign_brief"), QT_TRANSLATE_NOOP("Column", "Brief") },
        { QStringLiteral("campaign_id"), QT_TRANSLATE_NOOP("Column", "Campaign") },
        { QStringLiteral("channel_type"), QT_TRANSLATE_NOOP("Column", "Channel") },
        { QStringLiteral("budget_percentage"), QT_TRANSLATE_NOOP("Column", "Budget %") },
        { QStringLiteral("budget_amount"), QT_TRANSLATE_NOOP("Column", "Fixed amount") },
        { QStringLiteral("performance_data"), QT_TRANSLATE_NOOP("Column", "Performance") },
        { QStringLiteral("external_account_id"), QT_TRANSLATE_NOOP("Column", "External account") },
        { QStringLiteral("external_campaign_id"), QT_TRANSLATE_NOOP("Column", "External campaign") },
        { QStringLiteral("notes"), QT_TRANSLATE_NOOP("Column", "Notes") },
        { QStringLiteral("created_at"), QT_TRANSLATE_NOOP("Column", "Created") },
        { QStringLiteral("updated_at"), QT_TRANSLATE_NOOP("Column", "Updated") },
        { QStringLiteral("deleted_at"), QT_TRANSLATE_NOOP("Column", "Deleted") },
    };
    const auto it = labels.constFind(column);
    return it == labels.cend() ? column : QCoreApplication::translate("Column", *it);
}

} // namespace agency::tables
