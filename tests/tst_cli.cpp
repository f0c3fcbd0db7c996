// SPDX-License-Identifier: GPL-3.0-or-later
// The command line as other work and acceptance checks call it: exit codes, the one error line, no passwords.
#include "db/connectionstring.h"
#include "export/csvreader.h"
#include "export/csvwriter.h"
#include "support/scratchdatabase.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>
#include <fcntl.h>
#include <functional>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace {
struct Run {
    int code = -1;
    QString out;
    QString err;
};

// How the child's standard output is set up before it starts (a modifier run in the child), or nothing.
using StdoutSetup = std::function<void()>;

Run agencyOs(const QStringList& arguments, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(),
    const StdoutSetup& setup = {}, const QByteArray& input = {})
{
    QProcess process;
    if (setup)
        process.setChildProcessModifier(setup);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(AGENCY_OS_BINARY), arguments);
    if (process.waitForStarted() && !input.isEmpty())
        process.write(input);
    process.closeWriteChannel(); // standard input ends where `input` does
    Run run;
    if (!process.waitForFinished(60000))
        return run;
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// A CSV file as records of fields (a null QString for NULL), and back, for editing what `export` wrote.
QList<QStringList> readCsv(const QByteArray& bytes)
{
    QList<QStringList> records;
    agency::exporting::CsvReader reader(bytes);
    while (const auto record = reader.next()) {
        QStringList fields;
        for (const auto& field : record->fields)
            fields << (field.isNull ? QString() : field.text);
        records << fields;
    }
    return records;
}

QByteArray writeCsv(const QList<QStringList>& records, char delimiter = ',')
{
    agency::exporting::CsvOptions options;
    options.delimiter = delimiter;
    options.formulaGuard = false; // the fields are the file's own text, guard marks included
    QByteArray out;
    for (const QStringList& record : records) {
        for (qsizetype i = 0; i < record.size(); ++i) {
            if (i > 0)
                out += delimiter;
            const QByteArray utf8 = record.at(i).toUtf8();
            agency::exporting::CsvWriter::appendField(out, utf8, record.at(i).isNull(), false, options);
        }
        out += "\r\n";
    }
    return out;
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// `migrate up`, then `demo-data` with `clients` clients: the first run that failed, or the last.
Run migratedWithDemo(const QString& dsn, int clients, const QProcessEnvironment& env)
{
    const Run migrated
        = agencyOs({ QStringLiteral("migrate"), QStringLiteral("up"), QStringLiteral("--db"), dsn }, env);
    if (migrated.code != 0)
        return migrated;
    return agencyOs({ QStringLiteral("demo-data"), QStringLiteral("--db"), dsn, QStringLiteral("--clients"),
                        QString::number(clients) },
        env);
}

bool isOneErrorLine(const QString& err)
{
    const QStringList lines = err.split(u'\n', Qt::SkipEmptyParts);
    return lines.size() == 1 && lines.constFirst().startsWith(QStringLiteral("agency-os: error: "));
}
}

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void versionAndHelp();
    void dataAndLogsAreTheirOwnersAlone();
    void usageErrors_data();
    void usageErrors();
    void unreachableServerHidesPassword();
    void migrateOnSqlite();
    void migrateOnPostgres();
    void environmentVariableChoosesDatabase();
    void demoDataOnceIfEmpty();
    void exportWritesFileOrStdout();
    void exportToStdoutThatFails_data();
    void exportToStdoutThatFails();
    void exportIntoAPipeThatStopsReadingEndsQuietly();
    void aHeaderOfAHundredThousandColumnsIsALineToRead();
    void exportOntoSpecialFiles();
    void importFromTheCommandLine_data();
    void importFromTheCommandLine();
    void roleWithoutAccessIsToldSo();
    void aNewerSchemaIsReadNotWritten_data() { agency::test::addBackendData(); }
    void aNewerSchemaIsReadNotWritten();
    void legacyDataFolderMovesOnFirstStart();

private:
    QTemporaryDir m_home;
    QProcessEnvironment m_env;
};

void TestCli::initTestCase()
{
    // Keep the tests' settings, logs and embedded database away from the user's.
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.insert(QStringLiteral("HOME"), m_home.path());
    m_env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    m_env.remove(QStringLiteral("AGENCY_OS_DB"));
}

// The embedded database (with its -wal and -shm) and the logs are their owner's alone: the folders 0700, the files
// 0600, from the first start; a folder an older version left open (0755, files 0644) is closed at the next start,
// and the log says what was changed.
void TestCli::dataAndLogsAreTheirOwnersAlone()
{
    QTemporaryDir home;
    QProcessEnvironment env = m_env;
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    const QString folder = home.filePath(QStringLiteral("data/agency-os"));
    const auto mode = [](const QString& path) {
        return QString::number(static_cast<int>(QFile::permissions(path)) & 0x777, 16); // owner, group, other
    };
    Run run = agencyOs({ QStringLiteral("demo-data"), QStringLiteral("--clients"), QStringLiteral("1"),
                           QStringLiteral("--campaigns-per-client"), QStringLiteral("1"),
                           QStringLiteral("--channels-per-campaign"), QStringLiteral("1") },
        env);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    const QString db = folder + QStringLiteral("/agency-os.db");
    const QString log = folder + QStringLiteral("/logs/agency-os.log");
    QVERIFY(QFileInfo::exists(db));
    QVERIFY(QFileInfo::exists(log));
    // Qt's permission bits: 0x7 per class, owner's in the top digit (with "user" beside it, 0x7700 for 0700).
    const auto openToOthers = [](const QString& path) {
        return (QFile::permissions(path)
                   & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
                       | QFileDevice::WriteOther | QFileDevice::ExeOther))
            != 0;
    };
    for (const QString& path : { folder, folder + QStringLiteral("/logs"), db, log, db + QStringLiteral("-wal"),
             db + QStringLiteral("-shm") }) {
        if (QFileInfo::exists(path))
            QVERIFY2(!openToOthers(path), qPrintable(path + QStringLiteral(" is ") + mode(path)));
    }
    QVERIFY(QFile::permissions(db) & QFileDevice::ReadOwner);

    // Left open by an older version: closed at the next start, and said.
    const auto open
        = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
    QVERIFY(
        QFile::setPermissions(folder, open | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther));
    QVERIFY(QFile::setPermissions(db, open));
    QVERIFY(QFile::setPermissions(log, open));
    QVERIFY(openToOthers(db));
    run = agencyOs({ QStringLiteral("migrate"), QStringLiteral("status") }, env);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    for (const QString& path : { folder, db, log })
        QVERIFY2(!openToOthers(path), qPrintable(path + QStringLiteral(" is ") + mode(path)));
    QFile text(log);
    QVERIFY(text.open(QIODevice::ReadOnly));
    const QString said = QString::fromUtf8(text.readAll());
    QVERIFY2(said.contains(QStringLiteral("made private")) && said.contains(db), qPrintable(said.right(2000)));
}

void TestCli::versionAndHelp()
{
    Run run = agencyOs({ QStringLiteral("--version") }, m_env);
    QCOMPARE(run.code, 0);
    QVERIFY2(run.out.startsWith(QStringLiteral("agency-os " AGENCY_OS_VERSION)), qPrintable(run.out));
    run = agencyOs({ QStringLiteral("migrate"), QStringLiteral("--help") }, m_env);
    QCOMPARE(run.code, 0);
    QVERIFY(run.out.contains(QStringLiteral("--db")));
    QVERIFY(run.out.contains(QStringLiteral("--to")));
    run = agencyOs({ QStringLiteral("migrate"), QStringLiteral("--version") }, m_env);
    QCOMPARE(run.code, 0);
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown command") << QStringList { "frobnicate" } << "unknown command";
    QTest::newRow("migrate without action") << QStringList { "migrate" } << "status, up or down";
    QTest::newRow("migrate unknown action") << QStringList { "migrate", "sideways" } << "status, up or down";
    QTest::newRow("migrate two actions") << QStringList { "migrate", "up", "down" } << "status, up or down";
    QTest::newRow("unknown option") << QStringList { "migrate", "up", "--frob" } << "frob";
    QTest::newRow("--to not a number") << QStringList { "migrate", "down", "--to", "x", "--db", "/tmp/none.db" }
                                       << "--to";
    QTest::newRow("--to negative") << QStringList { "migrate", "down", "--to", "-1", "--db", "/tmp/none.db" } << "--to";
    QTest::newRow("--to with status") << QStringList { "migrate", "status", "--to", "1" } << "--to";
    QTest::newRow("malformed DSN") << QStringList { "migrate", "status", "--db", "mysql://u:hunter2@h/d" }
                                   << "postgresql://";
    QTest::newRow("bad port") << QStringList { "migrate", "status", "--db", "postgresql://u:hunter2@h:99999/d" }
                              << "port";
    QTest::newRow("bad log level") << QStringList { "migrate", "status", "--log-level", "loud" } << "--log-level";
    QTest::newRow("--db without value") << QStringList { "migrate", "status", "--db" } << "db";
    // Issue 12.12: an empty --db is a mistake, not the embedded database.
    QTest::newRow("--db empty, migrate") << QStringList { "migrate", "status", "--db", "" } << "--db is empty";
    QTest::newRow("--db empty, export") << QStringList { "export", "clients", "--db", " " } << "--db is empty";
    QTest::newRow("--db empty, report") << QStringList { "report", "finance", "--output", "x.pdf", "--db", "" }
                                        << "--db is empty";
    QTest::newRow("--db empty, window") << QStringList { "--db", "" } << "--db is empty";
    QTest::newRow("export without table")
        << QStringList { "export" } << "sla-tiers, clients, campaigns, channels or time-entries";
    QTest::newRow("export unknown table")
        << QStringList { "export", "invoices" } << "sla-tiers, clients, campaigns, channels or time-entries";
    QTest::newRow("export bad delimiter")
        << QStringList { "export", "clients", "--delimiter", "pipe" } << "--delimiter";
    QTest::newRow("export empty output") << QStringList { "export", "clients", "--output", "" } << "--output";
    QTest::newRow("import without table")
        << QStringList { "import", "--input", "x.csv" } << "sla-tiers, clients, campaigns, channels or time-entries";
    QTest::newRow("import without input") << QStringList { "import", "clients" } << "--input";
    QTest::newRow("import empty input") << QStringList { "import", "clients", "--input", "" } << "--input";
    QTest::newRow("import bad delimiter")
        << QStringList { "import", "clients", "--input", "x.csv", "--delimiter", "pipe" } << "--delimiter";
    QTest::newRow("import empty --db") << QStringList { "import", "clients", "--input", "x.csv", "--db", "" }
                                       << "--db is empty";
    QTest::newRow("demo-data clients not a number") << QStringList { "demo-data", "--clients", "many" } << "--clients";
    QTest::newRow("demo-data zero clients") << QStringList { "demo-data", "--clients", "0" } << "--clients";
    QTest::newRow("demo-data negative channels")
        << QStringList { "demo-data", "--channels-per-campaign", "-1" } << "--channels-per-campaign";
    QTest::newRow("demo-data stray word") << QStringList { "demo-data", "extra" } << "no further words";
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    const Run run = agencyOs(arguments, m_env);
    QCOMPARE(run.code, 2);
    QVERIFY2(isOneErrorLine(run.err), qPrintable(run.err));
    QVERIFY2(run.err.contains(mentions), qPrintable(run.err));
    QVERIFY2(
        !run.err.contains(QStringLiteral("hunter2")) && !run.out.contains(QStringLiteral("hunter2")), "password shown");
}

void TestCli::unreachableServerHidesPassword()
{
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    for (const QString& dsn : { QStringLiteral("postgresql://agent:hunter2%40x@127.0.0.1:1/plane"),
             QStringLiteral("postgresql://agent@127.0.0.1:1/plane?password=hunter2@x"),
             QStringLiteral("postgresql://agent@127.0.0.1:1/plane?sslpassword=hunter2@x&sslmode=prefer"),
             QStringLiteral("postgresql://agent@127.0.0.1:1/plane?sslmode=nonsense&sslpassword=hunter2") }) {
        const Run run = agencyOs({ QStringLiteral("migrate"), QStringLiteral("status"), QStringLiteral("--db"), dsn,
                                     QStringLiteral("--log-level"), QStringLiteral("debug") },
            m_env);
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QStringLiteral("agency-os: error: ")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("127.0.0.1")), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QStringLiteral("hunter2")), qPrintable(run.err));
        QVERIFY(!run.out.contains(QStringLiteral("hunter2")));
    }
    // Nor in the log file.
    QFile log(m_home.filePath(QStringLiteral("data/agency-os/logs/agency-os.log")));
    QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(log.fileName()));
    const QByteArray logged = log.readAll();
    QVERIFY(logged.contains("127.0.0.1"));
    QVERIFY(!logged.contains("hunter2"));
}

void TestCli::migrateOnSqlite()
{
    QTemporaryDir dir;
    const QString dsn = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("cli.db"));
    Run run = agencyOs({ QStringLiteral("migrate"), QStringLiteral("status"), QStringLiteral("--db"), dsn }, m_env);
    QCOMPARE(run.code, 0);
    QVERIFY2(run.out.contains(QStringLiteral("0001_initial  pending")), qPrintable(run.out));
    run = agencyOs({ QStringLiteral("migrate"), QStringLiteral("up"), QStringLiteral("--db"), dsn }, m_env);
    QCOMPARE(run.code, 0);
    QVERIFY2(run.out.contains(QStringLiteral("applied 0001_initial")), qPrintable(run.out));
    run = agencyOs({ QStringLiteral("migrate"), QStringLiteral("status"), QStringLiteral("--db"), dsn }, m_env);
    QVERIFY2(run.out.contains(QStringLiteral("0001_initial  applied")), qPrintable(run.out));
    run = agencyOs({ QStringLiteral("migrate"), QStringLiteral("down"), QStringLiteral("--to"), QStringLiteral("0"),
                       QStringLiteral("--db"), dsn },
        m_env);
    QCOMPARE(run.code, 0);
    QVERIFY2(run.out.contains(QStringLiteral("rolled back 0001_initial")), qPrintable(run.out));
}

void TestCli::migrateOnPostgres()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("postgresql"));
    Run run
        = agencyOs({ QStringLiteral("migrate"), QStringLiteral("up"), QStringLiteral("--db"), scratch.dsn() }, m_env);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    run = agencyOs(
        { QStringLiteral("migrate"), QStringLiteral("status"), QStringLiteral("--db"), scratch.dsn() }, m_env);
    QCOMPARE(run.code, 0);
    QVERIFY2(run.out.contains(QStringLiteral("0001_initial  applied")), qPrintable(run.out));
    // Status shows where it is connected, never the password (when the DSN has one: a server may need none).
    const auto where = agency::db::ConnectionString::parse(scratch.dsn(), nullptr);
    QVERIFY(where);
    QVERIFY(run.out.contains(where->host));
    if (!where->password.isEmpty())
        QVERIFY(!run.out.contains(where->password));
    // One step down takes the last migration only, then down to nothing.
    QVERIFY2(run.out.contains(QStringLiteral("0011_time_entry_history  applied")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("0010_channel_spend  applied")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("0009_time_entries  applied")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("0008_change_log  applied")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("0007_locale_name_order  applied")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("0006_campaign_name_search  applied")), qPrintable(run.out));
    const QString historyObjects = QStringLiteral(
        "SELECT (SELECT count(*) FROM pg_tables WHERE tablename = 'agency_change_log') + (SELECT count(*) FROM "
        "pg_trigger WHERE tgname LIKE 'agency\\_%\\_log\\_%') + (SELECT count(*) FROM pg_proc WHERE proname = "
        "'agency_log_changes')");
    QCOMPARE(agency::test::scalar(scratch.db(), historyObjects).toInt(), 1 + 15 + 1);
    QVERIFY(scratch.db().tables().contains(QStringLiteral("agency_time_entries")));
    QVERIFY(scratch.db().tables().contains(QStringLiteral("agency_channel_spend")));
    run = agencyOs({ QStringLiteral("migrate"), QStringLiteral("down"), QStringLiteral("--db"), scratch.dsn() }, m_env);
    QCOMPARE(run.code, 0);
    QVERIFY2(run.out.contains(QStringLiteral("rolled back 0011_time_entry_history")), qPrintable(run.out));
    QCOMPARE(agency::test::scalar(scratch.db(), historyObjects).toInt(), 1 + 12 + 1);
    run = agencyOs({ QStringLiteral("migrate"), QStringLiteral("down"), QStringLiteral("--db"), scratch.dsn() }, m_env);
    QCOMPARE(run.code, 0);
    QVERIFY2(run.out.contains(QStringLiteral("rolled back 0010_channel_spend")), qPrintable(run.out));
    QVERIFY(!scratch.db().tables().contains(QStringLiteral("agency_channel_spend")));
    QVERIFY(scratch.db().tables().contains(QStringLiteral("agency_time_entries")));
    run = agencyOs({ QStringLiteral("migrate"), QStringLiteral("down"), QStringLiteral("--db"), scratch.dsn() }, m_env);
    QCOMPARE(run.code, 0);
    QVERIFY2(run.out.contains(QStringLiteral("rolled back 0009_time_entries")), qPrintable(run.out));
    QVERIFY(!scratch.db().tables().contains(QStringLiteral("agency_time_entries")));
    QCOMPARE(agency::test::scalar(scratch.db(), historyObjects).toInt(), 1 + 12 + 1);
    run = agencyOs({ QStringLiteral("migrate"), QStringLiteral("down"), QStringLiteral("--db"), scratch.dsn() }, m_env);
    QCOMPARE(run.code, 0);
    QVERIFY2(run.out.contains(QStringLiteral("rolled back 0008_change_log")), qPrintable(run.out));
    QCOMPARE(agency::test::scalar(scratch.db(), historyObjects).toInt(), 0);
    const QString localeIndex
        = QStringLiteral("SELECT count(*) FROM pg_indexes WHERE indexname = 'agency_clients_name_locale_idx'");
    QCOMPARE(agency::test::scalar(scratch.db(), localeIndex).toInt(), 1);
    run = agencyOs({ QStringLiteral("migrate"), QStringLiteral("down"), QStringLiteral("--db"), scratch.dsn() }, m_env);
    QCOMPARE(run.code, 0);
    QVERIFY2(run.out.contains(QStringLiteral("rolled back 0007_locale_name_order")), qPrintable(run.out));
    QCOMPARE(agency::test::scalar(scratch.db(), localeIndex).toInt(), 0);
    const QString nameIndex
        = QStringLiteral("SELECT count(*) FROM pg_indexes WHERE indexname = 'agency_campaigns_name_search_idx'");
    QCOMPARE(agency::test::scalar(scratch.db(), nameIndex).toInt(), 1);
    run = agencyOs({ QStringLiteral("migrate"), QStringLiteral("down"), QStringLiteral("--db"), scratch.dsn() }, m_env);
    QCOMPARE(run.code, 0);
    QVERIFY2(run.out.contains(QStringLiteral("rolled back 0006_campaign_name_search")), qPrintable(run.out));
    QCOMPARE(agency::test::scalar(scratch.db(), nameIndex).toInt(), 0);
    const QString restIndex = QStringLiteral(
        "SELECT count(*) FROM pg_indexes WHERE indexname = 'agency_campaign_channels_search_rest_idx'");
    QCOMPARE(agency::test::scalar(scratch.db(), restIndex).toInt(), 1);
    run = agencyOs({ QStringLiteral("migrate"), QStringLiteral("down"), QStringLiteral("--db"), scratch.dsn() }, m_env);
    QCOMPARE(run.code, 0);
    QVERIFY2(run.out.contains(QStringLiteral("rolled back 0005_search_rest_index")), qPrintable(run.out));
    QCOMPARE(agency::test::scalar(scratch.db(), restIndex).toInt(), 0);
    const QString deleteTriggers
        = QStringLiteral("SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'agency\\_%\\_delete\\_children'");
    QCOMPARE(agency::test::scalar(scratch.db(), deleteTriggers).toInt(), 2);
    run = agencyOs({ QStringLiteral("migrate"), QStringLiteral("down"), QStringLiteral("--db"), scratch.dsn() }, m_env);
    QCOMPARE(run.code, 0);
    QVERIFY2(run.out.contains(QStringLiteral("rolled back 0004_deleted_with_parent")), qPrintable(run.out));
    QCOMPARE(agency::test::scalar(scratch.db(), deleteTriggers).toInt(), 0);
    const QString searchIndexes
        = QStringLiteral("SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'agency\\_%\\_search\\_idx'");
    QCOMPARE(agency::test::scalar(scratch.db(), searchIndexes).toInt(), 3); // pg_trgm is there (Debian's server)
    run = agencyOs({ QStringLiteral("migrate"), QStringLiteral("down"), QStringLiteral("--db"), scratch.dsn() }, m_env);
    QCOMPARE(run.code, 0);
    QVERIFY2(run.out.contains(QStringLiteral("rolled back 0003_search_indexes")), qPrintable(run.out));
    QCOMPARE(agency::test::scalar(scratch.db(), searchIndexes).toInt(), 0);
    QCOMPARE(agency::test::scalar(scratch.db(),
                 QStringLiteral("SELECT count(*) FROM pg_indexes WHERE indexname = 'agency_clients_name_page_idx'"))
                 .toInt(),
        1);
    run = agencyOs({ QStringLiteral("migrate"), QStringLiteral("down"), QStringLiteral("--to"), QStringLiteral("0"),
                       QStringLiteral("--db"), scratch.dsn() },
        m_env);
    QCOMPARE(run.code, 0);
    QVERIFY(!scratch.db().tables().contains(QStringLiteral("agency_clients")));
}

void TestCli::demoDataOnceIfEmpty()
{
    QTemporaryDir dir;
    const QString dsn = dir.filePath(QStringLiteral("demo.db"));
    Run run = agencyOs({ QStringLiteral("demo-data"), QStringLiteral("--db"), dsn, QStringLiteral("--clients"),
                           QStringLiteral("6"), QStringLiteral("--if-empty") },
        m_env);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("6 clients")), qPrintable(run.out));
    run = agencyOs({ QStringLiteral("demo-data"), QStringLiteral("--db"), dsn, QStringLiteral("--if-empty") }, m_env);
    QCOMPARE(run.code, 0);
    QVERIFY2(run.out.contains(QStringLiteral("nothing added")), qPrintable(run.out));
    // Without --if-empty the same seed collides with itself: refused, nothing changed, one error line.
    run = agencyOs(
        { QStringLiteral("demo-data"), QStringLiteral("--db"), dsn, QStringLiteral("--clients"), QStringLiteral("6") },
        m_env);
    QCOMPARE(run.code, 1);
    QVERIFY2(isOneErrorLine(run.err) && run.err.contains(QStringLiteral("nothing was changed")), qPrintable(run.err));
}

void TestCli::exportWritesFileOrStdout()
{
    QTemporaryDir dir;
    const QString dsn = dir.filePath(QStringLiteral("x.db"));
    QCOMPARE(agencyOs({ QStringLiteral("demo-data"), QStringLiteral("--db"), dsn, QStringLiteral("--clients"),
                          QStringLiteral("6") },
                 m_env)
                 .code,
        0);
    Run run = agencyOs({ QStringLiteral("export"), QStringLiteral("clients"), QStringLiteral("--db"), dsn }, m_env);
    QCOMPARE(run.code, 0);
    QVERIFY(run.out.startsWith(QStringLiteral("id,plane_workspace_id,client_name,")));
    QCOMPARE(run.out.count(QStringLiteral("\r\n")), 1 + 5); // one of the six demo clients is deleted
    run = agencyOs({ QStringLiteral("export"), QStringLiteral("clients"), QStringLiteral("--db"), dsn,
                       QStringLiteral("--include-deleted"), QStringLiteral("--delimiter"), QStringLiteral("semicolon"),
                       QStringLiteral("--bom"), QStringLiteral("-o"), dir.filePath(QStringLiteral("c.csv")) },
        m_env);
    QCOMPARE(run.code, 0);
    QFile file(dir.filePath(QStringLiteral("c.csv")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBFid;plane_workspace_id;client_name;"));
    QCOMPARE(bytes.count("\r\n"), 1 + 6);
    // Issue 12.12: a mistyped database path is said so; no folder or empty database is made there.
    const QString typo = dir.filePath(QStringLiteral("nope/x.db"));
    run = agencyOs({ QStringLiteral("export"), QStringLiteral("clients"), QStringLiteral("--db"), typo }, m_env);
    QCOMPARE(run.code, 1);
    QVERIFY2(isOneErrorLine(run.err) && run.err.contains(QStringLiteral("there is no database file at")),
        qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("nope"))));
    // A folder that does not exist: exit 1, one error line, no file.
    run = agencyOs({ QStringLiteral("export"), QStringLiteral("channels"), QStringLiteral("--db"), dsn,
                       QStringLiteral("-o"), dir.filePath(QStringLiteral("nope/c.csv")) },
        m_env);
    QCOMPARE(run.code, 1);
    QVERIFY2(isOneErrorLine(run.err) && run.err.contains(QStringLiteral("no file written")), qPrintable(run.err));
}

void TestCli::environmentVariableChoosesDatabase()
{
    QTemporaryDir dir;
    QProcessEnvironment env = m_env;
    env.insert(QStringLiteral("AGENCY_OS_DB"), dir.filePath(QStringLiteral("from-env.sqlite")));
    const Run run = agencyOs({ QStringLiteral("migrate"), QStringLiteral("up") }, env);
    QCOMPARE(run.code, 0);
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("from-env.sqlite"))));
    env.insert(QStringLiteral("AGENCY_OS_DB"), QStringLiteral("nonsense"));
    const Run bad = agencyOs({ QStringLiteral("migrate"), QStringLiteral("up") }, env);
    QCOMPARE(bad.code, 2);
    QVERIFY2(bad.err.contains(QStringLiteral("AGENCY_OS_DB")), qPrintable(bad.err));
}

// A user of 0.1 has the embedded database under ~/.local/share/agency-os/agency-os/: the next start moves it to
// ~/.local/share/agency-os/ and says so in the log, and the data is there.
void TestCli::legacyDataFolderMovesOnFirstStart()
{
    QTemporaryDir data;
    QProcessEnvironment env = m_env;
    env.insert(QStringLiteral("XDG_DATA_HOME"), data.path());
    const QString legacy = data.filePath(QStringLiteral("agency-os/agency-os/agency-os.db"));
    QVERIFY(QDir().mkpath(QFileInfo(legacy).absolutePath()));
    Run run = agencyOs({ QStringLiteral("demo-data"), QStringLiteral("--db"), legacy, QStringLiteral("--clients"),
                           QStringLiteral("3") },
        env);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY(QFile::remove(data.filePath(QStringLiteral("agency-os/logs/agency-os.log")))); // written by that run

    run = agencyOs(
        { QStringLiteral("export"), QStringLiteral("clients"), QStringLiteral("--output"), QStringLiteral("-") }, env);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(run.out.count(QStringLiteral("\r\n")), 1 + 3);
    QVERIFY(QFile::exists(data.filePath(QStringLiteral("agency-os/agency-os.db"))));
    QVERIFY(!QFileInfo::exists(data.filePath(QStringLiteral("agency-os/agency-os"))));
    QFile log(data.filePath(QStringLiteral("agency-os/logs/agency-os.log")));
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(log.readAll());
    QVERIFY2(text.contains(QStringLiteral("data folder: moved agency-os.db")), qPrintable(text));
}

// Issue 12.4: standard output that cannot take the export — a full device, closed, a pipe nobody reads (with SIGPIPE
// ignored, as some shells and services run programs) — is exit 1 with the system's reason, never a silent 0.
void TestCli::exportToStdoutThatFails_data()
{
    QTest::addColumn<int>("how");
    QTest::addColumn<QString>("reason");
    QTest::newRow("/dev/full") << 0 << QStringLiteral("No space left on device");
    QTest::newRow("closed") << 1 << QStringLiteral("standard output is closed");
    QTest::newRow("pipe closed, SIGPIPE ignored") << 2 << QStringLiteral("Broken pipe");
}

void TestCli::exportToStdoutThatFails()
{
    QFETCH(int, how);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const QString dsn = dir.filePath(QStringLiteral("x.db"));
    QCOMPARE(agencyOs({ QStringLiteral("demo-data"), QStringLiteral("--db"), dsn, QStringLiteral("--clients"),
                          QStringLiteral("3") },
                 m_env)
                 .code,
        0);
    const StdoutSetup setups[] = {
        []() {
            const int full = ::open("/dev/full", O_WRONLY);
            ::dup2(full, STDOUT_FILENO);
            ::close(full);
        },
        []() { ::close(STDOUT_FILENO); },
        []() {
            int ends[2];
            if (::pipe(ends) == 0) {
                ::close(ends[0]);
                ::dup2(ends[1], STDOUT_FILENO);
                ::close(ends[1]);
            }
            ::signal(SIGPIPE, SIG_IGN);
        },
    };
    for (const char* table : { "sla-tiers", "clients" }) { // a few hundred bytes each: all of it in one last write
        const Run run = agencyOs(
            { QStringLiteral("export"), QString::fromLatin1(table), QStringLiteral("--db"), dsn }, m_env, setups[how]);
        QCOMPARE(run.code, 1);
        QVERIFY2(isOneErrorLine(run.err) && run.err.contains(reason), qPrintable(run.err));
    }
    // The database file was not written to in place of the closed output.
    QCOMPARE(
        agencyOs({ QStringLiteral("export"), QStringLiteral("sla-tiers"), QStringLiteral("--db"), dsn }, m_env).code,
        0);
}

// Issue 32 (noticed): `agency-os export … | head -1` — the reader has enough and goes. The export ends as `cat`
// would: by SIGPIPE, printing nothing (README says so); ignoring SIGPIPE gives the exit 1 above instead.
void TestCli::exportIntoAPipeThatStopsReadingEndsQuietly()
{
    QTemporaryDir dir;
    const QString dsn = dir.filePath(QStringLiteral("x.db"));
    QCOMPARE(agencyOs({ QStringLiteral("demo-data"), QStringLiteral("--db"), dsn, QStringLiteral("--clients"),
                          QStringLiteral("3") },
                 m_env)
                 .code,
        0);
    const Run run
        = agencyOs({ QStringLiteral("export"), QStringLiteral("clients"), QStringLiteral("--db"), dsn }, m_env, []() {
              int ends[2];
              if (::pipe(ends) == 0) {
                  ::close(ends[0]); // the reader is gone before the first write
                  ::dup2(ends[1], STDOUT_FILENO);
                  ::close(ends[1]);
              }
              ::signal(SIGPIPE, SIG_DFL);
          });
    QCOMPARE(run.code, -2); // ended by the signal, not an exit status
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
}

// Issue 32 (noticed): a header of 100,000 unknown columns printed a 1 MB line; now the first twenty and how many more.
void TestCli::aHeaderOfAHundredThousandColumnsIsALineToRead()
{
    QTemporaryDir dir;
    const QString dsn = dir.filePath(QStringLiteral("x.db"));
    QCOMPARE(agencyOs({ QStringLiteral("migrate"), QStringLiteral("up"), QStringLiteral("--db"), dsn }, m_env).code, 0);
    QStringList header { QStringLiteral("client_name") };
    for (int i = 0; i < 100000; ++i)
        header << QStringLiteral("extra%1").arg(i);
    QFile file(dir.filePath(QStringLiteral("wide.csv")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(header.join(u',').toUtf8() + "\r\nAcme" + QByteArray(100000, ',') + "\r\n");
    file.close();
    const Run run = agencyOs({ QStringLiteral("import"), QStringLiteral("clients"), QStringLiteral("--input"),
                                 file.fileName(), QStringLiteral("--db"), dsn, QStringLiteral("--dry-run") },
        m_env);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    for (const QString& line : run.out.split(u'\n'))
        QVERIFY2(line.size() < 500, qPrintable(line.left(200)));
    QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("extra19 and 99.?980 more"))),
        qPrintable(run.out.left(500)));
    QVERIFY2(run.out.contains(QStringLiteral("1 to add")), qPrintable(run.out.left(500)));
}

// Issue 12.5: -o onto something that is not a regular file writes into it and leaves it what it was: a character
// device stays a device, a FIFO's reader gets the export.
void TestCli::exportOntoSpecialFiles()
{
    QTemporaryDir dir;
    const QString dsn = dir.filePath(QStringLiteral("x.db"));
    QCOMPARE(agencyOs({ QStringLiteral("demo-data"), QStringLiteral("--db"), dsn, QStringLiteral("--clients"),
                          QStringLiteral("3") },
                 m_env)
                 .code,
        0);
    // A character device of its own (the null device's numbers), never the system's /dev/null: before the fix the
    // export replaced the file it was given, and through a link that would be /dev/null itself. Making one needs
    // root (as CI runs); elsewhere only the FIFO below is tried.
    const QString device = dir.filePath(QStringLiteral("mynull"));
    if (::mknod(QFile::encodeName(device).constData(), S_IFCHR | 0666, makedev(1, 3)) == 0) {
        const Run run = agencyOs({ QStringLiteral("export"), QStringLiteral("clients"), QStringLiteral("--db"), dsn,
                                     QStringLiteral("-o"), device },
            m_env);
        QCOMPARE(run.code, 0);
        struct stat info { };
        QCOMPARE(::lstat(QFile::encodeName(device).constData(), &info), 0);
        QVERIFY2(S_ISCHR(info.st_mode), "the device was replaced by a regular file");
    } else {
        qInfo("not root: no character device of the test's own, only the FIFO is tried");
    }

    const QString fifo = dir.filePath(QStringLiteral("pipe"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QProcess reader;
    reader.start(QStringLiteral("cat"), { fifo });
    QVERIFY(reader.waitForStarted());
    const Run run = agencyOs({ QStringLiteral("export"), QStringLiteral("clients"), QStringLiteral("--db"), dsn,
                                 QStringLiteral("-o"), fifo },
        m_env);
    QCOMPARE(run.code, 0);
    QVERIFY(reader.waitForFinished(30000));
    const QByteArray read = reader.readAllStandardOutput();
    QVERIFY2(read.startsWith("id,plane_workspace_id,client_name,"), read.left(200).constData());
    struct stat info { };
    QCOMPARE(::lstat(QFile::encodeName(fifo).constData(), &info), 0);
    QVERIFY(S_ISFIFO(info.st_mode));
}

void TestCli::importFromTheCommandLine_data()
{
    agency::test::addBackendData();
}

// The window's import for scripts (DESIGN.md): what export writes imports back unchanged on every table; an edit is
// written; one bad row refuses the whole file, names its line and field, and writes nothing; standard input and
// --delimiter work as the export's.
void TestCli::importFromTheCommandLine()
{
    QFETCH(QString, backend);
    AGENCY_SCRATCH(scratch, backend);
    QTemporaryDir dir;
    const QString dsn = scratch.dsn();
    Run run = migratedWithDemo(dsn, 6, m_env);
    QVERIFY2(run.code == 0, qPrintable(run.err));

    for (const char* table : { "sla-tiers", "clients", "campaigns", "channels" }) {
        const QString name = QString::fromLatin1(table);
        const QString file = dir.filePath(name + QStringLiteral(".csv"));
        run = agencyOs(
            { QStringLiteral("export"), name, QStringLiteral("--db"), dsn, QStringLiteral("-o"), file }, m_env);
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const int rows = static_cast<int>(readCsv(readFile(file)).size()) - 1;
        QVERIFY(rows > 0);
        run = agencyOs({ QStringLiteral("import"), name, QStringLiteral("--input"), file, QStringLiteral("--db"), dsn,
                           QStringLiteral("--dry-run") },
            m_env);
        QVERIFY2(run.code == 0, qPrintable(name + run.err));
        QVERIFY2(
            run.out.contains(QStringLiteral("0 to add, 0 to update, %1 unchanged").arg(rows)), qPrintable(run.out));
        run = agencyOs(
            { QStringLiteral("import"), name, QStringLiteral("--input"), file, QStringLiteral("--db"), dsn }, m_env);
        QVERIFY2(run.code == 0, qPrintable(name + run.err));
        QVERIFY2(run.out.contains(QStringLiteral("0 added, 0 updated, %1 unchanged").arg(rows)), qPrintable(run.out));
    }

    // Issue 31.4: the channels as a German spreadsheet reads them, and back: nothing changes.
    {
        const QString file = dir.filePath(QStringLiteral("channels-de.csv"));
        run = agencyOs({ QStringLiteral("export"), QStringLiteral("channels"), QStringLiteral("--db"), dsn,
                           QStringLiteral("--delimiter"), QStringLiteral("semicolon"), QStringLiteral("--bom"),
                           QStringLiteral("--decimal-comma"), QStringLiteral("-o"), file },
            m_env);
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QByteArray german = readFile(file);
        QVERIFY(german.startsWith("\xEF\xBB\xBFid;campaign_id;"));
        QVERIFY2(QString::fromUtf8(german).contains(QRegularExpression(QStringLiteral(";\\d+,\\d\\d;"))),
            german.left(400).constData());
        const int rows = static_cast<int>(german.count("\r\n")) - 1;
        run = agencyOs({ QStringLiteral("import"), QStringLiteral("channels"), QStringLiteral("--input"), file,
                           QStringLiteral("--db"), dsn },
            m_env);
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("0 added, 0 updated, %1 unchanged").arg(rows)), qPrintable(run.out));
    }

    // Issue 31.3: the channels as a workbook, and back through the command (from a file and from a pipe): nothing
    // changes; a file that only looks like one is refused with why, nothing written.
    {
        const QString workbook = dir.filePath(QStringLiteral("channels.xlsx"));
        run = agencyOs({ QStringLiteral("export"), QStringLiteral("channels"), QStringLiteral("--db"), dsn,
                           QStringLiteral("-o"), workbook },
            m_env);
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const int rows = static_cast<int>(readCsv(readFile(dir.filePath(QStringLiteral("channels.csv")))).size()) - 1;
        run = agencyOs({ QStringLiteral("import"), QStringLiteral("channels"), QStringLiteral("--input"), workbook,
                           QStringLiteral("--db"), dsn },
            m_env);
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("0 added, 0 updated, %1 unchanged").arg(rows)), qPrintable(run.out));
        run = agencyOs({ QStringLiteral("import"), QStringLiteral("channels"), QStringLiteral("--input"),
                           QStringLiteral("-"), QStringLiteral("--db"), dsn, QStringLiteral("--dry-run") },
            m_env, {}, readFile(workbook));
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(
            run.out.contains(QStringLiteral("0 to add, 0 to update, %1 unchanged").arg(rows)), qPrintable(run.out));
        const QString broken = dir.filePath(QStringLiteral("broken.xlsx"));
        QVERIFY(writeFile(broken, QByteArray("PK\x03\x04 not a workbook", 23)));
        run = agencyOs({ QStringLiteral("import"), QStringLiteral("channels"), QStringLiteral("--input"), broken,
                           QStringLiteral("--db"), dsn },
            m_env);
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QStringLiteral("table of contents"))
                && run.err.contains(QStringLiteral("nothing written")),
            qPrintable(run.err));
    }

    // Two edits in one file, the second one wrong: the whole file is refused, the first edit is not written.
    const QString clientsFile = dir.filePath(QStringLiteral("clients.csv"));
    QList<QStringList> clients = readCsv(readFile(clientsFile));
    QVERIFY(clients.size() >= 3);
    const qsizetype idAt = clients.constFirst().indexOf(QStringLiteral("id"));
    const qsizetype industryAt = clients.constFirst().indexOf(QStringLiteral("industry"));
    const qsizetype startAt = clients.constFirst().indexOf(QStringLiteral("contract_start_date"));
    QVERIFY(idAt >= 0 && industryAt >= 0 && startAt >= 0);
    const QString edited = clients.at(1).at(idAt);
    const QString industryBefore = clients.at(1).at(industryAt);
    const QString industry = QStringLiteral("Édition, \"Presse\" & Co");
    clients[1][industryAt] = industry;
    const QString startBefore = clients.at(2).at(startAt);
    clients[2][startAt] = QStringLiteral("2024-13-45");
    QVERIFY(writeFile(clientsFile, writeCsv(clients)));
    const QString industrySql = QStringLiteral("SELECT industry FROM agency_clients WHERE id = ?");
    for (const bool dryRun : { true, false }) {
        QStringList arguments { QStringLiteral("import"), QStringLiteral("clients"), QStringLiteral("--input"),
            clientsFile, QStringLiteral("--db"), dsn };
        if (dryRun)
            arguments << QStringLiteral("--dry-run");
        run = agencyOs(arguments, m_env);
        QCOMPARE(run.code, 1);
        const QStringList lines = run.err.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.size() == 2, qPrintable(run.err));
        QVERIFY2(std::all_of(lines.cbegin(), lines.cend(),
                     [](const QString& line) { return line.startsWith(QStringLiteral("agency-os: error: ")); }),
            qPrintable(run.err));
        QVERIFY2(
            lines.at(0).contains(QStringLiteral("line 3, contract_start_date")) && lines.at(0).contains(u"2024-13-45"),
            qPrintable(run.err));
        QVERIFY2(lines.at(1).contains(QStringLiteral("refused: 1 problem")) && lines.at(1).contains(u"nothing written"),
            qPrintable(run.err));
        if (dryRun)
            QVERIFY2(run.out.contains(QStringLiteral("0 to add, 1 to update")), qPrintable(run.out));
        QCOMPARE(agency::test::scalar(scratch.db(), industrySql, { edited }).toString(), industryBefore);
    }

    // Corrected, from standard input with the delimiter named: written, exactly as typed.
    clients[2][startAt] = startBefore;
    run = agencyOs(
        { QStringLiteral("import"), QStringLiteral("clients"), QStringLiteral("--input"), QStringLiteral("-"),
            QStringLiteral("--delimiter"), QStringLiteral("tab"), QStringLiteral("--db"), dsn },
        m_env, {}, writeCsv(clients, '\t'));
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("0 added, 1 updated")), qPrintable(run.out));
    QCOMPARE(agency::test::scalar(scratch.db(), industrySql, { edited }).toString(), industry);

    // A new tier, semicolon-separated: with the wrong delimiter named, the header is one unknown column.
    const QString tierFile = dir.filePath(QStringLiteral("tier.csv"));
    QVERIFY(writeFile(tierFile,
        "name;description;response_time_hours;monthly_hours_included;hourly_rate;monthly_retainer;features;priority\r\n"
        "Copper;\"Email only; next day\";48;5;80.00;400.00;[];9\r\n"));
    run = agencyOs({ QStringLiteral("import"), QStringLiteral("sla-tiers"), QStringLiteral("--input"), tierFile,
                       QStringLiteral("--delimiter"), QStringLiteral("comma"), QStringLiteral("--db"), dsn },
        m_env);
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains(QStringLiteral("no column of the header")), qPrintable(run.err));
    run = agencyOs({ QStringLiteral("import"), QStringLiteral("sla-tiers"), QStringLiteral("--input"), tierFile,
                       QStringLiteral("--delimiter"), QStringLiteral("semicolon"), QStringLiteral("--db"), dsn },
        m_env);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("1 added, 0 updated, 0 unchanged")), qPrintable(run.out));
    QCOMPARE(agency::test::scalar(
                 scratch.db(), QStringLiteral("SELECT description FROM agency_sla_tiers WHERE name = 'Copper'"))
                 .toString(),
        QStringLiteral("Email only; next day"));

    // A file that is not there: exit 1, one line naming it.
    const QString missing = dir.filePath(QStringLiteral("nope.csv"));
    run = agencyOs({ QStringLiteral("import"), QStringLiteral("clients"), QStringLiteral("--input"), missing,
                       QStringLiteral("--db"), dsn },
        m_env);
    QCOMPARE(run.code, 1);
    QVERIFY2(isOneErrorLine(run.err) && run.err.contains(missing), qPrintable(run.err));
}

// Issue 12.12: a role that may not read the agency tables was told to run `migrate up` (the schema is current); it is
// told that its role may not read them, naming them; a role that may read them exports.
void TestCli::roleWithoutAccessIsToldSo()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("postgresql"));
    QVERIFY(scratch.migrate());
    const auto where = agency::db::ConnectionString::parse(scratch.dsn(), nullptr);
    QVERIFY(where);
    const QString role = QStringLiteral("outsider_%1").arg(QCoreApplication::applicationPid());
    QVERIFY(agency::test::execute(scratch.db(), QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'o-pass'").arg(role)));
    const QString dsn = QStringLiteral("postgresql://%1:o-pass@%2:%3/%4")
                            .arg(role, where->host.isEmpty() ? QStringLiteral("127.0.0.1") : where->host)
                            .arg(where->port > 0 ? where->port : 5432)
                            .arg(where->database);
    Run run = agencyOs({ QStringLiteral("export"), QStringLiteral("clients"), QStringLiteral("--db"), dsn }, m_env);
    QCOMPARE(run.code, 1);
    QVERIFY2(isOneErrorLine(run.err), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("may not read")) && run.err.contains(QStringLiteral("agency_clients"))
            && run.err.contains(role),
        qPrintable(run.err));
    QVERIFY2(!run.err.contains(QStringLiteral("migrate up")), qPrintable(run.err));
    QVERIFY(!run.err.contains(QStringLiteral("o-pass")));

    QVERIFY(agency::test::execute(
        scratch.db(), QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO %1").arg(role)));
    run = agencyOs({ QStringLiteral("export"), QStringLiteral("clients"), QStringLiteral("--db"), dsn }, m_env);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY(run.out.startsWith(QStringLiteral("id,")));
    QVERIFY(agency::test::execute(
        scratch.db(), QStringLiteral("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %1").arg(role)));
    QVERIFY(agency::test::execute(scratch.db(), QStringLiteral("DROP ROLE %1").arg(role)));
}

// README: "a schema newer than the app opens read-only". Reading commands read it as it is (its tables still hold what
// this app knows); writing commands are refused with the reason, and nothing is written.
void TestCli::aNewerSchemaIsReadNotWritten()
{
    QFETCH(QString, backend);
    AGENCY_SCRATCH(scratch, backend);
    QTemporaryDir dir;
    const QString dsn = scratch.dsn();
    Run run = migratedWithDemo(dsn, 3, m_env);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    // A newer app has been here: a step this one does not know is recorded.
    QSqlQuery future(scratch.db());
    QVERIFY2(future.exec(QStringLiteral("INSERT INTO agency_schema_migrations (version, name, checksum) "
                                        "VALUES (9999, 'from_the_future', 'x')")),
        qPrintable(future.lastError().text()));
    const int clientsBefore
        = agency::test::scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_clients")).toInt();
    QCOMPARE(clientsBefore, 3);

    // Reading works: an export, a report, the history.
    const QString file = dir.filePath(QStringLiteral("clients.csv"));
    run = agencyOs({ QStringLiteral("export"), QStringLiteral("clients"), QStringLiteral("--db"), dsn,
                       QStringLiteral("-o"), file },
        m_env);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(readCsv(readFile(file)).size(), 1 + clientsBefore);
    run = agencyOs(
        { QStringLiteral("report"), QStringLiteral("contracts"), QStringLiteral("--db"), dsn,
            QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--output"), QStringLiteral("-") },
        m_env);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.startsWith(QStringLiteral("client_id")), qPrintable(run.out.left(200)));
    run = agencyOs({ QStringLiteral("history"), QStringLiteral("--db"), dsn, QStringLiteral("--format"),
                       QStringLiteral("csv"), QStringLiteral("--output"), QStringLiteral("-") },
        m_env);
    QVERIFY2(run.code == 0, qPrintable(run.err));

    // Writing is refused, saying why, and writes nothing: an import (even of what was just exported), demo data.
    QList<QStringList> clients = readCsv(readFile(file));
    clients[1][clients.constFirst().indexOf(QStringLiteral("industry"))] = QStringLiteral("Changed by an old app");
    QVERIFY(writeFile(file, writeCsv(clients)));
    for (const QStringList& arguments : { QStringList { QStringLiteral("import"), QStringLiteral("clients"),
                                              QStringLiteral("--input"), file, QStringLiteral("--db"), dsn },
             QStringList { QStringLiteral("demo-data"), QStringLiteral("--db"), dsn, QStringLiteral("--clients"),
                 QStringLiteral("2") } }) {
        run = agencyOs(arguments, m_env);
        QVERIFY2(run.code == 1, qPrintable(arguments.constFirst() + run.err));
        QVERIFY2(isOneErrorLine(run.err), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("newer than this app")) && run.err.contains(QStringLiteral("read")),
            qPrintable(run.err));
    }
    QCOMPARE(agency::test::scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_clients")).toInt(),
        clientsBefore);
    QCOMPARE(agency::test::scalar(scratch.db(),
                 QStringLiteral("SELECT count(*) FROM agency_clients WHERE industry = 'Changed by an old app'"))
                 .toInt(),
        0);
    QCOMPARE(
        agency::test::scalar(scratch.db(), QStringLiteral("SELECT max(version) FROM agency_schema_migrations")).toInt(),
        9999);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
