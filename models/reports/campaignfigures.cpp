// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaignfigures.h"

namespace agency::reports {

CampaignFigures readCampaignFigures(QSqlDatabase db, const QString& campaign, const QDate& today)
{
    CampaignFigures figures;
    figures.campaign = campaign;
    if (campaign.isEmpty() || !db.isOpen())
        return figures;
    figures.budget = tables::readCampaignBudget(db, campaign, nullptr);
    FinanceReport report(db);
    figures.split = report.budgetSplit(campaign);
    figures.kpis = report.kpis(campaign);
    figures.work = plane::readCampaignWork(db, campaign, today);
    return figures;
}

} // namespace agency::reports
