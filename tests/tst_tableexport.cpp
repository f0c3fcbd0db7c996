// SPDX-License-Identifier: GPL-3.0-or-later
#include "db/database.h"
#include "export/jsontext.h"
#include "export/sheetreader.h"
#include "export/sheetwriter.h"
#include "export/tableexport.h"
#include "support/builders.h"
#include "support/scratchdatabase.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>
#include <libpq-fe.h>
#include <thread>

using namespace agency;
using agency::test::execute;
using agency::test::scalar;

namespace {

const QString tier = QStringLiteral("10000000-0000-4000-8000-000000000001");
const QString acme = QStringLiteral("20000000-0000-4000-8000-000000000001");
const QString evil = QStringLiteral("20000000-0000-4000-8000-000000000002");
const QString campaign = QStringLiteral("30000000-0000-4000-8000-000000000001");
const QString plain = QStringLiteral("30000000-0000-4000-8000-000000000002");

// Rows chosen for the export rules: NULL vs "", formulas, quotes, CR/LF, edge spaces, unicode, 12-digit money,
// percent and fixed channels, an inactive and a deleted channel.
bool loadFixture(QSqlDatabase db)
{
    const QVariant none(QMetaType::fromType<QString>()); // NULL, written as such
    const QList<test::Channel> channels {
        test::Channel { .id = QStringLiteral("40000000-0000-4000-8000-000000000001"),
            .campaign = campaign,
            .type = QStringLiteral("google_ads"),
            .percentage = QStringLiteral("12.50"),
            .active = true },
        test::Channel { .id = QStringLiteral("40000000-0000-4000-8000-000000000002"),
            .campaign = campaign,
            .type = QStringLiteral("meta"),
            .amount = QStringLiteral("2500.00"),
            .active = true,
            .notes = QStringLiteral("") },
        test::Channel { .id = QStringLiteral("40000000-0000-4000-8000-000000000003"),
            .campaign = plain,
            .type = QStringLiteral("tiktok"),
            .percentage = QStringLiteral("33.33"),
            .active = false,
            .notes = QStringLiteral("paused") },
        test::Channel { .id = QStringLiteral("40000000-0000-4000-8000-000000000004"),
            .campaign = plain,
            .type = QStringLiteral("radio"),
            .active = true,
            .notes = QStringLiteral("no budget") },
    };
    bool ok = !test::add(db,
                  test::Tier { .id = tier,
                      .name = QStringLiteral("Gold"),
                      .priority = {},
                      .hourlyRate = QStringLiteral("120.50"),
                      .features = QStringLiteral("[\"a\", \"b\"]") })
                   .isEmpty()
        && !test::add(db,
            test::Client { .id = acme,
                .name = QStringLiteral("Acme"),
                .tier = tier,
                .legalName = QStringLiteral(""),
                .industry = none,
                .active = true,
                .notes = QString::fromUtf8("Line one\r\nLine \"two\", with ünïcødé") })
                .isEmpty()
        && !test::add(db,
            test::Client { .id = evil,
                .name = QStringLiteral("=HYPERLINK(\"http://x\")"),
                .legalName = QStringLiteral(" padded "),
                .industry = QStringLiteral("-Retail"),
                .active = false,
                .notes = QStringLiteral("@SUM(1)") })
                .isEmpty()
        && !test::add(db,
            test::Campaign { .id = campaign,
                .client = acme,
                .type = QStringLiteral("ppc"),
                .status = QStringLiteral("active"),
                .allocated = QStringLiteral("9999999999.99"),
                .spent = QStringLiteral("0.00"),
                .start = QStringLiteral("2026-02-01"),
                .metadata = QStringLiteral("{\"name\": \"  Spring launch \"}") })
                .isEmpty()
        && !test::add(db,
            test::Campaign { .id = plain,
                .client = evil,
                .type = QStringLiteral("seo"),
                .status = QStringLiteral("draft"),
                .allocated = QStringLiteral("1000.00"),
                .start = none })
                .isEmpty();
    for (const test::Channel& channel : channels)
        ok = ok && !test::add(db, channel).isEmpty();
    return ok
        && execute(db,
            QStringLiteral("UPDATE agency_campaign_channels SET deleted_at = created_at WHERE id = "
                           "'40000000-0000-4000-8000-000000000004'"));
}

QByteArray exportBytes(QSqlDatabase db, const exporting::ExportRequest& request, bool* usedDirect = nullptr)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    exporting::TableExporter exporter(db);
    if (!exporter.exportTable(request, &buffer)) {
        qWarning("export failed: %s", qPrintable(exporter.lastError()));
        return {};
    }
    if (usedDirect)
        *usedDirect = exporter.usedDirect();
    return buffer.data();
}

// An independent reader: a Python script (Debian's python3, with openpyxl) run on `args`; its standard output, or
// nullopt with what it printed on standard error.
std::optional<QByteArray> python(const QString& script, const QStringList& args, QByteArray* errors, int waitMs = 60000)
{
    QProcess reader;
    reader.start(QStringLiteral("/usr/bin/python3"), QStringList { QStringLiteral("-c"), script } + args);
    if (!reader.waitForFinished(waitMs) || reader.exitStatus() != QProcess::NormalExit || reader.exitCode() != 0) {
        *errors = reader.readAllStandardError();
        return std::nullopt;
    }
    return reader.readAllStandardOutput();
}

} // namespace

class TestTableExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesExactText_data() { test::addBackendData(); }
    void writesExactText();
    void channelsCarryLookups_data() { test::addBackendData(); }
    void channelsCarryLookups();
    void deletedRowsOnlyWhenAsked_data() { test::addBackendData(); }
    void deletedRowsOnlyWhenAsked();
    void directAndGenericPathsAreByteIdentical_data() { test::addBackendData(); }
    void directAndGenericPathsAreByteIdentical();
    void copyFromLoadsBackTheSameRows();
    void failedOrCancelledExportLeavesNoFile_data();
    void failedOrCancelledExportLeavesNoFile();
    void viewOrderAndColumns_data() { test::addBackendData(); }
    void viewOrderAndColumns();
    void jsonIsWrittenAsPostgresPrintsIt_data();
    void jsonIsWrittenAsPostgresPrintsIt();
    void notJsonIsNotRewritten_data();
    void notJsonIsNotRewritten();
    void jsonColumnsExportTheSameBytesFromBothBackends();
    void xlsxHasRealCells_data() { test::addBackendData(); }
    void xlsxHasRealCells();
    void xlsxRefusesMoreRowsThanASheetHolds();
    void xlsxCellsReadBackAsWritten();
};

void TestTableExport::writesExactText()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(loadFixture(scratch.db()));
    exporting::ExportRequest request;
    request.table = QStringLiteral("agency_clients");
    request.columns
        = { "client_name", "client_legal_name", "industry", "internal_notes", "is_active", "sla_tier_name" };
    request.sortColumn = QStringLiteral("id");
    const QByteArray expected = "client_name,client_legal_name,industry,internal_notes,is_active,sla_tier_name\r\n"
                                "Acme,\"\",,\"Line one\r\nLine \"\"two\"\", with ünïcødé\",true,Gold\r\n"
                                "\"'=HYPERLINK(\"\"http://x\"\")\",\" padded \",'-Retail,'@SUM(1),false,\r\n";
    QCOMPARE(exportBytes(scratch.db(), request), expected);

    request.csv.formulaGuard = false;
    request.csv.delimiter = ';';
    request.csv.bom = true;
    request.columns = { "client_name", "industry" };
    QCOMPARE(exportBytes(scratch.db(), request),
        QByteArray("\xEF\xBB\xBF"
                   "client_name;industry\r\nAcme;\r\n=HYPERLINK(\"\"http://x\"\");-Retail\r\n")
            .replace("=HYPERLINK(\"\"http://x\"\")", "\"=HYPERLINK(\"\"http://x\"\")\""));

    request = {};
    request.table = QStringLiteral("agency_sla_tiers");
    request.columns = { "name", "hourly_rate", "monthly_retainer", "features" };
    const QByteArray tiers = exportBytes(scratch.db(), request);
    QVERIFY2(tiers.startsWith("name,hourly_rate,monthly_retainer,features\r\nGold,120.50,,\"[\"\"a\"\","),
        tiers.constData());
}

void TestTableExport::channelsCarryLookups()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(loadFixture(scratch.db()));
    exporting::ExportRequest request;
    request.table = QStringLiteral("agency_campaign_channels");
    request.columns = { "channel_type", "budget_percentage", "budget_amount", "is_active", "notes", "client_name",
        "campaign_label", "effective_budget" };
    // 12.5 % of 9,999,999,999.99 = 1,249,999,999.99875 → 1,249,999,999.999 → half away from zero: …000.00
    const QByteArray expected = QByteArray("channel_type,budget_percentage,budget_amount,is_active,notes,client_name,"
                                           "campaign_label,effective_budget\r\n")
        + "google_ads,12.50,,true,,Acme,Spring launch,1250000000.00\r\n"
        + "meta,,2500.00,true,\"\",Acme,Spring launch,2500.00\r\n"
        + "tiktok,33.33,,false,paused,\"'=HYPERLINK(\"\"http://x\"\")\",\"'=HYPERLINK(\"\"http://x\"\") · "
          "seo\",333.30\r\n";
    QCOMPARE(exportBytes(scratch.db(), request), expected);
}

void TestTableExport::deletedRowsOnlyWhenAsked()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(loadFixture(scratch.db()));
    exporting::ExportRequest request;
    request.table = QStringLiteral("agency_campaign_channels");
    QCOMPARE(exportBytes(scratch.db(), request).count("\r\n"), 1 + 3);
    request.filter.includeDeleted = true;
    const QByteArray all = exportBytes(scratch.db(), request);
    QCOMPARE(all.count("\r\n"), 1 + 4);
    QVERIFY(all.contains("no budget"));
    QVERIFY(all.contains(",radio,,,true,")); // no amount and no percentage: effective budget NULL too
}

void TestTableExport::directAndGenericPathsAreByteIdentical()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(loadFixture(scratch.db()));
    const bool postgres = backend == QStringLiteral("postgresql");
    if (postgres) {
        QVERIFY(scratch.loadPlaneFixture()); // with Plane's tables present, labels can come from project names
        QVERIFY(execute(scratch.db(),
            QStringLiteral(
                "UPDATE agency_campaigns SET plane_project_id = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa' WHERE id = ?"),
            { plain }));
    }
    // Labels from every rule (a name that is all blanks, a name that is not text, no metadata) and shares that land
    // exactly on half a cent, computed by the database on the direct path and by domain::Money on the generic one.
    const QString odd = QStringLiteral("30000000-0000-4000-8000-000000000003");
    const QString numeric = QStringLiteral("30000000-0000-4000-8000-000000000004");
    QVERIFY(!test::add(scratch.db(),
        test::Campaign { .id = odd,
            .client = acme,
            .type = QStringLiteral("email"),
            .status = QStringLiteral("active"),
            .allocated = QStringLiteral("0.01"),
            .start = QStringLiteral("2026-03-04"),
            .metadata = QStringLiteral("{\"name\": \" \\t \"}") })
                 .isEmpty());
    QVERIFY(!test::add(scratch.db(),
        test::Campaign { .id = numeric,
            .client = evil,
            .type = QStringLiteral("social"),
            .status = QStringLiteral("active"),
            .allocated = QStringLiteral("99.99"),
            .metadata = QStringLiteral("{\"name\": 42}") })
                 .isEmpty());
    for (const auto& [id, campaign, type, share] :
        { std::tuple { "40000000-0000-4000-8000-000000000005", odd, "half", "50.00" },
            std::tuple { "40000000-0000-4000-8000-000000000006", numeric, "third", "33.33" },
            std::tuple { "40000000-0000-4000-8000-000000000007", numeric, "all", "100.00" } })
        QVERIFY(!test::add(scratch.db(),
            test::Channel { .id = QString::fromLatin1(id),
                .campaign = campaign,
                .type = QString::fromLatin1(type),
                .percentage = QString::fromLatin1(share) })
                     .isEmpty());
    if (!postgres) // what direct SQL may leave in an SQLite file: an instant in another form, a leading zero
        QVERIFY(execute(scratch.db(),
            QStringLiteral("UPDATE agency_campaign_channels SET created_at = '2026-01-02 03:04:05+02:00', "
                           "budget_amount = '0100.00' WHERE id = '40000000-0000-4000-8000-000000000002'")));
    for (const char* table : { "agency_sla_tiers", "agency_clients", "agency_campaigns", "agency_campaign_channels" }) {
        for (const bool deleted : { false, true }) {
            exporting::ExportRequest request;
            request.table = QString::fromLatin1(table);
            request.filter.includeDeleted = deleted;
            bool usedDirect = false;
            const QByteArray direct = exportBytes(scratch.db(), request, &usedDirect);
            QVERIFY(usedDirect);
            request.allowDirect = false;
            const QByteArray generic = exportBytes(scratch.db(), request, &usedDirect);
            QVERIFY(!usedDirect);
            QVERIFY(direct.count("\r\n") >= 2);
            QCOMPARE(direct, generic);
        }
    }
    exporting::ExportRequest channels;
    channels.table = QStringLiteral("agency_campaign_channels");
    const QByteArray csv = exportBytes(scratch.db(), channels);
    QVERIFY(csv.contains(",half,50.00,"));
    if (!postgres)
        QVERIFY(csv.contains(",2026-01-02T01:04:05.000Z,")); // in UTC, as the app writes instants
    if (!postgres)
        QVERIFY(csv.contains(",0100.00,") && csv.contains(",100.00\r\n")); // the effective budget normalised
    QVERIFY(csv.contains("Acme · email · 2026-03-04,0.01\r\n")); // 50 % of 0.01 is half a cent: up
    QVERIFY(csv.contains(" · social\",33.33\r\n")); // 33.33 % of 99.99 = 33.326667 (the name guarded and quoted)
    if (postgres)
        QVERIFY(csv.contains("Spring Launch")); // the Plane project's name
}

void TestTableExport::copyFromLoadsBackTheSameRows()
{
    AGENCY_SCRATCH(pg, QStringLiteral("postgresql"));
    QVERIFY(pg.migrate());
    QVERIFY(loadFixture(pg.db()));
    exporting::ExportRequest request;
    request.table = QStringLiteral("agency_campaign_channels");
    request.filter.includeDeleted = true;
    request.csv.formulaGuard = false;
    const QByteArray csv = exportBytes(pg.db(), request);
    QVERIFY(!csv.isEmpty());

    QVERIFY(execute(pg.db(),
        QStringLiteral("CREATE TABLE copy_back (LIKE agency_campaign_channels, client_name text, campaign_label text, "
                       "effective_budget numeric)")));
    PGconn* conn = *static_cast<PGconn* const*>(pg.db().driver()->handle().data());
    PGresult* start = PQexec(conn, "COPY copy_back FROM STDIN (FORMAT csv, HEADER true)");
    QCOMPARE(PQresultStatus(start), PGRES_COPY_IN);
    PQclear(start);
    QCOMPARE(PQputCopyData(conn, csv.constData(), static_cast<int>(csv.size())), 1);
    QCOMPARE(PQputCopyEnd(conn, nullptr), 1);
    PGresult* end = PQgetResult(conn);
    QVERIFY2(PQresultStatus(end) == PGRES_COMMAND_OK, PQresultErrorMessage(end));
    PQclear(end);
    while (PGresult* rest = PQgetResult(conn))
        PQclear(rest);

    const QString columns = QStringLiteral(
        "id, campaign_id, channel_type, budget_percentage, budget_amount, is_active, performance_data, "
        "external_account_id, external_campaign_id, notes, created_at, updated_at, deleted_at");
    QCOMPARE(scalar(pg.db(), QStringLiteral("SELECT count(*) FROM copy_back")).toInt(), 4);
    QCOMPARE(scalar(pg.db(),
                 QStringLiteral(
                     "SELECT count(*) FROM (SELECT %1 FROM copy_back EXCEPT SELECT %1 FROM agency_campaign_channels) x")
                     .arg(columns))
                 .toInt(),
        0);
    QCOMPARE(scalar(pg.db(),
                 QStringLiteral(
                     "SELECT count(*) FROM (SELECT %1 FROM agency_campaign_channels EXCEPT SELECT %1 FROM copy_back) x")
                     .arg(columns))
                 .toInt(),
        0);
    QCOMPARE(scalar(pg.db(), QStringLiteral("SELECT notes FROM copy_back WHERE channel_type = 'meta'")).toString(),
        QString()); // "" stays ""
    QVERIFY(!scalar(pg.db(), QStringLiteral("SELECT notes FROM copy_back WHERE channel_type = 'meta'")).isNull());
    QVERIFY(scalar(pg.db(), QStringLiteral("SELECT notes FROM copy_back WHERE channel_type = 'google_ads'"))
                .isNull()); // NULL stays NULL
}

void TestTableExport::failedOrCancelledExportLeavesNoFile_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("how");
    for (const char* backend : { "sqlite", "postgresql" }) {
        for (const char* how : { "cancelled", "cancelled from another thread", "bad column", "unwritable folder" })
            QTest::newRow(qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(backend), QLatin1String(how))))
                << QString::fromLatin1(backend) << QString::fromLatin1(how);
    }
}

void TestTableExport::failedOrCancelledExportLeavesNoFile()
{
    QFETCH(QString, backend);
    QFETCH(QString, how);
    AGENCY_SCRATCH(scratch, backend);
    QVERIFY(scratch.migrate());
    QVERIFY(loadFixture(scratch.db()));
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("clients.csv"));
    {
        QFile good(path);
        QVERIFY(good.open(QIODevice::WriteOnly));
        good.write("the good file from last time\r\n");
    }
    exporting::ExportRequest request;
    request.table = QStringLiteral("agency_campaign_channels");
    // The window's Cancel: another thread sets a flag it shares with the exporter, never touching the exporter.
    const auto cancelFlag = std::make_shared<std::atomic<bool>>(false);
    exporting::TableExporter exporter(scratch.db(), cancelFlag);
    if (how == QStringLiteral("cancelled"))
        exporter.cancel();
    else if (how == QStringLiteral("cancelled from another thread"))
        std::thread([cancelFlag]() { *cancelFlag = true; }).join();
    else if (how == QStringLiteral("bad column"))
        request.columns = { QStringLiteral("id"), QStringLiteral("nonsense") };
    else
        path = dir.filePath(QStringLiteral("missing/folder/clients.csv"));
    QString error;
    QVERIFY(!exporting::exportToFile(exporter, request, path, &error));
    QVERIFY(!error.isEmpty());
    if (how == QStringLiteral("unwritable folder")) {
        QVERIFY(!QFile::exists(path));
    } else {
        QFile kept(path);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("the good file from last time\r\n"));
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // no temporary left behind
    // The connection is still usable afterwards.
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_clients")).toInt(), 2);
}

void TestTableExport::viewOrderAndColumns()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(loadFixture(scratch.db()));
    exporting::ExportRequest request;
    request.table = QStringLiteral("agency_campaigns");
    request.columns = { "client_name", "budget_allocated", "status" };
    request.sortColumn = QStringLiteral("budget_allocated");
    request.sortOrder = Qt::DescendingOrder;
    request.filter.matches = { { QStringLiteral("status"), { QStringLiteral("active"), QStringLiteral("draft") } } };
    const QByteArray bytes = exportBytes(scratch.db(), request);
    // Exact decimal text sorts as text on SQLite; the view's order is what the database gives for that column.
    QVERIFY2(bytes.startsWith("client_name,budget_allocated,status\r\n"), bytes.constData());
    QCOMPARE(bytes.count("\r\n"), 3);
    request.filter.matches = { { QStringLiteral("status"), { QStringLiteral("draft") } } };
    QCOMPARE(exportBytes(scratch.db(), request),
        QByteArray("client_name,budget_allocated,status\r\n\"'=HYPERLINK(\"\"http://x\"\")\",1000.00,draft\r\n"));
    // Values and searches are data, never SQL: a quote or a backslash is matched literally, and no value matches
    // nothing.
    request.filter.matches = { { QStringLiteral("status"), { QStringLiteral("dr'aft\\") } } };
    QCOMPARE(exportBytes(scratch.db(), request), QByteArray("client_name,budget_allocated,status\r\n"));
    request.filter.matches = { { QStringLiteral("status"), {} } };
    QCOMPARE(exportBytes(scratch.db(), request), QByteArray("client_name,budget_allocated,status\r\n"));
    request.filter.matches = { { QStringLiteral("no_such_column"), { QStringLiteral("draft") } } };
    QCOMPARE(exportBytes(scratch.db(), request), QByteArray("client_name,budget_allocated,status\r\n"));
    request.filter.matches.clear();
    request.filter.search = QStringLiteral("x\")'; DROP TABLE agency_campaigns; --");
    QCOMPARE(exportBytes(scratch.db(), request), QByteArray("client_name,budget_allocated,status\r\n"));
    request.filter.search = QStringLiteral("SEO"); // the type, in another case
    QCOMPARE(exportBytes(scratch.db(), request),
        QByteArray("client_name,budget_allocated,status\r\n\"'=HYPERLINK(\"\"http://x\"\")\",1000.00,draft\r\n"));
    request.sortColumn = QStringLiteral("no_such_column");
    QVERIFY(exportBytes(scratch.db(), request).isEmpty());
}

// Issue 31.3: the view as an .xlsx workbook, read back by an independent reader (Debian's python3-openpyxl): money,
// percent and booleans as such cells, dates as dates, text as text (a formula-looking name stays text, no guard
// needed), NULL as an empty cell, the header frozen, the columns widened.
void TestTableExport::xlsxHasRealCells()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(loadFixture(scratch.db()));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("channels.xlsx"));
    exporting::ExportRequest request;
    request.table = QStringLiteral("agency_campaign_channels");
    request.format = exporting::ExportRequest::Format::Xlsx;
    exporting::TableExporter exporter(scratch.db());
    QString error;
    QVERIFY2(exporting::exportToFile(exporter, request, path, &error), qPrintable(error));
    QByteArray errors;
    const auto read = python(
        QStringLiteral("import json, sys, openpyxl\n"
                       "ws = openpyxl.load_workbook(sys.argv[1]).active\n"
                       "rows = [[{'v': None if c.value is None else str(c.value), 't': c.data_type, "
                       "'f': c.number_format} for c in r] for r in ws.iter_rows()]\n"
                       "print(json.dumps({'freeze': ws.freeze_panes, 'width': ws.column_dimensions['E'].width, "
                       "'rows': rows}))"),
        { path }, &errors);
    QVERIFY2(read, errors.constData());
    const QJsonObject sheet = QJsonDocument::fromJson(*read).object();
    QCOMPARE(sheet.value(QStringLiteral("freeze")).toString(), QStringLiteral("A2"));
    QVERIFY(sheet.value(QStringLiteral("width")).toDouble() > 10);
    const QJsonArray rows = sheet.value(QStringLiteral("rows")).toArray();
    QCOMPARE(rows.size(), 1 + 3); // the header and the live channels, as the CSV has them
    QStringList header;
    for (const QJsonValue& cell : rows.at(0).toArray())
        header << cell.toObject().value(QStringLiteral("v")).toString();
    QCOMPARE(header, exporting::exportHeaders(request.table));
    const auto cell = [&](int row, const char* column) {
        return rows.at(row).toArray().at(header.indexOf(QString::fromLatin1(column))).toObject();
    };
    const auto value
        = [&](int row, const char* column) { return cell(row, column).value(QStringLiteral("v")).toString(); };
    const auto type
        = [&](int row, const char* column) { return cell(row, column).value(QStringLiteral("t")).toString(); };
    int google = -1;
    int tiktok = -1;
    for (int r = 1; r < rows.size(); ++r) {
        if (value(r, "channel_type") == QStringLiteral("google_ads"))
            google = r;
        if (value(r, "channel_type") == QStringLiteral("tiktok"))
            tiktok = r;
    }
    QVERIFY(google > 0 && tiktok > 0);
    QCOMPARE(type(google, "budget_percentage"), QStringLiteral("n"));
    QCOMPARE(value(google, "budget_percentage"), QStringLiteral("12.5"));
    QCOMPARE(type(google, "effective_budget"), QStringLiteral("n"));
    QCOMPARE(value(google, "effective_budget"), QStringLiteral("1250000000"));
    QCOMPARE(value(tiktok, "effective_budget"), QStringLiteral("333.3"));
    QCOMPARE(cell(google, "effective_budget").value(QStringLiteral("f")).toString(), QStringLiteral("#,##0.00"));
    QVERIFY(cell(google, "budget_amount").value(QStringLiteral("v")).isNull()); // NULL: empty, not 0
    QCOMPARE(type(google, "is_active"), QStringLiteral("b"));
    QCOMPARE(value(tiktok, "is_active"), QStringLiteral("False"));
    QCOMPARE(type(google, "created_at"), QStringLiteral("d"));
    QCOMPARE(type(tiktok, "client_name"), QStringLiteral("s"));
    QCOMPARE(value(tiktok, "client_name"), QStringLiteral("=HYPERLINK(\"http://x\")"));
    QCOMPARE(value(tiktok, "campaign_label"), QStringLiteral("=HYPERLINK(\"http://x\") · seo"));
}

// Issue 31.3: a sheet holds 1,048,576 rows, the header one of them. A table of 1,048,576 live tiers is refused before
// anything is read or written, with the count and what to do instead; one row fewer fills the sheet to its last row.
void TestTableExport::xlsxRefusesMoreRowsThanASheetHolds()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("sqlite"));
    QVERIFY(scratch.migrate());
    QVERIFY(test::execute(scratch.db(),
        QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1048576) "
            "INSERT INTO agency_sla_tiers (id, name, hourly_rate) SELECT printf('00000000-0000-4000-8000-%012d', "
            "i), 'Tier ' || i, '95.00' FROM n")));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tiers.xlsx"));
    exporting::ExportRequest request;
    request.table = QStringLiteral("agency_sla_tiers");
    request.format = exporting::ExportRequest::Format::Xlsx;
    exporting::TableExporter exporter(scratch.db());
    QString error;
    QElapsedTimer refusing;
    refusing.start();
    QVERIFY(!exporting::exportToFile(exporter, request, path, &error));
    QCOMPARE(error,
        QStringLiteral(
            "1,048,576 rows are more than a sheet holds (1,048,575 below its header): export them as CSV, or "
            "narrow the view first"));
    QVERIFY2(refusing.elapsed() < 5000, qPrintable(QString::number(refusing.elapsed())));
    QVERIFY(!QFile::exists(path));

    QVERIFY(test::execute(scratch.db(),
        QStringLiteral("UPDATE agency_sla_tiers SET deleted_at = '2026-12-01T00:00:00.000Z' WHERE id = "
                       "'00000000-0000-4000-8000-000000000001'")));
    QVERIFY2(exporting::exportToFile(exporter, request, path, &error), qPrintable(error));
    // Read by an independent reader, without loading a million rows: the sheet's last row is the sheet's last.
    QByteArray errors;
    const auto read
        = python(QStringLiteral("import re, sys, zipfile\n"
                                "with zipfile.ZipFile(sys.argv[1]) as z, z.open('xl/worksheets/sheet1.xml') as f:\n"
                                "    tail = b''\n"
                                "    while chunk := f.read(1 << 20):\n"
                                "        tail = (tail + chunk)[-4096:]\n"
                                "print(re.findall(rb'<row r=\"(\\d+)\"', tail)[-1].decode(), "
                                "re.findall(rb'<t[^>]*>(Tier \\d+)</t>', tail)[-1].decode())"),
            { path }, &errors, 120000);
    QVERIFY2(read, errors.constData());
    QCOMPARE(read->trimmed(), QByteArray("1048576 Tier 1048576"));
}

// The workbook's own writer and reader agree on every kind of cell, text that XML cannot hold as it is included: what
// goes in as CSV fields comes back as the same CSV (numbers as a spreadsheet shows them: 1,234.50 as 1234.5), and an
// independent reader (openpyxl, with OOXML's escapes undone) finds the text unchanged too.
void TestTableExport::xlsxCellsReadBackAsWritten()
{
    using Kind = exporting::SheetWriter::Kind;
    QBuffer workbook;
    QVERIFY(workbook.open(QIODevice::WriteOnly));
    const QByteArray awkward = "<b>&amp;</b> _x0041_ tab\there\r\nline \x01\x1f end \xe2\x80\x8f\xd7\xa9";
    {
        exporting::SheetWriter sheet(&workbook,
            { Kind::Text, Kind::Money, Kind::Percent, Kind::Number, Kind::Date, Kind::Instant, Kind::Boolean });
        QVERIFY(sheet.writeHeader({ QStringLiteral("text"), QStringLiteral("money"), QStringLiteral("percent"),
            QStringLiteral("number"), QStringLiteral("date"), QStringLiteral("instant"), QStringLiteral("flag") }));
        QVERIFY(
            sheet.writeRow({ awkward, "1234.50", "12.50", "-7", "2026-02-28", "2026-12-07T10:11:12.345Z", "true" }));
        QVERIFY(sheet.writeRow(
            { QByteArrayView(), "1250000000.00", "0.00", "0", "1900-03-01", "1999-12-31T23:59:59.999Z", "false" }));
        QVERIFY(sheet.writeRow({ "not a number: 1e5", "1e5", "12,50", "x", "2026-02-30", "yesterday", "maybe" }));
        QVERIFY2(sheet.flush(), qPrintable(sheet.errorString()));
    }
    workbook.close();
    QVERIFY(workbook.open(QIODevice::ReadOnly));
    QBuffer csv;
    QVERIFY(csv.open(QIODevice::WriteOnly));
    QString error;
    QVERIFY2(exporting::sheetToCsv(&workbook, &csv, &error), qPrintable(error));
    QCOMPARE(csv.data(),
        QByteArray("text,money,percent,number,date,instant,flag\r\n\"") + awkward
            + "\",1234.5,12.5,-7,2026-02-28,2026-12-07T10:11:12.345Z,true\r\n"
              ",1250000000,0,0,1900-03-01,1999-12-31T23:59:59.999Z,false\r\n"
              "not a number: 1e5,1e5,\"12,50\",x,2026-02-30,yesterday,maybe\r\n");

    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("cells.xlsx")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(workbook.data());
    file.close();
    QByteArray errors;
    const auto read = python(
        // openpyxl leaves OOXML's _xHHHH_ escapes in the text (Excel and LibreOffice read them): undone here.
        QStringLiteral("import re, sys, openpyxl\n"
                       "ws = openpyxl.load_workbook(sys.argv[1]).active\n"
                       "text = re.sub(r'_x([0-9A-Fa-f]{4})_', lambda m: chr(int(m.group(1), 16)), ws['A2'].value)\n"
                       "sys.stdout.buffer.write(text.encode('utf-8'))"),
        { file.fileName() }, &errors);
    QVERIFY2(read, errors.constData());
    QCOMPARE(*read, awkward);
}

QTEST_GUILESS_MAIN(TestTableExport)
void TestTableExport::jsonIsWrittenAsPostgresPrintsIt_data()
{
    QTest::addColumn<QByteArray>("typed");
    QTest::addColumn<QByteArray>("printed");
    QTest::newRow("compact, keys in typed order")
        << QByteArray(R"({"clicks":10,"ctr":0.5})") << QByteArray(R"({"ctr": 0.5, "clicks": 10})");
    QTest::newRow("keys shortest first, then bytewise")
        << QByteArray(R"({"b":1,"aa":2,"a":3,"B":4})") << QByteArray(R"({"B": 4, "a": 3, "b": 1, "aa": 2})");
    QTest::newRow("the last of a repeated key") << QByteArray(R"({"k": 1, "k": 2})") << QByteArray(R"({"k": 2})");
    QTest::newRow("nested, spaces anywhere") << QByteArray(" { \"x\" : [ 1 ,{ \"z\":null,\"y\":true} , [] , {} ] }\n")
                                             << QByteArray(R"({"x": [1, {"y": true, "z": null}, [], {}]})");
    QTest::newRow("numbers as numeric prints them")
        << QByteArray("[1.50e1, 1e2, -0, -0.0, 0.0e5, 1E-2, 1.0e-5, 12.340, -7]")
        << QByteArray("[15.0, 100, 0, 0.0, 0, 0.01, 0.000010, 12.340, -7]");
    QTest::newRow("a big integer, exactly")
        << QByteArray("[12345678901234567890123]") << QByteArray("[12345678901234567890123]");
    QTest::newRow("escapes decoded, controls escaped")
        << QByteArray(R"(["\u00e9\/\"\\", "\ud83d\ude00", "tab\there", "\u0001"])")
        << QByteArray("[\"\xc3\xa9/\\\"\\\\\", \"\xf0\x9f\x98\x80\", \"tab\\there\", \"\\u0001\"]");
    QTest::newRow("unicode as UTF-8") << QByteArray("{\"m\xc3\xbcnchen\": \"\xe2\x82\xac\"}")
                                      << QByteArray("{\"m\xc3\xbcnchen\": \"\xe2\x82\xac\"}");
}

// SQLite keeps JSON as it was typed; PostgreSQL's jsonb prints its own form. The export writes PostgreSQL's, so a file
// has the same bytes from either backend (issue 13). Each row is checked against the real server's jsonb too.
void TestTableExport::jsonIsWrittenAsPostgresPrintsIt()
{
    QFETCH(QByteArray, typed);
    QFETCH(QByteArray, printed);
    const auto written = exporting::asJsonbText(typed);
    QVERIFY(written);
    QCOMPARE(*written, printed);
    QCOMPARE(exporting::asJsonbText(*written).value_or(QByteArray()), printed); // printing it again changes nothing
    AGENCY_REQUIRE_BACKEND(QStringLiteral("postgresql"));
    test::ScratchDatabase pg(QStringLiteral("postgresql"));
    QVERIFY2(pg.isReady(), qPrintable(pg.error()));
    QCOMPARE(scalar(pg.db(), QStringLiteral("SELECT CAST(CAST(? AS jsonb) AS text)"), { QString::fromUtf8(typed) })
                 .toString()
                 .toUtf8(),
        printed);
}

void TestTableExport::notJsonIsNotRewritten_data()
{
    QTest::addColumn<QByteArray>("text");
    for (const char* text : { "", "{", "[1,]", "{\"a\" 1}", "01", "1.", "1e", "-", "\"\\x\"", "\"\\ud800\"",
             "\"tab\there\"", "[1] 2", "tru", "{\"a\":1,}", "nul" })
        QTest::newRow(text) << QByteArray(text);
}

// Text that is not JSON (which the schema's CHECKs keep out) is refused, not half-rewritten: the export then writes it
// as stored.
void TestTableExport::notJsonIsNotRewritten()
{
    QFETCH(QByteArray, text);
    QVERIFY(!exporting::asJsonbText(text));
}

// The same JSON typed in different forms into each backend: every table's JSON columns export the same bytes.
void TestTableExport::jsonColumnsExportTheSameBytesFromBothBackends()
{
    AGENCY_SCRATCH(sqlite, QStringLiteral("sqlite"));
    AGENCY_SCRATCH(pg, QStringLiteral("postgresql"));
    for (test::ScratchDatabase* scratch : { &sqlite, &pg }) {
        QVERIFY(scratch->migrate());
        QVERIFY(loadFixture(scratch->db()));
        QVERIFY(execute(scratch->db(),
            QStringLiteral("UPDATE agency_campaigns SET target_kpis = '{\"clicks\":10,\"ctr\":0.5}', "
                           "actual_kpis = '{ \"ctr\" : 1.50e-1 , \"clicks\" : 12 }', metadata = "
                           "'{\"name\":\"Spring \\u00e9t\u00e9\",\"tags\":[\"b\",\"a\"],\"a\":{}}' WHERE id = ?"),
            { campaign }));
        QVERIFY(execute(scratch->db(),
            QStringLiteral("UPDATE agency_campaign_channels SET performance_data = '{\"spend\":1e3,\"cpc\":0.40}'")));
        QVERIFY(execute(scratch->db(), QStringLiteral("UPDATE agency_sla_tiers SET features = '[ \"x\",\"y\" ]'")));
    }
    const QList<std::pair<QString, QStringList>> tables {
        { QStringLiteral("agency_campaigns"), { "id", "target_kpis", "actual_kpis", "metadata" } },
        { QStringLiteral("agency_campaign_channels"), { "id", "performance_data" } },
        { QStringLiteral("agency_sla_tiers"), { "id", "features" } },
    };
    for (const auto& [table, columns] : tables) {
        for (const bool direct : { true, false }) {
            exporting::ExportRequest request;
            request.table = table;
            request.columns = columns;
            request.allowDirect = direct;
            const QByteArray fromSqlite = exportBytes(sqlite.db(), request);
            const QByteArray fromPostgres = exportBytes(pg.db(), request);
            QVERIFY(fromSqlite.count("\r\n") > 1);
            QCOMPARE(fromSqlite, fromPostgres);
        }
    }
    exporting::ExportRequest campaigns;
    campaigns.table = QStringLiteral("agency_campaigns");
    campaigns.columns = { "target_kpis", "actual_kpis" };
    QVERIFY2(exportBytes(sqlite.db(), campaigns)
                 .contains(R"("{""ctr"": 0.5, ""clicks"": 10}","{""ctr"": 0.150, ""clicks"": 12}")"),
        exportBytes(sqlite.db(), campaigns).constData());
}

#include "tst_tableexport.moc"
