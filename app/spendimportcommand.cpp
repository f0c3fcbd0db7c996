// SPDX-License-Identifier: GPL-3.0-or-later
#include "spendimportcommand.h"

#include "cli.h"
#include "export/sheetreader.h"
#include "spend/spendimport.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <cstdio>

namespace agency::app {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(CommandLine)
    };

    void print(const QString& line)
    {
        std::fputs(qUtf8Printable(line + u'\n'), stdout);
    }

    QString counts(const QMap<QString, double>& metrics)
    {
        QStringList parts;
        for (auto it = metrics.cbegin(); it != metrics.cend(); ++it)
            parts << QStringLiteral("%1 %2").arg(it.key(), QLocale::c().toString(it.value(), 'g', 15));
        return parts.isEmpty() ? QStringLiteral("-") : parts.join(QStringLiteral(", "));
    }
}

int runSpendImport(
    const QString& dsn, const QString& path, const QString& format, const QStringList& rates, bool dryRun)
{
    spend::SpendImportOptions options;
    options.dryRun = dryRun;
    if (!format.isEmpty() && format != QStringLiteral("auto")) {
        options.format = spend::platformFromName(format);
        if (!options.format) {
            printError(Text::tr("--format must be auto, google-ads, meta, microsoft or generic, not '%1'")
                           .arg(format.left(40)));
            return ExitUsage;
        }
    }
    for (const QString& rate : rates) {
        QString error;
        if (!spend::parseRate(rate, &options.rates, &error)) {
            printError(error);
            return ExitUsage;
        }
    }
    QFile file;
    if (!openInput(path, &file))
        return ExitFailure;
    return withWorkDatabase(dsn, QStringLiteral("import"), [&](QSqlDatabase& db, const db::ConnectionString&) {
        exporting::ImportSource source; // an .xlsx report: its first sheet, as CSV
        QString error;
        if (!source.open(&file, &error)) {
            printError(error);
            return int(ExitFailure);
        }
        options.workbook = source.isWorkbook();
        const spend::SpendImportReport report = spend::importSpend(db, source.device(), options);
        if (!report.ok()) {
            for (const auto& problem : report.problems)
                printError(problem.line > 0 ? Text::tr("line %1: %2").arg(problem.line).arg(problem.message)
                                            : problem.message);
            printError(Text::tr("import of spend refused: %1 problem(s), nothing written").arg(report.problems.size()));
            return int(ExitFailure);
        }
        const QString platform = report.platform ? spend::platformCode(*report.platform) : QString();
        print(Text::tr("spend from %1: %2 lines, %3 matched, %4 unmatched; periods: %5 added, %6 changed, %7 "
                       "unchanged; %8 channels changed%9")
                  .arg(platform)
                  .arg(report.lines)
                  .arg(report.matched)
                  .arg(report.unmatchedLines)
                  .arg(report.periodsAdded)
                  .arg(report.periodsChanged)
                  .arg(report.periodsUnchanged)
                  .arg(report.channels.size())
                  .arg(dryRun ? Text::tr(" (dry run: nothing written)") : QString()));
        for (const spend::ChannelChange& change : report.channels)
            print(Text::tr("channel %1: spend %2 → %3; %4 → %5")
                      .arg(change.channelId, change.spentBefore.toDecimalString(), change.spentAfter.toDecimalString(),
                          counts(change.metricsBefore), counts(change.metricsAfter)));
        for (const spend::Unmatched& line : report.unmatched)
            print(Text::tr("unmatched: line %1 (%2): %3")
                      .arg(line.line)
                      .arg(line.campaignName.isEmpty() ? line.campaign : line.campaignName, line.reason));
        if (report.unmatchedLines > report.unmatched.size())
            print(Text::tr("unmatched: %1 more lines not shown").arg(report.unmatchedLines - report.unmatched.size()));
        return int(ExitOk);
    });
}

} // namespace agency::app
