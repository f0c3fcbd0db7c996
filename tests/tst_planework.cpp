// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 30.1: a campaign's work in its Plane project beside its money, from tests/fixtures/plane_postgresql.sql
// (Plane's tables as its models make them, with deleted, archived, draft, triage and cancelled issues), and what a
// Plane version without a column or a table still gives.
#include "plane/planework.h"
#include "support/builders.h"
#include "support/scratchdatabase.h"

#include <QtTest>

using namespace agency;

namespace {
const QString springLaunch = QStringLiteral("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa");
const QString globexSearch = QStringLiteral("dddddddd-dddd-4ddd-8ddd-dddddddddddd");
}

class TestPlaneWork : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void countsTheWorkThatCounts();
    void campaignWorkBesideItsMoney();
    void survivesAPlaneWithoutAColumnOrTable();
    void sqliteHasNoPlane();
};

void TestPlaneWork::countsTheWorkThatCounts()
{
    AGENCY_SCRATCH(pg, QStringLiteral("postgresql"));
    QVERIFY(pg.loadPlaneFixture());
    const plane::WorkProgress work = plane::readWorkProgress(pg.db(), springLaunch);
    QVERIFY2(work.available, qPrintable(work.unavailable));
    // Five count (two done); the cancelled one, the one in triage, the draft, the archived and the deleted do not.
    QCOMPARE(work.counted, 5);
    QCOMPARE(work.done, 2);
    QCOMPARE(*work.doneShare(), 4000);
    QVERIFY(work.estimated);
    QCOMPARE(work.pointsTotal, 1800); // 5 + 3 + 8 + 2 (the backlog issue has no estimate)
    QCOMPARE(work.pointsDone, 800);
    QCOMPARE(*work.pointsShare(), 4444);
    // The burn-up's steps: the done issues that count, on the day each was completed (UTC); the archived and the
    // deleted done issues leave theirs out.
    QCOMPARE(work.doneOn, (QList<QDate> { QDate(2024, 3, 10), QDate(2024, 3, 20) }));
    QVERIFY(work.notes.isEmpty());
    // Another project's work is its own; a project without estimates counts issues only.
    const plane::WorkProgress other = plane::readWorkProgress(pg.db(), globexSearch);
    QCOMPARE(other.counted, 1);
    QCOMPARE(other.done, 1);
    QVERIFY(!other.estimated);
    QVERIFY(!other.pointsShare());
}

void TestPlaneWork::campaignWorkBesideItsMoney()
{
    AGENCY_SCRATCH(pg, QStringLiteral("postgresql"));
    QVERIFY(pg.migrate());
    QVERIFY(pg.loadPlaneFixture());
    const QDate today(2026, 3, 1);
    const QString client = test::add(pg.db(), test::Client { .name = QStringLiteral("Acme") });
    const QString linked = test::add(pg.db(),
        test::Campaign { .client = client,
            .allocated = QStringLiteral("1000.00"),
            .spent = QStringLiteral("600.00"),
            .start = QStringLiteral("2026-01-01"),
            .end = QStringLiteral("2026-05-01"),
            .project = springLaunch });
    plane::CampaignWork work = plane::readCampaignWork(pg.db(), linked, today);
    QCOMPARE(work.projectId, springLaunch);
    QVERIFY(work.work.available);
    QCOMPARE(*work.spentShare, 6000);
    QCOMPARE(*work.elapsedShare, 4917); // 59 of 120 days
    QVERIFY(work.spendAhead()); // 60 % spent for 44.44 % of the points done
    // Spend behind the work: not flagged.
    QVERIFY(test::execute(
        pg.db(), QStringLiteral("UPDATE agency_campaigns SET budget_spent = '450.00' WHERE id = ?"), { linked }));
    QVERIFY(!plane::readCampaignWork(pg.db(), linked, today).spendAhead());
    // A campaign without a project says so, and still has its money's figures.
    const QString alone = test::add(pg.db(),
        test::Campaign { .client = client, .allocated = QStringLiteral("100.00"), .spent = QStringLiteral("10.00") });
    work = plane::readCampaignWork(pg.db(), alone, today);
    QVERIFY(!work.work.available);
    QVERIFY(work.work.unavailable.contains(QStringLiteral("not linked")));
    QCOMPARE(*work.spentShare, 1000);
    QVERIFY(!work.spendAhead());
}

void TestPlaneWork::survivesAPlaneWithoutAColumnOrTable()
{
    AGENCY_SCRATCH(pg, QStringLiteral("postgresql"));
    QVERIFY(pg.loadPlaneFixture());
    // A Plane version without drafts (or estimates): the count goes on without them and says what it could not tell.
    QVERIFY(test::execute(pg.db(), QStringLiteral("ALTER TABLE issues DROP COLUMN is_draft")));
    QVERIFY(test::execute(pg.db(), QStringLiteral("ALTER TABLE issues DROP COLUMN estimate_point_id")));
    plane::WorkProgress work = plane::readWorkProgress(pg.db(), springLaunch);
    QVERIFY2(work.available, qPrintable(work.unavailable));
    QCOMPARE(work.counted, 6); // the draft now among them
    QVERIFY(!work.estimated);
    QCOMPARE(work.notes.size(), 1);
    QVERIFY2(work.notes.constFirst().contains(QStringLiteral("Drafts")), qPrintable(work.notes.constFirst()));
    // Without the states table there is nothing to tell done from not: said, not failed.
    QVERIFY(test::execute(pg.db(), QStringLiteral("DROP TABLE states CASCADE")));
    work = plane::readWorkProgress(pg.db(), springLaunch);
    QVERIFY(!work.available);
    QVERIFY2(work.unavailable.contains(QStringLiteral("states")), qPrintable(work.unavailable));
}

void TestPlaneWork::sqliteHasNoPlane()
{
    AGENCY_SCRATCH(lite, QStringLiteral("sqlite"));
    QVERIFY(lite.migrate());
    const plane::WorkProgress work = plane::readWorkProgress(lite.db(), springLaunch);
    QVERIFY(!work.available);
    QVERIFY(!work.unavailable.isEmpty());
}

QTEST_GUILESS_MAIN(TestPlaneWork)
#include "tst_planework.moc"
