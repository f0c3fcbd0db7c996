// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablerights.h"

#include "db/database.h"
#include "db/sqlerror.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>

namespace agency::tables {

TableRights TableRights::all(const TableSpec& spec)
{
    TableRights rights;
    for (const ColumnSpec& column : spec.columns)
        rights.columns.insert(column.name);
    rights.updatable = rights.columns;
    rights.insertable = rights.columns;
    rights.readable = rights.columns;
    return rights;
}

TableRights TableRights::on(QSqlDatabase db, const QString& table)
{
    const TableSpec* spec = specFor(table);
    TableRights rights = spec ? all(*spec) : TableRights {};
    if (db::dialectOf(db) != db::Dialect::PostgreSQL)
        return rights;
    rights.updatable.clear();
    rights.insertable.clear();
    rights.readable.clear();
    // has_column_privilege is true for a column when the table's own UPDATE (INSERT) is granted, too.
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT a.attname, has_column_privilege(c.oid, a.attnum, 'INSERT'), "
                                 "has_column_privilege(c.oid, a.attnum, 'UPDATE'), "
                                 "has_column_privilege(c.oid, a.attnum, 'SELECT') "
                                 "FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid "
                                 "WHERE c.oid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped"));
    query.addBindValue(table);
    if (!query.exec()) {
        db::reportSqlError(QCoreApplication::translate("TableRights", "Checking the right to change %1").arg(table),
            query.lastError());
        rights.known = false;
        rights.insert = false;
        rights.readable = rights.columns; // not known to be hidden: read, and a refused read says so
        return rights;
    }
    while (query.next()) {
        const QString column = query.value(0).toString();
        if (!rights.columns.contains(column))
            continue;
        if (query.value(1).toBool())
            rights.insertable.insert(column);
        if (query.value(2).toBool())
            rights.updatable.insert(column);
        if (query.value(3).toBool())
            rights.readable.insert(column);
    }
    rights.insert = rights.insertable.contains(idColumn()); // a new row is given its id by the app
    return rights;
}

QStringList unreadableColumns(QSqlDatabase db, const QList<std::pair<const TableSpec*, ColumnRole>>& wanted)
{
    QStringList labels;
    if (db::dialectOf(db) != db::Dialect::PostgreSQL)
        return labels;
    QHash<QString, QSet<QString>> hidden; // by table, asked once each
    for (const auto& [spec, role] : wanted) {
        if (!hidden.contains(spec->table))
            hidden.insert(spec->table, TableRights::on(db, spec->table).hidden());
        const QString column = spec->columnFor(role);
        if (!column.isEmpty() && hidden.value(spec->table).contains(column) && !labels.contains(columnLabel(column)))
            labels << columnLabel(column);
    }
    return labels;
}

} // namespace agency::tables
