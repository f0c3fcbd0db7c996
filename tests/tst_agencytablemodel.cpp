// SPDX-License-Identifier: GPL-3.0-or-later
#include "db/changesource.h"
#include "db/database.h"
#include "demo/demodata.h"
#include "export/tableexport.h"
#include "support/builders.h"
#include "support/scratchdatabase.h"
#include "tables/campaignmodel.h"
#include "tables/channelmodel.h"
#include "tables/columnvalues.h"
#include "tables/editsession.h"
#include "tables/lookupnames.h"
#include "tables/rowwriter.h"
#include "tables/softdeletion.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QCollator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>
#include <QtTest>
#include <memory>
#include <sqlite3.h>
#include <vector>

using namespace agency;
using agency::test::execute;
using agency::test::newId;
using agency::test::scalar;

namespace {

// A row read back with plain SQL, every column normalized the way the models normalize it.
QVariantMap readRow(QSqlDatabase db, const tables::TableSpec& spec, const QString& id)
{
    QVariantMap row;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT * FROM %1 WHERE id = ?").arg(spec.table));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return row;
    for (const tables::ColumnSpec& column : spec.columns)
        row.insert(column.name, tables::fromStorage(column, query.value(column.name)));
    return row;
}

bool setCell(tables::AgencyTableModel& model, int row, const char* column, const QVariant& value)
{
    return model.setData(model.index(row, model.fieldIndex(QString::fromLatin1(column))), value);
}

struct Seed {
    QString tier, client, otherClient, campaign, channelA, channelB;
};

// A small, known data set written with plain SQL.
Seed seed(QSqlDatabase db)
{
    Seed s;
    s.tier = test::add(db, test::Tier { .name = QStringLiteral("Gold"), .monthlyRetainer = QStringLiteral("5000.00") });
    s.client = test::add(
        db, test::Client { .name = QStringLiteral("Acme"), .type = QStringLiteral("retainer"), .tier = s.tier });
    s.otherClient = test::add(db,
        test::Client { .name = QStringLiteral("Globex"),
            .type = QStringLiteral("project"),
            .notes = QStringLiteral("50% off_sale \\o/") });
    s.campaign = test::add(db,
        test::Campaign { .client = s.client,
            .type = QStringLiteral("ppc"),
            .status = QStringLiteral("active"),
            .allocated = QStringLiteral("10000.00"),
            .spent = QStringLiteral("12000.50"),
            .start = QStringLiteral("2026-01-01") });
    s.channelA = test::add(db,
        test::Channel {
            .campaign = s.campaign, .type = QStringLiteral("google_ads"), .percentage = QStringLiteral("40.00") });
    s.channelB = test::add(db,
        test::Channel { .campaign = s.campaign, .type = QStringLiteral("meta"), .amount = QStringLiteral("2500.00") });
    return s;
}

} // namespace

class TestAgencyTableModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void modelsPassTheModelTester_data() { test::addBackendData(); }
    void modelsPassTheModelTester();
    void insertRoundTripsEveryColumn_data() { test::addBackendData(); }
    void insertRoundTripsEveryColumn();
    void editRoundTripsAndNullStaysNull_data() { test::addBackendData(); }
    void editRoundTripsAndNullStaysNull();
    void invalidRowIsNotWrittenAndInputStays_data() { test::addBackendData(); }
    void invalidRowIsNotWrittenAndInputStays();
    void overAllocationIsRefusedWithFigures_data() { test::addBackendData(); }
    void overAllocationIsRefusedWithFigures();
    void failedSaveWritesNothingAndKeepsEdits_data() { test::addBackendData(); }
    void failedSaveWritesNothingAndKeepsEdits();
    void editsSurviveRefreshAndFilter_data() { test::addBackendData(); }
    void editsSurviveRefreshAndFilter();
    void softDeleteCascadesAndRestoresExactly_data() { test::addBackendData(); }
    void softDeleteCascadesAndRestoresExactly();
    void tierInUseCannotBeDeleted_data() { test::addBackendData(); }
    void tierInUseCannotBeDeleted();
    void concurrentChangeIsDetected_data();
    void concurrentChangeIsDetected();
    void genericCallersGoThroughTheJournal_data() { test::addBackendData(); }
    void genericCallersGoThroughTheJournal();
    void concurrentDeleteIsDetected_data() { test::addBackendData(); }
    void concurrentDeleteIsDetected();
    void searchIsLiteralAndHarmless_data();
    void searchIsLiteralAndHarmless();
    void searchIndexFollowsEveryWrite_data() { test::addBackendData(); }
    void searchIndexFollowsEveryWrite();
    void everyColumnOfEveryTableRoundTrips_data();
    void everyColumnOfEveryTableRoundTrips();
    void lookupsShowNames_data() { test::addBackendData(); }
    void lookupsShowNames();
    void readsOnlyWhenAskedAndOnce_data() { test::addBackendData(); }
    void readsOnlyWhenAskedAndOnce();
    void rowOfIdFollowsRowsThatMove_data() { test::addBackendData(); }
    void rowOfIdFollowsRowsThatMove();
    void pickerLabelsMatchAndNamesSurviveSorting_data() { test::addBackendData(); }
    void pickerLabelsMatchAndNamesSurviveSorting();
    void sortAndSearchByShownNames_data() { test::addBackendData(); }
    void sortAndSearchByShownNames();
    void namesSortInTheReadersLanguage_data() { test::addBackendData(); }
    void namesSortInTheReadersLanguage();
    void campaignsListAndSortByTheirName_data() { test::addBackendData(); }
    void campaignsListAndSortByTheirName();
    void changesElsewhereAreToldByRow_data() { test::addBackendData(); }
    void changesElsewhereAreToldByRow();
    void searchAndSortReadInTheBackground_data() { test::addBackendData(); }
    void searchAndSortReadInTheBackground();
    void namesAreReadWithTheirPage();
    void rowLeftOutBySearchIsNotReadFor_data() { test::addBackendData(); }
    void rowLeftOutBySearchIsNotReadFor();
    void pickerSearchReachesEveryCampaign_data() { test::addBackendData(); }
    void pickerSearchReachesEveryCampaign();
    void editSessionSavesParentsFirstAndUndoesADelete_data() { test::addBackendData(); }
    void editSessionSavesParentsFirstAndUndoesADelete();
    void rowWriterStoresExactlyAndGuardsTheStamp_data() { test::addBackendData(); }
    void rowWriterStoresExactlyAndGuardsTheStamp();
};

namespace {
// Counts the statements SQLite runs on a connection (its own trace hook, so nothing in the app is mocked).
class StatementCounter {
public:
    explicit StatementCounter(QSqlDatabase db)
        : m_handle(*static_cast<sqlite3* const*>(db.driver()->handle().data()))
    {
        sqlite3_trace_v2(m_handle, SQLITE_TRACE_STMT, &StatementCounter::count, this);
    }
    ~StatementCounter() { sqlite3_trace_v2(m_handle, 0, nullptr, nullptr); }
    StatementCounter(const StatementCounter&) = delete;
    StatementCounter& operator=(const StatementCounter&) = delete;
    int take() { return std::exchange(m_count, 0); }

private:
    static int count(unsigned /*type*/, void* self, void* /*statement*/, void* sql)
    {
        // Statements, not the triggers' sub-statements SQLite reports with a leading "--".
        if (!QByteArrayView(static_cast<const char*>(sql)).startsWith("--"))
            ++static_cast<StatementCounter*>(self)->m_count;
        return 0;
    }
    sqlite3* m_handle;
    int m_count = 0;
};
}

// A person with a channel selected types a search that leaves it out: the window looks for that row among the results
// to keep it selected (findRow). One test of that row on the server says it is not there, and nothing more is read:
// reading on through the results for it took 20,000 rows and 5 s of a frozen window on 1M channels ("tiktok"). A row
// that does match is still read on for, down the results.
void TestAgencyTableModel::rowLeftOutBySearchIsNotReadFor()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(demo::DemoDataWriter(scratch.db()).write({ 6, 30, 2, 3 }, nullptr)); // 360 channels
    tables::RowFilter ads;
    ads.search = QStringLiteral("ads");
    const QString matches = ads.searchTest(tables::channelsSpec(), scratch.db().driver());
    QVERIFY(!matches.isEmpty());
    const auto first = [&](const QString& condition) {
        return test::scalar(scratch.db(),
            QStringLiteral("SELECT id FROM agency_campaign_channels WHERE deleted_at IS NULL AND %1 ORDER BY "
                           "channel_type DESC, id DESC LIMIT 1")
                .arg(condition))
            .toString();
    };
    const QString leftOut = first(QStringLiteral("CASE WHEN %1 THEN 1 ELSE 0 END = 0").arg(matches)); // NULL: no match
    const QString lastMatch = first(matches); // the last of the results in the page's order
    QVERIFY(!leftOut.isEmpty() && !lastMatch.isEmpty());

    tables::ChannelModel channels(scratch.db());
    channels.setPageSize(20);
    channels.setSearchText(ads.search);
    QVERIFY(channels.select());
    QCOMPARE(channels.rowCount(), 20);
    QVERIFY(channels.canFetchMore({}));
    QVERIFY(!channels.mayHold(leftOut));
    QCOMPARE(channels.findRow(leftOut), -1);
    QCOMPARE(channels.rowCount(), 20); // nothing read for it
    QVERIFY(channels.mayHold(lastMatch));
    const int row = channels.findRow(lastMatch);
    QVERIFY(row >= 20);
    QCOMPARE(channels.idAt(row), lastMatch);
    // Without a search both are among the rows; a deleted one is not (unless deleted rows are shown).
    channels.setSearchText({});
    QVERIFY(channels.select());
    QVERIFY(channels.mayHold(leftOut));
    QVERIFY(test::execute(scratch.db(),
        QStringLiteral("UPDATE agency_campaign_channels SET deleted_at = updated_at WHERE id = ?"), { leftOut }));
    QVERIFY(!channels.mayHold(leftOut));
    channels.setShowDeleted(true);
    QVERIFY(channels.mayHold(leftOut));
}

// The names a page shows (a channel's campaign label) are read with the page, in one query, not one per cell as it
// is painted; after another desktop's change they stay on screen and are read again with the rows.
void TestAgencyTableModel::namesAreReadWithTheirPage()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("sqlite"));
    QVERIFY(scratch.migrate());
    QVERIFY(demo::DemoDataWriter(scratch.db()).write({ 6, 30, 2, 3 }, nullptr)); // 360 channels of 180 campaigns
    tables::ChannelModel channels(scratch.db());
    channels.setPageSize(100);
    const int campaign = channels.fieldIndex(QStringLiteral("campaign_id"));
    StatementCounter statements(scratch.db());
    const auto paintAll = [&]() {
        QSet<QString> labels;
        for (int row = 0; row < channels.rowCount(); ++row) {
            const QString id = channels.data(channels.index(row, campaign), Qt::EditRole).toString();
            const QString label = channels.data(channels.index(row, campaign)).toString();
            if (label.isEmpty() || label == id)
                return QSet<QString>(); // an id shown instead of its name
            labels.insert(label);
        }
        return labels;
    };
    QVERIFY(channels.select());
    const int reading = statements.take();
    QVERIFY2(reading <= 2, qPrintable(QString::number(reading))); // the page, and one query for its 100 labels
    QVERIFY(paintAll().size() > 20);
    QCOMPARE(statements.take(), 0); // painting asks nothing
    channels.fetchMore({});
    QCOMPARE(channels.rowCount(), 200);
    QVERIFY(statements.take() <= 2);
    QVERIFY(!paintAll().isEmpty());
    QCOMPARE(statements.take(), 0);

    // Another desktop renames a campaign shown on the second page; a refresh reads the 200 rows and their names again.
    const QString renamed = channels.data(channels.index(150, campaign), Qt::EditRole).toString();
    QVERIFY(test::execute(scratch.db(),
        QStringLiteral("UPDATE agency_campaigns SET metadata = '{\"name\": \"Renamed elsewhere\"}' WHERE id = ?"),
        { renamed }));
    statements.take();
    QVERIFY(channels.refresh());
    QVERIFY(statements.take() <= 4); // two pages, and their names in one query
    QVERIFY(paintAll().contains(QStringLiteral("Renamed elsewhere")));
    QCOMPARE(statements.take(), 0);
    channels.forgetNames(); // a save on another page: the names are read again at once, not cell by cell
    QVERIFY(statements.take() <= 2);
    QVERIFY(!paintAll().isEmpty());
    QCOMPARE(statements.take(), 0);
}

// The one writer behind Save and the CSV import: values stored exactly as the app stores them, the audit columns
// left to the database, and an update that finds the row changed since it was read says so instead of writing.
void TestAgencyTableModel::rowWriterStoresExactlyAndGuardsTheStamp()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const QString id = QStringLiteral("20000000-0000-4000-8000-0000000000aa");
    tables::RowWriter writer(scratch.db(), tables::clientsSpec());
    QSqlError error;
    QVERIFY2(writer.insert({ { QStringLiteral("id"), id }, { QStringLiteral("client_name"), QStringLiteral("Harbour") },
                               { QStringLiteral("contract_start_date"), QDate(2026, 2, 28) },
                               { QStringLiteral("updated_at"), QDateTime(QDate(2001, 1, 1), QTime(0, 0), Qt::UTC) } },
                 &error),
        qPrintable(error.text()));
    const QVariantMap stored = readRow(scratch.db(), tables::clientsSpec(), id);
    QCOMPARE(stored.value(QStringLiteral("contract_start_date")).toDate(), QDate(2026, 2, 28));
    QVERIFY(stored.value(QStringLiteral("updated_at")).toDateTime().date().year() > 2001); // the database's stamp
    QCOMPARE(stored.value(QStringLiteral("is_active")).toBool(), true); // left out: the column's default

    const QVariant stamp = test::scalar(scratch.db(), QStringLiteral("SELECT updated_at FROM agency_clients"));
    QCOMPARE(writer.update(id, { { QStringLiteral("client_name"), QStringLiteral("Harbour Ltd") } }, stamp, &error),
        tables::RowWriter::Update::Written);
    // Written with the stamp read before that update: someone else's change in between, so nothing is written.
    QCOMPARE(writer.update(id, { { QStringLiteral("client_name"), QStringLiteral("Stale") } }, stamp, &error),
        tables::RowWriter::Update::Stale);
    QCOMPARE(test::scalar(scratch.db(), QStringLiteral("SELECT client_name FROM agency_clients")).toString(),
        QStringLiteral("Harbour Ltd"));
    QCOMPARE(writer.update(id, { { QStringLiteral("id"), QStringLiteral("x") } }, stamp, &error),
        tables::RowWriter::Update::Written); // the id is never updated: nothing to set
    QCOMPARE(writer.update(id, { { QStringLiteral("client_name"), QString() } },
                 test::scalar(scratch.db(), QStringLiteral("SELECT updated_at FROM agency_clients")), &error),
        tables::RowWriter::Update::Failed); // NOT NULL: the database's refusal comes back
    QVERIFY(error.isValid());
}

// One Save for a new client, its campaign and the campaign's channel: parents go in first, whatever the order they
// were typed in; a failure stops there with the edits kept. Undo restores the last delete, once.
void TestAgencyTableModel::editSessionSavesParentsFirstAndUndoesADelete()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    tables::AgencyTableModel tiers(tables::slaTiersSpec(), scratch.db());
    tables::AgencyTableModel clients(tables::clientsSpec(), scratch.db());
    tables::CampaignModel campaigns(scratch.db());
    tables::ChannelModel channels(scratch.db());
    const tables::EditSession session({ &tiers, &clients, &campaigns, &channels });
    QVERIFY(!session.hasUnsavedChanges());

    // Typed children first: a channel, then its campaign, then the client.
    const int channelRow = channels.insertNewRow();
    const int campaignRow = campaigns.insertNewRow();
    const int clientRow = clients.insertNewRow();
    const QString client = clients.idAt(clientRow);
    const QString campaign = campaigns.idAt(campaignRow);
    const QString channel = channels.idAt(channelRow);
    QVERIFY(setCell(clients, clientRow, "client_name", QStringLiteral("Harbour Ltd")));
    QVERIFY(setCell(campaigns, campaignRow, "client_id", client));
    QVERIFY(setCell(campaigns, campaignRow, "budget_allocated", QStringLiteral("100.00")));
    QVERIFY(setCell(channels, channelRow, "campaign_id", campaign));
    QVERIFY(setCell(channels, channelRow, "channel_type", QStringLiteral("radio")));
    QVERIFY(setCell(channels, channelRow, "budget_amount", QStringLiteral("40.00")));
    QVERIFY(session.hasUnsavedChanges());

    // Saved in the other order, the channel's campaign would not be there yet: it stops at the first failure.
    const tables::EditSession childrenFirst({ &channels, &campaigns, &clients, &tiers });
    QList<tables::AgencyTableModel*> tried;
    const auto save = [&tried](tables::AgencyTableModel* m) {
        tried << m;
        return m->save();
    };
    QCOMPARE(childrenFirst.saveAll(save), &channels);
    QCOMPARE(tried, QList<tables::AgencyTableModel*> { &channels });
    QVERIFY(channels.hasPendingChanges() && campaigns.hasPendingChanges() && clients.hasPendingChanges());
    QCOMPARE(test::scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_clients")).toInt(), 0);

    tried.clear();
    QCOMPARE(session.saveAll(save), nullptr);
    QCOMPARE(tried, (QList<tables::AgencyTableModel*> { &clients, &campaigns, &channels })); // tiers: nothing to save
    QVERIFY(!session.hasUnsavedChanges());
    QCOMPARE(test::scalar(scratch.db(), QStringLiteral("SELECT campaign_id FROM agency_campaign_channels WHERE id = ?"),
                 { channel })
                 .toString(),
        campaign);

    // Delete the client (its campaign and channel go with it); Undo brings all three back, and only once.
    QVERIFY(clients.softDelete({ client }));
    tables::EditSession undoing({ &tiers, &clients, &campaigns, &channels });
    undoing.rememberDelete(clients.tableName(), { client });
    QVERIFY(undoing.canUndo());
    QString error;
    QVERIFY2(undoing.undoDelete(&error), qPrintable(error));
    QVERIFY(!undoing.canUndo());
    QVERIFY(!undoing.undoDelete(&error));
    QVERIFY(!error.isEmpty());
    for (const char* table : { "agency_clients", "agency_campaigns", "agency_campaign_channels" })
        QCOMPARE(test::scalar(scratch.db(),
                     QStringLiteral("SELECT count(*) FROM %1 WHERE deleted_at IS NULL").arg(QLatin1String(table)))
                     .toInt(),
            1);

    // Discard drops every table's edits.
    QVERIFY(campaigns.refresh());
    QVERIFY(setCell(campaigns, campaigns.rowOfId(campaign), "budget_allocated", QStringLiteral("5.00")));
    clients.insertNewRow();
    QVERIFY(session.hasUnsavedChanges());
    session.discardAll();
    QVERIFY(!session.hasUnsavedChanges());
    QCOMPARE(test::scalar(scratch.db(), QStringLiteral("SELECT budget_allocated FROM agency_campaigns")).toString(),
        QStringLiteral("100.00"));
}

// A picker's list holds the newest thousand campaigns; typing searches all of them on the server, by any part of the
// label, every word matching, in one query.
void TestAgencyTableModel::pickerSearchReachesEveryCampaign()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(demo::DemoDataWriter(scratch.db()).write({ 13, 100, 1, 9 }, nullptr)); // 1,300 campaigns
    tables::LookupNames lookups(scratch.db());
    const auto listed = lookups.choices(QStringLiteral("agency_campaigns"));
    QCOMPARE(listed.size(), 1000);
    QSet<QString> listedIds;
    for (const auto& choice : listed)
        listedIds.insert(choice.id);
    QSqlQuery live(scratch.db());
    QVERIFY(live.exec(QStringLiteral("SELECT id FROM agency_campaigns WHERE deleted_at IS NULL ORDER BY id")));
    QString oldest; // one the list leaves out
    while (oldest.isEmpty() && live.next()) {
        if (!listedIds.contains(live.value(0).toString()))
            oldest = live.value(0).toString();
    }
    live.finish();
    QVERIFY(!oldest.isEmpty());
    QVERIFY(test::execute(scratch.db(),
        QStringLiteral("UPDATE agency_campaigns SET metadata = '{\"name\": \"Harbour 100%_ relaunch\"}' WHERE id = ?"),
        { oldest }));

    // By its name, in any case, words in any order; % and _ are matched literally.
    for (const QString& typed :
        { QStringLiteral("harbour"), QStringLiteral("RELAUNCH harb"), QStringLiteral("100%_") }) {
        const auto found = lookups.search(QStringLiteral("agency_campaigns"), typed);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.constFirst().id, oldest);
        QCOMPARE(found.constFirst().name, QStringLiteral("Harbour 100%_ relaunch"));
    }
    QVERIFY(lookups.search(QStringLiteral("agency_campaigns"), QStringLiteral("100%x")).isEmpty());
    // By client and type: every result has both, and there are more than the limit shows.
    const QString client = test::scalar(
        scratch.db(), QStringLiteral("SELECT client_name FROM agency_clients ORDER BY client_name LIMIT 1"))
                               .toString();
    const QString word = client.split(u' ').constFirst();
    const auto found = lookups.search(QStringLiteral("agency_campaigns"), word + QStringLiteral(" social"), 20);
    QVERIFY(!found.isEmpty());
    QVERIFY(found.size() <= 20);
    for (const auto& choice : found) {
        QCOMPARE(lookups.name(QStringLiteral("agency_campaigns"), choice.id), choice.name); // cached, same label
        const QString type = test::scalar(scratch.db(),
            QStringLiteral(
                "SELECT c.campaign_type || ' ' || cl.client_name FROM agency_campaigns c JOIN agency_clients "
                "cl ON cl.id = c.client_id WHERE c.id = ?"),
            { choice.id })
                                 .toString();
        QVERIFY2(
            type.contains(QStringLiteral("social"), Qt::CaseInsensitive) && type.contains(word, Qt::CaseInsensitive),
            qPrintable(type));
    }
    QVERIFY(lookups.search(QStringLiteral("agency_campaigns"), QStringLiteral("no such campaign anywhere")).isEmpty());
}

// With background reading on (as the pages have it), a search or sort returns at once: the rows shown stay until
// the new ones are read on another connection; a newer request replaces an older one, whose result never shows;
// an edit made meanwhile is kept.
void TestAgencyTableModel::searchAndSortReadInTheBackground()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(demo::DemoDataWriter(scratch.db()).write({ 12, 1, 1, 4 }, nullptr));
    tables::AgencyTableModel clients(
        tables::clientsSpec(), scratch.db(), nullptr, tables::AgencyTableModel::Load::OnDemand);
    QAbstractItemModelTester tester(&clients, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(clients.select());
    clients.setReadsInBackground(true);
    QSignalSpy busy(&clients, &tables::AgencyTableModel::busyChanged);
    QSignalSpy resets(&clients, &QAbstractItemModel::modelReset);
    const int shown = clients.rowCount();
    QVERIFY(shown > 5);
    const QString first = clients.idAt(0);

    clients.setSearchText(QStringLiteral("a"));
    QVERIFY(clients.isBusy());
    QCOMPARE(clients.rowCount(), shown); // what was shown stays meanwhile
    QVERIFY(setCell(clients, 0, "industry", QStringLiteral("Typed meanwhile")));
    clients.setSearchText(QStringLiteral("no client is called this"));
    QTRY_VERIFY(!clients.isBusy());
    QCOMPARE(resets.count(), 1); // the first search's rows never showed
    QCOMPARE(clients.rowCount(), 0);
    QCOMPARE(busy.count(), 2);
    QCOMPARE(busy.at(0).at(0).toBool(), true);
    QCOMPARE(busy.at(1).at(0).toBool(), false);

    // A sort read in the background in pages of 3: the next pages go on over the model's own connection.
    clients.setPageSize(3);
    clients.setSearchText({});
    clients.sort(clients.fieldIndex(QStringLiteral("client_name")), Qt::DescendingOrder);
    QTRY_VERIFY(!clients.isBusy());
    QCOMPARE(clients.rowCount(), 3);
    while (clients.canFetchMore())
        clients.fetchMore();
    QCOMPARE(clients.rowCount(), shown);
    QStringList names;
    for (int row = 0; row < clients.rowCount(); ++row)
        names << clients.valueAt(row, QStringLiteral("client_name")).toString();
    QStringList sorted = names;
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    QCOMPARE(names, sorted);
    // The edit made while the first search was read is still there, wherever its row now is.
    const int row = clients.rowOfId(first);
    QVERIFY(row >= 0);
    QCOMPARE(clients.valueAt(row, QStringLiteral("industry")).toString(), QStringLiteral("Typed meanwhile"));
    QVERIFY(clients
                .data(clients.index(row, clients.fieldIndex(QStringLiteral("industry"))),
                    tables::AgencyTableModel::IsEditedRole)
                .toBool());
    QVERIFY2(clients.save(), qPrintable(clients.lastMessage()));
    QCOMPARE(
        scalar(scratch.db(), QStringLiteral("SELECT industry FROM agency_clients WHERE id = ?"), { first }).toString(),
        QStringLiteral("Typed meanwhile"));

    if (!scratch.isPostgres())
        return;
    // The server drops the second connection (a restart, an administrator): the search is read over the model's own
    // connection instead, and the next one opens the second connection again.
    QVERIFY(execute(scratch.db(),
        QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                       "AND pid <> pg_backend_pid()")));
    clients.setSearchText(QStringLiteral("Typed meanwhile"));
    QTRY_VERIFY(!clients.isBusy());
    QCOMPARE(clients.rowCount(), 1);
    QCOMPARE(clients.idAt(0), first);
    clients.setSearchText(QString());
    QTRY_VERIFY(!clients.isBusy());
    QCOMPARE(clients.rowCount(), 3); // a page, read in the background again
}

// An OnDemand model (a page not shown yet) reads nothing until select(), whatever sort, search or filter it is
// given meanwhile, and then reads with all of them; asking for the order it already has reads nothing again.
void TestAgencyTableModel::readsOnlyWhenAskedAndOnce()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    seed(scratch.db());
    tables::AgencyTableModel clients(
        tables::clientsSpec(), scratch.db(), nullptr, tables::AgencyTableModel::Load::OnDemand);
    QSignalSpy resets(&clients, &QAbstractItemModel::modelReset);
    const int name = clients.fieldIndex(QStringLiteral("client_name"));
    clients.sort(name, Qt::DescendingOrder);
    clients.setSearchText(QStringLiteral("e"));
    clients.setShowDeleted(true);
    QVERIFY(clients.refresh());
    QCOMPARE(resets.count(), 0);
    QVERIFY(!clients.isLoaded());
    QCOMPARE(clients.rowCount(), 0);

    QVERIFY(clients.select());
    QCOMPARE(resets.count(), 1);
    QVERIFY(clients.rowCount() > 1);
    QStringList names;
    for (int row = 0; row < clients.rowCount(); ++row) {
        names << clients.valueAt(row, QStringLiteral("client_name")).toString();
        QVERIFY2(names.constLast().contains(u'e', Qt::CaseInsensitive), qPrintable(names.constLast()));
    }
    QStringList sorted = names;
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    QCOMPARE(names, sorted);

    clients.sort(name, Qt::DescendingOrder); // what a view asks when it enables sorting: nothing to read
    QCOMPARE(resets.count(), 1);
    clients.sort(name, Qt::AscendingOrder);
    QCOMPARE(resets.count(), 2);
    QCOMPARE(clients.valueAt(0, QStringLiteral("client_name")).toString(), sorted.constLast());
}

// rowOfId() answers from an index of the rows read; a new row on top, another order or a discarded row move rows,
// and every answer must still be where idAt() says.
void TestAgencyTableModel::rowOfIdFollowsRowsThatMove()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(demo::DemoDataWriter(scratch.db()).write({ 5, 3, 2, 7 }, nullptr));
    tables::ChannelModel channels(scratch.db());
    auto allFound = [&channels]() {
        for (int row = 0; row < channels.rowCount(); ++row) {
            if (channels.rowOfId(channels.idAt(row)) != row)
                return false;
        }
        return true;
    };
    QVERIFY(channels.rowCount() > 10);
    const QString last = channels.idAt(channels.rowCount() - 1);
    QVERIFY(allFound());
    QCOMPARE(channels.rowOfId(QStringLiteral("00000000-0000-4000-8000-000000000000")), -1);

    const int added = channels.insertNewRow();
    QCOMPARE(added, 0);
    QCOMPARE(channels.rowOfId(last), channels.rowCount() - 1);
    QVERIFY(allFound());

    channels.sort(channels.fieldIndex(QStringLiteral("channel_type")), Qt::DescendingOrder);
    QVERIFY(allFound());
    channels.discardChanges();
    QCOMPARE(channels.rowOfId(channels.idAt(0)), 0);
    QVERIFY(allFound());
}

// The campaign picker's labels (read in one query) are the labels the tables show one at a time; the names a table
// shows are kept through sorting and searching, and read again after a change (refresh) or a save elsewhere.
void TestAgencyTableModel::pickerLabelsMatchAndNamesSurviveSorting()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(demo::DemoDataWriter(scratch.db()).write({ 6, 5, 1, 11 }, nullptr));
    QVERIFY(scratch.loadPlaneFixture());
    // Two campaigns in Plane projects: a live one (its name is the label) and a deleted one (the label falls back).
    QVERIFY(test::execute(scratch.db(),
        QStringLiteral(
            "UPDATE agency_campaigns SET plane_project_id = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa' WHERE id = "
            "(SELECT id FROM agency_campaigns WHERE deleted_at IS NULL ORDER BY start_date DESC LIMIT 1)")));
    QVERIFY(test::execute(scratch.db(),
        QStringLiteral(
            "UPDATE agency_campaigns SET plane_project_id = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc' WHERE id = "
            "(SELECT id FROM agency_campaigns WHERE deleted_at IS NULL ORDER BY start_date LIMIT 1)")));
    tables::LookupNames picker(scratch.db());
    const auto choices = picker.choices(QStringLiteral("agency_campaigns"));
    QVERIFY(choices.size() > 20);
    if (scratch.isPostgres())
        QCOMPARE(choices.constFirst().name, QStringLiteral("Spring Launch"));
    for (const auto& choice : choices) {
        tables::LookupNames single(scratch.db());
        QCOMPARE(choice.name, single.name(QStringLiteral("agency_campaigns"), choice.id));
        QVERIFY(!choice.name.isEmpty());
    }

    tables::CampaignModel campaigns(scratch.db());
    const int client = campaigns.fieldIndex(QStringLiteral("client_id"));
    const QString clientId = campaigns.data(campaigns.index(0, client), Qt::EditRole).toString();
    const QString before = campaigns.data(campaigns.index(0, client)).toString();
    // Another desktop renames the client, with no notification on this backend.
    QVERIFY(test::execute(scratch.db(),
        QStringLiteral("UPDATE agency_clients SET client_name = 'Renamed Ltd' WHERE id = ?"), { clientId }));
    campaigns.sort(campaigns.fieldIndex(QStringLiteral("budget_spent")), Qt::DescendingOrder);
    campaigns.setSearchText(QStringLiteral("a"));
    for (int row = 0; row < campaigns.rowCount(); ++row) {
        if (campaigns.data(campaigns.index(row, client), Qt::EditRole).toString() == clientId)
            QCOMPARE(campaigns.data(campaigns.index(row, client)).toString(), before); // kept: no lookup per sort
    }
    QVERIFY(campaigns.refresh());
    campaigns.setSearchText({});
    bool seen = false;
    for (int r = 0; r < campaigns.rowCount(); ++r) {
        if (campaigns.data(campaigns.index(r, client), Qt::EditRole).toString() == clientId) {
            QCOMPARE(campaigns.data(campaigns.index(r, client)).toString(), QStringLiteral("Renamed Ltd"));
            seen = true;
        }
    }
    QVERIFY(seen);
}

// Reference columns show names: they sort by them (not by the hidden id), a search finds a row by them, and the CSV
// export of that view has the same rows in the same order.
// Of the rows another desktop has just saved, the ones this desktop edits or looks at are told, as the server has
// them now: changed (and when) or deleted or gone, with the name shown here; rows neither edited nor looked at, and
// rows saved but not changed since they were read here, are not.
void TestAgencyTableModel::changesElsewhereAreToldByRow()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const QStringList ids { QStringLiteral("20000000-0000-4000-8000-000000000001"),
        QStringLiteral("20000000-0000-4000-8000-000000000002"), QStringLiteral("20000000-0000-4000-8000-000000000003"),
        QStringLiteral("20000000-0000-4000-8000-000000000004") };
    const QStringList names { QStringLiteral("Acme"), QStringLiteral("Globex"), QStringLiteral("Initech"),
        QStringLiteral("Umbrella") };
    const QStringList types { QStringLiteral("retainer"), QStringLiteral("project"), QStringLiteral("project"),
        QStringLiteral("hybrid") };
    for (int i = 0; i < ids.size(); ++i)
        QVERIFY(!test::add(scratch.db(), test::Client { .id = ids.at(i), .name = names.at(i), .type = types.at(i) })
                     .isEmpty());
    tables::AgencyTableModel clients(
        tables::clientsSpec(), scratch.db(), nullptr, tables::AgencyTableModel::Load::OnDemand);
    QVERIFY(clients.select());
    // I edit Acme and Globex (Globex's name too) and look at Initech; Umbrella I neither edit nor look at.
    const int industry = clients.fieldIndex(QStringLiteral("industry"));
    QVERIFY(clients.setData(clients.index(clients.rowOfId(ids.at(0)), industry), QStringLiteral("Energy")));
    QVERIFY(
        clients.setData(clients.index(clients.rowOfId(ids.at(1)), clients.fieldIndex(QStringLiteral("client_name"))),
            QStringLiteral("Globex Corp")));
    QSqlDatabase other = scratch.openAnother(QStringLiteral("other"));
    QVERIFY(test::execute(
        other, QStringLiteral("UPDATE agency_clients SET industry = 'Mining' WHERE id = ?"), { ids.at(0) }));
    QVERIFY(test::execute(other,
        QStringLiteral("UPDATE agency_clients SET deleted_at = CURRENT_TIMESTAMP WHERE id IN (?, ?)"),
        { ids.at(1), ids.at(2) }));
    QVERIFY(test::execute(
        other, QStringLiteral("UPDATE agency_clients SET industry = 'Film' WHERE id = ?"), { ids.at(3) }));

    const QSet<QString> told(ids.cbegin(), ids.cend());
    const QList<tables::OutsideChange> changes = clients.changedElsewhere(told, ids.at(2));
    QCOMPARE(changes.size(), 3);
    QHash<QString, tables::OutsideChange> byId;
    for (const tables::OutsideChange& change : changes)
        byId.insert(change.id, change);
    QVERIFY(!byId.value(ids.at(0)).deleted && byId.value(ids.at(0)).edited);
    QCOMPARE(byId.value(ids.at(0)).name, QStringLiteral("Acme"));
    QVERIFY(byId.value(ids.at(0)).at.isValid());
    QVERIFY(byId.value(ids.at(1)).deleted && byId.value(ids.at(1)).edited);
    QCOMPARE(byId.value(ids.at(1)).name, QStringLiteral("Globex Corp")); // as shown here: my typed name
    QVERIFY(byId.value(ids.at(2)).deleted && !byId.value(ids.at(2)).edited);
    QVERIFY(!byId.contains(ids.at(3)));
    QCOMPARE(clients.changedElsewhere(told, QString()).size(), 2); // Initech not looked at any more
    // Read again (their version taken), a row is as the server has it: nothing to tell.
    QVERIFY(clients.takeTheirs(ids.at(0)));
    QVERIFY(clients.changedElsewhere({ ids.at(0) }, ids.at(0)).isEmpty());
    // Gone altogether: deleted, with no time.
    QVERIFY(test::execute(other, QStringLiteral("DELETE FROM agency_clients WHERE id = ?"), { ids.at(1) }));
    const QList<tables::OutsideChange> gone = clients.changedElsewhere({ ids.at(1) }, QString());
    QCOMPARE(gone.size(), 1);
    QVERIFY(gone.constFirst().deleted && !gone.constFirst().at.isValid());
}

// A campaign's name is kept in its metadata; lists head that column "Name", show the name (not the JSON) and sort by
// it, case aside, trimmed, with unnamed campaigns (no metadata, no "name", a name that is not a text) last ascending.
// Names sort as the reader's language orders them, not by their bytes: "Bäckerei" before "Brauhaus", "éclair" among
// the e's, on both backends and across pages (two rows a page: each page continues after the last name read), up
// and down; and so do campaigns by the client they show.
void TestAgencyTableModel::namesSortInTheReadersLanguage()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const QStringList names { QStringLiteral("Brauhaus"), QString::fromUtf8("Bäckerei"), QStringLiteral("Zebra"),
        QString::fromUtf8("éclair"), QStringLiteral("Apfel") };
    QHash<QString, QString> idOf;
    for (const QString& name : names) {
        idOf.insert(name, test::add(scratch.db(), test::Client { .name = name }));
        QVERIFY(!test::add(scratch.db(), test::Campaign { .client = idOf.value(name) }).isEmpty());
    }
    const QStringList ascending { QStringLiteral("Apfel"), QString::fromUtf8("Bäckerei"), QStringLiteral("Brauhaus"),
        QString::fromUtf8("éclair"), QStringLiteral("Zebra") };
    QStringList descending = ascending;
    std::reverse(descending.begin(), descending.end());

    const auto readAll = [](tables::AgencyTableModel& model, const QString& column) {
        while (model.canFetchMore())
            model.fetchMore();
        QStringList shown;
        for (int row = 0; row < model.rowCount(); ++row)
            shown << model.data(model.index(row, model.fieldIndex(column))).toString();
        return shown;
    };
    tables::AgencyTableModel clients(
        tables::clientsSpec(), scratch.db(), nullptr, tables::AgencyTableModel::Load::OnDemand);
    clients.setPageSize(2);
    QVERIFY(clients.select()); // the page's own order: by name, ascending
    QCOMPARE(readAll(clients, QStringLiteral("client_name")), ascending);
    clients.sort(clients.fieldIndex(QStringLiteral("client_name")), Qt::DescendingOrder);
    QCOMPARE(readAll(clients, QStringLiteral("client_name")), descending);

    tables::CampaignModel campaigns(scratch.db(), nullptr, tables::AgencyTableModel::Load::OnDemand);
    campaigns.setPageSize(2);
    QVERIFY(campaigns.select());
    for (const Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
        campaigns.sort(campaigns.fieldIndex(QStringLiteral("client_id")), order);
        QCOMPARE(readAll(campaigns, QStringLiteral("client_id")), order == Qt::AscendingOrder ? ascending : descending);
    }
}

void TestAgencyTableModel::campaignsListAndSortByTheirName()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(demo::DemoDataWriter(scratch.db()).write({ 4, 5, 0, 5 }, nullptr));
    const QStringList metadata { QStringLiteral("{\"name\": \"beta\", \"owner\": \"kim\"}"),
        QStringLiteral("{\"name\": \"Alpha\"}"), QString(), QStringLiteral("{\"name\": 5}"),
        QStringLiteral("{\"name\": \"  Gamma launch\"}"), QStringLiteral("{}"),
        QString::fromUtf8("{\"name\": \"Ärger\"}"), QStringLiteral("{\"name\": \"alpha\"}") };
    QSqlQuery ids(scratch.db());
    QVERIFY(ids.exec(QStringLiteral("SELECT id FROM agency_campaigns ORDER BY id")));
    QStringList campaignIds;
    while (ids.next())
        campaignIds << ids.value(0).toString();
    QVERIFY(campaignIds.size() >= metadata.size());
    for (int i = 0; i < campaignIds.size(); ++i) {
        const QString& json = metadata.at(i % metadata.size());
        QVERIFY(test::execute(scratch.db(), QStringLiteral("UPDATE agency_campaigns SET metadata = ? WHERE id = ?"),
            { json.isEmpty() ? QVariant() : QVariant(json), campaignIds.at(i) }));
    }
    tables::CampaignModel campaigns(scratch.db());
    QAbstractItemModelTester tester(&campaigns, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int name = campaigns.fieldIndex(QStringLiteral("metadata"));
    QCOMPARE(campaigns.headerData(name, Qt::Horizontal).toString(), QStringLiteral("Name"));
    for (const Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
        campaigns.sort(name, order);
        QStringList shown;
        for (int row = 0; row < campaigns.rowCount(); ++row)
            shown << campaigns.data(campaigns.index(row, name)).toString();
        QCOMPARE(shown.size(), campaignIds.size());
        QVERIFY(!shown.contains(QStringLiteral("{}")) && !shown.join(QString()).contains(u'{')); // never the JSON
        QVERIFY(shown.contains(QStringLiteral("beta")));
        QStringList expected = shown;
        const QCollator language { QLocale(QLocale::English, QLocale::UnitedStates) };
        std::stable_sort(expected.begin(), expected.end(), [&](const QString& a, const QString& b) {
            const QString x = a.trimmed().toLower();
            const QString y = b.trimmed().toLower();
            if (x.isEmpty() != y.isEmpty()) // the unnamed last ascending, first descending
                return order == Qt::AscendingOrder ? y.isEmpty() : x.isEmpty();
            // In the order of the reader's language, on both databases ("ärger" between "alpha" and "beta"; byte
            // order put it after "gamma").
            return order == Qt::AscendingOrder ? language.compare(x, y) < 0 : language.compare(y, x) < 0;
        });
        QCOMPARE(shown, expected);
    }
}

void TestAgencyTableModel::sortAndSearchByShownNames()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(demo::DemoDataWriter(scratch.db()).write({ 8, 3, 1, 5 }, nullptr));
    tables::CampaignModel campaigns(scratch.db());
    const int client = campaigns.fieldIndex(QStringLiteral("client_id"));
    auto shownClients = [&]() {
        QStringList names;
        for (int row = 0; row < campaigns.rowCount(); ++row)
            names << campaigns.data(campaigns.index(row, client)).toString().toLower();
        return names;
    };
    campaigns.sort(client, Qt::DescendingOrder);
    QStringList names = shownClients();
    QVERIFY(names.size() > 10);
    QStringList sorted = names;
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    QCOMPARE(names, sorted);

    // A channel's campaign sorts by the label it shows, not by the hidden id.
    tables::ChannelModel channels(scratch.db());
    const int campaign = channels.fieldIndex(QStringLiteral("campaign_id"));
    channels.sort(campaign, Qt::AscendingOrder);
    QStringList labels;
    for (int row = 0; row < channels.rowCount(); ++row)
        labels << channels.data(channels.index(row, campaign)).toString().toLower();
    QVERIFY(labels.size() > 10);
    QStringList sortedLabels = labels;
    std::sort(sortedLabels.begin(), sortedLabels.end());
    QCOMPARE(labels, sortedLabels);

    // Search for a client's name that is in none of the campaign's own text columns (the demo's briefs name the
    // client, so it is renamed first).
    const QString clientId = campaigns.data(campaigns.index(0, client), Qt::EditRole).toString();
    QVERIFY(test::execute(scratch.db(),
        QStringLiteral("UPDATE agency_clients SET client_name = 'Nordlicht GmbH' WHERE id = ?"), { clientId }));
    campaigns.refresh();
    campaigns.setSearchText(QStringLiteral("nordLICHT"));
    QVERIFY(campaigns.rowCount() > 0);
    for (const QString& name : shownClients())
        QCOMPARE(name, QStringLiteral("nordlicht gmbh"));

    // The export of this view: same rows, same order.
    exporting::ExportRequest request;
    request.table = campaigns.tableName();
    request.filter = campaigns.rowFilter();
    request.sortColumn = QStringLiteral("client_id");
    request.sortOrder = Qt::DescendingOrder;
    request.columns = { QStringLiteral("id") };
    QBuffer csv;
    QVERIFY(csv.open(QIODevice::ReadWrite));
    exporting::TableExporter exporter(scratch.db());
    QVERIFY2(exporter.exportTable(request, &csv), qPrintable(exporter.lastError()));
    QStringList exported = QString::fromUtf8(csv.data()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    exported.removeFirst(); // the header
    QStringList shown;
    for (int row = 0; row < campaigns.rowCount(); ++row)
        shown << campaigns.idAt(row);
    QCOMPARE(exported, shown);

    // The same for the other shown names: clients by their SLA tier's name, channels found by their campaign's
    // client.
    tables::AgencyTableModel clients(tables::clientsSpec(), scratch.db());
    const int tier = clients.fieldIndex(QStringLiteral("sla_tier_id"));
    clients.sort(tier, Qt::AscendingOrder);
    QStringList tiers;
    for (int row = 0; row < clients.rowCount(); ++row) {
        if (!clients.data(clients.index(row, tier), Qt::EditRole).isNull())
            tiers << clients.data(clients.index(row, tier)).toString().toLower();
    }
    QVERIFY(QSet<QString>(tiers.cbegin(), tiers.cend()).size() > 1);
    QStringList sortedTiers = tiers;
    std::sort(sortedTiers.begin(), sortedTiers.end());
    QCOMPARE(tiers, sortedTiers);
    // A tier's name may also stand in a client's notes: one renamed to a word nothing else holds.
    QString tierId;
    for (int row = 0; row < clients.rowCount() && tierId.isEmpty(); ++row)
        tierId = clients.data(clients.index(row, tier), Qt::EditRole).toString();
    QVERIFY(!tierId.isEmpty());
    QVERIFY(test::execute(
        scratch.db(), QStringLiteral("UPDATE agency_sla_tiers SET name = 'Zephyr' WHERE id = ?"), { tierId }));
    clients.refresh();
    clients.setSearchText(QStringLiteral("zephyr"));
    QVERIFY(clients.rowCount() > 0);
    for (int row = 0; row < clients.rowCount(); ++row)
        QCOMPARE(clients.data(clients.index(row, tier), Qt::EditRole).toString(), tierId);

    // …and a search finds a channel by its campaign's name, which is in none of the channel's own columns.
    const QString named = channels.data(channels.index(0, campaign), Qt::EditRole).toString();
    QVERIFY(test::execute(scratch.db(),
        QStringLiteral("UPDATE agency_campaigns SET metadata = '{\"name\": \"Harbour Relaunch\"}' WHERE id = ?"),
        { named }));
    channels.setSearchText(QStringLiteral("harbour relaunch"));
    QVERIFY(channels.rowCount() > 0);
    for (int row = 0; row < channels.rowCount(); ++row)
        QCOMPARE(channels.data(channels.index(row, campaign), Qt::EditRole).toString(), named);
    channels.sort(campaign, Qt::AscendingOrder);
    channels.setSearchText(QStringLiteral("NORDLICHT"));
    QVERIFY(channels.rowCount() > 0);
    for (int row = 0; row < channels.rowCount(); ++row) {
        const QString campaignId = channels.data(channels.index(row, campaign), Qt::EditRole).toString();
        QCOMPARE(test::scalar(scratch.db(), QStringLiteral("SELECT client_id FROM agency_campaigns WHERE id = ?"),
                     { campaignId })
                     .toString(),
            clientId);
    }
}

void TestAgencyTableModel::modelsPassTheModelTester()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(demo::DemoDataWriter(scratch.db()).write({ 4, 3, 3, 4 }, nullptr));
    using Load = tables::AgencyTableModel::Load;
    // The pages' models (read when shown) and the detail lists (read once narrowed), each watched from before its
    // first read, through pages of 5 rows: select, scrolling to the end, new rows, edits, sort, search, save.
    tables::AgencyTableModel tiers(tables::slaTiersSpec(), scratch.db(), nullptr, Load::OnDemand);
    tables::AgencyTableModel clients(tables::clientsSpec(), scratch.db(), nullptr, Load::OnDemand);
    tables::CampaignModel campaigns(scratch.db(), nullptr, Load::OnDemand);
    tables::ChannelModel channels(scratch.db(), nullptr, Load::OnDemand);
    tables::CampaignModel clientCampaigns(scratch.db(), nullptr, Load::Later);
    tables::ChannelModel campaignChannels(scratch.db(), nullptr, Load::Later);
    const QList<tables::AgencyTableModel*> models { &tiers, &clients, &campaigns, &channels, &clientCampaigns,
        &campaignChannels };
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    for (tables::AgencyTableModel* model : models) {
        testers.push_back(
            std::make_unique<QAbstractItemModelTester>(model, QAbstractItemModelTester::FailureReportingMode::QtTest));
        model->setPageSize(5);
    }
    for (tables::AgencyTableModel* model : models.first(4)) {
        QVERIFY(model->select());
        QVERIFY(model->rowCount() > 0);
        QCOMPARE(model->canFetchMore(), model->rowCount() < model->totalRows());
        while (model->canFetchMore())
            model->fetchMore();
        QCOMPARE(model->rowCount(), model->totalRows());
    }
    QCOMPARE(clientCampaigns.rowCount(), 0); // not narrowed yet: nothing read
    clientCampaigns.setParentFilter(clients.idAt(0));
    QVERIFY(clientCampaigns.rowCount() > 0);
    campaignChannels.setParentFilter(campaigns.idAt(0));
    QVERIFY(campaignChannels.rowCount() > 0);

    const QString firstBefore = clients.idAt(0);
    QCOMPARE(clients.insertNewRow(), 0);
    QCOMPARE(clients.idAt(1), firstBefore);
    setCell(clients, 0, "client_name", QStringLiteral("Initech"));
    QVERIFY(setCell(clients, clients.rowCount() - 1, "industry", QStringLiteral("Paper")));
    clients.sort(clients.fieldIndex(QStringLiteral("client_name")), Qt::DescendingOrder);
    clients.setSearchText(QStringLiteral("i"));
    clients.setShowDeleted(true);
    clients.revertRow(0); // the new row goes
    clients.insertNewRow();
    setCell(clients, 0, "client_name", QStringLiteral("Initrode"));
    QVERIFY2(clients.save(), qPrintable(clients.lastMessage()));
    channels.insertNewRow();
    channels.discardChanges();
    campaignChannels.setParentFilter(campaigns.idAt(1));
}

void TestAgencyTableModel::insertRoundTripsEveryColumn()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Seed s = seed(scratch.db());

    tables::CampaignModel model(scratch.db());
    const int row = model.insertNewRow();
    QCOMPARE(row, 0);
    const QString id = model.idAt(row);
    QVERIFY(!QUuid::fromString(id).isNull());
    QCOMPARE(QUuid::fromString(id).version(), QUuid::Random);
    QCOMPARE(id, id.toLower());

    const QVariantMap typed {
        { "plane_project_id", QStringLiteral("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa") },
        { "client_id", s.otherClient },
        { "campaign_type", QStringLiteral("seo") },
        { "budget_allocated", QStringLiteral("9999999999.99") },
        { "budget_spent", QStringLiteral("0.01") },
        { "start_date", QDate(2026, 3, 1) },
        { "end_date", QDate(2026, 9, 30) },
        { "status", QStringLiteral("paused") },
        { "target_kpis", QStringLiteral("{\"clicks\": 2500, \"cpa\": 40}") },
        { "actual_kpis", QStringLiteral("{}") },
        { "campaign_brief", QString::fromUtf8("Brief with ünïcødé, \"quotes\" and\nnew lines") },
        { "metadata", QStringLiteral("{\"name\": \"Spring launch\"}") },
    };
    for (auto it = typed.cbegin(); it != typed.cend(); ++it)
        QVERIFY2(setCell(model, row, qPrintable(it.key()), it.value()), qPrintable(it.key()));
    QVERIFY2(model.save(), qPrintable(model.lastMessage()));
    QVERIFY(!model.hasPendingChanges());

    const QVariantMap stored = readRow(scratch.db(), tables::campaignsSpec(), id);
    QCOMPARE(stored.value("id").toString(), id);
    QCOMPARE(stored.value("plane_project_id").toString(), typed.value("plane_project_id").toString());
    QCOMPARE(stored.value("client_id").toString(), s.otherClient);
    QCOMPARE(stored.value("campaign_type").toString(), QStringLiteral("seo"));
    QCOMPARE(stored.value("budget_allocated").toString(), QStringLiteral("9999999999.99"));
    QCOMPARE(stored.value("budget_spent").toString(), QStringLiteral("0.01"));
    QCOMPARE(stored.value("start_date").toDate(), QDate(2026, 3, 1));
    QCOMPARE(stored.value("end_date").toDate(), QDate(2026, 9, 30));
    QCOMPARE(stored.value("status").toString(), QStringLiteral("paused"));
    // jsonb keeps objects, not their key order or spacing: compare as JSON.
    auto json = [](const QVariant& v) { return QJsonDocument::fromJson(v.toString().toUtf8()).object(); };
    QCOMPARE(json(stored.value("target_kpis")), (QJsonObject { { "clicks", 2500 }, { "cpa", 40 } }));
    QCOMPARE(stored.value("actual_kpis").toString(), QStringLiteral("{}"));
    QCOMPARE(stored.value("campaign_brief").toString(), typed.value("campaign_brief").toString());
    QVERIFY(stored.value("internal_notes").isNull()); // never typed: NULL, not ""
    QCOMPARE(json(stored.value("metadata")), (QJsonObject { { "name", "Spring launch" } }));
    QVERIFY(stored.value("created_at").toDateTime().isValid());
    QVERIFY(stored.value("updated_at").toDateTime().isValid());
    QVERIFY(stored.value("deleted_at").isNull());

    // The model, reselected, shows exactly what the database holds.
    const int again = model.rowOfId(id);
    QVERIFY(again >= 0);
    QCOMPARE(model.rowValues(again).value("budget_allocated").toString(), QStringLiteral("9999999999.99"));
    QCOMPARE(model.data(model.index(again, model.fieldIndex(QStringLiteral("budget_allocated")))).toString(),
        QLocale().toString(9999999999LL) + QLocale().decimalPoint() + QStringLiteral("99"));
}

void TestAgencyTableModel::editRoundTripsAndNullStaysNull()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Seed s = seed(scratch.db());
    tables::ChannelModel model(scratch.db());
    const int row = model.rowOfId(s.channelA);
    QVERIFY(row >= 0);
    QVERIFY(model.valueAt(row, QStringLiteral("budget_amount")).isNull());
    QVERIFY(setCell(model, row, "budget_percentage", QStringLiteral("12.5")));
    QVERIFY(setCell(model, row, "notes", QStringLiteral("  leading and trailing  ")));
    QVERIFY(model.setData(
        model.index(row, model.fieldIndex(QStringLiteral("is_active"))), Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY2(model.save(), qPrintable(model.lastMessage()));

    const QVariantMap stored = readRow(scratch.db(), tables::channelsSpec(), s.channelA);
    QCOMPARE(stored.value("budget_percentage").toString(), QStringLiteral("12.50"));
    QVERIFY(stored.value("budget_amount").isNull());
    QVERIFY(stored.value("performance_data").isNull());
    QCOMPARE(stored.value("notes").toString(), QStringLiteral("  leading and trailing  "));
    QCOMPARE(stored.value("is_active").toBool(), false);

    // Clearing a value writes NULL, not zero or "".
    const int again = model.rowOfId(s.channelA);
    QVERIFY(setCell(model, again, "budget_percentage", QVariant()));
    QVERIFY(setCell(model, again, "notes", QString()));
    QVERIFY2(model.save(), qPrintable(model.lastMessage()));
    const QVariantMap cleared = readRow(scratch.db(), tables::channelsSpec(), s.channelA);
    QVERIFY(cleared.value("budget_percentage").isNull());
    QVERIFY(cleared.value("notes").isNull());
    QVERIFY(cleared.value("updated_at").toDateTime() > stored.value("updated_at").toDateTime());
}

void TestAgencyTableModel::invalidRowIsNotWrittenAndInputStays()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Seed s = seed(scratch.db());
    tables::CampaignModel model(scratch.db());
    const int row = model.rowOfId(s.campaign);
    QVERIFY(setCell(model, row, "target_kpis", QStringLiteral("{\"clicks\": \"lots\"}")));
    QVERIFY(setCell(model, row, "end_date", QDate(2025, 12, 31)));
    QVERIFY(setCell(model, row, "budget_spent", QStringLiteral("-3.00")));
    QVERIFY(setCell(model, row, "status", QStringLiteral("finished")));
    QVERIFY(setCell(model, row, "campaign_type", QStringLiteral("   ")));
    const int fresh = model.insertNewRow(); // no client: required
    Q_UNUSED(fresh)
    const auto before = readRow(scratch.db(), tables::campaignsSpec(), s.campaign);

    QVERIFY(!model.save());
    QStringList columns;
    for (const auto& problem : model.problems())
        columns << problem.column;
    columns.sort();
    QCOMPARE(
        columns, (QStringList { "budget_spent", "campaign_type", "client_id", "end_date", "status", "target_kpis" }));
    for (const auto& problem : model.problems())
        QVERIFY2(!problem.message.isEmpty(), qPrintable(problem.column));
    QVERIFY(model.lastMessage().contains(QStringLiteral("'clicks' must be a number")));
    QCOMPARE(readRow(scratch.db(), tables::campaignsSpec(), s.campaign), before);
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_campaigns")).toInt(), 1);

    // What the user typed is all still there, and the cell says what is wrong.
    const int now = model.rowOfId(s.campaign);
    QCOMPARE(model.valueAt(now, QStringLiteral("status")).toString(), QStringLiteral("finished"));
    QCOMPARE(model.valueAt(now, QStringLiteral("end_date")).toDate(), QDate(2025, 12, 31));
    QVERIFY(
        model
            .data(model.index(now, model.fieldIndex(QStringLiteral("end_date"))), tables::AgencyTableModel::ProblemRole)
            .toString()
            .contains(QStringLiteral("before")));
    QVERIFY(model.hasPendingChanges());
}

void TestAgencyTableModel::overAllocationIsRefusedWithFigures()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Seed s = seed(scratch.db()); // 10,000 budget: 40 % (4,000) + 2,500 fixed = 6,500
    tables::ChannelModel model(scratch.db());
    model.setParentFilter(s.campaign);
    QCOMPARE(model.rowCount(), 2);
    const int row = model.insertNewRow();
    QCOMPARE(model.valueAt(row, QStringLiteral("campaign_id")).toString(), s.campaign);
    QVERIFY(setCell(model, row, "channel_type", QStringLiteral("linkedin")));
    QVERIFY(setCell(model, row, "budget_amount", QStringLiteral("3500.01")));
    const auto split = model.liveSplit(s.campaign);
    QVERIFY(split && split->isOverAllocated());
    QCOMPARE(split->overAllocation.cents(), 1);
    QVERIFY(!model.save());
    QVERIFY2(model.lastMessage().contains(QStringLiteral("0.01")), qPrintable(model.lastMessage()));
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_campaign_channels")).toInt(), 2);
    // Exactly full is fine.
    QVERIFY(setCell(model, model.rowOfId(model.pendingIds().constFirst()), "budget_amount", QStringLiteral("3500.00")));
    QVERIFY2(model.save(), qPrintable(model.lastMessage()));

    // Lowering the campaign's budget under its channels is refused too.
    tables::CampaignModel campaigns(scratch.db());
    QVERIFY(setCell(campaigns, campaigns.rowOfId(s.campaign), "budget_allocated", QStringLiteral("9000.00")));
    QVERIFY(!campaigns.save());
    QCOMPARE(campaigns.problems().constFirst().column, QStringLiteral("budget_allocated"));
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT budget_allocated FROM agency_campaigns")).toString(),
        QStringLiteral("10000.00"));
}

void TestAgencyTableModel::failedSaveWritesNothingAndKeepsEdits()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Seed s = seed(scratch.db());
    tables::AgencyTableModel model(tables::clientsSpec(), scratch.db());
    // Two good edits and a third that only the database refuses (a tier id that passes validation but does not exist).
    QVERIFY(setCell(model, model.rowOfId(s.client), "industry", QStringLiteral("Retail")));
    const int fresh = model.insertNewRow();
    QVERIFY(setCell(model, fresh, "client_name", QStringLiteral("Initech")));
    QVERIFY(setCell(
        model, model.rowOfId(s.otherClient), "sla_tier_id", QStringLiteral("00000000-0000-4000-8000-000000000000")));
    QVERIFY(!model.save());
    QVERIFY(!model.lastMessage().isEmpty());
    QVERIFY(scalar(scratch.db(), QStringLiteral("SELECT industry FROM agency_clients WHERE id = ?"), { s.client })
                .isNull());
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_clients")).toInt(), 2);
    QCOMPARE(model.pendingIds().size(), 3);
    QCOMPARE(model.valueAt(model.rowOfId(s.client), QStringLiteral("industry")).toString(), QStringLiteral("Retail"));

    // Fix the bad one; the rest goes in with it.
    QVERIFY(setCell(model, model.rowOfId(s.otherClient), "sla_tier_id", s.tier));
    QVERIFY2(model.save(), qPrintable(model.lastMessage()));
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_clients")).toInt(), 3);
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT industry FROM agency_clients WHERE id = ?"), { s.client })
                 .toString(),
        QStringLiteral("Retail"));
}

void TestAgencyTableModel::editsSurviveRefreshAndFilter()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Seed s = seed(scratch.db());
    tables::AgencyTableModel model(tables::clientsSpec(), scratch.db());
    QVERIFY(setCell(model, model.rowOfId(s.client), "industry", QStringLiteral("Retail")));
    const int fresh = model.insertNewRow();
    const QString freshId = model.idAt(fresh);
    QVERIFY(setCell(model, fresh, "client_name", QStringLiteral("Initech")));

    model.sort(model.fieldIndex(QStringLiteral("client_name")), Qt::DescendingOrder); // a server-side re-select
    QCOMPARE(model.valueAt(model.rowOfId(s.client), QStringLiteral("industry")).toString(), QStringLiteral("Retail"));
    QCOMPARE(
        model.valueAt(model.rowOfId(freshId), QStringLiteral("client_name")).toString(), QStringLiteral("Initech"));

    model.setSearchText(QStringLiteral("globex")); // hides the edited row
    QCOMPARE(model.rowOfId(s.client), -1);
    QVERIFY2(model.save(), qPrintable(model.lastMessage()));
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT industry FROM agency_clients WHERE id = ?"), { s.client })
                 .toString(),
        QStringLiteral("Retail"));
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT client_name FROM agency_clients WHERE id = ?"), { freshId })
                 .toString(),
        QStringLiteral("Initech"));
}

void TestAgencyTableModel::softDeleteCascadesAndRestoresExactly()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Seed s = seed(scratch.db());
    QSqlDatabase db = scratch.db();
    // channelB was deleted on its own earlier: restoring the client must not bring it back.
    QVERIFY(execute(db,
        QStringLiteral("UPDATE agency_campaign_channels SET deleted_at = %1 WHERE id = ?")
            .arg(scratch.isPostgres() ? QStringLiteral("'2025-01-01T00:00:00Z'")
                                      : QStringLiteral("'2025-01-01T00:00:00.000Z'")),
        { s.channelB }));

    tables::AgencyTableModel clients(tables::clientsSpec(), db);
    QVERIFY2(clients.softDelete({ s.client }), qPrintable(clients.lastMessage()));
    QCOMPARE(clients.rowOfId(s.client), -1);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM agency_clients WHERE deleted_at IS NULL")).toInt(), 1);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM agency_campaigns WHERE deleted_at IS NULL")).toInt(), 0);
    QCOMPARE(
        scalar(db, QStringLiteral("SELECT count(*) FROM agency_campaign_channels WHERE deleted_at IS NULL")).toInt(),
        0);
    // One instant for the whole cascade.
    QCOMPARE(
        scalar(db,
            QStringLiteral("SELECT count(DISTINCT deleted_at) FROM (SELECT deleted_at FROM agency_clients WHERE id = ? "
                           "UNION ALL SELECT deleted_at FROM agency_campaigns UNION ALL SELECT deleted_at FROM "
                           "agency_campaign_channels WHERE id = ?) x"),
            { s.client, s.channelA })
            .toInt(),
        1);

    // A campaign of a deleted client cannot come back alone.
    tables::CampaignModel campaigns(db);
    QVERIFY(!campaigns.restore({ s.campaign }));
    QVERIFY2(campaigns.lastMessage().contains(QStringLiteral("Acme")), qPrintable(campaigns.lastMessage()));
    // Nor a channel of a deleted campaign.
    tables::ChannelModel channels(db);
    QVERIFY(!channels.restore({ s.channelA }));
    QVERIFY2(
        channels.lastMessage().contains(QStringLiteral("campaign is deleted")), qPrintable(channels.lastMessage()));
    QVERIFY(!scalar(db, QStringLiteral("SELECT deleted_at FROM agency_campaign_channels WHERE id = ?"), { s.channelA })
                 .isNull());

    clients.setShowDeleted(true);
    const int row = clients.rowOfId(s.client);
    QVERIFY(row >= 0);
    QVERIFY(clients.data(clients.index(row, 0), tables::AgencyTableModel::IsDeletedRole).toBool());
    QVERIFY2(clients.restore({ s.client }), qPrintable(clients.lastMessage()));
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM agency_clients WHERE deleted_at IS NULL")).toInt(), 2);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM agency_campaigns WHERE deleted_at IS NULL")).toInt(), 1);
    QVERIFY(scalar(db, QStringLiteral("SELECT deleted_at FROM agency_campaign_channels WHERE id = ?"), { s.channelA })
                .isNull());
    QVERIFY(!scalar(db, QStringLiteral("SELECT deleted_at FROM agency_campaign_channels WHERE id = ?"), { s.channelB })
                 .isNull());
}

void TestAgencyTableModel::tierInUseCannotBeDeleted()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Seed s = seed(scratch.db());
    tables::AgencyTableModel tiers(tables::slaTiersSpec(), scratch.db());
    QVERIFY(!tiers.softDelete({ s.tier }));
    QVERIFY2(tiers.lastMessage().contains(QStringLiteral("Gold"))
            && tiers.lastMessage().contains(QStringLiteral("1 live client")),
        qPrintable(tiers.lastMessage()));
    QVERIFY(scalar(scratch.db(), QStringLiteral("SELECT deleted_at FROM agency_sla_tiers")).isNull());
    // Once its client is gone it may go.
    tables::AgencyTableModel clients(tables::clientsSpec(), scratch.db());
    QVERIFY(clients.softDelete({ s.client }));
    QVERIFY2(tiers.softDelete({ s.tier }), qPrintable(tiers.lastMessage()));
}

void TestAgencyTableModel::concurrentChangeIsDetected_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("resolution");
    for (const char* backend : { "sqlite", "postgresql" }) {
        for (const char* resolution : { "keep mine", "take theirs", "merge" })
            QTest::newRow(qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(backend), QLatin1String(resolution))))
                << QString::fromLatin1(backend) << QString::fromLatin1(resolution);
    }
}

void TestAgencyTableModel::concurrentChangeIsDetected()
{
    QFETCH(QString, backend);
    QFETCH(QString, resolution);
    AGENCY_SCRATCH(scratch, backend);
    QVERIFY(scratch.migrate());
    const Seed s = seed(scratch.db());
    tables::CampaignModel mine(scratch.db());
    QVERIFY(setCell(mine, mine.rowOfId(s.campaign), "budget_spent", QStringLiteral("100.00")));
    QVERIFY(setCell(mine, mine.rowOfId(s.campaign), "campaign_brief", QStringLiteral("my brief")));

    // Another desktop saves first, on its own connection.
    QSqlDatabase other = scratch.openAnother(QStringLiteral("other"));
    QVERIFY(execute(other,
        QStringLiteral("UPDATE agency_campaigns SET budget_spent = '200.00', status = 'paused' WHERE id = ?"),
        { s.campaign }));

    QSignalSpy spy(&mine, &tables::AgencyTableModel::conflictDetected);
    QVERIFY(!mine.save());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), s.campaign);
    const auto conflicts = mine.conflicts();
    QCOMPARE(conflicts.size(), 1);
    const auto& c = conflicts.constFirst();
    // Who saved first, from the history: on PostgreSQL the other connection is this app's (its person); SQLite's
    // plain statement came from no Agency OS connection that said who it was, so the message says where instead.
    if (scratch.isPostgres()) {
        QCOMPARE(c.changedBy, db::changePerson());
        QCOMPARE(c.changedVia, QStringLiteral("app"));
        QVERIFY2(mine.lastMessage().contains(QStringLiteral("changed by %1").arg(db::changePerson())),
            qPrintable(mine.lastMessage()));
    } else {
        QVERIFY(c.changedBy.isEmpty());
        QCOMPARE(c.changedVia, QStringLiteral("other"));
        QVERIFY2(mine.lastMessage().contains(QStringLiteral("on another desktop")), qPrintable(mine.lastMessage()));
    }
    QVERIFY(!c.deletedElsewhere);
    QCOMPARE(c.mine.value("budget_spent").toString(), QStringLiteral("100.00"));
    QCOMPARE(c.theirs.value("budget_spent").toString(), QStringLiteral("200.00"));
    QCOMPARE(c.original.value("budget_spent").toString(), QStringLiteral("12000.50"));
    QVERIFY(c.changedByThem.contains(QStringLiteral("status")));
    // Nothing was overwritten, and nothing typed is lost.
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT budget_spent FROM agency_campaigns")).toString(),
        QStringLiteral("200.00"));
    QCOMPARE(
        mine.valueAt(mine.rowOfId(s.campaign), QStringLiteral("budget_spent")).toString(), QStringLiteral("100.00"));
    // Without a decision, saving again is refused again.
    QVERIFY(!mine.save());

    const QString stored = QStringLiteral("SELECT budget_spent FROM agency_campaigns");
    if (resolution == QStringLiteral("keep mine")) {
        QVERIFY(mine.keepMine(s.campaign));
        QVERIFY2(mine.save(), qPrintable(mine.lastMessage()));
        QCOMPARE(scalar(scratch.db(), stored).toString(), QStringLiteral("100.00"));
        QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT status FROM agency_campaigns")).toString(),
            QStringLiteral("paused"));
    } else if (resolution == QStringLiteral("take theirs")) {
        QVERIFY(mine.takeTheirs(s.campaign));
        QVERIFY(!mine.hasPendingChanges());
        QCOMPARE(mine.valueAt(mine.rowOfId(s.campaign), QStringLiteral("budget_spent")).toString(),
            QStringLiteral("200.00"));
        QVERIFY(scalar(scratch.db(), QStringLiteral("SELECT campaign_brief FROM agency_campaigns")).isNull());
    } else {
        QVERIFY(mine.merge(s.campaign, { QStringLiteral("budget_spent") }));
        QVERIFY2(mine.save(), qPrintable(mine.lastMessage()));
        QCOMPARE(scalar(scratch.db(), stored).toString(), QStringLiteral("200.00"));
        QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT campaign_brief FROM agency_campaigns")).toString(),
            QStringLiteral("my brief"));
    }
}

void TestAgencyTableModel::genericCallersGoThroughTheJournal()
{
    // A caller that knows only Qt's model interface (a view, a delegate, a QDataWidgetMapper) reaches the same journal
    // and the same conflict check as the app's own forms: there is no member that writes around them.
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Seed s = seed(scratch.db());
    tables::CampaignModel campaigns(scratch.db());
    QAbstractItemModelTester tester(&campaigns, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModel* generic = &campaigns;
    const int row = campaigns.rowOfId(s.campaign);
    const int spent = campaigns.fieldIndex(QStringLiteral("budget_spent"));
    const QString stored = QStringLiteral("SELECT budget_spent FROM agency_campaigns WHERE id = ?");

    QVERIFY(generic->setData(generic->index(row, spent), QStringLiteral("100.00")));
    QVERIFY(generic->submit()); // what a view calls when an editor closes: it writes nothing
    QCOMPARE(scalar(scratch.db(), stored, { s.campaign }).toString(), QStringLiteral("12000.50"));
    QVERIFY(campaigns.pendingIds().contains(s.campaign));

    // A row added the generic way is a new row of the journal, with its own id; nothing is written yet.
    const qint64 before = scalar(scratch.db(), QStringLiteral("SELECT COUNT(*) FROM agency_campaigns")).toLongLong();
    QVERIFY(generic->insertRows(0, 1));
    QVERIFY(!QUuid::fromString(campaigns.idAt(0)).isNull());
    QVERIFY(campaigns.pendingIds().contains(campaigns.idAt(0)));
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT COUNT(*) FROM agency_campaigns")).toLongLong(), before);
    // Rows are never removed the generic way: deleting is soft, and undoable.
    QVERIFY(!generic->removeRows(1, 1));
    QVERIFY(campaigns.lastMessage().contains(QStringLiteral("softly")));
    campaigns.revertRow(0);
    QCOMPARE(campaigns.rowOfId(s.campaign), row);

    // Another desktop saves the same row first: the edit made the generic way meets the conflict check.
    QVERIFY(execute(scratch.openAnother(QStringLiteral("other")),
        QStringLiteral("UPDATE agency_campaigns SET budget_spent = '200.00' WHERE id = ?"), { s.campaign }));
    QVERIFY(!campaigns.save());
    QCOMPARE(campaigns.conflicts().size(), 1);
    QCOMPARE(scalar(scratch.db(), stored, { s.campaign }).toString(), QStringLiteral("200.00"));
    QCOMPARE(generic->data(generic->index(campaigns.rowOfId(s.campaign), spent), Qt::EditRole).toString(),
        QStringLiteral("100.00"));
}

void TestAgencyTableModel::concurrentDeleteIsDetected()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Seed s = seed(scratch.db());
    tables::AgencyTableModel mine(tables::clientsSpec(), scratch.db());
    QVERIFY(setCell(mine, mine.rowOfId(s.otherClient), "industry", QStringLiteral("Energy")));
    QSqlDatabase other = scratch.openAnother(QStringLiteral("other"));
    QString error;
    QVERIFY2(tables::softDelete(other, QStringLiteral("agency_clients"), { s.otherClient }, &error), qPrintable(error));
    mine.select(); // e.g. a NOTIFY refresh: the row leaves the view, the edit stays in the journal
    QVERIFY(mine.hasPendingChanges());
    QVERIFY(!mine.save());
    QCOMPARE(mine.conflicts().size(), 1);
    QVERIFY(mine.conflicts().constFirst().deletedElsewhere);
    QVERIFY(scalar(scratch.db(), QStringLiteral("SELECT industry FROM agency_clients WHERE id = ?"), { s.otherClient })
                .isNull());
}

void TestAgencyTableModel::searchIsLiteralAndHarmless_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("found");
    // Issue 12.11: "postgresql-legacy" is a session with standard_conforming_strings off, where '\\' in a literal is an
    // escape: the search may not depend on that setting.
    for (const char* backend : { "sqlite", "postgresql", "postgresql-legacy" }) {
        const QString b = QString::fromLatin1(backend);
        QTest::newRow(qPrintable(b + QStringLiteral(": injection")))
            << b << "'; DROP TABLE agency_clients; --" << QStringList {};
        QTest::newRow(qPrintable(b + QStringLiteral(": quote or true"))) << b << "x' OR '1'='1" << QStringList {};
        QTest::newRow(qPrintable(b + QStringLiteral(": percent is literal"))) << b << "50%" << QStringList { "Globex" };
        QTest::newRow(qPrintable(b + QStringLiteral(": underscore is literal")))
            << b << "off_sale" << QStringList { "Globex" };
        QTest::newRow(qPrintable(b + QStringLiteral(": lone underscore"))) << b << "_" << QStringList { "Globex" };
        QTest::newRow(qPrintable(b + QStringLiteral(": backslash"))) << b << "\\o/" << QStringList { "Globex" };
        QTest::newRow(qPrintable(b + QStringLiteral(": all three"))) << b << "%_\\" << QStringList {};
        QTest::newRow(qPrintable(b + QStringLiteral(": escape mark"))) << b << "!" << QStringList {};
        QTest::newRow(qPrintable(b + QStringLiteral(": three, through the index")))
            << b << "\\o/" << QStringList { "Globex" };
        QTest::newRow(qPrintable(b + QStringLiteral(": escape mark after text"))) << b << "o/!" << QStringList {};
        QTest::newRow(qPrintable(b + QStringLiteral(": case-insensitive"))) << b << "ACME" << QStringList { "Acme" };
        QTest::newRow(qPrintable(b + QStringLiteral(": type column"))) << b << "retain" << QStringList { "Acme" };
    }
}

void TestAgencyTableModel::searchIsLiteralAndHarmless()
{
    QFETCH(QString, backend);
    QFETCH(QString, text);
    QFETCH(QStringList, found);
    const bool legacy = backend.endsWith(QStringLiteral("-legacy"));
    AGENCY_SCRATCH(scratch, legacy ? QStringLiteral("postgresql") : backend);
    QVERIFY(scratch.migrate());
    seed(scratch.db());
    if (legacy) {
        QVERIFY(execute(scratch.db(), QStringLiteral("SET standard_conforming_strings = off")));
        QCOMPARE(
            scalar(scratch.db(), QStringLiteral("SELECT current_setting('standard_conforming_strings')")).toString(),
            QStringLiteral("off"));
    }
    tables::AgencyTableModel model(tables::clientsSpec(), scratch.db());
    model.setSearchText(text);
    QVERIFY2(!model.lastError().isValid(), qPrintable(model.lastError().text()));
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.valueAt(row, QStringLiteral("client_name")).toString();
    QCOMPARE(names, found);
    QCOMPARE(scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_clients")).toInt(), 2);
}

// The search index (migration 0003) is kept by the database, not by the app: a row saved from the window, one changed
// with plain SQL (another tool), a soft delete, a restore and a hard delete are all found, or no longer found, by a
// search of three characters or more (through the index) exactly as by a shorter one (which reads the columns).
void TestAgencyTableModel::searchIndexFollowsEveryWrite()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    seed(scratch.db());
    tables::AgencyTableModel model(tables::clientsSpec(), scratch.db());
    auto found = [&](const QString& text) {
        model.setSearchText(text);
        model.select(); // read again when the text is the same as before
        QStringList names;
        for (int row = 0; row < model.rowCount(); ++row)
            names << model.valueAt(row, QStringLiteral("client_name")).toString();
        return names;
    };
    const int row = model.insertNewRow();
    const QString id = model.idAt(row);
    QVERIFY(setCell(model, row, "client_name", QStringLiteral("Zephyr Logistik")));
    QVERIFY(
        setCell(model, row, "billing_contact_address", QString::fromUtf8("Kaiserkai 7, Hamburg, Lüneburger Straße")));
    QVERIFY2(model.save(), qPrintable(model.lastMessage()));
    QCOMPARE(found(QStringLiteral("KAISERKAI")), QStringList { "Zephyr Logistik" });
    QCOMPARE(found(QStringLiteral("phyr log")), QStringList { "Zephyr Logistik" });
    QCOMPARE(found(QStringLiteral("r l")), QStringList { "Zephyr Logistik" });
    QCOMPARE(found(QStringLiteral("hamburg zephyr")), QStringList {}); // within one column, never across two
    if (!scratch.isPostgres()) // the trigram index folds case beyond ASCII too (SQLite's LIKE does not)
        QCOMPARE(found(QString::fromUtf8("LÜNEBURGER")), QStringList { "Zephyr Logistik" });

    // Renamed by another tool: the old name is gone from the index, the new one is in it.
    QVERIFY(execute(
        scratch.db(), QStringLiteral("UPDATE agency_clients SET client_name = 'Boreas Freight' WHERE id = ?"), { id }));
    QCOMPARE(found(QStringLiteral("zephyr")), QStringList {});
    QCOMPARE(found(QStringLiteral("boreas")), QStringList { "Boreas Freight" });
    // Deleted and restored: a soft delete hides the row from a search like from the table, a restore shows it again.
    QVERIFY2(model.softDelete({ id }), qPrintable(model.lastMessage()));
    QCOMPARE(found(QStringLiteral("boreas")), QStringList {});
    model.setShowDeleted(true);
    QCOMPARE(found(QStringLiteral("boreas")), QStringList { "Boreas Freight" });
    QVERIFY2(model.restore({ id }), qPrintable(model.lastMessage()));
    model.setShowDeleted(false);
    QCOMPARE(found(QStringLiteral("boreas")), QStringList { "Boreas Freight" });
    QVERIFY(execute(scratch.db(), QStringLiteral("DELETE FROM agency_clients WHERE id = ?"), { id }));
    QCOMPARE(found(QStringLiteral("boreas")), QStringList {});
    QCOMPARE(found(QStringLiteral("acme")), QStringList { "Acme" });
    if (!scratch.isPostgres()) { // the index holds exactly what the table holds
        QSqlQuery check(scratch.db());
        QVERIFY2(check.exec(QStringLiteral(
                     "INSERT INTO agency_clients_search (agency_clients_search, rank) VALUES ('integrity-check', 1)")),
            qPrintable(check.lastError().text()));
    }
}

void TestAgencyTableModel::lookupsShowNames()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Seed s = seed(scratch.db());
    tables::AgencyTableModel clients(tables::clientsSpec(), scratch.db());
    QCOMPARE(clients.data(clients.index(clients.rowOfId(s.client), clients.fieldIndex(QStringLiteral("sla_tier_id"))))
                 .toString(),
        QStringLiteral("Gold"));
    QCOMPARE(clients
                 .data(clients.index(clients.rowOfId(s.client), clients.fieldIndex(QStringLiteral("sla_tier_id"))),
                     Qt::EditRole)
                 .toString(),
        s.tier);
    tables::ChannelModel channels(scratch.db());
    QCOMPARE(
        channels.data(channels.index(channels.rowOfId(s.channelA), channels.fieldIndex(QStringLiteral("campaign_id"))))
            .toString(),
        QString::fromUtf8("Acme · ppc · 2026-01-01"));
    tables::CampaignModel campaigns(scratch.db());
    QCOMPARE(campaigns.data(campaigns.index(0, campaigns.fieldIndex(QStringLiteral("client_id")))).toString(),
        QStringLiteral("Acme"));
    QVERIFY(campaigns.isOverspent(0));
    QCOMPARE(campaigns.headerData(campaigns.fieldIndex(QStringLiteral("budget_allocated")), Qt::Horizontal).toString(),
        QStringLiteral("Budget allocated"));
}

void TestAgencyTableModel::everyColumnOfEveryTableRoundTrips_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("table");
    for (const char* backend : { "sqlite", "postgresql" }) {
        for (const char* table :
            { "agency_sla_tiers", "agency_clients", "agency_campaigns", "agency_campaign_channels" })
            QTest::newRow(qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(backend), QLatin1String(table))))
                << QString::fromLatin1(backend) << QString::fromLatin1(table);
    }
}

void TestAgencyTableModel::everyColumnOfEveryTableRoundTrips()
{
    QFETCH(QString, backend);
    QFETCH(QString, table);
    AGENCY_SCRATCH(scratch, backend);
    QVERIFY(scratch.migrate());
    const Seed s = seed(scratch.db());
    const tables::TableSpec& spec = *tables::specFor(table);
    std::unique_ptr<tables::AgencyTableModel> model;
    if (table == QStringLiteral("agency_sla_tiers"))
        model = std::make_unique<tables::AgencyTableModel>(tables::slaTiersSpec(), scratch.db());
    else if (table == QStringLiteral("agency_clients"))
        model = std::make_unique<tables::AgencyTableModel>(tables::clientsSpec(), scratch.db());
    else if (table == QStringLiteral("agency_campaigns"))
        model = std::make_unique<tables::CampaignModel>(scratch.db());
    else
        model = std::make_unique<tables::ChannelModel>(scratch.db());

    // A value for every editable column, at the edge of what the column holds; every other column stays NULL.
    const int row = model->insertNewRow();
    const QString id = model->idAt(row);
    QVariantMap typed;
    int n = 0;
    for (const tables::ColumnSpec& column : spec.columns) {
        QVariant value;
        switch (column.kind) {
        case tables::ColumnKind::Reference:
            value = column.references == QStringLiteral("agency_sla_tiers") ? s.tier
                : column.references == QStringLiteral("agency_clients")     ? s.otherClient
                                                                            : s.campaign;
            break;
        case tables::ColumnKind::PlaneReference:
            value = QStringLiteral("0f0e0d0c-0b0a-4908-8706-050403020100");
            break;
        case tables::ColumnKind::Text:
            value
                = column.size ? QString(column.size, QChar(u'x' + (n % 2))) : QStringLiteral("ünï \"q\" ' \\ \n line");
            break;
        case tables::ColumnKind::Integer:
            value = 2147483647 - n;
            break;
        case tables::ColumnKind::Money:
            value = QString(column.size, u'9') + QStringLiteral(".99");
            break;
        case tables::ColumnKind::Percent:
            value = QStringLiteral("0.01");
            break;
        case tables::ColumnKind::Date:
            value = QDate(2030, 2, 28).addDays(n);
            break;
        case tables::ColumnKind::Boolean:
            value = false;
            break;
        case tables::ColumnKind::Choice:
            value = column.choices.constLast();
            break;
        case tables::ColumnKind::JsonObject:
            value = QStringLiteral("{\"a\":[1,2],\"b\":null}");
            break;
        case tables::ColumnKind::JsonArray:
            value = QStringLiteral("[\"x\",\"y\"]");
            break;
        case tables::ColumnKind::Kpis:
            value = QStringLiteral("{\"clicks\":12345678,\"ctr\":0.0123}");
            break;
        case tables::ColumnKind::Uuid:
        case tables::ColumnKind::Instant:
            continue;
        }
        if (column.name == QStringLiteral("contract_end_date") || column.name == QStringLiteral("end_date"))
            value = QDate(2031, 1, 1);
        if (column.name == QStringLiteral("budget_amount"))
            value = QStringLiteral("1.00"); // within its campaign's budget
        ++n;
        typed.insert(column.name, value);
        QVERIFY2(setCell(*model, row, qPrintable(column.name), value), qPrintable(column.name));
    }
    QVERIFY2(model->save(), qPrintable(model->lastMessage()));

    const QVariantMap stored = readRow(scratch.db(), spec, id);
    for (const tables::ColumnSpec& column : spec.columns) {
        const QVariant got = stored.value(column.name);
        if (column.kind == tables::ColumnKind::Uuid) {
            QCOMPARE(got.toString(), id);
        } else if (column.kind == tables::ColumnKind::Instant) {
            QCOMPARE(got.isNull(), column.name == QStringLiteral("deleted_at"));
        } else if (column.kind == tables::ColumnKind::JsonObject || column.kind == tables::ColumnKind::JsonArray
            || column.kind == tables::ColumnKind::Kpis) {
            QCOMPARE(QJsonDocument::fromJson(got.toString().toUtf8()),
                QJsonDocument::fromJson(typed.value(column.name).toString().toUtf8()));
        } else if (column.kind == tables::ColumnKind::Money || column.kind == tables::ColumnKind::Percent) {
            QCOMPARE(got.toString(), typed.value(column.name).toString()); // exact decimal text, no float on the way
        } else {
            QVERIFY2(got == typed.value(column.name) || got.toString() == typed.value(column.name).toString(),
                qPrintable(column.name + QStringLiteral(": ") + got.toString()));
        }
    }
}

QTEST_GUILESS_MAIN(TestAgencyTableModel)
#include "tst_agencytablemodel.moc"
