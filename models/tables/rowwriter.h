// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tablespec.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QVariantMap>

namespace agency::tables {

// Writes one row of an agency table, for both the table models' Save and the CSV import, so that the two cannot
// disagree on how a value is stored: values come in the app's form (fromStorage's) and are stored with toStorage.
// The id is written only by an insert; the audit columns (created_at, updated_at, deleted_at) never: they are the
// database's.
class RowWriter {
public:
    RowWriter(QSqlDatabase db, const TableSpec& spec);

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
    QSqlDatabase m_db;
    const TableSpec& m_spec;
};

} // namespace agency::tables
