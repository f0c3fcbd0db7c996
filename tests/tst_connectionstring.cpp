// SPDX-License-Identifier: GPL-3.0-or-later
#include "db/changesource.h"
#include "db/connectionstring.h"

#include <QDir>
#include <QtTest>

using agency::db::ConnectionString;
using agency::db::Dialect;

class TestConnectionString : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesPostgres_data();
    void parsesPostgres();
    void parsesSqlite_data();
    void parsesSqlite();
    void refusesMalformed_data();
    void refusesMalformed();
    void redactedNeverShowsPassword();
    void severalHostsAsLibpqTakesThem();
    void connectOptionsDefaultAndQuote();
};

void TestConnectionString::parsesPostgres_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("sslmode");

    QTest::newRow("full") << "postgresql://alice:secret@db.example.com:5433/plane"
                          << "alice"
                          << "secret"
                          << "db.example.com" << 5433 << "plane" << QString();
    QTest::newRow("postgres scheme") << "postgres://bob@localhost/plane"
                                     << "bob"
                                     << ""
                                     << "localhost" << -1 << "plane" << QString();
    QTest::newRow("password with escaped @ : %") << "postgresql://carol:p%40ss%3Aw%25rd@h/d"
                                                 << "carol"
                                                 << "p@ss:w%rd"
                                                 << "h" << -1 << "d" << QString();
    QTest::newRow("unescaped @ in password uses the last @") << "postgresql://dave:a@b@host/db"
                                                             << "dave"
                                                             << "a@b"
                                                             << "host" << -1 << "db" << QString();
    QTest::newRow("plus stays plus") << "postgresql://u:a+b@h/d"
                                     << "u"
                                     << "a+b"
                                     << "h" << -1 << "d" << QString();
    QTest::newRow("utf-8 password") << "postgresql://u:%C3%A9t%C3%A9@h/d"
                                    << "u" << QString::fromUtf8("été") << "h" << -1 << "d" << QString();
    QTest::newRow("ipv6 with port") << "postgresql://u@[::1]:6543/d"
                                    << "u"
                                    << ""
                                    << "::1" << 6543 << "d" << QString();
    QTest::newRow("ipv6 full address") << "postgresql://[2001:db8::1234]/d"
                                       << ""
                                       << ""
                                       << "2001:db8::1234" << -1 << "d" << QString();
    QTest::newRow("query options") << "postgresql://u@h/d?sslmode=verify-full&connect_timeout=3"
                                   << "u"
                                   << ""
                                   << "h" << -1 << "d"
                                   << "verify-full";
    QTest::newRow("everything empty: libpq defaults") << "postgresql://"
                                                      << ""
                                                      << ""
                                                      << "" << -1 << "" << QString();
    QTest::newRow("only a database") << "postgresql:///plane"
                                     << ""
                                     << ""
                                     << "" << -1 << "plane" << QString();
    QTest::newRow("socket directory as host") << "postgresql://%2Fvar%2Frun%2Fpostgresql/plane"
                                              << ""
                                              << ""
                                              << "/var/run/postgresql" << -1 << "plane" << QString();
    QTest::newRow("host in query") << "postgresql:///plane?host=/tmp&port=5499"
                                   << ""
                                   << ""
                                   << "/tmp" << 5499 << "plane" << QString();
    QTest::newRow("upper-case scheme") << "POSTGRESQL://u@h/d"
                                       << "u"
                                       << ""
                                       << "h" << -1 << "d" << QString();
    QTest::newRow("surrounding blanks") << "  postgresql://u@h/d  "
                                        << "u"
                                        << ""
                                        << "h" << -1 << "d" << QString();
}

void TestConnectionString::parsesPostgres()
{
    QFETCH(QString, text);
    QString error;
    const auto cs = ConnectionString::parse(text, &error);
    QVERIFY2(cs.has_value(), qPrintable(error));
    QCOMPARE(cs->dialect, Dialect::PostgreSQL);
    QTEST(cs->user, "user");
    QTEST(cs->password, "password");
    QTEST(cs->host, "host");
    QTEST(cs->port, "port");
    QTEST(cs->database, "database");
    QTEST(cs->option(QStringLiteral("sslmode")), "sslmode");
}

void TestConnectionString::parsesSqlite_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("path");
    QTest::newRow("sqlite: absolute") << "sqlite:/var/lib/agency/a.db"
                                      << "/var/lib/agency/a.db";
    QTest::newRow("sqlite:// absolute") << "sqlite:///tmp/x.sqlite3"
                                        << "/tmp/x.sqlite3";
    QTest::newRow("sqlite: relative") << "sqlite:data/agency"
                                      << QDir::current().absoluteFilePath(QStringLiteral("data/agency"));
    QTest::newRow("plain .db path") << "/tmp/agency.db"
                                    << "/tmp/agency.db";
    QTest::newRow("plain .sqlite path, any case") << "/tmp/Agency.SQLITE"
                                                  << "/tmp/Agency.SQLITE";
    QTest::newRow("in-memory") << "sqlite::memory:"
                               << ":memory:";
    QTest::newRow("dots cleaned") << "/tmp/a/../b.db"
                                  << "/tmp/b.db";
}

void TestConnectionString::parsesSqlite()
{
    QFETCH(QString, text);
    QString error;
    const auto cs = ConnectionString::parse(text, &error);
    QVERIFY2(cs.has_value(), qPrintable(error));
    QCOMPARE(cs->dialect, Dialect::SQLite);
    QTEST(cs->path, "path");
}

void TestConnectionString::refusesMalformed_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("nonsense word") << "hello"
                                   << "postgresql://";
    QTest::newRow("mysql scheme") << "mysql://u:topsecret@h/d"
                                  << "postgresql://";
    QTest::newRow("typo in scheme") << "postgersql://u:topsecret@h/d"
                                    << "postgresql://";
    QTest::newRow("port not a number") << "postgresql://h:abc/d"
                                       << "port";
    QTest::newRow("port zero") << "postgresql://h:0/d"
                               << "port";
    QTest::newRow("port too large") << "postgresql://h:70000/d"
                                    << "port";
    QTest::newRow("negative port") << "postgresql://h:-5/d"
                                   << "port";
    QTest::newRow("empty port") << "postgresql://h:/d"
                                << "port";
    QTest::newRow("broken escape in password") << "postgresql://u:ab%zz@h/d"
                                               << "password";
    QTest::newRow("truncated escape") << "postgresql://u:ab%4@h/d"
                                      << "password";
    QTest::newRow("escaped NUL") << "postgresql://u:a%00b@h/d"
                                 << "password";
    QTest::newRow("unclosed ipv6") << "postgresql://[::1/d"
                                   << "IPv6";
    QTest::newRow("junk after ipv6") << "postgresql://[::1]x/d"
                                     << "IPv6";
    QTest::newRow("option without value") << "postgresql://h/d?sslmode"
                                          << "key=value";
    QTest::newRow("option with bad name") << "postgresql://h/d?SSL-Mode=x"
                                          << "option name";
    QTest::newRow("option with semicolon") << "postgresql://h/d?application_name=a;b"
                                           << "';'";
    QTest::newRow("an empty host in a list") << "postgresql://h1,/d"
                                             << "a host of the list is empty";
    QTest::newRow("a bad port in a list") << "postgresql://h1:5432,h2:0/d"
                                          << "the port must be a number";
    QTest::newRow("space in host") << "postgresql://my host/d"
                                   << "host";
    QTest::newRow("bad connect_timeout") << "postgresql://h/d?connect_timeout=soon"
                                         << "connect_timeout";
    QTest::newRow("sqlite without path") << "sqlite:"
                                         << "path";
    QTest::newRow("url ending in .db") << "http://example.com/x.db"
                                       << "postgresql://";
}

void TestConnectionString::refusesMalformed()
{
    QFETCH(QString, text);
    QFETCH(QString, mentions);
    QString error;
    const auto cs = ConnectionString::parse(text, &error);
    QVERIFY(!cs.has_value());
    QVERIFY2(error.contains(mentions), qPrintable(error));
    QVERIFY2(!error.contains(QStringLiteral("topsecret")), "an error message repeated the password");
}

void TestConnectionString::redactedNeverShowsPassword()
{
    QString error;
    const auto cs = ConnectionString::parse(
        QStringLiteral("postgresql://u:s3cr%40t@[::1]:5/d?password=other&sslmode=require"), &error);
    QVERIFY(cs);
    QCOMPARE(cs->password, QStringLiteral("other")); // the query keyword wins, as in libpq
    const QString shown = cs->redacted();
    QVERIFY2(!shown.contains(QStringLiteral("s3cr")) && !shown.contains(QStringLiteral("other")), qPrintable(shown));
    QCOMPARE(shown, QStringLiteral("postgresql://u@[::1]:5/d?sslmode=require"));
    // What is shown parses back to the same place (used for "recent connections").
    const auto again = ConnectionString::parse(shown, &error);
    QVERIFY(again);
    QCOMPARE(again->host, cs->host);
    QCOMPARE(again->port, cs->port);
    QCOMPARE(again->option(QStringLiteral("sslmode")), QStringLiteral("require"));

    // Issue 12.6: the client key's passphrase is a secret too.
    const auto withKey = ConnectionString::parse(
        QStringLiteral("postgresql://u@h/d?sslpassword=k3y-s3cret&sslmode=verify-full&password=pw-s3cret"), &error);
    QVERIFY(withKey);
    QCOMPARE(withKey->option(QStringLiteral("sslpassword")), QStringLiteral("k3y-s3cret")); // still given to libpq
    QVERIFY(withKey->qpsqlConnectOptions().contains(QStringLiteral("sslpassword='k3y-s3cret'")));
    QCOMPARE(withKey->redacted(), QStringLiteral("postgresql://u@h/d?sslmode=verify-full"));
    QCOMPARE(withKey->withoutSecrets(QStringLiteral("bad k3y-s3cret or pw-s3cret")), QStringLiteral("bad *** or ***"));
}

// Issue 32.4: what libpq accepts, the app accepts: several hosts (with a port each, or none), in the URI or as
// host=…&port=… options, and target_session_attrs to pick the primary. Shown without the password, it parses back to
// the same list.
void TestConnectionString::severalHostsAsLibpqTakesThem()
{
    QString error;
    const auto uri = ConnectionString::parse(
        QStringLiteral("postgresql://agency:pw@127.0.0.1:5432,[::1]:5433/plane?target_session_attrs=read-write"),
        &error);
    QVERIFY2(uri, qPrintable(error));
    QCOMPARE(uri->host, QStringLiteral("127.0.0.1,::1"));
    QCOMPARE(uri->port, -1);
    QCOMPARE(uri->option(QStringLiteral("port")), QStringLiteral("5432,5433"));
    QCOMPARE(uri->option(QStringLiteral("target_session_attrs")), QStringLiteral("read-write"));
    const QString options = uri->qpsqlConnectOptions();
    QVERIFY2(options.contains(QStringLiteral("port='5432,5433'")), qPrintable(options));
    const QString shown = uri->redacted();
    QCOMPARE(shown,
        QStringLiteral("postgresql://agency@127.0.0.1,[::1]/plane?port=5432%2C5433&target_session_attrs=read-write"));
    const auto again = ConnectionString::parse(shown, &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(again->host, uri->host);
    QCOMPARE(again->option(QStringLiteral("port")), uri->option(QStringLiteral("port")));

    const auto asOptions = ConnectionString::parse(
        QStringLiteral("postgresql:///plane?host=db1,db2&port=5432,&target_session_attrs=primary"), &error);
    QVERIFY2(asOptions, qPrintable(error));
    QCOMPARE(asOptions->host, QStringLiteral("db1,db2"));
    QCOMPARE(asOptions->option(QStringLiteral("port")), QStringLiteral("5432,"));

    const auto noPorts = ConnectionString::parse(QStringLiteral("postgresql://h1,h2/d"), &error);
    QVERIFY2(noPorts, qPrintable(error));
    QCOMPARE(noPorts->host, QStringLiteral("h1,h2"));
    QCOMPARE(noPorts->port, -1);
    QVERIFY(noPorts->option(QStringLiteral("port")).isNull());
}

void TestConnectionString::connectOptionsDefaultAndQuote()
{
    QString error;
    auto cs = ConnectionString::parse(QStringLiteral("postgresql://h/d?sslmode=require"), &error);
    QVERIFY(cs);
    QCOMPARE(cs->qpsqlConnectOptions(),
        QStringLiteral("sslmode='require';fallback_application_name='%1';connect_timeout='10'")
            .arg(agency::db::applicationName()));
    QVERIFY(agency::db::applicationName().startsWith(QStringLiteral("agency-os/")));
    cs = ConnectionString::parse(
        QStringLiteral("postgresql://h/d?application_name=it%27s%20me&connect_timeout=2"), &error);
    QVERIFY(cs);
    QCOMPARE(cs->qpsqlConnectOptions(),
        QStringLiteral("application_name='it\\'s me';connect_timeout='2';fallback_application_name='%1'")
            .arg(agency::db::applicationName()));
}

QTEST_GUILESS_MAIN(TestConnectionString)
#include "tst_connectionstring.moc"
