// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agencytablemodel.h"

namespace agency::tables {

class SlaTierModel : public AgencyTableModel {
    Q_OBJECT
public:
    explicit SlaTierModel(QSqlDatabase db, QObject* parent = nullptr, Load load = Load::Now);

protected:
    QVariantMap defaultsForNewRow() const override;
};

} // namespace agency::tables
