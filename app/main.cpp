// SPDX-License-Identifier: GPL-3.0-or-later
// agency-os: the GUI by default, or a command (migrate, export, demo-data) without a display.
#include "chartcommands.h"
#include "cli.h"
#include "connectiondialog.h"
#include "db/database.h"
#include "db/migrator.h"
#include "logging.h"
#include "mainwindow.h"
#include "plainmessage.h"
#include "startup.h"
#include "terminationsignals.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMessageBox>
#include <QSettings>
#include <cstdio>
#include <spdlog/spdlog.h>
#include <unistd.h>
#include <variant>

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("agency-os"));
    QCoreApplication::setApplicationName(QStringLiteral("agency-os"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AGENCY_OS_VERSION));
}

QElapsedTimer& sinceStart()
{
    static QElapsedTimer timer;
    return timer;
}

// Logs (at info) how long it took from process start to the window's first paint: the start-up figure we track.
class FirstPaintLog : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::UpdateRequest || event->type() == QEvent::Paint) {
            spdlog::info("first window painted {} ms after start", sinceStart().elapsed());
            watched->removeEventFilter(this);
        }
        return false;
    }
};

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
        "  agency-os import sla-tiers|clients|campaigns|channels --input FILE|- [--db DSN] [--dry-run]\n"
        "                   [--delimiter comma|semicolon|tab]\n"
        "  agency-os demo-data [--db DSN] [--clients N] [--campaigns-per-client N] [--channels-per-campaign N] [--seed "
        "S]\n"
        "  agency-os chart budget-split|kpi --campaign ID --output FILE.png|FILE.svg [--db DSN] [--size WxH]\n"
        "  agency-os report finance --output FILE [--format pdf|csv] [--db DSN] [--client ID] [--status S]\n"
        "  agency-os history [--table T] [--id ID] [--since DATE] [--until DATE] [--db DSN] --format csv|json\n"
        "                    --output FILE|-\n"
        "  agency-os history prune --before DATE [--db DSN]"));
    const QCommandLineOption db(QStringLiteral("db"),
        QCoreApplication::translate("main", "Database: postgresql://…, sqlite:PATH or FILE.db."),
        QStringLiteral("DSN"));
    const QCommandLineOption logLevel(QStringLiteral("log-level"),
        QCoreApplication::translate("main", "Messages on stderr from this level (%1).")
            .arg(agency::app::logLevelNames()),
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
        agency::app::printError(QCoreApplication::translate("main",
            "unknown command '%1'; the commands are: migrate, export, import, demo-data, chart, report, history")
                                    .arg(parser.positionalArguments().constFirst().left(40)));
        return agency::app::ExitUsage;
    }
    if (!agency::app::isLogLevel(parser.value(logLevel))) {
        agency::app::printError(
            QCoreApplication::translate("main", "--log-level must be one of %1").arg(agency::app::logLevelNames()));
        return agency::app::ExitUsage;
    }
    if (agency::app::refuseEmptyDbOption(parser, db))
        return agency::app::ExitUsage;
    return GuiOptions { parser.value(db), parser.value(logLevel) };
}

// Opens a database for the window. The embedded SQLite file is migrated on the spot. On PostgreSQL the shared
// schema is an administrator's decision: behind → the upgrade is offered only to a role that may run it. Newer (on
// either) → read-only.
QSqlDatabase connectGui(const agency::db::ConnectionString& where, QString* error, bool* readOnly)
{
    static int opened = 0;
    const QString name = QStringLiteral("gui-%1").arg(++opened);
    *readOnly = false;
    QSqlDatabase db = agency::db::openDatabase(where, name, error);
    if (!db.isOpen())
        return {};
    agency::db::Migrator migrator(db, agency::db::Migrator::builtIn(where.dialect));
    auto refuse = [&](const QString& why) {
        *error = why;
        db = {};
        agency::db::closeDatabase(name);
        return QSqlDatabase();
    };
    const agency::db::SchemaState state = migrator.state();
    if (where.dialect == agency::db::Dialect::SQLite && state != agency::db::SchemaState::Newer) {
        if (!migrator.up())
            return refuse(migrator.lastError());
        return db;
    }
    switch (state) {
    case agency::db::SchemaState::Current:
        return db;
    case agency::db::SchemaState::Newer:
        *readOnly = true;
        QMessageBox::information(nullptr, QCoreApplication::translate("main", "Newer schema"),
            QCoreApplication::translate("main",
                "The Agency OS schema in this database is newer than this app. It opens "
                "read-only; update Agency OS to edit."));
        return db;
    case agency::db::SchemaState::Edited:
        return refuse(QCoreApplication::translate("main",
            "An applied migration in this database differs from this app's copy: "
            "run agency-os migrate status"));
    case agency::db::SchemaState::NoAccess:
        return refuse(migrator.lastError());
    case agency::db::SchemaState::Missing:
    case agency::db::SchemaState::Behind:
        if (!migrator.mayMigrate())
            return refuse(QCoreApplication::translate("main",
                "The Agency OS schema in this database is not up to date (this "
                "app needs version %1). Ask an administrator to run: agency-os migrate up")
                              .arg(migrator.latestVersion()));
        if (agency::ui::askPlain(nullptr, QCoreApplication::translate("main", "Upgrade the schema?"),
                QCoreApplication::translate("main",
                    "The Agency OS tables in %1 are not up to date (this app needs version "
                    "%2). Other desktops share this database: upgrade it now?")
                    .arg(where.redacted())
                    .arg(migrator.latestVersion()))
            != QMessageBox::Yes)
            return refuse(QCoreApplication::translate("main", "The schema was not upgraded"));
        if (!migrator.up())
            return refuse(migrator.lastError());
        return db;
    }
    return db;
}

int runGui(int argc, char** argv, const GuiOptions& options)
{
    QApplication app(argc, argv);
    describeApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Agency OS"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/agency-os.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.agencyos.AgencyOS"));
    agency::app::setUpLogging(options.logLevel, false);
    QSettings settings;
    agency::app::installTranslations(agency::app::uiLocale(settings));

    agency::app::followMovedDataFolder(settings);
    agency::app::forgetRememberedSecrets(settings);
    QString error;
    const auto where
        = agency::app::resolveDatabase(options.db, settings.value(QStringLiteral("database/last")).toString(), &error);
    if (!where) {
        agency::app::printError(error);
        return agency::app::ExitUsage;
    }
    // A server that wants a password (or another one) asks for it in the Connect dialog; the embedded file cannot.
    auto connected = agency::ui::ConnectionDialog::connectAsking(nullptr, *where, connectGui, &error);
    if (!connected) {
        agency::app::printError(error);
        if (where->dialect == agency::db::Dialect::SQLite)
            agency::ui::warnPlain(
                nullptr, QCoreApplication::translate("main", "Agency OS"), error, QMessageBox::Critical);
        return agency::app::ExitFailure;
    }
    settings.setValue(QStringLiteral("database/last"), connected->where.redacted());
    agency::ui::ConnectionDialog::remember(connected->where);

    auto* window = new agency::ui::MainWindow(connected->db, connected->where, connected->readOnly);
    window->installEventFilter(new FirstPaintLog(window));
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setConnector(connectGui);
    window->fitToScreen();
    window->show();
    window->offerRecoveredEdits();
    // Stopped by a signal (a shutdown, Ctrl+C, a logout): the unsaved edits are kept for the next start, then every
    // event loop ends (a dialog's too), without a question nobody would answer.
    auto* stops = new agency::app::TerminationSignals(window);
    QObject::connect(stops, &agency::app::TerminationSignals::received, window, [window](int signal) {
        spdlog::info("signal {}: leaving", signal);
        window->keepEditsForNextStart();
        QCoreApplication::exit(0);
    });
    return QApplication::exec();
}

} // namespace

int main(int argc, char** argv)
{
    sinceStart().start();
    agency::app::guardStandardDescriptors();
    if (argc > 1 && agency::app::isChartCommand(QString::fromLocal8Bit(argv[1]))) {
        // Charts need a QApplication, not a display: scheduled reports run without one.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        if (qEnvironmentVariableIsEmpty(
                "XDG_RUNTIME_DIR")) { // as under cron: a private one, instead of Qt's warning on stderr
            const QByteArray runtime
                = QDir::tempPath().toLocal8Bit() + "/agency-os-runtime-" + QByteArray::number(getuid());
            QDir().mkpath(QString::fromLocal8Bit(runtime));
            QFile::setPermissions(QString::fromLocal8Bit(runtime),
                QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
            qputenv("XDG_RUNTIME_DIR", runtime);
        }
        QApplication app(argc, argv);
        describeApplication();
        agency::app::installTranslations(QLocale()); // messages and --help in the user's language
        return agency::app::runChartCommand(QCoreApplication::arguments());
    }
    if (argc > 1 && agency::app::isCommand(QString::fromLocal8Bit(argv[1]))) {
        QCoreApplication app(argc, argv);
        describeApplication();
        agency::app::installTranslations(QLocale()); // messages and --help in the user's language
        return agency::app::runCommand(QCoreApplication::arguments());
    }
    const auto parsed = parseGuiCommandLine(argc, argv);
    if (const int* code = std::get_if<int>(&parsed))
        return *code;
    return runGui(argc, argv, std::get<GuiOptions>(parsed));
}
