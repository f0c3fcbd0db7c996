// SPDX-License-Identifier: GPL-3.0-or-later
// The chart widgets hold what the report structs say, to the cent; the command line writes valid PNG, SVG and PDF.
#include "charts/budgetsplitchart.h"
#include "charts/chartoutput.h"
#include "charts/chartpalette.h"
#include "charts/dashboardcharts.h"
#include "charts/kpichart.h"
#include "demo/demodata.h"
#include "domain/moneyscale.h"
#include "guisupport.h"
#include "support/builders.h"
#include "support/scratchdatabase.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QImage>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QProcess>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace agency;
using reports::Money;

namespace {
// A total whose campaigns all have both figures.
reports::BudgetTotals totals(const QString& key, const QString& label, Money allocated, Money spent, Money overspend,
    int campaigns, int overspent)
{
    reports::BudgetTotals t;
    t.key = key;
    t.label = label;
    t.allocated = t.pairedAllocated = allocated;
    t.spent = t.pairedSpent = spent;
    t.overspend = overspend;
    t.campaigns = campaigns;
    t.overspentCampaigns = overspent;
    return t;
}

reports::CampaignSplit split(
    std::optional<qint64> allocated, const QList<std::pair<QString, qint64>>& channels, bool lastInactive = false)
{
    reports::CampaignSplit s;
    s.label = QStringLiteral("Spring launch");
    if (allocated)
        s.allocated = Money::fromCents(*allocated);
    for (qsizetype i = 0; i < channels.size(); ++i) {
        const bool active = !(lastInactive && i == channels.size() - 1);
        s.slices.append({ QString::number(i), channels.at(i).first, Money::fromCents(channels.at(i).second), active });
        if (active)
            s.activeTotal += Money::fromCents(channels.at(i).second);
    }
    if (s.allocated && s.activeTotal <= *s.allocated)
        s.unallocated = *s.allocated - s.activeTotal;
    else if (s.allocated)
        s.overAllocation = s.activeTotal - *s.allocated;
    return s;
}

struct Run {
    int code = -1;
    QString err;
};

Run agencyOs(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(AGENCY_OS_BINARY), arguments);
    process.waitForFinished(60000);
    return { process.exitCode(), QString::fromUtf8(process.readAllStandardError()) };
}

QString pdfText(const QString& path)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"), { QStringLiteral("-layout"), path, QStringLiteral("-") });
    process.waitForFinished(30000);
    return QString::fromUtf8(process.readAllStandardOutput());
}
}

class TestCharts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pieHasOneSlicePerActiveChannelPlusUnallocated();
    void pieSaysOverAllocation();
    void pieGroupsManySmallChannels();
    void neighbouringSlicesStayApartInGreyscale();
    void kpiBarsColourByTrackAndDrawTheTarget();
    void kpiLabelsAreDrawnWholeInASmallChart();
    void splitLegendIsDrawnWholeInASmallChart();
    void dashboardChartsHoldTheTotals();
    void moneyScaleTicksInReadableSteps_data();
    void moneyScaleTicksInReadableSteps();
    void dashboardChartsShowWholeExactFigures();
    void chartsTakeTheWindowsPalette();
    void commandLineWritesPngSvgAndPdf_data() { test::addBackendData(); }
    void commandLineWritesPngSvgAndPdf();
    void commandLineRefusesBadInput();
    void financeReviewSummarisesAManyCampaignAgency_data() { test::addBackendData(); }
    void financeReviewSummarisesAManyCampaignAgency();
};

void TestCharts::pieHasOneSlicePerActiveChannelPlusUnallocated()
{
    ui::BudgetSplitChart chart;
    chart.setSplit(split(1000000, { { "google", 125000 }, { "meta", 250000 }, { "radio", 300000 } }, true));
    QPieSeries* series = chart.series();
    QCOMPARE(series->count(), 3); // google, meta, Unallocated — the inactive radio is not a slice
    QCOMPARE(series->slices().at(0)->label(), QStringLiteral("meta 25.00 %"));
    QVERIFY(series->slices().at(2)->label().startsWith(QStringLiteral("Unallocated")));
    QCOMPARE(series->slices().at(2)->value(), 6250.00);
    QCOMPARE(series->slices().at(2)->color(), QColor(0xc8, 0xcc, 0xd0));
    // The legend carries the exact amounts.
    const auto markers = chart.chart()->legend()->markers(series);
    QCOMPARE(markers.at(0)->label(),
        QStringLiteral("meta  ") + Money::fromCents(250000).toDisplayString() + QStringLiteral(" (25.00 %)"));
    QVERIFY(!chart.chart()->title().contains(QStringLiteral("OVER")));
}

void TestCharts::pieSaysOverAllocation()
{
    ui::BudgetSplitChart chart;
    chart.setSplit(split(100000, { { "google", 80000 }, { "meta", 30001 } }));
    QCOMPARE(chart.series()->count(), 2); // no Unallocated slice
    QVERIFY2(chart.chart()->title().contains(
                 QStringLiteral("OVER-ALLOCATED by ") + Money::fromCents(10001).toDisplayString()),
        qPrintable(chart.chart()->title()));
    QCOMPARE(chart.chart()->titleBrush().color(), QColor(0xc6, 0x28, 0x28));
    // One share definition on every surface: of the allocation, as the split's table has it. 5.35 split into two
    // 50 % channels is 2.68 each (half a cent up), 50.09 % each of 5.35 — not 50 % of the 5.36 they add up to.
    chart.setSplit(split(535, { { "google", 268 }, { "meta", 268 } }));
    const auto markers = chart.chart()->legend()->markers(chart.series());
    QCOMPARE(markers.size(), 2);
    for (const auto* marker : markers)
        QVERIFY2(marker->label().endsWith(QStringLiteral(" (50.09 %)")), qPrintable(marker->label()));
}

void TestCharts::pieGroupsManySmallChannels()
{
    QList<std::pair<QString, qint64>> many;
    for (int i = 0; i < 20; ++i)
        many.append({ QStringLiteral("ch%1").arg(i, 2, 10, QLatin1Char('0')), 1000 + i });
    ui::BudgetSplitChart chart;
    chart.setSplit(split(std::nullopt, many));
    QCOMPARE(chart.series()->count(), ui::BudgetSplitChart::maxSlices + 1);
    const QPieSlice* other = chart.series()->slices().constLast();
    QVERIFY(other->label().startsWith(QStringLiteral("Other (8 channels)")));
    QCOMPARE(other->value(), (1000 + 1001 + 1002 + 1003 + 1004 + 1005 + 1006 + 1007) / 100.0); // the eight smallest
}

// Neighbouring slices (content and display, email and other) were shades of one blue: now each of seven channels has
// its own Okabe–Ito colour (distinct for colour-blind readers), and any two that touch — the last and the first too —
// differ in lightness by at least 38 of 255, as a greyscale print shows them. The bars take the same palette.
void TestCharts::neighbouringSlicesStayApartInGreyscale()
{
    QList<std::pair<QString, qint64>> seven;
    for (const char* type : { "content", "display", "email", "other", "ppc", "seo", "social" })
        seven.append({ QString::fromLatin1(type), 10000 });
    ui::BudgetSplitChart chart;
    chart.setSplit(split(std::nullopt, seven));
    const auto slices = chart.series()->slices();
    QCOMPARE(slices.size(), 7);
    const QSet<QRgb> okabeIto { qRgb(0x00, 0x72, 0xb2), qRgb(0xe6, 0x9f, 0x00), qRgb(0xd5, 0x5e, 0x00),
        qRgb(0xf0, 0xe4, 0x42), qRgb(0x56, 0xb4, 0xe9), qRgb(0x00, 0x9e, 0x73), qRgb(0xcc, 0x79, 0xa7) };
    QSet<QRgb> used;
    for (qsizetype i = 0; i < slices.size(); ++i) {
        const QColor colour = slices.at(i)->color();
        const QColor next = slices.at((i + 1) % slices.size())->color();
        QVERIFY2(okabeIto.contains(colour.rgb()), qPrintable(colour.name()));
        used.insert(colour.rgb());
        QVERIFY2(std::abs(qGray(colour.rgb()) - qGray(next.rgb())) >= 38,
            qPrintable(QStringLiteral("%1 beside %2").arg(colour.name(), next.name())));
    }
    QCOMPARE(used.size(), 7);
    QVERIFY(std::abs(qGray(ui::seriesColour::blue.rgb()) - qGray(ui::seriesColour::skyBlue.rgb())) >= 38); // the bars
}

// The KPI chart as a campaign's page shows it on a 1366×768 screen (about 420 × 260): each metric's name and each
// legend entry is drawn whole, turned or smaller if need be — never "conve…" or "Nicht i…".
// The budget split's pie as a campaign's page shows it at 1366×768 in German (about 540 × 350): every legend entry,
// name, amount and share, is drawn whole (they ran off the right edge: "(31,29" without its "%)").
void TestCharts::splitLegendIsDrawnWholeInASmallChart()
{
    QList<std::pair<QString, qint64>> channels;
    for (const char* name : { "Displaynetzwerk", "YouTube", "Newsletter", "SEO-Inhalte", "LinkedIn Ads", "TikTok Ads" })
        channels.append({ QString::fromLatin1(name), 2000000 + 1000 * channels.size() });
    ui::BudgetSplitChart chart;
    chart.resize(540, 350);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setSplit(split(20000000, channels));
    QCoreApplication::processEvents();
    const QStringList drawn = test::drawnTexts(&chart);
    const auto markers = chart.chart()->legend()->markers();
    QVERIFY(markers.size() >= 6);
    for (QLegendMarker* marker : markers)
        QVERIFY2(drawn.contains(marker->label().simplified()),
            qPrintable(marker->label() + QStringLiteral(" not whole in: ") + drawn.join(u'|')));
}

void TestCharts::kpiLabelsAreDrawnWholeInASmallChart()
{
    ui::KpiChart chart;
    QList<reports::KpiLine> kpis;
    for (const char* metric :
        { "conversions", "impressions", "cost_per_lead", "newsletter_signups", "engagement_rate" })
        kpis.append({ QString::fromLatin1(metric), 100.0, 80.0, 0.8, false });
    chart.resize(420 + 360, 260);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setKpis(QStringLiteral("Spring"), kpis);
    QCoreApplication::processEvents();
    QChartView* view = chart.chartView();
    const QStringList drawn = test::drawnTexts(view);
    const QString all = drawn.join(u'|');
    for (const auto& kpi : kpis)
        QVERIFY2(drawn.contains(kpi.metric), qPrintable(kpi.metric + QStringLiteral(" not whole in: ") + all));
    for (QLegendMarker* marker : view->chart()->legend()->markers())
        QVERIFY2(
            drawn.contains(marker->label()), qPrintable(marker->label() + QStringLiteral(" not whole in: ") + all));
    QVERIFY2(!all.contains(u'…'), qPrintable(all));
}

void TestCharts::kpiBarsColourByTrackAndDrawTheTarget()
{
    ui::KpiChart chart;
    QList<reports::KpiLine> kpis { { "clicks", 1000.0, 1200.0, 1.2, false }, { "cpa", 40.0, 50.0, 0.8, true },
        { "ctr", 0.0, std::nullopt, std::nullopt, false } };
    chart.setKpis(QStringLiteral("Spring"), kpis);
    QCOMPARE(chart.onTrack()->count(), 3);
    QCOMPARE(chart.onTrack()->at(0), 120.0);
    QCOMPARE(chart.offTrack()->at(0), 0.0);
    QCOMPARE(chart.offTrack()->at(1), 80.0);
    QCOMPARE(chart.onTrack()->at(1), 0.0);
    QCOMPARE(chart.targetLine()->at(0).y(), 100.0);
    QCOMPARE(chart.targetLine()->at(1).x(), 2.5);
    // No attainment (target 0, no actual) is said under the name, not drawn as an off-track 0 %.
    const auto* categories = qobject_cast<QBarCategoryAxis*>(chart.chart()->axes(Qt::Horizontal).constFirst());
    QVERIFY(categories);
    QVERIFY2(categories->at(2).contains(QStringLiteral("n/a: no actual yet")), qPrintable(categories->at(2)));
    QVERIFY(!categories->at(0).contains(QStringLiteral("n/a")));
    QCOMPARE(chart.table()->rowCount(), 3);
    QCOMPARE(chart.table()->item(1, 3)->text(), QLocale().toString(80.0, 'f', 1) + QStringLiteral(" %"));
    QCOMPARE(chart.table()->item(2, 3)->text(), QStringLiteral("n/a"));
    QVERIFY(chart.chart()->title().contains(QStringLiteral("Spring")));
}

void TestCharts::dashboardChartsHoldTheTotals()
{
    const reports::BudgetTotals acme
        = totals("a", "Acme", Money::fromCents(1500000), Money::fromCents(1200050), Money::fromCents(200050), 2, 1);
    const reports::BudgetTotals globex
        = totals("g", "Globex", Money::fromCents(250025), Money::fromCents(250025), Money(), 1, 0);
    std::unique_ptr<QChart> clients(ui::clientBudgetChart({ acme, globex }));
    auto* const bars = clients->series().constFirst();
    QVERIFY(bars);
    auto* barSeries = qobject_cast<QAbstractBarSeries*>(bars);
    QCOMPARE(barSeries->barSets().size(), 3);
    // Largest first from the top (the last category): Globex, then Acme, which overspent and so comes first of all.
    QCOMPARE(barSeries->barSets().at(1)->at(1), 12000.50);
    QCOMPARE(barSeries->barSets().at(2)->at(1), 2000.50); // overspend, in vermillion (Okabe–Ito's red)
    QCOMPARE(barSeries->barSets().at(0)->at(0), 2500.25);
    QCOMPARE(barSeries->barSets().at(2)->color(), ui::seriesColour::vermillion);
    std::unique_ptr<QChart> tiers(ui::retainerChart({ { "t", "Gold", Money::fromCents(400000), 2 } }));
    QCOMPARE(qobject_cast<QBarSeries*>(tiers->series().constFirst())->barSets().at(0)->at(0), 8000.0);
    // Rendered at 100 % and at 200 %: the same picture, twice the pixels.
    const QImage normal = ui::renderChart(clients.get(), QSize(400, 300), 1.0);
    const QImage retina = ui::renderChart(clients.get(), QSize(400, 300), 2.0);
    QCOMPARE(normal.size(), QSize(400, 300));
    QCOMPARE(retina.size(), QSize(800, 600));
}

void TestCharts::chartsTakeTheWindowsPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(28, 30, 33));
    dark.setColor(QPalette::Text, QColor(226, 228, 231));
    std::unique_ptr<QChart> types(
        ui::typeSpendChart({ totals("seo", "seo", Money(), Money::fromCents(100), Money(), 1, 0) }));
    ui::applyPalette(types.get(), dark);
    QCOMPARE(types->backgroundBrush().color(), QColor(28, 30, 33));
    QCOMPARE(types->legend()->labelColor(), QColor(226, 228, 231));
    QCOMPARE(qobject_cast<QPieSeries*>(types->series().constFirst())->slices().constFirst()->labelColor(),
        QColor(226, 228, 231));
    // An over-allocated split keeps its red title in any palette.
    ui::BudgetSplitChart pie;
    pie.setSplit(split(100000, { { "google", 80000 }, { "meta", 30001 } }));
    ui::applyPalette(pie.chart(), dark);
    QCOMPARE(pie.chart()->titleBrush().color(), QColor(0xc6, 0x28, 0x28));
}

void TestCharts::commandLineWritesPngSvgAndPdf()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    const QString acme = test::add(scratch.db(),
        test::Client {
            .id = QStringLiteral("20000000-0000-4000-8000-000000000001"), .name = QStringLiteral("Acme Widgets") });
    const QString globexCorp = test::add(scratch.db(),
        test::Client {
            .id = QStringLiteral("20000000-0000-4000-8000-000000000002"), .name = QStringLiteral("Globex Corp") });
    QVERIFY(!test::add(scratch.db(),
        test::Campaign { .id = QStringLiteral("30000000-0000-4000-8000-000000000001"),
            .client = acme,
            .type = QStringLiteral("ppc"),
            .status = QStringLiteral("active"),
            .allocated = QStringLiteral("1000.00"),
            .spent = QStringLiteral("1250.00"),
            .targetKpis = QStringLiteral("{\"clicks\": 100}"),
            .actualKpis = QStringLiteral("{\"clicks\": 90}"),
            .metadata = QStringLiteral("{\"name\": \"Blowout Sale\"}") })
                 .isEmpty());
    QVERIFY(!test::add(scratch.db(),
        test::Campaign { .client = globexCorp,
            .type = QStringLiteral("seo"),
            .status = QStringLiteral("active"),
            .allocated = QStringLiteral("5000.00"),
            .spent = QStringLiteral("100.00") })
                 .isEmpty());
    QVERIFY(!test::add(scratch.db(),
        test::Channel { .campaign = QStringLiteral("30000000-0000-4000-8000-000000000001"),
            .type = QStringLiteral("google"),
            .percentage = QStringLiteral("60.00") })
                 .isEmpty());
    QTemporaryDir dir;
    const QString campaign = QStringLiteral("30000000-0000-4000-8000-000000000001");
    Run run = agencyOs({ "chart", "budget-split", "--campaign", campaign, "--db", scratch.dsn(), "-o",
        dir.filePath("split.png"), "--size", "640x400" });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    const QImage png(dir.filePath(QStringLiteral("split.png")));
    QCOMPARE(png.size(), QSize(640, 400));
    run = agencyOs({ "chart", "kpi", "--campaign", campaign, "--db", scratch.dsn(), "-o", dir.filePath("kpi.svg") });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QFile svg(dir.filePath(QStringLiteral("kpi.svg")));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    const QByteArray svgText = svg.readAll();
    QVERIFY(svgText.contains("<svg"));
    QVERIFY(svgText.contains("clicks"));
    run = agencyOs({ "report", "finance", "--db", scratch.dsn(), "-o", dir.filePath("review.pdf") });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QFile pdf(dir.filePath(QStringLiteral("review.pdf")));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    const QString text = pdfText(dir.filePath(QStringLiteral("review.pdf")));
    QVERIFY2(text.contains(QStringLiteral("Acme Widgets")) && text.contains(QStringLiteral("Globex Corp")),
        qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("Blowout Sale")) && text.contains(QStringLiteral("OVERSPENT")), qPrintable(text));
    // A document: where and when from, the headline figures (6,000.00 allocated, 1,350.00 spent), page numbers, and
    // the rules of its totals in words.
    QVERIFY2(text.contains(QStringLiteral("Generated ")) && text.contains(QStringLiteral("page 1"))
            && text.contains(QStringLiteral("page 2")),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("6,000.00")) && text.contains(QStringLiteral("1,350.00")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("OVERSPENT by 250.00")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("never as 0")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Appendix: every campaign (2)")), qPrintable(text));
    // The same figures as CSV: the total, each client, each campaign, NULL as an empty field.
    run = agencyOs({ "report", "finance", "--db", scratch.dsn(), "-o", dir.filePath("review.csv") });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QFile csv(dir.filePath(QStringLiteral("review.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(csv.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 6); // header, total, 2 clients, 2 campaigns
    QVERIFY2(lines.at(1).startsWith(QStringLiteral("total,,,,,,,,,2,6000.00,1350.00,4650.00,22.50,,1,250.00,0,0,")),
        qPrintable(lines.at(1)));
    QVERIFY2(lines.filter(QStringLiteral("Blowout Sale"))
                 .value(0)
                 .contains(QStringLiteral(",1000.00,1250.00,-250.00,125.00,,,,,,,,over_limit,OVERSPENT by 250.00")),
        qPrintable(lines.join(u'\n')));
    // --format names it whatever the file is called; an unknown one is refused, naming the option.
    run = agencyOs(
        { "report", "finance", "--db", scratch.dsn(), "--format", "csv", "-o", dir.filePath("figures.txt") });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    run = agencyOs({ "report", "finance", "--db", scratch.dsn(), "--format", "ods", "-o", dir.filePath("f.ods") });
    QCOMPARE(run.code, 2);
    QVERIFY2(run.err.contains(QStringLiteral("--format")), qPrintable(run.err));
    // Filtered to one client: the other is not in it.
    run = agencyOs({ "report", "finance", "--db", scratch.dsn(), "--client", "20000000-0000-4000-8000-000000000002",
        "-o", dir.filePath("globex.pdf") });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    const QString globex = pdfText(dir.filePath(QStringLiteral("globex.pdf")));
    QVERIFY(globex.contains(QStringLiteral("Globex Corp")));
    QVERIFY(!globex.contains(QStringLiteral("Blowout Sale")));
    QVERIFY(!globex.contains(QStringLiteral("OVERSPENT")));
}

// Beyond 1,000 campaigns the review is a summary: every client's totals, and only the campaigns that need attention
// (overspent or off pace), saying how many of how many it lists and where the full list is.
void TestCharts::financeReviewSummarisesAManyCampaignAgency()
{
    AGENCY_MIGRATED_SCRATCH(scratch);
    QVERIFY(demo::DemoDataWriter(scratch.db()).write({ 12, 100, 1, 4 }, nullptr)); // the demo deletes one client
    const int live = test::scalar(scratch.db(),
        QStringLiteral("SELECT count(*) FROM agency_campaigns c JOIN agency_clients cl ON cl.id = c.client_id "
                       "WHERE c.deleted_at IS NULL AND cl.deleted_at IS NULL"))
                         .toInt();
    QVERIFY(live > ui::financeReviewFullListLimit);
    QSqlQuery q(scratch.db());
    QVERIFY(q.exec(QStringLiteral("SELECT id FROM agency_campaigns WHERE deleted_at IS NULL ORDER BY id LIMIT 2")));
    QVERIFY(q.next());
    const QString runaway = q.value(0).toString();
    QVERIFY(q.next());
    const QString quiet = q.value(0).toString();
    q.finish();
    QVERIFY(test::execute(scratch.db(),
        QStringLiteral("UPDATE agency_campaigns SET metadata = '{\"name\": \"Runaway Spend\"}', "
                       "budget_allocated = '100.00', budget_spent = '250.00' WHERE id = ?"),
        { runaway }));
    QVERIFY(test::execute(scratch.db(),
        QStringLiteral("UPDATE agency_campaigns SET metadata = '{\"name\": \"Quiet Campaign\"}', status = 'draft', "
                       "budget_allocated = '100.00', budget_spent = '0.00' WHERE id = ?"),
        { quiet }));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("review.pdf"));
    const Run run = agencyOs({ "report", "finance", "--db", scratch.dsn(), "-o", path });
    QVERIFY2(run.code == 0, qPrintable(run.err));
    const QString text = pdfText(path).normalized(QString::NormalizationForm_KC); // "ﬀ" (a ligature) as "ff"
    QVERIFY2(text.contains(QStringLiteral("Totals by client")), qPrintable(text.left(2000)));
    QVERIFY(q.exec(QStringLiteral("SELECT client_name FROM agency_clients WHERE deleted_at IS NULL")));
    while (q.next())
        QVERIFY2(text.contains(q.value(0).toString()), qPrintable(q.value(0).toString()));
    QVERIFY2(text.contains(QStringLiteral("Campaigns needing attention")), qPrintable(text.left(2000)));
    QVERIFY2(QString(text).remove(u',').contains(QStringLiteral("(of %1 campaigns)").arg(live)), qPrintable(text));
    // The per-campaign detail is not dumped into the document: it says where it is.
    QVERIFY2(text.contains(QStringLiteral("Appendix: the %1 campaigns").arg(live)), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("--format csv")));
    QVERIFY(text.contains(QStringLiteral("Runaway Spend")));
    QVERIFY(text.contains(QStringLiteral("OVERSPENT")));
    QVERIFY(!text.contains(QStringLiteral("Quiet Campaign")));
}

void TestCharts::commandLineRefusesBadInput()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("x.db"));
    const QString out = dir.filePath(QStringLiteral("out.png"));
    // An empty database that exists (a path that does not is refused as mistyped: tst_cli).
    QCOMPARE(agencyOs({ QStringLiteral("migrate"), QStringLiteral("up"), QStringLiteral("--db"), db }).code, 0);
    struct Case {
        QStringList arguments;
        int code;
        const char* mentions;
    };
    const QList<Case> cases {
        { { "chart", "budget-split", "--campaign", "30000000-0000-4000-8000-00000000dead", "--db", db, "-o", out }, 1,
            "no campaign" },
        { { "chart", "kpi", "--db", db, "-o", out }, 2, "--campaign" },
        { { "chart", "pie", "--campaign", "x", "--db", db, "-o", out }, 2, "budget-split or kpi" },
        { { "chart", "kpi", "--campaign", "x", "--db", db, "-o", dir.filePath("out.gif") }, 2, ".png or .svg" },
        { { "chart", "kpi", "--campaign", "x", "--db", db, "-o", out, "--size", "huge" }, 2, "--size" },
        { { "chart", "kpi", "--campaign", "x", "--db", db, "-o", out, "--size", "10x10" }, 2, "--size" },
        { { "report", "finance", "--db", db, "-o", dir.filePath("r.txt") }, 2, ".pdf" },
        { { "report", "finance", "--db", db, "--status", "done", "-o", dir.filePath("r.pdf") }, 2, "--status" },
        { { "report", "finance", "--db", db, "-o", dir.filePath("no/such/folder/r.pdf") }, 1, "cannot write" },
        { { "report", "finance", "--db", db, "--client", "20000000-0000-4000-8000-00000000dead", "-o",
              dir.filePath("c.pdf") },
            1, "no campaigns for client" },
    };
    for (const Case& c : cases) {
        const Run run = agencyOs(c.arguments);
        QVERIFY2(run.code == c.code,
            qPrintable(c.arguments.join(u' ') + QStringLiteral(" → ") + QString::number(run.code) + u' ' + run.err));
        QVERIFY2(run.err.startsWith(QStringLiteral("agency-os: error: "))
                && run.err.contains(QString::fromLatin1(c.mentions)),
            qPrintable(run.err));
        QCOMPARE(run.err.count(u'\n'), 1);
    }
    QVERIFY(!QFile::exists(out));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("c.pdf"))));
}

QTEST_MAIN(TestCharts)
void TestCharts::moneyScaleTicksInReadableSteps_data()
{
    QTest::addColumn<qint64>("highestCents");
    QTest::addColumn<QStringList>("labels");
    QTest::addColumn<QString>("title");
    QTest::newRow("299,999,999.97") << qint64(29999999997) << QStringList { "0", "100", "200", "300" }
                                    << QStringLiteral("amount (millions)");
    QTest::newRow("3,000.00") << qint64(300000) << QStringList { "0", "1,000", "2,000", "3,000" }
                              << QStringLiteral("amount");
    QTest::newRow("2,191,540.00 (ticked at 219154 before)")
        << qint64(219154000) << QStringList { "0", "500", "1,000", "1,500", "2,000", "2,500" }
        << QStringLiteral("amount (thousands)");
    QTest::newRow("27 billion") << qint64(2700000000000) << QStringList { "0", "10", "20", "30" }
                                << QStringLiteral("amount (billions)");
    QTest::newRow("12,500.00: steps of 2.5 thousand")
        << qint64(1250000) << QStringList { "0", "2.5", "5", "7.5", "10", "12.5" }
        << QStringLiteral("amount (thousands)");
    QTest::newRow("0.07") << qint64(7) << QStringList { "0", "0.02", "0.04", "0.06", "0.08" }
                          << QStringLiteral("amount");
    QTest::newRow("nothing") << qint64(0) << QStringList { "0", "0.01" } << QStringLiteral("amount");
}

// Amount axes tick at 1, 2, 2.5 or 5 × 10^k, labelled exactly in a named unit (issue 13: ticks at 219154 and
// 2700000000, bar labels "3e+08").
void TestCharts::moneyScaleTicksInReadableSteps()
{
    QFETCH(qint64, highestCents);
    QFETCH(QStringList, labels);
    QFETCH(QString, title);
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    const auto scale = domain::MoneyScale::forHighest(highestCents, 5);
    QStringList shown;
    for (int tick = 0; tick <= scale.steps(); ++tick)
        shown << scale.label(tick, english);
    QCOMPARE(shown, labels);
    QCOMPARE(scale.title(), title);
    QVERIFY(scale.topCents() >= highestCents);
    QCOMPARE(domain::MoneyScale::forHighest(1250000, 5).label(1, QLocale(QLocale::German, QLocale::Germany)),
        QStringLiteral("2,5"));
}

namespace {
// Every piece of text a rendered chart shows: titles, axis labels, legend entries.
QStringList textsOf(QChart* chart, QSize size)
{
    QGraphicsScene scene;
    scene.addItem(chart);
    chart->resize(size);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    scene.render(&painter);
    painter.end();
    QStringList texts;
    QList<QGraphicsItem*> items = chart->childItems();
    while (!items.isEmpty()) {
        QGraphicsItem* item = items.takeFirst();
        items += item->childItems();
        if (!item->isVisible())
            continue;
        if (auto* text = dynamic_cast<QGraphicsTextItem*>(item))
            texts << text->toPlainText().replace(QChar::LineSeparator, u' ').replace(u'\n', u' ');
        else if (auto* simple = dynamic_cast<QGraphicsSimpleTextItem*>(item))
            texts << simple->text();
    }
    scene.removeItem(chart);
    return texts;
}
}

// The figures a finance reviewer reads on the dashboard's charts are whole and exact at any scale: no label in
// scientific notation or cut short, each amount written out, a tier without a retainer said so, not drawn as 0.
void TestCharts::dashboardChartsShowWholeExactFigures()
{
    const QList<reports::TierRetainer> tiers { { "b", "Bronze", std::nullopt, 3 },
        { "s", "Silver", Money::fromCents(300000), 1 }, { "g", "Gold", Money::fromCents(1200000), 4 },
        { "e", "Enterprise", Money::fromCents(29999999997), 1 } };
    QList<reports::BudgetTotals> clients { totals(
        "h", "Huge Corp", Money::fromCents(99999999999), Money::fromCents(12345678901), Money(), 1, 0) };
    for (int i = 0; i < 11; ++i)
        clients.append(totals(QString::number(i), QStringLiteral("Client number %1").arg(i),
            Money::fromCents(123456 + i), Money::fromCents(100001), Money(), 1, 0));
    // A cent over, beside a billion: no bar shows it, the words do.
    clients.append(totals("t", "Tiny Ltd", Money::fromCents(100), Money::fromCents(101), Money::fromCents(1), 1, 1));
    QList<reports::BudgetTotals> types;
    const char* const typeNames[] = { "content", "display", "email", "other", "ppc", "seo", "social", "video" };
    const qint64 typeSpend[] = { 54534516, 19070491, 99969716, 78212322, 77320949, 77723301, 69637006, 26431948 };
    for (int i = 0; i < 8; ++i)
        types.append(totals(typeNames[i], typeNames[i], Money(), Money::fromCents(typeSpend[i]), Money(), 1, 0));
    const std::unique_ptr<QChart> retainer(ui::retainerChart(tiers));
    const std::unique_ptr<QChart> budgets(ui::clientBudgetChart(clients));
    const std::unique_ptr<QChart> spend(ui::typeSpendChart(types));
    const QLocale locale;
    // The size a chart has on the dashboard of a 1360 × 820 window.
    const QSize size(560, 270);
    ui::renderChart(retainer.get(), size).save(QDir::temp().filePath(QStringLiteral("retainer-chart.png")));
    ui::renderChart(budgets.get(), size).save(QDir::temp().filePath(QStringLiteral("clients-chart.png")));
    ui::renderChart(spend.get(), size).save(QDir::temp().filePath(QStringLiteral("spend-chart.png")));
    for (QChart* chart : { retainer.get(), budgets.get(), spend.get() }) {
        const QStringList texts = textsOf(chart, size);
        QVERIFY(texts.size() > 5);
        static const QRegularExpression scientific(QStringLiteral("\\d[eE][+-]?\\d"));
        for (const QString& text : texts) {
            QVERIFY2(!scientific.match(text).hasMatch(), qPrintable(text));
            QVERIFY2(!text.contains(QStringLiteral("...")) && !text.contains(u'…'), qPrintable(text));
        }
        const QString all = texts.join(u'|');
        if (chart == retainer.get()) {
            for (const auto& tier : tiers) {
                const QString value
                    = tier.monthlyRetainer ? tier.value().toDisplayString(locale) : QStringLiteral("no retainer");
                QVERIFY2(all.contains(tier.tierName + QStringLiteral(" (%1) ").arg(tier.activeClients) + value),
                    qPrintable(all));
            }
            QVERIFY2(all.contains(QStringLiteral("amount (millions)")), qPrintable(all));
        } else if (chart == spend.get()) {
            for (int i = 0; i < 8; ++i)
                QVERIFY2(all.contains(Money::fromCents(typeSpend[i]).toDisplayString(locale)), qPrintable(all));
        } else {
            QVERIFY2(all.contains(QStringLiteral("Huge Corp")), qPrintable(all));
            QVERIFY2(all.contains(QStringLiteral("Tiny Ltd · over by 0.01")), qPrintable(all));
            QVERIFY2(all.contains(QStringLiteral("8 other clients")), qPrintable(all));
            QVERIFY2(all.contains(QStringLiteral("amount (millions)")), qPrintable(all));
        }
    }
}

#include "tst_charts.moc"
