// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace agency::plane {

// The columns this database has of Plane's `tables`, by table: a table it lacks (or this role may not see) is left
// out, so that a read can leave out what a Plane version does not have and say so. PostgreSQL only; on failure empty,
// with `error` set.
QHash<QString, QSet<QString>> planeColumns(const QSqlDatabase& db, const QStringList& tables, QString* error);

} // namespace agency::plane
