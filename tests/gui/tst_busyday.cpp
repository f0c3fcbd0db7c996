// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 32: a busy day on one database — four windows typing and saving while twenty command-line runs export,
// import and report beside them — on PostgreSQL and, separately, on one SQLite file. Afterwards every edit a window
// saved and every import that said so is in the database, each window shows what the database holds once it has
// refreshed, and no process crashed. How long the windows went without painting is measured and printed: the longest
// gap between two ticks of a 5 ms timer in their event loop while no keys were being sent, and the longest save
// (the window waits for it).
//
// AGENCY_OS_BUSY_SECONDS sets the length: 20 s in every run (scripts/test), 600 s for the on-demand day
// (ctest -L busyday).
#include "guisupport.h"
#include "mainwindow.h"
#include "support/builders.h"
#include "support/scratchdatabase.h"
#include "tablepage.h"
#include "tables/agencytablemodel.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <memory>
#include <vector>

using namespace agency;

namespace {
constexpr int windowCount = 4;
constexpr int cliCount = 20;

}

class TestBusyDay : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nothingIsLost_data() { test::addBackendData(); }
    void nothingIsLost();
};

void TestBusyDay::nothingIsLost()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const int seconds = qEnvironmentVariableIsSet("AGENCY_OS_BUSY_SECONDS")
        ? qEnvironmentVariableIntValue("AGENCY_OS_BUSY_SECONDS")
        : 20;
    QTemporaryDir home;
    const QProcessEnvironment env = test::cliEnvironment(home.path());

    // Each window edits clients of its own (a conflict would be a question to answer, not a loss), eight each.
    QList<QStringList> ownClients(windowCount);
    for (int w = 0; w < windowCount; ++w) {
        for (int i = 0; i < 8; ++i) {
            ownClients[w] << test::add(scratch.db(),
                test::Client {
                    .name = QStringLiteral("W%1 client %2").arg(w).arg(i), .industry = QStringLiteral("start") });
        }
    }
    QProcess demo;
    demo.setProcessEnvironment(env);
    demo.start(QStringLiteral(AGENCY_OS_BINARY),
        { QStringLiteral("demo-data"), QStringLiteral("--db"), scratch.dsn(), QStringLiteral("--clients"),
            QStringLiteral("30") });
    QVERIFY(demo.waitForFinished(300000));
    QVERIFY2(demo.exitCode() == 0, demo.readAllStandardError().constData());

    std::vector<std::unique_ptr<ui::MainWindow>> windows;
    for (int w = 0; w < windowCount; ++w) {
        QSqlDatabase db = scratch.openAnother(QStringLiteral("window%1").arg(w));
        windows.push_back(std::make_unique<ui::MainWindow>(db, test::whereOf(scratch), false));
        windows.back()->resize(1366, 768);
        QVERIFY(test::shown(*windows.back()));
    }

    // The longest time the event loop went without a tick.
    QElapsedTimer sinceTick;
    qint64 longestGap = 0;
    QTimer ticker;
    ticker.setInterval(5);
    connect(&ticker, &QTimer::timeout, this, [&]() { longestGap = std::max(longestGap, sinceTick.restart()); });

    // The twenty command-line runs at a time come from a process of their own (as other people's scripts would):
    // twenty loops, each running one command after another until told to stop, each line of the log saying what
    // ran, how it ended (a signal: 128 + its number) and the client an import added. They run niced, as batch jobs
    // do: on two cores, twenty busy processes at the windows' priority leave any process, whatever it does, waiting
    // 250-450 ms for a core now and then (measured), which would say nothing about the window.
    const QString stop = home.filePath(QStringLiteral("stop"));
    const QString script = QStringLiteral(R"(
bin=$1; dsn=$2; dir=$3; loops=$4
loop() {
  n=0
  while [ ! -e "$dir/stop" ]; do
    n=$((n + 1)); out="$dir/out-$1-$n.csv"
    case $(( (n + $1) % 4 )) in
      0) "$bin" export channels --db "$dsn" -o "$out" 2>>"$dir/err-$1"; echo "export-channels $? -" ;;
      1) "$bin" export clients --db "$dsn" -o "$out" 2>>"$dir/err-$1"; echo "export-clients $? -" ;;
      2) "$bin" report contracts --db "$dsn" --format csv --output "$out" 2>>"$dir/err-$1"; echo "report $? -" ;;
      3) name="Imported-$1-$n"; printf 'client_name,client_type,industry
%s,project,busy
' "$name" > "$dir/in-$1-$n.csv"
         "$bin" import clients --input "$dir/in-$1-$n.csv" --db "$dsn" >/dev/null 2>>"$dir/err-$1"; echo "import $? $name" ;;
    esac
    rm -f "$out"
  done > "$dir/log-$1"
}
for k in $(seq 1 "$loops"); do loop "$k" & done
wait
)");
    QProcess cli;
    cli.setProcessEnvironment(env);
    cli.start(QStringLiteral("nice"),
        { QStringLiteral("-n"), QStringLiteral("19"), QStringLiteral("bash"), QStringLiteral("-c"), script,
            QStringLiteral("busy"), QStringLiteral(AGENCY_OS_BINARY), scratch.dsn(), home.path(),
            QString::number(cliCount) });
    QVERIFY(cli.waitForStarted());

    QHash<QString, QString> saved; // client → the industry a window saved last
    QStringList refused;
    int edits = 0;
    qint64 longestTyping = 0; // opening the client and typing its industry, keys and all
    qint64 longestSave = 0; // Ctrl+S until it returned
    QElapsedTimer day;
    day.start();
    sinceTick.start();
    ticker.start();
    while (day.elapsed() < qint64(seconds) * 1000) {
        ui::MainWindow& window = *windows.at(edits % windowCount);
        const QStringList& mine = ownClients.at(edits % windowCount);
        const QString& client = mine.at(QRandomGenerator::global()->bounded(int(mine.size())));
        const QString value = QStringLiteral("edit %1").arg(edits);
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QElapsedTimer step;
        step.start();
        QVERIFY2(test::typeIntoClient(window, client, "industry", value), qPrintable(client));
        longestTyping = std::max(longestTyping, step.restart());
        QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
        longestSave = std::max(longestSave, step.elapsed());
        if (window.hasUnsavedChanges()) {
            refused << window.statusMessage(); // not saved: said, and still there to save
            window.page(ui::MainWindow::Clients)->model()->discardChanges();
        } else {
            saved.insert(client, value);
        }
        ++edits;
        // Between two edits the event loop is free, as between a person's keys: a gap measured from here on is the
        // window's own (following others' saves, its checks), not the test's keys sent at once.
        sinceTick.restart();
        QTest::qWait(50);
    }
    ticker.stop();
    const qint64 gapDuringDay = longestGap;
    QVERIFY(QFile(stop).open(QIODevice::WriteOnly)); // the loops finish the command they are running, then stop
    QVERIFY(cli.waitForFinished(180000));
    QStringList imported; // the clients imports said they added
    QStringList crashed;
    QStringList failed;
    int cliDone = 0;
    for (int k = 1; k <= cliCount; ++k) {
        QFile log(home.filePath(QStringLiteral("log-%1").arg(k)));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(log.readAll()).split(u'\n', Qt::SkipEmptyParts);
        for (const QString& line : lines) {
            const QStringList parts = line.split(u' ');
            const int code = parts.value(1).toInt();
            ++cliDone;
            if (code > 128)
                crashed << line;
            else if (code != 0)
                failed << line;
            else if (parts.value(0) == QStringLiteral("import"))
                imported << parts.value(2);
        }
    }

    qInfo("busy day (%s, %d s): %d edits typed and saved by %d windows (%lld saved, %lld refused), %d command-line "
          "runs (%lld failed, %lld crashed); longest time without a paint: %lld ms (the longest open-and-type %lld ms, "
          "the longest save %lld ms)",
        qPrintable(scratch.isPostgres() ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite")), seconds, edits,
        windowCount, static_cast<long long>(saved.size()), static_cast<long long>(refused.size()), cliDone,
        static_cast<long long>(failed.size()), static_cast<long long>(crashed.size()),
        static_cast<long long>(gapDuringDay), static_cast<long long>(longestTyping),
        static_cast<long long>(longestSave));
    for (const QString& why : std::as_const(refused).mid(0, 5))
        qInfo("  a save refused: %s", qPrintable(why));
    for (const QString& why : std::as_const(failed).mid(0, 5))
        qInfo("  a run failed: %s", qPrintable(why));

    QVERIFY2(crashed.isEmpty(), qPrintable(crashed.join(u'\n')));
    // Every edit a window saved is in the database, as saved last.
    for (auto it = saved.cbegin(); it != saved.cend(); ++it)
        QCOMPARE(
            test::scalar(scratch.db(), QStringLiteral("SELECT industry FROM agency_clients WHERE id = ?"), { it.key() })
                .toString(),
            it.value());
    // Every import that said so added its client, once.
    for (const QString& name : std::as_const(imported))
        QCOMPARE(test::scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_clients WHERE client_name = ?"),
                     { name })
                     .toInt(),
            1);
    // Each window, refreshed, shows what the database holds.
    for (const auto& window : windows) {
        tables::AgencyTableModel* model = window->page(ui::MainWindow::Clients)->model();
        QVERIFY(model->refresh());
        for (auto it = saved.cbegin(); it != saved.cend(); ++it) {
            const int row = model->findRow(it.key());
            QVERIFY(row >= 0);
            QCOMPARE(model->valueAt(row, QStringLiteral("industry")).toString(), it.value());
        }
    }
    QVERIFY2(edits > 0 && !saved.isEmpty(), "nothing was saved all day");
}

QTEST_MAIN(TestBusyDay)
#include "tst_busyday.moc"
