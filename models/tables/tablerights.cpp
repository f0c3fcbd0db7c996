// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablerights.h"

#include "db/database.h"
#include "db/sqlerror.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace agency::tables {

TableRights TableRights::all(const TableSpec& spec)
{
    TableRights rights;
    for (const ColumnSpec& column : spec.columns)
        rights.columns.insert(column.name);
    rights.updatable = rights.columns;
    return rights;
}

TableRights TableRights::on(QSqlDatabase db, const QString& table)
{
    const TableSpec* spec = specFor(table);
    TableRights rights = spec ? all(*spec) : TableRights {};
    if (db::dialectOf(db) != db::Dialect::PostgreSQL)
        return rights;
    rights.updatable.clear();
    // has_column_privilege is true for a column when the table's own UPDATE is granted, too.
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT a.attname, has_table_privilege(c.oid, 'INSERT'), "
                                 "has_column_privilege(c.oid, a.attnum, 'UPDATE') "
                                 "FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid "
                                 "WHERE c.oid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped"));
    query.addBindValue(table);
    if (!query.exec()) {
        db::reportSqlError(QCoreApplication::translate("TableRights", "Checking the right to change %1").arg(table),
            query.lastError());
        rights.known = false;
        rights.insert = false;
        return rights;
    }
    rights.insert = false;
    while (query.next()) {
        rights.insert = query.value(1).toBool();
        if (query.value(2).toBool() && rights.columns.contains(query.value(0).toString()))
            rights.updatable.insert(query.value(0).toString());
    }
    return rights;
}

} // namespace agency::tables
