// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>
#include <functional>

// What migration 0008's triggers wrote to agency_change_log, read back: one record's history, the table-wide recent
// changes, the rows the CLI prints for an audit, and the retention that prunes it.
namespace agency::history {

// One column of one change: its value before and after, as the history keeps it (text, or a null QVariant for NULL).
// tables::fromStorage() makes either the value a form holds.
struct FieldChange {
    QString column;
    QVariant before;
    QVariant after;
};

struct Change {
    qint64 id = 0;
    QDateTime at; // the transaction's time, UTC
    QString table; // agency_clients, …
    QString rowId;
    QString operation; // insert, update, soft_delete, restore, delete
    QList<FieldChange> fields; // in the table's column order
    QString dbRole; // PostgreSQL's role; on SQLite the OS user of an Agency OS connection
    QString appUser; // the person, when Agency OS made it
    QString source; // app, cli-import, other

    QString person() const { return appUser.isEmpty() ? dbRole : appUser; } // who, as a person reads it
    const FieldChange* field(const QString& column) const;
};

// Which changes to read. Empty members do not narrow.
struct ChangeFilter {
    QString table;
    QString rowId;
    QDateTime since; // from this instant on
    QDateTime until; // before this instant
    QString person; // the person or the role
    QString column; // changes that touched this column
    qint64 beforeId = 0; // newest first: the page after the change with this id
    qint64 afterId = 0; // oldest first: the batch after the change with this id
    bool oldestFirst = false;
    int limit = 200;
};

// Whether this database keeps a history this role may read (migration 0008 applied, SELECT granted). Asked in a way
// that never fails a statement, so that it may be asked inside a transaction (on PostgreSQL a failed statement
// would abort it: a role granted its tables before 0008 may not read the log).
bool isAvailable(const QSqlDatabase& db);

// The changes `filter` selects, newest first unless it asks for the oldest first. False on an error (`error`).
bool readChanges(const QSqlDatabase& db, const ChangeFilter& filter, QList<Change>* out, QString* error);

// The people and roles that made the recent changes (for a filter's list), in order.
QStringList people(const QSqlDatabase& db);

// Deletes the history from before `before`, a batch per transaction so that no user waits for it; `progress` is told
// the rows deleted so far after each batch and may stop it (false). Returns the rows deleted, or -1 on an error.
qint64 prune(const QSqlDatabase& db, const QDateTime& before, const std::function<bool(qint64)>& progress,
    QString* error, int batch = 5000);

} // namespace agency::history
