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

// SQLite has no roles or application names: the history's triggers write a change as another program's, and each of
// the app's connections adds who it is with a temporary trigger of its own (the OS user as role and person, the
// source). Made once per connection, within a write; nothing on PostgreSQL or where the file has no history yet.
// False only when SQLite refused it (`error` says why).
bool markChangeSource(QSqlDatabase db, QString* error = nullptr);

} // namespace agency::db
