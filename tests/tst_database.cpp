// SPDX-License-Identifier: GPL-3.0-or-later
#include "db/changesource.h"
#include "db/connectionstring.h"
#include "db/database.h"
#include "db/localecollation.h"
#include "db/sqlerror.h"
#include "startup.h"
#include "support/scratchdatabase.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSqlQuery>
#include <QtTest>

using agency::db::ConnectionString;

class TestDatabase : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void readerOrderHoldsWhileAStatementRuns();
    void applicationNameOnPostgres_data();
    void applicationNameOnPostgres();
    void dataFolderIsOneFolder();
    void legacyFolderMovesOnce();
    void legacyEntryKeptWhenNameTaken();
    void rememberedDatabasesFollowTheMove();
    void rememberedSecretsAreForgotten();
    void failedStatementIsExplainedWithoutItsSql_data();
    void failedStatementIsExplainedWithoutItsSql();

private:
    QTemporaryDir m_home;
    QByteArray m_savedAppName;
};

void TestDatabase::init()
{
    m_savedAppName = qgetenv("PGAPPNAME");
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toLocal8Bit());
    QDir(m_home.filePath(QStringLiteral("data"))).removeRecursively();
}

void TestDatabase::cleanup()
{
    if (m_savedAppName.isNull())
        qunsetenv("PGAPPNAME");
    else
        qputenv("PGAPPNAME", m_savedAppName);
}

void TestDatabase::applicationNameOnPostgres_data()
{
    QTest::addColumn<QByteArray>("pgappname");
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("expected");
    QTest::newRow("default") << QByteArray() << QString() << agency::db::applicationName();
    QTest::newRow("PGAPPNAME wins over the default")
        << QByteArray("nightly-sync") << QString() << QStringLiteral("nightly-sync");
    QTest::newRow("application_name in the DSN wins over both")
        << QByteArray("nightly-sync") << QStringLiteral("application_name=desk%2042") << QStringLiteral("desk 42");
}

// The server sees the name the user chose (PGAPPNAME or the DSN's application_name), else agency-os.
void TestDatabase::applicationNameOnPostgres()
{
    QFETCH(QByteArray, pgappname);
    QFETCH(QString, option);
    QFETCH(QString, expected);
    AGENCY_SCRATCH(scratch, QStringLiteral("postgresql"));
    if (pgappname.isEmpty())
        qunsetenv("PGAPPNAME");
    else
        qputenv("PGAPPNAME", pgappname);
    QString dsn = scratch.dsn();
    if (!option.isEmpty())
        dsn += (dsn.contains(u'?') ? u'&' : u'?') + option;
    QString error;
    const auto where = ConnectionString::parse(dsn, &error);
    QVERIFY2(where, qPrintable(error));
    const QString connection = QStringLiteral("appname ") + QString::fromUtf8(QTest::currentDataTag());
    QString seen;
    {
        QSqlDatabase db = agency::db::openDatabase(*where, connection, &error);
        QVERIFY2(db.isOpen(), qPrintable(error));
        seen = agency::test::scalar(db, QStringLiteral("SELECT current_setting('application_name')")).toString();
    }
    agency::db::closeDatabase(connection);
    QCOMPARE(seen, expected);
}

void TestDatabase::dataFolderIsOneFolder()
{
    const QString data = m_home.filePath(QStringLiteral("data"));
    QCOMPARE(agency::db::dataFolder(), data + QStringLiteral("/agency-os"));
    QCOMPARE(agency::db::defaultEmbeddedPath(), data + QStringLiteral("/agency-os/agency-os.db"));
}

namespace {
void writeFile(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
}

// A user of 0.1 has the database (with its WAL) and logs under …/agency-os/agency-os: all of it moves up, once.
void TestDatabase::legacyFolderMovesOnce()
{
    const QString folder = agency::db::dataFolder();
    const QString legacy = folder + QStringLiteral("/agency-os");
    writeFile(legacy + QStringLiteral("/agency-os.db"), "database");
    writeFile(legacy + QStringLiteral("/agency-os.db-wal"), "wal");
    writeFile(legacy + QStringLiteral("/logs/agency-os.log"), "old log");

    const QString note = agency::db::moveLegacyDataFolder();
    QVERIFY2(note.contains(QStringLiteral("moved")) && note.contains(QStringLiteral("agency-os.db")), qPrintable(note));
    QVERIFY2(!note.contains(QStringLiteral("left")), qPrintable(note));
    QCOMPARE(readFile(folder + QStringLiteral("/agency-os.db")), QByteArray("database"));
    QCOMPARE(readFile(folder + QStringLiteral("/agency-os.db-wal")), QByteArray("wal"));
    QCOMPARE(readFile(folder + QStringLiteral("/logs/agency-os.log")), QByteArray("old log"));
    QVERIFY(!QFileInfo::exists(legacy));

    QCOMPARE(agency::db::moveLegacyDataFolder(), QString()); // nothing left to move, nothing said
}

// Someone already has data at the new place: nothing is overwritten, and the log says what stayed behind.
void TestDatabase::legacyEntryKeptWhenNameTaken()
{
    const QString folder = agency::db::dataFolder();
    const QString legacy = folder + QStringLiteral("/agency-os");
    writeFile(legacy + QStringLiteral("/agency-os.db"), "old database");
    writeFile(legacy + QStringLiteral("/logs/agency-os.log"), "old log");
    writeFile(folder + QStringLiteral("/agency-os.db"), "new database");

    const QString note = agency::db::moveLegacyDataFolder();
    QVERIFY2(note.contains(QStringLiteral("left agency-os.db")), qPrintable(note));
    QCOMPARE(readFile(folder + QStringLiteral("/agency-os.db")), QByteArray("new database"));
    QCOMPARE(readFile(legacy + QStringLiteral("/agency-os.db")), QByteArray("old database"));
    QCOMPARE(readFile(folder + QStringLiteral("/logs/agency-os.log")), QByteArray("old log"));
}

// The window reopens "the last database used": after the move that is the embedded database at its new place.
void TestDatabase::rememberedDatabasesFollowTheMove()
{
    const QString legacy
        = QStringLiteral("sqlite:") + agency::db::dataFolder() + QStringLiteral("/agency-os/agency-os.db");
    const QString current = QStringLiteral("sqlite:") + agency::db::defaultEmbeddedPath();
    const QString other = QStringLiteral("postgresql://me@db.example.com/plane");
    QSettings settings(m_home.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("database/last"), legacy);
    settings.setValue(QStringLiteral("database/recent"), QStringList { other, legacy });

    writeFile(legacy.mid(7), "still here"); // not moved (its new place was taken): nothing changes
    agency::app::followMovedDataFolder(settings);
    QCOMPARE(settings.value(QStringLiteral("database/last")).toString(), legacy);

    QVERIFY(QFile::remove(legacy.mid(7)));
    agency::app::followMovedDataFolder(settings);
    QCOMPARE(settings.value(QStringLiteral("database/last")).toString(), current);
    QCOMPARE(settings.value(QStringLiteral("database/recent")).toStringList(), (QStringList { other, current }));
}

// Issue 12.6: a client key's passphrase an older version remembered is dropped from the settings at start.
void TestDatabase::rememberedSecretsAreForgotten()
{
    QSettings settings(m_home.filePath(QStringLiteral("secrets.ini")), QSettings::IniFormat);
    const QString withKey = QStringLiteral("postgresql://me@db.example.com/plane?sslmode=verify-full&sslpassword=k3y");
    const QString plain = QStringLiteral("postgresql://me@db.example.com/plane?sslmode=verify-full");
    const QString embedded = QStringLiteral("sqlite:/home/me/agency.db");
    settings.setValue(QStringLiteral("database/last"), withKey);
    settings.setValue(QStringLiteral("database/recent"), QStringList { withKey, plain, embedded });
    agency::app::forgetRememberedSecrets(settings);
    settings.sync();
    QCOMPARE(settings.value(QStringLiteral("database/last")).toString(), plain);
    QCOMPARE(settings.value(QStringLiteral("database/recent")).toStringList(), (QStringList { plain, embedded }));
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("k3y"));
}

// The order names sort in on SQLite is a collation the app registers on the connection. Asked for again while a
// statement of that connection is still being read (a page, an export), it stays what it was: SQLite refuses to
// replace a collation then, and a query written with it meanwhile would have fallen back to byte order.
void TestDatabase::readerOrderHoldsWhileAStatementRuns()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("sqlite"));
    QSqlDatabase connection = scratch.db();
    const QString collate = agency::db::localeCollation(connection);
    QCOMPARE(collate, QStringLiteral(" COLLATE agency_locale"));
    QVERIFY(agency::test::execute(connection, QStringLiteral("CREATE TABLE names (name TEXT)")));
    for (const QString& name : { QStringLiteral("Brauhaus"), QString::fromUtf8("Bäckerei"), QStringLiteral("Apfel") })
        QVERIFY(agency::test::execute(connection, QStringLiteral("INSERT INTO names VALUES (?)"), { name }));
    QSqlQuery running(connection);
    running.setForwardOnly(true);
    QVERIFY(running.exec(QStringLiteral("SELECT name FROM names")));
    QVERIFY(running.next()); // a statement of the connection under way
    QCOMPARE(agency::db::localeCollation(connection), collate);
    QSqlQuery sorted(connection);
    QVERIFY(sorted.exec(QStringLiteral("SELECT name FROM names ORDER BY name") + collate));
    QStringList order;
    while (sorted.next())
        order << sorted.value(0).toString();
    QCOMPARE(
        order, (QStringList { QStringLiteral("Apfel"), QString::fromUtf8("Bäckerei"), QStringLiteral("Brauhaus") }));
}

QTEST_GUILESS_MAIN(TestDatabase)
void TestDatabase::failedStatementIsExplainedWithoutItsSql_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QVariantList>("bind");
    QTest::addColumn<QString>("reason"); // what the message must still say
    for (const char* backend : { "sqlite", "postgresql" }) {
        const QString b = QString::fromLatin1(backend);
        QTest::addRow("%s: syntax error", backend)
            << b << QStringLiteral("SELECT id FROM agency_clients WHERE client_name LIKE 'secret-value' ESCAPE")
            << QVariantList {}
            << (b == QStringLiteral("sqlite") ? QStringLiteral("incomplete input") : QStringLiteral("syntax error"));
        QTest::addRow("%s: unknown column", backend)
            << b << QStringLiteral("UPDATE agency_clients SET no_such_column = 'secret-value'") << QVariantList {}
            << QStringLiteral("no_such_column");
    }
    QTest::addRow("postgresql: a NUL byte bound")
        << QStringLiteral("postgresql")
        << QStringLiteral("UPDATE agency_clients SET industry = ? WHERE client_name = 'secret-value'")
        << QVariantList { QString::fromUtf8("a\0b", 3) } << QStringLiteral("unterminated quoted string");
}

// Issue 12.12: a failed statement's message said the server's whole text, with "LINE 1: UPDATE … ^" and CONTEXT —
// our SQL and the values in it. The message keeps the reason and leaves the statement to the log.
void TestDatabase::failedStatementIsExplainedWithoutItsSql()
{
    QFETCH(QString, backend);
    QFETCH(QString, sql);
    QFETCH(QVariantList, bind);
    QFETCH(QString, reason);
    AGENCY_SCRATCH(scratch, backend);
    QVERIFY(scratch.migrate());
    QSqlQuery query(scratch.db());
    bool ok = query.prepare(sql);
    for (const QVariant& value : std::as_const(bind))
        query.addBindValue(value);
    ok = ok && query.exec();
    QVERIFY(!ok);
    const QString raw = query.lastError().text();
    const QString message = agency::db::reportSqlError(QStringLiteral("Saving the clients"), query.lastError());
    QVERIFY2(message.startsWith(QStringLiteral("Saving the clients: ")), qPrintable(message));
    QVERIFY2(message.contains(reason), qPrintable(message));
    for (const QString& statement :
        { QStringLiteral("LINE"), QStringLiteral("SELECT id"), QStringLiteral("UPDATE agency"),
            QStringLiteral("secret-value"), QStringLiteral("CONTEXT"), QStringLiteral("^"), QStringLiteral("\n") })
        QVERIFY2(!message.contains(statement), qPrintable(message + QStringLiteral(" | raw: ") + raw));
}

#include "tst_database.moc"
