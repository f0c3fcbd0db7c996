// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablestore.h"

#include "columnvalues.h"
#include "db/database.h"
#include "db/localecollation.h"
#include "db/sqlerror.h"
#include "history/changelog.h"
#include "rowwriter.h"
#include "softdeletion.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QSqlDriver>
#include <QSqlQuery>

namespace agency::tables {

TableStore::TableStore(const TableSpec& spec, QSqlDatabase db)
    : m_spec(spec)
    , m_searched(spec)
    , m_db(db)
    , m_fields(db.record(spec.table))
    , m_dialect(db::dialectOf(db))
    , m_collate(db::localeCollation(db))
{
}

void TableStore::setHidden(const QSet<QString>& hidden)
{
    m_hidden = hidden;
    m_searched = searchableSpec(m_spec, hidden);
}

QString TableStore::selectList(const QString& alias) const
{
    QStringList columns;
    for (int c = 0; c < m_fields.count(); ++c) {
        const QString name = m_fields.fieldName(c);
        columns << (m_hidden.contains(name) ? QStringLiteral("NULL AS ") + name
                                            : (alias.isEmpty() ? name : alias + u'.' + name));
    }
    return columns.join(QStringLiteral(", "));
}

QString TableStore::where(const RowFilter& filter) const
{
    return filter.sql(m_searched, m_db.driver());
}

KeysetPager::Query TableStore::readPlan(const RowFilter& filter, int sortColumn, Qt::SortOrder order) const
{
    KeysetPager::Query query;
    query.table = m_spec.table;
    for (int c = 0; c < m_fields.count(); ++c)
        query.columns << m_fields.fieldName(c);
    if (!m_hidden.isEmpty()) // else every column is read as `*`
        query.everyColumn = query.columns;
    query.hidden = m_hidden;
    query.where = where(filter);
    query.findFirst = filter.searchesByIndex(m_searched);
    if (query.findFirst) { // unless the search matches many rows: then walking the order finds a page soonest
        RowFilter unsearched = filter;
        unsearched.search.clear();
        query.walkWhere = unsearched.sql(m_searched, m_db.driver());
        query.walkSearch = filter.searchTest(m_searched, m_db.driver());
    }
    query.descending = order == Qt::DescendingOrder;
    const ColumnSpec* column = sortColumn >= 0 && sortColumn < m_fields.count()
        ? m_searched.column(m_fields.fieldName(sortColumn))
        : nullptr; // a hidden column sorts nothing
    if (column) {
        KeysetPager::setSortColumn(&query, *column, m_dialect, m_collate);
        query.scanTable = m_dialect == db::Dialect::SQLite && filter.matches.isEmpty() && filter.search.isEmpty()
            && !indexLeadingColumns().contains(column->name);
        if (query.findFirst && !query.keyTable.isEmpty())
            query.broadProbe = filter.indexedMatchCount(m_searched, m_db.driver(), query.broadAt);
        if (const auto split
            = column->name == m_searched.searchSplitColumn && query.findFirst && query.keyTable.isEmpty()
                ? filter.searchSplit(m_searched, m_db.driver())
                : std::nullopt)
            std::tie(query.splitValues, query.splitRest) = std::tie(split->values, split->rest);
    }
    return query;
}

QSet<QString> TableStore::indexLeadingColumns() const
{
    if (!m_indexLeads) { // SQLite: the first column of each of the table's indexes, as the schema has them
        m_indexLeads.emplace();
        QSqlQuery indexes(m_db);
        if (indexes.exec(QStringLiteral("SELECT ii.name FROM pragma_index_list('%1') AS il, pragma_index_info(il.name) "
                                        "AS ii WHERE ii.seqno = 0")
                             .arg(m_spec.table))) {
            while (indexes.next())
                m_indexLeads->insert(indexes.value(0).toString());
        }
    }
    return *m_indexLeads;
}

bool TableStore::mayHold(const RowFilter& filter, const QString& id) const
{
    // That one row tested, by its primary key: the search as a test of the row (RowFilter::searchTest), never the
    // search through its index, which would find every match to look among them.
    RowFilter unsearched = filter;
    unsearched.search.clear();
    QStringList conditions { QStringLiteral("id = ?") };
    if (const QString rest = unsearched.sql(m_searched, m_db.driver()); !rest.isEmpty())
        conditions << u'(' + rest + u')';
    if (!filter.search.trimmed().isEmpty()) {
        const QString test = filter.searchTest(m_searched, m_db.driver());
        if (test.isEmpty())
            return true; // no such test (SQLite, a text beyond ASCII): it may be there
        conditions << test;
    }
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT 1 FROM %1 WHERE %2").arg(m_spec.table, conditions.join(QStringLiteral(" AND "))));
    query.addBindValue(id);
    return !query.exec() || query.next(); // a failed test says nothing: read on as before
}

QVariantMap TableStore::currentRow(const QString& id, QVariant* stamp, bool* deleted) const
{
    QVariantMap row;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %2 FROM %1 WHERE id = ?").arg(m_spec.table, selectList()));
    query.addBindValue(id);
    if (!query.exec()) {
        db::reportSqlError(tr("Reading the current version of a row"), query.lastError());
        return row;
    }
    if (!query.next())
        return row;
    const QSqlRecord record = query.record();
    for (int i = 0; i < record.count(); ++i) {
        if (const ColumnSpec* column = m_spec.column(record.fieldName(i)))
            row.insert(column->name, fromStorage(*column, query.value(i)));
    }
    *stamp = query.value(stampColumn());
    *deleted = !row.value(deletedColumn()).isNull();
    return row;
}

TableStore::Written TableStore::write(const EditJournal& journal, ConflictSet& conflicts) const
{
    Written written;
    QSqlDatabase db = m_db;
    QSqlError began;
    if (!db::beginWrite(db, &began)) {
        written.error = began;
        written.message = db::isConnectionLost(began) || !db.isOpen()
            ? tr("The connection to the database is lost: nothing was saved, and your edits are kept. Save again once "
                 "it is back.")
            : db::reportSqlError(tr("Starting to save"), began);
        if (db::isConnectionLost(began))
            db::reportSqlError(tr("Starting to save"), began);
        return written;
    }
    written.began = true;
    // A row deleted on another desktop does not hold the others back: its guarded UPDATE wrote nothing, and the rest
    // of the transaction stands. A row changed there does hold them back (the whole save is for the person to review).
    bool ok = true;
    const QStringList ids = journal.ids();
    for (const QString& id : ids) { // whether the row is read, filtered out or never read
        if (journal.isNew(id) ? insert(journal, id, &written) : update(journal, id, conflicts, &written))
            continue;
        const Conflict* conflict = conflicts.find(id);
        if (conflict && conflict->deletedElsewhere) {
            written.deletedElsewhere << id;
            continue;
        }
        ok = false;
        break;
    }
    QSqlError committed;
    if (ok && db::commitWrite(db, &committed)) {
        written.committed = true;
        return written;
    }
    if (ok && !written.error.isValid())
        written.error = committed;
    if (written.message.isEmpty())
        written.message = db::reportSqlError(
            tr("Saving %1").arg(m_spec.table), written.error.isValid() ? written.error : db.lastError());
    if (!db.rollback())
        db::reportSqlError(tr("Rolling back a failed save"), db.lastError());
    return written;
}

bool TableStore::insert(const EditJournal& journal, const QString& id, Written* written) const
{
    const EditJournal::Entry* entry = journal.find(id);
    QVariantMap values;
    if (entry) { // what was typed; what was left empty gets the column's default
        for (auto v = entry->values.cbegin(); v != entry->values.cend(); ++v) {
            if (!isNullValue(v.value()))
                values.insert(v.key(), v.value());
        }
    }
    QSqlError error;
    if (RowWriter(m_db, m_spec).insert(values, &error))
        return true;
    written->message = db::reportSqlError(tr("Adding a row to %1").arg(m_spec.table), error);
    written->error = error;
    return false;
}

bool TableStore::update(const EditJournal& journal, const QString& id, ConflictSet& conflicts, Written* written) const
{
    const EditJournal::Entry* entry = journal.find(id);
    if (!entry)
        return true;
    const EditJournal::Entry& pending = *entry;
    QSqlError error;
    switch (RowWriter(m_db, m_spec).update(id, pending.values, pending.readStamp, &error)) {
    case RowWriter::Update::Written:
        return true;
    case RowWriter::Update::Failed:
        written->message = db::reportSqlError(tr("Saving a row of %1").arg(m_spec.table), error);
        written->error = error;
        return false;
    case RowWriter::Update::Stale:
        break;
    }

    // Nobody's row matched the stamp this desktop read: someone else saved (or deleted) it first.
    QVariant theirStamp;
    bool deleted = false;
    const QVariantMap theirs = currentRow(id, &theirStamp, &deleted);
    Conflict conflict = ConflictSet::describe(m_spec, id, pending.values, pending.original, theirs, deleted);
    // Who made their version: the row's newest change in the history, where the database keeps one.
    history::ChangeFilter newest;
    newest.table = m_spec.table;
    newest.rowId = id;
    newest.limit = 1;
    QList<history::Change> changes;
    QString unread;
    // (Asked first whether the role may read it: a failed read would abort this transaction on PostgreSQL.)
    if (history::isAvailable(m_db) && history::readChanges(m_db, newest, &changes, &unread) && !changes.isEmpty()) {
        conflict.changedBy = changes.constFirst().person();
        conflict.changedVia = changes.constFirst().source;
    }
    conflicts.add(conflict, theirStamp);
    const QDateTime when = conflict.theirs.value(stampColumn()).toDateTime().toLocalTime();
    written->message = conflict.deletedElsewhere
        ? tr("This row was deleted on another desktop: keep your version or let it go")
        : conflict.changedBy.isEmpty()
        ? tr("This row was changed on another desktop at %1: review both versions")
              .arg(QLocale().toString(when.time(), QLocale::ShortFormat))
        : tr("This row was changed by %1 at %2: review both versions")
              .arg(conflict.changedBy, QLocale().toString(when.time(), QLocale::ShortFormat));
    written->error = QSqlError(written->message, {}, QSqlError::TransactionError);
    return false;
}

bool TableStore::softDelete(const QStringList& ids, QString* message) const
{
    return tables::softDelete(m_db, m_spec.table, ids, message);
}

bool TableStore::restore(const QStringList& ids, QString* message) const
{
    return tables::restore(m_db, m_spec.table, ids, message);
}

} // namespace agency::tables
