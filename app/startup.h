// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/connectionstring.h"

#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace agency::app {

// Where to connect: --db, else AGENCY_OS_DB, else `fallback` (the GUI's last database), else the embedded file.
std::optional<db::ConnectionString> resolveDatabase(const QString& option, const QString& fallback, QString* error);

// Opens the database for work: the embedded SQLite database is migrated on the spot; a PostgreSQL schema that is
// not current is an error that says to run `agency-os migrate up` (the shared schema is an administrator's call).
QSqlDatabase openForWork(const db::ConnectionString& where, const QString& connectionName, QString* error);

} // namespace agency::app
