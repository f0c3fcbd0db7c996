// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboardcharts.h"

#include "chartlegend.h"
#include "chartpalette.h"
#include "charttext.h"
#include "domain/moneyscale.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QCursor>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QPieSeries>
#include <QPieSlice>
#include <QToolTip>

namespace agency::ui {

namespace {
    // Bars show whole currency units on the axis; every exact figure is in labels, tooltips and the tables.
    qreal units(reports::Money money)
    {
        return static_cast<qreal>(money.cents()) / 100.0;
    }

    // An amount axis in readable steps, labelled exactly in its unit (domain::MoneyScale): the positions are
    // geometry, the labels never went through a double.
    QCategoryAxis* moneyAxis(qint64 highestCents)
    {
        const auto scale = domain::MoneyScale::forHighest(highestCents, 5);
        auto* axis = new QCategoryAxis;
        axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        axis->setRange(0, static_cast<qreal>(scale.topCents()) / 100.0);
        axis->setStartValue(0);
        for (int tick = 0; tick <= scale.steps(); ++tick)
            axis->append(scale.label(tick), static_cast<qreal>(scale.stepCents() * tick) / 100.0);
        axis->setTitleText(scale.title());
        return axis;
    }

    // Exact figures on hover: `texts[set][index]`.
    void explainOnHover(QAbstractBarSeries* series, const QList<QStringList>& texts)
    {
        QObject::connect(
            series, &QAbstractBarSeries::hovered, series, [series, texts](bool entered, int index, QBarSet* set) {
                const auto which = series->barSets().indexOf(set);
                if (entered && which >= 0 && which < texts.size() && index >= 0 && index < texts.at(which).size())
                    QToolTip::showText(QCursor::pos(), tipText(texts.at(which).at(index)));
                else
                    QToolTip::hideText();
            });
    }
}

QString clientFigures(const reports::BudgetTotals& client)
{
    QString text
        = QObject::tr("spent %1 of %2").arg(figureText(client.spentFigure()), figureText(client.allocatedFigure()));
    if (client.overspentCampaigns > 0)
        text += QObject::tr(" · OVERSPENT by %1").arg(client.overspend.toDisplayString());
    return text;
}

QString totalsNote(const QList<reports::BudgetTotals>& clients)
{
    const reports::BudgetTotals all = reports::BudgetTotals::sum(clients);
    int inactive = 0;
    for (const reports::BudgetTotals& client : clients)
        inactive += client.inactiveClient ? client.campaigns : 0;
    QString note = QObject::tr("%1 campaigns. Allocated and spent add up the campaigns that have the figure: %2 have "
                               "no budget and %3 no spent figure (counted apart, never as 0); remaining and burn are "
                               "over the campaigns with both. Deleted campaigns and clients never count.")
                       .arg(all.campaigns)
                       .arg(all.withoutBudget)
                       .arg(all.withoutSpent);
    if (inactive > 0)
        note += u' '
            + QObject::tr("%1 of the campaigns are inactive clients': counted, and marked (inactive).").arg(inactive);
    return note;
}

QString shareText(std::optional<qint64> hundredths)
{
    return hundredths
        ? domain::Percent::fromHundredths(static_cast<int>(std::min<qint64>(*hundredths, 99999999))).toDisplayString()
        : QObject::tr("n/a");
}

QString figureText(const std::optional<reports::Money>& amount)
{
    return amount ? amount->toDisplayString() : QObject::tr("—");
}

QString clientName(const reports::BudgetTotals& client)
{
    return client.inactiveClient ? QObject::tr("%1 (inactive)").arg(client.label) : client.label;
}

QChart* clientBudgetChart(const QList<reports::BudgetTotals>& all)
{
    // The largest budgets, names readable along the side; the clients that overspent are always shown first, and
    // the rest add up to "others". An overspend is written beside the name, so one too small to see as a bar beside
    // a far larger client is still read.
    QList<reports::BudgetTotals> clients = all;
    std::stable_sort(clients.begin(), clients.end(), [](const auto& a, const auto& b) {
        if (a.overspentCampaigns > 0 || b.overspentCampaigns > 0)
            return a.overspend > b.overspend;
        return a.allocated > b.allocated;
    });
    const bool cut = clients.size() > maxClients;
    if (cut) {
        reports::BudgetTotals others = reports::BudgetTotals::sum(clients.mid(maxClients));
        const auto rest = clients.size() - maxClients;
        others.label = rest == 1 ? QObject::tr("1 other client") : QObject::tr("%1 other clients").arg(rest);
        clients = clients.mid(0, maxClients);
        clients << others;
    }
    std::reverse(clients.begin(), clients.end()); // the first ends up on top
    auto* chart = new QChart;
    chart->setTitle(cut ? QObject::tr("Allocated vs spent: the %1 largest of %2 clients, and the others")
                              .arg(maxClients)
                              .arg(all.size())
                        : QObject::tr("Allocated vs spent by client"));
    auto* allocated = new QBarSet(QObject::tr("Allocated"));
    allocated->setColor(seriesColour::skyBlue);
    auto* spent = new QBarSet(QObject::tr("Spent"));
    spent->setColor(seriesColour::blue);
    auto* overspend = new QBarSet(QObject::tr("Overspend"));
    overspend->setColor(seriesColour::vermillion);
    QStringList names;
    qint64 highest = 0;
    QList<qreal> a;
    QList<qreal> s;
    QList<qreal> o;
    QList<QStringList> texts(3);
    for (const auto& client : std::as_const(clients)) {
        // One line each (Qt hides labels that overlap): the name, and an overspend in words; every figure is in the
        // tooltip and in the table beside the chart.
        names << chartText(client.overspentCampaigns > 0
                ? QObject::tr("%1 · over by %2").arg(clientName(client), client.overspend.toDisplayString())
                : clientName(client));
        a << units(client.allocated);
        s << units(client.spent);
        o << units(client.overspend);
        QString missing;
        if (client.withoutBudget > 0)
            missing += QObject::tr("; %n campaign(s) without a budget", nullptr, client.withoutBudget);
        if (client.withoutSpent > 0)
            missing += QObject::tr("; %n campaign(s) without a spent figure", nullptr, client.withoutSpent);
        texts[0] << QObject::tr("%1: %2%3").arg(clientName(client), clientFigures(client), missing);
        texts[1] << texts[0].constLast();
        texts[2] << QObject::tr("%1: overspent by %2 in %n campaign(s)", nullptr, client.overspentCampaigns)
                        .arg(clientName(client), client.overspend.toDisplayString());
        highest = std::max({ highest, client.allocated.cents(), client.spent.cents() });
    }
    allocated->append(a);
    spent->append(s);
    overspend->append(o);
    auto* series = new QHorizontalBarSeries;
    series->append({ allocated, spent, overspend });
    chart->addSeries(series);
    auto* y = new QBarCategoryAxis;
    y->append(names);
    y->setTruncateLabels(false); // client names whole; the plot gives way
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    QCategoryAxis* x = moneyAxis(highest);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    explainOnHover(series, texts);
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

QChart* typeSpendChart(const QList<reports::BudgetTotals>& types)
{
    auto* chart = new QChart;
    chart->setTitle(QObject::tr("Spend by campaign type"));
    auto* series = new QPieSeries;
    qint64 whole = 0;
    for (const auto& type : types)
        whole += std::max<qint64>(type.spent.cents(), 0);
    QList<QPieSlice*> slices;
    QStringList legend; // exact amounts in the legend; name and share on the slice
    for (const auto& type : types) {
        if (type.spent.cents() <= 0 || whole <= 0)
            continue;
        const QString share = shareText(type.spent.shareOf(reports::Money::fromCents(whole)));
        // Name, exact amount and share in the legend; none on the slice, where Qt cut them short ("display 3....").
        auto* slice = new QPieSlice(chartText(QStringLiteral("%1 %2").arg(type.label, share)), units(type.spent));
        slice->setColor(seriesColours().at(slices.size() % seriesColours().size()));
        slices << slice;
        legend << chartText(QStringLiteral("%1  %2 (%3)").arg(type.label, type.spent.toDisplayString(), share));
    }
    series->append(slices);
    chart->addSeries(series);
    chart->legend()->setAlignment(Qt::AlignRight);
    setWholeLegendLabels(chart, series, legend);
    return chart;
}

QChart* retainerChart(const QList<reports::TierRetainer>& tiers)
{
    auto* chart = new QChart;
    chart->setTitle(QObject::tr("Monthly retainer value by SLA tier"));
    auto* set = new QBarSet(QObject::tr("Retainer × active clients"));
    set->setColor(seriesColour::orange);
    QStringList names;
    qint64 highest = 0;
    QList<QStringList> texts(1);
    for (const auto& tier : tiers) {
        // Its value exactly under the name; a tier without a retainer says so instead of standing as a zero.
        const QString value = tier.monthlyRetainer ? tier.value().toDisplayString() : QObject::tr("no retainer");
        names << QStringLiteral("%1 (%2)<br>%3").arg(tier.tierName.toHtmlEscaped()).arg(tier.activeClients).arg(value);
        texts[0] << QObject::tr("%1: %2 active client(s) × %3 = %4")
                        .arg(tier.tierName)
                        .arg(tier.activeClients)
                        .arg(
                            tier.monthlyRetainer ? tier.monthlyRetainer->toDisplayString() : QObject::tr("no retainer"),
                            value);
        set->append(tier.monthlyRetainer ? units(tier.value()) : 0.0);
        highest = std::max(highest, tier.monthlyRetainer ? tier.value().cents() : 0);
    }
    auto* series = new QBarSeries;
    series->append(set);
    chart->addSeries(series);
    explainOnHover(series, texts);
    auto* x = new QBarCategoryAxis;
    x->append(names);
    x->setTitleText(QObject::tr("tier (active clients)"));
    x->setTruncateLabels(false); // a name and its amount whole ("Enterprise …" lost its figure)
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    QCategoryAxis* y = moneyAxis(highest);
    // The unit in the title: written up the side, "amount (millions)" is cut short on a chart 250 px high.
    chart->setTitle(QObject::tr("%1 · %2").arg(chart->title(), y->titleText()));
    y->setTitleText(QString());
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->hide();
    return chart;
}

} // namespace agency::ui
