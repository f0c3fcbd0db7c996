// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reporttable.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <optional>

namespace agency::reports {

// A client's month against its retainer. The hours used come from Plane's time logs (issue_time_logs of the client's
// workspace, by their date) where this database has them and the client is linked to a workspace; otherwise from
// the app's own time entries (agency_time_entries). Money is exact: the overage is the seconds beyond the included
// hours times the hourly rate, rounded half up to the cent once; NULL (an unknown rate or allowance) is never zero.
struct RetainerMonth {
    QString clientId;
    QString clientName;
    bool fromPlane = false; // the hours are Plane's time logs
    qint64 secondsUsed = 0;
    std::optional<qint64> includedHours;
    std::optional<qint64> hourlyRateCents;
    std::optional<qint64> retainerCents;
    std::optional<qint64> overageSeconds() const; // none without an allowance
    std::optional<qint64> overageCents() const; // none without an allowance, or with overage but no rate
    std::optional<qint64> invoiceCents() const; // the retainer and the overage; none if either is unknown
};

struct RetainerReading {
    QList<RetainerMonth> clients; // by name: live, active clients (or the one asked for)
    QStringList notes;
    QString error;
};

RetainerReading readRetainer(const QSqlDatabase& db, const QDate& month, const QString& clientId);

// `agency-os report retainer`: client_id, month, hours_included, hours_used, overage_hours, hourly_rate,
// monthly_retainer, overage_amount, invoice_total.
std::optional<ReportTable> retainerReport(
    const QSqlDatabase& db, const QDate& month, const QString& clientId, QString* error);

} // namespace agency::reports
