// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "spendreport.h"

#include <QHash>
#include <QIODevice>
#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <optional>

namespace agency::spend {

// A report line no channel was found for, and why (a report lists the whole ad account, not only what the agency
// tracks: these are said, not refused).
struct Unmatched {
    int line = 0;
    QString account;
    QString campaign;
    QString campaignName;
    QString reason;
};

// What an import changes for one channel: its spend in all (from every period imported for it) and its counts,
// before and after.
struct ChannelChange {
    QString channelId;
    QString campaignId;
    domain::Money spentBefore;
    domain::Money spentAfter;
    QMap<QString, double> metricsBefore;
    QMap<QString, double> metricsAfter;
    int periodsAdded = 0;
    int periodsChanged = 0;
};

struct SpendImportReport {
    std::optional<Platform> platform;
    int lines = 0; // report lines read (summary lines aside)
    int matched = 0; // of those, the lines matched to a channel
    static constexpr int unmatchedKept = 1000;
    QList<Unmatched> unmatched; // the first unmatchedKept of them
    int unmatchedLines = 0; // all of them
    int periodsAdded = 0;
    int periodsChanged = 0;
    int periodsUnchanged = 0; // imported before with the same figures: nothing to do
    QList<ChannelChange> channels; // the channels whose figures change, by channel id
    QList<SpendProblem> problems; // any: nothing was written
    bool ok() const { return problems.isEmpty(); }
};

struct SpendImportOptions {
    std::optional<Platform> format; // nullopt: recognised from the header
    bool workbook = false; // the device holds an .xlsx report's first sheet as exporting::sheetToCsv writes it
    bool dryRun = false;
    // 1 unit of the key's currency is this many of the campaign's, as decimal text ("USD" → "0.92").
    QHash<QString, QString> rates;
};

// Reads a report (readSpendReport), matches each line to a live channel by its external account and campaign ids
// (the account's dashes and spaces aside; by the campaign id alone when the report has no account column and one
// channel has it), and keeps one row per channel and period in agency_channel_spend: a period imported before with
// the same figures changes nothing, with new figures is replaced, and one overlapping a different period imported
// before refuses the file. Lines of one channel and period (a report broken down by placement) are added up. Then
// each changed channel's performance_data takes the sums of its counts (impressions, clicks, conversions, results,
// link clicks; reach is not a sum and is kept per period only) and its campaign's budget_spent the sum of its
// channels' spend. A report in another currency than the campaign's (its metadata's "currency", else the one its
// spend was imported in before, else the report's) is refused with both named unless a rate is given. All of it in
// one write transaction, with the report's lines kept in temporary tables rather than in memory; `dryRun` does it all
// and rolls it back (so it needs the rights the import needs, and passes every check the import does).
SpendImportReport importSpend(QSqlDatabase db, QIODevice* device, const SpendImportOptions& options);

// "USD=0.92" into `rates`; false with `error` set when it is not CUR=RATE (a three-letter code, a positive decimal
// of at most six places).
bool parseRate(const QString& text, QHash<QString, QString>* rates, QString* error);

} // namespace agency::spend
