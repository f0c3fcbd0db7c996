// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlError>
#include <QString>

namespace agency::db {

// The one place a failed statement is logged. Returns a message a person can act on: what failed (the context)
// and why (the driver's text, or what an empty error after a dropped connection means).
QString reportSqlError(const QString& context, const QSqlError& error);

// True for errors that mean the server connection is gone (SQLSTATE class 08, 57P01…).
bool isConnectionLost(const QSqlError& error);

} // namespace agency::db
