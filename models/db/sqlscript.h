// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QStringView>

namespace agency::db {

// Splits a migration script into single statements (QSQLITE runs only the first statement of a string).
// Semicolons inside quotes, comments, $tag$ bodies and CREATE TRIGGER … BEGIN … END blocks do not split.
QStringList splitSqlScript(QStringView script);

} // namespace agency::db
