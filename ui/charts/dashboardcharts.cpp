// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboardcharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QPieSeries>
#include <QPieSlice>
#include <QValueAxis>

namespace agency::ui {

namespace {
    // Bars show whole currency units on the axis; every exact figure is in labels, tooltips and the tables.
    qreal units(reports::Money money)
    {
        return static_cast<qreal>(money.cents()) / 100.0;
    }

    void valueAxis(QChart* chart, QAbstractSeries* series, qreal highest)
    {
        auto* y = new QValueAxis;
        y->setRange(0, highest > 0 ? highest * 1.08 : 1);
        y->setLabelFormat(QStringLiteral("%.0f"));
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
    }
}

QChart* clientBudgetChart(const QList<reports::BudgetTotals>& all)
{
    // The largest budgets, names readable along the side; a client that overspent is always shown.
    QList<reports::BudgetTotals> clients = all;
    std::stable_sort(clients.begin(), clients.end(), [](const auto& a, const auto& b) {
        if ((a.overspentCampaigns > 0) != (b.overspentCampaigns > 0))
            return a.overspentCampaigns > 0;
        return a.allocated > b.allocated;
    });
    const bool cut = clients.size() > maxClients;
    clients = clients.mid(0, maxClients);
    std::reverse(clients.begin(), clients.end()); // the first ends up on top
    auto* chart = new QChart;
    chart->setTitle(cut
            ? QObject::tr("Allocated vs spent: the %1 largest of %2 clients").arg(maxClients).arg(all.size())
            : QObject::tr("Allocated vs spent by client"));
    auto* allocated = new QBarSet(QObject::tr("Allocated"));
    allocated->setColor(QColor(0x5a, 0x8f, 0xc4));
    auto* spent = new QBarSet(QObject::tr("Spent"));
    spent->setColor(QColor(0x2f, 0x5d, 0x8a));
    auto* overspend = new QBarSet(QObject::tr("Overspend"));
    overspend->setColor(QColor(0xc6, 0x28, 0x28));
    QStringList names;
    qreal highest = 0;
    QList<qreal> a, s, o;
    for (const auto& client : std::as_const(clients)) {
        names << client.label + (client.overspentCampaigns > 0 ? QObject::tr(" (overspent)") : QString());
        a << units(client.allocated);
        s << units(client.spent);
        o << units(client.overspend);
        highest = std::max({ highest, units(client.allocated), units(client.spent) });
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
    auto* x = new QValueAxis;
    x->setRange(0, highest > 0 ? highest * 1.08 : 1);
    x->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
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
        if (type.spent.cents() <= 0)
            continue;
        const QString share
            = domain::Percent::fromHundredths(static_cast<int>((type.spent.cents() * 20000 + whole) / (whole * 2)))
                  .toDisplayString();
        auto* slice = new QPieSlice(QStringLiteral("%1 %2").arg(type.label, share), units(type.spent));
        slice->setLabelVisible(true);
        slices << slice;
        legend << QStringLiteral("%1  %2 (%3)").arg(type.label, type.spent.toDisplayString(), share);
    }
    series->append(slices);
    chart->addSeries(series);
    const auto markers = chart->legend()->markers(series);
    for (qsizetype i = 0; i < markers.size() && i < legend.size(); ++i)
        markers.at(i)->setLabel(legend.at(i));
    chart->legend()->setAlignment(Qt::AlignRight);
    return chart;
}

QChart* retainerChart(const QList<reports::TierRetainer>& tiers)
{
    auto* chart = new QChart;
    chart->setTitle(QObject::tr("Monthly retainer value by SLA tier"));
    auto* set = new QBarSet(QObject::tr("Retainer × active clients"));
    set->setColor(QColor(0xf2, 0xb1, 0x34));
    QStringList names;
    qreal highest = 0;
    for (const auto& tier : tiers) {
        names << QStringLiteral("%1 (%2)").arg(tier.tierName).arg(tier.activeClients);
        set->append(units(tier.value()));
        highest = std::max(highest, units(tier.value()));
    }
    auto* series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(names);
    x->setTitleText(QObject::tr("tier (active clients)"));
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    valueAxis(chart, series, highest);
    chart->legend()->hide();
    return chart;
}

} // namespace agency::ui
