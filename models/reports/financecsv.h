// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/csvwriter.h"
#include "financereport.h"

#include <QIODevice>

namespace agency::reports {

// The finance review's figures as one CSV table for a spreadsheet, a row per figure set, told apart by `section`:
//   total     the filter's headline figures (one row)
//   client    each client's totals
//   campaign  each campaign under the filter: its figures, pace, forecast and why it needs attention
// Amounts and shares are written as files write them ("1234.50", "80.00"), NULL as an empty field, never 0; a
// figure that does not apply to a section is empty too.
struct FinanceFigures {
    QDate asOf;
    Thresholds thresholds;
    QList<BudgetTotals> clients;
    QList<CampaignLine> campaigns;
};

// false with `error` (the system's reason) when the device refuses a write.
bool writeFinanceCsv(
    QIODevice* out, const FinanceFigures& figures, const exporting::CsvOptions& options, QString* error);

// The same rows as an .xlsx workbook of real cells (amounts, shares, counts, dates, booleans).
bool writeFinanceXlsx(QIODevice* out, const FinanceFigures& figures, QString* error);
// The rows into either.
bool writeFinanceRows(exporting::RowSink& csv, const FinanceFigures& figures, QString* error);

// The figures of `filter` as of today, read from `report` and written to `path` whole or not at all — as a workbook
// when `path` ends in .xlsx, else as CSV: the one file both `report finance --format csv|xlsx` and the dashboard's
// "Finance figures CSV…" write. false with `error`: the
// database's or the file system's reason.
// `workbook`: an .xlsx workbook whatever the path's ending (none: by the ending).
bool saveFinanceCsv(FinanceReport& report, const ReportFilter& filter, const Thresholds& thresholds,
    const QString& path, QString* error, std::optional<bool> workbook = std::nullopt);

} // namespace agency::reports
