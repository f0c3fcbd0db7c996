// SPDX-License-Identifier: GPL-3.0-or-later
#include "slatiermodel.h"

namespace agency::tables {

SlaTierModel::SlaTierModel(QSqlDatabase db, QObject* parent, Load load)
    : AgencyTableModel(slaTiersSpec(), db, parent, load)
{
    setSort(fieldIndex(QStringLiteral("priority")), Qt::AscendingOrder);
    if (load == Load::Now)
        select();
}

QVariantMap SlaTierModel::defaultsForNewRow() const
{
    return { { QStringLiteral("priority"), 0 }, { QStringLiteral("features"), QStringLiteral("[]") } };
}

} // namespace agency::tables
