// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 32: a full disk, met for real — a small tmpfs of the test's own, filled up. A save on the embedded database
// fails with a message that says the disk is full, writes nothing and keeps the edit, which saves once there is room;
// an export onto a full disk fails, says so, and leaves the file it would have replaced as it was, with no stray
// temporary file beside it. Mounting needs root (as CI runs); elsewhere the test is skipped, saying so.
#include "export/tableimport.h"
#include "guisupport.h"
#include "mainwindow.h"
#include "recordform.h"
#include "support/builders.h"
#include "support/scratchdatabase.h"
#include "tablepage.h"
#include "tables/agencytablemodel.h"

#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <sys/mount.h>
#include <unistd.h>

using namespace agency;

namespace {
// A tmpfs of `kib` KiB at `dir`, unmounted when it goes.
struct SmallDisk {
    QString dir;
    bool mounted = false;
    SmallDisk(QString at, int kib)
        : dir(std::move(at))
    {
        const QByteArray options = "size=" + QByteArray::number(kib) + "k,mode=0700";
        mounted = ::mount("tmpfs", QFile::encodeName(dir).constData(), "tmpfs", 0, options.constData()) == 0;
    }
    ~SmallDisk()
    {
        if (mounted)
            ::umount2(QFile::encodeName(dir).constData(), MNT_DETACH);
    }
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;
};

// A migrated scratch SQLite database in a folder on `disk`; null when it could not be made there.
std::unique_ptr<test::ScratchDatabase> scratchOn(const SmallDisk& disk)
{
    const QByteArray tmp = qgetenv("TMPDIR");
    qputenv("TMPDIR", QFile::encodeName(disk.dir));
    auto scratch = std::make_unique<test::ScratchDatabase>(QStringLiteral("sqlite"));
    qputenv("TMPDIR", tmp);
    if (tmp.isEmpty())
        qunsetenv("TMPDIR");
    if (!scratch->dsn().contains(disk.dir) || !scratch->isReady() || !scratch->migrate()) {
        qWarning("no scratch database on the small disk: %s", qPrintable(scratch->error()));
        return nullptr;
    }
    return scratch;
}

// Fills what is left of the disk at `dir` with one file, and returns its path.
QString fill(const QString& dir)
{
    QString path = dir + QStringLiteral("/filler");
    QFile filler(path);
    if (!filler.open(QIODevice::WriteOnly))
        return {};
    const QByteArray block(4096, 'x');
    while (filler.write(block) == block.size() && filler.flush()) { }
    return path;
}
}

class TestDiskFull : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void saveOnAFullDiskKeepsTheEdit();
    void exportOntoAFullDiskLeavesTheOldFile();
    void importOntoAFullDiskWritesNothing();
};

void TestDiskFull::saveOnAFullDiskKeepsTheEdit()
{
    QTemporaryDir base;
    SmallDisk disk(base.path(), 2048);
    if (!disk.mounted)
        QSKIP("not root: no tmpfs of the test's own to fill (CI runs as root)");
    const auto scratchOnDisk = scratchOn(disk);
    QVERIFY(scratchOnDisk);
    test::ScratchDatabase& scratch = *scratchOnDisk;
    const QString acme = test::add(
        scratch.db(), test::Client { .name = QStringLiteral("Acme"), .industry = QStringLiteral("Retail") });

    AGENCY_WINDOW(window, scratch);
    const QString typed = QStringLiteral("Wholesale and retail");
    QLineEdit* industry = test::typeIntoClient(window, acme, "industry", typed);
    QVERIFY(industry);
    ui::TablePage* clients = window.page(ui::MainWindow::Clients);

    // The write-ahead log emptied (SQLite reuses its space otherwise), then the disk filled.
    QVERIFY(test::execute(scratch.db(), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    const QString filler = fill(disk.dir);
    QVERIFY(!filler.isEmpty());
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(window.hasUnsavedChanges(), "the save went through on a full disk");
    const QString said = window.statusMessage() + clients->model()->lastMessage();
    QVERIFY2(said.contains(QStringLiteral("the disk the database is on is full")), qPrintable(said));
    QCOMPARE(test::scalar(scratch.db(), QStringLiteral("SELECT industry FROM agency_clients")).toString(),
        QStringLiteral("Retail"));
    QCOMPARE(industry->text(), typed); // the edit is still there

    // The window's export of the page onto the same full disk: refused, said, no file left.
    const QString exported = disk.dir + QStringLiteral("/clients.csv");
    int outcome = -1;
    window.exportCurrentView(exported, [&outcome](bool ok) { outcome = ok ? 1 : 0; });
    QTRY_VERIFY_WITH_TIMEOUT(outcome >= 0, 30000);
    QCOMPARE(outcome, 0);
    QVERIFY2(
        window.statusMessage().contains(QStringLiteral("No space left on device")), qPrintable(window.statusMessage()));
    QVERIFY(!QFile::exists(exported));

    // Room again: the same Save writes it.
    QVERIFY(QFile::remove(filler));
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(!window.hasUnsavedChanges(), qPrintable(window.statusMessage()));
    QCOMPARE(test::scalar(scratch.db(), QStringLiteral("SELECT industry FROM agency_clients")).toString(), typed);
}

void TestDiskFull::exportOntoAFullDiskLeavesTheOldFile()
{
    QTemporaryDir base;
    QTemporaryDir home;
    const QString dsn = QStringLiteral("sqlite:") + home.filePath(QStringLiteral("agency.db"));
    QProcess demo;
    demo.setProcessEnvironment(test::cliEnvironment(home.path()));
    demo.start(QStringLiteral(AGENCY_OS_BINARY),
        { QStringLiteral("demo-data"), QStringLiteral("--db"), dsn, QStringLiteral("--clients"),
            QStringLiteral("40") });
    QVERIFY(demo.waitForFinished(120000));
    QCOMPARE(demo.exitCode(), 0);

    SmallDisk disk(base.path(), 256);
    if (!disk.mounted)
        QSKIP("not root: no tmpfs of the test's own to fill (CI runs as root)");
    // The same as CSV and as a workbook (whose sheet is deflated on a thread of its own: its write error is the
    // export's).
    const QStringList targets { disk.dir + QStringLiteral("/channels.csv"),
        disk.dir + QStringLiteral("/channels.xlsx") };
    for (const QString& target : targets) {
        QFile old(target);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the export of yesterday\n");
    }
    const QString filler = fill(disk.dir);
    QVERIFY(!filler.isEmpty());
    for (const QString& target : targets) {
        QProcess run;
        run.setProcessEnvironment(test::cliEnvironment(home.path()));
        run.start(QStringLiteral(AGENCY_OS_BINARY),
            { QStringLiteral("export"), QStringLiteral("channels"), QStringLiteral("--db"), dsn, QStringLiteral("-o"),
                target });
        QVERIFY(run.waitForFinished(120000));
        const QString err = QString::fromUtf8(run.readAllStandardError());
        QCOMPARE(run.exitCode(), 1);
        QVERIFY2(err.contains(QStringLiteral("No space left on device")), qPrintable(target + u'\n' + err));
        QFile old(target);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("the export of yesterday\n"));
    }
    QCOMPARE(QDir(disk.dir).entryList(QDir::Files | QDir::Hidden),
        (QStringList { QStringLiteral("channels.csv"), QStringLiteral("channels.xlsx"), QStringLiteral("filler") }));
}

// An import of 20,000 clients into an embedded database whose disk is full: SQLite meets the full disk when its cache
// of the import's pages spills, part-way through the file, and may end the transaction there itself. The import stops,
// says the disk is full, and nothing of it is in the database; with room again the same file imports whole.
void TestDiskFull::importOntoAFullDiskWritesNothing()
{
    QTemporaryDir base;
    SmallDisk disk(base.path(), 32 * 1024);
    if (!disk.mounted)
        QSKIP("not root: no tmpfs of the test's own to fill (CI runs as root)");
    const auto scratchOnDisk = scratchOn(disk);
    QVERIFY(scratchOnDisk);
    test::ScratchDatabase& scratch = *scratchOnDisk;
    test::add(scratch.db(), test::Client { .name = QStringLiteral("Acme") });
    QByteArray csv = "client_name,client_legal_name,client_type,industry,internal_notes\n";
    for (int i = 1; i <= 20000; ++i)
        csv += QStringLiteral("Client %1,\"Client %1, Ltd\",retainer,Retail,%2\n")
                   .arg(i)
                   .arg(QString(120, u'x'))
                   .toUtf8();
    const auto clients
        = [&]() { return test::scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_clients")).toInt(); };

    QVERIFY(test::execute(scratch.db(), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    const QString filler = fill(disk.dir);
    QVERIFY(!filler.isEmpty());
    exporting::TableImporter importer(scratch.db(), QStringLiteral("agency_clients"));
    importer.setDelimiter(',');
    const exporting::ImportReport refused = importer.import(csv);
    QVERIFY(!refused.ok());
    QStringList said;
    for (const auto& problem : refused.problems)
        said << problem.message;
    QVERIFY2(
        said.join(u'\n').contains(QStringLiteral("the disk the database is on is full")), qPrintable(said.join(u'\n')));
    // SQLite ended the transaction itself: the import stopped there rather than go on outside it.
    QVERIFY2(said.join(u'\n').contains(QStringLiteral("the database ended the import at line")),
        qPrintable(said.join(u'\n')));
    QCOMPARE(refused.inserts, 0);
    QCOMPARE(clients(), 1);

    QVERIFY(QFile::remove(filler));
    const exporting::ImportReport imported = importer.import(csv);
    QVERIFY2(imported.ok(), qPrintable(imported.problems.value(0).message));
    QCOMPARE(clients(), 20001);
    QCOMPARE(test::scalar(scratch.db(), QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    QVERIFY(test::scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_change_log")).toInt() >= 20000);
}

QTEST_MAIN(TestDiskFull)
#include "tst_diskfull.moc"
