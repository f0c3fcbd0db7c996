// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 32: a window with unsaved edits that is stopped by a signal (SIGTERM at a shutdown, SIGINT from the terminal,
// SIGHUP at a logout) keeps them: they wait in a recovery file, private to the user, and the next start on the same
// database offers them back; taken back, one Save writes them; declined, they are gone. Never silently dropped.
#include "guisupport.h"
#include "mainwindow.h"
#include "recordform.h"
#include "support/builders.h"
#include "support/scratchdatabase.h"
#include "tablepage.h"
#include "tables/agencytablemodel.h"
#include "tables/recoveryfile.h"
#include "terminationsignals.h"

#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>

using namespace agency;

namespace {
QLineEdit* field(ui::TablePage* page, const char* column)
{
    return qobject_cast<QLineEdit*>(page->form()->editor(QString::fromLatin1(column)));
}

void typeInto(QLineEdit* line, const QString& text)
{
    line->setFocus();
    line->selectAll();
    QTest::keyClicks(line, text);
}

// Answers the recovery question with the button named `button` once it shows.
void answerRecovery(const char* button)
{
    test::whenDialog<QMessageBox>([button](QMessageBox* box) {
        if (auto* chosen = box->findChild<QPushButton*>(QString::fromLatin1(button)))
            QTest::mouseClick(chosen, Qt::LeftButton);
        else
            box->reject();
    });
}
}

class TestRecovery : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void editsOutliveASignal_data();
    void editsOutliveASignal();
    void theAppLeavesOnTerm();
};

void TestRecovery::editsOutliveASignal_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<int>("signal");
    QTest::newRow("sqlite: SIGTERM") << QStringLiteral("sqlite") << SIGTERM;
    QTest::newRow("sqlite: SIGINT") << QStringLiteral("sqlite") << SIGINT;
    QTest::newRow("sqlite: SIGHUP") << QStringLiteral("sqlite") << SIGHUP;
    QTest::newRow("postgresql: SIGTERM") << QStringLiteral("postgresql") << SIGTERM;
}

void TestRecovery::editsOutliveASignal()
{
    QFETCH(int, signal);
    AGENCY_MIGRATED_SCRATCH(scratch);
    const QString acme = test::add(
        scratch.db(), test::Client { .name = QStringLiteral("Acme"), .industry = QStringLiteral("Retail") });
    const QString path = tables::recoveryPath(test::whereOf(scratch).redacted());
    QFile::remove(path);
    const auto industryOf = [&](const QString& name) {
        return test::scalar(
            scratch.db(), QStringLiteral("SELECT industry FROM agency_clients WHERE client_name = ?"), { name });
    };

    {
        AGENCY_WINDOW(window, scratch);
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        ui::TablePage* clients = window.page(ui::MainWindow::Clients);
        QVERIFY(clients->showRecord(acme));
        typeInto(field(clients, "industry"), QStringLiteral("Wholesale"));
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        typeInto(field(clients, "client_name"), QStringLiteral("Initech"));
        typeInto(field(clients, "industry"), QStringLiteral("Software"));
        QVERIFY(window.hasUnsavedChanges());

        // Wired as main() wires it; the signal is delivered to this process.
        app::TerminationSignals stops;
        int received = 0;
        connect(&stops, &app::TerminationSignals::received, &window, [&](int number) {
            received = number;
            QVERIFY(window.keepEditsForNextStart());
        });
        QVERIFY(::raise(signal) == 0);
        QTRY_COMPARE(received, signal);
        QVERIFY(QFile::exists(path));
        QCOMPARE(
            QFile::permissions(path) & ~(QFile::ReadUser | QFile::WriteUser), QFile::ReadOwner | QFile::WriteOwner);
        window.close(); // no question: the edits are kept
        QVERIFY(!window.isVisible());
    }
    // Nothing was written.
    QCOMPARE(industryOf(QStringLiteral("Acme")).toString(), QStringLiteral("Retail"));
    QVERIFY(industryOf(QStringLiteral("Initech")).isNull());

    {
        // The next start takes them back; one Save writes both.
        AGENCY_WINDOW(window, scratch);
        answerRecovery("takeBack");
        QCOMPARE(window.offerRecoveredEdits(), 2);
        window.activateWindow(); // back from the question (no window manager gives it back here)
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.hasUnsavedChanges());
        QVERIFY(!QFile::exists(path));
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        ui::TablePage* clients = window.page(ui::MainWindow::Clients);
        QVERIFY(clients->showRecord(acme));
        QCOMPARE(field(clients, "industry")->text(), QStringLiteral("Wholesale"));
        QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
        QVERIFY2(!window.hasUnsavedChanges(), qPrintable(window.statusMessage()));
        QCOMPARE(industryOf(QStringLiteral("Acme")).toString(), QStringLiteral("Wholesale"));
        QCOMPARE(industryOf(QStringLiteral("Initech")).toString(), QStringLiteral("Software"));

        // Another edit kept, then declined at the next start: gone, and the stored value stays.
        QVERIFY(clients->showRecord(acme));
        typeInto(field(clients, "industry"), QStringLiteral("Mistake"));
        QVERIFY(window.keepEditsForNextStart());
        window.close();
    }
    {
        AGENCY_WINDOW(window, scratch);
        answerRecovery("discardKept");
        QCOMPARE(window.offerRecoveredEdits(), 0);
        QVERIFY(!window.hasUnsavedChanges());
        QVERIFY(!QFile::exists(path));
        QCOMPARE(industryOf(QStringLiteral("Acme")).toString(), QStringLiteral("Wholesale"));
    }
}

// The program itself: started as a user starts it (offscreen here), SIGTERM ends it at once and cleanly.
void TestRecovery::theAppLeavesOnTerm()
{
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess app;
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(AGENCY_OS_BINARY),
        { QStringLiteral("--db"), QStringLiteral("sqlite:") + home.filePath(QStringLiteral("agency.db")) });
    QVERIFY(app.waitForStarted());
    // Up when its first window has been painted (the log says so on stderr at info level).
    QVERIFY(QTest::qWaitFor(
        [&app, &home]() {
            QFile log(home.filePath(QStringLiteral("data/agency-os/logs/agency-os.log")));
            return app.state() == QProcess::Running && log.open(QIODevice::ReadOnly)
                && log.readAll().contains("first window painted");
        },
        30000));
    app.terminate(); // SIGTERM
    QVERIFY(app.waitForFinished(10000));
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QCOMPARE(app.exitCode(), 0);
}

QTEST_MAIN(TestRecovery)
#include "tst_recovery.moc"
