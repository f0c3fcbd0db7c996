// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 30: the account desk's reports — contracts, work progress, response times (SLA) — from the agency tables and
// Plane's own rows (tests/fixtures/plane_postgresql.sql, built from Plane's models with deleted, archived, draft and
// triage issues), each figure checked against values worked out by hand and against a second query written
// differently; and `agency-os report …` as scripts call it.
#include "reports/contractreport.h"
#include "reports/progressreport.h"
#include "reports/retainerreport.h"
#include "reports/slareport.h"
#include "support/builders.h"
#include "support/scratchdatabase.h"
#include "time/timeimport.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace agency;

namespace {
const QString acmeWorkspace = QStringLiteral("11111111-1111-4111-8111-111111111111");
const QString springLaunch = QStringLiteral("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa");

struct Run {
    int code = -1;
    QString out;
    QString err;
};

Run agencyOs(const QStringList& arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(AGENCY_OS_BINARY), arguments);
    Run run;
    if (!process.waitForFinished(60000))
        return run;
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString tierWithTerms(const QSqlDatabase& db)
{
    return test::add(db,
        test::Tier { .name = QStringLiteral("Gold"),
            .responseTimeHours = 8,
            .monthlyHoursIncluded = 10,
            .hourlyRate = QStringLiteral("120.50"),
            .monthlyRetainer = QStringLiteral("4000.00") });
}

QStringList lines(const QString& out)
{
    QStringList all = out.split(QStringLiteral("\r\n"));
    if (!all.isEmpty() && all.constLast().isEmpty())
        all.removeLast();
    return all;
}
}

class TestDeskReports : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void contractsRemindAsTheDaysSay_data() { test::addBackendData(); }
    void contractsRemindAsTheDaysSay();
    void slaFromPlanesOwnRows();
    void slaAgreesWithASecondQuery();
    void slaInBusinessHours();
    void slaOnSqliteSaysPlaneIsNotThere();
    void progressSaysWherePlaneStands();
    void retainerFromPlanesTimeLogs();
    void retainerFromTheAppsTimeEntries_data() { test::addBackendData(); }
    void retainerFromTheAppsTimeEntries();
    void timeTrackerExportsImportOnce_data() { test::addBackendData(); }
    void timeTrackerExportsImportOnce();
    void timeExportWithAnUnknownClientWritesNothing();
    void quantilesInterpolateAsPostgresDoes();
    void reportsAsWorkbooks();
    void badArgumentsAreUsageErrors();
};

namespace {
// The cells of an .xlsx file's first sheet as an independent reader (openpyxl) reads them: value and type per cell.
QJsonArray workbookCells(const QString& path)
{
    QProcess reader;
    reader.start(QStringLiteral("/usr/bin/python3"),
        { QStringLiteral("-c"),
            QStringLiteral("import json, sys, openpyxl\n"
                           "ws = openpyxl.load_workbook(sys.argv[1]).active\n"
                           "print(json.dumps([[[None if c.value is None else str(c.value), c.data_type] for c in r] "
                           "for r in ws.iter_rows()]))"),
            path });
    if (!reader.waitForFinished(60000) || reader.exitCode() != 0)
        qWarning("%s", reader.readAllStandardError().constData());
    return QJsonDocument::fromJson(reader.readAllStandardOutput()).array();
}
}

// Issue 31.3: the retainer ledger and the finance figures as workbooks of real cells, read by openpyxl: hours and
// money as numbers (1.5 h used of 1 included, 0.5 h over at 80.00: 40.00, 540.00 to invoice), dates as dates,
// booleans as booleans; and the command refuses a format it does not write.
void TestDeskReports::reportsAsWorkbooks()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("sqlite"));
    QVERIFY(scratch.migrate());
    const QString tier = test::add(scratch.db(),
        test::Tier { .monthlyHoursIncluded = 1,
            .hourlyRate = QStringLiteral("80.00"),
            .monthlyRetainer = QStringLiteral("500.00") });
    const QString acme = test::add(scratch.db(), test::Client { .name = QStringLiteral("Acme"), .tier = tier });
    QVERIFY(!test::add(
        scratch.db(), test::TimeEntry { .client = acme, .date = QStringLiteral("2026-11-03"), .minutes = 90 })
                 .isEmpty());
    QVERIFY(!test::add(scratch.db(),
        test::Campaign { .client = acme,
            .allocated = QStringLiteral("1000.00"),
            .spent = QStringLiteral("250.50"),
            .start = QStringLiteral("2026-11-01"),
            .end = QStringLiteral("2027-01-31") })
                 .isEmpty());
    QTemporaryDir dir;
    const QString ledger = dir.filePath(QStringLiteral("retainer.xlsx"));
    Run run = agencyOs({ QStringLiteral("report"), QStringLiteral("retainer"), QStringLiteral("--month"),
        QStringLiteral("2026-11"), QStringLiteral("--db"), scratch.dsn(), QStringLiteral("--format"),
        QStringLiteral("xlsx"), QStringLiteral("-o"), ledger });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QJsonArray rows = workbookCells(ledger);
    QCOMPARE(rows.size(), 2);
    const auto cell = [&](int row, const char* column) {
        const QJsonArray header = rows.at(0).toArray();
        for (qsizetype c = 0; c < header.size(); ++c) {
            if (header.at(c).toArray().at(0).toString() == QLatin1String(column))
                return rows.at(row).toArray().at(c).toArray();
        }
        return QJsonArray();
    };
    // A number cell, as its value reads (1000 and 1000.0 alike).
    const auto number = [&](int row, const char* column) {
        const QJsonArray c = cell(row, column);
        return c.at(1).toString() == QStringLiteral("n") ? c.at(0).toString().toDouble() : -1.0;
    };
    QCOMPARE(number(1, "hours_used"), 1.5);
    QCOMPARE(number(1, "overage_amount"), 40.0);
    QCOMPARE(number(1, "invoice_total"), 540.0);
    QCOMPARE(cell(1, "month").at(0).toString(), QStringLiteral("2026-11"));

    const QString finance = dir.filePath(QStringLiteral("finance.xlsx"));
    run = agencyOs({ QStringLiteral("report"), QStringLiteral("finance"), QStringLiteral("--db"), scratch.dsn(),
        QStringLiteral("-o"), finance });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    rows = workbookCells(finance);
    QCOMPARE(rows.size(), 4); // the header, the total, the client, the campaign
    QCOMPARE(cell(3, "section").at(0).toString(), QStringLiteral("campaign"));
    QCOMPARE(number(3, "allocated"), 1000.0);
    QCOMPARE(number(3, "spent"), 250.5);
    QCOMPARE(number(3, "remaining"), 749.5);
    QCOMPARE(cell(3, "start_date"), (QJsonArray { QStringLiteral("2026-11-01 00:00:00"), QStringLiteral("d") }));
    QCOMPARE(cell(3, "client_active"), (QJsonArray { QStringLiteral("True"), QStringLiteral("b") }));
    QCOMPARE(number(1, "campaigns"), 1.0);

    run = agencyOs({ QStringLiteral("report"), QStringLiteral("retainer"), QStringLiteral("--db"), scratch.dsn(),
        QStringLiteral("--format"), QStringLiteral("ods"), QStringLiteral("-o"), QStringLiteral("-") });
    QCOMPARE(run.code, 2);
    QVERIFY2(run.err.contains(QStringLiteral("csv, xlsx or pdf")), qPrintable(run.err));
}

// Clients whose contract ends within 30, 60 or 90 days, and active ones whose contract has ended: by hand from the
// dates given, as of a fixed day and through the command (as of today).
void TestDeskReports::contractsRemindAsTheDaysSay()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const QDate today = QDate::currentDate();
    const auto client = [&](const char* name, int days, bool active) {
        return test::add(scratch.db(),
            test::Client { .name = QString::fromLatin1(name),
                .active = active,
                .contractEnd = today.addDays(days).toString(Qt::ISODate) });
    };
    const QString soon = client("Soon Ltd", 0, true);
    const QString month = client("Month Ltd", 30, true);
    const QString two = client("Two Months Ltd", 31, true);
    const QString three = client("Three Months Ltd", 90, false); // inactive, still ending: reminded
    client("Later Ltd", 91, true);
    const QString ended = client("Ended Ltd", -1, true);
    client("Closed Ltd", -10, false); // ended and inactive: nothing to do
    const QString gone = client("Deleted Ltd", 5, true);
    QVERIFY(test::execute(scratch.db(),
        QStringLiteral("UPDATE agency_clients SET deleted_at = CURRENT_TIMESTAMP WHERE id = ?"), { gone }));
    QVERIFY(!test::add(scratch.db(), test::Client { .name = QStringLiteral("No Contract Ltd") }).isEmpty());

    QString error;
    const auto reminders = reports::readContractReminders(scratch.db(), today, {}, &error);
    QVERIFY2(reminders, qPrintable(error));
    QStringList got;
    for (const auto& r : *reminders)
        got << QStringLiteral("%1 %2 %3").arg(r.clientName).arg(r.daysLeft).arg(r.code());
    QCOMPARE(got,
        (QStringList { QStringLiteral("Ended Ltd -1 ended_but_active"), QStringLiteral("Soon Ltd 0 ending_30"),
            QStringLiteral("Month Ltd 30 ending_30"), QStringLiteral("Two Months Ltd 31 ending_60"),
            QStringLiteral("Three Months Ltd 90 ending_90") }));

    const Run run
        = agencyOs({ QStringLiteral("report"), QStringLiteral("contracts"), QStringLiteral("--db"), scratch.dsn(),
            QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--output"), QStringLiteral("-") });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    const QStringList csv = lines(run.out);
    QCOMPARE(csv.size(), 6);
    QCOMPARE(csv.at(0), QStringLiteral("client_id,client_name,contract_end_date,days_left,reminder"));
    QCOMPARE(csv.at(1),
        QStringLiteral("%1,Ended Ltd,%2,-1,ended_but_active").arg(ended, today.addDays(-1).toString(Qt::ISODate)));
    QCOMPARE(
        csv.at(3), QStringLiteral("%1,Month Ltd,%2,30,ending_30").arg(month, today.addDays(30).toString(Qt::ISODate)));
    QVERIFY(csv.at(2).startsWith(soon) && csv.at(4).startsWith(two) && csv.at(5).startsWith(three));

    // One client's, as --client asks.
    const Run one = agencyOs({ QStringLiteral("report"), QStringLiteral("contracts"), QStringLiteral("--client"), two,
        QStringLiteral("--db"), scratch.dsn(), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("-o"),
        QStringLiteral("-") });
    QCOMPARE(lines(one.out).size(), 2);
    QVERIFY(lines(one.out).at(1).startsWith(two));
}

// Acme's February 2024 (tier: 8 hours), worked out by hand from the fixture's comments and state changes: ten
// requests (the draft and the deleted one left out, the archived, the triage and the cancelled one in, two written
// on the 29th in UTC and none of March's); six answered, in 0.5, 1.5, 4, 8, 11 and 48 hours: median 6.00, 90th
// percentile 29.50; breaches: 11 h and 48 h, and the four never answered.
void TestDeskReports::slaFromPlanesOwnRows()
{
    AGENCY_SCRATCH(pg, QStringLiteral("postgresql"));
    QVERIFY(pg.migrate());
    QVERIFY(pg.loadPlaneFixture());
    const QString acme = test::add(pg.db(),
        test::Client { .name = QStringLiteral("Acme"), .tier = tierWithTerms(pg.db()), .workspace = acmeWorkspace });
    QVERIFY(!test::add(pg.db(), test::Client { .name = QStringLiteral("Unlinked") }).isEmpty());
    const QDateTime now(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    const reports::SlaReading february = reports::readSla(pg.db(), QDate(2024, 2, 1), {}, now);
    QVERIFY2(february.available, qPrintable(february.unavailable));
    QCOMPARE(february.clients.size(), 1);
    const reports::ClientSla& sla = february.clients.constFirst();
    QCOMPARE(sla.clientId, acme);
    QCOMPARE(sla.issues, 10);
    QCOMPARE(sla.responded, 6);
    QCOMPARE(*sla.medianHundredths, 600);
    QCOMPARE(*sla.p90Hundredths, 2950);
    QStringList breaches;
    for (const auto& issue : sla.breaches)
        breaches << issue.identifier + u' ' + issue.name;
    breaches.sort();
    QCOMPARE(breaches,
        (QStringList { QStringLiteral("OLD-1 Leap day request"), QStringLiteral("OLD-2 Late evening in Berlin"),
            QStringLiteral("SPR-3 Video cut"), QStringLiteral("SPR-4 Newsletter"), QStringLiteral("SPR-6 Print flyer"),
            QStringLiteral("SPR-7 Customer request") }));
    QVERIFY(sla.aboutToBreach.isEmpty());
    QVERIFY2(february.notes.join(u' ').contains(QStringLiteral("linked to no Plane workspace")),
        qPrintable(february.notes.join(u' ')));

    // March: the one request written on the 1st (UTC), unanswered; measured the hour after, it is about to breach.
    const reports::SlaReading march
        = reports::readSla(pg.db(), QDate(2024, 3, 1), acme, QDateTime(QDate(2024, 3, 1), QTime(7, 0), Qt::UTC));
    QCOMPARE(march.clients.constFirst().issues, 1);
    QCOMPARE(march.clients.constFirst().responded, 0);
    QVERIFY(!march.clients.constFirst().medianHundredths);
    QCOMPARE(march.clients.constFirst().breaches.size(), 0);
    QCOMPARE(march.clients.constFirst().aboutToBreach.size(), 1);

    // The command, as an audit calls it.
    const Run run = agencyOs({ QStringLiteral("report"), QStringLiteral("sla"), QStringLiteral("--month"),
        QStringLiteral("2024-02"), QStringLiteral("--client"), acme, QStringLiteral("--db"), pg.dsn(),
        QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--output"), QStringLiteral("-") });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(lines(run.out),
        (QStringList { QStringLiteral("client_id,month,issues,responded,median_response_hours,p90_response_hours,"
                                      "breaches,response_time_hours"),
            QStringLiteral("%1,2024-02,10,6,6.00,29.50,6,8").arg(acme) }));
    // Plane's tables were only read.
    QCOMPARE(test::scalar(pg.db(), QStringLiteral("SELECT count(*) FROM issue_comments")).toInt(), 7);
}

// The same month by a second query written another way (events unioned, then percentile_cont), for every figure.
void TestDeskReports::slaAgreesWithASecondQuery()
{
    AGENCY_SCRATCH(pg, QStringLiteral("postgresql"));
    QVERIFY(pg.migrate());
    QVERIFY(pg.loadPlaneFixture());
    const QString acme = test::add(pg.db(),
        test::Client { .name = QStringLiteral("Acme"), .tier = tierWithTerms(pg.db()), .workspace = acmeWorkspace });
    QSqlQuery second(pg.db());
    QVERIFY(second.exec(QStringLiteral(
        "WITH feb AS (SELECT i.id, i.created_at, i.created_by_id FROM issues i WHERE i.workspace_id = '%1' AND "
        "i.deleted_at IS NULL AND NOT i.is_draft AND i.created_at >= timestamptz '2024-02-01 00:00:00+00' AND "
        "i.created_at < timestamptz '2024-03-01 00:00:00+00'), "
        "events AS (SELECT c.issue_id, c.created_at AS at FROM issue_comments c JOIN feb f ON f.id = c.issue_id "
        "  WHERE c.deleted_at IS NULL AND (COALESCE(c.actor_id, c.created_by_id) <> f.created_by_id OR "
        "  (COALESCE(c.actor_id, c.created_by_id) IS NULL) <> (f.created_by_id IS NULL)) "
        "  UNION ALL SELECT a.issue_id, a.created_at FROM issue_activities a JOIN states s ON s.id = a.new_identifier "
        "  WHERE a.field = 'state' AND s.\"group\" = 'started'), "
        "firsts AS (SELECT f.id, f.created_at, min(e.at) AS first FROM feb f LEFT JOIN events e ON e.issue_id = f.id "
        "  GROUP BY f.id, f.created_at) "
        "SELECT count(*), count(first), "
        "round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first - created_at)) / 3600)::numeric, "
        "2), "
        "round((percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM first - created_at)) / 3600)::numeric, "
        "2), "
        "count(*) FILTER (WHERE first - created_at > interval '8 hours' OR (first IS NULL AND "
        "  timestamptz '2026-01-01 00:00:00+00' - created_at > interval '8 hours')) FROM firsts")
                            .arg(acmeWorkspace)));
    QVERIFY(second.next());
    const reports::SlaReading reading
        = reports::readSla(pg.db(), QDate(2024, 2, 1), acme, QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
    const reports::ClientSla& sla = reading.clients.constFirst();
    QCOMPARE(sla.issues, second.value(0).toInt());
    QCOMPARE(sla.responded, second.value(1).toInt());
    QCOMPARE(reports::ReportCell::hours(sla.medianHundredths).csv(), second.value(2).toString().toUtf8());
    QCOMPARE(reports::ReportCell::hours(sla.p90Hundredths).csv(), second.value(3).toString().toUtf8());
    QCOMPARE(sla.breaches.size(), second.value(4).toInt());
}

// The same February counted in an office's hours, Mon-Fri 09:00-17:00 in Berlin (08:00-16:00 UTC in winter), worked
// out by hand: the requests came on Monday 5 February at 09:00 UTC. #1 1.5 h, #2 4 h, #3 answered at 20:00 UTC: 7 h
// (until 16:00), no longer a breach; #5 at 17:00 UTC: 7 h; #7 on Wednesday at 09:00 UTC: 7 + 8 + 1 = 16 h; #9 0.5 h.
// Sorted 0.5, 1.5, 4, 7, 7, 16: median 5.50, 90th percentile 7 + 0.5 × 9 = 11.50; breaches #7 and the four never
// answered. March's request (Friday 00:00 UTC) measured at 07:00 UTC has waited no working time: not about to breach.
void TestDeskReports::slaInBusinessHours()
{
    AGENCY_SCRATCH(pg, QStringLiteral("postgresql"));
    QVERIFY(pg.migrate());
    QVERIFY(pg.loadPlaneFixture());
    const QString acme = test::add(pg.db(),
        test::Client { .name = QStringLiteral("Acme"), .tier = tierWithTerms(pg.db()), .workspace = acmeWorkspace });
    QString error;
    const auto office = domain::BusinessHours::parse(QStringLiteral("Mon-Fri 09:00-17:00 Europe/Berlin"), &error);
    QVERIFY2(office, qPrintable(error));
    const reports::SlaReading february = reports::readSla(
        pg.db(), QDate(2024, 2, 1), acme, QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC), *office);
    const reports::ClientSla& sla = february.clients.constFirst();
    QCOMPARE(sla.issues, 10);
    QCOMPARE(sla.responded, 6);
    QCOMPARE(*sla.medianHundredths, 550);
    QCOMPARE(*sla.p90Hundredths, 1150);
    QStringList breaches;
    for (const auto& issue : sla.breaches)
        breaches << issue.identifier;
    breaches.sort();
    QCOMPARE(breaches,
        (QStringList { QStringLiteral("OLD-1"), QStringLiteral("OLD-2"), QStringLiteral("SPR-4"),
            QStringLiteral("SPR-6"), QStringLiteral("SPR-7") }));

    const reports::SlaReading march = reports::readSla(
        pg.db(), QDate(2024, 3, 1), acme, QDateTime(QDate(2024, 3, 1), QTime(7, 0), Qt::UTC), *office);
    QCOMPARE(march.clients.constFirst().breaches.size(), 0);
    QCOMPARE(march.clients.constFirst().aboutToBreach.size(), 0);

    // The command, with the hours as a person types them; the PDF says what the hours count.
    const QStringList base { QStringLiteral("report"), QStringLiteral("sla"), QStringLiteral("--month"),
        QStringLiteral("2024-02"), QStringLiteral("--client"), acme, QStringLiteral("--db"), pg.dsn(),
        QStringLiteral("--output"), QStringLiteral("-") };
    const Run run = agencyOs(base
        + QStringList { QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--business-hours"),
            QStringLiteral("Mon-Fri 09:00-17:00 Europe/Berlin") });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(lines(run.out).value(1), QStringLiteral("%1,2024-02,10,6,5.50,11.50,5,8").arg(acme));
    const Run bad = agencyOs(base
        + QStringList { QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--business-hours"),
            QStringLiteral("Mo-Fr 9-17") });
    QCOMPARE(bad.code, 2);
    QVERIFY2(bad.err.contains(QStringLiteral("--business-hours")) && bad.err.contains(QStringLiteral("Mo-Fr")),
        qPrintable(bad.err));
    QVERIFY(bad.out.isEmpty());
    const Run elsewhere = agencyOs({ QStringLiteral("report"), QStringLiteral("retainer"), QStringLiteral("--db"),
        pg.dsn(), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("-o"), QStringLiteral("-"),
        QStringLiteral("--business-hours"), QStringLiteral("Mon-Fri 09:00-17:00") });
    QCOMPARE(elsewhere.code, 2);
    QVERIFY2(elsewhere.err.contains(QStringLiteral("report sla")), qPrintable(elsewhere.err));
}

// The embedded database has no Plane: the report says so and writes its header, and the command still succeeds.
void TestDeskReports::slaOnSqliteSaysPlaneIsNotThere()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("sqlite"));
    QVERIFY(scratch.migrate());
    QString error;
    const auto table
        = reports::slaReport(scratch.db(), QDate(2024, 2, 1), {}, QDateTime::currentDateTimeUtc(), {}, &error);
    QVERIFY2(table, qPrintable(error));
    QVERIFY(table->rows.isEmpty());
    QVERIFY2(table->notes.join(u' ').contains(QStringLiteral("SQLite")), qPrintable(table->notes.join(u' ')));
    const Run run = agencyOs({ QStringLiteral("report"), QStringLiteral("sla"), QStringLiteral("--db"), scratch.dsn(),
        QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("-o"), QStringLiteral("-") });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(lines(run.out).size(), 1);
}

// One row a campaign: its project's state in Plane in the words of the contract, and its work beside its money.
void TestDeskReports::progressSaysWherePlaneStands()
{
    AGENCY_SCRATCH(pg, QStringLiteral("postgresql"));
    QVERIFY(pg.migrate());
    QVERIFY(pg.loadPlaneFixture());
    const QString client = test::add(pg.db(), test::Client { .name = QStringLiteral("Acme") });
    const auto campaign = [&](const QString& id, const QVariant& project) {
        return test::add(pg.db(),
            test::Campaign { .id = id,
                .client = client,
                .allocated = QStringLiteral("1000.00"),
                .spent = QStringLiteral("600.00"),
                .start = QStringLiteral("2024-01-01"),
                .end = QStringLiteral("2024-12-31"),
                .project = project });
    };
    campaign(QStringLiteral("30000000-0000-4000-8000-000000000001"), springLaunch);
    campaign(
        QStringLiteral("30000000-0000-4000-8000-000000000002"), QStringLiteral("bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb"));
    campaign(
        QStringLiteral("30000000-0000-4000-8000-000000000003"), QStringLiteral("cccccccc-cccc-4ccc-8ccc-cccccccccccc"));
    campaign(
        QStringLiteral("30000000-0000-4000-8000-000000000004"), QStringLiteral("eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee"));
    campaign(
        QStringLiteral("30000000-0000-4000-8000-000000000005"), QStringLiteral("44444444-4444-4444-8444-444444444444"));
    campaign(QStringLiteral("30000000-0000-4000-8000-000000000006"), QVariant());
    const Run run = agencyOs({ QStringLiteral("report"), QStringLiteral("progress"), QStringLiteral("--month"),
        QStringLiteral("2024-07"), QStringLiteral("--db"), pg.dsn(), QStringLiteral("--format"), QStringLiteral("csv"),
        QStringLiteral("--output"), QStringLiteral("-") });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    const QStringList csv = lines(run.out);
    QCOMPARE(csv.size(), 7);
    QCOMPARE(csv.at(0),
        QStringLiteral("campaign_id,plane_project_id,plane_state,issues_done,issues_counted,points_done,points_total,"
                       "spent_pct,elapsed_pct"));
    // As of 31 July 2024: 212 of 365 days gone (58.08 %); 600 of 1,000 spent. Spring Launch: 2 of 5 done, 8 of 18
    // points.
    QCOMPARE(csv.at(1),
        QStringLiteral("30000000-0000-4000-8000-000000000001,%1,live,2,5,8.00,18.00,60.00,58.08").arg(springLaunch));
    QVERIFY2(csv.at(2).contains(QStringLiteral(",archived,")), qPrintable(csv.at(2)));
    QVERIFY2(csv.at(3).contains(QStringLiteral(",deleted,")), qPrintable(csv.at(3)));
    QVERIFY2(csv.at(4).contains(QStringLiteral(",workspace_deleted,")), qPrintable(csv.at(4)));
    QVERIFY2(csv.at(5).contains(QStringLiteral(",missing,")), qPrintable(csv.at(5)));
    QCOMPARE(csv.at(6), QStringLiteral("30000000-0000-4000-8000-000000000006,,unlinked,,,,,60.00,58.08"));
}

// Acme's February 2024 from Plane's time logs (10 h and 20 min; a deleted log and March's left out) against a tier
// of 10 hours at 120.50 with a 4,000.00 retainer: 10.33 h used, 0.33 h over, 1,200 s × 120.50 / 3,600 = 40.1666…
// → 40.17, 4,040.17 to invoice; and the same money by a second query.
void TestDeskReports::retainerFromPlanesTimeLogs()
{
    AGENCY_SCRATCH(pg, QStringLiteral("postgresql"));
    QVERIFY(pg.migrate());
    QVERIFY(pg.loadPlaneFixture());
    const QString acme = test::add(pg.db(),
        test::Client { .name = QStringLiteral("Acme"), .tier = tierWithTerms(pg.db()), .workspace = acmeWorkspace });
    // An entry typed in the app for a client linked to Plane is not counted twice: Plane's logs are its hours.
    QVERIFY(!test::add(pg.db(), test::TimeEntry { .client = acme, .date = QStringLiteral("2024-02-10"), .minutes = 90 })
                 .isEmpty());
    const Run run = agencyOs({ QStringLiteral("report"), QStringLiteral("retainer"), QStringLiteral("--month"),
        QStringLiteral("2024-02"), QStringLiteral("--db"), pg.dsn(), QStringLiteral("--format"), QStringLiteral("csv"),
        QStringLiteral("--output"), QStringLiteral("-") });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(lines(run.out),
        (QStringList { QStringLiteral("client_id,month,hours_included,hours_used,overage_hours,hourly_rate,"
                                      "monthly_retainer,overage_amount,invoice_total"),
            QStringLiteral("%1,2024-02,10.00,10.33,0.33,120.50,4000.00,40.17,4040.17").arg(acme) }));
    const QVariant bySql = test::scalar(pg.db(),
        QStringLiteral("SELECT round(4000.00 + greatest(sum(duration_seconds) - 10 * 3600, 0) * 120.50 / 3600, 2) "
                       "FROM issue_time_logs WHERE workspace_id = '%1' AND deleted_at IS NULL AND date BETWEEN "
                       "'2024-02-01' AND '2024-02-29'")
            .arg(acmeWorkspace));
    QCOMPARE(bySql.toString(), QStringLiteral("4040.17"));
}

// Without Plane (or without a link to it) the hours are the app's own time entries: 10 h 25 min in the month (a
// deleted entry and one of March left out) against 10 hours at 99.99: 1,500 s over, × 99.99 / 3,600 = 41.6625 →
// 41.66. A client without a tier has no allowance: its overage and total are unknown, not zero; an inactive client
// is left out.
void TestDeskReports::retainerFromTheAppsTimeEntries()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const QString tier = test::add(scratch.db(),
        test::Tier { .monthlyHoursIncluded = 10,
            .hourlyRate = QStringLiteral("99.99"),
            .monthlyRetainer = QStringLiteral("1500.00") });
    const QString billed = test::add(scratch.db(), test::Client { .name = QStringLiteral("Billed"), .tier = tier });
    const QString loose = test::add(scratch.db(), test::Client { .name = QStringLiteral("No Tier") });
    const QString asleep
        = test::add(scratch.db(), test::Client { .name = QStringLiteral("Asleep"), .tier = tier, .active = false });
    for (const test::TimeEntry& entry :
        { test::TimeEntry { .client = billed, .date = QStringLiteral("2026-11-02"), .minutes = 600 },
            test::TimeEntry { .client = billed, .date = QStringLiteral("2026-11-30"), .minutes = 25 },
            test::TimeEntry { .client = billed, .date = QStringLiteral("2026-12-01"), .minutes = 300 },
            test::TimeEntry { .client = loose, .date = QStringLiteral("2026-11-15"), .minutes = 45 },
            test::TimeEntry { .client = asleep, .date = QStringLiteral("2026-11-15"), .minutes = 45 } })
        QVERIFY(!test::add(scratch.db(), entry).isEmpty());
    const QString gone = test::add(
        scratch.db(), test::TimeEntry { .client = billed, .date = QStringLiteral("2026-11-03"), .minutes = 60 });
    QVERIFY(test::execute(
        scratch.db(), QStringLiteral("UPDATE agency_time_entries SET deleted_at = updated_at WHERE id = ?"), { gone }));
    QString error;
    const auto table = reports::retainerReport(scratch.db(), QDate(2026, 11, 1), {}, &error);
    QVERIFY2(table, qPrintable(error));
    QBuffer csv;
    QVERIFY(csv.open(QIODevice::WriteOnly));
    QVERIFY(reports::writeReportCsv(*table, &csv, &error));
    QCOMPARE(lines(QString::fromUtf8(csv.data())),
        (QStringList { QStringLiteral("client_id,month,hours_included,hours_used,overage_hours,hourly_rate,"
                                      "monthly_retainer,overage_amount,invoice_total"),
            QStringLiteral("%1,2026-11,10.00,10.42,0.42,99.99,1500.00,41.66,1541.66").arg(billed),
            QStringLiteral("%1,2026-11,,0.75,,,,,").arg(loose) }));
}

// Issue 30.3: the detailed reports of Harvest, Toggl Track and Clockify as they export them (tests/fixtures/time),
// matched to clients by name; importing a file again, or an export that overlaps it, adds nothing twice; two
// entries alike but for their start time are two. By hand: Nordlicht Media 2.5 h + 0.75 h (Harvest), 15 + 30 + 30
// min (Toggl), 1.5 h (Clockify) = 360 min; Harbour Ltd 75 + 60 + 15 = 150 min.
void TestDeskReports::timeTrackerExportsImportOnce()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const QString tier = test::add(scratch.db(),
        test::Tier { .monthlyHoursIncluded = 5,
            .hourlyRate = QStringLiteral("120.00"),
            .monthlyRetainer = QStringLiteral("2000.00") });
    const QString nordlicht
        = test::add(scratch.db(), test::Client { .name = QStringLiteral("Nordlicht Media"), .tier = tier });
    const QString harbour = test::add(scratch.db(), test::Client { .name = QStringLiteral("Harbour Ltd") });
    const auto file = [](const char* name) {
        QFile f(QStringLiteral(AGENCY_OS_FIXTURES_DIR "/time/") + QString::fromLatin1(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    const auto minutes = [&](const QString& client) {
        return test::scalar(scratch.db(),
            QStringLiteral("SELECT COALESCE(SUM(minutes), 0) FROM agency_time_entries WHERE client_id = ?"), { client })
            .toInt();
    };
    // A dry run says what it would add and writes nothing.
    const auto dry = timeentries::importTimeEntries(scratch.db(), file("toggl.csv"), true);
    QVERIFY(dry.ok());
    QCOMPARE(dry.added, 4);
    QCOMPARE(minutes(nordlicht), 0);
    for (const auto& [name, tracker, added] : { std::tuple { "harvest.csv", timeentries::Tracker::Harvest, 3 },
             std::tuple { "toggl.csv", timeentries::Tracker::Toggl, 4 },
             std::tuple { "clockify.csv", timeentries::Tracker::Clockify, 2 } }) {
        const auto report = timeentries::importTimeEntries(scratch.db(), file(name), false);
        QVERIFY2(report.ok(), qPrintable(report.problems.isEmpty() ? QString() : report.problems.constFirst().message));
        QCOMPARE(*report.tracker, tracker);
        QCOMPARE(report.added, added);
        QCOMPARE(report.alreadyThere, 0);
    }
    QCOMPARE(minutes(nordlicht), 360);
    QCOMPARE(minutes(harbour), 150);
    QCOMPARE(
        test::scalar(scratch.db(),
            QStringLiteral("SELECT work_date FROM agency_time_entries WHERE source = 'clockify' AND client_id = ?"),
            { harbour })
            .toString()
            .left(10),
        QStringLiteral("2026-11-20")); // 11/20/2026, month first as Clockify writes it
    // The same files again, through the command as a script runs it: nothing added twice.
    for (const char* name : { "harvest.csv", "toggl.csv", "clockify.csv" }) {
        const Run run = agencyOs({ QStringLiteral("import"), QStringLiteral("time-entries"), QStringLiteral("--input"),
            QStringLiteral(AGENCY_OS_FIXTURES_DIR "/time/") + QString::fromLatin1(name), QStringLiteral("--db"),
            scratch.dsn() });
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral(": 0 added")), qPrintable(run.out));
    }
    QCOMPARE(minutes(nordlicht), 360);
    // An export that overlaps (the last Toggl line and a new one): only the new one is added.
    const QList<QByteArray> toggl = file("toggl.csv").split('\n');
    const QByteArray overlapping = toggl.at(0) + '\n' + toggl.at(4) + '\n'
        + QByteArray("Tom Berg,tom@example.com,Harbour Ltd,SEO retainer,,Audit,Yes,2026-11-06,08:00:00,2026-11-06,"
                     "08:45:00,00:45:00,,71.25\r\n");
    const auto again = timeentries::importTimeEntries(scratch.db(), overlapping, false);
    QVERIFY(again.ok());
    QCOMPARE(again.added, 1);
    QCOMPARE(again.alreadyThere, 1);
    QCOMPARE(minutes(harbour), 195);
    // The ledger takes them: 6 h against 5 included, 1 h × 120.00 over.
    QString error;
    const auto ledger = reports::retainerReport(scratch.db(), QDate(2026, 11, 1), nordlicht, &error);
    QVERIFY2(ledger, qPrintable(error));
    QCOMPARE(ledger->rows.size(), 1);
    QCOMPARE(ledger->rows.at(0).at(3).csv(), QByteArray("6.00"));
    QCOMPARE(ledger->rows.at(0).at(7).csv(), QByteArray("120.00"));
    QCOMPARE(ledger->rows.at(0).at(8).csv(), QByteArray("2120.00"));
}

// A line naming a client nobody has, or a date that cannot be read, refuses the whole file with its line.
void TestDeskReports::timeExportWithAnUnknownClientWritesNothing()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("sqlite"));
    QVERIFY(scratch.migrate());
    QVERIFY(!test::add(scratch.db(), test::Client { .name = QStringLiteral("Nordlicht Media") }).isEmpty());
    const QByteArray data = "Date,Client,Project,Task,Notes,Hours,First Name,Last Name\n"
                            "2026-11-02,Nordlicht Media,Web,Design,,1.0,Jana,K\n"
                            "2026-11-02,Nobody GmbH,Web,Design,,1.0,Jana,K\n"
                            "2026-13-02,Nordlicht Media,Web,Design,,1.0,Jana,K\n";
    const auto report = timeentries::importTimeEntries(scratch.db(), data, false);
    QVERIFY(!report.ok());
    QCOMPARE(report.problems.size(), 2);
    QCOMPARE(report.problems.at(0).line, 4); // the date is read before any client is looked up
    QCOMPARE(report.problems.at(1).line, 3);
    QVERIFY(report.problems.at(1).message.contains(QStringLiteral("Nobody GmbH")));
    QCOMPARE(test::scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_time_entries")).toInt(), 0);
    const auto unknown = timeentries::importTimeEntries(scratch.db(), "Name,Amount\nx,1\n", false);
    QVERIFY(!unknown.ok());
    QVERIFY(unknown.problems.constFirst().message.contains(QStringLiteral("Harvest")));
}

void TestDeskReports::quantilesInterpolateAsPostgresDoes()
{
    QVERIFY(!reports::quantileHundredths({}, 5));
    QCOMPARE(*reports::quantileHundredths({ 3600 }, 9), 100);
    QCOMPARE(*reports::quantileHundredths({ 0, 3600 }, 5), 50); // half an hour
    QCOMPARE(*reports::quantileHundredths({ 0, 60 }, 5), 1); // 30 s: 0.0083 h, half up to 0.01
    QCOMPARE(*reports::quantileHundredths({ 1800, 5400, 14400, 28800, 39600, 172800 }, 9), 2950);
}

void TestDeskReports::badArgumentsAreUsageErrors()
{
    for (const QStringList& arguments :
        { QStringList { QStringLiteral("report"), QStringLiteral("sla"), QStringLiteral("--month"),
              QStringLiteral("2024-2"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("-o"),
              QStringLiteral("-") },
            QStringList { QStringLiteral("report"), QStringLiteral("progress"), QStringLiteral("--format"),
                QStringLiteral("ods"), QStringLiteral("-o"), QStringLiteral("-") },
            QStringList { QStringLiteral("report"), QStringLiteral("contracts"), QStringLiteral("--format"),
                QStringLiteral("csv") },
            QStringList { QStringLiteral("report"), QStringLiteral("contracts"), QStringLiteral("--client"),
                QStringLiteral("acme"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("-o"),
                QStringLiteral("-") },
            QStringList { QStringLiteral("report"), QStringLiteral("sla"), QStringLiteral("--status"),
                QStringLiteral("active"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("-o"),
                QStringLiteral("-") },
            QStringList { QStringLiteral("report"), QStringLiteral("finance"), QStringLiteral("--month"),
                QStringLiteral("2024-02"), QStringLiteral("-o"), QStringLiteral("x.pdf") } }) {
        const Run run = agencyOs(arguments);
        QVERIFY2(run.code == 2, qPrintable(arguments.join(u' ') + QStringLiteral(": ") + run.err));
        QVERIFY2(run.err.startsWith(QStringLiteral("agency-os: error:")), qPrintable(run.err));
    }
}

QTEST_GUILESS_MAIN(TestDeskReports)
#include "tst_deskreports.moc"
