// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "conflictset.h"
#include "db/connectionstring.h"
#include "editjournal.h"
#include "keysetpager.h"
#include "rowfilter.h"
#include "tablespec.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlRecord>
#include <QStringList>
#include <QVariantMap>
#include <optional>

namespace agency::tables {

// One agency_ table's way to and from the database: how a view of it is read (the read plan a KeysetPager follows),
// single rows tested or read as they stand now, the journal's edits written in one transaction with the guard that
// finds someone else's change, and soft delete. It holds no rows and knows no view; a table model owns one.
class TableStore {
    Q_DECLARE_TR_FUNCTIONS(TableStore)
public:
    TableStore(const TableSpec& spec, QSqlDatabase db);

    const TableSpec& spec() const { return m_spec; }
    QSqlDatabase database() const { return m_db; }
    db::Dialect dialect() const { return m_dialect; }
    // The table's columns, in the order the database lists them (the order of every row read).
    const QSqlRecord& fields() const { return m_fields; }

    // The columns the role may not read (TableRights::hidden()): read as NULL, searched and sorted by never; none until
    // set.
    void setHidden(const QSet<QString>& hidden);
    const QSet<QString>& hidden() const { return m_hidden; }
    // The table's columns for a SELECT from `alias` (empty: the table itself), each hidden one as NULL under its name:
    // what `SELECT *` would read, without naming what the role may not read.
    QString selectList(const QString& alias = {}) const;

    // The rows `filter` leaves, in the order of column `sortColumn` (-1: the primary key), as a KeysetPager reads them.
    KeysetPager::Query readPlan(const RowFilter& filter, int sortColumn, Qt::SortOrder order) const;
    // The filter as SQL over the table (empty: every row).
    QString where(const RowFilter& filter) const;
    // Whether the row `id` is among the rows `filter` leaves: one test of that row.
    bool mayHold(const RowFilter& filter, const QString& id) const;
    // The row `id` as it stands now, normalised (empty when it is gone), with its stamp and whether it is deleted.
    QVariantMap currentRow(const QString& id, QVariant* stamp, bool* deleted) const;

    // What writing a journal came to.
    struct Written {
        bool began = false; // the transaction started (else nothing was tried)
        bool committed = false;
        QStringList deletedElsewhere; // rows whose guarded UPDATE found them deleted: left out, the rest committed
        QString message; // for people, when something was not written
        QSqlError error;
    };
    // Every row of `journal` in one transaction: new rows inserted, edited rows updated, each UPDATE guarded by the
    // stamp read. A row someone else changed is a conflict (added to `conflicts`) and rolls everything back; a row
    // someone else deleted is a conflict that holds nothing else back.
    Written write(const EditJournal& journal, ConflictSet& conflicts) const;

    bool softDelete(const QStringList& ids, QString* message) const;
    bool restore(const QStringList& ids, QString* message) const;

private:
    bool insert(const EditJournal& journal, const QString& id, Written* written) const;
    bool update(const EditJournal& journal, const QString& id, ConflictSet& conflicts, Written* written) const;
    QSet<QString> indexLeadingColumns() const; // SQLite: the columns an index of the table starts with

    const TableSpec& m_spec;
    // The spec a filter's SQL is made from: without the hidden columns (and without the search index, when it is
    // built over one of them).
    TableSpec m_searched;
    QSet<QString> m_hidden;
    QSqlDatabase m_db;
    QSqlRecord m_fields;
    db::Dialect m_dialect;
    QString m_collate; // text people read, in their language's order (db::localeCollation())
    mutable std::optional<QSet<QString>> m_indexLeads;
};

} // namespace agency::tables
