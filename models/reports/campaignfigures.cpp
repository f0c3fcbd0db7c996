// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaignfigures.h"

#include "db/database.h"
#include "tables/tablerights.h"

#include <spdlog/spdlog.h>

namespace agency::reports {

CampaignFigures readCampaignFigures(QSqlDatabase db, const QString& campaign, const QDate& today)
{
    CampaignFigures figures;
    figures.campaign = campaign;
    if (campaign.isEmpty() || !db.isOpen())
        return figures;
    using tables::ColumnRole;
    const tables::TableSpec& campaigns = tables::campaignsSpec();
    const tables::TableSpec& channels = tables::channelsSpec();
    // The rights asked once per table (SQLite: none hidden, nothing asked).
    const bool postgres = db::dialectOf(db) == db::Dialect::PostgreSQL;
    const QSet<QString> campaignHidden
        = postgres ? tables::TableRights::on(db, campaigns.table).hidden() : QSet<QString> {};
    const QSet<QString> channelHidden
        = postgres ? tables::TableRights::on(db, channels.table).hidden() : QSet<QString> {};
    for (const auto& [spec, hidden, role] : { std::tuple { &campaigns, &campaignHidden, ColumnRole::Allocated },
             std::tuple { &campaigns, &campaignHidden, ColumnRole::Spent },
             std::tuple { &channels, &channelHidden, ColumnRole::SharePercentage },
             std::tuple { &channels, &channelHidden, ColumnRole::ShareAmount },
             std::tuple { &channels, &channelHidden, ColumnRole::Active } }) {
        if (hidden->contains(spec->columnFor(role)))
            figures.hiddenBudget << tables::columnLabel(spec->columnFor(role));
    }
    for (const tables::ColumnSpec& column : campaigns.columns) {
        if (column.kind == tables::ColumnKind::Kpis && campaignHidden.contains(column.name))
            figures.hiddenKpis << tables::columnLabel(column.name);
    }
    FinanceReport report(db);
    if (figures.hiddenBudget.isEmpty()) {
        figures.budget = tables::readCampaignBudget(db, campaign, nullptr);
        figures.split = report.budgetSplit(campaign);
        QString unread;
        figures.spend = readSpendCurve(db, campaign, today, &unread);
        if (!figures.spend)
            spdlog::debug("campaign figures: the spend was not read: {}",
                unread.toStdString()); // a newer read cancelled it, as a rule
    }
    if (figures.hiddenKpis.isEmpty())
        figures.kpis = report.kpis(campaign);
    figures.work = plane::readCampaignWork(db, campaign, today);
    return figures;
}

} // namespace agency::reports
