// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/money.h"
#include "tables/tablespec.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QVariant>
#include <optional>

// Values as the export writes them: a COPY field unescaped, a value read through Qt formatted as PostgreSQL prints
// it, and the exact text SQLite keeps for money, percentages and instants checked and read without a detour through
// QVariant (tableexport.cpp's three paths).
namespace agency::exporting::values {

// One field of COPY's text format, unescaped in place: \N is NULL, backslash escapes as PostgreSQL writes them.
QByteArray unescapeCopyField(QByteArrayView raw);
// A value of `column` read through Qt (the generic path), as PostgreSQL prints it and the CSV writes it.
QByteArray formatOwn(const tables::ColumnSpec& column, const QVariant& raw);
bool isDigit(char c);
// An instant stored exactly as the export writes it (yyyy-MM-ddTHH:mm:ss.zzzZ, as the app and SQLite's strftime
// store them), so it needs no parsing.
bool isCanonicalInstant(QByteArrayView v);
// "digits.dd", the form the schema's CHECKs keep money and percentages in, as a count of hundredths.
std::optional<qint64> storedHundredths(QByteArrayView v);
std::optional<domain::Money> storedMoney(QByteArrayView v);
std::optional<domain::Percent> storedPercent(QByteArrayView v);

} // namespace agency::exporting::values
