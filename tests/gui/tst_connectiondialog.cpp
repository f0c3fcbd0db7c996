// SPDX-License-Identifier: GPL-3.0-or-later
// Connecting to a PostgreSQL server that wants a password, as a person meets it: the Connect dialog opens with why,
// the password field has the keyboard, what is typed there is tried, and "Remember" keeps it in a real keychain
// (GNOME Keyring on a private session bus, tests/support/with-keyring.sh) or, without one, nowhere. The settings
// never hold it.
#include "connectiondialog.h"
#include "db/database.h"
#include "gui/guisupport.h"
#include "passwordstore.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSqlQuery>

using namespace agency;

class TestConnectionDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void missingPasswordIsAskedForAndWrongOneAgain();
    void cancellingThePromptConnectsNothing();
    void withoutAKeychainNothingIsRemembered();
    void rememberedPasswordIsUsedNextTime();

private:
    // The scratch database's connection without its password (as a saved connection is).
    static db::ConnectionString withoutPassword(const test::ScratchDatabase& scratch);
    static QString passwordOf(const test::ScratchDatabase& scratch);
    static ui::ConnectionDialog::Connector connector();
    // Whether the settings file (QSettings' own) contains `text` anywhere.
    static bool settingsContain(const QString& text);
    bool m_keychainExpected = false;
};

void TestConnectionDialog::initTestCase()
{
    // No other way for libpq to find the password: not the environment, not a ~/.pgpass.
    qunsetenv("PGPASSWORD");
    qputenv("PGPASSFILE", "/nonexistent/agency-os-test-pgpass");
    QCoreApplication::setOrganizationName(QStringLiteral("agency-os-test-connectiondialog"));
    QSettings().clear();
    m_keychainExpected = qEnvironmentVariableIsSet("AGENCY_OS_TEST_KEYCHAIN");
}

db::ConnectionString TestConnectionDialog::withoutPassword(const test::ScratchDatabase& scratch)
{
    db::ConnectionString where = test::whereOf(scratch);
    where.password.clear();
    return where;
}

QString TestConnectionDialog::passwordOf(const test::ScratchDatabase& scratch)
{
    return test::whereOf(scratch).password;
}

ui::ConnectionDialog::Connector TestConnectionDialog::connector()
{
    return [](const db::ConnectionString& where, QString* error, bool* readOnly) {
        static int opened = 0;
        *readOnly = false;
        return db::openDatabase(where, QStringLiteral("prompt-%1").arg(++opened), error);
    };
}

bool TestConnectionDialog::settingsContain(const QString& text)
{
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.readAll().contains(text.toUtf8());
}

// The saved connection has no password and ~/.pgpass has none: the dialog says so with the password field focused;
// a wrong password typed there brings it back with the server's refusal; the right one connects, and is used for the
// window's connection, but neither the settings nor the recent list hold it.
void TestConnectionDialog::missingPasswordIsAskedForAndWrongOneAgain()
{
    bool active = true; // each dialog got the keyboard
    AGENCY_SCRATCH(scratch, QStringLiteral("postgresql"));
    const QString password = passwordOf(scratch);
    QVERIFY(!password.isEmpty());
    const db::ConnectionString where = withoutPassword(scratch);
    QVERIFY(db::passwordIsTheProblem(where));

    int dialogs = 0;
    QString firstMessage;
    QString secondMessage;
    bool focusedFirst = false;
    bool focusedSecond = false;
    test::whenModal([&](QWidget* modal) {
        auto* dialog = qobject_cast<ui::ConnectionDialog*>(modal);
        if (!dialog)
            return;
        ++dialogs;
        active = QTest::qWaitForWindowActive(dialog) && active;
        firstMessage = dialog->message();
        focusedFirst = QApplication::focusWidget() == dialog->passwordEdit();
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("not-the-password"));
        test::whenModal([&](QWidget* again) {
            auto* second = qobject_cast<ui::ConnectionDialog*>(again);
            if (!second)
                return;
            ++dialogs;
            active = QTest::qWaitForWindowActive(second) && active;
            secondMessage = second->message();
            focusedSecond = QApplication::focusWidget() == second->passwordEdit();
            // What was typed is selected: typing replaces it.
            QTest::keyClicks(QApplication::focusWidget(), password);
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        });
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    });
    QString error;
    const auto connected = ui::ConnectionDialog::connectAsking(nullptr, where, connector(), &error);
    QVERIFY2(connected, qPrintable(error));
    QCOMPARE(dialogs, 2);
    QVERIFY2(firstMessage.contains(QStringLiteral("no password supplied")), qPrintable(firstMessage));
    QVERIFY2(secondMessage.contains(QStringLiteral("password authentication failed")), qPrintable(secondMessage));
    QVERIFY(!secondMessage.contains(QStringLiteral("not-the-password")));
    QVERIFY(active);
    QVERIFY(focusedFirst);
    QVERIFY(focusedSecond);
    QVERIFY(connected->db.isOpen());
    QCOMPARE(connected->where.password, password);
    QSqlQuery query(connected->db);
    QVERIFY(query.exec(QStringLiteral("SELECT current_database()")) && query.next());
    QCOMPARE(query.value(0).toString(), where.database);

    ui::ConnectionDialog::remember(connected->where);
    QSettings().setValue(QStringLiteral("database/last"), connected->where.redacted());
    QVERIFY(settingsContain(where.database)); // the file is the one written
    QVERIFY(!settingsContain(password));
}

// Escape on the prompt: nothing is connected and the server's reason is what the caller reports.
void TestConnectionDialog::cancellingThePromptConnectsNothing()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("postgresql"));
    bool asked = false;
    test::whenModal([&](QWidget* modal) {
        asked = qobject_cast<ui::ConnectionDialog*>(modal) != nullptr;
        QTest::keyClick(modal, Qt::Key_Escape);
    });
    QString error;
    const auto connected = ui::ConnectionDialog::connectAsking(nullptr, withoutPassword(scratch), connector(), &error);
    QVERIFY(asked);
    QVERIFY(!connected);
    QVERIFY2(error.contains(QStringLiteral("no password supplied")), qPrintable(error));
}

// No keychain service on the session bus: "Remember" cannot be ticked and says why; the next start asks again.
void TestConnectionDialog::withoutAKeychainNothingIsRemembered()
{
    bool active = true; // each dialog got the keyboard
    if (m_keychainExpected)
        QSKIP("this run has a keychain (rememberedPasswordIsUsedNextTime)");
    QString why;
    QVERIFY(!ui::PasswordStore::available(&why));
    QVERIFY(!why.isEmpty());
    AGENCY_SCRATCH(scratch, QStringLiteral("postgresql"));
    const QString password = passwordOf(scratch);
    for (int start = 0; start < 2; ++start) {
        bool asked = false;
        bool rememberOffered = true;
        QString tip;
        test::whenModal([&](QWidget* modal) {
            auto* dialog = qobject_cast<ui::ConnectionDialog*>(modal);
            if (!dialog)
                return;
            asked = true;
            active = QTest::qWaitForWindowActive(dialog) && active;
            rememberOffered = dialog->rememberEdit()->isEnabled();
            tip = dialog->rememberEdit()->toolTip();
            QTest::keyClicks(QApplication::focusWidget(), password);
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        });
        QString error;
        const auto connected
            = ui::ConnectionDialog::connectAsking(nullptr, withoutPassword(scratch), connector(), &error);
        QVERIFY2(connected, qPrintable(error));
        QVERIFY2(asked, "each start asks again");
        QVERIFY(active);
        QVERIFY(!rememberOffered);
        QVERIFY2(tip.contains(QStringLiteral("keychain")), qPrintable(tip));
    }
}

// With GNOME Keyring running: the password typed with "Remember" ticked (Tab from the password, Space) is in the
// keychain under the connection's name; the next start connects without asking; unticking it forgets it.
void TestConnectionDialog::rememberedPasswordIsUsedNextTime()
{
    bool active = true; // each dialog got the keyboard
    if (!m_keychainExpected)
        QSKIP("needs a keychain: ctest runs it as tst_connectiondialog_keychain under tests/support/with-keyring.sh");
    QString why;
    QVERIFY2(ui::PasswordStore::available(&why), qPrintable(why));
    AGENCY_SCRATCH(scratch, QStringLiteral("postgresql"));
    const QString password = passwordOf(scratch);
    const db::ConnectionString where = withoutPassword(scratch);
    QCOMPARE(ui::PasswordStore::read(where).outcome, ui::PasswordStore::Outcome::NotFound);

    bool ticked = false;
    test::whenModal([&](QWidget* modal) {
        auto* dialog = qobject_cast<ui::ConnectionDialog*>(modal);
        if (!dialog)
            return;
        active = QTest::qWaitForWindowActive(dialog) && active;
        QTest::keyClicks(QApplication::focusWidget(), password);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        if (QApplication::focusWidget() == dialog->rememberEdit())
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        ticked = dialog->rememberEdit()->isChecked();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    });
    QString error;
    auto connected = ui::ConnectionDialog::connectAsking(nullptr, where, connector(), &error);
    QVERIFY2(connected, qPrintable(error));
    QVERIFY(active);
    QVERIFY(ticked);
    const ui::PasswordStore::Result kept = ui::PasswordStore::read(where);
    QCOMPARE(kept.outcome, ui::PasswordStore::Outcome::Done);
    QCOMPARE(kept.password, password);

    // The next start: no dialog at all.
    bool asked = false;
    test::whenModal([&](QWidget* modal) {
        asked = true;
        QTest::keyClick(modal, Qt::Key_Escape);
    });
    connected = ui::ConnectionDialog::connectAsking(nullptr, where, connector(), &error);
    QVERIFY2(connected, qPrintable(error));
    QVERIFY(!asked);
    QCOMPARE(connected->where.password, password);
    ui::ConnectionDialog::remember(connected->where);
    QVERIFY(!settingsContain(password));

    // Unticked in File → Connect (the dialog's choice is passed on): forgotten.
    connected
        = ui::ConnectionDialog::connectAsking(nullptr, test::whereOf(scratch), connector(), &error, /*remember=*/false);
    QVERIFY2(connected, qPrintable(error));
    QCOMPARE(ui::PasswordStore::read(where).outcome, ui::PasswordStore::Outcome::NotFound);
}

QTEST_MAIN(TestConnectionDialog)
#include "tst_connectiondialog.moc"
