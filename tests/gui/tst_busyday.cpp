// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 32: a busy day on one database — four windows typing and saving while twenty command-line runs export,
// import and report beside them — on PostgreSQL and, separately, on one SQLite file. Afterwards every edit a window
// saved and every import that said so is in the database, each window shows what the database holds once it has
// refreshed, and no process crashed. How long the windows went without painting is measured and printed (the
// longest gap between two ticks of a 5 ms timer in their event loop).
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

struct CliRun {
    std::unique_ptr<QProcess> process;
    QString kind;
    QString imported; // the client an import adds
};
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

    std::vector<CliRun> running;
    QStringList imported; // the clients imports said they added
    QStringList crashed;
    QStringList failed;
    int cliDone = 0;
    int importNumber = 0;
    const auto startCli = [&]() {
        CliRun run;
        run.process = std::make_unique<QProcess>();
        run.process->setProcessEnvironment(env);
        const QString output
            = home.filePath(QStringLiteral("out-%1.csv").arg(cliDone + static_cast<int>(running.size())));
        QStringList arguments;
        switch (QRandomGenerator::global()->bounded(4)) {
        case 0:
            run.kind = QStringLiteral("export channels");
            arguments = { QStringLiteral("export"), QStringLiteral("channels"), QStringLiteral("-o"), output };
            break;
        case 1:
            run.kind = QStringLiteral("export clients");
            arguments = { QStringLiteral("export"), QStringLiteral("clients"), QStringLiteral("-o"), output };
            break;
        case 2:
            run.kind = QStringLiteral("report contracts");
            arguments = { QStringLiteral("report"), QStringLiteral("contracts"), QStringLiteral("--format"),
                QStringLiteral("csv"), QStringLiteral("--output"), output };
            break;
        default: {
            run.kind = QStringLiteral("import clients");
            run.imported = QStringLiteral("Imported %1").arg(++importNumber);
            const QString input = home.filePath(QStringLiteral("in-%1.csv").arg(importNumber));
            QFile file(input);
            if (file.open(QIODevice::WriteOnly))
                file.write("client_name,client_type,industry\n" + run.imported.toUtf8() + ",project,busy\n");
            arguments = { QStringLiteral("import"), QStringLiteral("clients"), QStringLiteral("--input"), input };
            break;
        }
        }
        arguments << QStringLiteral("--db") << scratch.dsn();
        run.process->start(QStringLiteral(AGENCY_OS_BINARY), arguments);
        running.push_back(std::move(run));
    };
    const auto collect = [&]() {
        for (auto i = static_cast<qsizetype>(running.size()) - 1; i >= 0; --i) {
            QProcess* process = running.at(static_cast<size_t>(i)).process.get();
            if (process->state() != QProcess::NotRunning)
                continue;
            if (process->exitStatus() != QProcess::NormalExit)
                crashed << running.at(static_cast<size_t>(i)).kind;
            else if (process->exitCode() != 0)
                failed << running.at(static_cast<size_t>(i)).kind + QStringLiteral(": ")
                        + QString::fromUtf8(process->readAllStandardError()).trimmed();
            else if (!running.at(static_cast<size_t>(i)).imported.isEmpty())
                imported << running.at(static_cast<size_t>(i)).imported;
            ++cliDone;
            running.erase(running.begin() + i);
        }
    };

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
        collect();
        while (running.size() < cliCount)
            startCli();
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
        QTest::qWait(20);
    }
    ticker.stop();
    const qint64 gapDuringDay = longestGap;
    QTRY_VERIFY_WITH_TIMEOUT((collect(), running.empty()), 120000);

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
