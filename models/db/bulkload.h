// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionstring.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariantList>

struct sqlite3_stmt;

namespace agency::db {

// Rows into one table as fast as the database takes them, for bulk work inside the caller's transaction: COPY …
// FROM STDIN on PostgreSQL (the connection's own libpq handle; no other statement may run on it until finish()),
// one prepared INSERT stepped through SQLite's own interface on SQLite. Values: null, whole numbers, doubles, text.
class BulkLoad {
public:
    BulkLoad(const QSqlDatabase& db, QString table, QStringList columns);
    ~BulkLoad();
    BulkLoad(const BulkLoad&) = delete;
    BulkLoad& operator=(const BulkLoad&) = delete;

    bool add(const QVariantList& row);
    bool finish(); // every row added is in the table
    QString lastError() const { return m_error; }

private:
    bool start();
    bool send(bool last);
    void fail(const QString& why);

    QSqlDatabase m_db;
    Dialect m_dialect;
    QString m_table;
    QStringList m_columns;
    bool m_started = false;
    bool m_failed = false;
    void* m_connection = nullptr; // PGconn* or sqlite3*
    sqlite3_stmt* m_insert = nullptr;
    QByteArray m_buffer; // COPY's text, sent in chunks
    QString m_error;
};

} // namespace agency::db
