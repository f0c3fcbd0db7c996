// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 29.6: a column the role may not read (PostgreSQL: no SELECT on it) is hidden in the table, the form, the
// charts and exports, and the page says which. README's third example role (Mia, who reads the work but not the
// money) is created as README writes it; she works in the window with keys, and exports from the command line.
// Nothing she does may meet "permission denied": the app never names a column she may not read.
#include "budgetsplitpanel.h"
#include "charts/budgetsplitchart.h"
#include "charts/kpichart.h"
#include "dashboardpage.h"
#include "db/database.h"
#include "export/tableexport.h"
#include "guisupport.h"
#include "mainwindow.h"
#include "support/builders.h"
#include "support/scratchdatabase.h"
#include "tablepage.h"
#include "tables/agencytablemodel.h"
#include "tables/tablespec.h"

#include <QBuffer>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <sstream>

using namespace agency;

namespace {

QString bannerOf(ui::TablePage* page)
{
    auto* banner = page->findChild<QLabel*>(QStringLiteral("rightsBanner"));
    return banner && banner->isVisibleTo(page) ? banner->text() : QString();
}

bool columnHidden(ui::TablePage* page, const QString& column)
{
    return page->view()->isColumnHidden(page->model()->fieldIndex(column));
}

} // namespace

class TestColumnRights : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void creativeSeesTheWorkNotTheMoney();
    void aSearchLeavesOutWhatTheRoleMayNotRead();
};

void TestColumnRights::creativeSeesTheWorkNotTheMoney()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("postgresql"));
    QVERIFY(scratch.migrate());
    const QString tier = test::add(scratch.db(),
        test::Tier { .name = QStringLiteral("Gold"),
            .hourlyRate = QStringLiteral("95.00"),
            .monthlyRetainer = QStringLiteral("2500.00") });
    const QString client = test::add(scratch.db(), test::Client { .name = QStringLiteral("Acme"), .tier = tier });
    const QString campaign = test::add(scratch.db(),
        test::Campaign { .client = client,
            .type = QStringLiteral("social"),
            .allocated = QStringLiteral("5000.00"),
            .spent = QStringLiteral("1200.00"),
            .targetKpis = QStringLiteral(R"({"clicks": 1000})"),
            .actualKpis = QStringLiteral(R"({"clicks": 400})") });
    const QString channel = test::add(scratch.db(),
        test::Channel {
            .campaign = campaign, .percentage = QStringLiteral("50.00"), .account = QStringLiteral("acc-1") });

    const QString suffix = QStringLiteral("_%1").arg(QCoreApplication::applicationPid());
    const QStringList statements
        = test::readmeRoleStatements(2, { QStringLiteral("agency_creatives"), QStringLiteral("mia") }, suffix);
    QVERIFY(statements.size() >= 5);
    for (const QString& statement : statements)
        QVERIFY2(test::execute(scratch.db(), statement), qPrintable(statement));
    const QString role = QStringLiteral("mia") + suffix;

    // Every SQL failure the app logs, to look for a refused read at the end.
    std::ostringstream log;
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(log);
    spdlog::default_logger()->sinks().push_back(sink);
    auto where = test::whereOf(scratch);
    where.user = role;
    where.password = QStringLiteral("change-me");
    {
        QString error;
        QSqlDatabase db = db::openDatabase(where, role, &error);
        QVERIFY2(db.isOpen(), qPrintable(error));
        ui::MainWindow window(db, where, false);
        window.resize(1366, 768);
        QVERIFY(test::shown(window));

        // Campaigns: no budget or spend column, no field for them, and the banner says why.
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        ui::TablePage* campaigns = window.page(ui::MainWindow::Campaigns);
        QVERIFY(campaigns->showRecord(campaign));
        const QString said = bannerOf(campaigns);
        QVERIFY2(said.contains(QStringLiteral("Some columns are hidden"))
                && said.contains(QStringLiteral("Budget allocated")) && said.contains(QStringLiteral("Budget spent")),
            qPrintable(said));
        QVERIFY(columnHidden(campaigns, QStringLiteral("budget_allocated")));
        QVERIFY(columnHidden(campaigns, QStringLiteral("budget_spent")));
        QVERIFY(!columnHidden(campaigns, QStringLiteral("campaign_type")));
        QVERIFY(!campaigns->form()->editor(QStringLiteral("budget_allocated")));
        QVERIFY(!campaigns->form()->editor(QStringLiteral("budget_spent")));
        // The split and its chart say the budget is hidden; the KPIs, which she may read, are drawn.
        QVERIFY(test::campaignFiguresShown(window));
        auto* detail = window.findChild<ui::CampaignDetailPanel*>();
        QVERIFY(detail);
        QTRY_VERIFY2(detail->split()->summary().contains(QStringLiteral("may not read Budget allocated")),
            qPrintable(detail->split()->summary()));
        QVERIFY(detail->pie()->chart()->title().contains(QStringLiteral("Hidden")));
        QVERIFY(!detail->kpis()->chart()->title().contains(QStringLiteral("Hidden")));
        QVERIFY(!detail->kpis()->chart()->series().isEmpty());

        // She writes the brief, which she may: typed, Ctrl+S, in the database.
        QWidget* brief = campaigns->form()->editor(QStringLiteral("campaign_brief"));
        QVERIFY(brief && brief->isEnabled());
        brief->setFocus();
        QTest::keyClicks(brief, QStringLiteral("Bold colours"));
        QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
        QTRY_COMPARE(test::scalar(scratch.db(),
                         QStringLiteral("SELECT campaign_brief FROM %1").arg(tables::campaignsSpec().table))
                         .toString(),
            QStringLiteral("Bold colours"));
        QCOMPARE(test::scalar(
                     scratch.db(), QStringLiteral("SELECT budget_allocated FROM %1").arg(tables::campaignsSpec().table))
                     .toString(),
            QStringLiteral("5000.00")); // what she could not see is as it was

        // A search finds by what she may read (the search index covers what she may not: it is searched row by row).
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QTest::keyClicks(campaigns->searchBox(), QStringLiteral("Bold colours"));
        QTRY_COMPARE(campaigns->model()->rowCount(), 1);
        QTest::keyClicks(campaigns->searchBox(), QStringLiteral("zz"));
        QTRY_COMPARE(campaigns->model()->rowCount(), 0);
        campaigns->searchBox()->clear();

        // Channels: no share; the account she may read is there.
        QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
        ui::TablePage* channels = window.page(ui::MainWindow::Channels);
        QVERIFY(channels->showRecord(channel));
        QVERIFY(columnHidden(channels, QStringLiteral("budget_percentage")));
        QVERIFY(columnHidden(channels, QStringLiteral("budget_amount")));
        QVERIFY(!channels->form()->editor(QStringLiteral("budget_percentage")));
        auto* account = qobject_cast<QLineEdit*>(channels->form()->editor(QStringLiteral("external_account_id")));
        QVERIFY(account);
        QTRY_COMPARE(account->text(), QStringLiteral("acc-1"));
        QVERIFY2(bannerOf(channels).contains(tables::columnLabel(QStringLiteral("budget_percentage")))
                && bannerOf(channels).contains(tables::columnLabel(QStringLiteral("budget_amount"))),
            qPrintable(bannerOf(channels)));

        // SLA tiers: no rate or retainer.
        QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
        ui::TablePage* tiers = window.page(ui::MainWindow::SlaTiers);
        QVERIFY(tiers->showRecord(tier));
        QVERIFY(columnHidden(tiers, QStringLiteral("hourly_rate")));
        QVERIFY(columnHidden(tiers, QStringLiteral("monthly_retainer")));
        QVERIFY(!tiers->form()->editor(QStringLiteral("hourly_rate")));
        QVERIFY(bannerOf(tiers).contains(QStringLiteral("Some columns are hidden")));
        // Clients: she may read every column, so nothing is hidden there; what its panels read of the tier (the
        // retainer desk) leaves the money out too.
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QVERIFY(window.page(ui::MainWindow::Clients)->showRecord(client));
        QVERIFY(!bannerOf(window.page(ui::MainWindow::Clients)).contains(QStringLiteral("hidden")));
        QTest::qWait(1000); // its panels' reads in the background

        // The dashboard: its money is hidden, said in place of the figures; no error.
        QSignalSpy refreshed(window.dashboard(), &ui::DashboardPage::refreshed);
        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        window.dashboard()->refresh();
        QVERIFY(refreshed.wait(20000));
        auto* note = window.dashboard()->findChild<QLabel*>(QStringLiteral("headlineNote"));
        QVERIFY(note);
        QTRY_VERIFY2(note->text().contains(QStringLiteral("hidden")), qPrintable(note->text()));
        QVERIFY(note->text().contains(QStringLiteral("Budget allocated")));
    }
    db::closeDatabase(role);

    // The command line's export leaves the columns out, and says so; the rest is all there.
    QTemporaryDir home;
    const QString dsn = QStringLiteral("postgresql://%1:change-me@%2:%3/%4")
                            .arg(role, where.host)
                            .arg(where.port)
                            .arg(where.database);
    const QString file = home.filePath(QStringLiteral("channels.csv"));
    QProcess cli;
    cli.setProcessEnvironment(test::cliEnvironment(home.path()));
    cli.start(QStringLiteral(AGENCY_OS_BINARY),
        { QStringLiteral("export"), QStringLiteral("channels"), QStringLiteral("--db"), dsn, QStringLiteral("--output"),
            file });
    QVERIFY(cli.waitForFinished(60000));
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(cli.exitCode() == 0, qPrintable(err));
    QVERIFY2(
        err.contains(QStringLiteral("left out budget_percentage, budget_amount, effective_budget")), qPrintable(err));
    QFile csv(file);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList header = QString::fromUtf8(csv.readLine()).trimmed().split(u',');
    QVERIFY2(!header.contains(QStringLiteral("budget_percentage")) && !header.contains(QStringLiteral("budget_amount"))
            && !header.contains(QStringLiteral("effective_budget")),
        qPrintable(header.join(u',')));
    QVERIFY(
        header.contains(QStringLiteral("external_account_id")) && header.contains(QStringLiteral("campaign_label")));
    const QString row = QString::fromUtf8(csv.readLine());
    QVERIFY2(row.startsWith(channel) && row.contains(QStringLiteral("acc-1")), qPrintable(row));

    spdlog::default_logger()->flush();
    std::erase(spdlog::default_logger()->sinks(), sink);
    const QString logged = QString::fromStdString(log.str());
    QVERIFY2(!logged.contains(QStringLiteral("permission denied")), qPrintable(logged));

    for (const QString& name : { QStringLiteral("mia"), QStringLiteral("agency_creatives") })
        QVERIFY(test::execute(scratch.db(), QStringLiteral("DROP OWNED BY %1; DROP ROLE %1").arg(name + suffix)));
}

// A hidden column that the search covers (a client's internal notes): the table and an export of a searched view
// search the rest, row by row, and never name it to the server.
void TestColumnRights::aSearchLeavesOutWhatTheRoleMayNotRead()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("postgresql"));
    QVERIFY(scratch.migrate());
    QVERIFY(!test::add(scratch.db(), test::Client { .name = QStringLiteral("Acme"), .notes = QStringLiteral("secret") })
                 .isEmpty());
    QVERIFY(!test::add(scratch.db(), test::Client { .name = QStringLiteral("Globex") }).isEmpty());
    const tables::TableSpec& clients = tables::clientsSpec();
    QStringList readable;
    for (const tables::ColumnSpec& column : clients.columns) {
        if (column.name != QStringLiteral("internal_notes"))
            readable << column.name;
    }
    const QString role = QStringLiteral("notes_%1").arg(QCoreApplication::applicationPid());
    QVERIFY(test::execute(scratch.db(), QStringLiteral("CREATE ROLE %1 NOLOGIN").arg(role)));
    QVERIFY(test::execute(scratch.db(),
        QStringLiteral("GRANT SELECT (%1) ON %2 TO %3").arg(readable.join(QStringLiteral(", ")), clients.table, role)));
    QVERIFY(test::execute(
        scratch.db(), QStringLiteral("GRANT SELECT ON %1 TO %2").arg(tables::slaTiersSpec().table, role))); // names
    QVERIFY(test::execute(scratch.db(), QStringLiteral("SET ROLE %1").arg(role)));
    const auto reset = qScopeGuard([&]() { test::execute(scratch.db(), QStringLiteral("RESET ROLE")); });

    tables::AgencyTableModel model(clients, scratch.db());
    QVERIFY(model.rights().hidden().contains(QStringLiteral("internal_notes")));
    model.setSearchText(QStringLiteral("acme"));
    QVERIFY(model.select());
    QTRY_COMPARE(model.rowCount(), 1);
    model.setSearchText(QStringLiteral("secret")); // only in what the role may not read: nothing
    QVERIFY(model.select());
    QTRY_COMPARE(model.rowCount(), 0);

    exporting::ExportRequest request;
    request.table = clients.table;
    request.filter.search = QStringLiteral("acme");
    QBuffer out;
    QVERIFY(out.open(QIODevice::WriteOnly));
    exporting::TableExporter exporter(scratch.db());
    QVERIFY2(exporter.exportTable(request, &out), qPrintable(exporter.lastError()));
    const QList<QByteArray> lines = out.data().split('\n');
    QVERIFY2(!lines.at(0).contains("internal_notes"), lines.at(0).constData());
    QCOMPARE(out.data().count("\r\n"), 2); // the header and Acme
    QCOMPARE(exporter.leftOut(), QStringList { QStringLiteral("internal_notes") });
}

QTEST_MAIN(TestColumnRights)
#include "tst_columnrights.moc"
