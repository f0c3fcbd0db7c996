// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agencytablemodel.h"

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

protected:
    void checkRules(const QString& id, const QVariantMap& row, QList<FieldProblem>& problems) override;
    QVariantMap defaultsForNewRow() const override;

private:
    QString m_clientId;
};

} // namespace agency::tables
