// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace agency::db {

// Which part of Agency OS makes the changes of this process, for the history (agency_change_log's `source`): the
// window ("app") or `agency-os import` ("cli-import"). A change made by any other program is "other".
enum class ChangeSource { App, CliImport };

// Process-wide; the connections opened after it carry it.
void setChangeSource(ChangeSource source);
ChangeSource changeSource();
QString changeSourceName(ChangeSource source); // "app", "cli-import"

// The person at this desktop, as the history names them: the OS user's login name.
QString changePerson();

// What the app calls itself to PostgreSQL (application_name), and how the history's trigger knows a change is
// Agency OS's and whose: "agency-os/<person>", or "agency-os import/<person>" for the CLI import.
QString applicationName();

// SQLite has no roles or application names: the history's triggers write every change as another program's ('other',
// no role, no person), and a write transaction of the app says who made it just before it commits, in one statement
// over the log rows it wrote (those after the last one there when it began: it holds the file's only write lock).
// A transaction that commits without it leaves its changes as 'other', never another's as the app's.
// Both do nothing on PostgreSQL (application_name says it there) and where the file keeps no history.
void noteWriteStarted(QSqlDatabase db); // after BEGIN IMMEDIATE
bool stampChanges(QSqlDatabase db, QString* error = nullptr); // before COMMIT; false when SQLite refused it

} // namespace agency::db
