// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reporttable.h"

#include <QDate>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace agency::reports {

// `agency-os report progress`: one row per live campaign (of one client, when `clientId` is given), its work in its
// Plane project beside its money, as of `asOf`: campaign_id, plane_project_id, plane_state (live, archived, deleted,
// workspace_deleted, missing, unlinked; empty where Plane cannot be read), issues_done, issues_counted, points_done,
// points_total (where the project estimates in points), spent_pct, elapsed_pct. What Plane could not give is in the
// notes, once each.
std::optional<ReportTable> progressReport(
    const QSqlDatabase& db, const QDate& asOf, const QString& clientId, QString* error);

} // namespace agency::reports
