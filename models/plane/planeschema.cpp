// SPDX-License-Identifier: GPL-3.0-or-later
#include "planeschema.h"

#include <QSqlError>
#include <QSqlQuery>

namespace agency::plane {

QHash<QString, QSet<QString>> planeColumns(const QSqlDatabase& db, const QStringList& tables, QString* error)
{
    QHash<QString, QSet<QString>> columns;
    QStringList regclasses;
    for (qsizetype i = 0; i < tables.size(); ++i)
        regclasses << QStringLiteral("to_regclass(?)");
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT c.relname, a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid "
                       "WHERE c.oid IN (%1) AND a.attnum > 0 AND NOT a.attisdropped "
                       "AND has_table_privilege(c.oid, 'SELECT')")
            .arg(regclasses.join(QStringLiteral(", "))));
    for (const QString& table : tables)
        query.addBindValue(table);
    if (!query.exec()) {
        *error = query.lastError().text();
        return columns;
    }
    while (query.next())
        columns[query.value(0).toString()].insert(query.value(1).toString());
    return columns;
}

} // namespace agency::plane
