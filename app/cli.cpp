// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"

#include "logging.h"
#include "startup.h"

#include "db/database.h"
#include "db/migrator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace agency::app {

namespace {
    QString tr(const char* text) { return QCoreApplication::translate("CommandLine", text); }

    QTextStream& out()
    {
        static QTextStream stream(stdout);
        return stream;
    }

    // Options every command shares; returns nullopt-like false with a usage message when the line is wrong.
    struct CommonOptions {
        QCommandLineOption db { QStringLiteral("db"), tr("Database: postgresql://…, sqlite:PATH or FILE.db."), tr("DSN") };
        QCommandLineOption logLevel { QStringLiteral("log-level"),
            tr("Messages on stderr from this level (%1). Default: only errors.").arg(logLevelNames()), tr("LEVEL"),
            QStringLiteral("critical") };
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
            printError(parser.errorText() + tr(" (see --help)"));
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
            printError(tr("--log-level must be one of %1").arg(logLevelNames()));
            return ExitUsage;
        }
        setUpLogging(parser.value(common.logLevel), false);
        return std::nullopt;
    }

    int runMigrate(const QStringList& arguments)
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(tr("Shows, applies or rolls back the Agency OS schema migrations."));
        CommonOptions common;
        const QCommandLineOption to(QStringLiteral("to"), tr("Target version (up: default latest; down: default one "
                                                            "step back)."), tr("N"));
        parser.addOption(to);
        parser.addPositionalArgument(QStringLiteral("migrate"), tr("The command."), QStringLiteral("migrate"));
        parser.addPositionalArgument(QStringLiteral("action"), tr("status, up or down."), QStringLiteral("status|up|down"));
        if (const auto done = parse(parser, common, arguments))
            return *done;

        const QStringList positional = parser.positionalArguments();
        const QString action = positional.value(1);
        if (positional.size() != 2 || !QStringList { QStringLiteral("status"), QStringLiteral("up"), QStringLiteral("down") }.contains(action)) {
            printError(tr("migrate needs one action: status, up or down (for example: agency-os migrate up --db DSN)"));
            return ExitUsage;
        }
        int target = -1;
        if (parser.isSet(to)) {
            bool ok = false;
            target = parser.value(to).toInt(&ok);
            if (!ok || target < 0) {
                printError(tr("--to must be a version number of 0 or more, not '%1'").arg(parser.value(to).left(20)));
                return ExitUsage;
            }
            if (action == QStringLiteral("status")) {
                printError(tr("--to goes with migrate up or migrate down, not status"));
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
                printError(error + tr(" (check the server address, that it is running, and the credentials)"));
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
                    out() << tr("database: %1").arg(where->redacted()) << u'\n';
                    int current = 0;
                    for (const auto& s : std::as_const(list)) {
                        if (s.applied)
                            current = std::max(current, s.version);
                        QString state = s.applied ? tr("applied %1").arg(s.appliedAt.toString(Qt::ISODate)) : tr("pending");
                        if (s.edited)
                            state += tr(" — EDITED since it was applied (checksum differs)");
                        if (!s.known)
                            state += tr(" — unknown to this app (newer schema)");
                        out() << QStringLiteral("  %1_%2  %3\n").arg(s.version, 4, 10, QLatin1Char('0')).arg(s.name, state);
                    }
                    out() << tr("schema version %1; this app's latest is %2").arg(current).arg(migrator.latestVersion())
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
}

void printError(const QString& message)
{
    const QString line = QStringLiteral("agency-os: error: ") + message.simplified() + u'\n';
    std::fputs(line.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
}

bool isCommand(const QString& word)
{
    return word == QStringLiteral("migrate");
}

int runCommand(const QStringList& arguments)
{
    const QString command = arguments.value(1);
    if (command == QStringLiteral("migrate"))
        return runMigrate(arguments);
    printError(tr("unknown command '%1'").arg(command.left(40)));
    return ExitUsage;
}

} // namespace agency::app
