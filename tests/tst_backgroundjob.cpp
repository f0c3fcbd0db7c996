// SPDX-License-Identifier: GPL-3.0-or-later
#include "db/backgroundjob.h"
#include "db/connectionstring.h"
#include "support/builders.h"
#include "support/scratchdatabase.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

using namespace agency;

// The one type that runs long work (export, dashboard figures) off the GUI thread: its own thread and connection,
// progress told as signals, cancel through a flag the work shares, and safe to destroy while it runs.
class TestBackgroundJob : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void runsOnItsOwnThreadAndConnection_data() { test::addBackendData(); }
    void runsOnItsOwnThreadAndConnection();
    void cancelStopsTheWorkAndSaysSo();
    void aConnectionThatCannotOpenIsAnError();
    void destroyedWhileRunningCancelsAndWaits();
};

namespace {
db::ConnectionString whereOf(const test::ScratchDatabase& scratch)
{
    return *db::ConnectionString::parse(scratch.dsn(), nullptr);
}
}

void TestBackgroundJob::runsOnItsOwnThreadAndConnection()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(!test::add(scratch.db(), test::Client { .name = QStringLiteral("Harbour Ltd") }).isEmpty());
    QThread* worker = nullptr;
    QString connection;
    QString name;
    db::BackgroundJob job(
        whereOf(scratch), [&](QSqlDatabase db, const db::BackgroundJob::Progress& progress, QString*) {
            worker = QThread::currentThread();
            connection = db.connectionName();
            for (int i = 1; i <= 3; ++i)
                progress.report(i, QStringLiteral("step %1").arg(i));
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("SELECT client_name FROM agency_clients")) || !query.next())
                return false;
            name = query.value(0).toString();
            return true;
        });
    QSignalSpy progressed(&job, &db::BackgroundJob::progressed);
    QSignalSpy finished(&job, &db::BackgroundJob::finished);
    job.start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QVERIFY(worker && worker != QThread::currentThread());
    QVERIFY(!connection.isEmpty() && connection != scratch.db().connectionName());
    QVERIFY(!QSqlDatabase::contains(connection)); // closed and removed afterwards
    QCOMPARE(name, QStringLiteral("Harbour Ltd"));
    QCOMPARE(progressed.count(), 3);
    QCOMPARE(progressed.at(2).at(1).toString(), QStringLiteral("step 3"));
}

void TestBackgroundJob::cancelStopsTheWorkAndSaysSo()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("sqlite"));
    QVERIFY(scratch.migrate());
    std::atomic<bool> started { false };
    db::BackgroundJob job(
        whereOf(scratch), [&](QSqlDatabase, const db::BackgroundJob::Progress& progress, QString* error) {
            started = true;
            QElapsedTimer timer;
            timer.start();
            while (!progress.isCancelled() && timer.elapsed() < 20000)
                QThread::msleep(5);
            *error = progress.isCancelled() ? QStringLiteral("stopped") : QStringLiteral("never told");
            return false;
        });
    QSignalSpy finished(&job, &db::BackgroundJob::finished);
    job.start();
    QTRY_VERIFY(started);
    QElapsedTimer timer;
    timer.start();
    job.cancel(); // what a progress dialog's Cancel does, from the GUI thread
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY(timer.elapsed() < 5000);
    QVERIFY(job.wasCancelled());
    QCOMPARE(finished.at(0).at(1).toString(), QStringLiteral("stopped"));
}

void TestBackgroundJob::aConnectionThatCannotOpenIsAnError()
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("a-file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    // A folder that cannot be made: a file is in the way.
    const auto where = db::ConnectionString::parse(QStringLiteral("sqlite:%1/x.db").arg(blocker.fileName()), nullptr);
    QVERIFY(where);
    bool ran = false;
    db::BackgroundJob job(*where, [&](QSqlDatabase, const db::BackgroundJob::Progress&, QString*) {
        ran = true;
        return true;
    });
    QSignalSpy finished(&job, &db::BackgroundJob::finished);
    job.start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY(!ran);
    QVERIFY(!finished.at(0).at(1).toString().isEmpty());
}

void TestBackgroundJob::destroyedWhileRunningCancelsAndWaits()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("sqlite"));
    QVERIFY(scratch.migrate());
    auto sawCancel = std::make_shared<std::atomic<bool>>(false);
    std::atomic<bool> started { false };
    {
        db::BackgroundJob job(
            whereOf(scratch), [&, sawCancel](QSqlDatabase, const db::BackgroundJob::Progress& progress, QString*) {
                started = true;
                while (!progress.isCancelled())
                    QThread::msleep(5);
                *sawCancel = true;
                return false;
            });
        job.start();
        QTRY_VERIFY(started);
    } // destroyed here: cancels, waits for the work to stop
    QVERIFY(*sawCancel);
}

QTEST_GUILESS_MAIN(TestBackgroundJob)
#include "tst_backgroundjob.moc"
