// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 29 in the window: a record's History beside its form (who changed what, as the form shows it), revert of one
// field or a whole change (asking when the field changed again since), the conflict dialog naming who saved first,
// Recent changes, and README's two example roles (column grants) at work. Driven with keys and clicks; what the
// database holds is read back.
#include "conflictdialog.h"
#include "db/changesource.h"
#include "db/database.h"
#include "guisupport.h"
#include "history/changelog.h"
#include "historypanel.h"
#include "mainwindow.h"
#include "recentchangesdialog.h"
#include "recordform.h"
#include "support/builders.h"
#include "support/scratchdatabase.h"
#include "tablepage.h"
#include "tables/tablespec.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTreeWidget>
#include <QtTest>

using namespace agency;

namespace {

template <typename T> T* field(ui::TablePage* page, const char* column)
{
    return qobject_cast<T*>(page->form()->editor(QString::fromLatin1(column)));
}

void typeInto(QWidget* editor, const QString& text)
{
    editor->setFocus();
    if (auto* line = qobject_cast<QLineEdit*>(editor))
        line->selectAll();
    QTest::keyClicks(editor, text);
}

// Another program changes the database, in its own connection: psql (acting as `role` when given) or sqlite3.
bool outside(const test::ScratchDatabase& scratch, const QString& sql, const QString& role = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("PGAPPNAME"));
    process.setProcessEnvironment(env);
    if (scratch.isPostgres())
        process.start(QStringLiteral("psql"),
            { QStringLiteral("-X"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"),
                scratch.dsn(), QStringLiteral("-c"),
                role.isEmpty() ? sql : QStringLiteral("SET ROLE %1; %2").arg(role, sql) });
    else
        process.start(QStringLiteral("sqlite3"), { scratch.db().databaseName(), sql });
    if (!process.waitForFinished(30000) || process.exitCode() != 0) {
        qWarning("%s", process.readAllStandardError().constData());
        return false;
    }
    return true;
}

} // namespace

class TestHistoryView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void formHistoryShowsAndReverts_data() { test::addBackendData(); }
    void formHistoryShowsAndReverts();
    void conflictNamesWhoSavedFirst();
    void recentChangesFilterAndOpen_data() { test::addBackendData(); }
    void recentChangesFilterAndOpen();
    void exampleRolesBehaveAsReadmeSays();
};

void TestHistoryView::formHistoryShowsAndReverts()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const QString client = test::add(
        scratch.db(), test::Client { .name = QStringLiteral("Acme"), .legalName = QStringLiteral("Acme Ltd") });
    const QString table = tables::clientsSpec().table;
    AGENCY_WINDOW(window, scratch);
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    ui::TablePage* clients = window.page(ui::MainWindow::Clients);
    QVERIFY(clients->showRecord(client));

    // A: typed in the window and saved.
    typeInto(field<QLineEdit>(clients, "industry"), QStringLiteral("Energy"));
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
    QTRY_COMPARE(test::scalar(scratch.db(), QStringLiteral("SELECT industry FROM %1").arg(table)).toString(),
        QStringLiteral("Energy"));
    // B: another program changes the same field; the page reads the row again.
    QVERIFY(outside(scratch, QStringLiteral("UPDATE %1 SET industry = 'Mining' WHERE id = '%2';").arg(table, client)));
    QVERIFY(clients->model()->select());
    QVERIFY(clients->showRecord(client));

    // The History tab, from the keyboard: newest first, who and what, values as the form shows them.
    QTest::keyClick(&window, Qt::Key_Y, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(clients->sideTabs()->currentWidget(), clients->history());
    QTreeWidget* list = clients->history()->list();
    QTRY_COMPARE(list->topLevelItemCount(), 3); // created, A, B
    QTreeWidgetItem* b = list->topLevelItem(0);
    QTreeWidgetItem* a = list->topLevelItem(1);
    QVERIFY2(b->text(1).contains(QStringLiteral("outside Agency OS")), qPrintable(b->text(1)));
    QCOMPARE(a->text(1), db::changePerson());
    QVERIFY2(a->text(2).contains(QStringLiteral("Industry")), qPrintable(a->text(2)));
    QCOMPARE(a->childCount(), 1);
    QCOMPARE(a->child(0)->text(0), QStringLiteral("Industry: (empty) → Energy"));
    QCOMPARE(b->child(0)->text(0), QStringLiteral("Industry: Energy → Mining"));
    QVERIFY(list->topLevelItem(2)->text(2).contains(QStringLiteral("Created")));

    // Revert A's field: it changed again since (B), so the window says to what and by whom, and asks.
    list->setCurrentItem(a->child(0));
    QVERIFY(clients->history()->revertFieldButton()->isEnabled());
    QString asked;
    test::whenModal([&](QWidget* modal) {
        auto* box = qobject_cast<QMessageBox*>(modal);
        QVERIFY(box);
        asked = box->informativeText();
        for (QAbstractButton* button : box->buttons()) {
            if (button->text() == QStringLiteral("Revert anyway"))
                QTest::mouseClick(button, Qt::LeftButton);
        }
    });
    QTest::mouseClick(clients->history()->revertFieldButton(), Qt::LeftButton);
    QVERIFY2(asked.contains(QStringLiteral("Industry is now Mining")), qPrintable(asked));
    QTRY_VERIFY(test::scalar(scratch.db(), QStringLiteral("SELECT industry FROM %1").arg(table)).isNull());
    // Only that field: the legal name is as it was.
    QCOMPARE(test::scalar(scratch.db(), QStringLiteral("SELECT client_legal_name FROM %1").arg(table)).toString(),
        QStringLiteral("Acme Ltd"));
    // The revert is itself a change, by this person in the window, and the list shows it at once.
    QTRY_COMPARE(list->topLevelItemCount(), 4);
    QCOMPARE(list->topLevelItem(0)->child(0)->text(0), QStringLiteral("Industry: Mining → (empty)"));
    QCOMPARE(list->topLevelItem(0)->text(1), db::changePerson());

    // C: two fields typed and saved; reverting the whole change puts both back, and asks nothing (nothing since).
    // (The offscreen platform does not give the window back its focus after a dialog, as a window manager does.)
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    list->setFocus();
    QTest::keyClick(&window, Qt::Key_Y, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(clients->sideTabs()->currentIndex(), 0);
    typeInto(field<QLineEdit>(clients, "client_legal_name"), QStringLiteral("Acme Holding AG"));
    typeInto(field<QLineEdit>(clients, "industry"), QStringLiteral("Retail"));
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
    QTRY_COMPARE(test::scalar(scratch.db(), QStringLiteral("SELECT industry FROM %1").arg(table)).toString(),
        QStringLiteral("Retail"));
    QTest::keyClick(&window, Qt::Key_Y, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(list->topLevelItemCount(), 5);
    list->setCurrentItem(list->topLevelItem(0));
    QVERIFY(!clients->history()->revertFieldButton()->isEnabled()); // a change's line: the whole change only
    QTest::mouseClick(clients->history()->revertChangeButton(), Qt::LeftButton);
    QTRY_VERIFY(test::scalar(scratch.db(), QStringLiteral("SELECT industry FROM %1").arg(table)).isNull());
    QCOMPARE(test::scalar(scratch.db(), QStringLiteral("SELECT client_legal_name FROM %1").arg(table)).toString(),
        QStringLiteral("Acme Ltd"));
    QTRY_COMPARE(list->topLevelItemCount(), 6);
    // A creation is not undone from here (Delete does that, and says what goes with it).
    list->setCurrentItem(list->topLevelItem(5));
    QVERIFY(!clients->history()->revertChangeButton()->isEnabled());
}

void TestHistoryView::conflictNamesWhoSavedFirst()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("postgresql"));
    QVERIFY(scratch.migrate());
    const QString client = test::add(scratch.db(), test::Client { .name = QStringLiteral("Acme") });
    const QString table = tables::clientsSpec().table;
    const QString role = QStringLiteral("lena_%1").arg(QCoreApplication::applicationPid());
    QVERIFY(test::execute(scratch.db(), QStringLiteral("CREATE ROLE %1 NOLOGIN").arg(role)));
    QVERIFY(test::execute(scratch.db(), QStringLiteral("GRANT SELECT, UPDATE ON %1 TO %2").arg(table, role)));
    {
        AGENCY_WINDOW(window, scratch);
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        ui::TablePage* clients = window.page(ui::MainWindow::Clients);
        QVERIFY(clients->showRecord(client));
        typeInto(field<QLineEdit>(clients, "industry"), QStringLiteral("Energy"));
        // Lena saves first, in psql.
        QVERIFY(outside(
            scratch, QStringLiteral("UPDATE %1 SET industry = 'Mining' WHERE id = '%2';").arg(table, client), role));

        QString intro;
        test::whenModal([&](QWidget* modal) {
            auto* dialog = qobject_cast<ui::ConflictDialog*>(modal);
            QVERIFY(dialog);
            for (QLabel* label : dialog->findChildren<QLabel*>())
                intro += label->text();
            dialog->reject();
        });
        QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!intro.isEmpty(), 10000);
        QVERIFY2(
            intro.contains(QStringLiteral("changed by <b>%1</b> (outside Agency OS)").arg(role)), qPrintable(intro));
        QVERIFY(clients->model()->hasPendingChanges()); // nothing decided without the user
        clients->revert();
    }
    QVERIFY(test::execute(scratch.db(), QStringLiteral("DROP OWNED BY %1; DROP ROLE %1").arg(role)));
}

void TestHistoryView::recentChangesFilterAndOpen()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const QString tier = test::add(scratch.db(), test::Tier { .name = QStringLiteral("Gold") });
    const QString acme = test::add(scratch.db(), test::Client { .name = QStringLiteral("Acme"), .tier = tier });
    const QString globex = test::add(scratch.db(), test::Client { .name = QStringLiteral("Globex"), .tier = tier });
    const QString campaign = test::add(scratch.db(),
        test::Campaign { .client = globex,
            .allocated = QStringLiteral("5000.00"),
            .metadata = QStringLiteral("{\"name\": \"Spring\"}") });
    const QString clientsTable = tables::clientsSpec().table;
    // Another program changes Globex's industry and the campaign's budget.
    QVERIFY(outside(
        scratch, QStringLiteral("UPDATE %1 SET industry = 'Mining' WHERE id = '%2';").arg(clientsTable, globex)));
    QVERIFY(outside(scratch,
        QStringLiteral("UPDATE %1 SET budget_allocated = '7250.50' WHERE id = '%2';")
            .arg(tables::campaignsSpec().table, campaign)));
    AGENCY_WINDOW(window, scratch);

    bool checked = false;
    test::whenModal([&](QWidget* modal) {
        auto* dialog = qobject_cast<ui::RecentChangesDialog*>(modal);
        QVERIFY(dialog);
        QTreeWidget* list = dialog->list();
        // Newest first, one line per field: the budget as the form shows it, then the industry.
        QVERIFY(list->topLevelItemCount() >= 4);
        QCOMPARE(list->topLevelItem(0)->text(4), QStringLiteral("Budget allocated"));
        QCOMPARE(list->topLevelItem(0)->text(5), QStringLiteral("5,000.00"));
        QCOMPARE(list->topLevelItem(0)->text(6), QStringLiteral("7,250.50"));
        QCOMPARE(list->topLevelItem(0)->text(2), QStringLiteral("Campaign Spring"));
        QCOMPARE(list->topLevelItem(1)->text(2), QStringLiteral("Client Globex"));
        QCOMPARE(list->topLevelItem(1)->text(6), QStringLiteral("Mining"));
        // Clients only, the industry only: the one change.
        dialog->tableFilter()->setFocus();
        dialog->tableFilter()->setCurrentIndex(dialog->tableFilter()->findData(clientsTable));
        dialog->fieldFilter()->setCurrentIndex(dialog->fieldFilter()->findData(QStringLiteral("industry")));
        QTRY_COMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(3), QStringLiteral("Changed"));
        // A date range that ended yesterday: nothing.
        dialog->dateRange()->setChecked(true);
        dialog->toDate()->setDate(QDate::currentDate().addDays(-1));
        dialog->fromDate()->setDate(QDate::currentDate().addDays(-3));
        QTRY_COMPARE(list->topLevelItemCount(), 0);
        dialog->toDate()->setDate(QDate::currentDate());
        QTRY_COMPARE(list->topLevelItemCount(), 1);
        // The people who made changes are offered; choosing one who made none of these shows nothing.
        const int me = dialog->personFilter()->findData(db::changePerson());
        if (me > 0) {
            dialog->personFilter()->setCurrentIndex(me);
            QTRY_COMPARE(list->topLevelItemCount(), 0); // the industry came from another program
            dialog->personFilter()->setCurrentIndex(0);
            QTRY_COMPARE(list->topLevelItemCount(), 1);
        }
        // Enter on the line opens the record on its page.
        list->setFocus();
        list->setCurrentItem(list->topLevelItem(0));
        QTest::keyClick(list, Qt::Key_Return);
        checked = true;
    });
    QTest::keyClick(&window, Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(checked);
    ui::TablePage* clients = window.page(ui::MainWindow::Clients);
    QTRY_COMPARE(window.currentTablePage(), clients);
    QCOMPARE(clients->currentId(), globex);
    Q_UNUSED(acme);
}

// README's two example roles, run as written (their names made this run's own), then each person at the window.
void TestHistoryView::exampleRolesBehaveAsReadmeSays()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("postgresql"));
    QVERIFY(scratch.migrate());
    const QString client = test::add(scratch.db(), test::Client { .name = QStringLiteral("Acme") });
    const QString campaign = test::add(scratch.db(),
        test::Campaign { .client = client, .allocated = QStringLiteral("5000.00"), .brief = QStringLiteral("Old") });
    const QString channel
        = test::add(scratch.db(), test::Channel { .campaign = campaign, .percentage = QStringLiteral("50.00") });

    const QString suffix = QStringLiteral("_%1").arg(QCoreApplication::applicationPid());
    const QStringList roles { QStringLiteral("agency_account_managers"), QStringLiteral("agency_finance"),
        QStringLiteral("lena"), QStringLiteral("omar") };
    const QStringList statements
        = test::readmeRoleStatements(0, roles, suffix) + test::readmeRoleStatements(1, roles, suffix);
    QVERIFY(statements.size() > 10);
    for (const QString& statement : std::as_const(statements))
        QVERIFY2(test::execute(scratch.db(), statement), qPrintable(statement));

    const QString campaigns = tables::campaignsSpec().table;
    for (const QString& person : { QStringLiteral("lena"), QStringLiteral("omar") }) {
        const QString role = person + suffix;
        auto where = test::whereOf(scratch);
        where.user = role;
        where.password = QStringLiteral("change-me");
        QString error;
        {
            QSqlDatabase db = db::openDatabase(where, role, &error);
            QVERIFY2(db.isOpen(), qPrintable(error));
            ui::MainWindow window(db, where, false);
            QVERIFY(test::shown(window));
            QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
            ui::TablePage* page = window.page(ui::MainWindow::Campaigns);
            QVERIFY(page->showRecord(campaign));
            QWidget* budget = page->form()->editor(QStringLiteral("budget_allocated"));
            QWidget* brief = page->form()->editor(QStringLiteral("campaign_brief"));
            QVERIFY(budget && brief);
            QVERIFY(window.page(ui::MainWindow::Clients)->model()->isReadOnly());
            QVERIFY(window.page(ui::MainWindow::SlaTiers)->model()->isReadOnly());
            if (person == QStringLiteral("lena")) {
                QVERIFY(!budget->isEnabled());
                QVERIFY2(budget->toolTip().contains(QStringLiteral("may not change Budget allocated")),
                    qPrintable(budget->toolTip()));
                QVERIFY(brief->isEnabled());
                brief->setFocus();
                QTest::keyClick(brief, Qt::Key_A, Qt::ControlModifier);
                QTest::keyClicks(brief, QStringLiteral("Spring push"));
                QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
                QTRY_COMPARE(test::scalar(scratch.db(), QStringLiteral("SELECT campaign_brief FROM %1").arg(campaigns))
                                 .toString(),
                    QStringLiteral("Spring push"));
                // A campaign she adds: its budget is not hers to set either.
                QVERIFY(window.action(QStringLiteral("new"))->isEnabled());
                QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
                QVERIFY(!page->form()->editor(QStringLiteral("budget_allocated"))->isEnabled());
                QVERIFY(page->form()->editor(QStringLiteral("campaign_brief"))->isEnabled());
                page->revert();
            } else {
                QVERIFY(budget->isEnabled());
                QVERIFY(!brief->isEnabled());
                QVERIFY(!window.action(QStringLiteral("new"))->isEnabled());
                auto* line = budget->findChild<QLineEdit*>();
                QWidget* typed = line ? static_cast<QWidget*>(line) : budget;
                typed->setFocus();
                QTest::keyClick(typed, Qt::Key_A, Qt::ControlModifier);
                QTest::keyClicks(typed, QStringLiteral("6000.00"));
                QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
                QTRY_COMPARE(
                    test::scalar(scratch.db(), QStringLiteral("SELECT budget_allocated FROM %1").arg(campaigns))
                        .toString(),
                    QStringLiteral("6000.00"));
                QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
                ui::TablePage* channels = window.page(ui::MainWindow::Channels);
                QVERIFY(channels->showRecord(channel));
                QVERIFY(channels->form()->editor(QStringLiteral("budget_percentage"))->isEnabled());
                QVERIFY(!channels->form()->editor(QStringLiteral("notes"))->isEnabled());
            }
        }
        db::closeDatabase(role);
        // The history names the role each change was made as.
        QList<history::Change> changes;
        history::ChangeFilter newest;
        newest.rowId = campaign;
        newest.limit = 1;
        QVERIFY2(history::readChanges(scratch.db(), newest, &changes, &error), qPrintable(error));
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.constFirst().dbRole, role);
        QCOMPARE(changes.constFirst().source, QStringLiteral("app"));
    }
    for (const QString& role : { QStringLiteral("lena"), QStringLiteral("omar"),
             QStringLiteral("agency_account_managers"), QStringLiteral("agency_finance") })
        QVERIFY(test::execute(scratch.db(), QStringLiteral("DROP OWNED BY %1; DROP ROLE %1").arg(role + suffix)));
}

QTEST_MAIN(TestHistoryView)
#include "tst_historyview.moc"
