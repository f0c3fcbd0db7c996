// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reporttable.h"

#include <QIODevice>
#include <QString>

namespace agency::reports {

// A report as an .xlsx workbook: its header, and each figure a real cell of its kind — money with two decimals, hours
// and counts as numbers, percentages, dates — read from the exact figure's file text; text as text, NULL an empty
// cell. Cell by cell, so that a table of section, item and value rows (the client overview) has numbers where its
// values are numbers. false with `error` when the device refuses.
bool writeReportXlsx(const ReportTable& table, QIODevice* out, QString* error);

// Whether `path` asks for a workbook (it ends in .xlsx).
bool isWorkbookPath(const QString& path);

} // namespace agency::reports
