// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientoverview.h"

#include "db/sqlerror.h"
#include "tables/columnvalues.h"
#include "tables/tablespec.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace agency::reports {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(ClientOverview)
    };

    std::optional<qint64> integerOf(const QVariant& stored)
    {
        return stored.isNull() ? std::nullopt : std::optional<qint64>(stored.toLongLong());
    }

    // The day a month's state is read at: today within it, else its last day.
    QDate asOf(const QDate& month)
    {
        const QDate today = QDate::currentDate();
        return today.year() == month.year() && today.month() == month.month() ? today : month.addMonths(1).addDays(-1);
    }
}

std::optional<ClientOverview> readClientOverview(const QSqlDatabase& db, const QString& clientId, const QDate& month,
    const QDateTime& now, QString* error, const domain::BusinessHours& hours)
{
    const tables::TableSpec& spec = tables::clientsSpec();
    const tables::TableSpec& tiers = tables::slaTiersSpec();
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("SELECT c.%1, t.%2, t.%3, t.%4, t.%5, t.%6, c.%7, c.%8 FROM %9 c LEFT JOIN %10 t ON "
                       "t.%11 = c.%12 WHERE c.%11 = ?")
            .arg(spec.nameColumn, tiers.nameColumn, tiers.columnFor(tables::ColumnRole::ResponseHours),
                tiers.columnFor(tables::ColumnRole::IncludedHours), tiers.columnFor(tables::ColumnRole::HourlyRate),
                tiers.columnFor(tables::ColumnRole::Retainer), spec.startColumn, spec.endColumn, spec.table)
            .arg(tiers.table, tables::idColumn(), spec.referenceTo(tiers.table)));
    query.addBindValue(clientId);
    if (!query.exec()) {
        *error = db::reportSqlError(Text::tr("Reading the client"), query.lastError());
        return std::nullopt;
    }
    if (!query.next()) {
        *error = Text::tr("no client has the id %1").arg(clientId);
        return std::nullopt;
    }
    ClientOverview overview;
    overview.clientId = clientId;
    overview.clientName = query.value(0).toString();
    overview.tierName = query.value(1).toString();
    overview.responseHours = integerOf(query.value(2));
    overview.includedHours = integerOf(query.value(3));
    overview.hourlyRateCents = storedCents(query.value(4));
    overview.retainerCents = storedCents(query.value(5));
    overview.contractStart = tables::fromStorage(*spec.column(spec.startColumn), query.value(6)).toDate();
    overview.contractEnd = tables::fromStorage(*spec.column(spec.endColumn), query.value(7)).toDate();
    overview.month = month;

    const auto reminders = readContractReminders(db, QDate::currentDate(), clientId, error);
    if (!reminders)
        return std::nullopt;
    if (!reminders->isEmpty())
        overview.contract = reminders->constFirst();
    const RetainerReading retainer = readRetainer(db, month, clientId);
    if (!retainer.error.isEmpty()) {
        *error = retainer.error;
        return std::nullopt;
    }
    if (!retainer.clients.isEmpty())
        overview.retainer = retainer.clients.constFirst();
    const SlaReading sla = readSla(db, month, clientId, now, hours);
    if (!sla.error.isEmpty()) {
        *error = sla.error;
        return std::nullopt;
    }
    overview.slaHours = hours;
    if (!sla.clients.isEmpty())
        overview.sla = sla.clients.constFirst();
    else
        overview.slaUnavailable
            = sla.available ? Text::tr("This client is linked to no Plane workspace.") : sla.unavailable;

    FinanceReport report(db);
    ReportFilter filter;
    filter.clientId = clientId;
    const auto campaigns = report.campaigns(filter);
    if (!campaigns) {
        *error = report.lastError();
        return std::nullopt;
    }
    const QDate day = asOf(month);
    for (const CampaignLine& line : *campaigns)
        overview.campaigns << ClientOverview::Campaign { line, plane::readCampaignWork(db, line.id, day) };

    // What needs a word, most pressing first.
    if (overview.contract)
        overview.warnings << Text::tr("Contract: %1").arg(overview.contract->text());
    if (overview.sla && !overview.sla->breaches.isEmpty())
        overview.warnings << Text::tr("%n response(s) later than the tier allows this month", nullptr,
            static_cast<int>(overview.sla->breaches.size()));
    if (overview.sla && !overview.sla->aboutToBreach.isEmpty())
        overview.warnings << Text::tr("%n open request(s) about to breach the response time", nullptr,
            static_cast<int>(overview.sla->aboutToBreach.size()));
    if (overview.retainer && overview.retainer->overageSeconds().value_or(0) > 0)
        overview.warnings
            << Text::tr("Hours beyond the retainer this month: %1")
                   .arg(ReportCell::hours(hundredthsOfHours(*overview.retainer->overageSeconds())).display());
    for (const ClientOverview::Campaign& campaign : std::as_const(overview.campaigns)) {
        if (campaign.line.attention(day) != Attention::None)
            overview.warnings << Text::tr("%1: %2").arg(campaign.line.label, campaign.line.attentionText(day));
        if (campaign.work.spendAhead())
            overview.warnings << Text::tr("%1: the spend runs ahead of the work").arg(campaign.line.label);
    }
    return overview;
}

ReportTable ClientOverview::table() const
{
    ReportTable table;
    table.title = Text::tr("Client overview: %1").arg(clientName);
    table.subtitle = QLocale().toString(month, QStringLiteral("MMMM yyyy"));
    table.columns = { QStringLiteral("section"), QStringLiteral("item"), QStringLiteral("value") };
    table.labels = { Text::tr("Section"), Text::tr("Item"), Text::tr("Value") };
    const auto row = [&table](const char* section, const QString& item, const ReportCell& value) {
        table.rows << QList<ReportCell> { ReportCell::text(QString::fromLatin1(section)), ReportCell::text(item),
            value };
    };
    row("client", QStringLiteral("client_id"), ReportCell::text(clientId));
    row("client", QStringLiteral("client_name"), ReportCell::text(clientName));
    row("client", QStringLiteral("month"), ReportCell::text(month.toString(QStringLiteral("yyyy-MM"))));
    row("tier", QStringLiteral("name"), ReportCell::text(tierName.isEmpty() ? QString() : tierName));
    row("tier", QStringLiteral("response_time_hours"), ReportCell::integer(responseHours));
    row("tier", QStringLiteral("monthly_hours_included"), ReportCell::integer(includedHours));
    row("tier", QStringLiteral("hourly_rate"), ReportCell::money(hourlyRateCents));
    row("tier", QStringLiteral("monthly_retainer"), ReportCell::money(retainerCents));
    row("contract", QStringLiteral("contract_start_date"), ReportCell::date(contractStart));
    row("contract", QStringLiteral("contract_end_date"), ReportCell::date(contractEnd));
    row("contract", QStringLiteral("reminder"), ReportCell::text(contract ? contract->code() : QString()));
    if (retainer) {
        const auto over = retainer->overageSeconds();
        row("retainer", QStringLiteral("hours_used"), ReportCell::hours(hundredthsOfHours(retainer->secondsUsed)));
        row("retainer", QStringLiteral("overage_hours"),
            ReportCell::hours(over ? std::optional<qint64>(hundredthsOfHours(*over)) : std::nullopt));
        row("retainer", QStringLiteral("overage_amount"), ReportCell::money(retainer->overageCents()));
        row("retainer", QStringLiteral("invoice_total"), ReportCell::money(retainer->invoiceCents()));
    }
    if (sla) {
        row("sla", QStringLiteral("issues"), ReportCell::integer(sla->issues));
        row("sla", QStringLiteral("responded"), ReportCell::integer(sla->responded));
        row("sla", QStringLiteral("median_response_hours"), ReportCell::hours(sla->medianHundredths));
        row("sla", QStringLiteral("p90_response_hours"), ReportCell::hours(sla->p90Hundredths));
        row("sla", QStringLiteral("breaches"),
            ReportCell::integer(sla->allowedHours ? std::optional<qint64>(sla->breaches.size()) : std::nullopt));
        row("sla", QStringLiteral("hours_counted"), ReportCell::text(slaHours.toString()));
    }
    for (const Campaign& campaign : campaigns) {
        const QString item = campaign.line.id + u'/';
        const plane::WorkProgress& work = campaign.work.work;
        row("campaign", item + QStringLiteral("label"), ReportCell::text(campaign.line.label));
        row("campaign", item + QStringLiteral("budget_allocated"),
            ReportCell::money(
                campaign.line.allocated ? std::optional<qint64>(campaign.line.allocated->cents()) : std::nullopt));
        row("campaign", item + QStringLiteral("budget_spent"),
            ReportCell::money(
                campaign.line.spent ? std::optional<qint64>(campaign.line.spent->cents()) : std::nullopt));
        row("campaign", item + QStringLiteral("spent_pct"), ReportCell::percent(campaign.work.spentShare));
        row("campaign", item + QStringLiteral("elapsed_pct"), ReportCell::percent(campaign.work.elapsedShare));
        row("campaign", item + QStringLiteral("issues_done"),
            ReportCell::integer(work.available ? std::optional<qint64>(work.done) : std::nullopt));
        row("campaign", item + QStringLiteral("issues_counted"),
            ReportCell::integer(work.available ? std::optional<qint64>(work.counted) : std::nullopt));
    }
    table.notes = warnings;
    return table;
}

} // namespace agency::reports
