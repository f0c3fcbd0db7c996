// SPDX-License-Identifier: GPL-3.0-or-later
#include "db/database.h"
#include "db/localecollation.h"
#include "demo/demodata.h"
#include "domain/money.h"
#include "export/tableexport.h"
#include "support/scratchdatabase.h"
#include "tables/campaignmodel.h"
#include "tables/channelmodel.h"
#include "tables/keysetpager.h"
#include "tables/rowfilter.h"
#include "tables/tablespec.h"

#include <QBuffer>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>
#include <algorithm>

using namespace agency;

namespace {

// What a channel is sorted by in these tests, known to the test independently of any SQL: the key's rank (-1: NULL).
struct Expected {
    QString id;
    qint64 rank = -1;
};

const QString channels = QStringLiteral("agency_campaign_channels");

// The order people expect: NULL keys after all others ascending, before them descending; ties by id, in the same
// direction (uuids compare as their lower-case text on both backends).
QStringList expectedOrder(QList<Expected> rows, bool descending)
{
    std::sort(rows.begin(), rows.end(), [](const Expected& a, const Expected& b) {
        const bool aNull = a.rank < 0;
        const bool bNull = b.rank < 0;
        if (aNull != bNull)
            return bNull; // ascending: the non-NULL first
        if (a.rank != b.rank)
            return a.rank < b.rank;
        return a.id < b.id;
    });
    if (descending)
        std::reverse(rows.begin(), rows.end());
    QStringList ids;
    for (const Expected& row : std::as_const(rows))
        ids << row.id;
    return ids;
}

} // namespace

namespace {
std::unique_ptr<tables::AgencyTableModel> modelFor(const QSqlDatabase& db, const QString& table)
{
    using Load = tables::AgencyTableModel::Load;
    if (table == QStringLiteral("agency_clients"))
        return std::make_unique<tables::AgencyTableModel>(tables::clientsSpec(), db, nullptr, Load::OnDemand);
    if (table == QStringLiteral("agency_campaigns"))
        return std::make_unique<tables::CampaignModel>(db, nullptr, Load::OnDemand);
    return std::make_unique<tables::ChannelModel>(db, nullptr, Load::OnDemand);
}

// The plan of a search's `statement`: PostgreSQL told to avoid reading every row (a scan of the table, or of an
// index in its order), so that a small test table shows the plan a large one gets.
QString searchPlan(const QSqlDatabase& db, bool postgres, const QString& statement)
{
    QSqlQuery explain(db);
    if (postgres) {
        explain.exec(QStringLiteral("SET enable_seqscan = off"));
        explain.exec(QStringLiteral("SET enable_indexscan = off"));
    }
    if (!explain.exec((postgres ? QStringLiteral("EXPLAIN ") : QStringLiteral("EXPLAIN QUERY PLAN ")) + statement))
        return explain.lastError().text();
    QStringList plan;
    while (explain.next())
        plan << explain.value(postgres ? 0 : 3).toString();
    return plan.join(u'\n');
}
}

class TestKeysetPager : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pagesMatchTheFullOrder_data();
    void pagesMatchTheFullOrder();
    void pagesOpenOnAnIndex_data();
    void pagesOpenOnAnIndex();
    void searchesUseTheirIndex_data();
    void searchesUseTheirIndex();
    void unindexedSortsScanTheTable();
    void walkedSearchMatchesTheSearch_data();
    void walkedSearchMatchesTheSearch();
    void splitSearchReadsWhatTheWholeSearchReads_data();
    void splitSearchReadsWhatTheWholeSearchReads();
};

void TestKeysetPager::pagesMatchTheFullOrder_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("column");
    for (const char* backend : { "sqlite", "postgresql" }) {
        for (const char* column : { "budget_amount", "created_at", "channel_type", "id", "campaign_id" })
            QTest::addRow("%s %s", backend, column) << QString::fromLatin1(backend) << QString::fromLatin1(column);
    }
}

// Every page size, both directions, a filter or none: the pages, read one after another, hold every row once, in
// exactly the order an independent sort gives; no page holds more than the page size; the count and the CSV export
// of the same view agree. The keys are built to break naive paging: many ties, NULLs, money that sorts wrongly as
// text ("100.00" < "9.00"), and timestamps a microsecond apart (PostgreSQL) or a millisecond apart (SQLite).
void TestKeysetPager::pagesMatchTheFullOrder()
{
    QFETCH(QString, backend);
    QFETCH(QString, column);
    AGENCY_SCRATCH(scratch, backend);
    QVERIFY(scratch.migrate());
    QVERIFY(demo::DemoDataWriter(scratch.db()).write({ 3, 3, 5, 4 }, nullptr));
    QSqlDatabase db = scratch.db();

    const QList<std::optional<QString>> amounts { QStringLiteral("9.00"), QStringLiteral("100.00"), std::nullopt,
        QStringLiteral("9.00"), QStringLiteral("1234567890.12"), QStringLiteral("0.01"), std::nullopt };
    const QStringList stamps = scratch.isPostgres()
        ? QStringList { QStringLiteral("2026-01-01 10:00:00.000002+00"),
              QStringLiteral("2026-01-01 10:00:00.000001+00"), QStringLiteral("2025-12-31 23:59:59.999999+00") }
        : QStringList { QStringLiteral("2026-01-01T10:00:00.002Z"), QStringLiteral("2026-01-01T10:00:00.001Z"),
              QStringLiteral("2025-12-31T23:59:59.999Z") };
    const QList<int> stampRank { 2, 1, 0 };
    const QStringList types { QStringLiteral("social"), QStringLiteral("search"), QStringLiteral("email") };
    const QList<int> typeRank { 2, 1, 0 };

    // By campaign: by the name each campaign shows (metadata's name here), case aside and in the reader's language:
    // "alpha" and "Alpha" tie (and the rows of both are ordered by id), "ärger" comes after them and before "Beta"
    // (byte order put it after "zulu").
    const QStringList names { QStringLiteral("Beta"), QStringLiteral("alpha"), QString::fromUtf8("ärger"),
        QStringLiteral("Alpha"), QStringLiteral("zulu") };
    const QList<int> nameRank { 2, 0, 1, 0, 3 };
    QHash<QString, int> campaignRank;
    {
        QSqlQuery campaigns(db);
        QVERIFY(campaigns.exec(QStringLiteral("SELECT id FROM agency_campaigns ORDER BY id")));
        QStringList campaignIds;
        while (campaigns.next())
            campaignIds << campaigns.value(0).toString();
        for (int c = 0; c < campaignIds.size(); ++c) {
            QVERIFY(test::execute(db, QStringLiteral("UPDATE agency_campaigns SET metadata = ? WHERE id = ?"),
                { QStringLiteral("{\"name\": \"%1\"}").arg(names.at(c % names.size())), campaignIds.at(c) }));
            campaignRank.insert(campaignIds.at(c), nameRank.at(c % names.size()));
        }
    }

    QSqlQuery ids(db);
    QVERIFY(ids.exec(QStringLiteral("SELECT id, campaign_id FROM agency_campaign_channels")));
    QList<Expected> all;
    QList<Expected> searchOnly;
    int i = 0;
    while (ids.next()) {
        const QString id = ids.value(0).toString();
        const auto& amount = amounts.at(i % amounts.size());
        QVERIFY(test::execute(db,
            QStringLiteral("UPDATE agency_campaign_channels SET budget_amount = ?, budget_percentage = NULL, "
                           "channel_type = ? WHERE id = ?"),
            { amount ? QVariant(*amount) : QVariant(), types.at(i % types.size()), id }));
        QVERIFY(test::execute(db, QStringLiteral("UPDATE agency_campaign_channels SET created_at = ? WHERE id = ?"),
            { stamps.at(i % stamps.size()), id }));
        Expected row;
        row.id = id;
        if (column == QStringLiteral("budget_amount"))
            row.rank = amount ? domain::Money::parse(*amount)->cents() : -1;
        else if (column == QStringLiteral("created_at"))
            row.rank = stampRank.at(i % stamps.size());
        else if (column == QStringLiteral("channel_type"))
            row.rank = typeRank.at(i % types.size());
        else if (column == QStringLiteral("campaign_id"))
            row.rank = campaignRank.value(ids.value(1).toString());
        else
            row.rank = 0; // by id alone
        all << row;
        if (types.at(i % types.size()) == QStringLiteral("search"))
            searchOnly << row;
        ++i;
    }
    QVERIFY(all.size() > 40);

    const tables::ColumnSpec* spec = tables::channelsSpec().column(column);
    QVERIFY(spec);
    const db::Dialect dialect = db::dialectOf(db);
    for (const bool filtered : { false, true }) {
        for (const bool descending : { false, true }) {
            const QStringList expected = expectedOrder(filtered ? searchOnly : all, descending);
            // A search is read by walking the order first (at most `walkRows` rows a walk; none with 0): walks that
            // fill every page, walks that give up half-way through a page, and none.
            for (const auto& [pageSize, walkRows] : QList<std::pair<int, int>> { { 1, 0 }, { 7, 0 }, { 20, 0 },
                     { 60, 0 }, { 500, 0 }, { 1, 4 }, { 7, 4 }, { 7, 30 }, { 20, 5 }, { 60, 1000 }, { 500, 1000 } }) {
                if (walkRows > 0 && !filtered)
                    continue;
                tables::KeysetPager::Query query;
                query.table = channels;
                query.columns = QStringList { QStringLiteral("channel_type"), QStringLiteral("id") };
                query.where = filtered ? QStringLiteral("channel_type = 'search'") : QString();
                query.findFirst = filtered; // the statement a search is read with
                query.walkSearch = walkRows > 0 ? query.where : QString();
                query.walkRows = walkRows;
                // On SQLite a walk by a joined key (a campaign's label) happens only for a broad search: this one
                // says it is.
                query.broadProbe = QStringLiteral("SELECT 1000000");
                if (column != QStringLiteral("id"))
                    tables::KeysetPager::setSortColumn(&query, *spec, dialect, db::localeCollation(db));
                query.descending = descending;
                tables::KeysetPager pager(db, query, pageSize);
                QStringList read;
                int pages = 0;
                while (!pager.atEnd()) {
                    QList<QVariantList> page;
                    QString error;
                    QVERIFY2(pager.readPage(&page, &error), qPrintable(error));
                    QVERIFY(page.size() <= pageSize);
                    for (const QVariantList& row : std::as_const(page))
                        read << row.at(1).toString();
                    QVERIFY2(++pages <= 200, "the pager never ends");
                    // By campaign, of 30 rows walked a third match: 7 found, the walk taken (on SQLite: once the probe
                    // has said the search is broad).
                    if (pages == 1 && pageSize == 7 && walkRows == 30 && column == QStringLiteral("campaign_id"))
                        QVERIFY2(pager.isWalking(), "the walk was not taken");
                }
                const QByteArray where
                    = QStringLiteral("%1 %2, pages of %3, walks of %4")
                          .arg(filtered ? QStringLiteral("search only") : QStringLiteral("all"),
                              descending ? QStringLiteral("descending") : QStringLiteral("ascending"))
                          .arg(pageSize)
                          .arg(walkRows)
                          .toUtf8();
                QVERIFY2(read == expected, where.constData());
                QCOMPARE(pager.count(nullptr), expected.size());
            }

            // The CSV export of the same view: the same rows in the same order.
            exporting::ExportRequest request;
            request.table = channels;
            if (filtered)
                request.filter.matches = { { QStringLiteral("channel_type"), { QStringLiteral("search") } } };
            request.sortColumn = column == QStringLiteral("id") ? QString() : column;
            request.sortOrder = descending ? Qt::DescendingOrder : Qt::AscendingOrder;
            request.columns = { QStringLiteral("id") };
            QBuffer csv;
            QVERIFY(csv.open(QIODevice::ReadWrite));
            exporting::TableExporter exporter(db);
            QVERIFY2(exporter.exportTable(request, &csv), qPrintable(exporter.lastError()));
            QStringList exported = QString::fromUtf8(csv.data()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
            exported.removeFirst(); // the header
            QCOMPARE(exported, expected);
        }
    }
}

void TestKeysetPager::pagesOpenOnAnIndex_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("index");
    // Clients open by name in the reader's language: on PostgreSQL from migration 0007's index in ICU's order. SQLite
    // sorts them (an index in an order the app defines would lock every other program out of writing the file).
    QTest::addRow("postgresql clients") << QStringLiteral("postgresql") << QStringLiteral("agency_clients")
                                        << QStringLiteral("agency_clients_name_locale_idx");
    for (const char* backend : { "sqlite", "postgresql" }) {
        QTest::addRow("%s campaigns", backend) << QString::fromLatin1(backend) << QStringLiteral("agency_campaigns")
                                               << QStringLiteral("agency_campaigns_start_page_idx");
        QTest::addRow("%s channels", backend)
            << QString::fromLatin1(backend) << QStringLiteral("agency_campaign_channels")
            << QStringLiteral("agency_campaign_channels_type_page_idx");
    }
}

// The order each page opens in is read from an index (migration 0002), not sorted from the whole table: the plan
// of the page's own first statement names the index and has no sort. PostgreSQL is told to avoid sorts and scans so
// that a small test table shows the plan a large one gets.
void TestKeysetPager::pagesOpenOnAnIndex()
{
    QFETCH(QString, backend);
    QFETCH(QString, table);
    QFETCH(QString, index);
    AGENCY_SCRATCH(scratch, backend);
    QVERIFY(scratch.migrate());
    QVERIFY(demo::DemoDataWriter(scratch.db()).write({ 3, 2, 2, 4 }, nullptr));
    std::unique_ptr<tables::AgencyTableModel> model = modelFor(scratch.db(), table);
    QVERIFY(model->select());
    QVERIFY(model->rowCount() > 0);
    QVERIFY(model->pager());
    // The page's query as the model reads it, from its first statement.
    const QString statement = tables::KeysetPager(scratch.db(), model->pager()->query()).nextStatement();
    QVERIFY2(!statement.contains(u'?'), qPrintable(statement));

    QStringList plan;
    QSqlQuery explain(scratch.db());
    if (scratch.isPostgres()) {
        QVERIFY(explain.exec(QStringLiteral("SET enable_seqscan = off")));
        QVERIFY(explain.exec(QStringLiteral("SET enable_sort = off")));
        QVERIFY(explain.exec(QStringLiteral("EXPLAIN ") + statement));
    } else {
        QVERIFY(explain.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + statement));
    }
    while (explain.next())
        plan << explain.value(scratch.isPostgres() ? 0 : 3).toString();
    const QString text = plan.join(u'\n');
    QVERIFY2(text.contains(index), qPrintable(statement + u'\n' + text));
    QVERIFY2(!text.contains(QStringLiteral("Sort")) && !text.contains(QStringLiteral("TEMP B-TREE")),
        qPrintable(statement + u'\n' + text));
}

// SQLite: a page sorted by a column no index starts with is read by one scan of the table, never by walking the
// page-order index (partial on "deleted_at IS NULL", the page's only condition) and fetching each row from there at
// random to sort them all (3 s over 1M channels, 0.3 s scanned). A sort an index serves keeps it, and so does a
// narrower view (a campaign's channels, through the campaign_id index).
void TestKeysetPager::unindexedSortsScanTheTable()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("sqlite"));
    QVERIFY(scratch.migrate());
    QVERIFY(demo::DemoDataWriter(scratch.db()).write({ 3, 2, 2, 4 }, nullptr));
    const auto planOf = [&](tables::AgencyTableModel& model) {
        QSqlQuery explain(scratch.db());
        const QString statement = tables::KeysetPager(scratch.db(), model.pager()->query()).nextStatement();
        if (!explain.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + statement))
            return explain.lastError().text();
        QStringList plan;
        while (explain.next())
            plan << explain.value(3).toString();
        return plan.join(u'\n');
    };
    tables::ChannelModel channels(scratch.db(), nullptr, tables::AgencyTableModel::Load::OnDemand);
    channels.sort(channels.fieldIndex(QStringLiteral("external_account_id")), Qt::AscendingOrder);
    QVERIFY(channels.select());
    QVERIFY(channels.rowCount() > 0);
    QString plan = planOf(channels);
    QVERIFY2(plan.contains(QStringLiteral("SCAN agency_campaign_channels")) && !plan.contains(QStringLiteral("INDEX")),
        qPrintable(plan));
    // Money, by the number it is.
    channels.sort(channels.fieldIndex(QStringLiteral("budget_amount")), Qt::DescendingOrder);
    plan = planOf(channels);
    QVERIFY2(!plan.contains(QStringLiteral("INDEX")), qPrintable(plan));

    channels.sort(channels.fieldIndex(QStringLiteral("channel_type")), Qt::AscendingOrder);
    QVERIFY2(planOf(channels).contains(QStringLiteral("agency_campaign_channels_type_page_idx")),
        qPrintable(planOf(channels)));

    tables::ChannelModel ofOne(scratch.db(), nullptr, tables::AgencyTableModel::Load::OnDemand);
    ofOne.setParentFilter(test::scalar(scratch.db(),
        QStringLiteral("SELECT campaign_id FROM agency_campaign_channels "
                       "LIMIT 1"))
                              .toString());
    ofOne.sort(ofOne.fieldIndex(QStringLiteral("external_account_id")), Qt::AscendingOrder);
    QVERIFY(ofOne.select());
    QVERIFY(ofOne.rowCount() > 0);
    QVERIFY2(
        planOf(ofOne).contains(QStringLiteral("agency_campaign_channels_campaign_id_idx")), qPrintable(planOf(ofOne)));
}

// A search of three characters or more is read through the table's search index (migration 0003): FTS5 trigrams on
// SQLite, pg_trgm on PostgreSQL, where the reference names a search also matches (a client's, a campaign's) are ids
// worked out once, so that the plan can combine the indexes instead of testing every row. (That a search on
// PostgreSQL finds its rows first and sorts them then, instead of walking the order's index, shows only at scale:
// tests/benchmarks/pages.sh measures it.)
void TestKeysetPager::searchesUseTheirIndex_data()
{
    // Each table, with the indexes its page opens on (dropped on PostgreSQL, below: for clients both 0007's, in the
    // reader's order, and 0002's, which the live rows would otherwise be read through).
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("index");
    for (const char* backend : { "sqlite", "postgresql" }) {
        const bool postgres = qstrcmp(backend, "postgresql") == 0;
        QTest::addRow("%s clients", backend)
            << QString::fromLatin1(backend) << QStringLiteral("agency_clients")
            << (postgres ? QStringLiteral("agency_clients_name_locale_idx, agency_clients_name_page_idx")
                         : QStringLiteral("agency_clients_name_page_idx"));
        QTest::addRow("%s campaigns", backend) << QString::fromLatin1(backend) << QStringLiteral("agency_campaigns")
                                               << QStringLiteral("agency_campaigns_start_page_idx");
        QTest::addRow("%s channels", backend)
            << QString::fromLatin1(backend) << QStringLiteral("agency_campaign_channels")
            << QStringLiteral("agency_campaign_channels_type_page_idx");
    }
}

void TestKeysetPager::searchesUseTheirIndex()
{
    QFETCH(QString, backend);
    QFETCH(QString, table);
    QFETCH(QString, index); // the page's order index
    AGENCY_SCRATCH(scratch, backend);
    QVERIFY(scratch.migrate());
    // Enough rows for the planner to weigh an index against reading the table (1,000 clients, 5,000 channels).
    QVERIFY(demo::DemoDataWriter(scratch.db()).write({ 1000, 1, 5, 4 }, nullptr));
    if (scratch.isPostgres()) { // a small table is read whole through its order index: without it, the plan shows
        // whether the search index can serve the statement (the index's expression and the search's agree)
        QVERIFY(QSqlQuery(scratch.db()).exec(QStringLiteral("DROP INDEX ") + index));
        QVERIFY(QSqlQuery(scratch.db()).exec(QStringLiteral("ANALYZE")));
    }
    const tables::TableSpec* spec = tables::specFor(table);
    QVERIFY(spec && spec->searchIndexed);
    if (!scratch.isPostgres()) { // the index covers what a search looks into, in the same order
        QSqlQuery info(scratch.db());
        QVERIFY(info.exec(QStringLiteral("PRAGMA table_info(%1_search)").arg(table)));
        QStringList indexed;
        while (info.next())
            indexed << info.value(1).toString();
        QCOMPARE(indexed, tables::RowFilter::searchColumns(*spec));
    }
    std::unique_ptr<tables::AgencyTableModel> model = modelFor(scratch.db(), table);
    model->setSearchText(QStringLiteral("Zqxwv"));
    QVERIFY(model->select());
    QVERIFY2(!model->lastError().isValid(), qPrintable(model->lastError().text()));
    QVERIFY(model->pager());
    const QString statement = tables::KeysetPager(scratch.db(), model->pager()->query()).nextStatement();
    const QString plan = searchPlan(scratch.db(), scratch.isPostgres(), statement);
    const QString searchIndex
        = scratch.isPostgres() ? table + QStringLiteral("_search_idx") : QStringLiteral("VIRTUAL TABLE INDEX");
    QVERIFY2(plan.contains(searchIndex), qPrintable(plan + u'\n' + statement));
    if (table == QStringLiteral("agency_campaign_channels") && !scratch.isPostgres()) {
        // Sorted by campaign too: the plan starts from the rows the indexes find, not from every campaign's rows.
        model->sort(model->fieldIndex(QStringLiteral("campaign_id")), Qt::AscendingOrder);
        QVERIFY2(!model->lastError().isValid(), qPrintable(model->lastError().text()));
        const QString sorted = tables::KeysetPager(scratch.db(), model->pager()->query()).nextStatement();
        const QString sortedPlan = searchPlan(scratch.db(), false, sorted);
        QVERIFY2(
            sortedPlan.contains(QStringLiteral("MULTI-INDEX OR")) && !sortedPlan.contains(QStringLiteral("SCAN k")),
            qPrintable(sortedPlan + u'\n' + sorted));
    }
    // Two characters have no trigram: the search reads the columns themselves, and still finds nothing wrong.
    model->setSearchText(QStringLiteral("zq"));
    QVERIFY2(!model->lastError().isValid(), qPrintable(model->lastError().text()));
    QCOMPARE(model->rowCount(), 0);
}

void TestKeysetPager::walkedSearchMatchesTheSearch_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("table");
    for (const char* backend : { "sqlite", "postgresql" }) {
        for (const char* table : { "agency_clients", "agency_campaigns", "agency_campaign_channels" })
            QTest::addRow("%s %s", backend, table) << QString::fromLatin1(backend) << QString::fromLatin1(table);
    }
}

// A search walked along the order tests each row (RowFilter::searchTest) where one found first goes through the
// search index: both name exactly the same rows, for texts in the table's own columns, in the names it shows (a
// client's, a campaign's label), matched literally, in any case; on SQLite a text beyond ASCII is never walked (its
// index folds that case, LIKE does not). And the model reads the same pages whether its search is walked or not.
void TestKeysetPager::walkedSearchMatchesTheSearch()
{
    QFETCH(QString, backend);
    QFETCH(QString, table);
    AGENCY_SCRATCH(scratch, backend);
    QVERIFY(scratch.migrate());
    QVERIFY(demo::DemoDataWriter(scratch.db()).write({ 6, 3, 4, 4 }, nullptr));
    QSqlDatabase db = scratch.db();
    QVERIFY(test::execute(db,
        QStringLiteral("UPDATE agency_clients SET client_name = ?, industry = ? WHERE id = (SELECT id FROM "
                       "agency_clients ORDER BY id LIMIT 1)"),
        { QString::fromUtf8("MÜNCHEN 50%_Medien"), QStringLiteral("ACCT media") }));
    QVERIFY(test::execute(db,
        QStringLiteral(
            "UPDATE agency_campaigns SET metadata = ? WHERE id = (SELECT id FROM agency_campaigns ORDER BY id "
            "LIMIT 1)"),
        { QStringLiteral("{\"name\": \"Harbour Relaunch\"}") }));
    const tables::TableSpec* spec = tables::specFor(table);
    QVERIFY(spec);
    auto ids = [&](const QString& condition) {
        QSqlQuery query(db);
        const bool ok = query.exec(QStringLiteral("SELECT id FROM %1 WHERE %2 ORDER BY id").arg(table, condition));
        QStringList found;
        while (query.next())
            found << query.value(0).toString();
        return ok ? found : QStringList { query.lastError().text() };
    };
    int walked = 0;
    for (const QString& text : { QStringLiteral("acct"), QStringLiteral("ADS"), QStringLiteral("search"),
             QStringLiteral("50%_m"), QStringLiteral("medien"), QStringLiteral("harbour rel"),
             QStringLiteral("nothing like it"), QString::fromUtf8("münchen"), QString::fromUtf8("ÜNC") }) {
        tables::RowFilter filter;
        filter.search = text;
        const QString test = filter.searchTest(*spec, db.driver());
        const bool beyondAscii = text.toUtf8().size() != text.size();
        if (!scratch.isPostgres() && beyondAscii) {
            QVERIFY2(test.isEmpty(), qPrintable(test));
            continue;
        }
        QVERIFY(!test.isEmpty());
        tables::RowFilter none;
        const QString base = none.sql(*spec, db.driver());
        const QStringList expected = ids(filter.sql(*spec, db.driver()));
        QCOMPARE(ids(base + QStringLiteral(" AND ") + test), expected);
        walked += expected.isEmpty() ? 0 : 1;

        // The model's pages, 3 rows at a time: walked (a walk of 5 rows), and found first (no walk), alike.
        std::unique_ptr<tables::AgencyTableModel> model = modelFor(db, table);
        model->setSearchText(text);
        QVERIFY(model->select());
        QVERIFY(model->pager());
        QStringList pages[2];
        for (const int walk : { 5, 0 }) {
            tables::KeysetPager::Query query = model->pager()->query();
            QVERIFY(query.findFirst || text.size() < 3);
            query.walkRows = walk;
            tables::KeysetPager pager(db, query, 3);
            while (!pager.atEnd()) {
                QList<QVariantList> page;
                QString error;
                QVERIFY2(pager.readPage(&page, &error), qPrintable(error));
                for (const QVariantList& row : std::as_const(page))
                    pages[walk > 0 ? 0 : 1] << row.at(query.columns.indexOf(QStringLiteral("id"))).toString();
            }
        }
        QCOMPARE(pages[0], pages[1]);
        QStringList sorted = pages[0];
        sorted.sort();
        QCOMPARE(sorted, expected);
    }
    QVERIFY(walked >= 3); // the texts found something to compare
}

void TestKeysetPager::splitSearchReadsWhatTheWholeSearchReads_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

// Channels in their page's order (by type), searched: the types that hold the text are read straight from the order's
// index and merged with the other matches (TableSpec::searchSplitColumn). Page by page, ascending and descending, the
// split reads exactly the rows, in exactly the order, that the whole search found first and sorted reads: matches
// by type, by account id or notes in a type that does not match, by the campaign's label, in any case; never a
// deleted row. And the other matches are found through their own search index.
void TestKeysetPager::splitSearchReadsWhatTheWholeSearchReads()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(demo::DemoDataWriter(scratch.db()).write({ 6, 3, 5, 4 }, nullptr));
    QSqlDatabase db = scratch.db();
    const QString table = QStringLiteral("agency_campaign_channels");
    // "ads" outside a type: in a newsletter's notes, a podcast's account id (upper case); a client whose campaigns'
    // labels hold it; a deleted google_ads channel. And a type someone typed with a quote, a backslash and LIKE's
    // wildcards in it, which the split lists among its values.
    QVERIFY(test::execute(db,
        QStringLiteral("UPDATE agency_campaign_channels SET channel_type = ? WHERE id = (SELECT id FROM "
                       "agency_campaign_channels WHERE channel_type NOT IN ('newsletter', 'podcasts', 'google_ads') "
                       "AND deleted_at IS "
                       "NULL ORDER BY id "
                       "LIMIT 1)"),
        { QStringLiteral("Reader's \\ADS 100%_") }));
    QVERIFY(test::execute(db,
        QStringLiteral("UPDATE agency_campaign_channels SET notes = 'more leads' WHERE id = (SELECT id FROM "
                       "agency_campaign_channels WHERE channel_type = 'newsletter' ORDER BY id LIMIT 1)")));
    QVERIFY(test::execute(db,
        QStringLiteral("UPDATE agency_campaign_channels SET external_account_id = 'LEADS-7' WHERE id = (SELECT id "
                       "FROM agency_campaign_channels WHERE channel_type = 'podcasts' ORDER BY id DESC LIMIT 1)")));
    QVERIFY(test::execute(db,
        QStringLiteral("UPDATE agency_clients SET client_name = 'Broadside Media' WHERE id = (SELECT id FROM "
                       "agency_clients ORDER BY id LIMIT 1)")));
    QVERIFY(test::execute(db,
        QStringLiteral("UPDATE agency_campaign_channels SET deleted_at = created_at WHERE id = (SELECT id FROM "
                       "agency_campaign_channels WHERE channel_type = 'google_ads' ORDER BY id LIMIT 1)")));
    auto count = [&](const QString& condition) {
        QSqlQuery query(db);
        return query.exec(QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(table, condition)) && query.next()
            ? query.value(0).toInt()
            : -1;
    };
    auto read = [&](const tables::KeysetPager::Query& query, bool* split) {
        tables::KeysetPager pager(db, query, 4);
        QStringList ids;
        while (!pager.atEnd()) {
            QList<QVariantList> page;
            QString error;
            if (!pager.readPage(&page, &error))
                return QStringList { error };
            *split = pager.isSplit();
            for (const QVariantList& row : std::as_const(page))
                ids << row.at(query.columns.indexOf(QStringLiteral("id"))).toString();
        }
        return ids;
    };
    int splitReads = 0;
    for (const QString& text : { QStringLiteral("ads"), QStringLiteral("ADS"), QStringLiteral("tiktok"),
             QStringLiteral("leads"), QStringLiteral("news"), QStringLiteral("broadside"), QStringLiteral("acct"),
             QStringLiteral("zzqx"), QStringLiteral("100%_") }) {
        for (const Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
            std::unique_ptr<tables::AgencyTableModel> model = modelFor(db, table);
            model->sort(model->fieldIndex(QStringLiteral("channel_type")), order);
            model->setSearchText(text);
            QVERIFY(model->select());
            QVERIFY(model->pager());
            const tables::KeysetPager::Query query = model->pager()->query();
            QVERIFY2(!query.splitValues.isEmpty(), qPrintable(text));
            tables::KeysetPager::Query whole = query; // found first and sorted, no walk
            whole.splitValues.clear();
            whole.walkSearch.clear();
            bool split = false;
            bool wholeSplit = false;
            const QStringList expected = read(whole, &wholeSplit);
            QCOMPARE(read(query, &split), expected);
            QCOMPARE(expected.size(), count(query.where));
            QVERIFY2(split
                    == (text.compare(QStringLiteral("ads"), Qt::CaseInsensitive) == 0
                        || text == QStringLiteral("tiktok") || text == QStringLiteral("news")
                        || text == QStringLiteral("100%_")),
                qPrintable(text));
            splitReads += split ? 1 : 0;
            if (text == QStringLiteral("ads")) // the two kinds of match, and more than a page of each
                QVERIFY2(expected.size() > 8
                        && count(query.where + QStringLiteral(" AND channel_type NOT LIKE '%ads'")) >= 2,
                    qPrintable(QString::number(expected.size())));
        }
    }
    QCOMPARE(splitReads, 10);

    // The rows not of a matching type are found through the index over the other columns (on PostgreSQL, without the
    // order's index, which a table this small is read whole through: as in searchesUseTheirIndex).
    std::unique_ptr<tables::AgencyTableModel> model = modelFor(db, table);
    model->setSearchText(QStringLiteral("ads"));
    QVERIFY(model->select());
    tables::KeysetPager pager(db, model->pager()->query());
    QString error;
    QVERIFY2(pager.readSplitValues(&error), qPrintable(error));
    QVERIFY(pager.isSplit());
    const QString statement = pager.nextStatement();
    if (scratch.isPostgres()) {
        QVERIFY(QSqlQuery(db).exec(QStringLiteral("DROP INDEX agency_campaign_channels_type_page_idx")));
        QVERIFY(QSqlQuery(db).exec(QStringLiteral("ANALYZE")));
    }
    const QString plan = searchPlan(db, scratch.isPostgres(), statement);
    const QString restIndex
        = scratch.isPostgres() ? table + QStringLiteral("_search_rest_idx") : QStringLiteral("VIRTUAL TABLE INDEX");
    QVERIFY2(plan.contains(restIndex), qPrintable(QString(plan).remove(QChar(31))));
}

QTEST_GUILESS_MAIN(TestKeysetPager)
#include "tst_keysetpager.moc"
