// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaignfigures.h"

#include "db/database.h"
#include "tables/tablerights.h"

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
    figures.hiddenBudget = tables::unreadableColumns(db,
        { { &campaigns, ColumnRole::Allocated }, { &campaigns, ColumnRole::Spent },
            { &channels, ColumnRole::SharePercentage }, { &channels, ColumnRole::ShareAmount },
            { &channels, ColumnRole::Active } });
    if (db::dialectOf(db) == db::Dialect::PostgreSQL) {
        const QSet<QString> hidden = tables::TableRights::on(db, campaigns.table).hidden();
        for (const tables::ColumnSpec& column : campaigns.columns) {
            if (column.kind == tables::ColumnKind::Kpis && hidden.contains(column.name))
                figures.hiddenKpis << tables::columnLabel(column.name);
        }
    }
    FinanceReport report(db);
    if (figures.hiddenBudget.isEmpty()) {
        figures.budget = tables::readCampaignBudget(db, campaign, nullptr);
        figures.split = report.budgetSplit(campaign);
    }
    if (figures.hiddenKpis.isEmpty())
        figures.kpis = report.kpis(campaign);
    figures.work = plane::readCampaignWork(db, campaign, today);
    return figures;
}

} // namespace agency::reports
