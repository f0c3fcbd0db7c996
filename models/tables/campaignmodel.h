// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agencytablemodel.h"
#include "reports/financereport.h"

namespace agency::tables {

class CampaignModel : public AgencyTableModel {
    Q_OBJECT
public:
    explicit CampaignModel(QSqlDatabase db, QObject* parent = nullptr, Load load = Load::Now);

    // budget_spent > budget_allocated: allowed, and flagged wherever it shows.
    bool isOverspent(int row) const;
    // The campaign's allocation as typed here, saved or not: true, and `allocated` set, when this model holds an
    // unsaved edit of the campaign; else false and `allocated` untouched.
    bool typedAllocation(const QString& id, std::optional<domain::Money>* allocated) const;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    // The thresholds the spent cell is flagged by (the window gives every campaign table the dashboard's, as last
    // set): past the limit in WarningRole, past the warning share (a campaign not completed or cancelled) in
    // CautionRole, in words.
    void setThresholds(const reports::Thresholds& thresholds);
    const reports::Thresholds& thresholds() const { return m_thresholds; }

protected:
    void checkRules(const QString& id, const QVariantMap& row, QList<FieldProblem>& problems) override;

private:
    reports::Thresholds m_thresholds;
};

} // namespace agency::tables
