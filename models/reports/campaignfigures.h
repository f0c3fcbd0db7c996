// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plane/planework.h"
#include "reports/financereport.h"
#include "reports/spendcurve.h"
#include "tables/budgetqueries.h"

#include <QDate>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <optional>

namespace agency::reports {

// Everything a campaign's detail panel shows, read in one go (on the database thread, never per key): the budget as
// saved (which the unsaved edits are laid over), the split and the KPIs as saved, and the work in its Plane project.
// A part that could not be read is nullopt; the others stand.
struct CampaignFigures {
    QString campaign; // whose figures these are (empty: none)
    std::optional<tables::CampaignBudget> budget;
    std::optional<CampaignSplit> split;
    std::optional<QList<KpiLine>> kpis;
    std::optional<plane::CampaignWork> work;
    std::optional<SpendCurve> spend; // its imported spend against the plan (not read when the budget is hidden)
    // What the role may not read (PostgreSQL column grants), by label: the budget's columns (then neither the budget
    // nor the split is read), the KPIs' columns (then nor are the KPIs).
    QStringList hiddenBudget;
    QStringList hiddenKpis;
};

CampaignFigures readCampaignFigures(QSqlDatabase db, const QString& campaign, const QDate& today);

} // namespace agency::reports
