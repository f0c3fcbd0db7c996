// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agencytablemodel.h"
#include "reports/financereport.h"

namespace agency::tables {

class CampaignModel : public AgencyTableModel {
    Q_OBJECT
public:
    explicit CampaignModel(QSqlDatabase db, QObject* parent = nullptr, Load load = Load::Now);

    // Only this client's campaigns (empty: all).
    void setClientFilter(const QString& clientId);
    // budget_spent > budget_allocated: allowed, and flagged wherever it shows.
    bool isOverspent(int row) const;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    // The thresholds the spent cell is flagged by, in every campaign table (the dashboard's, as last set): past the
    // limit in WarningRole, past the warning share (a campaign not completed or cancelled) in CautionRole, in words.
    static void setThresholds(const reports::Thresholds& thresholds);

protected:
    void checkRules(const QString& id, const QVariantMap& row, QList<FieldProblem>& problems) override;
    QVariantMap defaultsForNewRow() const override;

private:
    QString m_clientId;
};

} // namespace agency::tables
