// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/connectionstring.h"
#include "export/tableexport.h"
#include "jobprogress.h"

#include <functional>

class QWidget;

namespace agency::ui {

// The CSV options a user chose last time (separator, BOM, formula guard), from the settings.
exporting::CsvOptions rememberedCsvOptions();
// Asks for them (remembering the answer); false when cancelled.
bool askCsvOptions(QWidget* parent);

// Runs an export off the GUI thread on a connection of its own (a streaming query must not share one), with a
// progress dialog whose Cancel stops it; the file is written atomically. Returns at once; `done` is told how it went.
void runCsvExport(QWidget* parent, const db::ConnectionString& where, const exporting::ExportRequest& request,
    const QString& path, std::function<void(const JobOutcome& outcome)> done);

} // namespace agency::ui
