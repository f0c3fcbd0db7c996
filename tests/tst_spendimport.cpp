// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 31.1: spend and results from the ad platforms' own report exports, written here as each platform's
// reporting writes them (their column names in English and German, Google's title lines and total rows, Microsoft's
// report block and copyright line, German "1.234,56"). Matched to channels by their external ids, kept per channel
// and period, idempotent, a dry run that says what the real run does, currencies refused or converted at a rate;
// every figure checked against sums worked out by hand. On both backends, and through `agency-os import spend`.
#include "db/database.h"
#include "reports/pacingreport.h"
#include "reports/spendcurve.h"
#include "spend/spendimport.h"
#include "support/builders.h"
#include "support/scratchdatabase.h"

#include <QBuffer>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace agency;

namespace {

struct Fixture {
    QString campaign;
    QString meta;
    QString google;
    QString microsoft;
};

// Acme's autumn campaign (in EUR, by its metadata) with a channel on each platform.
Fixture fixture(QSqlDatabase db)
{
    Fixture f;
    const QString client = test::add(db, test::Client { .name = QStringLiteral("Acme") });
    f.campaign = test::add(db,
        test::Campaign { .client = client,
            .allocated = QStringLiteral("5000.00"),
            .spent = QStringLiteral("100.00"),
            .metadata = QStringLiteral(R"({"name": "Autumn", "currency": "EUR"})") });
    f.meta = test::add(db,
        test::Channel { .campaign = f.campaign,
            .type = QStringLiteral("meta_ads"),
            .performance = QStringLiteral(R"({"cpa": 40})"),
            .account = QStringLiteral("1001"),
            .externalCampaign = QStringLiteral("23851111") });
    f.google = test::add(db,
        test::Channel { .campaign = f.campaign,
            .type = QStringLiteral("google_ads"),
            .account = QStringLiteral("1234567890"),
            .externalCampaign = QStringLiteral("987654") });
    f.microsoft = test::add(db,
        test::Channel { .campaign = f.campaign,
            .type = QStringLiteral("bing_ads"),
            .account = QStringLiteral("5551"),
            .externalCampaign = QStringLiteral("7777") });
    return f;
}

spend::SpendImportReport import(
    QSqlDatabase db, const QByteArray& data, bool dryRun = false, const QHash<QString, QString>& rates = {})
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    spend::SpendImportOptions options;
    options.dryRun = dryRun;
    options.rates = rates;
    return spend::importSpend(db, &buffer, options);
}

QString problems(const spend::SpendImportReport& report)
{
    QStringList lines;
    for (const auto& p : report.problems)
        lines << QStringLiteral("line %1: %2").arg(p.line).arg(p.message);
    return lines.join(u'\n');
}

const QByteArray metaEnglish
    = "\"Reporting starts\",\"Reporting ends\",\"Day\",\"Account ID\",\"Campaign name\",\"Campaign ID\",\"Results\","
      "\"Result indicator\",\"Reach\",\"Impressions\",\"Frequency\",\"Cost per result\",\"Amount spent (EUR)\","
      "\"Link clicks\",\"CPC (cost per link click) (EUR)\",\"CTR (link click-through rate)\"\n"
      "2026-11-01,2026-11-03,2026-11-01,1001,\"Autumn – Meta\",23851111,12,actions:link_click,900,1500,1.67,2.10,"
      "25.20,40,0.63,2.67\n"
      "2026-11-01,2026-11-03,2026-11-02,1001,\"Autumn – Meta\",23851111,10,actions:link_click,800,1300,1.63,2.50,"
      "25.00,35,0.71,2.69\n"
      "2026-11-01,2026-11-03,2026-11-03,1001,\"Autumn – Meta\",23851111,150,actions:link_click,9000,20000,2.22,8.23,"
      "1234.56,300,4.12,1.50\n"
      "2026-11-01,2026-11-03,2026-11-01,1001,\"Someone else's\",99999,1,actions:link_click,10,20,2.00,5.00,5.00,1,"
      "5.00,5.00\n";

// The same account in German, a day later and the last day again (an overlapping range), figures as German writes.
const QByteArray metaGerman
    = "\"Berichtsbeginn\",\"Berichtsende\",\"Tag\",\"Konto-ID\",\"Kampagnenname\",\"Kampagnen-ID\",\"Ergebnisse\","
      "\"Reichweite\",\"Impressionen\",\"Frequenz\",\"Kosten pro Ergebnis\",\"Ausgegebener Betrag (EUR)\","
      "\"Link-Klicks\",\"CTR (Link-Klickrate)\"\n"
      "2026-11-03,2026-11-04,2026-11-03,1001,\"Autumn – Meta\",23851111,150,9000,20000,\"2,22\",\"8,23\","
      "\"1.234,56\",300,\"1,50\"\n"
      "2026-11-03,2026-11-04,2026-11-04,1001,\"Autumn – Meta\",23851111,3,400,\"1.000\",\"2,50\",\"3,34\","
      "\"10,00\",20,\"2,00\"\n";

// Acme's campaign of 30 days in November 2026, 10,000.00 in euros: what the pacing tests measure against.
QString novemberCampaign(const QSqlDatabase& db)
{
    const QString client = test::add(db, test::Client { .name = QStringLiteral("Acme") });
    return test::add(db,
        test::Campaign { .client = client,
            .allocated = QStringLiteral("10000.00"),
            .start = QStringLiteral("2026-11-01"),
            .end = QStringLiteral("2026-11-30"),
            .metadata = QStringLiteral(R"({"currency": "EUR"})") });
}

} // namespace

class TestSpendImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void metaOnceInEnglishThenGerman_data() { test::addBackendData(); }
    void metaOnceInEnglishThenGerman();
    void googleAndMicrosoftWithTheirPreambles_data() { test::addBackendData(); }
    void googleAndMicrosoftWithTheirPreambles();
    void anotherCurrencyNeedsARate_data() { test::addBackendData(); }
    void anotherCurrencyNeedsARate();
    void anOverlappingPeriodWritesNothing_data() { test::addBackendData(); }
    void anOverlappingPeriodWritesNothing();
    void theGenericLayout_data() { test::addBackendData(); }
    void theGenericLayout();
    void commandLine();
    void workbooksAsThePlatformsWriteThem_data() { test::addBackendData(); }
    void workbooksAsThePlatformsWriteThem();
    void moreThanAPageOfPeriods_data() { test::addBackendData(); }
    void moreThanAPageOfPeriods();
    void refusedBeforeAnythingIsWritten_data() { test::addBackendData(); }
    void refusedBeforeAnythingIsWritten();
    void throughAPooler();
    void campaignSpendCurveAddsUpByDay_data() { test::addBackendData(); }
    void campaignSpendCurveAddsUpByDay();
    void pacingAsWorkedOutByHand_data() { test::addBackendData(); }
    void pacingAsWorkedOutByHand();
    void pacingNeedsTheRightToReadTheSpend();
};

void TestSpendImport::metaOnceInEnglishThenGerman()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Fixture f = fixture(scratch.db());
    const auto spent = [&]() {
        return test::scalar(
            scratch.db(), QStringLiteral("SELECT budget_spent FROM agency_campaigns WHERE id = ?"), { f.campaign })
            .toString();
    };
    const auto rows = [&]() {
        return test::scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_channel_spend")).toInt();
    };
    const auto logged = [&]() {
        return test::scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_change_log")).toInt();
    };

    // The dry run says what the real run then does, and writes nothing.
    const auto dry = import(scratch.db(), metaEnglish, true);
    QVERIFY2(dry.ok(), qPrintable(problems(dry)));
    QCOMPARE(*dry.platform, spend::Platform::Meta);
    QCOMPARE(dry.lines, 4);
    QCOMPARE(dry.matched, 3);
    QCOMPARE(dry.unmatched.size(), 1);
    QCOMPARE(dry.unmatched.constFirst().line, 5);
    QVERIFY2(dry.unmatched.constFirst().reason.contains(QStringLiteral("account 1001 and campaign 99999")),
        qPrintable(dry.unmatched.constFirst().reason));
    QCOMPARE(rows(), 0);
    QCOMPARE(spent(), QStringLiteral("100.00"));

    const auto real = import(scratch.db(), metaEnglish);
    QVERIFY2(real.ok(), qPrintable(problems(real)));
    QCOMPARE(real.matched, dry.matched);
    QCOMPARE(real.periodsAdded, dry.periodsAdded);
    QCOMPARE(real.periodsAdded, 3);
    QCOMPARE(real.channels.size(), 1);
    const spend::ChannelChange& change = real.channels.constFirst();
    QCOMPARE(change.channelId, f.meta);
    QCOMPARE(change.spentBefore.cents(), 0);
    QCOMPARE(change.spentAfter.toDecimalString(), QStringLiteral("1284.76")); // 25.20 + 25.00 + 1,234.56
    QCOMPARE(change.metricsAfter.value(QStringLiteral("impressions")), 22800.0);
    QCOMPARE(change.metricsAfter.value(QStringLiteral("link_clicks")), 375.0);
    QVERIFY(!change.metricsAfter.contains(QStringLiteral("reach"))); // not a sum
    QCOMPARE(rows(), 3);
    QCOMPARE(spent(), QStringLiteral("1284.76")); // the campaign's spend is what its channels' periods add up to
    const QString performance = test::scalar(
        scratch.db(), QStringLiteral("SELECT performance_data FROM agency_campaign_channels WHERE id = ?"), { f.meta })
                                    .toString();
    QVERIFY2(performance.contains(QStringLiteral("\"impressions\": 22800"))
            || performance.contains(QStringLiteral("\"impressions\":22800")),
        qPrintable(performance));
    QVERIFY2(performance.contains(QStringLiteral("cpa")), qPrintable(performance)); // what was there stays
    QCOMPARE(test::scalar(scratch.db(),
                 QStringLiteral("SELECT spend FROM agency_channel_spend WHERE period_start = '2026-11-03'"))
                 .toString(),
        QStringLiteral("1234.56"));

    // The same file again: nothing changes, not even the history.
    const int before = logged();
    const auto again = import(scratch.db(), metaEnglish);
    QVERIFY2(again.ok(), qPrintable(problems(again)));
    QCOMPARE(again.periodsUnchanged, 3);
    QCOMPARE(again.periodsAdded + again.periodsChanged, 0);
    QVERIFY(again.channels.isEmpty());
    QCOMPARE(rows(), 3);
    QCOMPARE(logged(), before);

    // In German, overlapping by a day: that day the same, the next one added.
    const auto german = import(scratch.db(), metaGerman);
    QVERIFY2(german.ok(), qPrintable(problems(german)));
    QCOMPARE(*german.platform, spend::Platform::Meta);
    QCOMPARE(german.periodsUnchanged, 1);
    QCOMPARE(german.periodsAdded, 1);
    QCOMPARE(german.channels.size(), 1);
    QCOMPARE(german.channels.constFirst().spentBefore.toDecimalString(), QStringLiteral("1284.76"));
    QCOMPARE(german.channels.constFirst().spentAfter.toDecimalString(), QStringLiteral("1294.76"));
    QCOMPARE(german.channels.constFirst().metricsAfter.value(QStringLiteral("impressions")), 23800.0);
    QCOMPARE(rows(), 4);
    QCOMPARE(spent(), QStringLiteral("1294.76"));

    // Figures corrected at the platform (a day's spend restated): that period is replaced, not added.
    QByteArray restated = metaGerman;
    restated.replace("\"10,00\"", "\"12,50\"");
    const auto corrected = import(scratch.db(), restated);
    QVERIFY2(corrected.ok(), qPrintable(problems(corrected)));
    QCOMPARE(corrected.periodsChanged, 1);
    QCOMPARE(rows(), 4);
    QCOMPARE(spent(), QStringLiteral("1297.26"));
}

void TestSpendImport::googleAndMicrosoftWithTheirPreambles()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Fixture f = fixture(scratch.db());
    const QByteArray google = "Campaign report\n"
                              "\"1 November 2026 - 2 November 2026\"\n"
                              "Day,Campaign,Campaign ID,Customer ID,Currency code,Impr.,Clicks,Cost,Conversions\n"
                              "2026-11-01,Autumn Search,987654,123-456-7890,EUR,\"1,200\",80,\"1,050.40\",4.00\n"
                              "2026-11-02,Autumn Search,987654,123-456-7890,EUR,900,60,700.00,2.50\n"
                              "Total: Account,--,--,--,EUR,\"2,100\",140,\"1,750.40\",6.50\n"
                              "Total: Campaigns,--,--,--,EUR,\"2,100\",140,\"1,750.40\",6.50\n";
    auto report = import(scratch.db(), google);
    QVERIFY2(report.ok(), qPrintable(problems(report)));
    QCOMPARE(*report.platform, spend::Platform::GoogleAds);
    QCOMPARE(report.matched, 2);
    QVERIFY(report.unmatched.isEmpty());
    QCOMPARE(report.channels.constFirst().channelId, f.google);
    QCOMPARE(report.channels.constFirst().spentAfter.toDecimalString(), QStringLiteral("1750.40"));
    QCOMPARE(report.channels.constFirst().metricsAfter.value(QStringLiteral("conversions")), 6.5);

    // Google's "CSV for Excel": UTF-16 with its byte order mark, tab-separated (a day later).
    QByteArray excel("\xFF\xFE", 2);
    const QString tabbed = QStringLiteral("Campaign report\n1 November 2026 - 4 November 2026\nDay\tCampaign\tCampaign "
                                          "ID\tCustomer ID\tCurrency code\tImpr.\tClicks\tCost\n2026-11-04\tAutumn "
                                          "Search\t987654\t123-456-7890\tEUR\t10\t1\t0.50\n");
    excel.append(reinterpret_cast<const char*>(tabbed.utf16()), tabbed.size() * 2);
    report = import(scratch.db(), excel);
    QVERIFY2(report.ok(), qPrintable(problems(report)));
    QCOMPARE(report.periodsAdded, 1);
    QCOMPARE(report.channels.constFirst().spentAfter.toDecimalString(), QStringLiteral("1750.90"));

    const QByteArray googleGerman
        = "Kampagnenbericht\n"
          "\"3. November 2026 - 3. November 2026\"\n"
          "Tag;Kampagne;Kampagnen-ID;Kundennummer;Währungscode;Impr.;Klicks;Kosten;Conversions\n"
          "03.11.2026;Autumn Search;987654;123-456-7890;EUR;1.000;50;1.000,50;3,00\n"
          "Gesamt: Konto;--;--;--;EUR;1.000;50;1.000,50;3,00\n";
    report = import(scratch.db(), googleGerman);
    QVERIFY2(report.ok(), qPrintable(problems(report)));
    QCOMPARE(report.channels.constFirst().spentAfter.toDecimalString(), QStringLiteral("2751.40"));
    QCOMPARE(report.channels.constFirst().metricsAfter.value(QStringLiteral("impressions")), 3110.0);

    const QByteArray microsoft = "\"Report Name: Campaign performance\"\n"
                                 "\"Report Time: 11/5/2026\"\n"
                                 "\"Time Zone: (GMT+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna\"\n"
                                 "\"Last Completed Available Day: 11/4/2026 11:59:59 PM\"\n"
                                 "\"Report Aggregation: Daily\"\n"
                                 "\"Report Filter: \"\n"
                                 "\"Potential Incomplete Data: false\"\n"
                                 "\"Rows: 2\"\n"
                                 "\n"
                                 "\"Gregorian date\",\"Account ID\",\"Account name\",\"Campaign ID\",\"Campaign name\","
                                 "\"Impressions\",\"Clicks\",\"Spend\",\"Currency code\",\"Conversions\"\n"
                                 "\"11/1/2026\",\"5551\",\"Acme\",\"7777\",\"Autumn Bing\",\"500\",\"20\",\"45.10\","
                                 "\"EUR\",\"1\"\n"
                                 "\"11/2/2026\",\"5551\",\"Acme\",\"7777\",\"Autumn Bing\",\"400\",\"10\",\"30.05\","
                                 "\"EUR\",\"0\"\n"
                                 "\"©2026 Microsoft Corporation. All rights reserved. \"\n";
    report = import(scratch.db(), microsoft);
    QVERIFY2(report.ok(), qPrintable(problems(report)));
    QCOMPARE(*report.platform, spend::Platform::Microsoft);
    QCOMPARE(report.lines, 2);
    QCOMPARE(report.channels.constFirst().channelId, f.microsoft);
    QCOMPARE(report.channels.constFirst().spentAfter.toDecimalString(), QStringLiteral("75.15"));
    QCOMPARE(test::scalar(scratch.db(),
                 QStringLiteral("SELECT count(*) FROM agency_channel_spend WHERE channel_id = ? AND "
                                "period_start = '2026-11-02' AND platform = 'microsoft'"),
                 { f.microsoft })
                 .toInt(),
        1); // 11/2/2026: month first, as Microsoft writes it in English
    // Every channel's periods add up to the campaign's spend: 2,751.40 + 75.15.
    QCOMPARE(test::scalar(
                 scratch.db(), QStringLiteral("SELECT budget_spent FROM agency_campaigns WHERE id = ?"), { f.campaign })
                 .toString(),
        QStringLiteral("2826.55"));
}

void TestSpendImport::anotherCurrencyNeedsARate()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Fixture f = fixture(scratch.db());
    QByteArray dollars = "Day,Account ID,Campaign ID,Campaign name,Amount spent (USD),Impressions\n"
                         "2026-11-01,1001,23851111,Autumn,100.00,10\n"
                         "2026-11-02,1001,23851111,Autumn,33.33,5\n";
    const auto refused = import(scratch.db(), dollars);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.problems.constFirst().line, 2);
    QVERIFY2(
        refused.problems.constFirst().message.contains(QStringLiteral("the report is in USD, the campaign in EUR")),
        qPrintable(refused.problems.constFirst().message));
    QCOMPARE(test::scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_channel_spend")).toInt(), 0);
    // At 0.9234: 100.00 → 92.34; 33.33 → 30.776922 → 30.78.
    const auto converted
        = import(scratch.db(), dollars, false, { { QStringLiteral("USD"), QStringLiteral("0.9234") } });
    QVERIFY2(converted.ok(), qPrintable(problems(converted)));
    QCOMPARE(converted.channels.constFirst().spentAfter.toDecimalString(), QStringLiteral("123.12"));
    QCOMPARE(
        test::scalar(scratch.db(), QStringLiteral("SELECT DISTINCT currency FROM agency_channel_spend")).toString(),
        QStringLiteral("EUR"));
    QCOMPARE(test::scalar(
                 scratch.db(), QStringLiteral("SELECT budget_spent FROM agency_campaigns WHERE id = ?"), { f.campaign })
                 .toString(),
        QStringLiteral("123.12"));
    QHash<QString, QString> rates;
    QString error;
    QVERIFY(!spend::parseRate(QStringLiteral("USD=0"), &rates, &error));
    QVERIFY(!spend::parseRate(QStringLiteral("USD:0.9"), &rates, &error));
    QVERIFY(spend::parseRate(QStringLiteral("usd=1.5"), &rates, &error));
    QCOMPARE(rates.value(QStringLiteral("USD")), QStringLiteral("1.5"));
}

void TestSpendImport::anOverlappingPeriodWritesNothing()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Fixture f = fixture(scratch.db());
    QVERIFY(import(scratch.db(), metaEnglish).ok());
    // The month as one period, where its days were imported: refused with its line, nothing written.
    const QByteArray month = "Reporting starts,Reporting ends,Account ID,Campaign ID,Amount spent (EUR)\n"
                             "2026-11-01,2026-11-30,1001,23851111,5000.00\n";
    const auto report = import(scratch.db(), month);
    QVERIFY(!report.ok());
    QCOMPARE(report.problems.constFirst().line, 2);
    QVERIFY2(report.problems.constFirst().message.contains(QStringLiteral("overlaps")),
        qPrintable(report.problems.constFirst().message));
    QCOMPARE(test::scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_channel_spend")).toInt(), 3);
    QCOMPARE(test::scalar(
                 scratch.db(), QStringLiteral("SELECT budget_spent FROM agency_campaigns WHERE id = ?"), { f.campaign })
                 .toString(),
        QStringLiteral("1284.76"));
    // A figure that cannot be read refuses the file too, here after lines already on their way to the database:
    // nothing of them stays, and the connection goes on (the next import through it works).
    const auto late = import(scratch.db(),
        "Day,Account ID,Campaign ID,Amount spent (EUR)\n2026-11-10,1001,23851111,1.00\n2026-11-11,1001,23851111,"
        "12.345\n");
    QVERIFY(!late.ok());
    QCOMPARE(late.problems.constFirst().line, 3);
    QCOMPARE(test::scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_channel_spend")).toInt(), 3);
    const auto after
        = import(scratch.db(), "Day,Account ID,Campaign ID,Amount spent (EUR)\n2026-11-10,1001,23851111,1.00\n");
    QVERIFY2(after.ok(), qPrintable(problems(after)));
    QCOMPARE(test::scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_channel_spend")).toInt(), 4);
    // A figure that cannot be read refuses the file too.
    const auto unreadable
        = import(scratch.db(), "Day,Account ID,Campaign ID,Amount spent (EUR)\n2026-11-05,1001,23851111,12.345\n");
    QVERIFY(!unreadable.ok());
    QCOMPARE(unreadable.problems.constFirst().line, 2);
}

void TestSpendImport::theGenericLayout()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Fixture f = fixture(scratch.db());
    const auto report = import(scratch.db(),
        "date,account_id,campaign_id,spend,currency,impressions,clicks\n"
        "2026-11-01,5551,7777,10.50,EUR,100,3\n"
        "2026-11-01,5551,7777,0.25,EUR,10,1\n"); // two lines of one day (a placement each): added up
    QVERIFY2(report.ok(), qPrintable(problems(report)));
    QCOMPARE(*report.platform, spend::Platform::Generic);
    QCOMPARE(report.periodsAdded, 1);
    QCOMPARE(report.channels.constFirst().channelId, f.microsoft);
    QCOMPARE(report.channels.constFirst().spentAfter.toDecimalString(), QStringLiteral("10.75"));
    QCOMPARE(report.channels.constFirst().metricsAfter.value(QStringLiteral("clicks")), 4.0);
    // A file that is no report.
    const auto other = import(scratch.db(), "name,amount\nx,1\n");
    QVERIFY(!other.ok());
    QVERIFY(other.problems.constFirst().message.contains(QStringLiteral("not an ad platform's report")));
}

void TestSpendImport::commandLine()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("sqlite"));
    QVERIFY(scratch.migrate());
    const Fixture f = fixture(scratch.db());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("meta.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(metaEnglish);
    file.close();
    const auto run = [&](const QStringList& extra) {
        QProcess process;
        process.start(QStringLiteral(AGENCY_OS_BINARY),
            QStringList { QStringLiteral("import"), QStringLiteral("spend"), QStringLiteral("--input"), path,
                QStringLiteral("--db"), scratch.dsn() }
                + extra);
        process.waitForFinished(60000);
        return std::tuple { process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError()) };
    };
    auto [code, out, err] = run({ QStringLiteral("--dry-run"), QStringLiteral("--format"), QStringLiteral("meta") });
    QVERIFY2(code == 0, qPrintable(err));
    QVERIFY2(out.contains(QStringLiteral("spend from meta: 4 lines, 3 matched, 1 unmatched; periods: 3 added")),
        qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("channel %1: spend 0.00 → 1284.76").arg(f.meta)), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("unmatched: line 5 (Someone else's)")), qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("dry run: nothing written")));
    QCOMPARE(test::scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_channel_spend")).toInt(), 0);
    std::tie(code, out, err) = run({});
    QVERIFY2(code == 0, qPrintable(err));
    QCOMPARE(test::scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_channel_spend")).toInt(), 3);
    // Refused: exit 1, each problem as "line N: why".
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("Day,Account ID,Campaign ID,Amount spent (USD)\n2026-11-09,1001,23851111,1.00\n");
    file.close();
    std::tie(code, out, err) = run({});
    QCOMPARE(code, 1);
    QVERIFY2(err.contains(QStringLiteral("agency-os: error: line 2: the report is in USD, the campaign in EUR")),
        qPrintable(err));
    std::tie(code, out, err) = run({ QStringLiteral("--format"), QStringLiteral("tiktok") });
    QCOMPARE(code, 2);
}

// Issue 31.1/31.3: a report downloaded as an .xlsx workbook — Meta's in German, written here by openpyxl as a
// spreadsheet holds it: date cells, amounts and counts as number cells (so 1234.56 is a number, not German text) —
// imports through `agency-os import spend` as its CSV does, to the cent.
void TestSpendImport::workbooksAsThePlatformsWriteThem()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Fixture f = fixture(scratch.db());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("Meta-Werbeanzeigen.xlsx"));
    QProcess writer;
    writer.start(QStringLiteral("/usr/bin/python3"),
        { QStringLiteral("-c"),
            QStringLiteral(
                "import datetime, sys, openpyxl\n"
                "wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'Raw Data Report'\n"
                "ws.append(['Berichtsbeginn', 'Berichtsende', 'Tag', 'Konto-ID', 'Kampagnenname', 'Kampagnen-ID',"
                " 'Ergebnisse', 'Reichweite', 'Impressionen', 'Ausgegebener Betrag (EUR)', 'Link-Klicks'])\n"
                "d = datetime.date\n"
                "ws.append([d(2026, 11, 1), d(2026, 11, 3), d(2026, 11, 1), '1001', 'Autumn – Meta', '23851111', 12,"
                " 900, 1500, 25.2, 40])\n"
                "ws.append([d(2026, 11, 1), d(2026, 11, 3), d(2026, 11, 2), '1001', 'Autumn – Meta', '23851111', 10,"
                " 800, 1300, 25, 35])\n"
                "ws.append([d(2026, 11, 1), d(2026, 11, 3), d(2026, 11, 3), 1001, 'Autumn – Meta', 23851111, 150,"
                " 9000, 20000, 1234.56, 300])\n"
                "wb.save(sys.argv[1])\n"),
            path });
    QVERIFY(writer.waitForFinished(60000));
    QVERIFY2(writer.exitCode() == 0, writer.readAllStandardError().constData());
    QProcess process;
    process.start(QStringLiteral(AGENCY_OS_BINARY),
        { QStringLiteral("import"), QStringLiteral("spend"), QStringLiteral("--input"), path, QStringLiteral("--db"),
            scratch.dsn() });
    QVERIFY(process.waitForFinished(60000));
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    QVERIFY2(out.contains(QStringLiteral("spend from meta: 3 lines, 3 matched, 0 unmatched; periods: 3 added")),
        qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("channel %1: spend 0.00 → 1284.76").arg(f.meta)), qPrintable(out));
    QCOMPARE(test::scalar(scratch.db(),
                 QStringLiteral("SELECT spend FROM agency_channel_spend WHERE period_start = '2026-11-03'"))
                 .toString(),
        QStringLiteral("1234.56"));
    QCOMPARE(test::scalar(
                 scratch.db(), QStringLiteral("SELECT budget_spent FROM agency_campaigns WHERE id = ?"), { f.campaign })
                 .toString(),
        QStringLiteral("1284.76"));
}

// Seven years of a channel's days (2,555 periods: more than the import walks at a time, so its pages meet) and 1,005
// lines of campaigns the agency does not track: the import holds a page of the file, not the file. Every sum is
// worked out here from the lines written; again, nothing changes; a day restated deep in the file is replaced; a
// month over days imported before is refused.
void TestSpendImport::moreThanAPageOfPeriods()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Fixture f = fixture(scratch.db());
    const QDate first(2019, 1, 1);
    constexpr int days = 2555;
    const auto cents = [](int day) { return qint64(100 + (day * 7919) % 50000); };
    const auto amount = [&](int day) {
        return QStringLiteral("%1.%2").arg(cents(day) / 100).arg(cents(day) % 100, 2, 10, QLatin1Char('0'));
    };
    QByteArray file = "Day,Account ID,Campaign ID,Amount spent (EUR),Impressions\n";
    qint64 total = 0;
    for (int day = 0; day < days; ++day) {
        file += QStringLiteral("%1,1001,23851111,%2,%3\n")
                    .arg(first.addDays(day).toString(Qt::ISODate), amount(day))
                    .arg(day + 1)
                    .toUtf8();
        total += cents(day);
        if (day % 2 == 0 && day < 2010)
            file += QStringLiteral("%1,1001,5%2,1.00,1\n")
                        .arg(first.addDays(day).toString(Qt::ISODate))
                        .arg(day)
                        .toUtf8();
    }
    const auto rows = [&]() {
        return test::scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_channel_spend")).toInt();
    };
    const auto spent = [&]() {
        return test::scalar(
            scratch.db(), QStringLiteral("SELECT budget_spent FROM agency_campaigns WHERE id = ?"), { f.campaign })
            .toString();
    };

    const auto imported = import(scratch.db(), file);
    QVERIFY2(imported.ok(), qPrintable(problems(imported)));
    QCOMPARE(imported.lines, days + 1005);
    QCOMPARE(imported.matched, days);
    QCOMPARE(imported.unmatchedLines, 1005);
    QCOMPARE(imported.unmatched.size(), spend::SpendImportReport::unmatchedKept);
    QCOMPARE(imported.periodsAdded, days);
    QCOMPARE(imported.channels.size(), 1);
    QCOMPARE(imported.channels.constFirst().spentAfter.cents(), total);
    QCOMPARE(imported.channels.constFirst().metricsAfter.value(QStringLiteral("impressions")),
        double(days) * (days + 1) / 2);
    QCOMPARE(rows(), days);
    QCOMPARE(spent(), domain::Money::fromCents(total).toDecimalString());

    const auto again = import(scratch.db(), file);
    QVERIFY2(again.ok(), qPrintable(problems(again)));
    QCOMPARE(again.periodsUnchanged, days);
    QVERIFY(again.channels.isEmpty());

    // Day 2,400 (in the walk's second page) restated: 12.34 more.
    const QByteArray day2400
        = QStringLiteral("%1,1001,23851111,%2,").arg(first.addDays(2400).toString(Qt::ISODate), amount(2400)).toUtf8();
    QByteArray restated = file;
    QVERIFY(restated.contains(day2400));
    restated.replace(day2400,
        QStringLiteral("%1,1001,23851111,%2,")
            .arg(first.addDays(2400).toString(Qt::ISODate),
                domain::Money::fromCents(cents(2400) + 1234).toDecimalString())
            .toUtf8());
    const auto corrected = import(scratch.db(), restated);
    QVERIFY2(corrected.ok(), qPrintable(problems(corrected)));
    QCOMPARE(corrected.periodsChanged, 1);
    QCOMPARE(corrected.periodsUnchanged, days - 1);
    QCOMPARE(corrected.channels.constFirst().spentBefore.cents(), total);
    QCOMPARE(corrected.channels.constFirst().spentAfter.cents(), total + 1234);
    QCOMPARE(spent(), domain::Money::fromCents(total + 1234).toDecimalString());

    // The last month as one period, over its days: refused by its line, nothing written.
    const QDate last = first.addDays(days - 1);
    QByteArray month = "Reporting starts,Reporting ends,Account ID,Campaign ID,Amount spent (EUR)\n";
    month += QStringLiteral("2019-01-01,2019-01-01,1001,23851111,%1\n").arg(amount(0)).toUtf8();
    month += QStringLiteral("%1,%2,1001,23851111,100.00\n")
                 .arg(QDate(last.year(), last.month(), 1).toString(Qt::ISODate), last.toString(Qt::ISODate))
                 .toUtf8();
    const auto refused = import(scratch.db(), month);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.problems.size(), 1);
    QCOMPARE(refused.problems.constFirst().line, 3);
    QVERIFY2(refused.problems.constFirst().message.contains(QStringLiteral("imported before")),
        qPrintable(refused.problems.constFirst().message));
    QCOMPARE(rows(), days);
    QCOMPARE(spent(), domain::Money::fromCents(total + 1234).toDecimalString());
}

// What the database would refuse is refused first, by its line, in the dry run as in the import: a currency that is
// no code, and a day whose lines add up past what a spend column holds. Nothing is written.
void TestSpendImport::refusedBeforeAnythingIsWritten()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const Fixture f = fixture(scratch.db());
    for (const bool dryRun : { true, false }) {
        const auto code = import(scratch.db(),
            "date,account_id,campaign_id,spend,currency\n"
            "2026-11-01,5551,7777,10.50,EUR\n"
            "2026-11-02,5551,7777,10.50,EURO\n",
            dryRun);
        QVERIFY(!code.ok());
        QCOMPARE(code.problems.constFirst().line, 3);
        QVERIFY2(code.problems.constFirst().message.contains(QStringLiteral("\"EURO\" is not a currency code")),
            qPrintable(code.problems.constFirst().message));
        const auto much = import(scratch.db(),
            "date,account_id,campaign_id,spend,currency\n"
            "2026-11-01,5551,7777,10.50,EUR\n"
            "2026-11-02,5551,7777,6000000000.00,EUR\n"
            "2026-11-02,5551,7777,6000000000.00,EUR\n",
            dryRun);
        QVERIFY(!much.ok());
        QCOMPARE(much.problems.constFirst().line, 3);
        QVERIFY2(much.problems.constFirst().message.contains(QStringLiteral("add up to 12000000000.00")),
            qPrintable(much.problems.constFirst().message));
    }
    QCOMPARE(test::scalar(scratch.db(), QStringLiteral("SELECT count(*) FROM agency_channel_spend")).toInt(), 0);
    QCOMPARE(test::scalar(
                 scratch.db(), QStringLiteral("SELECT budget_spent FROM agency_campaigns WHERE id = ?"), { f.campaign })
                 .toString(),
        QStringLiteral("100.00"));
}

// Through a pooler in transaction mode (pgbouncer), where each transaction may get another server session: the
// import's temporary tables and cursor live in its one transaction.
void TestSpendImport::throughAPooler()
{
    AGENCY_REQUIRE_POOLER(poolerPort);
    AGENCY_SCRATCH(pg, QStringLiteral("postgresql"));
    QVERIFY(pg.migrate());
    const Fixture f = fixture(pg.db());
    auto where = db::ConnectionString::parse(pg.dsn(), nullptr);
    QVERIFY(where);
    where->port = poolerPort;
    QString error;
    {
        QSqlDatabase pooled = db::openDatabase(*where, QStringLiteral("spend through the pooler"), &error);
        QVERIFY2(pooled.isOpen(), qPrintable(error));
        QVERIFY(db::isThroughPooler(pooled));
        for (int round = 0; round < 3; ++round) {
            const auto report = import(pooled, metaEnglish, round == 0);
            QVERIFY2(report.ok(), qPrintable(problems(report)));
            QCOMPARE(report.periodsAdded, round < 2 ? 3 : 0);
            QCOMPARE(report.periodsUnchanged, round < 2 ? 0 : 3);
        }
        pooled.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("spend through the pooler"));
    QCOMPARE(test::scalar(pg.db(), QStringLiteral("SELECT count(*) FROM agency_channel_spend")).toInt(), 3);
    QCOMPARE(
        test::scalar(pg.db(), QStringLiteral("SELECT budget_spent FROM agency_campaigns WHERE id = ?"), { f.campaign })
            .toString(),
        QStringLiteral("1284.76"));
}

// The campaign form's pacing chart (issue 31.2): the campaign's imported spend added up by the day each period ends,
// worked out by hand — 130.00 a day for ten days (two channels), 120.00 on the eleventh — up to the day asked about;
// a deleted channel's spend is not the campaign's.
void TestSpendImport::campaignSpendCurveAddsUpByDay()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const QString campaign = novemberCampaign(scratch.db());
    for (const char* external : { "11", "22", "33" })
        QVERIFY(!test::add(scratch.db(),
            test::Channel { .campaign = campaign,
                .percentage = QStringLiteral("10.00"),
                .account = QStringLiteral("1"),
                .externalCampaign = QString::fromLatin1(external) })
                     .isEmpty());
    QByteArray csv = "date,account_id,campaign_id,spend,currency\n";
    for (int day = 1; day <= 11; ++day) {
        csv += QStringLiteral("2026-11-%1,1,11,120.00,EUR\n").arg(day, 2, 10, QLatin1Char('0')).toUtf8();
        if (day <= 10)
            csv += QStringLiteral("2026-11-%1,1,22,10.00,EUR\n").arg(day, 2, 10, QLatin1Char('0')).toUtf8();
        csv += QStringLiteral("2026-11-%1,1,33,999.99,EUR\n").arg(day, 2, 10, QLatin1Char('0')).toUtf8();
    }
    const auto imported = import(scratch.db(), csv);
    QVERIFY2(imported.ok(), qPrintable(problems(imported)));
    QVERIFY(test::execute(scratch.db(),
        QStringLiteral(
            "UPDATE agency_campaign_channels SET deleted_at = created_at WHERE external_campaign_id = '33'")));

    QString error;
    const auto curve = reports::readSpendCurve(scratch.db(), campaign, QDate(2026, 11, 10), &error);
    QVERIFY2(curve, qPrintable(error));
    QVERIFY(curve->unavailable.isEmpty());
    QCOMPARE(curve->budgetCents, std::optional<qint64>(1000000));
    QCOMPARE(curve->start, QDate(2026, 11, 1));
    QCOMPARE(curve->end, QDate(2026, 11, 30));
    QCOMPARE(curve->cumulative.size(), 10);
    QCOMPARE(curve->cumulative.constFirst(), std::make_pair(QDate(2026, 11, 1), qint64(13000)));
    QCOMPARE(curve->cumulative.at(4), std::make_pair(QDate(2026, 11, 5), qint64(65000)));
    QCOMPARE(curve->spentCents(), std::optional<qint64>(130000));
    // A day later the eleventh counts too: 1,300.00 + 120.00.
    QCOMPARE(reports::readSpendCurve(scratch.db(), campaign, QDate(2026, 11, 30), &error)->spentCents(),
        std::optional<qint64>(142000));
}

// Pacing (issue 31.2) from the spend imported, against figures worked out by hand: a campaign of 30 days in November
// (10,000.00), as of its tenth day.
void TestSpendImport::pacingAsWorkedOutByHand()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const QString campaign = novemberCampaign(scratch.db());
    // 30 % of it: 3,000.00; 120.00 a day for ten days, and one more day after the day asked about.
    const QString fast = test::add(scratch.db(),
        test::Channel { .campaign = campaign,
            .percentage = QStringLiteral("30.00"),
            .account = QStringLiteral("1"),
            .externalCampaign = QStringLiteral("11") });
    // A fixed 500.00; 10.00 a day.
    const QString slow = test::add(scratch.db(),
        test::Channel { .campaign = campaign,
            .amount = QStringLiteral("500.00"),
            .account = QStringLiteral("1"),
            .externalCampaign = QStringLiteral("22") });
    // Nothing imported: no pace, not a zero one.
    const QString quiet = test::add(scratch.db(),
        test::Channel { .campaign = campaign,
            .percentage = QStringLiteral("10.00"),
            .account = QStringLiteral("1"),
            .externalCampaign = QStringLiteral("33") });
    QByteArray csv = "date,account_id,campaign_id,spend,currency\n";
    for (int day = 1; day <= 11; ++day) {
        csv += QStringLiteral("2026-11-%1,1,11,120.00,EUR\n").arg(day, 2, 10, QLatin1Char('0')).toUtf8();
        if (day <= 10)
            csv += QStringLiteral("2026-11-%1,1,22,10.00,EUR\n").arg(day, 2, 10, QLatin1Char('0')).toUtf8();
    }
    const auto imported = import(scratch.db(), csv);
    QVERIFY2(imported.ok(), qPrintable(problems(imported)));

    QString error;
    const auto table = reports::pacingReport(scratch.db(), QDate(2026, 11, 10), {}, &error);
    QVERIFY2(table, qPrintable(error));
    QCOMPARE(table->columns,
        QStringList({ QStringLiteral("channel_id"), QStringLiteral("campaign_id"), QStringLiteral("planned_to_date"),
            QStringLiteral("spent_to_date"), QStringLiteral("pace_pct"), QStringLiteral("projected_at_end"),
            QStringLiteral("runs_out_on"), QStringLiteral("light") }));
    QCOMPARE(table->rows.size(), 3);
    const auto csvOf = [&](int row) {
        QStringList cells;
        for (const reports::ReportCell& cell : table->rows.at(row))
            cells << QString::fromUtf8(cell.csv());
        return cells.join(u',');
    };
    // The slow one is furthest off (60 % of plan), then the fast one (120 %), then the one without a pace.
    // Slow: planned 500 × 10 / 30 = 166.67; spent 100.00; pace 100 / 166.67 = 59.9988 % → 60.00; projected
    // 100 × 30 / 10 = 300.00; at 10.00 a day 500.00 lasts 50 days: 20 December.
    QCOMPARE(csvOf(0), QStringLiteral("%1,%2,166.67,100.00,60.00,300.00,2026-12-20,under").arg(slow, campaign));
    // Fast: planned 3,000 × 10 / 30 = 1,000.00; spent 1,200.00 (the 11th is after the day asked about); 120.00 %;
    // projected 3,600.00; 3,000.00 at 120.00 a day lasts 25 days: 25 November.
    QCOMPARE(csvOf(1), QStringLiteral("%1,%2,1000.00,1200.00,120.00,3600.00,2026-11-25,over").arg(fast, campaign));
    QCOMPARE(csvOf(2), QStringLiteral("%1,%2,333.33,,,,,").arg(quiet, campaign));
    // The dashboard reads only the channels with imported spend: the quiet one is not read at all.
    const auto withSpend
        = reports::readPaces(scratch.db(), QDate(2026, 11, 10), {}, &error, reports::PaceScope::WithSpend);
    QVERIFY2(withSpend, qPrintable(error));
    QCOMPARE(withSpend->size(), 2);
    QCOMPARE(withSpend->at(0).channelId, slow);
    QCOMPARE(withSpend->at(1).channelId, fast);
    // Within ±10 % is on pace; the line's own edges.
    QCOMPARE(reports::paceOf(domain::Money::fromCents(300000), QDate(2026, 11, 1), QDate(2026, 11, 30),
                 domain::Money::fromCents(110000), QDate(2026, 11, 10))
                 .light,
        QStringLiteral("on"));
    QCOMPARE(reports::paceOf(domain::Money::fromCents(300000), QDate(2026, 11, 1), QDate(2026, 11, 30),
                 domain::Money::fromCents(110001), QDate(2026, 11, 10))
                 .light,
        QStringLiteral("over"));
    // Before the first day nothing is planned yet; no budget, no plan.
    QVERIFY(!reports::paceOf(
        domain::Money::fromCents(300000), QDate(2026, 11, 1), QDate(2026, 11, 30), domain::Money(), QDate(2026, 10, 31))
                 .paceHundredths);
    QVERIFY(
        !reports::paceOf(std::nullopt, QDate(2026, 11, 1), QDate(2026, 11, 30), domain::Money(), QDate(2026, 11, 10))
             .plannedCents);

    // The command as a script runs it: the same rows, by --month (November: as of its last day).
    QProcess process;
    process.start(QStringLiteral(AGENCY_OS_BINARY),
        { QStringLiteral("report"), QStringLiteral("pacing"), QStringLiteral("--month"), QStringLiteral("2026-11"),
            QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--output"), QStringLiteral("-"),
            QStringLiteral("--db"), scratch.dsn() });
    QVERIFY(process.waitForFinished(60000));
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    QVERIFY2(
        out.startsWith(QStringLiteral(
            "channel_id,campaign_id,planned_to_date,spent_to_date,pace_pct,projected_at_end,runs_out_on,light\r\n")),
        qPrintable(out));
    // As of 30 November: fast planned 3,000.00, spent 1,320.00 (44.00 %).
    QVERIFY2(out.contains(QStringLiteral("%1,%2,3000.00,1320.00,44.00,1320.00,").arg(fast, campaign)), qPrintable(out));
}

// A role that may read the agency tables but not the imported spend is told so (and the dashboard, which reads the
// pacing beside its money, goes on without it).
void TestSpendImport::pacingNeedsTheRightToReadTheSpend()
{
    AGENCY_SCRATCH(scratch, QStringLiteral("postgresql"));
    QVERIFY(scratch.migrate());
    fixture(scratch.db());
    const QString role = QStringLiteral("reader_%1").arg(QCoreApplication::applicationPid());
    QVERIFY(test::execute(scratch.db(), QStringLiteral("CREATE ROLE %1 NOLOGIN").arg(role)));
    QVERIFY(test::execute(scratch.db(),
        QStringLiteral("GRANT SELECT ON agency_clients, agency_campaigns, agency_campaign_channels TO %1").arg(role)));
    QVERIFY(test::execute(scratch.db(), QStringLiteral("SET ROLE %1").arg(role)));
    QString error;
    const auto paces = reports::readPaces(scratch.db(), QDate(2026, 11, 10), {}, &error);
    QVERIFY(test::execute(scratch.db(), QStringLiteral("RESET ROLE")));
    QVERIFY(!paces);
    QVERIFY2(error.contains(QStringLiteral("may not read the imported spend")), qPrintable(error));
    QVERIFY(test::execute(scratch.db(), QStringLiteral("DROP OWNED BY %1; DROP ROLE %1").arg(role)));
}

QTEST_GUILESS_MAIN(TestSpendImport)
#include "tst_spendimport.moc"
