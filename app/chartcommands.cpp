// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartcommands.h"

#include "charts/budgetsplitchart.h"
#include "charts/chartoutput.h"
#include "charts/kpichart.h"
#include "cli.h"
#include "deskreportcommand.h"
#include "domain/vocabulary.h"
#include "logging.h"
#include "reports/financecsv.h"
#include "reports/financereport.h"

#include <QChart>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <cstdio>

namespace agency::app {

namespace {
    // What this file says to people, in lupdate's and the runtime's one context "ChartCommands".
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(ChartCommands)
    };

    struct Parsed {
        QCommandLineParser parser;
        QCommandLineOption db { QStringLiteral("db"), Text::tr("Database: postgresql://…, sqlite:PATH or FILE.db."),
            Text::tr("DSN") };
        QCommandLineOption output { QStringList { QStringLiteral("output"), QStringLiteral("o") },
            Text::tr("The file to write."), Text::tr("FILE") };
        QCommandLineOption campaign { QStringLiteral("campaign"), Text::tr("The campaign's id."), Text::tr("ID") };
        QCommandLineOption size { QStringLiteral("size"), Text::tr("Width x height in pixels (default 900x600)."),
            Text::tr("WxH"), QStringLiteral("900x600") };
        QCommandLineOption client { QStringLiteral("client"), Text::tr("Only this client's campaigns."),
            Text::tr("ID") };
        QCommandLineOption status { QStringLiteral("status"), Text::tr("Only campaigns in this status."),
            Text::tr("S") };
        QCommandLineOption format { QStringLiteral("format"),
            Text::tr("pdf (the review as a document), csv or xlsx (its figures: the total, each client, each campaign; "
                     "report progress, sla, retainer, contracts, pacing: csv, xlsx or pdf); default: by the output's "
                     "suffix."),
            Text::tr("FORMAT") };
        QCommandLineOption month { QStringLiteral("month"),
            Text::tr("progress, sla, retainer, contracts, pacing: the month, as YYYY-MM (default: this month)."),
            Text::tr("YYYY-MM") };
        QCommandLineOption businessHours { QStringLiteral("business-hours"),
            Text::tr("sla: count response times in these working hours only, e.g. \"Mon-Fri 09:00-17:00 "
                     "Europe/Berlin\" (default: calendar hours)."),
            Text::tr("HOURS") };
        QCommandLineOption logLevel { QStringLiteral("log-level"),
            Text::tr("Messages on stderr from this level (%1).").arg(logLevelNames()), Text::tr("LEVEL"),
            QStringLiteral("critical") };
    };

    std::optional<QSize> parseSize(const QString& text)
    {
        static const QRegularExpression pattern(QStringLiteral(R"(^(\d{2,5})x(\d{2,5})$)"));
        const auto match = pattern.match(text.trimmed());
        if (!match.hasMatch())
            return std::nullopt;
        const QSize size(match.captured(1).toInt(), match.captured(2).toInt());
        if (size.width() < 100 || size.height() < 100 || size.width() > 8000 || size.height() > 8000)
            return std::nullopt;
        return size;
    }

    int chartCommand(Parsed& p, const QString& kind)
    {
        if (!p.parser.isSet(p.campaign) || !p.parser.isSet(p.output)) {
            printError(Text::tr("chart %1 needs --campaign ID and --output FILE.png|FILE.svg").arg(kind));
            return ExitUsage;
        }
        const QString path = p.parser.value(p.output);
        const QString suffix = QFileInfo(path).suffix().toLower();
        if (suffix != QStringLiteral("png") && suffix != QStringLiteral("svg")) {
            printError(Text::tr("--output must end in .png or .svg"));
            return ExitUsage;
        }
        const auto size = parseSize(p.parser.value(p.size));
        if (!size) {
            printError(Text::tr(
                "--size must be WIDTHxHEIGHT in pixels, each from 100 to 8000 (for example 1200x800), not '%1'")
                           .arg(p.parser.value(p.size).left(20)));
            return ExitUsage;
        }
        return withWorkDatabase(
            p.parser.value(p.db), QStringLiteral("chart"),
            [&](QSqlDatabase& db, const db::ConnectionString&) {
                reports::FinanceReport report(db);
                const QString id = p.parser.value(p.campaign);
                const auto split = report.budgetSplit(id);
                if (!split) {
                    printError(Text::tr("%1; no file written").arg(report.lastError()));
                    return int(ExitFailure);
                }
                QString error;
                if (kind == QStringLiteral("budget-split")) {
                    ui::BudgetSplitChart chart;
                    chart.setSplit(*split);
                    if (!ui::saveChart(chart.chart(), *size, path, &error)) {
                        printError(error);
                        return int(ExitFailure);
                    }
                    return int(ExitOk);
                }
                const auto kpis = report.kpis(id);
                if (!kpis) {
                    printError(report.lastError());
                    return int(ExitFailure);
                }
                ui::KpiChart chart;
                chart.setKpis(split->label, *kpis);
                if (!ui::saveChart(chart.chart(), *size, path, &error)) {
                    printError(error);
                    return int(ExitFailure);
                }
                return int(ExitOk);
            },
            DataUse::Reads);
    }

    int reportCommand(Parsed& p)
    {
        if (!p.parser.isSet(p.output) || p.parser.value(p.output).isEmpty()) {
            printError(Text::tr("report finance needs --output FILE.pdf, FILE.csv or FILE.xlsx"));
            return ExitUsage;
        }
        const QString path = p.parser.value(p.output);
        QString format = p.parser.value(p.format);
        if (!p.parser.isSet(p.format))
            format = QFileInfo(path).suffix().toLower();
        if (format != QStringLiteral("pdf") && format != QStringLiteral("csv") && format != QStringLiteral("xlsx")) {
            printError(p.parser.isSet(p.format)
                    ? Text::tr("--format must be pdf, csv or xlsx, not '%1'").arg(format.left(40))
                    : Text::tr("--output must end in .pdf, .csv or .xlsx, or --format pdf|csv|xlsx must say which: %1")
                          .arg(path));
            return ExitUsage;
        }
        reports::ReportFilter filter;
        QStringList words;
        if (p.parser.isSet(p.status)) {
            const QString status = p.parser.value(p.status);
            if (!domain::campaignStatuses().contains(status)) {
                printError(
                    Text::tr("--status must be one of %1").arg(domain::campaignStatuses().join(QStringLiteral(", "))));
                return ExitUsage;
            }
            filter.statuses = { status };
            words << Text::tr("status %1").arg(status);
        }
        return withWorkDatabase(
            p.parser.value(p.db), QStringLiteral("report"),
            [&](QSqlDatabase& db, const db::ConnectionString& where) {
                reports::FinanceReport report(db);
                if (p.parser.isSet(p.client)) {
                    filter.clientId = p.parser.value(p.client);
                    const auto clients = report.byClient(filter);
                    if (!clients || clients->isEmpty()) {
                        // An unknown client, or one without campaigns under these filters: say so rather than print an
                        // empty review.
                        printError(Text::tr("no campaigns for client %1 (check the id); no file written")
                                       .arg(filter.clientId.left(40)));
                        return int(ExitFailure);
                    }
                    words << Text::tr("client %1").arg(clients->constFirst().label);
                }
                QString error;
                if (format == QStringLiteral("csv") || format == QStringLiteral("xlsx")) {
                    if (!reports::saveFinanceCsv(report, filter, ui::rememberedThresholds(), path, &error,
                            format == QStringLiteral("xlsx"))) {
                        printError(Text::tr("cannot write %1: %2").arg(path, error));
                        return int(ExitFailure);
                    }
                    return int(ExitOk);
                }
                ui::FinanceReview review;
                review.filterText = words.join(QStringLiteral(", "));
                review.database = where.redacted();
                review.thresholds = ui::rememberedThresholds();
                if (!ui::collectFinanceReview(report, filter, &review, &error)
                    || !ui::writeFinanceReviewPdf(review, path, &error)) {
                    printError(error);
                    return int(ExitFailure);
                }
                return int(ExitOk);
            },
            DataUse::Reads);
    }
}

bool isChartCommand(const QString& word)
{
    return word == QStringLiteral("chart") || word == QStringLiteral("report");
}

int runChartCommand(const QStringList& arguments)
{
    Parsed p;
    const QString command = arguments.value(1);
    p.parser.setApplicationDescription(command == QStringLiteral("chart")
            ? Text::tr("Renders a campaign's budget split or KPI chart as PNG or SVG.")
            : Text::tr(
                "Writes the finance review: a PDF document (headline figures, charts, the campaigns needing attention, "
                "client totals) or its figures as CSV. progress, sla, retainer, contracts and pacing write the account "
                "desk's "
                "reports for a month (--month) as CSV or PDF (--format) to a file or - (--output)."));
    p.parser.addOptions({ p.db, p.output, p.logLevel });
    if (command == QStringLiteral("chart"))
        p.parser.addOptions({ p.campaign, p.size });
    else
        p.parser.addOptions({ p.client, p.status, p.format, p.month, p.businessHours });
    p.parser.addPositionalArgument(command, Text::tr("The command."), command);
    p.parser.addPositionalArgument(QStringLiteral("kind"),
        command == QStringLiteral("chart") ? Text::tr("budget-split or kpi.")
                                           : Text::tr("finance, progress, sla, retainer, contracts or pacing."));
    const auto help = p.parser.addHelpOption();
    if (!p.parser.parse(arguments)) {
        printError(p.parser.errorText() + Text::tr(" (see --help)"));
        return ExitUsage;
    }
    if (p.parser.isSet(help)) {
        std::fputs(qPrintable(p.parser.helpText()), stdout);
        return ExitOk;
    }
    if (refuseEmptyDbOption(p.parser, p.db))
        return ExitUsage;
    if (!isLogLevel(p.parser.value(p.logLevel))) {
        printError(Text::tr("--log-level must be one of %1").arg(logLevelNames()));
        return ExitUsage;
    }
    setUpLogging(p.parser.value(p.logLevel), false);
    const QStringList positional = p.parser.positionalArguments();
    const QString kind = positional.value(1);
    if (command == QStringLiteral("chart") && positional.size() == 2
        && (kind == QStringLiteral("budget-split") || kind == QStringLiteral("kpi")))
        return chartCommand(p, kind);
    if (command == QStringLiteral("report") && positional.size() == 2 && isDeskReport(kind)) {
        if (p.parser.isSet(p.status)) {
            printError(Text::tr("--status goes with report finance, not report %1").arg(kind));
            return ExitUsage;
        }
        if (p.parser.isSet(p.businessHours) && kind != QStringLiteral("sla")) {
            printError(Text::tr("--business-hours goes with report sla, not report %1").arg(kind));
            return ExitUsage;
        }
        return runDeskReport({ .kind = kind,
            .dsn = p.parser.value(p.db),
            .monthGiven = p.parser.isSet(p.month),
            .month = p.parser.value(p.month),
            .clientId = p.parser.value(p.client).trimmed(),
            .format = p.parser.value(p.format),
            .output = p.parser.value(p.output),
            .businessHours = p.parser.value(p.businessHours) });
    }
    if (p.parser.isSet(p.businessHours)) {
        printError(Text::tr("--business-hours goes with report sla"));
        return ExitUsage;
    }
    if (command == QStringLiteral("report") && positional.size() == 2 && kind == QStringLiteral("finance")) {
        if (p.parser.isSet(p.month)) {
            printError(
                Text::tr("--month goes with report progress, sla, retainer, contracts or pacing, not report finance"));
            return ExitUsage;
        }
        return reportCommand(p);
    }
    printError(command == QStringLiteral("chart")
            ? Text::tr("chart needs budget-split or kpi (for example: agency-os chart kpi --campaign ID -o kpi.png)")
            : Text::tr(
                "report needs finance, progress, sla, retainer, contracts or pacing (for example: agency-os report "
                "finance -o review.pdf)"));
    return ExitUsage;
}

} // namespace agency::app
