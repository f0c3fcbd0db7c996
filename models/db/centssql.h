// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionstring.h"

#include <QString>

namespace agency::db {

// An amount column as whole cents in SQL, exact on both backends, for adding up: numeric × 100 on PostgreSQL; SQLite
// holds the two-decimal text its CHECKs keep ("1234.50"), whose digits without the dot are the cents.
inline QString centsSql(Dialect dialect, const QString& column)
{
    return dialect == Dialect::PostgreSQL ? QStringLiteral("CAST(%1 * 100 AS bigint)").arg(column)
                                          : QStringLiteral("CAST(replace(%1, '.', '') AS INTEGER)").arg(column);
}

} // namespace agency::db
