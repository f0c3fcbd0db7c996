// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: sorting and searching a page's model on a big database. For each column of a table and for a few
// searches, the time from sort() / setSearchText() to the first page of rows in the model, and the SQL of that page
// (for tests/benchmarks/pages.sh to time in psql or sqlite3 as the floor). Best of N.
//   pages DSN TABLE [runs] [sort|search|pace]   (only sorting, only searching, or the Channels page's first page with
//                                               and without its Pace column)
#include "db/connectionstring.h"
#include "db/database.h"
#include "tables/campaignmodel.h"
#include "tables/channelmodel.h"
#include "tables/rowfilter.h"
#include "tables/tablespec.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSqlRecord>
#include <cstdio>
#include <functional>
#include <memory>

using namespace agency;

namespace {

double bestOf(int runs, const std::function<void()>& prepare, const std::function<void()>& work)
{
    double best = 1e9;
    for (int i = 0; i < runs; ++i) {
        prepare();
        QElapsedTimer timer;
        timer.start();
        work();
        best = std::min(best, static_cast<double>(timer.nsecsElapsed()) / 1e9);
    }
    return best;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        std::fputs("usage: pages DSN TABLE [runs]\n", stderr);
        return 2;
    }
    const auto where = db::ConnectionString::parse(QString::fromLocal8Bit(argv[1]), nullptr);
    QString error;
    QSqlDatabase db = where ? db::openDatabase(*where, QStringLiteral("bench"), &error) : QSqlDatabase();
    if (!db.isOpen()) {
        std::fprintf(stderr, "pages: cannot open %s: %s\n", argv[1], qPrintable(error));
        return 1;
    }
    const QString table = QString::fromLocal8Bit(argv[2]);
    const int runs = argc > 3 ? std::atoi(argv[3]) : 3;
    const QString only = argc > 4 ? QString::fromLocal8Bit(argv[4]) : QString();
    using Load = tables::AgencyTableModel::Load;
    std::unique_ptr<tables::AgencyTableModel> model;
    if (table == QStringLiteral("agency_clients"))
        model = std::make_unique<tables::AgencyTableModel>(tables::clientsSpec(), db, nullptr, Load::OnDemand);
    else if (table == QStringLiteral("agency_campaigns"))
        model = std::make_unique<tables::CampaignModel>(db, nullptr, Load::OnDemand);
    else
        model = std::make_unique<tables::ChannelModel>(db, nullptr, Load::OnDemand);
    model->select();

    // "kind\tname\tseconds\trows\tsql\tplain": the statement of the first page, and for a search what a person would
    // type into psql or sqlite3 for it: the table's text columns LIKE '%text%', in the page's order (the script's
    // floor).
    const QString order = table == QStringLiteral("agency_clients") ? QStringLiteral("client_name, id")
        : table == QStringLiteral("agency_campaigns")               ? QStringLiteral("start_date DESC, id DESC")
                                                                    : QStringLiteral("channel_type, id");
    auto plainSearch = [&](const QString& text) {
        QStringList any;
        for (const QString& column : tables::RowFilter::searchColumns(*tables::specFor(table)))
            any << QStringLiteral("%1 LIKE '%%2%'").arg(column, text);
        return QStringLiteral("SELECT * FROM %1 WHERE deleted_at IS NULL AND (%2) ORDER BY %3 LIMIT 256")
            .arg(table, any.join(QStringLiteral(" OR ")), order);
    };
    auto report = [&](const char* kind, const QString& name, double seconds, const QString& plain = {}) {
        const QString sql
            = model->pager() ? tables::KeysetPager(db, model->pager()->query()).nextStatement() : QString();
        std::printf("%s\t%s\t%.3f\t%d\t%s\t%s\n", kind, qPrintable(name), seconds, model->rowCount(), qPrintable(sql),
            qPrintable(plain));
        std::fflush(stdout);
    };
    if (only == QStringLiteral("pace")) {
        // The Channels page's first page with its Pace column (ChannelModel, which reads what the paces need of the
        // page's rows) and without (the same table, the same page, a model with no derived column).
        // "with" is the time to the rows (what the first paint waits for; the paces are read on a thread of their
        // own meanwhile); "paces in" the time until the last of them has come back.
        tables::AgencyTableModel plain(tables::channelsSpec(), db, nullptr, Load::OnDemand);
        auto* channels = static_cast<tables::ChannelModel*>(model.get());
        bool in = false;
        QObject::connect(channels, &tables::ChannelModel::pacesRead, [&in]() { in = true; });
        const auto waitForPaces = [&]() {
            while (!in)
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        };
        waitForPaces();
        for (int round = 0; round < 2; ++round) { // interleaved, so that neither has the warmer cache
            report("pace", QStringLiteral("without"),
                bestOf(
                    runs, []() {}, [&]() { plain.select(); }));
            report("pace", QStringLiteral("with"),
                bestOf(
                    runs, [&]() { waitForPaces(); },
                    [&]() {
                        in = false;
                        model->select();
                    }));
            waitForPaces();
            report("pace", QStringLiteral("paces in"),
                bestOf(
                    runs, []() {},
                    [&]() {
                        in = false;
                        model->select();
                        waitForPaces();
                    }));
        }
        return 0;
    }
    for (int c = 0; only != QStringLiteral("search") && c < model->columnCount() && !model->isDerivedColumn(c); ++c) {
        const QString name = model->columnName(c);
        const double s = bestOf(
            runs, [&]() { model->sort(c, Qt::DescendingOrder); }, [&]() { model->sort(c, Qt::AscendingOrder); });
        report("sort", name, s);
    }
    model->sort(model->fieldIndex(table == QStringLiteral("agency_clients") ? QStringLiteral("client_name")
                        : table == QStringLiteral("agency_campaigns")       ? QStringLiteral("start_date")
                                                                            : QStringLiteral("channel_type")),
        table == QStringLiteral("agency_campaigns") ? Qt::DescendingOrder : Qt::AscendingOrder);
    // A type in a tenth of the channels, all far down the order; a client's name; nothing; half the channels; every
    // channel (their account ids); two letters, too short for a trigram.
    if (only == QStringLiteral("sort"))
        return 0;
    for (const QString& text : { QStringLiteral("tiktok"), QStringLiteral("nordlicht"), QStringLiteral("zzqx"),
             QStringLiteral("ads"), QStringLiteral("acct"), QStringLiteral("ti"), QStringLiteral("video dec 2025") }) {
        const double s = bestOf(
            runs, [&]() { model->setSearchText({}); }, [&]() { model->setSearchText(text); });
        report("search", text, s, plainSearch(text));
    }

    // Searching while the table is sorted by the names it shows (channels by campaign, campaigns by client).
    if (const int byName
        = model->fieldIndex(table == QStringLiteral("agency_campaign_channels") ? QStringLiteral("campaign_id")
                                                                                : QStringLiteral("client_id"));
        byName >= 0) {
        model->setSearchText({});
        model->sort(byName, Qt::AscendingOrder);
        for (const QString& text : { QStringLiteral("tiktok"), QStringLiteral("zzqx"), QStringLiteral("acct") }) {
            const double s = bestOf(
                runs, [&]() { model->setSearchText({}); }, [&]() { model->setSearchText(text); });
            report("search", text + QStringLiteral(" (by name)"), s, plainSearch(text));
        }
        model->setSearchText({});
        model->sort(model->fieldIndex(table == QStringLiteral("agency_clients") ? QStringLiteral("client_name")
                            : table == QStringLiteral("agency_campaigns")       ? QStringLiteral("start_date")
                                                                                : QStringLiteral("channel_type")),
            table == QStringLiteral("agency_campaigns") ? Qt::DescendingOrder : Qt::AscendingOrder);
    }

    // As the window does it: in the background, the next keystroke replacing a search under way. The figure is the
    // time from the second search to its rows (were the first not cancelled, it would include what is left of it).
    auto waitWhileBusy = [&]() {
        while (model->isBusy())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
    };
    model->setReadsInBackground(true);
    {
        const QString first = QStringLiteral("zzqx");
        const QString second = QStringLiteral("tiktok");
        const double s = bestOf(
            runs,
            [&]() {
                model->setSearchText({});
                waitWhileBusy();
                model->setSearchText(first);
                QElapsedTimer started;
                started.start();
                while (started.elapsed() < 300)
                    QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
            },
            [&]() {
                model->setSearchText(second);
                waitWhileBusy();
            });
        report("replaced", QStringLiteral("%1 then %2").arg(first, second), s, plainSearch(second));
    }
    return 0;
}
