// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboardcharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLegend>
#include <QPieSeries>
#include <QPieSlice>
#include <QValueAxis>

namespace agency::ui {

namespace {
    // Bars show whole currency units on the axis; every exact figure is in labels, tooltips and the tables.
    qreal units(reports::Money money) { return static_cast<qreal>(money.cents()) / 100.0; }

    void valueAxis(QChart* chart, QAbstractSeries* series, qreal highest)
    {
        auto* y = new QValueAxis;
        y->setRange(0, highest > 0 ? highest * 1.08 : 1);
        y->setLabelFormat(QStringLiteral("%.0f"));
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
    }
}

QChart* clientBudgetChart(const QList<reports::BudgetTotals>& clients)
{
    auto* chart = new QChart;
    chart->setTitle(QObject::tr("Allocated vs spent by client"));
    auto* allocated = new QBarSet(QObject::tr("Allocated"));
    allocated->setColor(QColor(0x5a, 0x8f, 0xc4));
    auto* spent = new QBarSet(QObject::tr("Spent"));
    spent->setColor(QColor(0x2f, 0x5d, 0x8a));
    auto* overspend = new QBarSet(QObject::tr("Overspend"));
    overspend->setColor(QColor(0xc6, 0x28, 0x28));
    QStringList names;
    qreal highest = 0;
    QList<qreal> a, s, o;
    for (const auto& client : clients) {
        names << client.label + (client.overspentCampaigns > 0 ? QObject::tr(" (overspent)") : QString());
        a << units(client.allocated);
        s << units(client.spent);
        o << units(client.overspend);
        highest = std::max({ highest, units(client.allocated), units(client.spent) });
    }
    allocated->append(a);
    spent->append(s);
    overspend->append(o);
    auto* series = new QBarSeries;
    series->append({ allocated, spent, overspend });
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(names);
    if (names.size() > 8)
        x->setLabelsAngle(-50); // many clients: slanted names instead of cut-off ones
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    valueAxis(chart, series, highest);
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
    for (const auto& type : types) {
        if (type.spent.cents() <= 0)
            continue;
        const int hundredths = static_cast<int>((type.spent.cents() * 20000 + whole) / (whole * 2));
        auto* slice = new QPieSlice(QStringLiteral("%1  %2 (%3)").arg(type.label, type.spent.toDisplayString(),
                                        domain::Percent::fromHundredths(hundredths).toDisplayString()),
            units(type.spent));
        slice->setLabelVisible(hundredths >= 800); // small slices are named in the legend only
        slices << slice;
    }
    series->append(slices);
    chart->addSeries(series);
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
        names << QObject::tr("%1 (%n clients)", nullptr, tier.activeClients).arg(tier.tierName);
        set->append(units(tier.value()));
        highest = std::max(highest, units(tier.value()));
    }
    auto* series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(names);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    valueAxis(chart, series, highest);
    chart->legend()->hide();
    return chart;
}

} // namespace agency::ui
