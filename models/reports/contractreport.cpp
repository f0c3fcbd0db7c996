// SPDX-License-Identifier: GPL-3.0-or-later
#include "contractreport.h"

#include "db/sqlerror.h"
#include "tables/columnvalues.h"
#include "tables/tablespec.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

namespace agency::reports {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(ContractReport)
    };
}

QString ContractReminder::code() const
{
    switch (kind) {
    case Kind::Ending30:
        return QStringLiteral("ending_30");
    case Kind::Ending60:
        return QStringLiteral("ending_60");
    case Kind::Ending90:
        return QStringLiteral("ending_90");
    case Kind::EndedButActive:
        return QStringLiteral("ended_but_active");
    }
    return {};
}

QString ContractReminder::text() const
{
    switch (kind) {
    case Kind::Ending30:
    case Kind::Ending60:
    case Kind::Ending90:
        return daysLeft == 0 ? Text::tr("ends today") : Text::tr("ends in %n day(s)", nullptr, int(daysLeft));
    case Kind::EndedButActive:
        return Text::tr("ended %n day(s) ago, still marked active", nullptr, int(-daysLeft));
    }
    return {};
}

std::optional<QList<ContractReminder>> readContractReminders(
    const QSqlDatabase& db, const QDate& today, const QString& clientId, QString* error)
{
    const tables::TableSpec& spec = tables::clientsSpec();
    const tables::ColumnSpec& end = *spec.column(spec.endColumn);
    const tables::ColumnSpec& active = *spec.column(spec.columnFor(tables::ColumnRole::Active));
    const QString sql
        = QStringLiteral("SELECT %1, %2, %3, %4 FROM %5 WHERE %6 IS NULL AND %3 IS NOT NULL")
              .arg(tables::idColumn(), spec.nameColumn, end.name, active.name, spec.table, tables::deletedColumn());
    QSqlQuery query(db);
    if (!execNarrowed(query, sql, tables::idColumn(), clientId)) {
        *error = db::reportSqlError(Text::tr("Reading the clients' contracts"), query.lastError());
        return std::nullopt;
    }
    QList<ContractReminder> reminders;
    while (query.next()) {
        ContractReminder reminder;
        reminder.clientId = query.value(0).toString();
        reminder.clientName = query.value(1).toString();
        reminder.end = tables::fromStorage(end, query.value(2)).toDate();
        if (!reminder.end.isValid())
            continue;
        reminder.daysLeft = today.daysTo(reminder.end);
        const bool isActive = tables::fromStorage(active, query.value(3)).toBool();
        if (reminder.daysLeft < 0) {
            if (!isActive)
                continue;
            reminder.kind = ContractReminder::Kind::EndedButActive;
        } else if (reminder.daysLeft <= 30) {
            reminder.kind = ContractReminder::Kind::Ending30;
        } else if (reminder.daysLeft <= 60) {
            reminder.kind = ContractReminder::Kind::Ending60;
        } else if (reminder.daysLeft <= 90) {
            reminder.kind = ContractReminder::Kind::Ending90;
        } else {
            continue;
        }
        reminders << reminder;
    }
    std::sort(reminders.begin(), reminders.end(), [](const ContractReminder& a, const ContractReminder& b) {
        if (a.end != b.end)
            return a.end < b.end;
        const int byName = QString::localeAwareCompare(a.clientName, b.clientName);
        return byName != 0 ? byName < 0 : a.clientId < b.clientId;
    });
    return reminders;
}

std::optional<ReportTable> contractsReport(
    const QSqlDatabase& db, const QDate& today, const QString& clientId, QString* error)
{
    const auto reminders = readContractReminders(db, today, clientId, error);
    if (!reminders)
        return std::nullopt;
    ReportTable table;
    table.title = Text::tr("Contracts");
    table.subtitle = Text::tr("Ending within 90 days, or ended while marked active, as of %1")
                         .arg(QLocale().toString(today, QLocale::ShortFormat));
    table.columns = { QStringLiteral("client_id"), QStringLiteral("client_name"), QStringLiteral("contract_end_date"),
        QStringLiteral("days_left"), QStringLiteral("reminder") };
    table.labels = { Text::tr("Client id"), Text::tr("Client"), Text::tr("Contract end"), Text::tr("Days left"),
        Text::tr("Reminder") };
    for (const ContractReminder& reminder : *reminders)
        table.rows << QList<ReportCell> { ReportCell::text(reminder.clientId), ReportCell::text(reminder.clientName),
            ReportCell::date(reminder.end), ReportCell::integer(reminder.daysLeft),
            ReportCell::coded(reminder.code(), reminder.text()) };
    return table;
}

} // namespace agency::reports
