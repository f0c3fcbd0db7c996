// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/businesshours.h"
#include "reporttable.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <optional>

namespace agency::reports {

// A request in a client's Plane workspace and its first response: the earlier of the first comment by someone other
// than its writer (not deleted; the comment's actor, else who created it) and its first move into a state of the
// "started" group (issue_activities, field "state").
struct SlaIssue {
    QString id;
    QString identifier; // the project's identifier and the issue's number: "SPR-3"
    QString name;
    qint64 createdAt = 0; // seconds since the epoch
    std::optional<qint64> respondedAt;
    // Counted in `hours` (calendar hours unless the agency counts its working hours only).
    std::optional<qint64> responseSeconds(const domain::BusinessHours& hours) const;
};

// One client's month: every issue of its workspace written in that month (UTC) that is neither deleted nor a draft
// (archived and triage issues count: they were requests), measured against its tier's response time (in calendar
// hours, or in the agency's business hours when it counts those). A breach: the first response came later than the tier
// allows, or has not come and the time has passed. About to breach: not answered, with less than a quarter of the time
// (at least an hour) left.
struct ClientSla {
    QString clientId;
    QString clientName;
    QString workspaceId; // its Plane workspace
    std::optional<int> allowedHours; // the tier's response_time_hours; none: nothing is a breach
    int issues = 0;
    int responded = 0;
    std::optional<qint64> medianHundredths; // of the responses' hours, interpolated as percentile_cont does
    std::optional<qint64> p90Hundredths;
    QList<SlaIssue> breaches;
    QList<SlaIssue> aboutToBreach;
};

struct SlaReading {
    bool available = false;
    QString unavailable; // why Plane's work cannot be read here (no Plane, a Plane version without issues)
    QString error; // a read that failed (the connection, a right): the report cannot be trusted
    QStringList notes; // what this Plane version cannot tell
    QList<ClientSla> clients; // by name: live clients linked to a Plane workspace
    domain::BusinessHours hours; // what the hours count
};

// `month`: its first day. `now`: what "the time has passed" is measured against. `hours`: the hours that count.
SlaReading readSla(const QSqlDatabase& db, const QDate& month, const QString& clientId, const QDateTime& now,
    const domain::BusinessHours& hours = {});

// `agency-os report sla`: client_id, month, issues, responded, median_response_hours, p90_response_hours, breaches,
// response_time_hours; the breaches (and those about to breach) listed in the PDF's notes.
std::optional<ReportTable> slaReport(const QSqlDatabase& db, const QDate& month, const QString& clientId,
    const QDateTime& now, const domain::BusinessHours& hours, QString* error);

// The q-th quantile (q in tenths: 5 the median, 9 the 90th percentile) of `seconds`, sorted ascending, interpolated
// between neighbours as PostgreSQL's percentile_cont does, as hundredths of an hour (half up); exact integers.
std::optional<qint64> quantileHundredths(const QList<qint64>& seconds, int tenths);

} // namespace agency::reports
