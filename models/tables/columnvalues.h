// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/connectionstring.h"
#include "tablespec.h"

#include <QString>
#include <QVariant>

namespace agency::tables {

// What the driver returned → one shape on both backends: QDate, QDateTime (UTC), bool, qlonglong, and QString for
// money/percent (exact decimal text), uuid and JSON. NULL stays a null QVariant.
QVariant fromStorage(const ColumnSpec& column, const QVariant& raw);

// A value from the app → what to bind for `dialect`. Money/percent become canonical decimal text.
QVariant toStorage(const ColumnSpec& column, const QVariant& value, db::Dialect dialect);

// Why `value` cannot be stored in `column` ("Hourly rate: at most two decimals …"), or an empty string when it can.
QString problemWith(const ColumnSpec& column, const QVariant& value);

bool isNullValue(const QVariant& value);
QString instantToStorageText(const QDateTime& instant); // "2026-11-24T20:10:00.123Z"

} // namespace agency::tables
