// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 32.4: a server that fails over. Two PostgreSQL servers of the test's own on 127.0.0.1 — a primary and its
// streaming standby (scripts/pg-throwaway start, standby) — and a connection string naming both, as libpq takes it,
// with target_session_attrs=read-write. The window holds an unsaved edit while the primary stops at once and the
// standby is promoted; it reconnects to the new primary by itself and the edit, kept, saves there. A write sent to
// the standby itself says the server is read-only.
#include "db/connectionstring.h"
#include "db/connectionwatch.h"
#include "db/database.h"
#include "guisupport.h"
#include "mainwindow.h"
#include "recordform.h"
#include "support/builders.h"
#include "support/scratchdatabase.h"
#include "tablepage.h"
#include "tables/agencytablemodel.h"

#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

using namespace agency;

namespace {
QString script()
{
    return QStringLiteral(AGENCY_OS_SOURCE_DIR "/scripts/pg-throwaway");
}

QString runScript(const QStringList& arguments, bool* ok)
{
    QProcess process;
    process.start(script(), arguments);
    *ok = process.waitForFinished(180000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (!*ok)
        qWarning("pg-throwaway %s: %s", qPrintable(arguments.join(u' ')), process.readAllStandardError().constData());
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}
}

class TestFailover : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void windowFollowsThePrimaryAndKeepsTheEdit();

private:
    QString m_dir; // the pair's folder
    QString m_primaryDsn;
    QString m_standbyDsn; // the standby alone
    QString m_bothDsn; // both, the primary wanted
};

void TestFailover::initTestCase()
{
    AGENCY_REQUIRE_BACKEND(QStringLiteral("postgresql"));
    bool ok = false;
    const QString started = runScript({ QStringLiteral("start") }, &ok);
    QVERIFY2(ok, "could not start a primary");
    m_dir = started.section(u' ', 0, 0);
    m_primaryDsn = started.section(u' ', 1);
    const QString standbyPort = runScript({ QStringLiteral("standby"), m_dir }, &ok);
    QVERIFY2(ok, "could not start a standby");
    const QUrl primary(m_primaryDsn);
    QUrl standby = primary;
    standby.setPort(standbyPort.toInt());
    m_standbyDsn = standby.toString(QUrl::FullyEncoded);
    // postgresql://agency:…@127.0.0.1:P1,127.0.0.1:P2/agency_test?target_session_attrs=read-write
    m_bothDsn = m_primaryDsn;
    m_bothDsn.replace(QStringLiteral("@127.0.0.1:%1/").arg(primary.port()),
        QStringLiteral("@127.0.0.1:%1,127.0.0.1:%2/").arg(primary.port()).arg(standbyPort));
    m_bothDsn += QStringLiteral("?target_session_attrs=read-write");
    QVERIFY2(m_bothDsn.contains(u','), qPrintable(QStringLiteral("no second host in the connection string")));
}

void TestFailover::cleanupTestCase()
{
    if (!m_dir.isEmpty()) {
        bool ok = false;
        runScript({ QStringLiteral("stop"), m_dir }, &ok);
    }
}

void TestFailover::windowFollowsThePrimaryAndKeepsTheEdit()
{
    QTemporaryDir home;
    // The schema through both hosts: it lands on the primary.
    QProcess migrate;
    migrate.setProcessEnvironment(test::cliEnvironment(home.path()));
    migrate.start(QStringLiteral(AGENCY_OS_BINARY),
        { QStringLiteral("migrate"), QStringLiteral("up"), QStringLiteral("--db"), m_bothDsn });
    QVERIFY(migrate.waitForFinished(120000));
    QVERIFY2(migrate.exitCode() == 0, migrate.readAllStandardError().constData());

    QString error;
    const auto both = db::ConnectionString::parse(m_bothDsn, &error);
    QVERIFY2(both, qPrintable(error));
    QSqlDatabase db = db::openDatabase(*both, QStringLiteral("failover-window"), &error);
    QVERIFY2(db.isOpen(), qPrintable(error));
    QVERIFY(!test::scalar(db, QStringLiteral("SELECT pg_is_in_recovery()")).toBool());
    const QString acme
        = test::add(db, test::Client { .name = QStringLiteral("Acme"), .industry = QStringLiteral("Retail") });

    // The standby has it too; a write sent there is refused as read-only, in words.
    const auto standbyWhere = db::ConnectionString::parse(m_standbyDsn, &error);
    QVERIFY2(standbyWhere, qPrintable(error));
    {
        QSqlDatabase standby = db::openDatabase(*standbyWhere, QStringLiteral("failover-standby"), &error);
        QVERIFY2(standby.isOpen(), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(
            test::scalar(standby, QStringLiteral("SELECT count(*) FROM agency_clients")).toInt(), 1, 30000);
    }
    db::closeDatabase(QStringLiteral("failover-standby"));
    const QString csv = home.filePath(QStringLiteral("clients.csv"));
    {
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("client_name,client_type\nInitech,project\n");
    }
    QProcess import;
    import.setProcessEnvironment(test::cliEnvironment(home.path()));
    import.start(QStringLiteral(AGENCY_OS_BINARY),
        { QStringLiteral("import"), QStringLiteral("clients"), QStringLiteral("--input"), csv, QStringLiteral("--db"),
            m_standbyDsn });
    QVERIFY(import.waitForFinished(120000));
    const QString said = QString::fromUtf8(import.readAllStandardError());
    QCOMPARE(import.exitCode(), 1);
    QVERIFY2(said.contains(QStringLiteral("the server is read-only")), qPrintable(said));

    {
        ui::MainWindow window(db, *both, false);
        QVERIFY(test::shown(window));
        QLineEdit* industry = test::typeIntoClient(window, acme, "industry", QStringLiteral("Wholesale"));
        QVERIFY(industry);
        QVERIFY(window.hasUnsavedChanges());

        // The primary goes down as in a crash; the standby is promoted.
        db::ConnectionWatch* watch = window.connectionWatch();
        QVERIFY(watch);
        QSignalSpy lost(watch, &db::ConnectionWatch::lost);
        QSignalSpy restored(watch, &db::ConnectionWatch::restored);
        bool ok = false;
        runScript({ QStringLiteral("failover"), m_dir }, &ok);
        QVERIFY(ok);
        QTRY_VERIFY_WITH_TIMEOUT(lost.count() >= 1, 30000); // seen by the window's own check
        QTRY_VERIFY_WITH_TIMEOUT(restored.count() >= 1 && !watch->isLost(), 60000); // reconnected, to the new primary
        QVERIFY(window.hasUnsavedChanges());
        QCOMPARE(industry->text(), QStringLiteral("Wholesale"));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
        QVERIFY2(!window.hasUnsavedChanges(), qPrintable(window.statusMessage()));
        window.close();
    }
    QVERIFY(!test::scalar(db, QStringLiteral("SELECT pg_is_in_recovery()")).toBool());
    QCOMPARE(test::scalar(db, QStringLiteral("SELECT industry FROM agency_clients WHERE id = ?"), { acme }).toString(),
        QStringLiteral("Wholesale"));
    db = {};
    db::closeDatabase(QStringLiteral("failover-window"));
}

QTEST_MAIN(TestFailover)
#include "tst_failover.moc"
