// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/connectionstring.h"
#include "tablespec.h"

#include <QString>
#include <QVariant>

namespace agency::tables {

// Text a person typed that cannot be read as the column's value where they typed it ("1234.5" in German, where a dot
// groups thousands): kept in the edit as typed, so that the field goes on showing it, and refused on Save with `why` —
// never saved as some other value, never dropped in favour of the value before.
struct RefusedInput {
    QString typed;
    QString why;
    friend bool operator==(const RefusedInput&, const RefusedInput&) = default;
};
const RefusedInput* refusedInput(const QVariant& value); // nullptr unless `value` holds one

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

Q_DECLARE_METATYPE(agency::tables::RefusedInput)
