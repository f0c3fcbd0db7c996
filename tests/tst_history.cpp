// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 29: every change to the agency tables is in the history, whoever made it — the window, the CLI import, or
// another program (psql, sqlite3) — with the right person, fields and values; `agency-os history` prints it for an
// audit and prunes it.
#include "db/changesource.h"
#include "db/database.h"
#include "history/changelog.h"
#include "support/builders.h"
#include "support/scratchdatabase.h"
#include "tables/agencytablemodel.h"
#include "tables/tablespec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace agency;

namespace {

struct Run {
    int code = -1;
    QByteArray out;
    QString err;
};

Run run(const QString& program, const QStringList& arguments, const QProcessEnvironment& env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    process.closeWriteChannel();
    Run result;
    if (!process.waitForFinished(60000))
        return result;
    result.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = process.readAllStandardOutput();
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

// The newest change of a row.
history::Change newest(QSqlDatabase db, const QString& table, const QString& id)
{
    QList<history::Change> changes;
    QString error;
    history::ChangeFilter filter;
    filter.table = table;
    filter.rowId = id;
    filter.limit = 1;
    if (!history::readChanges(db, filter, &changes, &error) || changes.isEmpty()) {
        qWarning("no history for %s: %s", qPrintable(id), qPrintable(error));
        return {};
    }
    return changes.constFirst();
}

int row(const tables::AgencyTableModel& model, const QString& id)
{
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.idAt(r) == id)
            return r;
    }
    return -1;
}

} // namespace

class TestHistory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void changesFromEverywhereAreRecorded_data() { test::addBackendData(); }
    void changesFromEverywhereAreRecorded();
    void historyCommandPrintsOneRowPerColumn_data() { test::addBackendData(); }
    void historyCommandPrintsOneRowPerColumn();
    void timeEntriesKeepTheirHistory_data() { test::addBackendData(); }
    void timeEntriesKeepTheirHistory();
    void pruneDeletesOnlyTheOldHistory_data() { test::addBackendData(); }
    void pruneDeletesOnlyTheOldHistory();
    void aRoleThatMayNotReadTheHistoryStillSaves();

private:
    QTemporaryDir m_home;
    QProcessEnvironment m_env;
};

void TestHistory::initTestCase()
{
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.insert(QStringLiteral("HOME"), m_home.path());
    m_env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    m_env.remove(QStringLiteral("AGENCY_OS_DB"));
    m_env.remove(QStringLiteral("PGAPPNAME"));
}

void TestHistory::changesFromEverywhereAreRecorded()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const QString client = test::add(scratch.db(), test::Client { .name = QStringLiteral("Globex") });
    const QString campaign = test::add(scratch.db(),
        test::Campaign {
            .client = client, .allocated = QStringLiteral("5000.00"), .start = QStringLiteral("2026-01-01") });
    const QString table = tables::campaignsSpec().table;
    const QString budget = tables::campaignsSpec().columnFor(tables::ColumnRole::Allocated);
    const QString person = db::changePerson();
    QVERIFY(!person.isEmpty());

    // 1. The window: an edit saved through the table model.
    {
        tables::AgencyTableModel model(tables::campaignsSpec(), scratch.db());
        const int r = row(model, campaign);
        QVERIFY(r >= 0);
        QVERIFY(model.setData(model.index(r, model.fieldIndex(budget)), QStringLiteral("5250.50")));
        QVERIFY2(model.save(), qPrintable(model.lastMessage()));
    }
    history::Change change = newest(scratch.db(), table, campaign);
    QCOMPARE(change.operation, QStringLiteral("update"));
    QCOMPARE(change.source, QStringLiteral("app"));
    QCOMPARE(change.appUser, person);
    QVERIFY(!change.dbRole.isEmpty());
    QCOMPARE(change.fields.size(), 1); // the budget alone: its stamp is not a change anyone made
    QCOMPARE(change.fields.constFirst().column, budget);
    QCOMPARE(change.fields.constFirst().before.toString(), QStringLiteral("5000.00"));
    QCOMPARE(change.fields.constFirst().after.toString(), QStringLiteral("5250.50"));
    QVERIFY(qAbs(change.at.secsTo(QDateTime::currentDateTimeUtc())) < 120);

    // 2. The CLI import: what export wrote, one budget changed, read back.
    QTemporaryDir files;
    const QString csv = files.filePath(QStringLiteral("campaigns.csv"));
    Run done = run(QStringLiteral(AGENCY_OS_BINARY),
        { QStringLiteral("export"), QStringLiteral("campaigns"), QStringLiteral("--db"), scratch.dsn(),
            QStringLiteral("-o"), csv },
        m_env);
    QVERIFY2(done.code == 0, qPrintable(done.err));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray text = file.readAll();
    file.close();
    QVERIFY(text.contains(",5250.50,"));
    text.replace(",5250.50,", ",6100.00,");
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
    file.close();
    done = run(QStringLiteral(AGENCY_OS_BINARY),
        { QStringLiteral("import"), QStringLiteral("campaigns"), QStringLiteral("--db"), scratch.dsn(),
            QStringLiteral("--input"), csv },
        m_env);
    QVERIFY2(done.code == 0, qPrintable(done.err));
    change = newest(scratch.db(), table, campaign);
    QCOMPARE(change.source, QStringLiteral("cli-import"));
    QCOMPARE(change.appUser, person);
    QCOMPARE(change.fields.size(), 1);
    QCOMPARE(change.fields.constFirst().before.toString(), QStringLiteral("5250.50"));
    QCOMPARE(change.fields.constFirst().after.toString(), QStringLiteral("6100.00"));

    // 3. Another program, in its own connection: psql acting as another role, or sqlite3.
    const QString update = QStringLiteral("UPDATE %1 SET %2 = '7000.00', campaign_brief = 'by hand' WHERE id = '%3';")
                               .arg(table, budget, campaign);
    QString role;
    if (scratch.isPostgres()) {
        role = QStringLiteral("clerk_%1").arg(QCoreApplication::applicationPid());
        QVERIFY(test::execute(scratch.db(), QStringLiteral("CREATE ROLE %1 NOLOGIN").arg(role)));
        QVERIFY(test::execute(scratch.db(), QStringLiteral("GRANT SELECT, UPDATE ON %1 TO %2").arg(table, role)));
        done = run(QStringLiteral("psql"),
            { QStringLiteral("-X"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"),
                scratch.dsn(), QStringLiteral("-c"), QStringLiteral("SET ROLE %1; %2").arg(role, update) },
            m_env);
    } else {
        const QString path = scratch.db().databaseName();
        done = run(QStringLiteral("sqlite3"), { path, update }, m_env);
    }
    QVERIFY2(done.code == 0, qPrintable(done.err));
    change = newest(scratch.db(), table, campaign);
    QCOMPARE(change.source, QStringLiteral("other"));
    QVERIFY(change.appUser.isEmpty());
    QCOMPARE(change.dbRole, role); // PostgreSQL: the role it acted as; SQLite knows none
    QCOMPARE(change.fields.size(), 2);
    QCOMPARE(change.field(budget)->before.toString(), QStringLiteral("6100.00"));
    QCOMPARE(change.field(budget)->after.toString(), QStringLiteral("7000.00"));
    QVERIFY(change.field(QStringLiteral("campaign_brief"))->before.isNull());
    QCOMPARE(change.field(QStringLiteral("campaign_brief"))->after.toString(), QStringLiteral("by hand"));

    // Soft delete, restore and delete each say so; the insert it started with is there too.
    const QString deleted = tables::deletedColumn();
    QVERIFY(test::execute(scratch.db(),
        QStringLiteral("UPDATE %1 SET %2 = CURRENT_TIMESTAMP WHERE id = ?").arg(table, deleted), { campaign }));
    QCOMPARE(newest(scratch.db(), table, campaign).operation, QStringLiteral("soft_delete"));
    QVERIFY(test::execute(
        scratch.db(), QStringLiteral("UPDATE %1 SET %2 = NULL WHERE id = ?").arg(table, deleted), { campaign }));
    QCOMPARE(newest(scratch.db(), table, campaign).operation, QStringLiteral("restore"));
    QVERIFY(test::execute(scratch.db(), QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table), { campaign }));
    change = newest(scratch.db(), table, campaign);
    QCOMPARE(change.operation, QStringLiteral("delete"));
    QCOMPARE(change.field(budget)->before.toString(), QStringLiteral("7000.00"));
    QVERIFY(change.field(budget)->after.isNull());
    QList<history::Change> all;
    QString error;
    history::ChangeFilter oldest;
    oldest.rowId = campaign;
    oldest.oldestFirst = true;
    QVERIFY2(history::readChanges(scratch.db(), oldest, &all, &error), qPrintable(error));
    QCOMPARE(all.size(), 7);
    QCOMPARE(all.constFirst().operation, QStringLiteral("insert"));
    QCOMPARE(all.constFirst().field(budget)->after.toString(), QStringLiteral("5000.00"));
    if (!role.isEmpty())
        QVERIFY(test::execute(scratch.db(), QStringLiteral("DROP OWNED BY %1; DROP ROLE %1").arg(role)));
}

// The hours an invoice is made of: an entry imported by a tracker, its minutes corrected in the window, then deleted —
// each step in the history, and in `history --table time-entries`.
void TestHistory::timeEntriesKeepTheirHistory()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const QString client = test::add(scratch.db(), test::Client { .name = QStringLiteral("Initech") });
    const QString entry = test::add(scratch.db(),
        test::TimeEntry { .client = client,
            .person = QStringLiteral("Kim"),
            .date = QStringLiteral("2026-11-02"),
            .minutes = 30,
            .source = QStringLiteral("harvest"),
            .externalId = QStringLiteral("h-7") });
    const QString table = tables::timeEntriesSpec().table;
    QCOMPARE(newest(scratch.db(), table, entry).operation, QStringLiteral("insert"));

    tables::AgencyTableModel model(tables::timeEntriesSpec(), scratch.db());
    const int r = row(model, entry);
    QVERIFY(r >= 0);
    QVERIFY(model.setData(model.index(r, model.fieldIndex(QStringLiteral("minutes"))), 45));
    QVERIFY2(model.save(), qPrintable(model.lastMessage()));
    const history::Change changed = newest(scratch.db(), table, entry);
    QCOMPARE(changed.operation, QStringLiteral("update"));
    QVERIFY(changed.field(QStringLiteral("minutes")));
    QVERIFY(model.softDelete({ entry }));
    QCOMPARE(newest(scratch.db(), table, entry).operation, QStringLiteral("soft_delete"));

    const Run done = run(QStringLiteral(AGENCY_OS_BINARY),
        { QStringLiteral("history"), QStringLiteral("--table"), QStringLiteral("time-entries"), QStringLiteral("--db"),
            scratch.dsn(), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("-o"),
            QStringLiteral("-") },
        m_env);
    QVERIFY2(done.code == 0, qPrintable(done.err));
    QVERIFY2(done.out.contains(",time-entries," + entry.toUtf8() + ",update,minutes,30,45,"), done.out.constData());
    QVERIFY2(done.out.contains(",time-entries," + entry.toUtf8() + ",insert,external_id,,h-7,"), done.out.constData());
    QVERIFY(done.out.contains(",soft_delete,deleted_at,,"));
}

void TestHistory::historyCommandPrintsOneRowPerColumn()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const QString tier = test::add(scratch.db(), test::Tier { .name = QStringLiteral("Gold") });
    const QString client = test::add(scratch.db(), test::Client { .name = QStringLiteral("Initech"), .tier = tier });
    const QString table = tables::clientsSpec().table;
    QVERIFY(test::execute(scratch.db(),
        QStringLiteral("UPDATE %1 SET client_legal_name = 'Initech, Inc.', is_active = ? WHERE id = ?").arg(table),
        { scratch.isPostgres() ? QVariant(false) : QVariant(0), client }));

    const QString out = QDir(m_home.path()).filePath(QStringLiteral("history.csv"));
    Run done = run(QStringLiteral(AGENCY_OS_BINARY),
        { QStringLiteral("history"), QStringLiteral("--table"), QStringLiteral("clients"), QStringLiteral("--id"),
            client, QStringLiteral("--db"), scratch.dsn(), QStringLiteral("--format"), QStringLiteral("csv"),
            QStringLiteral("--output"), out },
        m_env);
    QVERIFY2(done.code == 0, qPrintable(done.err));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.constFirst(),
        QByteArray("changed_at,table,row_id,operation,column,old_value,new_value,db_role,app_user,source\r"));
    // Oldest first: the insert's columns (name, tier, active, type), then the update's two, in the table's order.
    QList<QByteArray> body;
    for (const QByteArray& line : lines.mid(1)) {
        if (!line.isEmpty())
            body << line.chopped(1);
    }
    QVERIFY2(body.size() >= 6, body.join('\n').constData());
    QVERIFY(body.constFirst().contains(",clients," + client.toUtf8() + ",insert,client_name,,Initech,"));
    QVERIFY(body.at(body.size() - 2).contains(",update,client_legal_name,,\"Initech, Inc.\","));
    QVERIFY2(body.constLast().contains(",update,is_active,true,false,"), body.constLast().constData());
    QVERIFY(QDateTime::fromString(QString::fromUtf8(body.constLast().left(24)), Qt::ISODateWithMs).isValid());
    QVERIFY(body.constLast().endsWith(",other") || body.constLast().endsWith(",app"));

    // JSON to standard output: the same rows, NULL as null.
    done = run(QStringLiteral(AGENCY_OS_BINARY),
        { QStringLiteral("history"), QStringLiteral("--id"), client, QStringLiteral("--db"), scratch.dsn(),
            QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("-o"), QStringLiteral("-") },
        m_env);
    QVERIFY2(done.code == 0, qPrintable(done.err));
    QJsonParseError parsed {};
    const QJsonArray rows = QJsonDocument::fromJson(done.out, &parsed).array();
    QVERIFY2(parsed.error == QJsonParseError::NoError, qPrintable(parsed.errorString()));
    QCOMPARE(rows.size(), body.size());
    const QJsonObject last = rows.last().toObject();
    QCOMPARE(last.value(QStringLiteral("column")).toString(), QStringLiteral("is_active"));
    QCOMPARE(last.value(QStringLiteral("new_value")).toString(), QStringLiteral("false"));
    QVERIFY(rows.first().toObject().value(QStringLiteral("old_value")).isNull());
    QCOMPARE(last.value(QStringLiteral("table")).toString(), QStringLiteral("clients"));

    // A window in the future has nothing; a bad date or table is a usage error naming the option.
    done = run(QStringLiteral(AGENCY_OS_BINARY),
        { QStringLiteral("history"), QStringLiteral("--since"), QStringLiteral("2999-01-01"), QStringLiteral("--db"),
            scratch.dsn(), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("-o"),
            QStringLiteral("-") },
        m_env);
    QVERIFY2(done.code == 0, qPrintable(done.err));
    QCOMPARE(done.out.count('\n'), 1);
    done = run(QStringLiteral(AGENCY_OS_BINARY),
        { QStringLiteral("history"), QStringLiteral("--until"), QStringLiteral("yesterday"), QStringLiteral("--db"),
            scratch.dsn(), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("-o"),
            QStringLiteral("-") },
        m_env);
    QCOMPARE(done.code, 2);
    QVERIFY2(done.err.contains(QStringLiteral("--until")), qPrintable(done.err));
    done = run(QStringLiteral(AGENCY_OS_BINARY),
        { QStringLiteral("history"), QStringLiteral("--table"), QStringLiteral("issues"), QStringLiteral("--format"),
            QStringLiteral("csv"), QStringLiteral("-o"), QStringLiteral("-") },
        m_env);
    QCOMPARE(done.code, 2);
    QVERIFY2(done.err.contains(QStringLiteral("--table")), qPrintable(done.err));
    // Each other wrong line is a usage error that names what is wrong, and writes nothing.
    const QStringList base { QStringLiteral("history"), QStringLiteral("--db"), scratch.dsn() };
    const QList<QPair<QStringList, QString>> wrong {
        { { QStringLiteral("--id"), QStringLiteral("not-a-uuid"), QStringLiteral("--format"), QStringLiteral("csv"),
              QStringLiteral("-o"), QStringLiteral("-") },
            QStringLiteral("--id") },
        { { QStringLiteral("-o"), QStringLiteral("-") }, QStringLiteral("--format") },
        { { QStringLiteral("--format"), QStringLiteral("xml"), QStringLiteral("-o"), QStringLiteral("-") },
            QStringLiteral("--format") },
        { { QStringLiteral("--format"), QStringLiteral("csv") }, QStringLiteral("--output") },
        { { QStringLiteral("--before"), QStringLiteral("2026-01-01"), QStringLiteral("--format"), QStringLiteral("csv"),
              QStringLiteral("-o"), QStringLiteral("-") },
            QStringLiteral("prune") },
        { { QStringLiteral("purge"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("-o"),
              QStringLiteral("-") },
            QStringLiteral("purge") },
    };
    for (const auto& [arguments, named] : wrong) {
        done = run(QStringLiteral(AGENCY_OS_BINARY), base + arguments, m_env);
        QCOMPARE(done.code, 2);
        QVERIFY2(done.err.contains(named), qPrintable(arguments.join(u' ') + QStringLiteral(": ") + done.err));
        QVERIFY(done.out.isEmpty());
    }
}

void TestHistory::pruneDeletesOnlyTheOldHistory()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    for (int i = 0; i < 30; ++i)
        test::add(scratch.db(), test::Client { .name = QStringLiteral("Client %1").arg(i) });
    const QString log = QStringLiteral("agency_change_log");
    QCOMPARE(test::scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM %1").arg(log)).toInt(), 30);
    // Ten of them are old.
    QVERIFY(test::execute(scratch.db(),
        QStringLiteral("UPDATE %1 SET changed_at = %2 WHERE id IN (SELECT id FROM %1 ORDER BY id LIMIT 10)")
            .arg(log,
                scratch.isPostgres() ? QStringLiteral("'2020-01-01T00:00:00Z'")
                                     : QStringLiteral("'2020-01-01T00:00:00.000Z'"))));
    // In batches smaller than what it deletes, telling how far it got.
    QList<qint64> told;
    QString error;
    const qint64 deleted = history::prune(
        scratch.db(), QDateTime(QDate(2021, 1, 1), QTime(0, 0), Qt::UTC),
        [&told](qint64 done) {
            told << done;
            return true;
        },
        &error, 4);
    QCOMPARE(deleted, 10);
    QVERIFY2(told.size() >= 3, qPrintable(QString::number(told.size())));
    QCOMPARE(told.constLast(), 10);
    QCOMPARE(test::scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM %1").arg(log)).toInt(), 20);
    QCOMPARE(
        test::scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM %1").arg(tables::clientsSpec().table)).toInt(),
        30);

    // The command: the rest, by the day after tomorrow.
    const QString day = QDate::currentDate().addDays(2).toString(Qt::ISODate);
    Run done = run(QStringLiteral(AGENCY_OS_BINARY),
        { QStringLiteral("history"), QStringLiteral("prune"), QStringLiteral("--before"), day, QStringLiteral("--db"),
            scratch.dsn() },
        m_env);
    QVERIFY2(done.code == 0, qPrintable(done.err));
    QVERIFY2(done.out.contains("deleted 20 history rows"), done.out.constData());
    QCOMPARE(test::scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM %1").arg(log)).toInt(), 0);
    done = run(QStringLiteral(AGENCY_OS_BINARY),
        { QStringLiteral("history"), QStringLiteral("prune"), QStringLiteral("--db"), scratch.dsn() }, m_env);
    QCOMPARE(done.code, 2);
    QVERIFY2(done.err.contains(QStringLiteral("--before")), qPrintable(done.err));
}

// A role granted its tables before migration 0008 may not read the history. A save that meets a row deleted
// elsewhere asks the history who did it; that question must not abort the save's transaction on PostgreSQL, where
// the other rows are still written.
void TestHistory::aRoleThatMayNotReadTheHistoryStillSaves()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("postgresql"));
    QVERIFY(scratch.migrate());
    const QString client = test::add(scratch.db(), test::Client { .name = QStringLiteral("Acme") });
    const QString gone = test::add(scratch.db(), test::Campaign { .client = client, .brief = QStringLiteral("a") });
    const QString kept = test::add(scratch.db(), test::Campaign { .client = client, .brief = QStringLiteral("b") });
    const QString table = tables::campaignsSpec().table;
    const QString role = QStringLiteral("nolog_%1").arg(QCoreApplication::applicationPid());
    QVERIFY(test::execute(scratch.db(), QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'n-pass'").arg(role)));
    QVERIFY(test::execute(scratch.db(),
        QStringLiteral("GRANT SELECT ON agency_sla_tiers, agency_clients, agency_campaigns, agency_campaign_channels, "
                       "agency_schema_migrations TO %1")
            .arg(role)));
    QVERIFY(test::execute(scratch.db(), QStringLiteral("GRANT UPDATE ON %1 TO %2").arg(table, role)));
    auto where = *db::ConnectionString::parse(scratch.dsn(), nullptr);
    where.user = role;
    where.password = QStringLiteral("n-pass");
    QString error;
    {
        QSqlDatabase db = db::openDatabase(where, role, &error);
        QVERIFY2(db.isOpen(), qPrintable(error));
        QVERIFY(!history::isAvailable(db));
        tables::AgencyTableModel model(tables::campaignsSpec(), db);
        const int brief = model.fieldIndex(QStringLiteral("campaign_brief"));
        QVERIFY(model.setData(model.index(row(model, gone), brief), QStringLiteral("mine a")));
        QVERIFY(model.setData(model.index(row(model, kept), brief), QStringLiteral("mine b")));
        QVERIFY(test::execute(scratch.db(),
            QStringLiteral("UPDATE %1 SET deleted_at = CURRENT_TIMESTAMP WHERE id = ?").arg(table), { gone }));
        model.save();
        QCOMPARE(test::scalar(
                     scratch.db(), QStringLiteral("SELECT campaign_brief FROM %1 WHERE id = ?").arg(table), { kept })
                     .toString(),
            QStringLiteral("mine b"));
        QCOMPARE(model.conflicts().size(), 1);
        QVERIFY(model.conflicts().constFirst().deletedElsewhere);
    }
    db::closeDatabase(role);
    QVERIFY(test::execute(scratch.db(), QStringLiteral("DROP OWNED BY %1; DROP ROLE %1").arg(role)));
}

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
