// SPDX-License-Identifier: GPL-3.0-or-later
#include "db/changefeed.h"
#include "db/connectionstring.h"
#include "db/database.h"
#include "support/builders.h"
#include "support/scratchdatabase.h"

#include <QSignalSpy>
#include <QtTest>

using namespace agency;

// The feed that tells a window what other desktops saved, on a real PostgreSQL server with a second connection as
// the other desktop.
class TestChangeFeed : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void othersSavesAreToldOnceAsTables();
    void nothingOnSQLite();
    void throughAPoolerItPolls();
};

void TestChangeFeed::othersSavesAreToldOnceAsTables()
{
    AGENCY_SCRATCH(pg, QStringLiteral("postgresql"));
    QVERIFY(pg.migrate());
    db::ChangeFeed feed(pg.db(), nullptr, 200);
    QVERIFY(feed.subscribe());
    QCOMPARE(feed.mode(), db::ChangeFeed::Mode::Live);
    QSignalSpy told(&feed, &db::ChangeFeed::changed);
    QSqlDatabase other = pg.openAnother(QStringLiteral("other desktop"));
    QVERIFY(other.isOpen());

    // A batch of saves in two tables is one change naming both.
    QVERIFY(!test::add(
        other, test::Tier { .id = QStringLiteral("10000000-0000-4000-8000-000000000001"), .name = QStringLiteral("A") })
                 .isEmpty());
    QVERIFY(!test::add(other,
        test::Client { .id = QStringLiteral("20000000-0000-4000-8000-000000000001"), .name = QStringLiteral("B") })
                 .isEmpty());
    QVERIFY(!test::add(other,
        test::Client { .id = QStringLiteral("20000000-0000-4000-8000-000000000002"), .name = QStringLiteral("C") })
                 .isEmpty());
    QTRY_COMPARE(told.count(), 1);
    const QList<QVariant> first = told.takeFirst();
    QCOMPARE(first.at(0).value<QSet<QString>>(),
        (QSet<QString> { QStringLiteral("agency_sla_tiers"), QStringLiteral("agency_clients") }));
    // …and the rows each save touched.
    const auto rows = first.at(1).value<db::ChangedRows>();
    QCOMPARE(rows.value(QStringLiteral("agency_clients")),
        (QSet<QString> { QStringLiteral("20000000-0000-4000-8000-000000000001"),
            QStringLiteral("20000000-0000-4000-8000-000000000002") }));
    QCOMPARE(rows.value(QStringLiteral("agency_sla_tiers")),
        QSet<QString> { QStringLiteral("10000000-0000-4000-8000-000000000001") });

    // This connection's own saves are not told: the window made them.
    QVERIFY(test::execute(pg.db(), QStringLiteral("UPDATE agency_clients SET client_name = 'D'")));
    QTest::qWait(500);
    QCOMPARE(told.count(), 0);

    // Subscribing again (after a reconnect) does not tell anything twice.
    QVERIFY(feed.subscribe());
    QVERIFY(test::execute(other, QStringLiteral("UPDATE agency_sla_tiers SET name = 'E'")));
    QTRY_COMPARE(told.count(), 1);
    QTest::qWait(400);
    QCOMPARE(told.count(), 1);
    QCOMPARE(told.takeFirst().at(0).value<QSet<QString>>(), QSet<QString> { QStringLiteral("agency_sla_tiers") });
}

void TestChangeFeed::nothingOnSQLite()
{
    AGENCY_SCRATCH(lite, QStringLiteral("sqlite"));
    QVERIFY(lite.migrate());
    db::ChangeFeed feed(lite.db());
    QVERIFY(!feed.subscribe());
}

// Issue 12.3: through pgbouncer in transaction mode a LISTEN stays on a server connection the window no longer uses,
// and other desktops' saves were never told. The feed sees the pooler, says it polls, and does: an insert and an
// update made elsewhere are told within a poll or two, and a quiet database tells nothing.
void TestChangeFeed::throughAPoolerItPolls()
{
    AGENCY_REQUIRE_POOLER(poolerPort);
    AGENCY_SCRATCH(pg, QStringLiteral("postgresql"));
    QVERIFY(pg.migrate());
    auto where = db::ConnectionString::parse(pg.dsn(), nullptr);
    QVERIFY(where);
    QVERIFY(!db::isThroughPooler(pg.db())); // the direct connection is not taken for a pooled one
    where->port = poolerPort;
    QString error;
    {
        QSqlDatabase pooled = db::openDatabase(*where, QStringLiteral("through the pooler"), &error);
        QVERIFY2(pooled.isOpen(), qPrintable(error));
        QVERIFY(db::isThroughPooler(pooled));

        db::ChangeFeed feed(pooled, nullptr, 50);
        feed.setPollInterval(250);
        QSignalSpy modes(&feed, &db::ChangeFeed::modeChanged);
        QSignalSpy told(&feed, &db::ChangeFeed::changed);
        QVERIFY(feed.subscribe());
        QCOMPARE(feed.mode(), db::ChangeFeed::Mode::Polling);
        QCOMPARE(modes.count(), 1);
        QVERIFY2(feed.whyPolling().contains(QStringLiteral("pooler")), qPrintable(feed.whyPolling()));

        QSqlDatabase other = pg.openAnother(QStringLiteral("other desktop"));
        const QString tier = QStringLiteral("10000000-0000-4000-8000-000000000001");
        QVERIFY(!test::add(other, test::Tier { .id = tier, .name = QStringLiteral("A") }).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(told.count(), 1, 5000);
        QCOMPARE(told.constFirst().at(1).value<db::ChangedRows>().value(QStringLiteral("agency_sla_tiers")),
            QSet<QString> { tier });
        QTest::qWait(1000); // polls that find nothing new tell nothing (the overlap is read again, not told again)
        QCOMPARE(told.count(), 1);
        QVERIFY(
            test::execute(other, QStringLiteral("UPDATE agency_sla_tiers SET name = 'B' WHERE id = '%1'").arg(tier)));
        QTRY_COMPARE_WITH_TIMEOUT(told.count(), 2, 5000);
        QCOMPARE(told.at(1).at(0).value<QSet<QString>>(), QSet<QString> { QStringLiteral("agency_sla_tiers") });
        QCOMPARE(modes.count(), 1); // subscribing again (a reconnect) keeps polling without saying so twice
        QVERIFY(feed.subscribe());
        QCOMPARE(modes.count(), 1);
    }
    db::closeDatabase(QStringLiteral("through the pooler"));
}

QTEST_GUILESS_MAIN(TestChangeFeed)
#include "tst_changefeed.moc"
