// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace agency::app {

// `agency-os import time-entries --input FILE|- [--dry-run] [--db DSN]`: a time tracker's export (Harvest, Toggl
// Track, Clockify) into the clients' time entries, all or nothing; what was imported before is left as it is.
int runTimeImport(const QString& dsn, const QString& path, bool dryRun);

} // namespace agency::app
