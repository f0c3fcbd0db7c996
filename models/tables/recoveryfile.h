// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QString>
#include <optional>

namespace agency::tables {

// A window's unsaved edits, kept when it is stopped by a signal (SIGTERM, SIGINT, SIGHUP: a logout, a shutdown, a
// kill): each table's journal (EditJournal::toBytes()), when, and for which database. Offered on the next start with
// that database, and removed once taken back or declined.
struct RecoveredEdits {
    QDateTime at; // UTC
    QString database; // the connection string, without its password
    QMap<QString, QByteArray> tables; // table → its journal
};

// Where the edits for `database` (ConnectionString::redacted()) wait: one file per database in the data folder.
QString recoveryPath(const QString& database);
// Written whole or not at all, readable by its owner alone (0600, in a 0700 folder).
bool writeRecovery(const QString& path, const RecoveredEdits& edits, QString* error);
// nullopt when there is no file; a file this version cannot read is an error (and stays where it is).
std::optional<RecoveredEdits> readRecovery(const QString& path, QString* error);

} // namespace agency::tables
