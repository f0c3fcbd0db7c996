// SPDX-License-Identifier: GPL-3.0-or-later
// GUI tests: real widgets, offscreen, against a real database (SQLite and PostgreSQL), driven with QTest.
#include "budgetsplitpanel.h"
#include "charts/chartoutput.h"
#include "clientoverviewdialog.h"
#include "conflictdialog.h"
#include "connectiondialog.h"
#include "contractspanel.h"
#include "csvexportjob.h"
#include "dashboardpage.h"
#include "db/backgroundjob.h"
#include "db/changesource.h"
#include "db/connectionwatch.h"
#include "db/database.h"
#include "demo/demodata.h"
#include "detailpanels.h"
#include "domain/money.h"
#include "editors/choicecombo.h"
#include "editors/moneyedit.h"
#include "guisupport.h"
#include "importdialog.h"
#include "jobprogress.h"
#include "mainwindow.h"
#include "mergevaluesdialog.h"
#include "pacingpanel.h"
#include "recordform.h"
#include "spend/spendimport.h"
#include "startup.h"
#include "support/builders.h"
#include "support/scratchdatabase.h"
#include "tablepage.h"
#include "tables/campaignmodel.h"
#include "tables/channelmodel.h"
#include "tables/valuemerge.h"
#include "workpanel.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileSystemModel>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSpinBox>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QTranslator>
#include <QXYSeries>
#include <QtTest>
#include <csignal>
#include <sys/mount.h>
#include <sys/resource.h>

using namespace agency;
using agency::test::execute;
using agency::test::scalar;
using agency::test::shown;
using agency::test::whenModal;
using agency::test::whereOf;

namespace {

void clickButton(QWidget* dialog, QMessageBox::StandardButton which)
{
    auto* box = qobject_cast<QMessageBox*>(dialog);
    QVERIFY(box);
    QTest::mouseClick(box->button(which), Qt::LeftButton);
}

template <typename T> T* field(ui::TablePage* page, const char* column)
{
    return qobject_cast<T*>(page->form()->editor(QString::fromLatin1(column)));
}

// Types into a form field as a person would: focus, select all, type.
void typeInto(QWidget* editor, const QString& text)
{
    if (auto* combo = qobject_cast<QComboBox*>(editor); combo && combo->isEditable())
        editor = combo->lineEdit(); // a suggested list open to other values: typed into like a line
    editor->setFocus();
    if (auto* line = qobject_cast<QLineEdit*>(editor))
        line->selectAll();
    QTest::keyClicks(editor, text);
}

void pick(ui::ChoiceCombo* combo, const QString& value)
{
    const int index = combo->findData(value);
    QStringList items;
    for (int i = 0; i < combo->count(); ++i)
        items << combo->itemText(i) + u'=' + combo->itemData(i).toString();
    QVERIFY2(index >= 0, qPrintable(value + QStringLiteral(" not in ") + items.join(QStringLiteral(", "))));
    combo->setFocus();
    combo->setCurrentIndex(index); // what choosing an item in the popup does
}

struct Fixture {
    QString tier = QStringLiteral("10000000-0000-4000-8000-000000000001");
    QString client = QStringLiteral("20000000-0000-4000-8000-000000000001");
};

// The window's export of its current view into `path`, waited for: the file's bytes (empty when it failed).
QByteArray exportView(ui::MainWindow& window, const QString& path)
{
    QSignalSpy exported(&window, &ui::MainWindow::viewExported);
    window.exportCurrentView(path);
    if (!exported.wait(20000) || !exported.at(0).at(0).toBool())
        return {};
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void seed(QSqlDatabase db, const Fixture& f)
{
    QCOMPARE(test::add(db, test::Tier { .id = f.tier, .name = QStringLiteral("Gold"), .priority = 1 }), f.tier);
    QCOMPARE(test::add(db,
                 test::Client { .id = f.client,
                     .name = QStringLiteral("Acme"),
                     .type = QStringLiteral("retainer"),
                     .industry = QStringLiteral("Retail") }),
        f.client);
}

// Acme's "Autumn" of 30 days, today its tenth, with spend imported for two channels: Meta takes 30 % of 10,000.00
// (3,000.00, planned 1,000.00 to date) and has spent 1,200.00 (120 %: over); Google a fixed 600.00 (planned 200.00)
// and 190.00 (95 %: on pace).
struct OffPace {
    QString campaign;
    QString meta;
    QString google;
};

OffPace offPaceCampaign(QSqlDatabase db)
{
    OffPace made;
    const QDate today = QDate::currentDate();
    const QString client = test::add(db, test::Client { .name = QStringLiteral("Acme") });
    made.campaign = test::add(db,
        test::Campaign { .client = client,
            .type = QStringLiteral("social"),
            .allocated = QStringLiteral("10000.00"),
            .start = today.addDays(-9).toString(Qt::ISODate),
            .end = today.addDays(20).toString(Qt::ISODate),
            .metadata = QStringLiteral(R"({"name": "Autumn", "currency": "EUR"})") });
    made.meta = test::add(db,
        test::Channel { .campaign = made.campaign,
            .type = QStringLiteral("meta_ads"),
            .percentage = QStringLiteral("30.00"),
            .account = QStringLiteral("1"),
            .externalCampaign = QStringLiteral("11") });
    made.google = test::add(db,
        test::Channel { .campaign = made.campaign,
            .type = QStringLiteral("google_ads"),
            .amount = QStringLiteral("600.00"),
            .account = QStringLiteral("1"),
            .externalCampaign = QStringLiteral("22") });
    QByteArray report = "date,account_id,campaign_id,spend,currency\n";
    for (int day = 0; day < 10; ++day) {
        const QByteArray date = today.addDays(-9 + day).toString(Qt::ISODate).toLatin1();
        report += date + ",1,11,120.00,EUR\n" + date + ",1,22,19.00,EUR\n";
    }
    QBuffer buffer(&report);
    if (!buffer.open(QIODevice::ReadOnly) || !spend::importSpend(db, &buffer, {}).ok())
        return {};
    return made;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void namesSortAsTheReaderReadsThem_data() { test::addBackendData(); }
    void namesSortAsTheReaderReadsThem();
    void createClientCampaignAndChannelsThroughForms_data() { test::addBackendData(); }
    void createClientCampaignAndChannelsThroughForms();
    void invalidFieldBlocksSave_data() { test::addBackendData(); }
    void invalidFieldBlocksSave();
    void enterOnAChildOpensIt_data() { test::addBackendData(); }
    void enterOnAChildOpensIt();
    void softDeleteAndRestoreFromTheUi_data() { test::addBackendData(); }
    void softDeleteAndRestoreFromTheUi();
    void conflictOpensTheDialog_data();
    void conflictOpensTheDialog();
    void closingWithUnsavedEditsPrompts_data() { test::addBackendData(); }
    void closingWithUnsavedEditsPrompts();
    void connectionDialogRefusesBadInput();
    void firstRowIsShownAsStored_data() { test::addBackendData(); }
    void firstRowIsShownAsStored();
    void importDialogDryRunsThenImports_data() { test::addBackendData(); }
    void importDialogDryRunsThenImports();
    void readOnlyWindowEditsNothing_data() { test::addBackendData(); }
    void readOnlyWindowEditsNothing();
    void dashboardFollowsTheData_data() { test::addBackendData(); }
    void dashboardFollowsTheData();
    void clientOverviewShowsTheMonthAndSavesItsFigures();
    void dashboardListsContractsAndOpensTheClient_data() { test::addBackendData(); }
    void dashboardListsContractsAndOpensTheClient();
    void dashboardShowsTheChannelsOffPace();
    void channelTableShowsEachChannelsPace_data() { test::addBackendData(); }
    void channelTableShowsEachChannelsPace();
    void searchFindsACampaignByItsNameAndSelectsTheFirstMatch_data() { test::addBackendData(); }
    void searchFindsACampaignByItsNameAndSelectsTheFirstMatch();
    void helpListsTheKeysAndGuides();
    void channelTypesAreOfferedWarnedAndMerged_data() { test::addBackendData(); }
    void channelTypesAreOfferedWarnedAndMerged();
    void importDryRunShowsEachFieldsOldAndNewValue_data() { test::addBackendData(); }
    void importDryRunShowsEachFieldsOldAndNewValue();
    void droppedConnectionIsRetriedAndEditsKept();
    void tablesTheRoleMayNotChangeAreReadOnly();
    void readOnlyIsShownAndColumnGrantsArePerField();
    void anotherDesktopsChangeShowsUp();
    void exportsTheCurrentView_data() { test::addBackendData(); }
    void exportsTheCurrentView();
    void aGermanDesktopExportsForAGermanSpreadsheet();
    void longWorkLeavesTheWindowAliveAndCancels();
    void exportOntoAFullDiskSaysWhy_data();
    void exportOntoAFullDiskSaysWhy();
    void scrollingReadsTheNextPages_data() { test::addBackendData(); }
    void scrollingReadsTheNextPages();
    void pickerNamesACampaignOutsideItsList();
    void typingInTheCampaignPickerFindsAnyCampaign();
    void campaignDetailPanelFollowsUnsavedEdits();
    void savesAfterAnotherProcessWritesTheFile();
    void saveWaitsForAnotherProcessesWrite();
    void fileDialogLeavesTheDatabaseAlone();
    void rowPurgedElsewhereDoesNotBlockTheOthers_data();
    void rowPurgedElsewhereDoesNotBlockTheOthers();
    void campaignWorkTabShowsPlaneProgress();
};

void TestMainWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("agency-os-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QSettings().clear();
}

void TestMainWindow::createClientCampaignAndChannelsThroughForms()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Fixture f;
    seed(scratch.db(), f);
    AGENCY_WINDOW(window, scratch);

    // A client: Ctrl+2, Ctrl+N, type, pick, Ctrl+S.
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    ui::TablePage* clients = window.page(ui::MainWindow::Clients);
    QCOMPARE(window.currentTablePage(), clients);
    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    typeInto(field<QLineEdit>(clients, "client_name"), QStringLiteral("Initech"));
    typeInto(field<QLineEdit>(clients, "industry"), QStringLiteral("Software"));
    pick(field<ui::ChoiceCombo>(clients, "sla_tier_id"), f.tier);
    pick(field<ui::ChoiceCombo>(clients, "client_type"), QStringLiteral("hybrid"));
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(!clients->model()->hasPendingChanges(), qPrintable(window.statusMessage()));
    const QString client
        = scalar(scratch.db(), QStringLiteral("SELECT id FROM agency_clients WHERE client_name = 'Initech'"))
              .toString();
    QVERIFY(!client.isEmpty());
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT client_type FROM agency_clients WHERE id = ?"), { client })
                 .toString(),
        QStringLiteral("hybrid"));
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT sla_tier_id FROM agency_clients WHERE id = ?"), { client })
                 .toString(),
        f.tier);
    QCOMPARE(
        scalar(scratch.db(), QStringLiteral("SELECT industry FROM agency_clients WHERE id = ?"), { client }).toString(),
        QStringLiteral("Software"));

    // A campaign for it, with a budget typed in the form.
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    ui::TablePage* campaigns = window.page(ui::MainWindow::Campaigns);
    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    pick(field<ui::ChoiceCombo>(campaigns, "client_id"), client);
    typeInto(field<ui::DecimalEdit>(campaigns, "budget_allocated"), QStringLiteral("10000.50"));
    pick(field<ui::ChoiceCombo>(campaigns, "status"), QStringLiteral("active"));
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(!campaigns->model()->hasPendingChanges(), qPrintable(window.statusMessage()));
    const QString campaign
        = scalar(scratch.db(), QStringLiteral("SELECT id FROM agency_campaigns WHERE client_id = ?"), { client })
              .toString();
    QVERIFY(!campaign.isEmpty());
    QCOMPARE(
        scalar(scratch.db(), QStringLiteral("SELECT budget_allocated FROM agency_campaigns WHERE id = ?"), { campaign })
            .toString(),
        QStringLiteral("10000.50"));

    // Two channels: a percentage and a fixed amount.
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    ui::TablePage* channels = window.page(ui::MainWindow::Channels);
    for (const auto& [type, percent, amount] : QList<std::tuple<QString, QString, QString>> {
             { QStringLiteral("google_ads"), QStringLiteral("40"), QString() },
             { QStringLiteral("newsletter"), QString(), QStringLiteral("2500") } }) {
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        pick(field<ui::ChoiceCombo>(channels, "campaign_id"), campaign);
        typeInto(field<QWidget>(channels, "channel_type"), type);
        if (!percent.isEmpty())
            typeInto(field<ui::DecimalEdit>(channels, "budget_percentage"), percent);
        if (!amount.isEmpty())
            typeInto(field<ui::DecimalEdit>(channels, "budget_amount"), amount);
    }
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(!channels->model()->hasPendingChanges(), qPrintable(window.statusMessage()));
    QCOMPARE(
        scalar(scratch.db(),
            QStringLiteral("SELECT budget_percentage FROM agency_campaign_channels WHERE channel_type = 'google_ads'"))
            .toString(),
        QStringLiteral("40.00"));
    QCOMPARE(scalar(scratch.db(),
                 QStringLiteral("SELECT budget_amount FROM agency_campaign_channels WHERE channel_type = 'newsletter'"))
                 .toString(),
        QStringLiteral("2500.00"));
    QVERIFY(scalar(scratch.db(),
        QStringLiteral("SELECT budget_amount FROM agency_campaign_channels WHERE channel_type = 'google_ads'"))
                .isNull());

    // The campaign's page shows the split: 40 % of 10,000.50 = 4,000.20, + 2,500.00; 3,500.30 unallocated.
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    QVERIFY(campaigns->showRecord(campaign));
    QVERIFY(test::campaignFiguresShown(window));
    auto* split = window.findChild<ui::BudgetSplitPanel*>(QStringLiteral("budgetSplit"));
    QVERIFY(split);
    const QLocale locale;
    QVERIFY2(split->summary().contains(
                 QStringLiteral("Unallocated ") + domain::Money::fromCents(350030).toDisplayString(locale)),
        qPrintable(split->summary()));
}

void TestMainWindow::invalidFieldBlocksSave()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Fixture f;
    seed(scratch.db(), f);
    AGENCY_WINDOW(window, scratch);
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    ui::TablePage* campaigns = window.page(ui::MainWindow::Campaigns);
    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    pick(field<ui::ChoiceCombo>(campaigns, "client_id"), f.client);
    typeInto(field<ui::DecimalEdit>(campaigns, "budget_allocated"), QStringLiteral("12.345"));
    // The message is at the field as soon as it is typed…
    QVERIFY2(campaigns->form()->messageFor(QStringLiteral("budget_allocated")).contains(QStringLiteral("two decimals")),
        qPrintable(campaigns->form()->messageFor(QStringLiteral("budget_allocated"))));
    QVERIFY(campaigns->form()->hasInvalidField());
    // …and Save is refused: nothing written, the input still there.
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_campaigns")).toInt(), 0);
    QVERIFY(campaigns->model()->hasPendingChanges());
    QVERIFY(window.statusMessage().contains(QStringLiteral("Nothing was saved")));
    QCOMPARE(field<ui::DecimalEdit>(campaigns, "budget_allocated")->text(), QStringLiteral("12.345"));
    // Corrected, it saves.
    typeInto(field<ui::DecimalEdit>(campaigns, "budget_allocated"), QStringLiteral("12.34"));
    QVERIFY(campaigns->form()->messageFor(QStringLiteral("budget_allocated")).isEmpty());
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT budget_allocated FROM agency_campaigns")).toString(),
        QStringLiteral("12.34"));
}

void TestMainWindow::enterOnAChildOpensIt()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Fixture f;
    seed(scratch.db(), f);
    const QString campaign = QStringLiteral("30000000-0000-4000-8000-000000000001");
    const QString channel = QStringLiteral("40000000-0000-4000-8000-000000000001");
    QVERIFY(
        !test::add(scratch.db(), test::Campaign { .id = campaign, .client = f.client, .type = QStringLiteral("seo") })
             .isEmpty());
    QVERIFY(
        !test::add(scratch.db(), test::Channel { .id = channel, .campaign = campaign, .type = QStringLiteral("meta") })
             .isEmpty());
    AGENCY_WINDOW(window, scratch);
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    QVERIFY(window.page(ui::MainWindow::Clients)->showRecord(f.client));

    // The client's campaigns are listed below it; Enter on one opens it on the Campaigns page.
    auto* campaigns = window.findChild<QTableView*>(QStringLiteral("clientCampaigns"));
    QVERIFY(campaigns);
    QTRY_COMPARE(campaigns->model()->rowCount(), 1);
    campaigns->setFocus();
    const auto* campaignModel = qobject_cast<tables::AgencyTableModel*>(campaigns->model());
    QVERIFY(campaignModel);
    campaigns->setCurrentIndex(campaignModel->index(0, campaignModel->fieldIndex(QStringLiteral("campaign_type"))));
    QTest::keyClick(campaigns, Qt::Key_Return);
    QCOMPARE(window.currentTablePage(), window.page(ui::MainWindow::Campaigns));
    QCOMPARE(window.page(ui::MainWindow::Campaigns)->currentId(), campaign);

    // And the campaign's channels below it, the same way, by double-click.
    auto* channels = window.findChild<QTableView*>(QStringLiteral("campaignChannels"));
    QTRY_COMPARE(channels->model()->rowCount(), 1);
    const auto* channelModel = qobject_cast<tables::AgencyTableModel*>(channels->model());
    QVERIFY(channelModel);
    const QModelIndex first = channelModel->index(0, channelModel->fieldIndex(QStringLiteral("channel_type")));
    const QRect cell = channels->visualRect(first);
    // What a mouse sends: press and release, then press (as a double-click) and release.
    QTest::mouseClick(channels->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(channels->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(window.currentTablePage(), window.page(ui::MainWindow::Channels));
    QCOMPARE(window.page(ui::MainWindow::Channels)->currentId(), channel);
}

void TestMainWindow::softDeleteAndRestoreFromTheUi()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Fixture f;
    seed(scratch.db(), f);
    AGENCY_WINDOW(window, scratch);
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    ui::TablePage* clients = window.page(ui::MainWindow::Clients);
    QVERIFY(clients->showRecord(f.client));
    // The form shows the row as stored: a boolean that is true is a ticked box.
    QVERIFY(field<QCheckBox>(clients, "is_active")->isChecked());
    QCOMPARE(field<QLineEdit>(clients, "industry")->text(), QStringLiteral("Retail"));
    clients->view()->setFocus();
    QTest::keyClick(clients->view(), Qt::Key_Delete);
    QVERIFY(!scalar(scratch.db(), QStringLiteral("SELECT deleted_at FROM agency_clients")).isNull());
    QCOMPARE(clients->model()->rowCount(), 0);
    QVERIFY(window.statusMessage().contains(QStringLiteral("Acme")));
    // Undo in the status bar brings it back.
    QVERIFY(window.undoButton()->isVisible());
    QTest::mouseClick(window.undoButton(), Qt::LeftButton);
    QVERIFY(scalar(scratch.db(), QStringLiteral("SELECT deleted_at FROM agency_clients")).isNull());
    QCOMPARE(clients->model()->rowCount(), 1);

    // Delete again, then Show deleted and Restore.
    QVERIFY(clients->showRecord(f.client));
    window.action(QStringLiteral("delete"))->trigger();
    QCOMPARE(clients->model()->rowCount(), 0);
    window.action(QStringLiteral("showDeleted"))->trigger();
    QVERIFY(clients->showRecord(f.client));
    QVERIFY(clients->model()->data(clients->model()->index(0, 0), tables::AgencyTableModel::IsDeletedRole).toBool());
    window.action(QStringLiteral("restore"))->trigger();
    QVERIFY(scalar(scratch.db(), QStringLiteral("SELECT deleted_at FROM agency_clients")).isNull());
}

void TestMainWindow::conflictOpensTheDialog_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("button");
    for (const char* backend : { "sqlite", "postgresql" }) {
        for (const char* button : { "keepMine", "takeTheirs", "merge" })
            QTest::newRow(qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(backend), QLatin1String(button))))
                << QString::fromLatin1(backend) << QString::fromLatin1(button);
    }
}

void TestMainWindow::conflictOpensTheDialog()
{
    QFETCH(QString, backend);
    QFETCH(QString, button);
    AGENCY_SCRATCH(scratch, backend);
    QVERIFY(scratch.migrate());
    const Fixture f;
    seed(scratch.db(), f);
    AGENCY_WINDOW(window, scratch);
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    ui::TablePage* clients = window.page(ui::MainWindow::Clients);
    QVERIFY(clients->showRecord(f.client));
    typeInto(field<QLineEdit>(clients, "industry"), QStringLiteral("Energy"));
    typeInto(field<QLineEdit>(clients, "client_legal_name"), QStringLiteral("Acme Ltd."));

    // Another desktop saves the same client first.
    QSqlDatabase other = scratch.openAnother(QStringLiteral("other"));
    QSqlQuery q(other);
    QVERIFY(q.exec(QStringLiteral("UPDATE agency_clients SET industry = 'Mining' WHERE id = '%1'").arg(f.client)));

    bool sawDialog = false;
    whenModal([&](QWidget* modal) {
        auto* dialog = qobject_cast<ui::ConflictDialog*>(modal);
        QVERIFY(dialog);
        sawDialog = true;
        QCOMPARE(dialog->table()->rowCount(), 2); // industry (both changed it) and the legal name (mine)
        dialog->pickTheirs(QStringLiteral("industry"), true);
        QTest::mouseClick(dialog->findChild<QPushButton*>(button), Qt::LeftButton);
    });
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(sawDialog, 10000);
    QTRY_VERIFY(QApplication::activeModalWidget() == nullptr);

    const QString industry = QStringLiteral("SELECT industry FROM agency_clients");
    const QString legal = QStringLiteral("SELECT client_legal_name FROM agency_clients");
    if (button == QStringLiteral("keepMine")) {
        QTRY_COMPARE(scalar(scratch.db(), industry).toString(), QStringLiteral("Energy"));
        QCOMPARE(scalar(scratch.db(), legal).toString(), QStringLiteral("Acme Ltd."));
    } else if (button == QStringLiteral("takeTheirs")) {
        QCOMPARE(scalar(scratch.db(), industry).toString(), QStringLiteral("Mining"));
        QVERIFY(scalar(scratch.db(), legal).isNull());
        QVERIFY(!clients->model()->hasPendingChanges());
        QCOMPARE(field<QLineEdit>(clients, "industry")->text(), QStringLiteral("Mining"));
    } else {
        QTRY_COMPARE(scalar(scratch.db(), legal).toString(), QStringLiteral("Acme Ltd."));
        QCOMPARE(scalar(scratch.db(), industry).toString(), QStringLiteral("Mining"));
    }
}

void TestMainWindow::closingWithUnsavedEditsPrompts()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Fixture f;
    seed(scratch.db(), f);
    auto* window = new ui::MainWindow(scratch.db(), whereOf(scratch), false);
    QVERIFY(shown(*window));
    QTest::keyClick(window, Qt::Key_2, Qt::ControlModifier);
    ui::TablePage* clients = window->page(ui::MainWindow::Clients);
    QVERIFY(clients->showRecord(f.client));
    typeInto(field<QLineEdit>(clients, "industry"), QStringLiteral("Energy"));

    whenModal([](QWidget* modal) { clickButton(modal, QMessageBox::Cancel); });
    QVERIFY(!window->close());
    QVERIFY(window->isVisible());
    QVERIFY(clients->model()->hasPendingChanges()); // cancelling keeps the edit

    whenModal([](QWidget* modal) { clickButton(modal, QMessageBox::Save); });
    QVERIFY(window->close());
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT industry FROM agency_clients")).toString(),
        QStringLiteral("Energy"));
    delete window;
}

void TestMainWindow::firstRowIsShownAsStored()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(demo::DemoDataWriter(scratch.db()).write({ 6, 1, 1, 42 }, nullptr));
    AGENCY_WINDOW(window, scratch);
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    ui::TablePage* clients = window.page(ui::MainWindow::Clients);
    QTRY_VERIFY(!clients->currentId().isEmpty());
    const int row = clients->model()->rowOfId(clients->currentId());
    QCOMPARE(field<QCheckBox>(clients, "is_active")->isChecked(),
        clients->model()->valueAt(row, QStringLiteral("is_active")).toBool());
    QCOMPARE(field<QLineEdit>(clients, "client_name")->text(),
        clients->model()->valueAt(row, QStringLiteral("client_name")).toString());
    // A page reads its table when it is first shown, not before; each list starts in its model's order: tiers by
    // priority, clients by name.
    ui::TablePage* tiers = window.page(ui::MainWindow::SlaTiers);
    QVERIFY(!tiers->model()->isLoaded());
    QVERIFY(!window.page(ui::MainWindow::Channels)->model()->isLoaded());
    QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
    QVERIFY(tiers->model()->isLoaded());
    QCOMPARE(tiers->model()->valueAt(0, QStringLiteral("name")).toString(), QStringLiteral("Bronze"));
    QVERIFY(!window.page(ui::MainWindow::Channels)->model()->isLoaded());
    QStringList names;
    for (int r = 0; r < clients->model()->rowCount(); ++r)
        names << clients->model()->valueAt(r, QStringLiteral("client_name")).toString();
    QStringList sorted = names;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(names, sorted);
}

void TestMainWindow::connectionDialogRefusesBadInput()
{
    ui::ConnectionDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    dialog.sqliteChoice()->setChecked(true);
    dialog.fileEdit()->clear();
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.message().startsWith(QStringLiteral("File:")));

    QTemporaryDir dir;
    dialog.fileEdit()->setText(dir.path());
    dialog.accept();
    QVERIFY(dialog.message().contains(QStringLiteral("is a folder")));

    dialog.postgresChoice()->setChecked(true);
    dialog.hostEdit()->setText(QStringLiteral("my host"));
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QVERIFY2(dialog.message().startsWith(QStringLiteral("Host:")), qPrintable(dialog.message()));

    // A server that is not there: the dialog says so, without the password.
    dialog.hostEdit()->setText(QStringLiteral("127.0.0.1"));
    dialog.portEdit()->setValue(1);
    dialog.databaseEdit()->setText(QStringLiteral("plane"));
    dialog.userEdit()->setText(QStringLiteral("agent"));
    dialog.passwordEdit()->setText(QStringLiteral("hunter2"));
    QVERIFY(!dialog.testConnection());
    QVERIFY2(dialog.message().contains(QStringLiteral("127.0.0.1")), qPrintable(dialog.message()));
    QVERIFY(!dialog.message().contains(QStringLiteral("hunter2")));

    // Good input is accepted; remembering it never stores the password.
    dialog.accept();
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.connection()->password, QStringLiteral("hunter2"));
    ui::ConnectionDialog::remember(*dialog.connection());
    QVERIFY(!ui::ConnectionDialog::recent().join(u' ').contains(QStringLiteral("hunter2")));
    QVERIFY(
        ui::ConnectionDialog::recent().constFirst().startsWith(QStringLiteral("postgresql://agent@127.0.0.1:1/plane")));
}

// Issue 31.4: on a German desktop the export's options start as a German spreadsheet reads a file — semicolons, a
// decimal comma, a byte-order mark — and the file of the Campaigns page is written so; the choice is remembered.
void TestMainWindow::aGermanDesktopExportsForAGermanSpreadsheet()
{
    QSettings().remove(QStringLiteral("export"));
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const auto restore = qScopeGuard([]() {
        QLocale::setDefault(QLocale::c());
        QSettings().remove(QStringLiteral("export"));
    });
    AGENCY_SCRATCH(scratch, QStringLiteral("sqlite"));
    QVERIFY(scratch.migrate());
    const Fixture f;
    seed(scratch.db(), f);
    QVERIFY(!test::add(scratch.db(),
        test::Campaign {
            .client = f.client, .allocated = QStringLiteral("12500.50"), .spent = QStringLiteral("99.90") })
                 .isEmpty());
    AGENCY_WINDOW(window, scratch);
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    bool asked = false;
    test::whenDialog<QDialog>([&asked](QDialog* dialog) {
        auto* delimiter = dialog->findChild<QComboBox*>(QStringLiteral("exportDelimiter"));
        auto* comma = dialog->findChild<QCheckBox*>(QStringLiteral("exportDecimalComma"));
        auto* bom = dialog->findChild<QCheckBox*>(QStringLiteral("exportBom"));
        asked = delimiter && comma && bom && delimiter->currentData().toString() == QStringLiteral("semicolon")
            && comma->isChecked() && bom->isChecked();
        QTest::keyClick(dialog, Qt::Key_Return);
    });
    QVERIFY(ui::askCsvOptions(&window));
    QVERIFY(asked);
    QTemporaryDir dir;
    const QByteArray csv = exportView(window, dir.filePath(QStringLiteral("campaigns.csv")));
    QVERIFY2(csv.startsWith("\xEF\xBB\xBF") && csv.contains(";12500,50;") && csv.contains(";99,90;"), csv.constData());
    QCOMPARE(QSettings().value(QStringLiteral("export/decimalComma")).toBool(), true);
    QCOMPARE(ui::rememberedCsvOptions().delimiter, ';');
}

void TestMainWindow::exportsTheCurrentView()
{
    QSettings().setValue(QStringLiteral("export/delimiter"), QStringLiteral("semicolon")); // as chosen last time
    QSettings().setValue(QStringLiteral("export/bom"), true);
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Fixture f;
    seed(scratch.db(), f);
    QVERIFY(!test::add(scratch.db(),
        test::Client { .id = QStringLiteral("20000000-0000-4000-8000-000000000002"),
            .name = QStringLiteral("Globex"),
            .type = QStringLiteral("project") })
                 .isEmpty());
    AGENCY_WINDOW(window, scratch);
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    ui::TablePage* clients = window.page(ui::MainWindow::Clients);
    // The view as the user set it up: a search, a hidden column.
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QTest::keyClicks(clients->searchBox(), QStringLiteral("glob"));
    QTRY_COMPARE(clients->model()->rowCount(), 1);
    for (int c = 0; c < clients->model()->columnCount(); ++c) {
        const QString name = clients->model()->columnName(c);
        clients->view()->setColumnHidden(
            c, name != QStringLiteral("client_name") && name != QStringLiteral("client_type"));
    }
    QTemporaryDir dir;
    // Issue 12.8: the id and the row's stamp are in the file although hidden, so that it imports back onto its rows.
    const QString path = dir.filePath(QStringLiteral("view.csv"));
    const QByteArray exported = exportView(window, path);
    QFile file(path);
    QVERIFY2(exported.startsWith("\xEF\xBB\xBF"
                                 "id;client_name;client_type;updated_at;sla_tier_name\r\n"
                                 "20000000-0000-4000-8000-000000000002;Globex;project;"),
        exported.constData());
    QSettings().remove(QStringLiteral("export"));
    {
        // Issue 31.3: the same view as a workbook (chosen by its ending), read by an independent reader.
        const QString workbook = dir.filePath(QStringLiteral("view.xlsx"));
        QSignalSpy exported(&window, &ui::MainWindow::viewExported);
        window.exportCurrentView(workbook);
        QVERIFY(exported.wait(20000));
        QVERIFY(exported.at(0).at(0).toBool());
        QProcess reader;
        reader.start(QStringLiteral("/usr/bin/python3"),
            { QStringLiteral("-c"),
                QStringLiteral("import sys, openpyxl\nws = openpyxl.load_workbook(sys.argv[1]).active\n"
                               "print('|'.join(str(c.value) for r in ws.iter_rows() for c in r))"),
                workbook });
        QVERIFY(reader.waitForFinished(60000));
        const QString cells = QString::fromUtf8(reader.readAllStandardOutput()).trimmed();
        QVERIFY2(cells.startsWith(QStringLiteral("id|client_name|client_type|updated_at|sla_tier_name|"
                                                 "20000000-0000-4000-8000-000000000002|Globex|project|20")),
            qPrintable(cells + QString::fromUtf8(reader.readAllStandardError())));
    }

    // Edited "in a spreadsheet" and imported back through the window's dialog: the row is updated, none added.
    QByteArray edited = exported;
    edited.replace(";Globex;", ";Globex Corp;");
    QVERIFY(file.remove());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(edited);
    file.close();
    ui::ImportDialog dialog(whereOf(scratch), QStringLiteral("agency_clients"));
    QVERIFY(dialog.loadFile(path));
    QTRY_VERIFY(!dialog.isBusy());
    QVERIFY2(dialog.summary().contains(QStringLiteral("1 to update")), qPrintable(dialog.summary()));
    QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
    QTRY_VERIFY(!dialog.isBusy());
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_clients")).toInt(), 2);
    QCOMPARE(scalar(scratch.db(),
                 QStringLiteral("SELECT client_name FROM agency_clients WHERE id = "
                                "'20000000-0000-4000-8000-000000000002'"))
                 .toString(),
        QStringLiteral("Globex Corp"));
}

// Long work (an export, a review) runs behind a window-modal progress dialog without a nested event loop: the call
// returns at once, the window keeps painting and answering timers, and the dialog's Cancel (Escape, as a person
// presses it) stops the work and says so once.
void TestMainWindow::longWorkLeavesTheWindowAliveAndCancels()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("sqlite"));
    QVERIFY(scratch.migrate());
    AGENCY_WINDOW(window, scratch);
    auto* job = new db::BackgroundJob(
        test::whereOf(scratch), [](QSqlDatabase, const db::BackgroundJob::Progress& progress, QString* error) {
            QElapsedTimer timer;
            timer.start();
            while (!progress.isCancelled() && timer.elapsed() < 20000)
                QThread::msleep(5);
            *error = QStringLiteral("never told");
            return !progress.isCancelled();
        });
    QList<ui::JobOutcome> outcomes;
    ui::runWithProgress(&window, QStringLiteral("Working…"), QStringLiteral("testProgress"), job,
        [&outcomes](const ui::JobOutcome& outcome) { outcomes.append(outcome); });
    QVERIFY(outcomes.isEmpty()); // returned at once, the work still running
    int ticks = 0;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&ticks]() { ++ticks; });
    ticker.start(20);
    QProgressDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<QProgressDialog*>(QStringLiteral("testProgress"))) && dialog->isVisible());
    QVERIFY(dialog->isModal());
    QVERIFY(ticks > 5); // the GUI thread's own loop went on meanwhile
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_COMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.at(0).cancelled);
    QVERIFY(!outcomes.at(0).ok);
    QTRY_VERIFY(!window.findChild<QProgressDialog*>(QStringLiteral("testProgress")));
    QTest::qWait(100);
    QCOMPARE(outcomes.size(), 1);
}

void TestMainWindow::exportOntoAFullDiskSaysWhy_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<bool>("fileSystem");
    QTest::addColumn<QString>("reason");
    for (const char* backend : { "sqlite", "postgresql" }) {
        QTest::addRow("%s: a full file system", backend)
            << QString::fromLatin1(backend) << true << QStringLiteral("No space left on device");
        QTest::addRow("%s: the file size limit", backend)
            << QString::fromLatin1(backend) << false << QStringLiteral("File too large");
    }
}

// Issue 12.12: an export from the window onto a disk that fills up said "Unknown error" (the file system takes what
// fits, and that short write carries no reason) or "export cancelled". Now the status bar gives the system's reason
// and no file (nor a temporary one) is left. A full file system is a 64 KiB tmpfs (where this test may mount one);
// RLIMIT_FSIZE fails the same way without privileges (EFBIG).
void TestMainWindow::exportOntoAFullDiskSaysWhy()
{
    QFETCH(QString, backend);
    QFETCH(bool, fileSystem);
    QFETCH(QString, reason);
    AGENCY_SCRATCH(scratch, backend);
    QVERIFY(scratch.migrate());
    QVERIFY(demo::DemoDataWriter(scratch.db()).write({ 12, 5, 6, 4 }, nullptr)); // 360 channels, ~90 KB of CSV
    QTemporaryDir dir;
    QString folder = dir.path();
    struct Undo {
        std::function<void()> run;
        ~Undo()
        {
            if (run)
                run();
        }
    } undo;
    if (fileSystem) {
        folder = dir.filePath(QStringLiteral("full"));
        QVERIFY(QDir().mkpath(folder));
        if (::mount("tmpfs", QFile::encodeName(folder).constData(), "tmpfs", 0, "size=64k") != 0)
            QSKIP("cannot mount a tmpfs here (not root, or no CAP_SYS_ADMIN): the file size limit row covers it");
        undo.run = [folder]() { ::umount(QFile::encodeName(folder).constData()); };
    } else {
        rlimit limit {};
        QCOMPARE(::getrlimit(RLIMIT_FSIZE, &limit), 0);
        const rlimit before = limit;
        limit.rlim_cur = 48 * 1024; // above SQLite's 32 KiB -shm, below the export
        auto* const previous = std::signal(SIGXFSZ, SIG_IGN); // the write fails with EFBIG instead of ending us
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &limit), 0);
        undo.run = [before, previous]() {
            ::setrlimit(RLIMIT_FSIZE, &before);
            std::signal(SIGXFSZ, previous);
        };
    }
    AGENCY_WINDOW(window, scratch);
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    const QString path = QDir(folder).filePath(QStringLiteral("channels.csv"));
    QSignalSpy exported(&window, &ui::MainWindow::viewExported);
    window.exportCurrentView(path);
    QVERIFY(exported.wait(20000));
    QVERIFY(!exported.at(0).at(0).toBool());
    const QString message = window.statusMessage();
    QVERIFY2(message.contains(reason), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("no file written")), qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("Unknown error")) && !message.contains(QStringLiteral("cancelled")),
        qPrintable(message));
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden), QStringList());
}

void TestMainWindow::importDialogDryRunsThenImports()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Fixture f;
    seed(scratch.db(), f);
    QTemporaryDir dir;
    auto write = [&](const QByteArray& bytes) {
        QFile file(dir.filePath(QStringLiteral("in.csv")));
        file.open(QIODevice::WriteOnly);
        file.write(bytes);
        return file.fileName();
    };
    // The dry run and the import run on a connection of their own, in the background: the dialog says when it is done.
    ui::ImportDialog dialog(whereOf(scratch), QStringLiteral("agency_campaigns"));
    QVERIFY(dialog.loadFile(write(QByteArray("client_id,campaign_type,status,budget_allocated\r\n") + f.client.toUtf8()
        + ",seo,active,100.00\r\n" + f.client.toUtf8() + ",ppc,finished,1.005\r\n")));
    QTRY_VERIFY(!dialog.isBusy());
    QCOMPARE(dialog.problems()->rowCount(), 2); // line 3: status and budget
    QCOMPARE(dialog.problems()->item(0, 0)->text(), QStringLiteral("3"));
    QVERIFY(!dialog.importButton()->isEnabled());
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_campaigns")).toInt(), 0);

    QVERIFY(dialog.loadFile(write(QByteArray("client_id,campaign_type,status,budget_allocated\r\n") + f.client.toUtf8()
        + ",seo,active,100.00\r\n" + f.client.toUtf8() + ",ppc,paused,1.50\r\n")));
    QTRY_VERIFY(!dialog.isBusy());
    QVERIFY2(dialog.summary().contains(QStringLiteral("2 to add")), qPrintable(dialog.summary()));
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_campaigns")).toInt(),
        0); // a dry run writes nothing
    QVERIFY(dialog.importButton()->isEnabled());
    QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
    QVERIFY(dialog.isBusy());
    QTRY_VERIFY(!dialog.isBusy());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_campaigns")).toInt(), 2);
    QCOMPARE(
        scalar(scratch.db(), QStringLiteral("SELECT budget_allocated FROM agency_campaigns WHERE status = 'paused'"))
            .toString(),
        QStringLiteral("1.50"));

    // Cancel, pressed while a long import runs: nothing is written, and the checked file can be imported again.
    QByteArray many("client_id,campaign_type,status,budget_allocated\r\n");
    for (int i = 0; i < 3000; ++i)
        many += f.client.toUtf8() + ",social,draft," + QByteArray::number(i) + ".00\r\n";
    ui::ImportDialog big(whereOf(scratch), QStringLiteral("agency_campaigns"));
    QVERIFY(big.loadFile(write(many)));
    QTRY_VERIFY_WITH_TIMEOUT(!big.isBusy(), 30000);
    QVERIFY2(big.summary().contains(QStringLiteral("3000 to add")), qPrintable(big.summary()));
    QTest::mouseClick(big.importButton(), Qt::LeftButton);
    QVERIFY(big.cancelButton()->isEnabled());
    QTest::mouseClick(big.cancelButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!big.isBusy(), 30000);
    QVERIFY2(big.summary().contains(QStringLiteral("cancelled")), qPrintable(big.summary()));
    QVERIFY(big.result() != QDialog::Accepted);
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_campaigns")).toInt(), 2);
    QVERIFY(big.importButton()->isEnabled());
    // … and imported in full once not cancelled.
    QTest::mouseClick(big.importButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!big.isBusy(), 60000);
    QVERIFY2(big.report().ok(), qPrintable(big.summary()));
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_campaigns")).toInt(), 3002);
}

void TestMainWindow::readOnlyWindowEditsNothing()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Fixture f;
    seed(scratch.db(), f);
    ui::MainWindow window(scratch.db(), whereOf(scratch), true);
    QVERIFY(shown(window));
    QVERIFY(window.windowTitle().contains(QStringLiteral("read-only")));
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    ui::TablePage* clients = window.page(ui::MainWindow::Clients);
    QVERIFY(clients->showRecord(f.client));
    QVERIFY(!window.action(QStringLiteral("new"))->isEnabled());
    QVERIFY(!window.action(QStringLiteral("delete"))->isEnabled());
    QVERIFY(!window.action(QStringLiteral("import"))->isEnabled());
    QVERIFY(window.action(QStringLiteral("export"))->isEnabled());
    QVERIFY(!field<QLineEdit>(clients, "industry")->isEnabled());
    QVERIFY(!clients->model()->setData(
        clients->model()->index(0, clients->model()->fieldIndex(QStringLiteral("industry"))), QStringLiteral("x")));
    QCOMPARE(clients->model()->insertNewRow(), -1);
}

// Issue 30.5: a client on one page. On the Clients page, Ctrl+Shift+O opens its overview for this month: the tier's
// terms, the hours used against them (the app's time entries: 12 h against 10 at 150.00, 2 h over, 300.00 + 2,500.00
// retainer = 2,800.00 to invoice), its campaigns' money, and what needs a word; the CSV holds the same figures, exact.
void TestMainWindow::clientOverviewShowsTheMonthAndSavesItsFigures()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("sqlite"));
    QVERIFY(scratch.migrate());
    const QDate today = QDate::currentDate();
    const QString tier = test::add(scratch.db(),
        test::Tier { .name = QStringLiteral("Silver"),
            .responseTimeHours = 24,
            .monthlyHoursIncluded = 10,
            .hourlyRate = QStringLiteral("150.00"),
            .monthlyRetainer = QStringLiteral("2500.00") });
    const QString client = test::add(scratch.db(),
        test::Client { .name = QStringLiteral("Harbour Ltd"),
            .tier = tier,
            .contractEnd = today.addDays(20).toString(Qt::ISODate) });
    QVERIFY(!test::add(scratch.db(),
        test::Campaign { .client = client,
            .allocated = QStringLiteral("1000.00"),
            .spent = QStringLiteral("1100.00"),
            .metadata = QStringLiteral("{\"name\": \"Spring push\"}") })
                 .isEmpty());
    QVERIFY(!test::add(scratch.db(),
        test::TimeEntry {
            .client = client, .date = QDate(today.year(), today.month(), 1).toString(Qt::ISODate), .minutes = 720 })
                 .isEmpty());
    AGENCY_WINDOW(window, scratch);
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    ui::TablePage* clients = window.page(ui::MainWindow::Clients);
    QVERIFY(clients->showRecord(client));
    QTemporaryDir dir;
    const QString csvPath = dir.filePath(QStringLiteral("overview.csv"));
    const QString pdfPath = dir.filePath(QStringLiteral("overview.pdf"));
    const QString xlsxPath = dir.filePath(QStringLiteral("overview.xlsx")); // issue 31.3: the same figures as cells
    QString shownText;
    bool saved = false;
    test::whenModal([&](QWidget* modal) {
        auto* dialog = qobject_cast<ui::ClientOverviewDialog*>(modal);
        if (!dialog) {
            modal->close();
            return;
        }
        if (QTest::qWaitFor([dialog]() { return !dialog->isReading(); }, 10000)) {
            shownText = dialog->text();
            QString error;
            saved = dialog->saveCsv(csvPath, &error) && dialog->savePdf(pdfPath, &error)
                && dialog->saveCsv(xlsxPath, &error);
        }
        QTest::keyClick(dialog, Qt::Key_Escape);
    });
    QTest::keyClick(&window, Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY2(shownText.contains(QStringLiteral("Harbour Ltd")), qPrintable(shownText));
    QVERIFY2(shownText.contains(domain::Money::fromCents(280000).toDisplayString()), qPrintable(shownText));
    QVERIFY2(shownText.contains(QStringLiteral("Spring push")), qPrintable(shownText));
    QVERIFY2(shownText.contains(QStringLiteral("OVERSPENT")), qPrintable(shownText));
    QVERIFY(saved);
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString figures = QString::fromUtf8(csv.readAll());
    for (const char* line :
        { "tier,monthly_retainer,2500.00", "retainer,hours_used,12.00", "retainer,overage_hours,2.00",
            "retainer,overage_amount,300.00", "retainer,invoice_total,2800.00", "contract,reminder,ending_30" })
        QVERIFY2(figures.contains(QString::fromLatin1(line)), qPrintable(figures));
    QVERIFY(QFileInfo(pdfPath).size() > 1000);
    // The workbook, read by openpyxl: each value a cell of its kind — money and hours numbers, the reminder text.
    QProcess reader;
    reader.start(QStringLiteral("/usr/bin/python3"),
        { QStringLiteral("-c"),
            QStringLiteral("import sys, openpyxl\n"
                           "for r in openpyxl.load_workbook(sys.argv[1]).active.iter_rows(min_row=2):\n"
                           "  print(f'{r[0].value},{r[1].value},{r[2].value!r},{r[2].data_type}')"),
            xlsxPath });
    QVERIFY(reader.waitForFinished(60000));
    const QString cells = QString::fromUtf8(reader.readAllStandardOutput());
    QVERIFY2(reader.exitCode() == 0, reader.readAllStandardError().constData());
    for (const char* line : { "tier,monthly_retainer,2500,n", "retainer,hours_used,12,n",
             "retainer,invoice_total,2800,n", "contract,reminder,'ending_30',s" })
        QVERIFY2(cells.contains(QString::fromLatin1(line)), qPrintable(cells));
}

// Issue 30.4: the dashboard lists the contracts that need a word — the one ended while still active first (in red),
// then those ending soonest — and Enter on one opens that client.
void TestMainWindow::dashboardListsContractsAndOpensTheClient()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const QDate today = QDate::currentDate();
    const QString ending = test::add(scratch.db(),
        test::Client { .name = QStringLiteral("Ending Soon"), .contractEnd = today.addDays(12).toString(Qt::ISODate) });
    const QString ended = test::add(scratch.db(),
        test::Client { .name = QStringLiteral("Ended Active"),
            .active = true,
            .contractEnd = today.addDays(-3).toString(Qt::ISODate) });
    QVERIFY(!test::add(scratch.db(),
        test::Client { .name = QStringLiteral("Far Off"), .contractEnd = today.addDays(200).toString(Qt::ISODate) })
                 .isEmpty());
    // In English as the app speaks it (its catalogue gives the plurals).
    const QList<QTranslator*> installed = app::installTranslations(QLocale(QStringLiteral("en")));
    const auto uninstall = qScopeGuard([&installed]() {
        for (QTranslator* translator : installed) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    });
    AGENCY_WINDOW(window, scratch);
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    ui::DashboardPage* dashboard = window.dashboard();
    QTRY_COMPARE_WITH_TIMEOUT(dashboard->contracts()->rowCount(), 2, 10000);
    auto* tabs = dashboard->findChild<QTabWidget*>(QStringLiteral("attentionTabs"));
    QVERIFY(tabs);
    QCOMPARE(tabs->tabText(1), QStringLiteral("Contracts (2)"));
    tabs->setCurrentIndex(1);
    QCOMPARE(dashboard->contracts()->item(0, 0)->text(), QStringLiteral("Ended Active"));
    QCOMPARE(dashboard->contracts()->item(0, 2)->text(), QStringLiteral("ended 3 days ago, still marked active"));
    QCOMPARE(dashboard->contracts()->item(1, 0)->text(), QStringLiteral("Ending Soon"));
    QCOMPARE(dashboard->contracts()->item(1, 2)->text(), QStringLiteral("ends in 12 days"));
    dashboard->contracts()->setFocus();
    dashboard->contracts()->setCurrentCell(1, 0);
    QTest::keyClick(dashboard->contracts(), Qt::Key_Return);
    ui::TablePage* clients = window.page(ui::MainWindow::Clients);
    QTRY_COMPARE(clients->currentId(), ending);
    QVERIFY(clients->isVisible());
    QCOMPARE(dashboard->contracts()->item(0, 0)->data(Qt::UserRole).toString(), ended);
}

// Issue 31.2 on the dashboard: the channels by pace, most off first, from the spend imported; Enter opens the campaign.
void TestMainWindow::dashboardShowsTheChannelsOffPace()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("sqlite"));
    QVERIFY(scratch.migrate());
    const OffPace fixture = offPaceCampaign(scratch.db());
    QVERIFY(!fixture.google.isEmpty());
    const QString campaign = fixture.campaign;

    AGENCY_WINDOW(window, scratch);
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    ui::PacingPanel* pacing = window.dashboard()->pacing();
    QTRY_COMPARE_WITH_TIMEOUT(pacing->rowCount(), 2, 10000);
    auto* tabs = window.dashboard()->findChild<QTabWidget*>(QStringLiteral("attentionTabs"));
    QVERIFY(tabs);
    QCOMPARE(tabs->tabText(2), QStringLiteral("Pacing (1 off)"));
    QCOMPARE(pacing->item(0, 0)->text(), QStringLiteral("Meta Ads"));
    QCOMPARE(pacing->item(0, 1)->text(), QStringLiteral("Autumn"));
    QCOMPARE(pacing->item(0, 2)->text(), QStringLiteral("120.00 % of plan: over"));
    QCOMPARE(pacing->item(0, 3)->text(), QStringLiteral("1,200.00 / 1,000.00"));
    QCOMPARE(pacing->item(1, 2)->text(), QStringLiteral("95.00 % of plan: on pace"));
    tabs->setCurrentIndex(2);
    pacing->setFocus();
    pacing->setCurrentCell(0, 0);
    QTest::keyClick(pacing, Qt::Key_Return);
    QTRY_COMPARE(window.page(ui::MainWindow::Campaigns)->currentId(), campaign);
    // The campaign's Pacing tab: 139.00 a day for ten days against the plan of 10,000.00 over 30 days.
    auto* detail = window.findChild<ui::CampaignDetailPanel*>();
    QVERIFY(detail);
    QTRY_COMPARE_WITH_TIMEOUT(detail->pacing()->chart()->series().size(), 2, 10000);
    QCOMPARE(
        detail->pacing()->chart()->title(), QStringLiteral("Spent 1,390.00 of 10,000.00; planned by now 3,333.33"));
    auto* spent = qobject_cast<QLineSeries*>(detail->pacing()->chart()->series().at(1));
    QVERIFY(spent);
    QCOMPARE(spent->count(), 11); // nothing on its first day, then each day's sum so far
    QVERIFY(qAbs(spent->at(10).y() - 13.9) < 1e-9);
}

// Issue 31.2: the Channels page's Pace column, worked out per page of rows from the imported spend, and following a
// budget as it is typed (before it is saved).
void TestMainWindow::channelTableShowsEachChannelsPace()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const OffPace fixture = offPaceCampaign(scratch.db());
    QVERIFY(!fixture.google.isEmpty());
    const QString quiet = test::add(scratch.db(),
        test::Channel {
            .campaign = fixture.campaign, .type = QStringLiteral("tiktok"), .amount = QStringLiteral("90.00") });

    AGENCY_WINDOW(window, scratch);
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    ui::TablePage* page = window.page(ui::MainWindow::Channels);
    QTRY_COMPARE(window.currentTablePage(), page);
    tables::AgencyTableModel* model = page->model();
    QTRY_COMPARE(model->rowCount(), 3);
    int paceColumn = -1;
    for (int c = 0; c < model->columnCount(); ++c) {
        if (model->headerData(c, Qt::Horizontal).toString() == QStringLiteral("Pace"))
            paceColumn = c;
    }
    QVERIFY(paceColumn >= 0);
    QVERIFY(model->isDerivedColumn(paceColumn));
    QVERIFY(!page->view()->isColumnHidden(paceColumn));
    const auto pace = [&](const QString& id, int role = Qt::DisplayRole) {
        return model->index(model->rowOfId(id), paceColumn).data(role).toString();
    };
    const QString runsOut = QLocale().toString(QDate::currentDate().addDays(-9 + 24), QLocale::ShortFormat);
    // The rows come first, their paces a moment later (read on a thread of their own).
    QTRY_COMPARE(pace(fixture.meta), QStringLiteral("120.00 % of plan: over"));
    QCOMPARE(pace(fixture.meta, Qt::ToolTipRole),
        QStringLiteral("Spent 1,200.00 of 1,000.00 planned to date; 3,600.00 projected at the end; the budget runs out "
                       "on %1")
            .arg(runsOut));
    QVERIFY(!pace(fixture.meta, tables::AgencyTableModel::WarningRole).isEmpty());
    QCOMPARE(pace(fixture.google), QStringLiteral("95.00 % of plan: on pace"));
    QVERIFY(pace(fixture.google, tables::AgencyTableModel::WarningRole).isEmpty());
    // Nothing imported: no pace, not a zero one.
    QCOMPARE(pace(quiet), QString());
    QCOMPARE(pace(quiet, Qt::ToolTipRole), QStringLiteral("No spend imported yet; 30.00 planned to date"));
    // Clicking its header leaves the order as it was.
    const int sortColumn = model->sortColumn();
    QTest::mouseClick(page->view()->horizontalHeader()->viewport(), Qt::LeftButton, {},
        QPoint(page->view()->horizontalHeader()->sectionViewportPosition(paceColumn) + 5, 5));
    QCOMPARE(model->sortColumn(), sortColumn);
    QCOMPARE(page->view()->horizontalHeader()->sortIndicatorSection(), sortColumn);

    // Google's budget typed down to 100.00 in the form: 33.33 planned to date, 190.00 spent, 570.06 % (190 / 33.33).
    page->view()->setCurrentIndex(model->index(model->rowOfId(fixture.google), 0));
    auto* amount = page->findChild<QLineEdit*>(QStringLiteral("budget_amount"));
    QVERIFY(amount);
    amount->setFocus();
    amount->selectAll();
    QTest::keyClicks(amount, QStringLiteral("100"));
    QTRY_COMPARE(pace(fixture.google), QStringLiteral("570.06 % of plan: over"));
    // The pace is not a column of the file: the view's export has the table's columns only.
    QTemporaryDir dir;
    model->discardChanges();
    const QByteArray csv = exportView(window, dir.filePath(QStringLiteral("channels.csv")));
    QVERIFY(!csv.isEmpty());
    QVERIFY2(!csv.left(csv.indexOf('\n')).contains("pace"), csv.left(300).constData());

    // The campaign's channels listed below it on the Campaigns page show no Pace column, and read none.
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    QVERIFY(window.page(ui::MainWindow::Campaigns)->showRecord(fixture.campaign));
    auto* listed = window.findChild<QTableView*>(QStringLiteral("campaignChannels"));
    QVERIFY(listed);
    auto* listModel = qobject_cast<tables::ChannelModel*>(listed->model());
    QVERIFY(listModel);
    QSignalSpy listPaces(listModel, &tables::ChannelModel::pacesRead);
    listModel->refresh();
    QTRY_COMPARE(listModel->rowCount(), 3);
    QVERIFY(listed->isColumnHidden(listModel->columnCount() - 1));
    QTest::qWait(500);
    QCOMPARE(listPaces.count(), 0);
    QCOMPARE(
        listModel->index(listModel->rowOfId(fixture.meta), listModel->columnCount() - 1).data().toString(), QString());
}

void TestMainWindow::dashboardFollowsTheData()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Fixture f;
    seed(scratch.db(), f);
    const QString campaign = QStringLiteral("30000000-0000-4000-8000-000000000001");
    QVERIFY(!test::add(scratch.db(),
        test::Campaign { .id = campaign,
            .client = f.client,
            .type = QStringLiteral("ppc"),
            .status = QStringLiteral("active"),
            .allocated = QStringLiteral("1000.00"),
            .spent = QStringLiteral("1200.00"),
            .metadata = QStringLiteral("{\"name\": \"Blowout\"}") })
                 .isEmpty());
    ui::rememberThresholds({}); // 80 % and 100 % (the row before raised the warning)
    AGENCY_WINDOW(window, scratch);
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    ui::DashboardPage* dashboard = window.dashboard();
    QTRY_COMPARE_WITH_TIMEOUT(dashboard->attention()->rowCount(), 1, 10000);
    QCOMPARE(dashboard->attention()->item(0, 0)->text(), QStringLiteral("Blowout"));
    QCOMPARE(dashboard->attention()->item(0, 1)->text(),
        QStringLiteral("OVERSPENT by ") + domain::Money::fromCents(20000).toDisplayString());
    // The headline of the filter, each figure exact, and the figures beside each chart.
    QCOMPARE(dashboard->headline(QStringLiteral("overspent")),
        QStringLiteral("1 by ") + domain::Money::fromCents(20000).toDisplayString());
    QCOMPARE(dashboard->headline(QStringLiteral("remaining")), domain::Money::fromCents(-20000).toDisplayString());
    QCOMPARE(dashboard->headline(QStringLiteral("burn")), domain::Percent::fromHundredths(12000).toDisplayString());
    QVERIFY(dashboard->figuresTable(0)->item(0, 3));
    QCOMPARE(dashboard->figuresTable(0)->item(0, 3)->text(), domain::Money::fromCents(120000).toDisplayString());
    // The finance review it writes: the figures read in the background, then drawn.
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("review.pdf"));
        QSignalSpy written(dashboard, &ui::DashboardPage::fileWritten);
        QSignalSpy said(dashboard, &ui::DashboardPage::message);
        dashboard->exportReview(path);
        QVERIFY(written.wait(30000));
        QVERIFY2(written.at(0).at(0).toBool(), qPrintable(said.isEmpty() ? QString() : said.last().at(0).toString()));
        QProcess text;
        text.start(QStringLiteral("pdftotext"), { QStringLiteral("-layout"), path, QStringLiteral("-") });
        QVERIFY(text.waitForFinished(30000));
        const QString pdf = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(pdf.contains(QStringLiteral("Blowout")) && pdf.contains(QStringLiteral("OVERSPENT"))
                && pdf.contains(QStringLiteral("Totals by client")),
            qPrintable(pdf));
    }

    // Finance corrects the spend on the campaign's page and saves: the dashboard follows.
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    ui::TablePage* campaigns = window.page(ui::MainWindow::Campaigns);
    QVERIFY(campaigns->showRecord(campaign));
    typeInto(field<ui::DecimalEdit>(campaigns, "budget_spent"), QStringLiteral("900"));
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(!campaigns->model()->hasPendingChanges(), qPrintable(window.statusMessage()));
    // The spent cell in the table says so, in amber words.
    const int spentColumn = campaigns->model()->fieldIndex(QStringLiteral("budget_spent"));
    QCOMPARE(campaigns->model()
                 ->index(campaigns->model()->rowOfId(campaign), spentColumn)
                 .data(tables::AgencyTableModel::CautionRole)
                 .toString(),
        QStringLiteral("%1 of the budget spent: warning at %2")
            .arg(domain::Percent::fromHundredths(9000).toDisplayString(),
                domain::Percent::fromHundredths(8000).toDisplayString()));
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    // 90 % spent is past the warning threshold (80 %): still listed, now as a warning.
    const auto why = [dashboard]() {
        const QTableWidgetItem* item = dashboard->attention()->item(0, 1);
        return item ? item->text() : QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(why(),
        QStringLiteral("%1 of the budget spent: warning at %2")
            .arg(domain::Percent::fromHundredths(9000).toDisplayString(),
                domain::Percent::fromHundredths(8000).toDisplayString()),
        10000);
    // The reviewer raises the warning to 95 %, typed into its box: the campaign leaves the list, and the threshold
    // is remembered.
    auto* warnAt = dashboard->findChild<QSpinBox*>(QStringLiteral("warnAt"));
    warnAt->setFocus();
    QTest::keyClick(warnAt, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(warnAt, QStringLiteral("95"));
    QTest::keyClick(warnAt, Qt::Key_Tab);
    QTRY_COMPARE_WITH_TIMEOUT(dashboard->attention()->rowCount(), 0, 10000);
    QCOMPARE(ui::rememberedThresholds().warnAt, 9500);
    // The campaign's spent cell follows the same thresholds: 90 % is no longer flagged at a 95 % warning.
    QVERIFY(campaigns->model()
                ->index(campaigns->model()->rowOfId(campaign), spentColumn)
                .data(tables::AgencyTableModel::CautionRole)
                .toString()
                .isEmpty());
}

// A campaign is found by its own name (kept in its metadata, the first thing its row shows), typed into the search box
// as a person does; the first match is selected at once (the row selected before is not among them) and Down from the
// search box goes on into the results, one match after another. A name changed in the form is found by its new name.
void TestMainWindow::searchFindsACampaignByItsNameAndSelectsTheFirstMatch()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(!test::add(scratch.db(),
        test::Client { .id = QStringLiteral("20000000-0000-4000-8000-000000000001"),
            .name = QStringLiteral("Nordlicht Media"),
            .type = QStringLiteral("retainer") })
                 .isEmpty());
    const QStringList names { QStringLiteral("Spring sale"), QStringLiteral("Harbour relaunch"),
        QStringLiteral("Winter HARBOUR lights"), QStringLiteral("Quiet month") };
    for (int i = 0; i < names.size(); ++i)
        QVERIFY(!test::add(scratch.db(),
            test::Campaign { .id = QStringLiteral("30000000-0000-4000-8000-00000000000%1").arg(i + 1),
                .client = QStringLiteral("20000000-0000-4000-8000-000000000001"),
                .type = QStringLiteral("seo"),
                .start = QStringLiteral("2027-0%1-01").arg(i + 1),
                .metadata = QStringLiteral("{\"name\": \"%1\", \"owner\": \"jo\"}").arg(names.at(i)) })
                     .isEmpty());
    AGENCY_WINDOW(window, scratch);
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    ui::TablePage* page = window.page(ui::MainWindow::Campaigns);
    QTRY_VERIFY(!page->currentId().isEmpty());
    const auto nameOf
        = [&](const QString& id) { return page->model()->lookups().name(QStringLiteral("agency_campaigns"), id); };
    QTRY_COMPARE(nameOf(page->currentId()), QStringLiteral("Quiet month")); // the newest first

    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget(), page->searchBox());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("harbour"));
    QTRY_COMPARE(page->model()->rowCount(), 2);
    QTRY_VERIFY(!page->model()->isBusy());
    QStringList found;
    for (int row = 0; row < page->model()->rowCount(); ++row)
        found << nameOf(page->model()->idAt(row));
    found.sort();
    QCOMPARE(found, (QStringList { QStringLiteral("Harbour relaunch"), QStringLiteral("Winter HARBOUR lights") }));
    // The first match is selected, and its form shows it.
    QTRY_COMPARE(page->currentId(), page->model()->idAt(0));
    QCOMPARE(page->view()->currentIndex().row(), 0);
    // Down from the search box: into the results, at that first match; Down again: the next one.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
    QCOMPARE(QApplication::focusWidget(), page->view());
    QCOMPARE(page->currentId(), page->model()->idAt(0));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
    QCOMPARE(page->currentId(), page->model()->idAt(1));

    // Two letters: no trigram to look up, each row's name tested; the case of the letters does not matter.
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("SP"));
    QTRY_COMPARE(page->model()->rowCount(), 1);
    QTRY_COMPARE(nameOf(page->currentId()), QStringLiteral("Spring sale"));

    // Renamed in the form and saved: found by the new name, not by the old.
    auto* name = page->form()->findChild<QLineEdit*>(QStringLiteral("campaign_name"));
    QVERIFY(name);
    const QString renamed = page->currentId();
    typeInto(name, QStringLiteral("Lighthouse autumn"));
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY(!page->model()->hasPendingChanges());
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("lighthouse"));
    QTRY_COMPARE(page->model()->rowCount(), 1);
    QTRY_VERIFY(!page->model()->isBusy());
    QTRY_COMPARE(page->currentId(), renamed);
    QCOMPARE(name->text(), QStringLiteral("Lighthouse autumn"));
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("spring"));
    QTRY_VERIFY(!page->model()->isBusy());
    QTest::qWait(400);
    QTRY_COMPARE(page->model()->rowCount(), 0);
}

// F1 lists every key the window answers, read from its own actions (Save with its Ctrl+S, and so on); the Help menu,
// opened with the mouse, has a user guide that says how to search and save.
void TestMainWindow::helpListsTheKeysAndGuides()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("sqlite"));
    QVERIFY(scratch.migrate());
    AGENCY_WINDOW(window, scratch);
    QStringList rows;
    whenModal([&](QWidget* dialog) {
        auto* table = dialog->findChild<QTableWidget*>();
        if (table) {
            for (int row = 0; row < table->rowCount(); ++row)
                rows << table->item(row, 0)->text() + u'=' + table->item(row, 1)->text();
        }
        QTest::keyClick(dialog, Qt::Key_Escape);
    });
    QTest::keyClick(&window, Qt::Key_F1);
    for (const char* name : { "save", "new", "find", "import", "export", "delete" }) {
        QAction* action = window.action(QString::fromLatin1(name));
        const QString expected
            = action->shortcut().toString(QKeySequence::NativeText) + u'=' + QString(action->text()).remove(u'&');
        QVERIFY2(rows.contains(expected), qPrintable(expected + QStringLiteral(" not in ") + rows.join(u'|')));
    }
    QVERIFY2(rows.join(u'|').contains(QStringLiteral("Down")), qPrintable(rows.join(u'|')));

    QMenuBar* bar = window.menuBar();
    QAction* helpMenu = nullptr;
    for (QAction* top : bar->actions()) {
        if (top->menu() && top->menu()->findChild<QAction*>(QStringLiteral("userGuideHelp")))
            helpMenu = top;
    }
    QVERIFY(helpMenu);
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->actionGeometry(helpMenu).center());
    QMenu* menu = helpMenu->menu();
    QTRY_VERIFY(menu->isVisible());
    QString guide;
    whenModal([&](QWidget* dialog) {
        if (auto* text = dialog->findChild<QTextBrowser*>())
            guide = text->toPlainText();
        QTest::keyClick(dialog, Qt::Key_Escape);
    });
    QTest::mouseClick(menu, Qt::LeftButton, {},
        menu->actionGeometry(menu->findChild<QAction*>(QStringLiteral("userGuideHelp"))).center());
    QTRY_VERIFY(!guide.isEmpty());
    QVERIFY2(guide.contains(QStringLiteral("Ctrl+F")) && guide.contains(QStringLiteral("Ctrl+S")), qPrintable(guide));
}

// An exported file edited in a spreadsheet and checked in the Import dialog: before anything is written, it lists each
// field that would change, on its line, with the value now and after the import (an amount as people read it, a type
// in words); `agency-os import --dry-run` prints the same, as files write values. Nothing is written by either.
void TestMainWindow::importDryRunShowsEachFieldsOldAndNewValue()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Fixture f;
    seed(scratch.db(), f);
    QVERIFY(!test::add(scratch.db(),
        test::Campaign { .id = QStringLiteral("30000000-0000-4000-8000-0000000000aa"),
            .client = f.client,
            .type = QStringLiteral("seo"),
            .allocated = QStringLiteral("1000.00") })
                 .isEmpty());
    const QString stamp = scalar(scratch.db(),
        QStringLiteral("SELECT updated_at FROM agency_campaigns WHERE id = '30000000-0000-4000-8000-0000000000aa'"))
                              .toDateTime()
                              .toUTC()
                              .toString(Qt::ISODateWithMs);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("edited.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("id,updated_at,campaign_type,budget_allocated\r\n"
                              "30000000-0000-4000-8000-0000000000aa,%1,ppc,1250.50\r\n")
                   .arg(stamp)
                   .toUtf8());
    file.close();
    ui::ImportDialog dialog(whereOf(scratch), QStringLiteral("agency_campaigns"));
    QVERIFY(dialog.loadFile(path));
    QTRY_VERIFY(!dialog.isBusy());
    QVERIFY2(dialog.report().ok(), qPrintable(dialog.summary()));
    QTableWidget* changes = dialog.changes();
    QVERIFY(changes->isVisibleTo(&dialog));
    QStringList listed;
    for (int row = 0; row < changes->rowCount(); ++row)
        listed << QStringLiteral("%1|%2|%3|%4")
                      .arg(changes->item(row, 0)->text(), changes->item(row, 1)->text(), changes->item(row, 2)->text(),
                          changes->item(row, 3)->text());
    listed.sort();
    const QLocale locale;
    QCOMPARE(listed,
        (QStringList { QStringLiteral("2|Budget allocated|%1|%2")
                           .arg(domain::Money::fromCents(100000).toDisplayString(locale),
                               domain::Money::fromCents(125050).toDisplayString(locale)),
            QStringLiteral("2|Type|SEO|Paid search (PPC)") }));
    QVERIFY2(dialog.summary().contains(QStringLiteral("would change")), qPrintable(dialog.summary()));

    QProcess cli;
    cli.start(QStringLiteral(AGENCY_OS_BINARY),
        { QStringLiteral("import"), QStringLiteral("campaigns"), QStringLiteral("--input"), path,
            QStringLiteral("--dry-run"), QStringLiteral("--db"), scratch.dsn() });
    QVERIFY(cli.waitForFinished(60000));
    const QString said = QString::fromUtf8(cli.readAllStandardOutput());
    QVERIFY2(cli.exitCode() == 0, qPrintable(said));
    QVERIFY2(said.contains(
                 QStringLiteral("line 2: 30000000-0000-4000-8000-0000000000aa budget_allocated: 1000.00 -> 1250.50")),
        qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("campaign_type: seo -> ppc")), qPrintable(said));
    QCOMPARE(scalar(scratch.db(),
                 QStringLiteral(
                     "SELECT budget_allocated FROM agency_campaigns WHERE id = '30000000-0000-4000-8000-0000000000aa'"))
                 .toString(),
        QStringLiteral("1000.00"));
}

// Channel types are free text, and "Google Ads", "GoogleAds" and "google_ads" split every report: the type picker
// offers the spellings in use beside the known ones, typing another spelling of one says so under the field, and
// Edit → Merge channel types makes two spellings one in a single step, seen in the database.
void TestMainWindow::channelTypesAreOfferedWarnedAndMerged()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Fixture f;
    seed(scratch.db(), f);
    QVERIFY(!test::add(scratch.db(),
        test::Campaign { .id = QStringLiteral("30000000-0000-4000-8000-0000000000cc"),
            .client = f.client,
            .type = QStringLiteral("ppc"),
            .allocated = QStringLiteral("1000.00") })
                 .isEmpty());
    for (const auto& [id, type] : QList<QPair<QString, QString>> {
             { QStringLiteral("40000000-0000-4000-8000-0000000000c1"), QStringLiteral("google_ads") },
             { QStringLiteral("40000000-0000-4000-8000-0000000000c2"), QStringLiteral("Google Ads") },
             { QStringLiteral("40000000-0000-4000-8000-0000000000c3"), QStringLiteral("GoogleAds") } })
        QVERIFY(!test::add(scratch.db(),
            test::Channel { .id = id,
                .campaign = QStringLiteral("30000000-0000-4000-8000-0000000000cc"),
                .type = type,
                .percentage = QStringLiteral("10.00") })
                     .isEmpty());
    AGENCY_WINDOW(window, scratch);
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    ui::TablePage* channels = window.page(ui::MainWindow::Channels);
    QTRY_VERIFY(!channels->currentId().isEmpty());
    auto* type = field<ui::ChoiceCombo>(channels, "channel_type");
    QVERIFY(type);
    QTRY_VERIFY(type->findData(QStringLiteral("Google Ads")) >= 0); // in use, so offered
    QVERIFY(type->findData(QStringLiteral("GoogleAds")) >= 0);
    QVERIFY(type->findData(QStringLiteral("tiktok_ads")) >= 0); // known
    typeInto(type, QStringLiteral("Google-Ads")); // ("google ads" completes to Google Ads, the known code)
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    auto* said = channels->form()->findChild<QLabel*>(QStringLiteral("channel_type_message"));
    QVERIFY(said);
    QTRY_VERIFY(said->isVisible());
    QVERIFY2(said->text().contains(QStringLiteral("google_ads")) || said->text().contains(QStringLiteral("Google Ads")),
        qPrintable(said->text()));
    channels->model()->discardChanges(); // not what this test is about

    whenModal([](QWidget* dialog) {
        auto* merge = qobject_cast<ui::MergeValuesDialog*>(dialog);
        if (!merge) {
            dialog->close();
            return;
        }
        merge->fromBox()->setCurrentIndex(merge->fromBox()->findData(QStringLiteral("Google Ads")));
        merge->intoBox()->setCurrentIndex(merge->intoBox()->findData(QStringLiteral("google_ads")));
        QTest::mouseClick(merge->findChild<QPushButton*>(QStringLiteral("merge")), Qt::LeftButton);
    });
    window.findChild<QAction*>(QStringLiteral("mergeChannelTypes"))->trigger();
    const auto count = [&](const QString& value) {
        return scalar(scratch.db(),
            QStringLiteral("SELECT count(*) FROM agency_campaign_channels WHERE channel_type = ?"), { value })
            .toInt();
    };
    QTRY_COMPARE(count(QStringLiteral("Google Ads")), 0);
    QCOMPARE(count(QStringLiteral("google_ads")), 2);
    QCOMPARE(count(QStringLiteral("GoogleAds")), 1); // only the spelling chosen
    // A merge of a value into itself, or into nothing, is refused and changes nothing.
    QString error;
    const QString column = QStringLiteral("channel_type");
    QVERIFY(!tables::mergeValues(scratch.db(), tables::channelsSpec(), column, QStringLiteral("GoogleAds"),
        QStringLiteral("GoogleAds"), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!tables::mergeValues(
        scratch.db(), tables::channelsSpec(), column, QStringLiteral("GoogleAds"), QStringLiteral("  "), &error));
    QCOMPARE(count(QStringLiteral("GoogleAds")), 1);
    QVERIFY2(window.statusMessage().contains(QStringLiteral("google_ads")), qPrintable(window.statusMessage()));
}

void TestMainWindow::droppedConnectionIsRetriedAndEditsKept()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("postgresql"));
    QVERIFY(scratch.migrate());
    const Fixture f;
    seed(scratch.db(), f);
    AGENCY_WINDOW(window, scratch);
    QVERIFY(window.connectionWatch());
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    ui::TablePage* clients = window.page(ui::MainWindow::Clients);
    QVERIFY(clients->showRecord(f.client));
    typeInto(field<QLineEdit>(clients, "industry"), QStringLiteral("Energy"));

    // The server drops this desktop's connection (a restart, a network cut, an administrator).
    QSqlDatabase admin = scratch.openAnother(QStringLiteral("admin"));
    QVERIFY(test::execute(admin,
        QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                       "AND pid <> pg_backend_pid() AND application_name = ?"),
        { db::applicationName() }));
    // Saving now fails plainly, and nothing typed is lost.
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
    QVERIFY(clients->model()->hasPendingChanges());
    QVERIFY(!window.statusMessage().isEmpty());

    QSignalSpy lost(window.connectionWatch(), &db::ConnectionWatch::lost);
    QSignalSpy restored(window.connectionWatch(), &db::ConnectionWatch::restored);
    QVERIFY(window.connectionWatch()->check()); // what the timer does every few seconds
    QCOMPARE(lost.count(), 1);
    QCOMPARE(restored.count(), 1);
    QVERIFY(window.statusMessage().contains(QStringLiteral("Reconnected")));
    QVERIFY(clients->model()->hasPendingChanges());
    QVERIFY(clients->showRecord(f.client));
    QCOMPARE(field<QLineEdit>(clients, "industry")->text(), QStringLiteral("Energy"));
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(!clients->model()->hasPendingChanges(), qPrintable(window.statusMessage()));
    QCOMPARE(scalar(admin, QStringLiteral("SELECT industry FROM agency_clients")).toString(), QStringLiteral("Energy"));
}

void TestMainWindow::tablesTheRoleMayNotChangeAreReadOnly()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("postgresql"));
    QVERIFY(scratch.migrate());
    const Fixture f;
    seed(scratch.db(), f);
    // An account manager's role: may change clients and campaigns, only read tiers and channels.
    const QString role = QStringLiteral("manager_%1").arg(QCoreApplication::applicationPid());
    QVERIFY(test::execute(scratch.db(), QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'm-pass'").arg(role)));
    QVERIFY(test::execute(scratch.db(), QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO %1").arg(role)));
    QVERIFY(test::execute(
        scratch.db(), QStringLiteral("GRANT INSERT, UPDATE ON agency_clients, agency_campaigns TO %1").arg(role)));
    auto where = *db::ConnectionString::parse(scratch.dsn(), nullptr);
    where.user = role;
    where.password = QStringLiteral("m-pass");
    QString error;
    {
        QSqlDatabase db = db::openDatabase(where, QStringLiteral("manager"), &error);
        QVERIFY2(db.isOpen(), qPrintable(error));
        ui::MainWindow window(db, where, false);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.page(ui::MainWindow::Clients)->model()->isReadOnly());
        QVERIFY(window.page(ui::MainWindow::SlaTiers)->model()->isReadOnly());
        QVERIFY(window.page(ui::MainWindow::Channels)->model()->isReadOnly());
        QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
        QVERIFY(!window.action(QStringLiteral("new"))->isEnabled());
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QVERIFY(window.action(QStringLiteral("new"))->isEnabled());
        // A refusal the app could not foresee (a column-level REVOKE, say) is said plainly.
        QVERIFY(test::execute(scratch.db(), QStringLiteral("REVOKE UPDATE ON agency_clients FROM %1").arg(role)));
        ui::TablePage* clients = window.page(ui::MainWindow::Clients);
        QVERIFY(clients->showRecord(f.client));
        typeInto(field<QLineEdit>(clients, "industry"), QStringLiteral("Energy"));
        QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
        QVERIFY2(window.statusMessage().contains(QStringLiteral("not allowed")), qPrintable(window.statusMessage()));
        QVERIFY(clients->model()->hasPendingChanges());
        clients->model()->discardChanges();
    }
    db::closeDatabase(QStringLiteral("manager"));
    QVERIFY(test::execute(scratch.db(), QStringLiteral("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %1").arg(role)));
    QVERIFY(test::execute(scratch.db(), QStringLiteral("DROP ROLE %1").arg(role)));
}

// Issue 12.12: a SELECT-only role saw no word of being read-only and Save stayed enabled; a column-level grant
// (UPDATE (industry)) left the whole table read-only. Now the page says so in a banner, Save is off where nothing may
// be saved, and exactly the granted field takes typing and saves.
void TestMainWindow::readOnlyIsShownAndColumnGrantsArePerField()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("postgresql"));
    QVERIFY(scratch.migrate());
    const Fixture f;
    seed(scratch.db(), f);
    const QString reader = QStringLiteral("reader_%1").arg(QCoreApplication::applicationPid());
    const QString editor = QStringLiteral("industry_%1").arg(QCoreApplication::applicationPid());
    for (const QString& role : { reader, editor }) {
        QVERIFY(test::execute(scratch.db(), QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'r-pass'").arg(role)));
        QVERIFY(
            test::execute(scratch.db(), QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO %1").arg(role)));
    }
    QVERIFY(test::execute(scratch.db(), QStringLiteral("GRANT UPDATE (industry) ON agency_clients TO %1").arg(editor)));
    const QString industrySql = QStringLiteral("SELECT industry FROM agency_clients WHERE id = ?");
    for (const QString& role : { reader, editor }) {
        auto where = *db::ConnectionString::parse(scratch.dsn(), nullptr);
        where.user = role;
        where.password = QStringLiteral("r-pass");
        QString error;
        {
            QSqlDatabase db = db::openDatabase(where, role, &error);
            QVERIFY2(db.isOpen(), qPrintable(error));
            ui::MainWindow window(db, where, false);
            QVERIFY(shown(window));
            QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
            ui::TablePage* clients = window.page(ui::MainWindow::Clients);
            QVERIFY(clients->showRecord(f.client));
            const QString banner = clients->rightsBanner()->text();
            QVERIFY2(clients->rightsBanner()->isVisible(), qPrintable(banner));
            QVERIFY(!window.action(QStringLiteral("new"))->isEnabled());
            QVERIFY(!window.action(QStringLiteral("delete"))->isEnabled());
            auto* industry = field<QLineEdit>(clients, "industry");
            if (role == reader) {
                QVERIFY2(banner.startsWith(QStringLiteral("Read-only")), qPrintable(banner));
                QVERIFY(!window.action(QStringLiteral("save"))->isEnabled());
                QVERIFY(!industry->isEnabled());
                typeInto(industry, QStringLiteral("Energy")); // a disabled field takes no keys
                QVERIFY(!clients->model()->hasPendingChanges());
                QCOMPARE(scalar(scratch.db(), industrySql, { f.client }).toString(), QStringLiteral("Retail"));
            } else {
                QVERIFY2(banner.contains(QStringLiteral("may change only: Industry;"))
                        && banner.contains(QStringLiteral("may not add rows")),
                    qPrintable(banner));
                QVERIFY(window.action(QStringLiteral("save"))->isEnabled());
                QVERIFY(!field<QLineEdit>(clients, "client_legal_name")->isEnabled());
                QVERIFY(industry->isEnabled());
                typeInto(industry, QStringLiteral("Energy"));
                QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
                QVERIFY2(!clients->model()->hasPendingChanges(), qPrintable(window.statusMessage()));
                QCOMPARE(scalar(scratch.db(), industrySql, { f.client }).toString(), QStringLiteral("Energy"));
            }
            // The other pages: this role may change nothing there.
            QVERIFY(window.page(ui::MainWindow::SlaTiers)->model()->isReadOnly());
            QVERIFY(
                window.page(ui::MainWindow::SlaTiers)->rightsBanner()->text().startsWith(QStringLiteral("Read-only")));
        }
        db::closeDatabase(role);
    }
    for (const QString& role : { reader, editor }) {
        QVERIFY(
            test::execute(scratch.db(), QStringLiteral("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %1").arg(role)));
        QVERIFY(test::execute(scratch.db(), QStringLiteral("DROP ROLE %1").arg(role)));
    }
}

void TestMainWindow::anotherDesktopsChangeShowsUp()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("postgresql"));
    QVERIFY(scratch.migrate());
    const Fixture f;
    seed(scratch.db(), f);
    AGENCY_WINDOW(window, scratch);
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    ui::TablePage* clients = window.page(ui::MainWindow::Clients);
    QVERIFY(clients->showRecord(f.client));
    // An unsaved edit of mine in another field survives the refresh.
    typeInto(field<QLineEdit>(clients, "client_legal_name"), QStringLiteral("Acme Ltd."));
    QSqlDatabase other = scratch.openAnother(QStringLiteral("other"));
    QVERIFY(test::execute(other, QStringLiteral("UPDATE agency_clients SET industry = 'Mining'")));
    QTRY_COMPARE_WITH_TIMEOUT(field<QLineEdit>(clients, "industry")->text(), QStringLiteral("Mining"), 5000);
    QCOMPARE(field<QLineEdit>(clients, "client_legal_name")->text(), QStringLiteral("Acme Ltd."));
    QCOMPARE(clients->currentId(), f.client);
}

// A page reads one page of rows; the keyboard (Ctrl+End, again and again) scrolls to the end and the view reads the
// next pages as it goes, in the table's order with nothing missed or twice; an edit to the last row, far past the
// first page, is saved.
void TestMainWindow::scrollingReadsTheNextPages()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(demo::DemoDataWriter(scratch.db()).write({ 12, 5, 6, 4 }, nullptr));
    QStringList expected;
    QSqlQuery all(scratch.db());
    QVERIFY(all.exec(
        QStringLiteral("SELECT id FROM agency_campaign_channels WHERE deleted_at IS NULL ORDER BY channel_type, id")));
    while (all.next())
        expected << all.value(0).toString();
    QVERIFY(expected.size() > 300); // more than a page (the demo deletes a few)

    AGENCY_WINDOW(window, scratch);
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    ui::TablePage* channels = window.page(ui::MainWindow::Channels);
    tables::AgencyTableModel* model = channels->model();
    QCOMPARE(model->rowCount(), 256); // one page
    QVERIFY(model->canFetchMore());
    channels->view()->setFocus();
    for (int i = 0; i < 5 && model->rowCount() < expected.size(); ++i) {
        QTest::keyClick(channels->view(), Qt::Key_End, Qt::ControlModifier);
        QCoreApplication::processEvents();
    }
    QCOMPARE(model->rowCount(), expected.size());
    QStringList shown;
    for (int row = 0; row < model->rowCount(); ++row)
        shown << model->idAt(row);
    QCOMPARE(shown, expected);

    QTest::keyClick(channels->view(), Qt::Key_End, Qt::ControlModifier);
    QTRY_COMPARE(channels->currentId(), expected.constLast());
    typeInto(field<QLineEdit>(channels, "external_account_id"), QStringLiteral("acct-359"));
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(!model->hasPendingChanges(), qPrintable(window.statusMessage()));
    // After the save the same row is still the current one, with the form on it.
    QTRY_COMPARE(channels->view()->currentIndex().row(), model->rowCount() - 1);
    QCOMPARE(channels->currentId(), expected.constLast());
    QCOMPARE(field<QLineEdit>(channels, "external_account_id")->text(), QStringLiteral("acct-359"));
    QCOMPARE(
        scalar(scratch.db(), QStringLiteral("SELECT external_account_id FROM agency_campaign_channels WHERE id = ?"),
            { expected.constLast() })
            .toString(),
        QStringLiteral("acct-359"));
}

// The campaign picker lists the thousand most recent campaigns; a channel of an older one still shows its campaign
// by name, as the table does, not by its id.
void TestMainWindow::pickerNamesACampaignOutsideItsList()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("sqlite"));
    QVERIFY(scratch.migrate());
    QVERIFY(demo::DemoDataWriter(scratch.db()).write({ 13, 100, 1, 4 }, nullptr));
    const QString channel = scalar(scratch.db(),
        QStringLiteral("SELECT ch.id FROM agency_campaign_channels ch WHERE ch.deleted_at IS NULL AND ch.campaign_id "
                       "NOT IN (SELECT id FROM agency_campaigns WHERE deleted_at IS NULL ORDER BY start_date DESC, id "
                       "LIMIT 1000) LIMIT 1"))
                                .toString();
    QVERIFY(!channel.isEmpty());
    AGENCY_WINDOW(window, scratch);
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    ui::TablePage* channels = window.page(ui::MainWindow::Channels);
    QVERIFY(channels->showRecord(channel));
    const int row = channels->model()->rowOfId(channel);
    const QString shownInTable
        = channels->model()
              ->data(channels->model()->index(row, channels->model()->fieldIndex(QStringLiteral("campaign_id"))))
              .toString();
    auto* picker = field<ui::ChoiceCombo>(channels, "campaign_id");
    QCOMPARE(picker->value(), channels->model()->valueAt(row, QStringLiteral("campaign_id")).toString());
    QVERIFY(!shownInTable.isEmpty());
    QCOMPARE(picker->currentText(), shownInTable);
}

// The campaign picker lists the newest thousand; typing a few words finds any campaign on the server, and Down,
// Enter picks it. Text that names nothing never becomes a value.
void TestMainWindow::typingInTheCampaignPickerFindsAnyCampaign()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("sqlite"));
    QVERIFY(scratch.migrate());
    QVERIFY(demo::DemoDataWriter(scratch.db()).write({ 13, 100, 1, 4 }, nullptr));
    const QString target = scalar(scratch.db(),
        QStringLiteral("SELECT id FROM agency_campaigns WHERE deleted_at IS NULL AND id NOT IN (SELECT id FROM "
                       "agency_campaigns WHERE deleted_at IS NULL ORDER BY start_date DESC, id LIMIT 1000) LIMIT 1"))
                               .toString();
    QVERIFY(!target.isEmpty());
    const QString channel = scalar(scratch.db(),
        QStringLiteral("SELECT id FROM agency_campaign_channels WHERE deleted_at IS NULL AND campaign_id <> ? LIMIT 1"),
        { target })
                                .toString();
    // The target gets a name to find, and room for the channel (a small share, nothing else allocated).
    QVERIFY(test::execute(scratch.db(),
        QStringLiteral("UPDATE agency_campaigns SET metadata = '{\"name\": \"Harbour relaunch\"}', "
                       "budget_allocated = '1000.00' WHERE id = ?"),
        { target }));
    QVERIFY(test::execute(scratch.db(),
        QStringLiteral("UPDATE agency_campaign_channels SET deleted_at = updated_at WHERE campaign_id = ?"),
        { target }));
    QVERIFY(test::execute(scratch.db(),
        QStringLiteral(
            "UPDATE agency_campaign_channels SET budget_amount = NULL, budget_percentage = '10.00' WHERE id = ?"),
        { channel }));
    AGENCY_WINDOW(window, scratch);
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    ui::TablePage* channels = window.page(ui::MainWindow::Channels);
    QVERIFY(channels->showRecord(channel));
    auto* picker = field<ui::ChoiceCombo>(channels, "campaign_id");
    QCOMPARE(picker->findData(target), -1); // not among the thousand listed
    const QString before = picker->value();
    QVERIFY(!before.isEmpty());

    // Words that name nothing, then Tab: the value and its name stay.
    picker->setFocus();
    QTRY_VERIFY(picker->lineEdit()->hasFocus());
    picker->lineEdit()->selectAll();
    QTest::keyClicks(picker->lineEdit(), QStringLiteral("no such campaign"));
    QTest::qWait(400); // the pause after typing, then the search
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTest::keyClick(picker->lineEdit(), Qt::Key_Tab);
    QCOMPARE(picker->value(), before);
    QCOMPARE(picker->currentText(), picker->itemText(picker->currentIndex()));
    QVERIFY(!channels->model()->hasPendingChanges());

    // Two words of its name, in another case: the popup offers it; Down, Enter picks it; Ctrl+S saves it.
    picker->setFocus();
    QTRY_VERIFY(picker->lineEdit()->hasFocus());
    picker->lineEdit()->selectAll();
    QTest::keyClicks(picker->lineEdit(), QStringLiteral("HARBOUR rel"));
    QAbstractItemView* popup = picker->searchCompleter()->popup();
    QTRY_VERIFY(popup->isVisible());
    QCOMPARE(popup->model()->rowCount(), 1);
    QCOMPARE(popup->model()->index(0, 0).data().toString(), QStringLiteral("Harbour relaunch"));
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);
    QCOMPARE(picker->value(), target);
    QCOMPARE(picker->currentText(), QStringLiteral("Harbour relaunch"));
    QVERIFY(channels->model()->hasPendingChanges());
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(!channels->model()->hasPendingChanges(), qPrintable(window.statusMessage()));
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT campaign_id FROM agency_campaign_channels WHERE id = ?"),
                 { channel })
                 .toString(),
        target);
}

// The panel under Campaigns on its own, over the pages' models: the campaign's saved channels in its list, and a split
// that follows an unsaved edit on the Channels page and the campaign's budget as typed.
void TestMainWindow::campaignDetailPanelFollowsUnsavedEdits()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("sqlite"));
    QVERIFY(scratch.migrate());
    const QString campaign = QStringLiteral("30000000-0000-4000-8000-000000000001");
    const QString harbour = test::add(scratch.db(), test::Client { .name = QStringLiteral("Harbour Ltd") });
    QVERIFY(!test::add(
        scratch.db(), test::Campaign { .id = campaign, .client = harbour, .allocated = QStringLiteral("1000.00") })
                 .isEmpty());
    for (const test::Channel& channel : { test::Channel { .id = QStringLiteral("40000000-0000-4000-8000-000000000001"),
                                                          .campaign = campaign,
                                                          .type = QStringLiteral("radio"),
                                                          .amount = QStringLiteral("100.00") },
             test::Channel { .id = QStringLiteral("40000000-0000-4000-8000-000000000002"),
                             .campaign = campaign,
                             .type = QStringLiteral("print"),
                             .amount = QStringLiteral("200.00") },
             test::Channel { .id = QStringLiteral("40000000-0000-4000-8000-000000000003"),
                             .campaign = campaign,
                             .type = QStringLiteral("email"),
                             .percentage = QStringLiteral("10.00") } })
        QVERIFY(!test::add(scratch.db(), channel).isEmpty());
    tables::CampaignModel campaigns(scratch.db());
    tables::ChannelModel channels(scratch.db());
    ui::CampaignDetailPanel panel(scratch.db(), &campaigns, &channels);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setCampaign(campaign);
    QVERIFY(test::campaignFiguresShown(panel));
    auto* list = panel.findChild<QTableView*>(QStringLiteral("campaignChannels"));
    auto* split = panel.findChild<ui::BudgetSplitPanel*>(QStringLiteral("budgetSplit"));
    QCOMPARE(list->model()->rowCount(), 3);
    const QString before = split->summary();
    QVERIFY(!before.isEmpty());

    // The campaign's budget as typed (not saved): 1,000,000.00 leaves everything but the channels unallocated.
    QVERIFY(campaigns.setData(
        campaigns.index(campaigns.findRow(campaign, 100000), campaigns.fieldIndex(QStringLiteral("budget_allocated"))),
        QStringLiteral("1000000.00")));
    panel.updateSplit();
    const QLocale locale;
    // 100.00 + 200.00 + 10 % of 1,000,000.00 = 100,300.00; 899,700.00 unallocated.
    QVERIFY2(split->summary().contains(domain::Money::fromCents(89970000).toDisplayString(locale)),
        qPrintable(split->summary()));
    QVERIFY(before.contains(domain::Money::fromCents(60000).toDisplayString(locale))); // 1,000 − 400 before

    // A channel's amount edited on the Channels page (not saved): 200.00 → 50.00.
    QVERIFY(channels.select());
    QVERIFY(
        channels.setData(channels.index(channels.findRow(QStringLiteral("40000000-0000-4000-8000-000000000002"), 100),
                             channels.fieldIndex(QStringLiteral("budget_amount"))),
            QStringLiteral("50.00")));
    panel.updateSplit();
    QVERIFY2(split->summary().contains(domain::Money::fromCents(89985000).toDisplayString(locale)),
        qPrintable(split->summary()));
    QCOMPARE(campaigns.hasPendingChanges(), true);
    QCOMPARE(scalar(scratch.db(),
                 QStringLiteral("SELECT count(*) FROM agency_campaigns WHERE budget_allocated = "
                                "'1000000.00'"))
                 .toInt(),
        0); // nothing saved
    panel.setCampaign({});
    QCOMPARE(list->model()->rowCount(), 0);
}

namespace {

// Runs the sqlite3 shell (another process, as another window or a script would be) on the file; its exit code.
int sqliteShell(const QString& file, const QString& sql)
{
    QProcess shell;
    shell.start(QStringLiteral("sqlite3"), { QStringLiteral("-bail"), file, sql });
    if (!shell.waitForFinished(30000))
        return -1;
    if (shell.exitCode() != 0)
        qWarning("sqlite3: %s", shell.readAllStandardError().constData());
    return shell.exitStatus() == QProcess::NormalExit ? shell.exitCode() : -1;
}

} // namespace

// Issue 12.1: the window holds no read transaction between its reads. Another process writes the file after every
// page has been read (a table of more than one page among them); the window's saves still go through, each time.
void TestMainWindow::savesAfterAnotherProcessWritesTheFile()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("sqlite"));
    QVERIFY(scratch.migrate());
    QVERIFY(demo::DemoDataWriter(scratch.db()).write({}, nullptr));
    const QString file = whereOf(scratch).path;
    QVERIFY(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_campaign_channels")).toInt() > 256);

    AGENCY_WINDOW(window, scratch);
    for (const int key : { Qt::Key_1, Qt::Key_2, Qt::Key_3, Qt::Key_4, Qt::Key_5 }) {
        QTest::keyClick(&window, static_cast<Qt::Key>(key), Qt::ControlModifier);
        QTest::qWait(50);
    }
    struct Edit {
        ui::MainWindow::Page page;
        Qt::Key key;
        const char* column;
        const char* table;
    };
    const Edit edits[] = { { ui::MainWindow::Channels, Qt::Key_4, "external_account_id", "agency_campaign_channels" },
        { ui::MainWindow::Clients, Qt::Key_2, "industry", "agency_clients" },
        { ui::MainWindow::Channels, Qt::Key_4, "external_account_id", "agency_campaign_channels" } };
    int round = 0;
    for (const Edit& edit : edits) {
        ++round;
        // Another process writes a row the window does not edit.
        QCOMPARE(sqliteShell(file,
                     QStringLiteral("UPDATE agency_sla_tiers SET description = 'written elsewhere %1' WHERE id = "
                                    "(SELECT max(id) FROM agency_sla_tiers)")
                         .arg(round)),
            0);
        QTest::keyClick(&window, edit.key, Qt::ControlModifier);
        ui::TablePage* page = window.page(edit.page);
        page->view()->setFocus();
        QTest::keyClick(page->view(), Qt::Key_Home, Qt::ControlModifier);
        QTRY_VERIFY(!page->currentId().isEmpty());
        const QString id = page->currentId();
        const QString typed = QStringLiteral("typed %1").arg(round);
        typeInto(field<QLineEdit>(page, edit.column), typed);
        QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
        QVERIFY2(!page->model()->hasPendingChanges(), qPrintable(window.statusMessage()));
        QCOMPARE(scalar(scratch.db(),
                     QStringLiteral("SELECT %1 FROM %2 WHERE id = ?")
                         .arg(QString::fromLatin1(edit.column), QString::fromLatin1(edit.table)),
                     { id })
                     .toString(),
            typed);
        // And the other process can write after the window's save, too.
        QCOMPARE(sqliteShell(file,
                     QStringLiteral("UPDATE agency_sla_tiers SET description = 'after %1' WHERE id = (SELECT min(id) "
                                    "FROM agency_sla_tiers)")
                         .arg(round)),
            0);
    }
}

namespace {

// The sqlite3 shell holding the file's write lock (an open write transaction) for `seconds`; returns once it holds it.
std::unique_ptr<QProcess> holdWriteLock(const QString& file, int seconds)
{
    auto shell = std::make_unique<QProcess>();
    shell->start(QStringLiteral("sqlite3"), { QStringLiteral("-bail"), file });
    shell->write(QStringLiteral("BEGIN IMMEDIATE;\nUPDATE agency_sla_tiers SET description = 'held';\n.print held\n"
                                ".shell sleep %1\nCOMMIT;\n")
                     .arg(seconds)
                     .toUtf8());
    shell->closeWriteChannel();
    QElapsedTimer waited;
    waited.start();
    while (!shell->readAllStandardOutput().contains("held") && waited.elapsed() < 10000)
        shell->waitForReadyRead(100);
    return shell;
}

} // namespace

// Issue 12.1: a save while another process writes waits for it (a bounded time), then goes through; past that time it
// says the file is busy, writes nothing and keeps the edits for the next Save.
void TestMainWindow::saveWaitsForAnotherProcessesWrite()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("sqlite"));
    QVERIFY(scratch.migrate());
    QVERIFY(demo::DemoDataWriter(scratch.db()).write({ 3, 2, 2, 1 }, nullptr));
    const QString file = whereOf(scratch).path;
    AGENCY_WINDOW(window, scratch);
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    ui::TablePage* clients = window.page(ui::MainWindow::Clients);
    clients->view()->setFocus();
    QTest::keyClick(clients->view(), Qt::Key_Home, Qt::ControlModifier);
    QTRY_VERIFY(!clients->currentId().isEmpty());
    const QString id = clients->currentId();
    auto industry = [&]() {
        return scalar(scratch.db(), QStringLiteral("SELECT industry FROM agency_clients WHERE id = ?"), { id })
            .toString();
    };

    // Held for two seconds: the save waits, then writes.
    typeInto(field<QLineEdit>(clients, "industry"), QStringLiteral("Waited"));
    std::unique_ptr<QProcess> shell = holdWriteLock(file, 2);
    QElapsedTimer took;
    took.start();
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(!clients->model()->hasPendingChanges(), qPrintable(window.statusMessage()));
    QVERIFY2(took.elapsed() > 500, qPrintable(QString::number(took.elapsed())));
    QCOMPARE(industry(), QStringLiteral("Waited"));
    QVERIFY(shell->waitForFinished(10000));
    QCOMPARE(shell->exitCode(), 0);

    // Held for longer than the wait: nothing written, the edit kept, and Save works once the other write is done.
    typeInto(field<QLineEdit>(clients, "industry"), QStringLiteral("Kept"));
    shell = holdWriteLock(file, 8);
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
    QVERIFY(clients->model()->hasPendingChanges());
    QVERIFY2(window.statusMessage().contains(QStringLiteral("another program")), qPrintable(window.statusMessage()));
    QCOMPARE(industry(), QStringLiteral("Waited"));
    QCOMPARE(field<QLineEdit>(clients, "industry")->text(), QStringLiteral("Kept"));
    QVERIFY(shell->waitForFinished(15000));
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(!clients->model()->hasPendingChanges(), qPrintable(window.statusMessage()));
    QCOMPARE(industry(), QStringLiteral("Kept"));
}

// Issue 12.2: the file dialog shown over the database's own folder (Import → Choose file…) must not open the database's
// files: closing any descriptor of a file drops every POSIX lock the process holds on it, and another process could
// then delete the write-ahead log the window still uses. After the dialog, a sqlite3 run that opens and closes the
// file leaves the log in place, and a save is seen by that other process.
void TestMainWindow::fileDialogLeavesTheDatabaseAlone()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("sqlite"));
    QVERIFY(scratch.migrate());
    QVERIFY(demo::DemoDataWriter(scratch.db()).write({ 3, 2, 2, 1 }, nullptr));
    const QString file = whereOf(scratch).path;
    const QString folder = QFileInfo(file).absolutePath();
    QVERIFY(QFileInfo::exists(file + QStringLiteral("-wal")));
    AGENCY_WINDOW(window, scratch);
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);

    bool listed = false;
    auto* fileDialogPoll = new QTimer(&window); // a timer of its own: the import dialog's is busy in that dialog
    connect(fileDialogPoll, &QTimer::timeout, &window, [&, fileDialogPoll]() {
        auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        fileDialogPoll->stop();
        // Closed however this ends: a failed check below must not leave the test waiting in the dialog.
        const std::unique_ptr<QObject, std::function<void(QObject*)>> closing(dialog, [dialog](QObject*) {
            if (dialog->isVisible())
                dialog->reject();
        });
        // Types the database's folder into the name field and goes there, as a person would: the completion list
        // that typing opens is closed with Escape first (under load it was still open and took the Return).
        auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
        QVERIFY(name);
        name->setFocus();
        QTest::keyClicks(name, folder);
        if (QCompleter* completer = name->completer(); completer && completer->popup()->isVisible())
            QTest::keyClick(completer->popup(), Qt::Key_Escape);
        QTest::keyClick(name, Qt::Key_Return);
        // Under a heavy load the completion list can still take the keys and leave the dialog at "/": then it is
        // sent to the folder directly — what matters here is that the dialog lists it.
        if (!QTest::qWaitFor([&]() { return dialog->directory().absolutePath() == folder; }, 5000)) {
            qWarning("the typed folder was not reached (the dialog is at %s): going there directly",
                qPrintable(dialog->directory().absolutePath()));
            dialog->setDirectory(folder);
        }
        QTRY_COMPARE(dialog->directory().absolutePath(), folder);
        QTest::qWait(1500); // the dialog's thread reads each entry's type and icon
        listed = true;
        QTest::keyClick(dialog, Qt::Key_Escape);
    });
    whenModal([&](QWidget* import) {
        auto* choose = import->findChild<QPushButton*>(QStringLiteral("choose"));
        QVERIFY(choose);
        fileDialogPoll->start(20);
        QTest::mouseClick(choose, Qt::LeftButton);
        QTest::keyClick(import, Qt::Key_Escape);
    });
    QTest::keyClick(&window, Qt::Key_I, Qt::ControlModifier);
    QVERIFY(listed);

    QCOMPARE(sqliteShell(file, QStringLiteral("SELECT count(*) FROM agency_clients")), 0);
    QVERIFY2(QFileInfo::exists(file + QStringLiteral("-wal")), "another process deleted the log the window uses");

    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    ui::TablePage* clients = window.page(ui::MainWindow::Clients);
    clients->view()->setFocus();
    QTest::keyClick(clients->view(), Qt::Key_Home, Qt::ControlModifier);
    QTRY_VERIFY(!clients->currentId().isEmpty());
    typeInto(field<QLineEdit>(clients, "industry"), QStringLiteral("After the dialog"));
    QVERIFY(clients->model()->hasPendingChanges());
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(!clients->model()->hasPendingChanges(), qPrintable(window.statusMessage()));
    QProcess shell;
    shell.start(QStringLiteral("sqlite3"),
        { file, QStringLiteral("SELECT industry FROM agency_clients WHERE id = '%1'").arg(clients->currentId()) });
    QVERIFY(shell.waitForFinished(30000));
    QCOMPARE(QString::fromUtf8(shell.readAllStandardOutput()).trimmed(), QStringLiteral("After the dialog"));
}

void TestMainWindow::rowPurgedElsewhereDoesNotBlockTheOthers_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("button");
    for (const char* backend : { "sqlite", "postgresql" }) {
        for (const char* button : { "saveAsNew", "takeTheirs" })
            QTest::newRow(qPrintable(QStringLiteral("%1, %2").arg(QLatin1String(backend), QLatin1String(button))))
                << QString::fromLatin1(backend) << QString::fromLatin1(button);
    }
}

// Issue 12.9: I edit two clients; another desktop removes one of them from the database. Save writes the other at once
// and asks about the removed one only: saved as a new row (my version, its id) or discarded. Before, "Keep all mine"
// sent nothing, the question came back on every Save and the other client's edit was rolled back with it.
void TestMainWindow::rowPurgedElsewhereDoesNotBlockTheOthers()
{
    QFETCH(QString, backend);
    QFETCH(QString, button);
    AGENCY_SCRATCH(scratch, backend);
    QVERIFY(scratch.migrate());
    const Fixture f;
    seed(scratch.db(), f);
    const QString globex = QStringLiteral("20000000-0000-4000-8000-000000000002");
    QVERIFY(!test::add(scratch.db(),
        test::Client { .id = globex,
            .name = QStringLiteral("Globex"),
            .type = QStringLiteral("project"),
            .industry = QStringLiteral("Energy") })
                 .isEmpty());
    AGENCY_WINDOW(window, scratch);
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    ui::TablePage* clients = window.page(ui::MainWindow::Clients);
    QVERIFY(clients->showRecord(f.client));
    typeInto(field<QLineEdit>(clients, "industry"), QStringLiteral("Mining"));
    QVERIFY(clients->showRecord(globex));
    typeInto(field<QLineEdit>(clients, "industry"), QStringLiteral("Solar"));

    QSqlDatabase other = scratch.openAnother(QStringLiteral("other"));
    QVERIFY(execute(other, QStringLiteral("DELETE FROM agency_clients WHERE id = ?"), { globex }));

    auto industry = [&](const QString& id) {
        return scalar(scratch.db(), QStringLiteral("SELECT industry FROM agency_clients WHERE id = ?"), { id });
    };
    bool sawDialog = false;
    whenModal([&](QWidget* modal) {
        auto* dialog = qobject_cast<ui::ConflictDialog*>(modal);
        QVERIFY(dialog);
        sawDialog = true;
        // Acme's edit is already in the database while I decide about Globex.
        QCOMPARE(industry(f.client).toString(), QStringLiteral("Mining"));
        QCOMPARE(dialog->table()->rowCount(), 1); // what I changed; there is nothing of theirs to show
        QVERIFY(dialog->findChild<QPushButton*>(QStringLiteral("saveAsNew")));
        QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("keepMine")));
        QTest::mouseClick(dialog->findChild<QPushButton*>(button), Qt::LeftButton);
    });
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(sawDialog, 10000);
    QTRY_VERIFY(QApplication::activeModalWidget() == nullptr);

    QCOMPARE(industry(f.client).toString(), QStringLiteral("Mining"));
    QTRY_VERIFY2(!clients->model()->hasPendingChanges(), qPrintable(window.statusMessage()));
    if (button == QStringLiteral("saveAsNew")) {
        QCOMPARE(industry(globex).toString(), QStringLiteral("Solar"));
        QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT client_name FROM agency_clients WHERE id = ?"), { globex })
                     .toString(),
            QStringLiteral("Globex"));
    } else {
        QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_clients WHERE id = ?"), { globex })
                     .toInt(),
            0);
        QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_clients")).toInt(), 1);
    }
    // Nothing is asked again.
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
    QVERIFY(QApplication::activeModalWidget() == nullptr);
}

// Issue 30.1: a campaign's Work tab, beside its budget split: its Plane project's issues and points done (Plane's
// tables as its models make them: tests/fixtures/plane_postgresql.sql), its spend and time, and the warning when the
// spend runs ahead of the work.
void TestMainWindow::campaignWorkTabShowsPlaneProgress()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("postgresql"));
    QVERIFY(scratch.migrate());
    QVERIFY(scratch.loadPlaneFixture());
    const QDate today = QDate::currentDate();
    const QString client = test::add(scratch.db(), test::Client { .name = QStringLiteral("Acme") });
    const QString campaign = test::add(scratch.db(),
        test::Campaign { .client = client,
            .allocated = QStringLiteral("1000.00"),
            .spent = QStringLiteral("600.00"),
            .start = today.addDays(-50).toString(Qt::ISODate),
            .end = today.addDays(50).toString(Qt::ISODate),
            .project = QStringLiteral("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa") });
    AGENCY_WINDOW(window, scratch);
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    ui::TablePage* campaigns = window.page(ui::MainWindow::Campaigns);
    QVERIFY(campaigns->showRecord(campaign));
    auto* work = window.findChild<ui::WorkPanel*>();
    QVERIFY(work);
    QTRY_VERIFY(work->text().contains(QStringLiteral("Issues done: 2 of 5 (40.00 %)")));
    QVERIFY2(
        work->text().contains(QStringLiteral("Estimate points done: 8 of 18 (44.44 %)")), qPrintable(work->text()));
    QVERIFY2(work->text().contains(QStringLiteral("Budget spent: 60.00 %")), qPrintable(work->text()));
    QVERIFY2(work->text().contains(QStringLiteral("Time elapsed: 50.00 %")), qPrintable(work->text()));
    QVERIFY(work->warns());
    QVERIFY2(work->text().contains(QStringLiteral("spend runs ahead of the work")), qPrintable(work->text()));
    // The burn-up: work done (two of five, 40 %) against time gone and the budget spent (60 %).
    QVERIFY(!work->burnUp()->isHidden()); // on the Work tab (not the one open)
    QStringList names;
    qreal lastDone = -1;
    qreal spentPoint = -1;
    for (QAbstractSeries* series : work->burnUp()->chart()->series()) {
        names << series->name();
        if (auto* line = qobject_cast<QXYSeries*>(series); line && series->name() == QStringLiteral("Work done"))
            lastDone = line->points().constLast().y();
        if (auto* line = qobject_cast<QXYSeries*>(series); line && series->name() == QStringLiteral("Budget spent"))
            spentPoint = line->points().constLast().y();
    }
    QCOMPARE(names,
        (QStringList { QStringLiteral("Time gone"), QStringLiteral("Work done"), QStringLiteral("Budget spent") }));
    QCOMPARE(lastDone, 40.0);
    QCOMPARE(spentPoint, 60.0);
    // Spent typed down to 400.00 and saved: the warning goes.
    typeInto(field<ui::DecimalEdit>(campaigns, "budget_spent"), QStringLiteral("400.00"));
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY(work->text().contains(QStringLiteral("Budget spent: 40.00 %")));
    QVERIFY(!work->warns());
}

QTEST_MAIN(TestMainWindow)
// The Clients page lists names as the reader's language orders them ("Bäckerei" before "Brauhaus", byte order put it
// after), and a click on the Client header turns the order round.
void TestMainWindow::namesSortAsTheReaderReadsThem()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    for (const QString& name : { QStringLiteral("Brauhaus"), QString::fromUtf8("Bäckerei"), QStringLiteral("Zebra"),
             QString::fromUtf8("Äpfelhof"), QStringLiteral("Apfel") })
        QVERIFY(!test::add(scratch.db(), test::Client { .name = name }).isEmpty());
    AGENCY_WINDOW(window, scratch);
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    ui::TablePage* clients = window.page(ui::MainWindow::Clients);
    QTableView* view = clients->view();
    const int nameColumn = clients->model()->fieldIndex(QStringLiteral("client_name"));
    const auto shown = [&]() {
        QStringList names;
        for (int row = 0; row < view->model()->rowCount(); ++row)
            names << view->model()->index(row, nameColumn).data().toString();
        return names;
    };
    const QStringList ascending { QStringLiteral("Apfel"), QString::fromUtf8("Äpfelhof"), QString::fromUtf8("Bäckerei"),
        QStringLiteral("Brauhaus"), QStringLiteral("Zebra") };
    QTRY_COMPARE(shown(), ascending);
    // A click on the Client column's header: the other way round.
    QHeaderView* header = view->horizontalHeader();
    const int x = header->sectionViewportPosition(nameColumn) + header->sectionSize(nameColumn) / 2;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    QStringList descending = ascending;
    std::reverse(descending.begin(), descending.end());
    QTRY_COMPARE(shown(), descending);
}

#include "tst_mainwindow.moc"
