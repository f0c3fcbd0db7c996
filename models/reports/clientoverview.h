// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plane/planework.h"
#include "reports/contractreport.h"
#include "reports/financereport.h"
#include "reports/reporttable.h"
#include "reports/retainerreport.h"
#include "reports/slareport.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <optional>

namespace agency::reports {

// One client on one page, for a month: its tier and terms, its contract, the month's retainer ledger and response
// times, each campaign's money beside its work, and what needs a word. Read at once (off the GUI thread): the same
// reads as the desk's reports, for this client only.
struct ClientOverview {
    struct Campaign {
        CampaignLine line;
        plane::CampaignWork work;
    };
    QString clientId;
    QString clientName;
    QString tierName; // empty: no tier
    std::optional<qint64> responseHours;
    std::optional<qint64> includedHours;
    std::optional<qint64> hourlyRateCents;
    std::optional<qint64> retainerCents;
    QDate contractStart;
    QDate contractEnd;
    QDate month; // its first day
    std::optional<ContractReminder> contract;
    std::optional<RetainerMonth> retainer;
    std::optional<ClientSla> sla;
    QString slaUnavailable; // why there are no response times (no Plane, no workspace)
    domain::BusinessHours slaHours; // what the response times count
    QList<Campaign> campaigns;
    QStringList warnings; // what needs a word, most pressing first

    // The same figures as rows of section, item and value, for CSV: exact, as our files write them.
    ReportTable table() const;
};

// `hours`: what the response times count (calendar hours by default).
std::optional<ClientOverview> readClientOverview(const QSqlDatabase& db, const QString& clientId, const QDate& month,
    const QDateTime& now, QString* error, const domain::BusinessHours& hours = {});

} // namespace agency::reports
