// SPDX-License-Identifier: GPL-3.0-or-later
// agency-os: the GUI by default, or a command (migrate, export, demo-data) without a display.
#include "cli.h"
#include "logging.h"
#include "startup.h"

#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QSettings>

#include <cstdio>
#include <variant>

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("agency-os"));
    QCoreApplication::setApplicationName(QStringLiteral("agency-os"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AGENCY_OS_VERSION));
}

struct GuiOptions {
    QString db;
    QString logLevel;
};

// Parses the GUI's command line without a display, so --help, --version and usage errors work anywhere.
std::variant<int, GuiOptions> parseGuiCommandLine(int argc, char** argv)
{
    QCoreApplication core(argc, argv);
    describeApplication();
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main",
        "Agency OS desktop: clients, campaigns, channels and budgets over Plane.\n\n"
        "Commands (each has --help):\n"
        "  agency-os migrate status|up|down [--to N] [--db DSN]\n"
        "  agency-os export sla-tiers|clients|campaigns|channels [--db DSN] [--output FILE|-] [--include-deleted]\n"
        "                   [--delimiter comma|semicolon|tab] [--bom] [--no-formula-guard]\n"
        "  agency-os demo-data [--db DSN] [--clients N] [--campaigns-per-client N] [--channels-per-campaign N] [--seed S]"));
    const QCommandLineOption db(QStringLiteral("db"),
        QCoreApplication::translate("main", "Database: postgresql://…, sqlite:PATH or FILE.db."), QStringLiteral("DSN"));
    const QCommandLineOption logLevel(QStringLiteral("log-level"),
        QCoreApplication::translate("main", "Messages on stderr from this level (%1).").arg(agency::app::logLevelNames()),
        QStringLiteral("LEVEL"), QStringLiteral("warning"));
    parser.addOption(db);
    parser.addOption(logLevel);
    const auto help = parser.addHelpOption();
    const auto version = parser.addVersionOption();
    if (!parser.parse(QCoreApplication::arguments())) {
        agency::app::printError(parser.errorText() + QCoreApplication::translate("main", " (see --help)"));
        return agency::app::ExitUsage;
    }
    if (parser.isSet(help) || parser.isSet(version)) {
        const QString text = parser.isSet(help)
            ? parser.helpText()
            : QStringLiteral("agency-os %1\n").arg(QCoreApplication::applicationVersion());
        std::fputs(text.toLocal8Bit().constData(), stdout);
        return agency::app::ExitOk;
    }
    if (!parser.positionalArguments().isEmpty()) {
        agency::app::printError(QCoreApplication::translate("main", "unknown command '%1'; the commands are: migrate, export, demo-data")
                                    .arg(parser.positionalArguments().constFirst().left(40)));
        return agency::app::ExitUsage;
    }
    if (!agency::app::isLogLevel(parser.value(logLevel))) {
        agency::app::printError(
            QCoreApplication::translate("main", "--log-level must be one of %1").arg(agency::app::logLevelNames()));
        return agency::app::ExitUsage;
    }
    return GuiOptions { parser.value(db), parser.value(logLevel) };
}

int runGui(int argc, char** argv, const GuiOptions& options)
{
    QApplication app(argc, argv);
    describeApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Agency OS"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/agency-os.svg")));
    agency::app::setUpLogging(options.logLevel, false);

    QSettings settings;
    QString error;
    const auto where
        = agency::app::resolveDatabase(options.db, settings.value(QStringLiteral("database/last")).toString(), &error);
    if (!where) {
        agency::app::printError(error);
        return agency::app::ExitUsage;
    }
    QSqlDatabase database = agency::app::openForWork(*where, QStringLiteral("gui"), &error);
    if (!database.isOpen()) {
        agency::app::printError(error);
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Agency OS"), error);
        return agency::app::ExitFailure;
    }
    settings.setValue(QStringLiteral("database/last"), where->redacted());

    agency::ui::MainWindow window(database, where->redacted());
    window.show();
    return QApplication::exec();
}

} // namespace

int main(int argc, char** argv)
{
    if (argc > 1 && agency::app::isCommand(QString::fromLocal8Bit(argv[1]))) {
        QCoreApplication app(argc, argv);
        describeApplication();
        return agency::app::runCommand(QCoreApplication::arguments());
    }
    const auto parsed = parseGuiCommandLine(argc, argv);
    if (const int* code = std::get_if<int>(&parsed))
        return *code;
    return runGui(argc, argv, std::get<GuiOptions>(parsed));
}
