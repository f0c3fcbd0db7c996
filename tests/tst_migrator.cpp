// SPDX-License-Identifier: GPL-3.0-or-later
#include "db/connectionstring.h"
#include "db/database.h"
#include "db/migrator.h"
#include "support/builders.h"
#include "support/scratchdatabase.h"
#include "tables/softdeletion.h"

#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>
#include <QtTest>

using namespace agency;
using agency::test::execute;
using agency::test::scalar;

namespace {

// Everything that defines the agency_ schema, as one text: equal texts mean an identical schema.
QString agencyCatalog(QSqlDatabase db)
{
    const QString sql = db::dialectOf(db) == db::Dialect::PostgreSQL ? QStringLiteral(R"(
        SELECT coalesce(string_agg(x, E'\n' ORDER BY x), '') FROM (
          SELECT 'col ' || table_name || '.' || column_name || ' ' || data_type || ' '
                 || coalesce(character_maximum_length::text, '') || ' ' || coalesce(numeric_precision::text, '') || ','
                 || coalesce(numeric_scale::text, '') || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS x
            FROM information_schema.columns WHERE table_schema = current_schema() AND table_name LIKE 'agency\_%'
          UNION ALL SELECT 'con ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint WHERE conrelid::regclass::text LIKE 'agency\_%'
          UNION ALL SELECT 'idx ' || indexdef FROM pg_indexes
            WHERE schemaname = current_schema() AND tablename LIKE 'agency\_%'
          UNION ALL SELECT 'trg ' || pg_get_triggerdef(oid) FROM pg_trigger
            WHERE NOT tgisinternal AND tgrelid::regclass::text LIKE 'agency\_%'
          UNION ALL SELECT 'fn ' || p.proname || ' ' || md5(p.prosrc) FROM pg_proc p
            JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = current_schema() AND p.proname LIKE 'agency\_%'
        ) s)")
                                                                     : QStringLiteral(R"(
        SELECT coalesce(group_concat(x, char(10)), '') FROM (
          SELECT type || ' ' || name || ' ' || coalesce(sql, '') AS x FROM sqlite_master
           WHERE name LIKE 'agency\_%' ESCAPE '\' ORDER BY name))");
    return scalar(db, sql).toString();
}

// Plane's tables as they are: structure and every row.
QString planeSnapshot(QSqlDatabase db)
{
    if (db::dialectOf(db) == db::Dialect::PostgreSQL) {
        return scalar(db, QStringLiteral(R"(
            SELECT string_agg(x, E'\n' ORDER BY x) FROM (
              SELECT 'col ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' '
                     || coalesce(column_default, '') AS x
                FROM information_schema.columns WHERE table_name IN ('workspaces', 'projects')
              UNION ALL SELECT 'con ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
                WHERE conrelid IN ('workspaces'::regclass, 'projects'::regclass)
                   OR confrelid IN ('workspaces'::regclass, 'projects'::regclass)
              UNION ALL SELECT 'idx ' || indexdef FROM pg_indexes WHERE tablename IN ('workspaces', 'projects')
              UNION ALL SELECT 'trg ' || pg_get_triggerdef(oid) FROM pg_trigger
                WHERE NOT tgisinternal AND tgrelid IN ('workspaces'::regclass, 'projects'::regclass)
              UNION ALL SELECT 'dep ' || classid::regclass::text || ' ' || refobjid::regclass::text FROM pg_depend
                WHERE refobjid IN ('workspaces'::regclass, 'projects'::regclass) AND deptype = 'n'
              UNION ALL SELECT 'row ' || w::text FROM workspaces w
              UNION ALL SELECT 'row ' || p::text FROM projects p
            ) s)"))
            .toString();
    }
    QString text = scalar(db,
        QStringLiteral("SELECT group_concat(type || name || coalesce(sql, ''), char(10)) FROM "
                       "(SELECT * FROM sqlite_master WHERE tbl_name IN ('workspaces', 'projects') ORDER BY name)"))
                       .toString();
    for (const QString& table : { QStringLiteral("workspaces"), QStringLiteral("projects") }) {
        QSqlQuery rows(db);
        rows.exec(QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(table));
        while (rows.next()) {
            for (int i = 0; i < rows.record().count(); ++i)
                text += rows.value(i).toString() + u'|';
            text += u'\n';
        }
    }
    return text;
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestMigrator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void freshUpAndStatus_data() { test::addBackendData(); }
    void freshUpAndStatus();
    void downToZeroThenUpIsIdentical_data() { test::addBackendData(); }
    void downToZeroThenUpIsIdentical();
    void downToZeroKeepsAnExtensionThatWasThere();
    void editedAppliedMigrationIsRefused_data() { test::addBackendData(); }
    void editedAppliedMigrationIsRefused();
    void failedStepLeavesNothingBehind_data() { test::addBackendData(); }
    void failedStepLeavesNothingBehind();
    void newerSchemaIsReported_data() { test::addBackendData(); }
    void newerSchemaIsReported();
    void concurrentMigrationsApplyOnce_data() { test::addBackendData(); }
    void concurrentMigrationsApplyOnce();
    void planeTablesStayUntouched_data() { test::addBackendData(); }
    void migrateThroughATransactionPooler();
    void planeTablesStayUntouched();
    void noForeignKeyLeavesAgencyTables();
    void onlyARoleThatMayChangeTheSchemaMayMigrate();
    void checksRefuseBadRows_data();
    void checksRefuseBadRows();
    void updatedAtMovesAndRoundTrips_data() { test::addBackendData(); }
    void updatedAtMovesAndRoundTrips();
    void deletedWithTheirParent_data() { test::addBackendData(); }
    void deletedWithTheirParent();
};

void TestMigrator::freshUpAndStatus()
{
    QFETCH(QString, backend);
    AGENCY_SCRATCH(scratch, backend);
    db::Migrator migrator(scratch.db(), db::Migrator::builtIn(db::dialectOf(scratch.db())));
    QVERIFY(migrator.latestVersion() >= 1);
    QCOMPARE(migrator.state(), db::SchemaState::Missing);
    QList<db::MigrationStatus> list;
    QVERIFY2(migrator.status(&list), qPrintable(migrator.lastError()));
    QVERIFY(!list.isEmpty());
    QVERIFY(!list.constFirst().applied);

    QStringList progress;
    migrator.setProgressHandler([&](const QString& line) { progress << line; });
    QVERIFY2(migrator.up(), qPrintable(migrator.lastError()));
    QCOMPARE(progress.size(), list.size());
    QCOMPARE(migrator.state(), db::SchemaState::Current);
    QVERIFY(migrator.status(&list));
    for (const auto& s : std::as_const(list)) {
        QVERIFY(s.applied);
        QVERIFY(s.appliedAt.isValid());
        QVERIFY(!s.edited);
    }
    for (const char* table : { "agency_sla_tiers", "agency_clients", "agency_campaigns", "agency_campaign_channels" })
        QVERIFY2(scratch.db().tables().contains(QString::fromLatin1(table)), table);
    // Running up again does nothing and succeeds.
    progress.clear();
    QVERIFY(migrator.up());
    QVERIFY(progress.isEmpty());
}

void TestMigrator::downToZeroThenUpIsIdentical()
{
    QFETCH(QString, backend);
    AGENCY_SCRATCH(scratch, backend);
    db::Migrator migrator(scratch.db(), db::Migrator::builtIn(db::dialectOf(scratch.db())));
    QVERIFY2(migrator.up(), qPrintable(migrator.lastError()));
    const QString first = agencyCatalog(scratch.db());
    QVERIFY(first.contains(QStringLiteral("agency_campaign_channels")));

    QVERIFY2(migrator.down(0), qPrintable(migrator.lastError()));
    QCOMPARE(migrator.state(), db::SchemaState::Missing);
    const QStringList left = scratch.db().tables();
    for (const QString& table : left) // nothing of the app's, its migration table included
        QVERIFY2(!table.startsWith(QStringLiteral("agency_")), qPrintable(table));

    // pg_trgm, made by migration 0003 on this new database, goes with the rest (issue 32.5).
    if (scratch.isPostgres())
        QCOMPARE(
            scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")).toInt(),
            0);

    QVERIFY2(migrator.up(), qPrintable(migrator.lastError()));
    QCOMPARE(agencyCatalog(scratch.db()), first);
}

// An extension that was there before the app stays when the app goes (others may use it), on PostgreSQL.
void TestMigrator::downToZeroKeepsAnExtensionThatWasThere()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("postgresql"));
    QVERIFY(execute(scratch.db(), QStringLiteral("CREATE EXTENSION pg_trgm")));
    db::Migrator migrator(scratch.db(), db::Migrator::builtIn(db::Dialect::PostgreSQL));
    QVERIFY2(migrator.up(), qPrintable(migrator.lastError()));
    QVERIFY2(migrator.down(0), qPrintable(migrator.lastError()));
    QCOMPARE(
        scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")).toInt(), 1);
    QVERIFY(!scratch.db().tables().contains(QStringLiteral("agency_schema_migrations")));
}

void TestMigrator::editedAppliedMigrationIsRefused()
{
    QFETCH(QString, backend);
    AGENCY_SCRATCH(scratch, backend);
    auto migrations = db::Migrator::builtIn(db::dialectOf(scratch.db()));
    QVERIFY(db::Migrator(scratch.db(), migrations).up());

    migrations.first().up += QStringLiteral("\n-- a harmless-looking edit\n");
    db::Migrator edited(scratch.db(), migrations);
    QCOMPARE(edited.state(), db::SchemaState::Edited);
    QVERIFY(!edited.up());
    QVERIFY2(edited.lastError().contains(QStringLiteral("0001_initial"))
            && edited.lastError().contains(QStringLiteral("edited")),
        qPrintable(edited.lastError()));
    QVERIFY(!edited.down(0));
    QVERIFY(scratch.db().tables().contains(QStringLiteral("agency_clients")));
}

void TestMigrator::failedStepLeavesNothingBehind()
{
    QFETCH(QString, backend);
    AGENCY_SCRATCH(scratch, backend);
    auto migrations = db::Migrator::builtIn(db::dialectOf(scratch.db()));
    db::Migration broken;
    broken.version = 9000;
    broken.name = QStringLiteral("broken");
    broken.up = QStringLiteral("CREATE TABLE agency_half_done (id integer);\nTHIS IS NOT SQL;");
    broken.down = QStringLiteral("DROP TABLE agency_half_done;");
    migrations << broken;
    db::Migrator migrator(scratch.db(), migrations);
    QVERIFY(!migrator.up());
    QVERIFY2(migrator.lastError().contains(QStringLiteral("9000_broken")), qPrintable(migrator.lastError()));
    QVERIFY2(!scratch.db().tables().contains(QStringLiteral("agency_half_done")), "the failed step was half applied");
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_schema_migrations WHERE version = 9000"))
                 .toInt(),
        0);
    // The steps before it stay applied.
    QVERIFY(scratch.db().tables().contains(QStringLiteral("agency_clients")));
}

void TestMigrator::newerSchemaIsReported()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(execute(scratch.db(),
        QStringLiteral(
            "INSERT INTO agency_schema_migrations (version, name, checksum) VALUES (9999, 'from_the_future', 'x')")));
    db::Migrator migrator(scratch.db(), db::Migrator::builtIn(db::dialectOf(scratch.db())));
    QCOMPARE(migrator.state(), db::SchemaState::Newer);
    QVERIFY(!migrator.up());
    QVERIFY2(migrator.lastError().contains(QStringLiteral("newer")), qPrintable(migrator.lastError()));
}

void TestMigrator::concurrentMigrationsApplyOnce()
{
    QFETCH(QString, backend);
    AGENCY_SCRATCH(scratch, backend);
    QList<QProcess*> processes;
    for (int i = 0; i < 3; ++i) {
        auto* process = new QProcess(this);
        process->start(QStringLiteral(AGENCY_OS_BINARY),
            { QStringLiteral("migrate"), QStringLiteral("up"), QStringLiteral("--db"), scratch.dsn() });
        processes << process;
    }
    for (QProcess* process : std::as_const(processes)) {
        QVERIFY(process->waitForFinished(60000));
        QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData());
    }
    qDeleteAll(processes);
    const int known = db::Migrator(scratch.db(), db::Migrator::builtIn(db::dialectOf(scratch.db()))).latestVersion();
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_schema_migrations")).toInt(), known);
    QCOMPARE(
        scalar(scratch.db(), QStringLiteral("SELECT count(DISTINCT version) FROM agency_schema_migrations")).toInt(),
        known);
}

// Issue 12.3: three `migrate up` at once through pgbouncer in transaction mode (a pool of two server connections, so
// that clients share them), five times: each applies every step once, no advisory lock is left on a pooled server
// connection, and a direct `migrate up` afterwards returns at once. Before: "you don't own a lock of type
// ExclusiveLock", 0001 run twice ("duplicate function"), hangs, in 4 of 5 trials. The pooler is started by
// scripts/test (scripts/pg-throwaway pooler) and named by AGENCY_OS_TEST_POOLER_PORT.
void TestMigrator::migrateThroughATransactionPooler()
{
    AGENCY_REQUIRE_POOLER(poolerPort);
    for (int trial = 1; trial <= 5; ++trial) {
        AGENCY_SCRATCH(scratch, QStringLiteral("postgresql"));
        const auto direct = db::ConnectionString::parse(scratch.dsn(), nullptr);
        QVERIFY(direct);
        QString pooled = scratch.dsn();
        pooled.replace(QStringLiteral(":%1/").arg(direct->port), QStringLiteral(":%1/").arg(poolerPort));
        QVERIFY(pooled != scratch.dsn());
        QList<QProcess*> processes;
        for (int i = 0; i < 3; ++i) {
            auto* process = new QProcess(this);
            process->start(QStringLiteral(AGENCY_OS_BINARY),
                { QStringLiteral("migrate"), QStringLiteral("up"), QStringLiteral("--db"), pooled });
            processes << process;
        }
        for (QProcess* process : std::as_const(processes)) {
            QVERIFY2(process->waitForFinished(60000), qPrintable(QStringLiteral("trial %1: hung").arg(trial)));
            QVERIFY2(process->exitCode() == 0,
                qPrintable(
                    QStringLiteral("trial %1: ").arg(trial) + QString::fromUtf8(process->readAllStandardError())));
        }
        qDeleteAll(processes);
        const int known
            = db::Migrator(scratch.db(), db::Migrator::builtIn(db::dialectOf(scratch.db()))).latestVersion();
        QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(DISTINCT version) FROM agency_schema_migrations"))
                     .toInt(),
            known);
        QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_schema_migrations")).toInt(), known);
        // No advisory lock left on this database (other tests' databases on the same server may hold theirs now).
        QCOMPARE(scalar(scratch.db(),
                     QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
                                    "(SELECT oid FROM pg_database WHERE datname = current_database())"))
                     .toInt(),
            0);
        QProcess again;
        again.start(QStringLiteral(AGENCY_OS_BINARY),
            { QStringLiteral("migrate"), QStringLiteral("up"), QStringLiteral("--db"), scratch.dsn() });
        QVERIFY2(again.waitForFinished(30000), "a direct migrate up hung after the pooled ones");
        QCOMPARE(again.exitCode(), 0);
        // Issue 12.12: the server's NOTICE lines ("already exists, skipping") are logged, not printed.
        QCOMPARE(again.readAllStandardError(), QByteArray());
    }
}

void TestMigrator::planeTablesStayUntouched()
{
    QFETCH(QString, backend);
    AGENCY_SCRATCH(scratch, backend);
    QVERIFY(scratch.loadPlaneFixture());
    const QString before = planeSnapshot(scratch.db());
    QVERIFY(before.contains(QStringLiteral("Globex Search")));
    db::Migrator migrator(scratch.db(), db::Migrator::builtIn(db::dialectOf(scratch.db())));
    QVERIFY2(migrator.up(), qPrintable(migrator.lastError()));
    QCOMPARE(planeSnapshot(scratch.db()), before);
    QVERIFY(migrator.down(0));
    QCOMPARE(planeSnapshot(scratch.db()), before);
    QVERIFY(migrator.up());
    QCOMPARE(planeSnapshot(scratch.db()), before);
}

void TestMigrator::noForeignKeyLeavesAgencyTables()
{
    AGENCY_SCRATCH(pg, QStringLiteral("postgresql"));
    QVERIFY(pg.loadPlaneFixture());
    QVERIFY(pg.migrate());
    const QString outside = scalar(pg.db(),
        QStringLiteral(
            "SELECT coalesce(string_agg(conname || ' -> ' || confrelid::regclass::text, ', '), '') FROM pg_constraint "
            "WHERE contype = 'f' AND conrelid::regclass::text LIKE 'agency\\_%' "
            "AND confrelid::regclass::text NOT LIKE 'agency\\_%'"))
                                .toString();
    QCOMPARE(outside, QString());
    QCOMPARE(scalar(pg.db(),
                 QStringLiteral("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND "
                                "conrelid::regclass::text LIKE 'agency\\_%'"))
                 .toInt(),
        6); // clients → tiers, campaigns → clients, channels → campaigns, time entries → clients and campaigns,
            // spend → channels

    AGENCY_SCRATCH(lite, QStringLiteral("sqlite"));
    QVERIFY(lite.migrate());
    for (const QString& table : lite.db().tables()) {
        QSqlQuery keys(lite.db());
        QVERIFY(keys.exec(QStringLiteral("SELECT \"table\" FROM pragma_foreign_key_list('%1')").arg(table)));
        while (keys.next())
            QVERIFY2(keys.value(0).toString().startsWith(QStringLiteral("agency_")), qPrintable(table));
    }
}

void TestMigrator::onlyARoleThatMayChangeTheSchemaMayMigrate()
{
    AGENCY_SCRATCH(pg, QStringLiteral("postgresql"));
    QVERIFY(pg.migrate());
    QVERIFY(db::Migrator(pg.db(), db::Migrator::builtIn(db::Dialect::PostgreSQL)).mayMigrate()); // the owner
    // A desktop user with rights on the data only (PostgreSQL 15: no CREATE on public for PUBLIC).
    const QString role = QStringLiteral("desk_%1").arg(QCoreApplication::applicationPid());
    QVERIFY(execute(pg.db(), QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'desk-pass'").arg(role)));
    QVERIFY(execute(
        pg.db(), QStringLiteral("GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO %1").arg(role)));
    auto where = *db::ConnectionString::parse(pg.dsn(), nullptr);
    where.user = role;
    where.password = QStringLiteral("desk-pass");
    QString error;
    bool may = true;
    {
        QSqlDatabase desk = db::openDatabase(where, QStringLiteral("desk"), &error);
        QVERIFY2(desk.isOpen(), qPrintable(error));
        db::Migrator migrator(desk, db::Migrator::builtIn(db::Dialect::PostgreSQL));
        may = migrator.mayMigrate();
        QCOMPARE(migrator.state(), db::SchemaState::Current); // it can still read where the schema is
    }
    db::closeDatabase(QStringLiteral("desk"));
    QVERIFY(execute(pg.db(), QStringLiteral("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %1").arg(role)));
    QVERIFY(execute(pg.db(), QStringLiteral("DROP ROLE %1").arg(role)));
    QVERIFY(!may);

    AGENCY_SCRATCH(lite, QStringLiteral("sqlite"));
    QVERIFY(db::Migrator(lite.db(), db::Migrator::builtIn(db::Dialect::SQLite)).mayMigrate());
}

void TestMigrator::checksRefuseBadRows_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QVariant>("value");
    const QList<std::tuple<const char*, const char*, const char*, QVariant>> cases {
        { "tier negative hourly rate", "agency_sla_tiers", "hourly_rate", QStringLiteral("-1.00") },
        { "tier negative retainer", "agency_sla_tiers", "monthly_retainer", QStringLiteral("-0.01") },
        { "tier features not an array", "agency_sla_tiers", "features", QStringLiteral("{\"a\": 1}") },
        { "tier negative hours", "agency_sla_tiers", "monthly_hours_included", -3 },
        { "tier blank name", "agency_sla_tiers", "name", QStringLiteral("  ") },
        { "client unknown type", "agency_clients", "client_type", QStringLiteral("agency") },
        { "client contract ends before it starts", "agency_clients", "contract_end_date",
            QStringLiteral("2023-12-31") },
        { "client metadata not an object", "agency_clients", "metadata", QStringLiteral("[1, 2]") },
        { "client unknown tier", "agency_clients", "sla_tier_id",
            QStringLiteral("00000000-0000-4000-8000-000000000000") },
        { "campaign unknown status", "agency_campaigns", "status", QStringLiteral("done") },
        { "campaign negative budget", "agency_campaigns", "budget_allocated", QStringLiteral("-5.00") },
        { "campaign negative spend", "agency_campaigns", "budget_spent", QStringLiteral("-0.01") },
        { "campaign ends before it starts", "agency_campaigns", "end_date", QStringLiteral("2023-12-31") },
        { "campaign KPIs not an object", "agency_campaigns", "target_kpis", QStringLiteral("42") },
        { "campaign unknown client", "agency_campaigns", "client_id",
            QStringLiteral("00000000-0000-4000-8000-000000000000") },
        { "channel percent above 100", "agency_campaign_channels", "budget_percentage", QStringLiteral("100.01") },
        { "channel negative percent", "agency_campaign_channels", "budget_percentage", QStringLiteral("-0.01") },
        { "channel negative amount", "agency_campaign_channels", "budget_amount", QStringLiteral("-0.01") },
        { "channel performance not JSON", "agency_campaign_channels", "performance_data",
            QStringLiteral("{clicks: 1") },
        { "channel without type", "agency_campaign_channels", "channel_type", QVariant(QMetaType(QMetaType::QString)) },
    };
    for (const char* backend : { "sqlite", "postgresql" }) {
        for (const auto& [name, table, column, value] : cases) {
            QTest::newRow(
                qPrintable(QStringLiteral("%1: %2").arg(QString::fromLatin1(backend), QString::fromLatin1(name))))
                << QString::fromLatin1(backend) << QString::fromLatin1(table) << QString::fromLatin1(column) << value;
        }
    }
}

void TestMigrator::checksRefuseBadRows()
{
    QFETCH(QString, backend);
    QFETCH(QString, table);
    QFETCH(QString, column);
    QFETCH(QVariant, value);
    AGENCY_SCRATCH(scratch, backend);
    QVERIFY(scratch.migrate());
    QSqlDatabase db = scratch.db();

    // A valid row for every table, each overridable in one column.
    const QString tier = newId();
    const QString client = newId();
    const QString campaign = newId();
    QMap<QString, QVariantMap> rows {
        { QStringLiteral("agency_sla_tiers"),
            { { "id", tier }, { "name", "Gold" }, { "hourly_rate", "120.00" }, { "monthly_retainer", "4000.00" },
                { "monthly_hours_included", 20 }, { "features", "[\"24/7 support\"]" } } },
        { QStringLiteral("agency_clients"),
            { { "id", client }, { "client_name", "Acme" }, { "client_type", "retainer" }, { "sla_tier_id", tier },
                { "contract_start_date", "2024-01-01" }, { "contract_end_date", "2024-12-31" },
                { "metadata", "{}" } } },
        { QStringLiteral("agency_campaigns"),
            { { "id", campaign }, { "client_id", client }, { "campaign_type", "seo" }, { "status", "active" },
                { "budget_allocated", "1000.00" }, { "budget_spent", "0.00" }, { "start_date", "2024-01-01" },
                { "end_date", "2024-06-30" }, { "target_kpis", "{\"clicks\": 100}" } } },
        { QStringLiteral("agency_campaign_channels"),
            { { "id", newId() }, { "campaign_id", campaign }, { "channel_type", "google_ads" },
                { "budget_percentage", "40.00" }, { "budget_amount", "10.00" }, { "performance_data", "{}" } } },
    };
    auto insert = [&](const QString& name, const QVariantMap& row, QString* error) {
        QStringList marks;
        for (qsizetype i = 0; i < row.size(); ++i)
            marks << QStringLiteral("?");
        return execute(db,
            QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(name, row.keys().join(u','), marks.join(u',')),
            row.values(), error);
    };
    QVariantMap bad = rows.value(table);
    bad.insert(column, value);
    const QStringList order { QStringLiteral("agency_sla_tiers"), QStringLiteral("agency_clients"),
        QStringLiteral("agency_campaigns"), QStringLiteral("agency_campaign_channels") };
    for (const QString& name : order) {
        QString error;
        if (name == table) {
            QVERIFY2(!insert(name, bad, &error), "the database accepted a row it must refuse");
            QVERIFY(insert(name, rows.value(name), &error)); // and the good row still goes in
            break;
        }
        QVERIFY2(insert(name, rows.value(name), &error), qPrintable(error));
    }
}

void TestMigrator::updatedAtMovesAndRoundTrips()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QSqlDatabase db = scratch.db();
    const QString id = newId();
    QVERIFY(!test::add(db, test::Tier { .id = id, .name = QStringLiteral("Silver"), .priority = {} }).isEmpty());

    auto readStamp = [&]() {
        const QVariant raw = scalar(db, QStringLiteral("SELECT updated_at FROM agency_sla_tiers WHERE id = ?"), { id });
        QDateTime stamp = raw.metaType().id() == QMetaType::QDateTime
            ? raw.toDateTime()
            : QDateTime::fromString(raw.toString(), Qt::ISODateWithMs);
        return stamp.toUTC();
    };
    const QDateTime first = readStamp();
    QVERIFY(first.isValid());

    QString error;
    QSqlQuery update(db);
    QVERIFY(update.prepare(QStringLiteral("UPDATE agency_sla_tiers SET name = ? WHERE id = ? AND updated_at = ?")));
    // Optimistic concurrency: the value as read must match the stored value exactly.
    update.addBindValue(QStringLiteral("Silver+"));
    update.addBindValue(id);
    update.addBindValue(
        db::dialectOf(db) == db::Dialect::PostgreSQL ? QVariant(first) : QVariant(first.toString(Qt::ISODateWithMs)));
    QVERIFY2(update.exec(), qPrintable(update.lastError().text()));
    QCOMPARE(update.numRowsAffected(), 1);
    const QDateTime second = readStamp();
    QVERIFY2(second > first, qPrintable(first.toString(Qt::ISODateWithMs) + u' ' + second.toString(Qt::ISODateWithMs)));
    // Stored at millisecond precision, so what QDateTime read is the whole value.
    const QString exact = db::dialectOf(db) == db::Dialect::PostgreSQL
        ? QStringLiteral(
            "SELECT updated_at = date_trunc('milliseconds', updated_at) FROM agency_sla_tiers WHERE id = ?")
        : QStringLiteral("SELECT length(updated_at) = 24 FROM agency_sla_tiers WHERE id = ?");
    QVERIFY(scalar(db, exact, { id }).toBool());

    // The stale value no longer matches: this is how a concurrent change shows.
    QVERIFY(update.exec());
    QCOMPARE(update.numRowsAffected(), 0);

    // Two updates in a row still get different stamps.
    QVERIFY(execute(db, QStringLiteral("UPDATE agency_sla_tiers SET priority = 1 WHERE id = ?"), { id }));
    QVERIFY(execute(db, QStringLiteral("UPDATE agency_sla_tiers SET priority = 2 WHERE id = ?"), { id }));
    QVERIFY(readStamp() > second);
}

QTEST_GUILESS_MAIN(TestMigrator)
// A delete by direct SQL takes what belongs to the row with it, at its instant, as the app's delete does: a channel
// is never left live under a deleted campaign, nor a campaign under a deleted client (0004). Rows so left before
// 0004 are marked then; and the app's restore of the parent brings them all back.
void TestMigrator::deletedWithTheirParent()
{
    QFETCH(QString, backend);
    AGENCY_SCRATCH(scratch, backend);
    db::Migrator migrator(scratch.db(), db::Migrator::builtIn(db::dialectOf(scratch.db())));
    QVERIFY2(migrator.up(3), qPrintable(migrator.lastError()));
    const bool pg = backend == QStringLiteral("postgresql");
    const QString at
        = pg ? QStringLiteral("'2026-03-01 10:00:00.123+00'") : QStringLiteral("'2026-03-01T10:00:00.123Z'");
    const QString later
        = pg ? QStringLiteral("'2026-04-01 09:30:00.456+00'") : QStringLiteral("'2026-04-01T09:30:00.456Z'");
    for (const auto& [n, name, type, channel] :
        { std::tuple { 1, "Left", "ppc", "a" }, std::tuple { 2, "Later", "seo", "b" } }) {
        const QString client = QStringLiteral("20000000-0000-4000-8000-00000000000%1").arg(n);
        const QString campaign = QStringLiteral("30000000-0000-4000-8000-00000000000%1").arg(n);
        QVERIFY(!test::add(scratch.db(), test::Client { .id = client, .name = QString::fromLatin1(name) }).isEmpty());
        QVERIFY(!test::add(
            scratch.db(), test::Campaign { .id = campaign, .client = client, .type = QString::fromLatin1(type) })
                     .isEmpty());
        QVERIFY(!test::add(scratch.db(),
            test::Channel { .id = QStringLiteral("40000000-0000-4000-8000-00000000000%1").arg(n),
                .campaign = campaign,
                .type = QString::fromLatin1(channel) })
                     .isEmpty());
    }
    // Before 0004: a client deleted by SQL, its campaign and channel left live.
    QVERIFY(execute(
        scratch.db(), QStringLiteral("UPDATE agency_clients SET deleted_at = %1 WHERE client_name = 'Left'").arg(at)));
    const QString liveUnderLeft
        = QStringLiteral("SELECT count(*) FROM agency_campaign_channels WHERE deleted_at IS NULL AND campaign_id = "
                         "'30000000-0000-4000-8000-000000000001'");
    QCOMPARE(scalar(scratch.db(), liveUnderLeft).toInt(), 1);
    QVERIFY2(migrator.up(), qPrintable(migrator.lastError()));
    // Marked at the client's instant, grandchildren too.
    const QString sameInstant = QStringLiteral(
        "SELECT count(*) FROM agency_campaign_channels ch JOIN agency_campaigns c ON c.id = ch.campaign_id JOIN "
        "agency_clients cl ON cl.id = c.client_id WHERE cl.client_name = '%1' AND ch.deleted_at = cl.deleted_at AND "
        "c.deleted_at = cl.deleted_at");
    QCOMPARE(scalar(scratch.db(), sameInstant.arg(QStringLiteral("Left"))).toInt(), 1);
    // After it: a delete by SQL takes them at once.
    QVERIFY(execute(scratch.db(),
        QStringLiteral("UPDATE agency_clients SET deleted_at = %1 WHERE client_name = 'Later'").arg(later)));
    QCOMPARE(scalar(scratch.db(), sameInstant.arg(QStringLiteral("Later"))).toInt(), 1);
    QCOMPARE(
        scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_campaign_channels WHERE deleted_at IS NULL"))
            .toInt(),
        0);
    // The app restores the client, and with it what went at its instant.
    QString error;
    QVERIFY2(tables::restore(scratch.db(), QStringLiteral("agency_clients"),
                 { QStringLiteral("20000000-0000-4000-8000-000000000002") }, &error),
        qPrintable(error));
    QCOMPARE(scalar(scratch.db(),
                 QStringLiteral("SELECT count(*) FROM agency_campaign_channels WHERE deleted_at IS NULL AND "
                                "campaign_id = '30000000-0000-4000-8000-000000000002'"))
                 .toInt(),
        1);
    // And deletes as before, the triggers finding nothing left to take.
    QVERIFY2(tables::softDelete(scratch.db(), QStringLiteral("agency_campaigns"),
                 { QStringLiteral("30000000-0000-4000-8000-000000000002") }, &error),
        qPrintable(error));
    QCOMPARE(
        scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_campaign_channels WHERE deleted_at IS NULL"))
            .toInt(),
        0);
    QVERIFY2(migrator.down(3), qPrintable(migrator.lastError()));
    QVERIFY2(migrator.up(), qPrintable(migrator.lastError()));
}

#include "tst_migrator.moc"
