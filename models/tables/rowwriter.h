// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tablespec.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariantMap>

namespace agency::tables {

// Writes one row of an agency table, for both the table models' Save and the CSV import, so that the two cannot
// disagree on how a value is stored: values come in the app's form (fromStorage's) and are stored with toStorage.
// The id is written only by an insert; the audit columns (created_at, updated_at, deleted_at) never: they are the
// database's.
//
// `statements`: where an import keeps the statements it prepared, to run again with the next row's values (SQLite
// compiles a table's triggers — the search index's, the history's — into every INSERT or UPDATE it prepares; an
// import of many rows prepares each shape once). Without it every write prepares its own.
class RowWriter {
public:
    using Statements = QHash<QString, QSqlQuery>;
    RowWriter(QSqlDatabase db, const TableSpec& spec, Statements* statements = nullptr);

    // INSERT of exactly these columns (a column left out gets its default).
    bool insert(const QVariantMap& values, QSqlError* error);

    enum class Update {
        Written,
        Stale, // no row had that id and stamp: someone else changed (or deleted) it since it was read
        Failed,
    };
    // UPDATE of these columns of row `id`, only while its updated_at is still `readStamp`. Nothing to set: Written.
    Update update(const QString& id, const QVariantMap& values, const QVariant& readStamp, QSqlError* error);

private:
    QSqlQuery* prepared(const QString& sql, QSqlQuery* own); // from `statements`, or `own` prepared

    QSqlDatabase m_db;
    const TableSpec& m_spec;
    Statements* m_statements;
};

} // namespace agency::tables
