// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reports/reporttable.h"

#include <QIODevice>
#include <QString>

namespace agency::ui {

// A desk report (progress, SLA, retainer, contracts) as a PDF document: its title and subtitle, the table with the
// column labels people read and the figures in their locale (A4 landscape, the header repeated on every page), then
// the notes. Written to `out`, which the caller commits or closes.
bool writeReportPdf(const reports::ReportTable& table, const QString& database, QIODevice* out, QString* error);

} // namespace agency::ui
