// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/money.h"
#include "reporttable.h"

#include <QDate>
#include <QList>
#include <QLocale>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace agency::reports {

// A channel's (or campaign's) pace: what it has spent against the straight line from nothing on its first day to its
// budget on its last.
struct Pace {
    std::optional<qint64> plannedCents; // the budget × days gone ÷ days in all, to the cent (none: no budget or days)
    std::optional<qint64> spentCents; // what its imported spend adds up to, to the day (none: nothing imported)
    std::optional<qint64> paceHundredths; // spent ÷ planned, in hundredths of a percent (none: nothing planned yet)
    std::optional<qint64> projectedCents; // spent ÷ days gone × days in all
    QDate runsOutOn; // the day the budget is spent at the rate so far (invalid: nothing spent)
    QString light; // on (within ±10 %), under, over; empty without a pace
};

// The pace of `budget` over `start`…`end` (both days counted) with `spent` spent up to `asOf`; every figure rounded
// half up, exact in cents.
Pace paceOf(std::optional<domain::Money> budget, const QDate& start, const QDate& end,
    std::optional<domain::Money> spent, const QDate& asOf);

// "104.23 % of plan: over": a pace as the window says it (the percentage exact, as worked out); empty without one.
QString paceText(const Pace& pace, const QLocale& locale);
// What it is made of, in a sentence: "Spent 1,042.30 of 1,000.00 planned to date; 3,126.90 projected at the end; the
// budget runs out on 20/12/2026".
QString paceDetails(const Pace& pace, const QLocale& locale);

// Whether this role may read the spend `import spend` keeps (agency_channel_spend); always on SQLite. Asked without
// failing a statement (a refused read would be logged as a failure).
bool mayReadImportedSpend(const QSqlDatabase& db);

// One channel's pace, with what people call it.
struct PaceLine {
    QString channelId;
    QString campaignId;
    QString channelType; // its code (google_ads)
    QString campaignLabel; // as the window names the campaign
    Pace pace;
};

// Which channels readPaces() reads: every one (the report's rows), or only those with imported spend (the dashboard's
// list of the channels off pace: a million channels without any are not read at all).
enum class PaceScope { EveryChannel, WithSpend };

// The pace of every live, active channel of a live campaign (of one client, when `clientId` is given) as of `asOf`,
// most off pace first, those without a pace last (see pacingReport()); nullopt with `error` when it cannot be read.
std::optional<QList<PaceLine>> readPaces(const QSqlDatabase& db, const QDate& asOf, const QString& clientId,
    QString* error, PaceScope scope = PaceScope::EveryChannel);

// `agency-os report pacing`: one row per live, active channel of a live campaign (of one client, when `clientId` is
// given), as of `asOf`: channel_id, campaign_id, planned_to_date, spent_to_date, pace_pct, projected_at_end,
// runs_out_on, light. The budget is the channel's effective one (its fixed amount, else its share of the campaign's
// allocation); the days are the campaign's; the spend is what `import spend` keeps for the channel, periods ending
// on or before `asOf`. Most off pace first.
std::optional<ReportTable> pacingReport(
    const QSqlDatabase& db, const QDate& asOf, const QString& clientId, QString* error);

} // namespace agency::reports
