// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agencytablemodel.h"
#include "budgetqueries.h"
#include "domain/budget.h"

namespace agency::tables {

class ChannelModel : public AgencyTableModel {
    Q_OBJECT
public:
    explicit ChannelModel(QSqlDatabase db, QObject* parent = nullptr, Load load = Load::Now);

    // The campaign's allocation and live channels as they would be with this model's unsaved edits (edited
    // channels replace theirs, new ones join, moved ones leave), and the split of that: what the form shows live.
    std::optional<CampaignBudget> liveBudget(const QString& campaignId, QString* error = nullptr);
    // `budget` (the campaign's budget as the database holds it) with this model's unsaved edits laid over it: no
    // read, so that a form can follow every key without a round trip to the server.
    CampaignBudget withEdits(CampaignBudget budget, const QString& campaignId) const;
    std::optional<domain::BudgetSplit> liveSplit(const QString& campaignId, QString* error = nullptr);

protected:
    void checkRules(const QString& id, const QVariantMap& row, QList<FieldProblem>& problems) override;
};

} // namespace agency::tables
