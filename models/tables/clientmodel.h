// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agencytablemodel.h"

namespace agency::tables {

class ClientModel : public AgencyTableModel {
    Q_OBJECT
public:
    explicit ClientModel(QSqlDatabase db, QObject* parent = nullptr, Load load = Load::Now);

protected:
    void checkRules(const QString& id, const QVariantMap& row, QList<FieldProblem>& problems) override;
    QVariantMap defaultsForNewRow() const override;
};

// A date range whose end is before its start gets a problem on the end column. Shared by clients and campaigns.
void checkDateOrder(const QString& id, const QVariantMap& row, const QString& startColumn, const QString& endColumn,
    QList<FieldProblem>& problems);

} // namespace agency::tables
