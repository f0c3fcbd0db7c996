// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reporttable.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace agency::reports {

// A client whose contract needs a word: it ends within 30, 60 or 90 days, or it has ended while the client is still
// marked active. Deleted clients are left out; so are inactive clients whose contract has ended (nothing to do).
struct ContractReminder {
    enum class Kind { Ending30, Ending60, Ending90, EndedButActive };
    QString clientId;
    QString clientName;
    QDate end;
    qint64 daysLeft = 0; // negative once ended
    Kind kind = Kind::Ending90;
    QString code() const; // ending_30, ending_60, ending_90, ended_but_active (the CSV's words)
    QString text() const; // for people, translated
};

// Soonest end first (the longest ended first among those ended), then by name. `clientId` empty: every client.
std::optional<QList<ContractReminder>> readContractReminders(
    const QSqlDatabase& db, const QDate& today, const QString& clientId, QString* error);

// `agency-os report contracts`: client_id, client_name, contract_end_date, days_left, reminder.
std::optional<ReportTable> contractsReport(
    const QSqlDatabase& db, const QDate& today, const QString& clientId, QString* error);

} // namespace agency::reports
