// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dashboardpage.h"
#include "reports/contractreport.h"
#include "reports/financereport.h"
#include "reports/pacingreport.h"

#include <QList>

namespace agency::ui {

// What the dashboard works out in the background and then shows (dashboardfigures.cpp).
struct DashboardPage::Figures {
    reports::Thresholds thresholds;
    QList<reports::BudgetTotals> clients;
    QList<reports::BudgetTotals> types;
    QList<reports::TierRetainer> tiers;
    QList<reports::CampaignLine> campaigns;
    QList<reports::ContractReminder> contracts; // of the client filtered on, or all
    // The money columns the role may not read, by label: then no money figure is read or shown, and the page says so.
    QStringList hidden;
    QList<reports::PaceLine> paces; // every channel's pace, most off first (none while the money is hidden)
};

} // namespace agency::ui
