// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <optional>

namespace agency::tables {

struct TableSpec;

// The values of a coded column in use in live rows (channel types as they were typed: "google_ads", "Google Ads"),
// sorted, at most `limit`; read by skipping along the column's index where it leads one (one seek per value).
QStringList valuesInUse(QSqlDatabase db, const TableSpec& spec, const QString& column, int limit = 500);

// Two spellings of one value made one: every live row whose `column` is `from` gets `into`, in one transaction
// (each row's updated_at moves on, so other desktops see the change). The number of rows changed; nullopt with
// `error` (nothing changed) when the database refuses.
std::optional<int> mergeValues(QSqlDatabase db, const TableSpec& spec, const QString& column, const QString& from,
    const QString& into, QString* error);

} // namespace agency::tables
