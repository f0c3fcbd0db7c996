// SPDX-License-Identifier: GPL-3.0-or-later
#include "channelmodel.h"

#include "budgetqueries.h"

namespace agency::tables {

ChannelModel::ChannelModel(QSqlDatabase db, QObject* parent, Load load)
    : AgencyTableModel(channelsSpec(), db, parent, load)
{
}

std::optional<domain::BudgetSplit> ChannelModel::liveSplit(const QString& campaignId, QString* error)
{
    const auto budget = liveBudget(campaignId, error);
    if (!budget)
        return std::nullopt;
    return domain::splitBudget(budget->allocated, budget->channels);
}

std::optional<CampaignBudget> ChannelModel::liveBudget(const QString& campaignId, QString* error)
{
    auto budget = readCampaignBudget(database(), campaignId, error);
    if (!budget)
        return std::nullopt;
    return withEdits(*budget, campaignId);
}

CampaignBudget ChannelModel::withEdits(CampaignBudget budget, const QString& campaignId) const
{
    for (const QString& id : pendingIds()) { // from the journal: no row needs to be read, no scan
        const QVariantMap row = editedRow(id);
        budget.channels.removeIf([&](const domain::ChannelShare& s) { return s.id == id; });
        if (row.value(spec().splitCampaignColumn).toString() != campaignId || !row.value(deletedColumn()).isNull())
            continue;
        domain::ChannelShare share;
        share.id = id;
        share.amount = domain::Money::parse(row.value(spec().columnFor(ColumnRole::ShareAmount)).toString());
        share.percentage = domain::Percent::parse(row.value(spec().columnFor(ColumnRole::SharePercentage)).toString());
        share.active = row.value(spec().columnFor(ColumnRole::Active)).toBool();
        budget.channels << share;
    }
    return budget;
}

void ChannelModel::checkRules(const QString& id, const QVariantMap& row, QList<FieldProblem>& problems)
{
    const QString campaignId = row.value(spec().splitCampaignColumn).toString();
    if (campaignId.isEmpty() || !row.value(spec().columnFor(ColumnRole::Active)).toBool())
        return;
    QString error;
    const auto split = liveSplit(campaignId, &error);
    if (!split) {
        problems.append({ id, spec().columnFor(ColumnRole::ShareAmount), error });
        return;
    }
    if (split->isOverAllocated()) {
        const QString column = row.value(spec().columnFor(ColumnRole::ShareAmount)).isNull()
            ? spec().columnFor(ColumnRole::SharePercentage)
            : spec().columnFor(ColumnRole::ShareAmount);
        problems.append({ id, column, overAllocationMessage(*split) });
    }
}

} // namespace agency::tables
