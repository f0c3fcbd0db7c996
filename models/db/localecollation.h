// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace agency::db {

// How text is ordered for people: in their language's order, "Bäckerei" before "Brauhaus" (byte order puts every
// letter with an accent after "z"). Returns the clause to put after a text expression in ORDER BY and in a keyset's
// comparison (" COLLATE …"), for this connection:
// - PostgreSQL: ICU's root collation "und-x-icu" when the server was built with ICU (Debian's is), else nothing (the
//   database's own collation, as before); asked once per connection.
// - SQLite: "agency_locale", a collation the app registers on the connection the first time it is asked (so any
//   connection that runs such a query registers it first): QCollator in the user's language. Only queries use it, never
//   the schema, so other programs (sqlite3) open and write the file as before.
QString localeCollation(QSqlDatabase db);

} // namespace agency::db
