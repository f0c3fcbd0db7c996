// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agencytablemodel.h"
#include "domain/budget.h"

namespace agency::tables {

class ChannelModel : public AgencyTableModel {
    Q_OBJECT
public:
    explicit ChannelModel(QSqlDatabase db, QObject* parent = nullptr);

    // Only this campaign's channels (empty: all).
    void setCampaignFilter(const QString& campaignId);
    QString campaignFilter() const { return m_campaignId; }

    // The campaign's split as it would be with this model's unsaved edits: what the form shows live.
    std::optional<domain::BudgetSplit> liveSplit(const QString& campaignId, QString* error = nullptr);

protected:
    void checkRules(const QString& id, const QVariantMap& row, QList<FieldProblem>& problems) override;
    QVariantMap defaultsForNewRow() const override;

private:
    QString m_campaignId;
};

} // namespace agency::tables
