// SPDX-License-Identifier: GPL-3.0-or-later
#include "budgetqueries.h"

#include "db/sqlerror.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace agency::tables {

std::optional<CampaignBudget> readCampaignBudget(QSqlDatabase db, const QString& campaignId, QString* error)
{
    CampaignBudget budget;
    QSqlQuery campaign(db);
    campaign.prepare(QStringLiteral("SELECT budget_allocated FROM agency_campaigns WHERE id = ?"));
    campaign.addBindValue(campaignId);
    if (!campaign.exec()) {
        if (error)
            *error = db::reportSqlError(
                QCoreApplication::translate("Budget", "Reading the campaign's budget"), campaign.lastError());
        return std::nullopt;
    }
    if (campaign.next() && !campaign.value(0).isNull())
        budget.allocated = domain::Money::parse(campaign.value(0).toString());

    QSqlQuery channels(db);
    channels.prepare(
        QStringLiteral("SELECT id, budget_amount, budget_percentage, is_active FROM agency_campaign_channels "
                       "WHERE campaign_id = ? AND deleted_at IS NULL"));
    channels.addBindValue(campaignId);
    if (!channels.exec()) {
        if (error)
            *error = db::reportSqlError(
                QCoreApplication::translate("Budget", "Reading the campaign's channels"), channels.lastError());
        return std::nullopt;
    }
    while (channels.next()) {
        domain::ChannelShare share;
        share.id = channels.value(0).toString();
        if (!channels.value(1).isNull())
            share.amount = domain::Money::parse(channels.value(1).toString());
        if (!channels.value(2).isNull())
            share.percentage = domain::Percent::parse(channels.value(2).toString());
        share.active = channels.value(3).toBool();
        budget.channels << share;
    }
    return budget;
}

QString overAllocationMessage(const domain::BudgetSplit& split)
{
    return QCoreApplication::translate("Budget",
        "Channels would take %1 of the campaign's %2 budget (%3 over): lower an "
        "amount or percentage, or raise the budget")
        .arg(split.activeTotal.toDisplayString(), split.allocated.value_or(domain::Money()).toDisplayString(),
            split.overAllocation.toDisplayString());
}

} // namespace agency::tables
