// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/money.h"

#include <QDate>
#include <QHash>
#include <QSqlDatabase>
#include <QStringList>
#include <optional>

namespace agency::reports {

// What a channel's pace is worked out from besides its own share of the budget (which a table row holds, edits and
// all): its campaign's allocation and days, and what its imported spend adds up to.
struct PaceBasis {
    QString campaignId;
    std::optional<domain::Money> allocated;
    QDate start;
    QDate end;
    std::optional<domain::Money> spent; // periods ending on or before the day asked for; none: nothing imported
};

// The basis of each of `channelIds` that exists (deleted ones too: a table showing deleted rows shows their pace), in
// one statement per 500 channels, the spend added up by the database to the cent; nullopt with `error` when it
// cannot be read. The role must be allowed to read the imported spend (mayReadImportedSpend()).
std::optional<QHash<QString, PaceBasis>> readPaceBases(
    const QSqlDatabase& db, const QStringList& channelIds, const QDate& asOf, QString* error);

} // namespace agency::reports
