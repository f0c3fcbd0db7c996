// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/csvreader.h"
#include "export/sheetreader.h"
#include "export/tableexport.h"
#include "export/tableimport.h"
#include "support/builders.h"
#include "support/scratchdatabase.h"

#include <QBuffer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace agency;
using agency::test::execute;
using agency::test::scalar;

namespace {
const QString acme = QStringLiteral("20000000-0000-4000-8000-000000000001");
const QString evil = QStringLiteral("20000000-0000-4000-8000-000000000002");
const QString campaign = QStringLiteral("30000000-0000-4000-8000-000000000001");

bool load(QSqlDatabase db)
{
    return !test::add(db,
               test::Client { .id = acme,
                   .name = QStringLiteral("Acme"),
                   .legalName = QStringLiteral(""),
                   .industry = QStringLiteral("'=quoted literal"),
                   .notes = QStringLiteral("Line one\r\nLine \"two\"") })
                .isEmpty()
        && !test::add(db,
            test::Client { .id = evil,
                .name = QStringLiteral("=HYPERLINK(\"x\")"),
                .legalName = QStringLiteral(" padded "),
                .industry = QStringLiteral("-Retail"),
                .notes = QStringLiteral("'-minus") })
                .isEmpty()
        && !test::add(db,
            test::Campaign { .id = campaign,
                .client = acme,
                .status = QStringLiteral("active"),
                .allocated = QStringLiteral("1000.00"),
                .start = QStringLiteral("2026-01-01") })
                .isEmpty()
        && !test::add(db,
            test::Channel { .id = QStringLiteral("40000000-0000-4000-8000-000000000001"),
                .campaign = campaign,
                .type = QStringLiteral("meta"),
                .amount = QStringLiteral("400.00"),
                .performance = QStringLiteral("{\"clicks\": 5}") })
                .isEmpty()
        && !test::add(db,
            test::Channel { .id = QStringLiteral("40000000-0000-4000-8000-000000000002"),
                .campaign = campaign,
                .type = QStringLiteral("google"),
                .amount = QStringLiteral("500.00") })
                .isEmpty();
}

QByteArray exportCsv(QSqlDatabase db, const QString& table)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    exporting::ExportRequest request;
    request.table = table;
    exporting::TableExporter exporter(db);
    if (!exporter.exportTable(request, &buffer))
        qWarning("%s", qPrintable(exporter.lastError()));
    return buffer.data();
}

QString stamps(QSqlDatabase db, const QString& table)
{
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT id, updated_at FROM %1 ORDER BY id").arg(table));
    QString all;
    while (q.next())
        all += q.value(0).toString() + u'=' + q.value(1).toString() + u';';
    return all;
}

QStringList problemLines(const exporting::ImportReport& report)
{
    QStringList lines;
    for (const auto& p : report.problems)
        lines << QStringLiteral("%1:%2").arg(p.line).arg(p.column);
    return lines;
}
}

class TestTableImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readerKeepsNullAndEmptyApart();
    void streamedFileReadsAsAWholeOne();
    void aFileOfBadLinesIsToldInBoundedMemory();
    void roundTripChangesExactlyWhatWasEdited_data() { test::addBackendData(); }
    void roundTripChangesExactlyWhatWasEdited();
    void germanSpreadsheetFileRoundTrips_data() { test::addBackendData(); }
    void germanSpreadsheetFileRoundTrips();
    void workbooksImportAsTheirCsv_data() { test::addBackendData(); }
    void workbooksImportAsTheirCsv();
    void hostileFilesAreRefused_data() { test::addBackendData(); }
    void hostileFilesAreRefused();
    void dryRunReportsEveryBadRowAndWritesNothing_data() { test::addBackendData(); }
    void dryRunReportsEveryBadRowAndWritesNothing();
    void importIsAllOrNothing_data() { test::addBackendData(); }
    void importIsAllOrNothing();
    void aRowTheDatabaseRefusesIsToldAndTheRestChecked_data() { test::addBackendData(); }
    void aRowTheDatabaseRefusesIsToldAndTheRestChecked();
    void cancelledImportWritesNothing_data() { test::addBackendData(); }
    void cancelledImportWritesNothing();
    void changedSinceExportIsAConflict_data() { test::addBackendData(); }
    void changedSinceExportIsAConflict();
    void budgetsAreCheckedOverTheWholeFile_data() { test::addBackendData(); }
    void budgetsAreCheckedOverTheWholeFile();
    void parentsAreFoundByTheNamesTheExportWrites_data() { test::addBackendData(); }
    void parentsAreFoundByTheNamesTheExportWrites();
};

void TestTableImport::readerKeepsNullAndEmptyApart()
{
    exporting::CsvReader reader(QByteArray("\xEF\xBB\xBF"
                                           "a;b;c\r\n1;\"\";\r\n\"x;\"\"y\"\"\r\nz\";;\" \"\n"));
    QCOMPARE(reader.delimiter(), ';');
    QCOMPARE(reader.next()->fields.size(), 3);
    const auto second = reader.next();
    QVERIFY(second);
    QCOMPARE(second->line, 2);
    QVERIFY(!second->fields.at(1).isNull);
    QVERIFY(second->fields.at(1).text.isEmpty());
    QVERIFY(second->fields.at(2).isNull);
    const auto third = reader.next();
    QCOMPARE(third->fields.at(0).text, QStringLiteral("x;\"y\"\r\nz"));
    QVERIFY(third->fields.at(1).isNull);
    QCOMPARE(third->fields.at(2).text, QStringLiteral(" "));
    QVERIFY(!reader.next());
    exporting::CsvReader broken(QByteArray("a,b\n\"open,1\n"));
    broken.next();
    QVERIFY(!broken.next());
    QVERIFY(broken.error().contains(QStringLiteral("line 2")));
}

// Issue 31.4: a file for a German (or French) spreadsheet — semicolons, a byte-order mark, amounts and percentages
// with a decimal comma, dates as ISO days — read by an independent reader as such a spreadsheet reads it (Python's
// csv module, every amount a number once its comma is a point), and imported back: unedited it changes nothing; an
// amount typed as a German spreadsheet shows it ("1.500,75") is read as 1500.75.
void TestTableImport::germanSpreadsheetFileRoundTrips()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(load(scratch.db()));
    QVERIFY(test::execute(scratch.db(),
        QStringLiteral("UPDATE agency_campaign_channels SET budget_amount = NULL, budget_percentage = '12.50' WHERE id "
                       "= '40000000-0000-4000-8000-000000000002'")));
    QVERIFY(test::execute(scratch.db(), QStringLiteral("UPDATE agency_campaigns SET budget_allocated = '10000.00'")));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    exporting::ExportRequest request;
    request.table = QStringLiteral("agency_campaign_channels");
    request.csv = exporting::spreadsheetConventions(QStringLiteral("de_DE"));
    exporting::TableExporter exporter(scratch.db());
    QVERIFY2(exporter.exportTable(request, &buffer), qPrintable(exporter.lastError()));
    const QByteArray csv = buffer.data();
    QVERIFY(csv.startsWith("\xEF\xBB\xBFid;campaign_id;channel_type;budget_percentage;budget_amount;"));
    QVERIFY2(csv.contains(";400,00;") && csv.contains(";12,50;"), csv.constData());
    QVERIFY(!QString::fromUtf8(csv).contains(QRegularExpression(QStringLiteral("\\d\\.\\d{2}[;\\r]"))));
    QVERIFY(!csv.isEmpty() && exporting::spreadsheetConventions(QStringLiteral("en_US")).delimiter == ',');

    // The independent reader: every amount and percentage a number as a German spreadsheet reads it.
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("channels.csv")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(csv);
    file.close();
    QProcess reader;
    reader.start(QStringLiteral("/usr/bin/python3"),
        { QStringLiteral("-c"),
            QStringLiteral("import csv, decimal, sys\n"
                           "rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig', newline=''), "
                           "delimiter=';'))\n"
                           "for r in rows:\n"
                           "  for c in ('budget_percentage', 'budget_amount', 'effective_budget'):\n"
                           "    if r[c]: print(c, decimal.Decimal(r[c].replace(',', '.')))\n"),
            file.fileName() });
    QVERIFY(reader.waitForFinished(60000));
    const QString read = QString::fromUtf8(reader.readAllStandardOutput());
    QVERIFY2(reader.exitCode() == 0, reader.readAllStandardError().constData());
    QVERIFY2(read.contains(QStringLiteral("budget_amount 400.00"))
            && read.contains(QStringLiteral("budget_percentage 12.50"))
            && read.contains(QStringLiteral("effective_budget 1250.00")),
        qPrintable(read));

    // Back in: unedited, nothing changes; the separator says how the amounts are written.
    const QString before = stamps(scratch.db(), QStringLiteral("agency_campaign_channels"));
    exporting::TableImporter importer(scratch.db(), QStringLiteral("agency_campaign_channels"));
    auto report = importer.import(csv);
    QVERIFY2(report.ok(), qPrintable(report.problems.value(0).message));
    QCOMPARE(report.updates + report.inserts, 0);
    QCOMPARE(stamps(scratch.db(), QStringLiteral("agency_campaign_channels")), before);
    QByteArray edited = csv;
    edited.replace(";400,00;", ";\"1.500,75\";");
    edited.replace(";12,50;", ";7,5;");
    report = importer.import(edited);
    QVERIFY2(report.ok(), qPrintable(report.problems.value(0).message));
    QCOMPARE(report.updates, 2);
    QCOMPARE(scalar(scratch.db(),
                 QStringLiteral("SELECT budget_amount FROM agency_campaign_channels WHERE id = "
                                "'40000000-0000-4000-8000-000000000001'"))
                 .toString(),
        QStringLiteral("1500.75"));
    QCOMPARE(scalar(scratch.db(),
                 QStringLiteral("SELECT budget_percentage FROM agency_campaign_channels WHERE id = "
                                "'40000000-0000-4000-8000-000000000002'"))
                 .toString(),
        QStringLiteral("7.50"));
}

// Issue 31.3: an .xlsx workbook imports wherever CSV does. Our own export of the channels comes back unchanged (its
// instants to the millisecond, its JSON and amounts as written); a workbook as another program writes it — openpyxl,
// with shared strings, a date cell, booleans and an empty cell — adds its clients with those values.
void TestTableImport::workbooksImportAsTheirCsv()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(load(scratch.db()));
    // An amount a spreadsheet's binary number writes with 17 digits (89793.07000000001).
    QVERIFY(test::execute(scratch.db(), QStringLiteral("UPDATE agency_campaigns SET budget_allocated = '100000.00'")));
    QVERIFY(test::execute(scratch.db(),
        QStringLiteral("UPDATE agency_campaign_channels SET budget_amount = '89793.07' WHERE id = "
                       "'40000000-0000-4000-8000-000000000001'")));
    QBuffer exported;
    exported.open(QIODevice::WriteOnly);
    exporting::ExportRequest request;
    request.table = QStringLiteral("agency_campaign_channels");
    request.format = exporting::ExportRequest::Format::Xlsx;
    exporting::TableExporter exporter(scratch.db());
    QVERIFY2(exporter.exportTable(request, &exported), qPrintable(exporter.lastError()));
    const QString before = stamps(scratch.db(), QStringLiteral("agency_campaign_channels"));
    QBuffer workbook;
    workbook.setData(exported.data());
    QVERIFY(workbook.open(QIODevice::ReadOnly));
    exporting::ImportSource source;
    QString error;
    QVERIFY2(source.open(&workbook, &error), qPrintable(error));
    QVERIFY(source.isWorkbook());
    exporting::TableImporter channels(scratch.db(), QStringLiteral("agency_campaign_channels"));
    channels.setDelimiter(',');
    auto report = channels.import(source.device());
    QVERIFY2(report.ok(), qPrintable(report.problems.value(0).message));
    QCOMPARE(report.updates + report.inserts, 0);
    QCOMPARE(report.unchanged, 2);
    QCOMPARE(stamps(scratch.db(), QStringLiteral("agency_campaign_channels")), before);

    // Written by another program, as Excel writes one: shared strings and a style for the date.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clients.xlsx"));
    QProcess writer;
    writer.start(QStringLiteral("/usr/bin/python3"),
        { QStringLiteral("-c"),
            QStringLiteral("import datetime, sys, openpyxl\n"
                           "wb = openpyxl.Workbook(); ws = wb.active\n"
                           "ws.append(['client_name', 'client_type', 'contract_start_date', 'is_active', 'industry'])\n"
                           "ws.append(['Initech', 'project', datetime.date(2027, 3, 15), True, 'Software'])\n"
                           "ws.append(['Hooli, Inc.', 'hybrid', datetime.date(2027, 1, 1), False, None])\n"
                           "wb.save(sys.argv[1])\n"),
            path });
    QVERIFY(writer.waitForFinished(60000));
    QVERIFY2(writer.exitCode() == 0, writer.readAllStandardError().constData());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    exporting::ImportSource other;
    QVERIFY2(other.open(&file, &error), qPrintable(error));
    exporting::TableImporter clients(scratch.db(), QStringLiteral("agency_clients"));
    clients.setDelimiter(',');
    report = clients.import(other.device());
    QVERIFY2(report.ok(), qPrintable(report.problems.value(0).message));
    QCOMPARE(report.inserts, 2);
    QCOMPARE(scalar(scratch.db(),
                 QStringLiteral("SELECT contract_start_date FROM agency_clients WHERE client_name = 'Initech'"))
                 .toDate(),
        QDate(2027, 3, 15));
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT industry FROM agency_clients WHERE client_name = 'Initech'"))
                 .toString(),
        QStringLiteral("Software"));
    QVERIFY(
        scalar(scratch.db(), QStringLiteral("SELECT industry FROM agency_clients WHERE client_name = 'Hooli, Inc.'"))
            .isNull());
    QCOMPARE(
        scalar(scratch.db(), QStringLiteral("SELECT client_type FROM agency_clients WHERE client_name = 'Hooli, Inc.'"))
            .toString(),
        QStringLiteral("hybrid"));
    QCOMPARE(
        scalar(scratch.db(),
            QStringLiteral("SELECT count(*) FROM agency_clients WHERE client_name = 'Hooli, Inc.' AND is_active = ?"),
            { scratch.isPostgres() ? QVariant(false) : QVariant(0) })
            .toInt(),
        1);

    // Not a workbook after all: a zip of something else is refused with why.
    QBuffer broken;
    broken.setData(QByteArray("PK\x03\x04 not really a zip", 26));
    QVERIFY(broken.open(QIODevice::ReadOnly));
    exporting::ImportSource refused;
    QVERIFY(!refused.open(&broken, &error));
    QVERIFY2(error.contains(QStringLiteral("table of contents")), qPrintable(error));
}

void TestTableImport::roundTripChangesExactlyWhatWasEdited()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(load(scratch.db()));
    const QByteArray csv = exportCsv(scratch.db(), QStringLiteral("agency_clients"));
    QVERIFY(csv.contains("'=HYPERLINK")); // guarded in the file
    // Issue 12.7: text that starts as the guard does is guarded too, so that the import takes back what was stored.
    QVERIFY2(csv.contains(",''=quoted literal,") && csv.contains(",''-minus"), csv.constData());
    const QString before = stamps(scratch.db(), QStringLiteral("agency_clients"));

    // Unedited: nothing changes, not even updated_at — the guard, "" and NULL, CR/LF all come back as they were.
    exporting::TableImporter importer(scratch.db(), QStringLiteral("agency_clients"));
    auto report = importer.import(csv);
    QVERIFY2(report.ok(), qPrintable(report.problems.value(0).message));
    QCOMPARE(report.unchanged, 2);
    QCOMPARE(report.updates + report.inserts, 0);
    QCOMPARE(report.ignoredColumns, QStringList { "sla_tier_name" });
    QCOMPARE(stamps(scratch.db(), QStringLiteral("agency_clients")), before);

    // One cell edited in "the spreadsheet": exactly that changes.
    QByteArray edited = csv;
    edited.replace(",'-Retail,", ",Energy,");
    report = importer.import(edited);
    QVERIFY2(report.ok(), qPrintable(report.problems.value(0).message));
    QCOMPARE(report.updates, 1);
    QCOMPARE(report.unchanged, 1);
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT industry FROM agency_clients WHERE id = '%1'").arg(evil))
                 .toString(),
        QStringLiteral("Energy"));
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT client_name FROM agency_clients WHERE id = '%1'").arg(evil))
                 .toString(),
        QStringLiteral("=HYPERLINK(\"x\")"));
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT industry FROM agency_clients WHERE id = '%1'").arg(acme))
                 .toString(),
        QStringLiteral("'=quoted literal"));
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT internal_notes FROM agency_clients WHERE id = '%1'").arg(evil))
                 .toString(),
        QStringLiteral("'-minus"));
    QCOMPARE(
        scalar(scratch.db(), QStringLiteral("SELECT client_legal_name FROM agency_clients WHERE id = '%1'").arg(acme))
            .toString(),
        QString());
    QVERIFY(
        !scalar(scratch.db(), QStringLiteral("SELECT client_legal_name FROM agency_clients WHERE id = '%1'").arg(acme))
             .isNull());
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT updated_at FROM agency_clients WHERE id = '%1'").arg(acme))
                 .toString(),
        before.section(u';', 0, 0).section(u'=', 1));

    // New rows, with and without an id, in a file with other column order and case.
    report = importer.import(
        "CLIENT_NAME;Id;client_type\r\nInitech;;project\r\nHooli;50000000-0000-4000-8000-000000000001;hybrid\r\n");
    QVERIFY2(report.ok(), qPrintable(report.problems.value(0).message));
    QCOMPARE(report.inserts, 2);
    QCOMPARE(
        scalar(scratch.db(),
            QStringLiteral("SELECT client_type FROM agency_clients WHERE id = '50000000-0000-4000-8000-000000000001'"))
            .toString(),
        QStringLiteral("hybrid"));
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_clients")).toInt(), 4);
}

// Issue 12.10: files that are not what they seem are refused whole, with the line and field, on both backends; nothing
// is written (before: the last of two same-named columns won, bad UTF-8 became U+FFFD, a NUL byte was stored on SQLite
// and refused with SQL text on PostgreSQL).
void TestTableImport::hostileFilesAreRefused()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(load(scratch.db()));
    const QString before = stamps(scratch.db(), QStringLiteral("agency_clients"));
    struct Case {
        QByteArray csv;
        QString says;
    };
    const Case cases[] = {
        { "client_name,industry,client_type,INDUSTRY\r\nInitech,Software,project,Retail\r\n",
            QStringLiteral("the header names the column industry twice (fields 2 and 4)") },
        { "client_name,client_type\r\nInitech,project\r\nM\xFCnchen GmbH,project\r\n",
            QStringLiteral("line 3, field 1: not UTF-8 text") },
        { QByteArray("client_name,client_type,internal_notes\r\nInitech,project,a") + '\0' + "b\r\n",
            QStringLiteral("line 2, field 3: a NUL byte") },
        // Two exports joined with cat: the second one's BOM (and header) in the middle.
        { "\xEF\xBB\xBF"
          "client_name,client_type\r\nInitech,project\r\n\xEF\xBB\xBF"
          "client_name,client_type\r\n"
          "Hooli,project\r\n",
            QStringLiteral("line 3, field 1: a byte order mark in the middle of the file") },
        { "client_name,client_type\r\nInitech,\xEF\xBB\xBF\"project\"\r\n",
            QStringLiteral("line 2, field 2: a byte order mark in the middle of the file") },
    };
    for (const Case& c : cases) {
        exporting::TableImporter importer(scratch.db(), QStringLiteral("agency_clients"));
        for (const bool dry : { true, false }) {
            const auto report = dry ? importer.dryRun(c.csv) : importer.import(c.csv);
            QVERIFY(!report.ok());
            QVERIFY2(report.problems.constFirst().message.contains(c.says),
                qPrintable(report.problems.constFirst().message));
        }
        QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_clients")).toInt(), 2);
        QCOMPARE(stamps(scratch.db(), QStringLiteral("agency_clients")), before);
    }
}

void TestTableImport::dryRunReportsEveryBadRowAndWritesNothing()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(load(scratch.db()));
    const QByteArray csv
        = QByteArray("client_id,campaign_type,budget_allocated,start_date,end_date,status,target_kpis\r\n")
        + acme.toUtf8() + ",seo,100.00,2026-01-01,2026-02-01,active,\r\n" // good
        + acme.toUtf8() + ",seo,1.005,2026-01-01,,active,\r\n" // three decimals
        + acme.toUtf8() + ",seo,5.00,2026-13-01,,active,\r\n" // no such month
        + acme.toUtf8() + ",seo,5.00,2026-03-01,2026-02-01,done,\r\n" // end before start, unknown status
        + "00000000-0000-4000-8000-000000000000,seo,5.00,,,draft,\r\n" // unknown client (foreign key)
        + acme.toUtf8() + ",seo,5.00\r\n" // too few fields
        + acme.toUtf8() + ",ppc,5.00,,,draft,\"{\"\"clicks\"\": \"\"x\"\"}\"\r\n"; // KPI not a number
    exporting::TableImporter importer(scratch.db(), QStringLiteral("agency_campaigns"));
    const auto report = importer.dryRun(csv);
    QCOMPARE(problemLines(report),
        (QStringList { "3:budget_allocated", "4:start_date", "5:status", "5:end_date", "6:", "7:", "8:target_kpis" }));
    for (const auto& problem : report.problems)
        QVERIFY2(!problem.message.isEmpty(), qPrintable(problem.column));
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_campaigns")).toInt(), 1);
    // A clean file's dry run says what it would do and still writes nothing.
    const auto clean = importer.dryRun(QByteArray("client_id,campaign_type\r\n") + acme.toUtf8() + ",seo\r\n");
    QVERIFY(clean.ok());
    QCOMPARE(clean.inserts, 1);
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_campaigns")).toInt(), 1);
}

void TestTableImport::importIsAllOrNothing()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(load(scratch.db()));
    exporting::TableImporter importer(scratch.db(), QStringLiteral("agency_clients"));
    const auto report = importer.import("client_name,client_type\r\nGood One,project\r\nBad One,agency\r\n");
    QVERIFY(!report.ok());
    QCOMPARE(problemLines(report), QStringList { "3:client_type" });
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_clients")).toInt(), 2);
}

// A row only the database can refuse (a rule the app does not know: here an administrator's trigger) is told with its
// line, and the import goes on checking the rows after it — on PostgreSQL back at the row's savepoint, on SQLite, which
// undoes only the failed statement, without one — and writes nothing.
void TestTableImport::aRowTheDatabaseRefusesIsToldAndTheRestChecked()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const bool postgres = backend == QStringLiteral("postgresql");
    if (postgres) {
        QVERIFY(execute(scratch.db(),
            QStringLiteral("CREATE FUNCTION refuse_globex() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF "
                           "NEW.client_name = 'Globex' THEN RAISE EXCEPTION 'Globex is not a client of ours'; END "
                           "IF; RETURN NEW; END $$")));
        QVERIFY(execute(scratch.db(),
            QStringLiteral("CREATE TRIGGER refuse_globex BEFORE INSERT ON agency_clients FOR EACH ROW EXECUTE "
                           "FUNCTION refuse_globex()")));
    } else {
        QVERIFY(execute(scratch.db(),
            QStringLiteral("CREATE TRIGGER refuse_globex BEFORE INSERT ON agency_clients WHEN NEW.client_name = "
                           "'Globex' BEGIN SELECT RAISE(ABORT, 'Globex is not a client of ours'); END")));
    }
    const QByteArray csv = "client_name,client_type\r\nInitech,project\r\nGlobex,project\r\nHooli,retainer\r\n"
                           "Umbrella,agency\r\nVandelay,hybrid\r\n";
    exporting::TableImporter importer(scratch.db(), QStringLiteral("agency_clients"));
    const auto report = importer.import(csv);
    QVERIFY(!report.ok());
    QCOMPARE(problemLines(report), (QStringList { "3:", "5:client_type" }));
    QVERIFY2(report.problems.constFirst().message.contains(QStringLiteral("Globex is not a client of ours")),
        qPrintable(report.problems.constFirst().message));
    QCOMPARE(report.inserts, 0);
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_clients")).toInt(), 0);
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_change_log")).toInt(), 0);
    // Without those two lines, the file imports whole.
    const auto imported
        = importer.import(QByteArray(csv).replace("Globex,project\r\n", "").replace("Umbrella,agency\r\n", ""));
    QVERIFY2(imported.ok(), qPrintable(imported.problems.value(0).message));
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_clients")).toInt(), 3);
}

// Told the line reached every 200 lines; stopped half-way (as the dialog's Cancel stops it), the import writes none of
// the rows it had already inserted.
void TestTableImport::cancelledImportWritesNothing()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(load(scratch.db()));
    QByteArray csv("client_name,client_type\r\n");
    for (int i = 0; i < 1000; ++i)
        csv += "Client " + QByteArray::number(i) + ",project\r\n";
    exporting::TableImporter importer(scratch.db(), QStringLiteral("agency_clients"));
    QList<int> told;
    importer.setProgress([&told](int line) {
        told << line;
        return line < 500;
    });
    const auto report = importer.import(csv);
    QCOMPARE(told, (QList<int> { 2, 202, 402, 602 }));
    QVERIFY(report.cancelled);
    QVERIFY(!report.ok());
    QCOMPARE(report.inserts, 0);
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_clients")).toInt(), 2);
    // Not stopped, the same file imports in full.
    importer.setProgress([](int) { return true; });
    const auto again = importer.import(csv);
    QVERIFY(again.ok() && !again.cancelled);
    QCOMPARE(again.inserts, 1000);
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_clients")).toInt(), 1002);
}

void TestTableImport::changedSinceExportIsAConflict()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(load(scratch.db()));
    QByteArray csv = exportCsv(scratch.db(), QStringLiteral("agency_clients"));
    QSqlDatabase other = scratch.openAnother(QStringLiteral("other"));
    QVERIFY(execute(other, QStringLiteral("UPDATE agency_clients SET industry = 'Mining' WHERE id = '%1'").arg(evil)));
    csv.replace(",'-Retail,", ",Energy,");
    exporting::TableImporter importer(scratch.db(), QStringLiteral("agency_clients"));
    const auto report = importer.import(csv);
    QCOMPARE(problemLines(report),
        QStringList { "4:updated_at" }); // Acme's notes hold a line break: its record takes lines 2–3
    QVERIFY(report.problems.constFirst().message.contains(QStringLiteral("changed in the database")));
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT industry FROM agency_clients WHERE id = '%1'").arg(evil))
                 .toString(),
        QStringLiteral("Mining"));
}

void TestTableImport::budgetsAreCheckedOverTheWholeFile()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(load(scratch.db()));
    QByteArray csv = exportCsv(scratch.db(), QStringLiteral("agency_campaign_channels"));
    csv.replace(",500.00,", ",600.01,"); // 400 + 600.01 > 1000
    exporting::TableImporter importer(scratch.db(), QStringLiteral("agency_campaign_channels"));
    auto report = importer.import(csv);
    QCOMPARE(report.problems.size(), 1);
    QVERIFY2(report.problems.constFirst().message.contains(QStringLiteral("0.01")),
        qPrintable(report.problems.constFirst().message));
    QCOMPARE(scalar(scratch.db(),
                 QStringLiteral("SELECT count(*) FROM agency_campaign_channels WHERE budget_amount = '600.01'"))
                 .toInt(),
        0);
    // Moving budget from one channel to the other in the same file is fine: the check sees the whole file.
    QByteArray moved = exportCsv(scratch.db(), QStringLiteral("agency_campaign_channels"));
    moved.replace(",400.00,", ",100.00,").replace(",500.00,", ",900.00,");
    report = importer.import(moved);
    QVERIFY2(report.ok(), qPrintable(report.problems.value(0).message));
    QCOMPARE(report.updates, 2);
}

// A campaign without its client's id is filed under the client its client_name names, a channel under the campaign
// its client_name and campaign_label name (the lookup columns the export writes): by the importer, as the window
// runs it, and by `agency-os import`. A name that is ambiguous, unknown or a deleted client's is refused with its line
// and, where there are several, the candidates; an id that points at a deleted client is refused too.
void TestTableImport::parentsAreFoundByTheNamesTheExportWrites()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(load(scratch.db()));
    const QString gone = QStringLiteral("20000000-0000-4000-8000-000000000009");
    QVERIFY(!test::add(scratch.db(),
        test::Client { .id = QStringLiteral("20000000-0000-4000-8000-000000000003"),
            .name = QString::fromUtf8("Müller GmbH"),
            .legalName = QString::fromUtf8("Müller GmbH Köln") })
                 .isEmpty());
    QVERIFY(!test::add(scratch.db(),
        test::Client { .id = QStringLiteral("20000000-0000-4000-8000-000000000004"),
            .name = QString::fromUtf8("Müller GmbH"),
            .legalName = QString::fromUtf8("Müller GmbH Hamburg") })
                 .isEmpty());
    QVERIFY(!test::add(scratch.db(), test::Client { .id = gone, .name = QStringLiteral("Gone Ltd") }).isEmpty());
    QVERIFY(execute(scratch.db(),
        QStringLiteral("UPDATE agency_clients SET deleted_at = CURRENT_TIMESTAMP WHERE id = ?"), { gone }));
    QVERIFY(execute(scratch.db(),
        QStringLiteral("UPDATE agency_campaigns SET metadata = '{\"name\": \"Spring\"}' WHERE id = '%1'")
            .arg(campaign)));
    const QString campaigns = QStringLiteral("agency_campaigns");
    const auto count = [&](const QString& where) {
        return scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_campaigns WHERE %1").arg(where))
            .toInt();
    };

    const QByteArray mixed = QString::fromUtf8("client_name,campaign_type,budget_allocated\n"
                                               "acme,seo,100.00\n"
                                               "Müller GmbH,seo,1.00\n"
                                               "Gone Ltd,seo,1.00\n"
                                               "Nobody,seo,1.00\n")
                                 .toUtf8();
    exporting::ImportReport report = exporting::TableImporter(scratch.db(), campaigns).dryRun(mixed);
    QCOMPARE(report.problems.size(), 3);
    QCOMPARE(report.problems.at(0).line, 3);
    QCOMPARE(report.problems.at(0).column, QStringLiteral("client_id"));
    QVERIFY2(
        report.problems.at(0).message.contains(QStringLiteral("2 clients")), qPrintable(report.problems.at(0).message));
    QVERIFY2(report.problems.at(0).message.contains(QString::fromUtf8("Müller GmbH Köln"))
            && report.problems.at(0).message.contains(QStringLiteral("Hamburg")),
        qPrintable(report.problems.at(0).message));
    QCOMPARE(report.problems.at(1).line, 4);
    QVERIFY2(
        report.problems.at(1).message.contains(QStringLiteral("deleted")), qPrintable(report.problems.at(1).message));
    QCOMPARE(report.problems.at(2).line, 5);
    QVERIFY2(
        report.problems.at(2).message.contains(QStringLiteral("Nobody")), qPrintable(report.problems.at(2).message));
    QCOMPARE(count(QStringLiteral("budget_allocated = '100.00'")), 0); // a dry run, and refused: nothing written

    // The good line alone imports, under Acme.
    report = exporting::TableImporter(scratch.db(), campaigns)
                 .import("client_name,campaign_type,budget_allocated\n"
                         "acme,seo,100.00\n");
    QVERIFY2(report.ok(), qPrintable(report.problems.value(0).message));
    QCOMPARE(report.inserts, 1);
    QCOMPARE(count(QStringLiteral("budget_allocated = '100.00' AND client_id = '%1'").arg(acme)), 1);

    // A channel by its campaign's client and label.
    report = exporting::TableImporter(scratch.db(), QStringLiteral("agency_campaign_channels"))
                 .import("client_name,campaign_label,channel_type,budget_amount\nAcme,Spring,newsletter,10.00\n");
    QVERIFY2(report.ok(), qPrintable(report.problems.value(0).message));
    QCOMPARE(scalar(scratch.db(),
                 QStringLiteral("SELECT campaign_id FROM agency_campaign_channels WHERE channel_type = 'newsletter'"))
                 .toString(),
        campaign);

    // A deleted client by its id: refused too, naming it.
    report = exporting::TableImporter(scratch.db(), campaigns)
                 .dryRun(QStringLiteral("client_id,campaign_type\n%1,seo\n").arg(gone).toUtf8());
    QCOMPARE(report.problems.size(), 1);
    QCOMPARE(report.problems.at(0).line, 2);
    QVERIFY2(
        report.problems.at(0).message.contains(QStringLiteral("Gone Ltd")), qPrintable(report.problems.at(0).message));

    // The command line: the same file, by name.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("campaigns.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("client_name,campaign_type,budget_allocated\nAcme,ppc,200.00\n");
    file.close();
    QProcess process;
    process.start(QStringLiteral(AGENCY_OS_BINARY),
        { QStringLiteral("import"), QStringLiteral("campaigns"), QStringLiteral("--input"), path,
            QStringLiteral("--db"), scratch.dsn() });
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    QCOMPARE(count(QStringLiteral("budget_allocated = '200.00' AND client_id = '%1'").arg(acme)), 1);
}

QTEST_GUILESS_MAIN(TestTableImport)
// Issue 32.1: an import reads its file as it goes, a chunk (1 MiB) at a time. Records that straddle the chunks — a
// quoted field with line ends, doubled quotes, a CR-only line end, a field longer than a chunk, a quote as the last
// byte of a chunk — read exactly as from the whole file in memory, line numbers and all, from a file and from a
// stream that cannot seek.
void TestTableImport::streamedFileReadsAsAWholeOne()
{
    QByteArray csv = "\xEF\xBB\xBF"
                     "name,notes,n\r\n";
    for (int i = 0; i < 30000; ++i) {
        csv += "row " + QByteArray::number(i) + ",";
        switch (i % 5) {
        case 0:
            csv += "\"two\r\nlines, and \"\"quotes\"\"\"";
            break;
        case 1:
            csv += ""; // NULL
            break;
        case 2:
            csv += "\"\"";
            break;
        case 3:
            csv += "plain text of some length to move the chunk boundaries about";
            break;
        default:
            csv += R"("ends in a quote """)";
            break;
        }
        csv += "," + QByteArray::number(i) + (i % 7 == 0 ? "\r" : "\n");
    }
    csv += "long," + QByteArray(3 << 20, 'L') + ",0\n";
    csv += "last,\"" + QByteArray((1 << 20) - 7, 'q') + R"(""",1)"; // no line end at the end
    const auto readAll = [](exporting::CsvReader& reader) {
        QList<exporting::CsvRecord> records;
        while (auto record = reader.next())
            records << *record;
        return records;
    };
    exporting::CsvReader whole(csv);
    const QList<exporting::CsvRecord> expected = readAll(whole);
    QVERIFY2(whole.error().isEmpty(), qPrintable(whole.error()));
    QCOMPARE(expected.size(), 1 + 30000 + 2);

    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("big.csv")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(csv);
    file.close();
    QVERIFY(file.open(QIODevice::ReadOnly));
    exporting::CsvReader fromFile(&file);
    QProcess cat; // a pipe: read as it comes, no seeking, no size
    cat.start(QStringLiteral("cat"), { file.fileName() });
    QVERIFY(cat.waitForStarted());
    QVERIFY(cat.waitForFinished(30000)); // all of it in the pipe's buffer: QProcess reads it as it arrives
    exporting::CsvReader fromPipe(&cat);
    for (exporting::CsvReader* reader : { &fromFile, &fromPipe }) {
        const QList<exporting::CsvRecord> read = readAll(*reader);
        QVERIFY2(reader->error().isEmpty(), qPrintable(reader->error()));
        QCOMPARE(read.size(), expected.size());
        for (qsizetype i = 0; i < read.size(); ++i) {
            QCOMPARE(read.at(i).line, expected.at(i).line);
            QCOMPARE(read.at(i).fields.size(), expected.at(i).fields.size());
            for (qsizetype f = 0; f < read.at(i).fields.size(); ++f) {
                QCOMPARE(read.at(i).fields.at(f).text, expected.at(i).fields.at(f).text);
                QCOMPARE(read.at(i).fields.at(f).isNull, expected.at(i).fields.at(f).isNull);
            }
        }
    }
    QCOMPARE(expected.constLast().fields.at(1).text.size(), (1 << 20) - 7 + 1);
}

// A file of 200,000 bad lines is refused with the first 1,000 problems and the count of the rest.
void TestTableImport::aFileOfBadLinesIsToldInBoundedMemory()
{
    test::ScratchDatabase scratch(QStringLiteral("sqlite"));
    QVERIFY(scratch.migrate());
    QByteArray csv = "client_name,client_type\n";
    for (int i = 0; i < 200000; ++i)
        csv += "Client " + QByteArray::number(i) + ",not-a-type\n";
    const auto report = exporting::TableImporter(scratch.db(), QStringLiteral("agency_clients")).dryRun(csv);
    QCOMPARE(report.problems.size(), exporting::ImportReport::maxProblems);
    QCOMPARE(report.problemCount(), 200000);
    QCOMPARE(report.problems.constLast().line, exporting::ImportReport::maxProblems + 1);
    QCOMPARE(test::scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_clients")).toInt(), 0);
}

#include "tst_tableimport.moc"
