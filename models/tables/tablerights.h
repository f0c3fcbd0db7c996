// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tablespec.h"

#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <utility>

namespace agency::tables {

// What PostgreSQL grants the connection's role on a table, column by column (GRANT UPDATE (industry) ON …).
struct TableRights {
    bool insert = true; // it may add rows: INSERT on the table, or on its id column at least
    QSet<QString> insertable; // the columns a new row may be given (GRANT INSERT (…) ON …); the rest get defaults
    QSet<QString> updatable; // the columns it may UPDATE
    QSet<QString> columns; // every column of the table
    // The columns it may read (GRANT SELECT (…) ON …): the others are hidden wherever the table is shown or written
    // out, and read as NULL where a row needs every column (TableStore::selectList()).
    QSet<QString> readable;
    bool known = true; // false: the server could not be asked (then the table is taken as read-only)
    bool mayUpdateAll() const { return known && updatable == columns; }
    // The columns it may not read, in no order.
    QSet<QString> hidden() const { return columns - readable; }

    // Every right on every column of the table (what a model starts with, and SQLite's answer).
    static TableRights all(const TableSpec& spec);
    // SQLite: everything. One query on PostgreSQL (a table it may not read at all: no column readable).
    static TableRights on(QSqlDatabase db, const QString& table);
};

// The columns of `wanted` (a table and a column's role in it) the connection's role may not read, by their labels
// for people, in that order: what a chart or figure made of them cannot show. Empty on SQLite.
QStringList unreadableColumns(QSqlDatabase db, const QList<std::pair<const TableSpec*, ColumnRole>>& wanted);

} // namespace agency::tables
