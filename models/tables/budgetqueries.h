// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/budget.h"

#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace agency::tables {

struct CampaignBudget {
    std::optional<domain::Money> allocated;
    QList<domain::ChannelShare> channels; // live (not deleted) channels, active or not
};

// A campaign's allocation and its live channels as the database holds them; nullopt (and `error`) when the read fails.
std::optional<CampaignBudget> readCampaignBudget(QSqlDatabase db, const QString& campaignId, QString* error);

// "Channels would take 12,500.00 of the campaign's 10,000.00 budget (2,500.00 over)".
QString overAllocationMessage(const domain::BudgetSplit& split);

} // namespace agency::tables
