// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace agency::app {

// What `agency-os report progress|sla|retainer|contracts` was asked for, as typed.
struct DeskReportRequest {
    QString kind; // progress, sla, retainer or contracts
    QString dsn;
    bool monthGiven = false;
    QString month; // YYYY-MM
    QString clientId; // empty: every client
    QString format; // csv or pdf
    QString output; // a file, or - for standard output
    QString businessHours; // sla: "Mon-Fri 09:00-17:00 Europe/Berlin"; empty: calendar hours
};

bool isDeskReport(const QString& kind);
// Checks the request (usage errors exit 2), reads the report and writes it. Returns the exit code.
int runDeskReport(const DeskReportRequest& request);

} // namespace agency::app
