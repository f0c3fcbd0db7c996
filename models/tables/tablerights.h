// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tablespec.h"

#include <QSet>
#include <QSqlDatabase>
#include <QString>

namespace agency::tables {

// What PostgreSQL grants the connection's role on a table, column by column (GRANT UPDATE (industry) ON …).
struct TableRights {
    bool insert = true; // it may add rows: INSERT on the table, or on its id column at least
    QSet<QString> insertable; // the columns a new row may be given (GRANT INSERT (…) ON …); the rest get defaults
    QSet<QString> updatable; // the columns it may UPDATE
    QSet<QString> columns; // every column of the table
    bool known = true; // false: the server could not be asked (then the table is taken as read-only)
    bool mayUpdateAll() const { return known && updatable == columns; }

    // Every right on every column of the table (what a model starts with, and SQLite's answer).
    static TableRights all(const TableSpec& spec);
    // SQLite: everything. One query on PostgreSQL.
    static TableRights on(QSqlDatabase db, const QString& table);
};

} // namespace agency::tables
