// SPDX-License-Identifier: GPL-3.0-or-later
#include "slatiermodel.h"

namespace agency::tables {

SlaTierModel::SlaTierModel(QSqlDatabase db, QObject* parent)
    : AgencyTableModel(slaTiersSpec(), db, parent)
{
    setSort(fieldIndex(QStringLiteral("priority")), Qt::AscendingOrder);
    select();
}

QVariantMap SlaTierModel::defaultsForNewRow() const
{
    return { { QStringLiteral("priority"), 0 }, { QStringLiteral("features"), QStringLiteral("[]") } };
}

} // namespace agency::tables
