// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/demodata.h"
#include "domain/budget.h"
#include "support/scratchdatabase.h"
#include "tables/budgetqueries.h"

#include <QSqlQuery>
#include <QtTest>

using namespace agency;
using agency::test::scalar;

class TestDemoData : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesTheRequestedSizes_data() { test::addBackendData(); }
    void writesTheRequestedSizes();
    void obeysTheRules_data() { test::addBackendData(); }
    void obeysTheRules();
    void sameSeedSameData_data() { test::addBackendData(); }
    void sameSeedSameData();
    void failureLeavesNothing_data() { test::addBackendData(); }
    void failureLeavesNothing();
};

void TestDemoData::writesTheRequestedSizes()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    demo::DemoDataWriter writer(scratch.db());
    QList<qint64> progress;
    writer.setProgressHandler([&](qint64 done, qint64) { progress << done; });
    demo::DemoCounts counts;
    QVERIFY2(writer.write({ 37, 3, 5, 7 }, &counts), qPrintable(writer.lastError()));
    QCOMPARE(counts.clients, 37);
    QCOMPARE(counts.campaigns, 37 * 3);
    QCOMPARE(counts.channels, 37 * 3 * 5);
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_clients")).toLongLong(), counts.clients);
    QCOMPARE(
        scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_campaigns")).toLongLong(), counts.campaigns);
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_campaign_channels")).toLongLong(),
        counts.channels);
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_sla_tiers")).toLongLong(), counts.tiers);
    QCOMPARE(progress.constLast(), counts.channels);
}

void TestDemoData::obeysTheRules()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QSqlDatabase db = scratch.db();
    demo::DemoDataWriter writer(db);
    QVERIFY2(writer.write({ 30, 4, 4, 1 }, nullptr), qPrintable(writer.lastError()));

    // Every status and client type, KPIs present, at least one overspent campaign, some soft-deleted rows.
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(DISTINCT status) FROM agency_campaigns")).toInt(), 5);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(DISTINCT client_type) FROM agency_clients")).toInt(), 3);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM agency_campaigns WHERE target_kpis IS NULL")).toInt(), 0);
    QVERIFY(
        scalar(db, QStringLiteral("SELECT count(*) FROM agency_campaign_channels WHERE deleted_at IS NOT NULL")).toInt()
        > 0);

    int overspent = 0;
    QSqlQuery campaigns(db);
    QVERIFY(campaigns.exec(
        QStringLiteral("SELECT id, budget_allocated, budget_spent FROM agency_campaigns WHERE deleted_at IS NULL")));
    QStringList ids;
    while (campaigns.next()) {
        ids << campaigns.value(0).toString();
        if (*domain::Money::parse(campaigns.value(2).toString()) > *domain::Money::parse(campaigns.value(1).toString()))
            ++overspent;
    }
    QVERIFY(overspent >= 1);
    // The channel rule, checked with the app's own budget code: no live campaign is over-allocated.
    for (const QString& id : std::as_const(ids)) {
        const auto budget = tables::readCampaignBudget(db, id, nullptr);
        QVERIFY(budget);
        QVERIFY(!budget->channels.isEmpty());
        const auto split = domain::splitBudget(budget->allocated, budget->channels);
        QVERIFY2(!split.isOverAllocated(), qPrintable(id));
    }
    // A deleted client's campaigns and channels are deleted with it, at the same instant.
    QCOMPARE(scalar(db,
                 QStringLiteral(
                     "SELECT count(*) FROM agency_campaigns c JOIN agency_clients cl ON cl.id = c.client_id "
                     "WHERE cl.deleted_at IS NOT NULL AND (c.deleted_at IS NULL OR c.deleted_at <> cl.deleted_at)"))
                 .toInt(),
        0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM agency_clients WHERE deleted_at IS NOT NULL")).toInt(), 1);
}

void TestDemoData::sameSeedSameData()
{
    QFETCH(QString, backend);
    AGENCY_SCRATCH(first, backend);
    AGENCY_SCRATCH(second, backend);
    QVERIFY(first.migrate());
    QVERIFY(second.migrate());
    QVERIFY(demo::DemoDataWriter(first.db()).write({ 5, 2, 2, 99 }, nullptr));
    QVERIFY(demo::DemoDataWriter(second.db()).write({ 5, 2, 2, 99 }, nullptr));
    const QString digest = QStringLiteral("SELECT string_agg(CAST(id AS text) || CAST(budget_allocated AS text) || "
                                          "status, ',' ORDER BY id) FROM agency_campaigns");
    const QString sqliteDigest = QStringLiteral("SELECT group_concat(x, ',') FROM (SELECT id || budget_allocated || "
                                                "status AS x FROM agency_campaigns ORDER BY id)");
    const QString sql = first.isPostgres() ? digest : sqliteDigest;
    QCOMPARE(scalar(first.db(), sql).toString(), scalar(second.db(), sql).toString());
    QVERIFY(!scalar(first.db(), sql).toString().isEmpty());
}

void TestDemoData::failureLeavesNothing()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    // Writing twice with the same seed repeats the same ids: the second run fails on its first tier, all of it rolls
    // back.
    QVERIFY(demo::DemoDataWriter(scratch.db()).write({ 3, 2, 2, 5 }, nullptr));
    const int campaigns = scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_campaigns")).toInt();
    demo::DemoDataWriter again(scratch.db());
    QVERIFY(!again.write({ 50, 2, 2, 5 }, nullptr));
    QVERIFY(!again.lastError().isEmpty());
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_campaigns")).toInt(), campaigns);
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_sla_tiers")).toInt(), 4);
}

QTEST_GUILESS_MAIN(TestDemoData)
#include "tst_demodata.moc"
