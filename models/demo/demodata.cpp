// SPDX-License-Identifier: GPL-3.0-or-later
#include "demodata.h"

#include "batchinsert.h"
#include "db/database.h"
#include "db/sqlerror.h"
#include "domain/money.h"
#include "domain/vocabulary.h"
#include "tables/columnvalues.h"
#include "tables/tablespec.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <random>
#include <spdlog/spdlog.h>

namespace agency::demo {

namespace {
    using domain::Money;
    using domain::Percent;

    const char* const companyFirst[] = { "Northwind", "Bluebird", "Copperleaf", "Harbor", "Silverline", "Redwood",
        "Lumen", "Atlas", "Kestrel", "Meridian", "Juniper", "Orchard", "Granite", "Beacon", "Tidewater", "Cobalt",
        "Foxglove", "Summit", "Willow", "Evergreen" };
    const char* const companySecond[] = { "Traders", "Coffee", "Outfitters", "Dental", "Logistics", "Studios", "Bakery",
        "Fitness", "Energy", "Insurance", "Robotics", "Foods", "Travel", "Clinics", "Apparel", "Software" };
    const char* const industries[] = { "Retail", "Hospitality", "Healthcare", "Logistics", "Energy", "Finance",
        "Technology", "Food & Beverage", "Travel", "Manufacturing" };
    const char* const firstNames[] = { "Ana", "Ben", "Chloé", "David", "Elif", "Farah", "Gustav", "Hana", "Ivan",
        "Jonas", "Keiko", "Liam", "Maya", "Noah", "Olga", "Priya" };
    const char* const lastNames[] = { "Schmidt", "Okafor", "Martin", "Kowalski", "Tanaka", "Silva", "Nguyen", "Müller",
        "Rossi", "Dubois", "Haddad", "Larsen" };
    const char* const workNotes[] = { "Weekly check-in call", "Reporting", "Landing page copy", "Ad review",
        "Budget planning", "Creative feedback", "Keyword research", "Analytics setup" };

    const char* const channelTypes[] = { "google_ads", "meta_ads", "linkedin_ads", "tiktok_ads", "newsletter",
        "seo_content", "youtube", "display_network", "influencers", "podcasts" };

    class Generator {
    public:
        explicit Generator(quint64 seed)
            : m_rng(seed)
        {
        }
        int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_rng); }
        qint64 between64(qint64 low, qint64 high) { return std::uniform_int_distribution<qint64>(low, high)(m_rng); }
        template <typename T, std::size_t N> QString pick(const T (&list)[N])
        {
            return QString::fromUtf8(list[static_cast<std::size_t>(between(0, static_cast<int>(N) - 1))]);
        }
        // A v4 UUID from the seeded generator, so that the same seed gives the same data.
        QString uuid()
        {
            QByteArray bytes(16, Qt::Uninitialized);
            for (int i = 0; i < 16; i += 8) {
                const quint64 word = m_rng();
                for (int b = 0; b < 8; ++b)
                    bytes[i + b] = static_cast<char>((word >> (8 * b)) & 0xff);
            }
            bytes[6] = static_cast<char>((bytes[6] & 0x0f) | 0x40);
            bytes[8] = static_cast<char>((bytes[8] & 0x3f) | 0x80);
            return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
        }

    private:
        std::mt19937_64 m_rng;
    };

    // "Chloé Müller" → "chloe.muller": what a mail system would really have.
    QString asciiMailbox(const QString& name)
    {
        QString mailbox;
        for (const QChar c : name.normalized(QString::NormalizationForm_D).toLower()) {
            if (c == u' ')
                mailbox += u'.';
            else if (c.unicode() < 128)
                mailbox += c;
        }
        return mailbox;
    }

    QStringList columnNames(std::initializer_list<const char*> names)
    {
        QStringList list;
        for (const char* name : names)
            list << QString::fromLatin1(name);
        return list;
    }

    QString json(const QJsonObject& object)
    {
        return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    }

    // A column's storage form for this dialect, by name.
    class Row {
    public:
        Row(const tables::TableSpec& spec, db::Dialect dialect)
            : m_spec(spec)
            , m_dialect(dialect)
        {
        }
        QVariant operator()(const char* column, const QVariant& value) const
        {
            const tables::ColumnSpec* spec = m_spec.column(QString::fromLatin1(column));
            Q_ASSERT(spec);
            return tables::toStorage(*spec, value, m_dialect);
        }

    private:
        const tables::TableSpec& m_spec;
        db::Dialect m_dialect;
    };
}

DemoDataWriter::DemoDataWriter(QSqlDatabase db)
    : m_db(db)
{
}

std::optional<bool> DemoDataWriter::isEmpty()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM agency_clients")) || !query.next()) {
        m_error = db::reportSqlError(
            QCoreApplication::translate("DemoData", "Looking for existing data"), query.lastError());
        return std::nullopt;
    }
    return query.value(0).toLongLong() == 0;
}

bool DemoDataWriter::write(const DemoSize& size, DemoCounts* counts)
{
    Generator gen(size.seed);
    const db::Dialect dialect = db::dialectOf(m_db);
    const QDate today = QDate::currentDate();
    const QDateTime deletedAt
        = QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch(), Qt::UTC).addDays(-3);
    const qint64 totalChannels = qint64(size.clients) * size.campaignsPerClient * size.channelsPerCampaign;
    const QStringList statuses = domain::campaignStatuses();
    const QStringList clientTypes = domain::clientTypes();
    const QStringList campaignTypes = domain::defaultCampaignTypes();

    QSqlError began;
    if (!db::beginWrite(m_db, &began)) {
        m_error = db::reportSqlError(QCoreApplication::translate("DemoData", "Starting the demo data"), began);
        return false;
    }
    auto fail = [this](const QString& error) {
        m_error = error;
        m_db.rollback();
        return false;
    };

    // Tiers.
    const Row tier(tables::slaTiersSpec(), dialect);
    BatchInsert tiers(m_db, QStringLiteral("agency_sla_tiers"),
        columnNames({ "id", "name", "description", "response_time_hours", "monthly_hours_included", "hourly_rate",
            "monthly_retainer", "features", "priority" }));
    struct TierDef {
        const char* name;
        int response, hours;
        qint64 rate, retainer;
        const char* features;
    };
    const TierDef tierDefs[] = {
        { "Bronze", 48, 10, 9500, 150000, R"(["Monthly report","E-mail support"])" },
        { "Silver", 24, 25, 11000, 400000, R"(["Monthly report","E-mail support","Quarterly review"])" },
        { "Gold", 8, 60, 12500, 950000,
            R"(["Weekly report","Phone support","Quarterly review","Dedicated strategist"])" },
        { "Enterprise", 2, 160, 14000, 2400000,
            R"(["Daily dashboard","24/7 support","Dedicated team","Custom integrations"])" },
    };
    QStringList tierIds;
    int priority = 0;
    for (const TierDef& def : tierDefs) {
        const QString id = gen.uuid();
        tierIds << id;
        if (!tiers.add({ tier("id", id), tier("name", QString::fromLatin1(def.name)),
                tier("description", QStringLiteral("%1 service level").arg(QString::fromLatin1(def.name))),
                tier("response_time_hours", def.response), tier("monthly_hours_included", def.hours),
                tier("hourly_rate", Money::fromCents(def.rate).toDecimalString()),
                tier("monthly_retainer", Money::fromCents(def.retainer).toDecimalString()),
                tier("features", QString::fromUtf8(def.features)), tier("priority", ++priority) }))
            return fail(tiers.lastError());
    }
    if (!tiers.flush())
        return fail(tiers.lastError());

    const Row client(tables::clientsSpec(), dialect);
    const Row campaign(tables::campaignsSpec(), dialect);
    const Row channel(tables::channelsSpec(), dialect);
    BatchInsert clients(m_db, QStringLiteral("agency_clients"),
        columnNames({ "id", "client_name", "client_legal_name", "sla_tier_id", "billing_contact_name",
            "billing_contact_email", "billing_contact_phone", "billing_contact_address", "contract_start_date",
            "contract_end_date", "is_active", "industry", "client_type", "internal_notes", "metadata", "deleted_at" }));
    BatchInsert campaigns(m_db, QStringLiteral("agency_campaigns"),
        columnNames({ "id", "client_id", "campaign_type", "budget_allocated", "budget_spent", "start_date", "end_date",
            "status", "target_kpis", "actual_kpis", "campaign_brief", "metadata", "deleted_at" }));
    BatchInsert channels(m_db, QStringLiteral("agency_campaign_channels"),
        columnNames({ "id", "campaign_id", "channel_type", "budget_percentage", "budget_amount", "is_active",
            "performance_data", "external_account_id", "external_campaign_id", "notes", "deleted_at" }));

    const Row entry(tables::timeEntriesSpec(), dialect);
    BatchInsert timeEntries(m_db, QStringLiteral("agency_time_entries"),
        columnNames({ "id", "client_id", "work_date", "person", "minutes", "note" }));

    campaigns.setParent(&clients);
    channels.setParent(&campaigns);
    timeEntries.setParent(&clients);
    // The hours worked come from a generator of their own: the same seed still gives the same clients, campaigns and
    // channels as before there were any.
    Generator hoursGen(size.seed ^ 0x7113U);
    const QDate thisMonth(today.year(), today.month(), 1);

    bool overspentMade = false;
    qint64 reported = 0;
    for (int c = 0; c < size.clients; ++c) {
        const QString clientId = gen.uuid();
        const QString& type = clientTypes.at(c % clientTypes.size());
        const QString name = gen.pick(companyFirst) + u' ' + gen.pick(companySecond);
        const QString contact = gen.pick(firstNames) + u' ' + gen.pick(lastNames);
        const QDate contractStart = today.addDays(-gen.between(30, 900));
        // The last client of a larger set is soft-deleted with its whole cascade, as the app would do it.
        const bool clientDeleted = size.clients >= 6 && c == size.clients - 1;
        const QVariant deleted = clientDeleted ? QVariant(deletedAt) : QVariant();
        if (!clients.add({ client("id", clientId), client("client_name", name),
                client("client_legal_name", name + QStringLiteral(" Ltd.")),
                client("sla_tier_id",
                    type == QStringLiteral("project") ? QVariant() : QVariant(tierIds.at(gen.between(0, 3)))),
                client("billing_contact_name", contact),
                client("billing_contact_email", asciiMailbox(contact) + QStringLiteral("@example.com")),
                client("billing_contact_phone", QStringLiteral("+49 30 %1").arg(gen.between(1000000, 9999999))),
                client("billing_contact_address", QStringLiteral("%1 Market Street, Berlin").arg(gen.between(1, 200))),
                client("contract_start_date", contractStart),
                client("contract_end_date",
                    type == QStringLiteral("project") ? QVariant(contractStart.addMonths(6)) : QVariant()),
                client("is_active", c % 11 != 10), client("industry", gen.pick(industries)),
                client("client_type", type),
                client(
                    "internal_notes", c % 4 == 0 ? QVariant(QStringLiteral("Prefers calls on Tuesdays")) : QVariant()),
                client("metadata",
                    json({ { QStringLiteral("source"), QStringLiteral("demo") },
                        { QStringLiteral("account_manager"), gen.pick(firstNames) } })),
                client("deleted_at", deleted) }))
            return fail(clients.lastError());

        // A retainer client's hours this month and last: what its ledger counts against the tier.
        for (int e = 0; type != QStringLiteral("project") && !clientDeleted && e < 7; ++e) {
            const QDate month = e < 4 ? thisMonth : thisMonth.addMonths(-1);
            const int lastDay = e < 4 ? today.day() : month.daysInMonth();
            if (!timeEntries.add({ entry("id", hoursGen.uuid()), entry("client_id", clientId),
                    entry("work_date", month.addDays(hoursGen.between(0, lastDay - 1))),
                    entry("person", hoursGen.pick(firstNames)), entry("minutes", 15 * hoursGen.between(2, 24)),
                    entry("note", hoursGen.pick(workNotes)) }))
                return fail(timeEntries.lastError());
        }

        for (int k = 0; k < size.campaignsPerClient; ++k) {
            const QString campaignId = gen.uuid();
            const QString& status = statuses.at((c + k) % statuses.size());
            const Money allocated = Money::fromCents(gen.between64(1000, 250000) * 100);
            Money spent;
            if (status == QStringLiteral("active") || status == QStringLiteral("paused"))
                spent = allocated.percentOf(Percent::fromHundredths(gen.between(500, 9500)));
            else if (status == QStringLiteral("completed"))
                spent = allocated.percentOf(Percent::fromHundredths(gen.between(8500, 10000)));
            else if (status == QStringLiteral("cancelled"))
                spent = allocated.percentOf(Percent::fromHundredths(gen.between(0, 3000)));
            if (!overspentMade && status == QStringLiteral("active")) {
                spent = allocated.percentOf(Percent::fromHundredths(11250)); // 112.5 %: overspend happens
                overspentMade = true;
            }
            const QDate start = today.addDays(gen.between(-400, 60));
            const int clicks = gen.between(500, 50000);
            const int conversions = std::max(1, clicks / gen.between(15, 60));
            const QJsonObject target { { QStringLiteral("clicks"), clicks },
                { QStringLiteral("conversions"), conversions }, { QStringLiteral("cpa"), gen.between(20, 80) } };
            const bool started = status != QStringLiteral("draft");
            const QJsonObject actual { { QStringLiteral("clicks"), started ? clicks * gen.between(40, 140) / 100 : 0 },
                { QStringLiteral("conversions"), started ? conversions * gen.between(40, 140) / 100 : 0 },
                { QStringLiteral("cpa"), gen.between(15, 110) } };
            const QString& campaignType = campaignTypes.at(gen.between(0, static_cast<int>(campaignTypes.size()) - 1));
            if (!campaigns.add({ campaign("id", campaignId), campaign("client_id", clientId),
                    campaign("campaign_type", campaignType), campaign("budget_allocated", allocated.toDecimalString()),
                    campaign("budget_spent", spent.toDecimalString()), campaign("start_date", start),
                    campaign("end_date", start.addDays(gen.between(30, 240))), campaign("status", status),
                    campaign("target_kpis", json(target)),
                    campaign("actual_kpis", started ? QVariant(json(actual)) : QVariant()),
                    campaign("campaign_brief",
                        QStringLiteral("Grow %1 for %2 with a %3 push.")
                            .arg(k % 2 ? QStringLiteral("leads") : QStringLiteral("awareness"), name, campaignType)),
                    campaign("metadata",
                        json({ { QStringLiteral("name"),
                            QStringLiteral("%1 %2 %3")
                                .arg(name.section(u' ', 0, 0), campaignType.toUpper(),
                                    start.toString(QStringLiteral("MMM yyyy"))) } })),
                    campaign("deleted_at", deleted) }))
                return fail(campaigns.lastError());

            // Shares of at most 90 % of the budget in total, so rounding can never push past it.
            const int n = size.channelsPerCampaign;
            int remaining = 9000;
            for (int h = 0; h < n; ++h) {
                const int share = h == n - 1
                    ? remaining
                    : std::min(remaining, gen.between(remaining / (n - h) / 2, remaining / (n - h)));
                remaining -= share;
                const bool fixed = h % 3 == 1;
                const bool channelDeleted = clientDeleted || (h == 0 && k == 1 && c % 7 == 3);
                const qint64 impressions = gen.between64(10000, 2000000);
                if (!channels.add({ channel("id", gen.uuid()), channel("campaign_id", campaignId),
                        channel("channel_type", QString::fromLatin1(channelTypes[(h + k) % 10])),
                        channel("budget_percentage",
                            fixed ? QVariant() : QVariant(Percent::fromHundredths(share).toDecimalString())),
                        channel("budget_amount",
                            fixed ? QVariant(allocated.percentOf(Percent::fromHundredths(share)).toDecimalString())
                                  : QVariant()),
                        channel("is_active", !(h == n - 1 && n > 2 && k % 5 == 4)),
                        channel("performance_data",
                            json({ { QStringLiteral("impressions"), impressions },
                                { QStringLiteral("clicks"), impressions / gen.between(40, 200) } })),
                        channel("external_account_id", QStringLiteral("acct-%1").arg(gen.between(100000, 999999))),
                        channel("external_campaign_id", QStringLiteral("cmp-%1").arg(gen.between(100000, 999999))),
                        channel("notes", QVariant()),
                        channel("deleted_at", channelDeleted ? QVariant(deletedAt) : QVariant()) }))
                    return fail(channels.lastError());
            }
            if (m_progress && channels.written() - reported >= 100000) {
                reported = channels.written();
                m_progress(reported, totalChannels);
            }
        }
    }
    if (!clients.flush() || !campaigns.flush() || !channels.flush() || !timeEntries.flush())
        return fail(!clients.lastError().isEmpty() ? clients.lastError()
                : !campaigns.lastError().isEmpty() ? campaigns.lastError()
                : !channels.lastError().isEmpty()  ? channels.lastError()
                                                   : timeEntries.lastError());
    QSqlError committed;
    if (!db::commitWrite(m_db, &committed))
        return fail(db::reportSqlError(QCoreApplication::translate("DemoData", "Committing the demo data"), committed));
    if (m_progress && reported != channels.written())
        m_progress(channels.written(), totalChannels);
    // PostgreSQL plans by its statistics, which its autovacuum gathers within the next minute or so: until then a
    // window opened on a million new rows was planned as for an empty table (the dashboard 6.4 s instead of 0.5 s).
    if (db::dialectOf(m_db) == db::Dialect::PostgreSQL) {
        QSqlQuery analyze(m_db);
        if (!analyze.exec(
                QStringLiteral("ANALYZE agency_sla_tiers, agency_clients, agency_campaigns, agency_campaign_channels")))
            spdlog::warn("demo-data: ANALYZE failed: {}", analyze.lastError().text().toStdString());
    }
    if (counts)
        *counts = { tiers.written(), clients.written(), campaigns.written(), channels.written() };
    return true;
}

} // namespace agency::demo
