// SPDX-License-Identifier: GPL-3.0-or-later
#include "deskreportcommand.h"

#include "cli.h"
#include "reportpdf.h"
#include "reports/contractreport.h"
#include "reports/pacingreport.h"
#include "reports/progressreport.h"
#include "reports/reportsheet.h"
#include "reports/reporttable.h"
#include "reports/retainerreport.h"
#include "reports/slareport.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>

namespace agency::app {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(DeskReports)
    };

    const QStringList kinds { QStringLiteral("progress"), QStringLiteral("sla"), QStringLiteral("retainer"),
        QStringLiteral("contracts"), QStringLiteral("pacing") };

    // The month a report covers: its first day. Default: this month.
    std::optional<QDate> parseMonth(const DeskReportRequest& request)
    {
        if (!request.monthGiven) {
            const QDate today = QDate::currentDate();
            return QDate(today.year(), today.month(), 1);
        }
        static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-(\\d{2})$"));
        const auto match = pattern.match(request.month.trimmed());
        if (!match.hasMatch())
            return std::nullopt;
        const QDate first(match.captured(1).toInt(), match.captured(2).toInt(), 1);
        return first.isValid() ? std::optional<QDate>(first) : std::nullopt;
    }

    // The day a month's state is read at: today within this month, else the month's last day (its first day for
    // the contracts' reminders, which look ahead).
    QDate asOf(const QDate& month, bool lookingAhead)
    {
        const QDate today = QDate::currentDate();
        if (today.year() == month.year() && today.month() == month.month())
            return today;
        return lookingAhead ? month : month.addMonths(1).addDays(-1);
    }

    std::optional<reports::ReportTable> readReport(const QSqlDatabase& db, const QString& kind, const QDate& month,
        const QString& client, const domain::BusinessHours& hours, QString* error)
    {
        if (kind == QStringLiteral("contracts"))
            return reports::contractsReport(db, asOf(month, true), client, error);
        if (kind == QStringLiteral("progress"))
            return reports::progressReport(db, asOf(month, false), client, error);
        if (kind == QStringLiteral("pacing"))
            return reports::pacingReport(db, asOf(month, false), client, error);
        if (kind == QStringLiteral("sla"))
            return reports::slaReport(db, month, client, QDateTime::currentDateTimeUtc(), hours, error);
        return reports::retainerReport(db, month, client, error);
    }

    bool write(const reports::ReportTable& table, const QString& format, const QString& database, QIODevice* out,
        QString* error)
    {
        if (format == QStringLiteral("pdf"))
            return ui::writeReportPdf(table, database, out, error);
        if (format == QStringLiteral("xlsx"))
            return reports::writeReportXlsx(table, out, error);
        return reports::writeReportCsv(table, out, error);
    }
}

bool isDeskReport(const QString& kind)
{
    return kinds.contains(kind);
}

int runDeskReport(const DeskReportRequest& request)
{
    const auto month = parseMonth(request);
    if (!month) {
        printError(
            Text::tr("--month must be a month as YYYY-MM (for example 2026-11), not '%1'").arg(request.month.left(40)));
        return ExitUsage;
    }
    if (request.format != QStringLiteral("csv") && request.format != QStringLiteral("pdf")
        && request.format != QStringLiteral("xlsx")) {
        printError(Text::tr("report %1 needs --format csv, xlsx or pdf%2")
                       .arg(request.kind,
                           request.format.isEmpty() ? QString() : Text::tr(", not '%1'").arg(request.format.left(20))));
        return ExitUsage;
    }
    if (request.output.isEmpty()) {
        printError(Text::tr("report %1 needs --output FILE, or - for standard output").arg(request.kind));
        return ExitUsage;
    }
    static const QRegularExpression uuid(
        QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    if (!request.clientId.isEmpty() && !uuid.match(request.clientId).hasMatch()) {
        printError(Text::tr("--client must be a client's id (a UUID), not '%1'").arg(request.clientId.left(40)));
        return ExitUsage;
    }
    QString hoursError;
    const auto hours = domain::BusinessHours::parse(request.businessHours, &hoursError);
    if (!hours) {
        printError(Text::tr("--business-hours: %1").arg(hoursError));
        return ExitUsage;
    }
    return withWorkDatabase(
        request.dsn, QStringLiteral("report"),
        [&](QSqlDatabase& db, const db::ConnectionString& where) {
            QString error;
            const auto table = readReport(db, request.kind, *month, request.clientId.toLower(), *hours, &error);
            if (!table) {
                printError(Text::tr("report %1 failed, nothing written: %2").arg(request.kind, error));
                return int(ExitFailure);
            }
            if (request.output == QStringLiteral("-")) {
                QFile out;
                if (standardOutputWasClosed() || !out.open(stdout, QIODevice::WriteOnly)
                    || !write(*table, request.format, where.redacted(), &out, &error) || !out.flush()) {
                    printError(Text::tr("report %1 to standard output failed: %2")
                                   .arg(request.kind, error.isEmpty() ? Text::tr("standard output is closed") : error));
                    return int(ExitFailure);
                }
                return int(ExitOk);
            }
            QSaveFile out(request.output);
            if (!out.open(QIODevice::WriteOnly) || !write(*table, request.format, where.redacted(), &out, &error)
                || !out.commit()) {
                printError(Text::tr("report %1 failed, no file written: %2")
                               .arg(request.kind, error.isEmpty() ? out.errorString() : error));
                return int(ExitFailure);
            }
            return int(ExitOk);
        },
        DataUse::Reads);
}

} // namespace agency::app
