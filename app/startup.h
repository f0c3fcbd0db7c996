// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/connectionstring.h"

#include <QLocale>
#include <QSettings>
#include <QSqlDatabase>
#include <QString>
#include <QTranslator>
#include <optional>

namespace agency::app {

// Where to connect: --db, else AGENCY_OS_DB, else `fallback` (the GUI's last database), else the embedded file.
std::optional<db::ConnectionString> resolveDatabase(const QString& option, const QString& fallback, QString* error);

// Installs the app's own translation (compiled in, :/i18n) and Qt's (qtbase_*.qm from Qt's translations folder, so
// standard dialog buttons speak the same language) for `locale`; logs which were found. Returns the installed ones
// (owned by the application).
QList<QTranslator*> installTranslations(const QLocale& locale);
// The language the window speaks: the one chosen in View → Language (settings "window/language": en, de, fr), else
// the desktop's. Numbers and dates keep the desktop's formats.
QLocale uiLocale(const QSettings& settings);

// After db::moveLegacyDataFolder(): the remembered databases (last used, recent) that named the embedded database at
// its old place name it at the new one.
void followMovedDataFolder(QSettings& settings);

// The remembered databases (last used, recent) as they are shown: without a secret an older version kept there (an
// sslpassword option).
void forgetRememberedSecrets(QSettings& settings);

// What a command does with the data.
enum class DataUse {
    Writes, // may create the embedded database (demo-data, migrate)
    WritesExisting, // writes into a database that must exist (import): a mistyped SQLite path is refused
    Reads, // only reads (export, chart, report, history): a mistyped SQLite path is refused, not created empty and
           // read as empty; a schema newer than the app is read as it is (its tables keep what this app knows)
};

// Opens the database for work: the embedded SQLite database is migrated on the spot; a PostgreSQL schema that is
// not current is an error that says to run `agency-os migrate up` (the shared schema is an administrator's call). A
// schema newer than this app is read-only: opened for DataUse::Reads, refused for writing.
QSqlDatabase openForWork(
    const db::ConnectionString& where, const QString& connectionName, QString* error, DataUse use = DataUse::Writes);

} // namespace agency::app
