// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionstring.h"

#include <QSqlDatabase>
#include <QString>

namespace agency::db {

// Opens `where` as a named Qt SQL connection: QPSQL with application_name=agency-os and a connect timeout, or
// QSQLITE with foreign keys on, WAL journal and a busy timeout. On failure the connection is removed again and
// `error` says what failed without the password.
QSqlDatabase openDatabase(const ConnectionString& where, const QString& connectionName, QString* error);

Dialect dialectOf(const QSqlDatabase& db);

// The embedded database's default location (QStandardPaths::AppDataLocation/agency-os.db).
QString defaultEmbeddedPath();

// Closes and removes a named connection once no QSqlDatabase copy is alive in the caller.
void closeDatabase(const QString& connectionName);

} // namespace agency::db
