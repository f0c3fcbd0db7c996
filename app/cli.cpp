// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"

#include "db/changesource.h"
#include "db/database.h"
#include "db/migrator.h"
#include "demo/demodata.h"
#include "domain/displaytext.h"
#include "export/csvwriter.h"
#include "export/sheetreader.h"
#include "export/tableexport.h"
#include "export/tableimport.h"
#include "historycommand.h"
#include "logging.h"
#include "spendimportcommand.h"
#include "startup.h"
#include "tables/tablespec.h"
#include "timeimportcommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace agency::app {

namespace {
    // What this file says to people, in lupdate's and the runtime's one context "CommandLine".
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(CommandLine)
    };

    QTextStream& out()
    {
        static QTextStream stream(stdout);
        return stream;
    }

    // Options every command shares; returns nullopt-like false with a usage message when the line is wrong.
    struct CommonOptions {
        QCommandLineOption db { QStringLiteral("db"), Text::tr("Database: postgresql://…, sqlite:PATH or FILE.db."),
            Text::tr("DSN") };
        QCommandLineOption logLevel { QStringLiteral("log-level"),
            Text::tr("Messages on stderr from this level (%1). Default: only errors.").arg(logLevelNames()),
            Text::tr("LEVEL"), QStringLiteral("critical") };
    };

    // Parses `arguments`; prints help/version and returns an exit code when the command is already done.
    std::optional<int> parse(QCommandLineParser& parser, const CommonOptions& common, const QStringList& arguments)
    {
        parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
        parser.addOption(common.db);
        parser.addOption(common.logLevel);
        const auto help = parser.addHelpOption();
        const auto version = parser.addVersionOption();
        if (!parser.parse(arguments)) {
            printError(parser.errorText() + Text::tr(" (see --help)"));
            return ExitUsage;
        }
        if (parser.isSet(help)) {
            out() << parser.helpText();
            out().flush();
            return ExitOk;
        }
        if (parser.isSet(version)) {
            out() << QCoreApplication::applicationName() << u' ' << QCoreApplication::applicationVersion() << u'\n';
            out().flush();
            return ExitOk;
        }
        if (!isLogLevel(parser.value(common.logLevel))) {
            printError(Text::tr("--log-level must be one of %1").arg(logLevelNames()));
            return ExitUsage;
        }
        setUpLogging(parser.value(common.logLevel), false);
        if (refuseEmptyDbOption(parser, common.db))
            return ExitUsage;
        return std::nullopt;
    }

    int runMigrate(const QStringList& arguments)
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(Text::tr("Shows, applies or rolls back the Agency OS schema migrations."));
        CommonOptions common;
        const QCommandLineOption to(QStringLiteral("to"),
            Text::tr("Target version (up: default latest; down: default one "
                     "step back)."),
            Text::tr("N"));
        parser.addOption(to);
        parser.addPositionalArgument(QStringLiteral("migrate"), Text::tr("The command."), QStringLiteral("migrate"));
        parser.addPositionalArgument(
            QStringLiteral("action"), Text::tr("status, up or down."), QStringLiteral("status|up|down"));
        if (const auto done = parse(parser, common, arguments))
            return *done;

        const QStringList positional = parser.positionalArguments();
        const QString action = positional.value(1);
        if (positional.size() != 2
            || !QStringList { QStringLiteral("status"), QStringLiteral("up"), QStringLiteral("down") }.contains(
                action)) {
            printError(
                Text::tr("migrate needs one action: status, up or down (for example: agency-os migrate up --db DSN)"));
            return ExitUsage;
        }
        int target = -1;
        if (parser.isSet(to)) {
            bool ok = false;
            target = parser.value(to).toInt(&ok);
            if (!ok || target < 0) {
                printError(
                    Text::tr("--to must be a version number of 0 or more, not '%1'").arg(parser.value(to).left(20)));
                return ExitUsage;
            }
            if (action == QStringLiteral("status")) {
                printError(Text::tr("--to goes with migrate up or migrate down, not status"));
                return ExitUsage;
            }
        }

        QString error;
        const auto where = resolveDatabase(parser.value(common.db), {}, &error);
        if (!where) {
            printError(error);
            return ExitUsage;
        }
        const QString connection = QStringLiteral("migrate");
        int code = ExitOk;
        {
            QSqlDatabase db = db::openDatabase(*where, connection, &error);
            if (!db.isOpen()) {
                printError(error + Text::tr(" (check the server address, that it is running, and the credentials)"));
                return ExitFailure;
            }
            db::Migrator migrator(db, db::Migrator::builtIn(where->dialect));
            migrator.setProgressHandler([](const QString& line) {
                out() << line << u'\n';
                out().flush();
            });
            bool ok = true;
            if (action == QStringLiteral("status")) {
                QList<db::MigrationStatus> list;
                ok = migrator.status(&list);
                if (ok) {
                    out() << Text::tr("database: %1").arg(where->redacted()) << u'\n';
                    int current = 0;
                    for (const auto& s : std::as_const(list)) {
                        if (s.applied)
                            current = std::max(current, s.version);
                        QString state = s.applied ? Text::tr("applied %1").arg(s.appliedAt.toString(Qt::ISODate))
                                                  : Text::tr("pending");
                        if (s.edited)
                            state += Text::tr(" — EDITED since it was applied (checksum differs)");
                        if (!s.known)
                            state += Text::tr(" — unknown to this app (newer schema)");
                        out() << QStringLiteral("  %1_%2  %3\n")
                                     .arg(s.version, 4, 10, QLatin1Char('0'))
                                     .arg(s.name, state);
                    }
                    out() << Text::tr("schema version %1; this app's latest is %2")
                                 .arg(current)
                                 .arg(migrator.latestVersion())
                          << u'\n';
                }
            } else if (action == QStringLiteral("up")) {
                ok = migrator.up(target);
            } else {
                if (target < 0) { // one step back: to the highest applied version below the current one
                    QList<db::MigrationStatus> list;
                    ok = migrator.status(&list);
                    QList<int> applied;
                    for (const auto& s : std::as_const(list)) {
                        if (s.applied)
                            applied << s.version;
                    }
                    std::sort(applied.begin(), applied.end());
                    target = applied.size() >= 2 ? applied.at(applied.size() - 2) : 0;
                }
                ok = ok && migrator.down(target);
            }
            if (!ok) {
                printError(migrator.lastError());
                code = ExitFailure;
            }
        }
        db::closeDatabase(connection);
        return code;
    }

    // The table a command names (sla-tiers, clients, campaigns, channels), or empty.
    QString tableForCommandName(const QString& word)
    {
        const tables::TableSpec* spec = tables::specForCommandName(word);
        return spec ? spec->table : QString();
    }

    // The table of a command that takes one (export, import: its second word), or empty after saying what is wanted;
    // `example` is the rest of a command line to show.
    QString tableArgument(const QCommandLineParser& parser, const QString& example)
    {
        const QStringList positional = parser.positionalArguments();
        QString table = positional.size() == 2 ? tableForCommandName(positional.at(1)) : QString();
        if (table.isEmpty())
            printError(Text::tr(
                "%1 needs one table: sla-tiers, clients, campaigns, channels or time-entries (for example: agency-os "
                "%2)")
                           .arg(positional.value(0), example));
        return table;
    }

    // A whole number from `min` to `max` for `option`, or a usage error naming it.
    std::optional<qint64> wholeNumber(
        const QCommandLineParser& parser, const QCommandLineOption& option, qint64 min, qint64 max)
    {
        bool ok = false;
        const qint64 value = parser.value(option).toLongLong(&ok);
        if (!ok || value < min || value > max) {
            printError(Text::tr("--%1 must be a whole number from %2 to %3, not '%4'")
                           .arg(option.names().constFirst())
                           .arg(min)
                           .arg(max)
                           .arg(parser.value(option).left(20)));
            return std::nullopt;
        }
        return value;
    }

    int runDemoData(const QStringList& arguments)
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(
            Text::tr("Fills the database with a believable demo agency, in one transaction."));
        CommonOptions common;
        const QCommandLineOption clients(QStringLiteral("clients"), Text::tr("Number of clients (default 24)."),
            Text::tr("N"), QStringLiteral("24"));
        const QCommandLineOption campaigns(QStringLiteral("campaigns-per-client"),
            Text::tr("Campaigns per client (default 4)."), Text::tr("N"), QStringLiteral("4"));
        const QCommandLineOption channels(QStringLiteral("channels-per-campaign"),
            Text::tr("Channels per campaign (default 3)."), Text::tr("N"), QStringLiteral("3"));
        const QCommandLineOption seed(QStringLiteral("seed"),
            Text::tr("Random seed: the same seed gives the same data (default 42)."), Text::tr("S"),
            QStringLiteral("42"));
        const QCommandLineOption ifEmpty(
            QStringLiteral("if-empty"), Text::tr("Only when the database has no clients yet (what scripts/run uses)."));
        parser.addOptions({ clients, campaigns, channels, seed, ifEmpty });
        parser.addPositionalArgument(
            QStringLiteral("demo-data"), Text::tr("The command."), QStringLiteral("demo-data"));
        if (const auto done = parse(parser, common, arguments))
            return *done;
        if (parser.positionalArguments().size() != 1) {
            printError(Text::tr("demo-data takes no further words; see agency-os demo-data --help"));
            return ExitUsage;
        }
        demo::DemoSize size;
        const auto nClients = wholeNumber(parser, clients, 1, 1000000);
        const auto nCampaigns = nClients ? wholeNumber(parser, campaigns, 0, 10000) : std::nullopt;
        const auto nChannels = nCampaigns ? wholeNumber(parser, channels, 0, 1000) : std::nullopt;
        const auto nSeed = nChannels ? wholeNumber(parser, seed, 0, std::numeric_limits<qint64>::max()) : std::nullopt;
        if (!nSeed)
            return ExitUsage;
        size.clients = static_cast<int>(*nClients);
        size.campaignsPerClient = static_cast<int>(*nCampaigns);
        size.channelsPerCampaign = static_cast<int>(*nChannels);
        size.seed = static_cast<quint64>(*nSeed);

        return withWorkDatabase(parser.value(common.db), QStringLiteral("demo-data"),
            [&](QSqlDatabase& db, const db::ConnectionString& where) {
                demo::DemoDataWriter writer(db);
                if (parser.isSet(ifEmpty)) {
                    const auto empty = writer.isEmpty();
                    if (!empty) {
                        printError(writer.lastError());
                        return int(ExitFailure);
                    }
                    if (!*empty) {
                        out() << Text::tr("%1 already has data; nothing added").arg(where.redacted()) << u'\n';
                        out().flush();
                        return int(ExitOk);
                    }
                }
                const qint64 total = qint64(size.clients) * size.campaignsPerClient * size.channelsPerCampaign;
                if (total >= 100000) {
                    writer.setProgressHandler([](qint64 done, qint64 all) {
                        std::fputs(qPrintable(Text::tr("demo-data: %1 of %2 channels\n").arg(done).arg(all)), stderr);
                    });
                }
                QElapsedTimer timer;
                timer.start();
                demo::DemoCounts counts;
                if (!writer.write(size, &counts)) {
                    printError(Text::tr("demo data not written (nothing was changed): %1").arg(writer.lastError()));
                    return int(ExitFailure);
                }
                out() << Text::tr("added %1 tiers, %2 clients, %3 campaigns and %4 channels to %5 in %6 s")
                             .arg(counts.tiers)
                             .arg(counts.clients)
                             .arg(counts.campaigns)
                             .arg(counts.channels)
                             .arg(where.redacted())
                             .arg(static_cast<double>(timer.elapsed()) / 1000.0, 0, 'f', 1)
                      << u'\n';
                out().flush();
                return int(ExitOk);
            });
    }

    int runExport(const QStringList& arguments)
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(
            Text::tr("Writes one table to CSV (RFC 4180, UTF-8, CRLF), with the lookups a spreadsheet "
                     "reader needs. Deleted rows are left out unless asked for."));
        CommonOptions common;
        const QCommandLineOption output(QStringList { QStringLiteral("output"), QStringLiteral("o") },
            Text::tr("Where to write: a file (written atomically) or - for standard output (default)."),
            Text::tr("FILE"), QStringLiteral("-"));
        const QCommandLineOption includeDeleted(
            QStringLiteral("include-deleted"), Text::tr("Include soft-deleted rows."));
        const QCommandLineOption delimiter(QStringLiteral("delimiter"), Text::tr("comma (default), semicolon or tab."),
            Text::tr("NAME"), QStringLiteral("comma"));
        const QCommandLineOption bom(
            QStringLiteral("bom"), Text::tr("Start with a UTF-8 byte-order mark (for spreadsheet programs)."));
        const QCommandLineOption noGuard(QStringLiteral("no-formula-guard"),
            Text::tr("Do not prefix ' to text starting with = + - @ tab or CR (only for trusted round trips)."));
        const QCommandLineOption fileFormat(QStringLiteral("format"),
            Text::tr("csv (default) or xlsx: a workbook of real number, date and boolean cells (an output ending in "
                     ".xlsx chooses it too)."),
            Text::tr("FORMAT"));
        const QCommandLineOption decimalComma(QStringLiteral("decimal-comma"),
            Text::tr("Amounts and percentages with a decimal comma (1234,56), as German and French spreadsheets read "
                     "them; with --delimiter semicolon and --bom, a German Excel opens the file as it is."));
        parser.addOptions({ output, includeDeleted, delimiter, bom, noGuard, decimalComma, fileFormat });
        parser.addPositionalArgument(QStringLiteral("export"), Text::tr("The command."), QStringLiteral("export"));
        parser.addPositionalArgument(QStringLiteral("table"),
            Text::tr("sla-tiers, clients, campaigns, channels or time-entries."),
            QStringLiteral("sla-tiers|clients|campaigns|channels|time-entries"));
        if (const auto done = parse(parser, common, arguments))
            return *done;

        const QString table = tableArgument(parser, QStringLiteral("export clients -o clients.csv"));
        if (table.isEmpty())
            return ExitUsage;
        const QStringList positional = parser.positionalArguments();
        exporting::ExportRequest request;
        request.table = table;
        request.filter.includeDeleted = parser.isSet(includeDeleted);
        request.csv.bom = parser.isSet(bom);
        request.csv.formulaGuard = !parser.isSet(noGuard);
        request.csv.decimalComma = parser.isSet(decimalComma);
        const auto separator = exporting::CsvWriter::delimiterFromName(parser.value(delimiter));
        if (!separator) {
            printError(Text::tr("--delimiter must be comma, semicolon or tab, not '%1'")
                           .arg(parser.value(delimiter).left(20)));
            return ExitUsage;
        }
        request.csv.delimiter = *separator;
        const QString path = parser.value(output);
        if (path.isEmpty()) {
            printError(Text::tr("--output needs a file name, or - for standard output"));
            return ExitUsage;
        }
        const QString format = parser.isSet(fileFormat)
            ? parser.value(fileFormat)
            : (path.endsWith(QStringLiteral(".xlsx"), Qt::CaseInsensitive) ? QStringLiteral("xlsx")
                                                                           : QStringLiteral("csv"));
        if (format != QStringLiteral("csv") && format != QStringLiteral("xlsx")) {
            printError(Text::tr("--format must be csv or xlsx, not '%1'").arg(format.left(20)));
            return ExitUsage;
        }
        if (format == QStringLiteral("xlsx"))
            request.format = exporting::ExportRequest::Format::Xlsx;

        return withWorkDatabase(
            parser.value(common.db), QStringLiteral("export"),
            [&](QSqlDatabase& db, const db::ConnectionString&) {
                exporting::TableExporter exporter(db);
                if (isatty(STDERR_FILENO)) {
                    exporter.setProgressHandler([](qint64 rows) {
                        std::fputs(qPrintable(u'\r' + Text::tr("export: %1 rows").arg(rows)), stderr);
                    });
                }
                QString error;
                if (path == QStringLiteral("-") && standardOutputWasClosed()) {
                    printError(Text::tr("export of %1 failed: standard output is closed (write to a file with -o FILE)")
                                   .arg(positional.at(1)));
                    return int(ExitFailure);
                }
                if (!exporting::exportToFile(exporter, request, path, &error)) {
                    printError(path == QStringLiteral("-")
                            ? Text::tr("export of %1 to standard output failed: %2").arg(positional.at(1), error)
                            : Text::tr("export of %1 failed, no file written: %2").arg(positional.at(1), error));
                    return int(ExitFailure);
                }
                if (isatty(STDERR_FILENO))
                    std::fputs("\n", stderr);
                if (!exporter.leftOut().isEmpty()) // what the role may not read is not in the file, and it is told
                    std::fputs(qUtf8Printable(QStringLiteral("agency-os: note: ")
                                   + Text::tr("export of %1 left out %2: your database role may not read them")
                                         .arg(positional.at(1), exporter.leftOut().join(QStringLiteral(", ")))
                                   + u'\n'),
                        stderr);
                return int(ExitOk);
            },
            DataUse::Reads);
    }

    // One refused row or file problem as the line the user reads: where (line, field), then what.
    QString describeProblem(const exporting::ImportProblem& problem)
    {
        QString where;
        if (problem.line > 0)
            where = problem.column.isEmpty() ? Text::tr("line %1").arg(problem.line)
                                             : Text::tr("line %1, %2").arg(problem.line).arg(problem.column);
        else
            where = problem.column;
        return where.isEmpty() ? problem.message : where + QStringLiteral(": ") + problem.message;
    }

    int runImport(const QStringList& arguments)
    {
        db::setChangeSource(db::ChangeSource::CliImport); // the history says these changes came from this command
        QCommandLineParser parser;
        parser.setApplicationDescription(Text::tr(
            "Reads one table from CSV as the export writes it (what the window's Import does), all or nothing: a "
            "row whose id exists updates what changed, other rows are added. Any refused row is listed with its "
            "line and field, nothing is written, and the exit status is 1."));
        CommonOptions common;
        const QCommandLineOption input(QStringList { QStringLiteral("input"), QStringLiteral("i") },
            Text::tr("The CSV file to read, or - for standard input."), Text::tr("FILE"));
        const QCommandLineOption dryRun(
            QStringLiteral("dry-run"), Text::tr("Check every row and say what would change; write nothing."));
        const QCommandLineOption delimiter(QStringLiteral("delimiter"),
            Text::tr("comma, semicolon or tab (default: guessed from the header line)."), Text::tr("NAME"));
        const QCommandLineOption format(QStringLiteral("format"),
            Text::tr("import spend: the report's platform, auto (from its header), google-ads, meta, microsoft or "
                     "generic."),
            Text::tr("NAME"), QStringLiteral("auto"));
        const QCommandLineOption rate(QStringLiteral("rate"),
            Text::tr("import spend: CUR=RATE, what 1 unit of the report's currency is in the campaign's (USD=0.92); "
                     "once per currency."),
            Text::tr("CUR=RATE"));
        const QCommandLineOption decimalComma(QStringLiteral("decimal-comma"),
            Text::tr("Amounts and percentages have a decimal comma (1.234,56); the default when the file is separated "
                     "by semicolons."));
        parser.addOptions({ input, dryRun, delimiter, decimalComma, format, rate });
        parser.addPositionalArgument(QStringLiteral("import"), Text::tr("The command."), QStringLiteral("import"));
        parser.addPositionalArgument(QStringLiteral("table"),
            Text::tr(
                "sla-tiers, clients, campaigns or channels; or time-entries: a Harvest, Toggl Track or Clockify "
                "export of a detailed report, matched to clients by name, each entry once however often it is "
                "imported; or spend: an ad platform's report (Google Ads, Meta, Microsoft Advertising, or the generic "
                "layout) into the channels' spend, matched by their external account and campaign ids."),
            QStringLiteral("sla-tiers|clients|campaigns|channels|time-entries|spend"));
        if (const auto done = parse(parser, common, arguments))
            return *done;
        if (parser.positionalArguments().size() == 2
            && parser.positionalArguments().at(1) == QStringLiteral("time-entries")) {
            if (!parser.isSet(input) || parser.value(input).isEmpty()) {
                printError(Text::tr("import needs --input FILE, or --input - for standard input"));
                return ExitUsage;
            }
            return runTimeImport(parser.value(common.db), parser.value(input), parser.isSet(dryRun));
        }
        if (parser.positionalArguments().size() == 2 && parser.positionalArguments().at(1) == QStringLiteral("spend")) {
            if (!parser.isSet(input) || parser.value(input).isEmpty()) {
                printError(Text::tr("import needs --input FILE, or --input - for standard input"));
                return ExitUsage;
            }
            return runSpendImport(parser.value(common.db), parser.value(input), parser.value(format),
                parser.values(rate), parser.isSet(dryRun));
        }
        if (parser.isSet(format) || parser.isSet(rate)) {
            printError(Text::tr("--format and --rate are for import spend only"));
            return ExitUsage;
        }

        const QString table = tableArgument(parser, QStringLiteral("import clients --input clients.csv"));
        if (table.isEmpty())
            return ExitUsage;
        const QStringList positional = parser.positionalArguments();
        if (!parser.isSet(input) || parser.value(input).isEmpty()) {
            printError(Text::tr("import needs --input FILE, or --input - for standard input"));
            return ExitUsage;
        }
        std::optional<char> separator;
        if (parser.isSet(delimiter)) {
            separator = exporting::CsvWriter::delimiterFromName(parser.value(delimiter));
            if (!separator) {
                printError(Text::tr("--delimiter must be comma, semicolon or tab, not '%1'")
                               .arg(parser.value(delimiter).left(20)));
                return ExitUsage;
            }
        }
        const QString path = parser.value(input);
        QFile file;
        if (!openInput(path, &file))
            return ExitFailure;
        const bool check = parser.isSet(dryRun);

        return withWorkDatabase(
            parser.value(common.db), QStringLiteral("import"),
            [&](QSqlDatabase& db, const db::ConnectionString& where) {
                // A workbook (.xlsx) is read as its first sheet's CSV.
                exporting::ImportSource source;
                QString unreadable;
                if (!source.open(&file, &unreadable)) {
                    printError(Text::tr("%1: %2; nothing written").arg(path, unreadable));
                    return int(ExitFailure);
                }
                exporting::TableImporter importer(db, table);
                importer.setDelimiter(source.delimiter(separator));
                if (parser.isSet(decimalComma))
                    importer.setDecimalComma(true);
                const bool showProgress = isatty(STDERR_FILENO) != 0;
                if (showProgress) {
                    QIODevice* read = source.device();
                    const qint64 total = source.size(); // for the share read so far
                    importer.setProgress([read, total](int line) {
                        // The file is read a chunk ahead: the share is of what has been read.
                        const QString share = total > 0
                            ? QStringLiteral(" (%1 %)").arg(std::min<qint64>(100, read->pos() * 100 / total))
                            : QString();
                        std::fputs(qPrintable(u'\r' + Text::tr("import: line %1").arg(line) + share), stderr);
                        return true;
                    });
                }
                const exporting::ImportReport report
                    = check ? importer.dryRun(source.device()) : importer.import(source.device());
                if (file.error() != QFileDevice::NoError)
                    printError(Text::tr("cannot read %1: %2").arg(path, file.errorString()));
                if (showProgress)
                    std::fputs("\n", stderr);
                if (!report.ignoredColumns.isEmpty())
                    out() << Text::tr("columns not imported (not columns of %1): %2")
                                 .arg(positional.at(1), domain::shortList(report.ignoredColumns))
                          << u'\n';
                if (check && report.ok()) {
                    // Each field each updated row would change, as files write values: line, id, column, now, after.
                    for (const auto& change : report.changes) {
                        const auto text = [](const QVariant& value) {
                            if (value.isNull() || !value.isValid())
                                return QStringLiteral("(NULL)");
                            return value.metaType().id() == QMetaType::QDate ? value.toDate().toString(Qt::ISODate)
                                                                             : value.toString();
                        };
                        out() << Text::tr("line %1: %2 %3: %4 -> %5")
                                     .arg(change.line)
                                     .arg(change.id, change.column, text(change.before), text(change.after))
                              << u'\n';
                    }
                    if (report.changesLeftOut > 0)
                        out() << Text::tr("… and %1 more changed fields").arg(report.changesLeftOut) << u'\n';
                }
                if (check) {
                    out() << Text::tr("%1: %2 to add, %3 to update, %4 unchanged (dry run: nothing written)")
                                 .arg(positional.at(1))
                                 .arg(report.inserts)
                                 .arg(report.updates)
                                 .arg(report.unchanged)
                          << u'\n';
                } else if (report.ok()) {
                    out() << Text::tr("%1: %2 added, %3 updated, %4 unchanged in %5")
                                 .arg(positional.at(1))
                                 .arg(report.inserts)
                                 .arg(report.updates)
                                 .arg(report.unchanged)
                                 .arg(where.redacted())
                          << u'\n';
                }
                out().flush();
                if (report.ok())
                    return int(ExitOk);
                for (const auto& problem : report.problems)
                    printError(describeProblem(problem));
                if (report.problemsLeftOut > 0)
                    printError(Text::tr("… and %1 more problems").arg(report.problemsLeftOut));
                printError(
                    QCoreApplication::translate("CommandLine", "import of %1 refused: %n problem(s), nothing written",
                        nullptr, static_cast<int>(report.problemCount()))
                        .arg(positional.at(1)));
                return int(ExitFailure);
            },
            DataUse::WritesExisting);
    }
}

namespace {
    bool stdoutClosed = false;
}

void guardStandardDescriptors()
{
    for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; ++fd) {
        if (::fcntl(fd, F_GETFD) != -1)
            continue;
        if (fd == STDOUT_FILENO)
            stdoutClosed = true;
        const int opened = ::open("/dev/null", O_RDONLY | O_CLOEXEC); // the lowest free number: this one
        if (opened >= 0 && opened != fd) {
            ::dup2(opened, fd);
            ::close(opened);
        }
    }
}

bool standardOutputWasClosed()
{
    return stdoutClosed;
}

bool refuseEmptyDbOption(const QCommandLineParser& parser, const QCommandLineOption& db)
{
    if (!parser.isSet(db) || !parser.value(db).trimmed().isEmpty())
        return false;
    printError(Text::tr("--db is empty: give the database (%1), or leave --db out for the embedded one")
                   .arg(db::ConnectionString::expectedForms()));
    return true;
}

bool openInput(const QString& path, QFile* file)
{
    const bool opened = path == QStringLiteral("-") ? file->open(stdin, QIODevice::ReadOnly)
                                                    : (file->setFileName(path), file->open(QIODevice::ReadOnly));
    if (opened && !QFileInfo(path).isDir())
        return true;
    printError(Text::tr("cannot read %1: %2")
                   .arg(path == QStringLiteral("-") ? Text::tr("standard input") : path,
                       opened ? Text::tr("it is a folder") : file->errorString()));
    return false;
}

void printError(const QString& message)
{
    const QString line = QStringLiteral("agency-os: error: ") + message.simplified() + u'\n';
    std::fputs(line.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
}

int withWorkDatabase(const QString& dsnOption, const QString& connectionName,
    const std::function<int(QSqlDatabase& db, const db::ConnectionString& where)>& work, DataUse use)
{
    QString error;
    const auto where = resolveDatabase(dsnOption, {}, &error);
    if (!where) {
        printError(error);
        return ExitUsage;
    }
    const bool named = !dsnOption.isEmpty() || !qEnvironmentVariableIsEmpty("AGENCY_OS_DB");
    if (use != DataUse::Writes && named && where->dialect == db::Dialect::SQLite
        && where->path != QStringLiteral(":memory:") && !QFileInfo::exists(where->path)) {
        printError(
            Text::tr("there is no database file at %1: check the path (agency-os migrate up --db sqlite:%1 makes a "
                     "new one)")
                .arg(where->path));
        return ExitFailure;
    }
    int code = ExitFailure;
    {
        QSqlDatabase db = openForWork(*where, connectionName, &error, use);
        if (!db.isOpen()) {
            printError(error);
            return ExitFailure;
        }
        code = work(db, *where);
    }
    db::closeDatabase(connectionName);
    return code;
}

bool isCommand(const QString& word)
{
    return word == QStringLiteral("migrate") || word == QStringLiteral("demo-data") || word == QStringLiteral("export")
        || word == QStringLiteral("import") || word == QStringLiteral("history");
}

int runCommand(const QStringList& arguments)
{
    const QString command = arguments.value(1);
    if (command == QStringLiteral("migrate"))
        return runMigrate(arguments);
    if (command == QStringLiteral("demo-data"))
        return runDemoData(arguments);
    if (command == QStringLiteral("export"))
        return runExport(arguments);
    if (command == QStringLiteral("import"))
        return runImport(arguments);
    if (command == QStringLiteral("history"))
        return runHistory(arguments);
    printError(Text::tr("unknown command '%1'").arg(command.left(40)));
    return ExitUsage;
}

} // namespace agency::app
