// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionstring.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

namespace agency::db {

// Opens `where` as a named Qt SQL connection: QPSQL with fallback_application_name=agency-os and a connect timeout, or
// QSQLITE with foreign keys on, WAL journal and a busy timeout. On failure the connection is removed again and
// `error` says what failed without the password.
QSqlDatabase openDatabase(const ConnectionString& where, const QString& connectionName, QString* error);

Dialect dialectOf(const QSqlDatabase& db);

// After a PostgreSQL server refused `where`: whether a password is what it wants — none was given (nor found in
// ~/.pgpass or the environment), or the one given was tried and refused. Asks with one more libpq connection.
bool passwordIsTheProblem(const ConnectionString& where);

// Whether a PostgreSQL connection goes through a connection pooler (pgbouncer and the like): the server process that
// answers is not the one the connection was opened with (a pooler gives the client its own process id and key).
// False on SQLite and when it cannot be told.
bool isThroughPooler(const QSqlDatabase& db);

// Starts a transaction that is going to write. On SQLite it takes the file's write lock at once (BEGIN IMMEDIATE),
// waiting up to the connection's busy timeout while another process writes, so that what the transaction reads is
// what it writes over and it never fails half-way for the lock. False when it could not start; `error` says why.
bool beginWrite(QSqlDatabase db, QSqlError* error);
// Commits what beginWrite() started, after saying in the history who made it (db::stampChanges). False when it could
// not; the transaction is then still open, for the caller to roll back.
bool commitWrite(QSqlDatabase db, QSqlError* error = nullptr);

// Whether the connection is still inside the transaction it began. A failed statement leaves SQLite's transaction
// open (only the statement is undone), except after a full disk, an I/O error, or running out of memory or the lock:
// then SQLite may have rolled all of it back, and what follows would be written outside it.
bool stillInTransaction(const QSqlDatabase& db);

// The one folder for the app's data and logs: <XDG data home>/agency-os (e.g. ~/.local/share/agency-os).
QString dataFolder();

// Makes the data folder and its logs folder readable by their owner alone (0700) and every file directly in them
// (the embedded database with its -wal and -shm, the logs) too (0600), creating the folders as needed. Returns what
// it had to change (made by an older version, or by hand), for a notice; empty when all was private already.
QStringList makeDataFolderPrivate();

// The embedded database's default location: dataFolder()/agency-os.db.
QString defaultEmbeddedPath();

// Versions before 0.2 kept data and logs in dataFolder()/agency-os (Qt's AppDataLocation with the organisation and
// the application both named agency-os). Moves what is there up into dataFolder() once; an entry whose name is
// already taken there stays where it is. Returns a sentence for the log saying what was moved or kept, or nothing
// when there was no old folder.
QString moveLegacyDataFolder();

// Closes and removes a named connection once no QSqlDatabase copy is alive in the caller.
void closeDatabase(const QString& connectionName);

} // namespace agency::db
