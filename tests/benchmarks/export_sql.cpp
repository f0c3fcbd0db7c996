// SPDX-License-Identifier: GPL-3.0-or-later
// Prints the SELECT that `agency-os export TABLE` streams on PostgreSQL (without Plane's tables): the "equivalent
// query" tests/benchmarks/export.sh hands to psql's \copy.
#include "export/tableexport.h"

#include <cstdio>

int main(int argc, char** argv)
{
    agency::exporting::ExportRequest request;
    request.table = QString::fromLocal8Bit(argc > 1 ? argv[1] : "agency_campaign_channels");
    std::puts(agency::exporting::postgresExportSelect(request, false).toUtf8().constData());
    return 0;
}
