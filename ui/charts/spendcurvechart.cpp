// SPDX-License-Identifier: GPL-3.0-or-later
#include "spendcurvechart.h"

#include "domain/money.h"
#include "reports/pacingreport.h"
#include "timeaxes.h"

#include <QChart>
#include <QCoreApplication>
#include <QLineSeries>
#include <algorithm>

namespace agency::ui {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(SpendCurveChart)
    };

    // Where a sum lies on the chart, as a share of the budget (a position to draw, not a figure to read).
    qreal share(qint64 cents, qint64 budget)
    {
        return 100.0 * static_cast<qreal>(cents) / static_cast<qreal>(budget);
    }
}

QChart* spendCurveChart(const reports::SpendCurve& curve)
{
    auto* chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    if (!curve.unavailable.isEmpty()) {
        chart->setTitle(curve.unavailable);
        return chart;
    }
    if (!curve.start.isValid() || !curve.end.isValid() || curve.end < curve.start) {
        chart->setTitle(Text::tr("No pacing: the campaign needs a start and an end date"));
        return chart;
    }
    if (!curve.budgetCents || *curve.budgetCents <= 0) {
        chart->setTitle(Text::tr("No pacing: the campaign has no budget"));
        return chart;
    }
    if (curve.cumulative.isEmpty()) {
        chart->setTitle(Text::tr("No pacing yet: no spend imported (agency-os import spend)"));
        return chart;
    }
    const qint64 budget = *curve.budgetCents;
    const QDate asOf = std::clamp(curve.asOf, curve.start, curve.end);
    const reports::Pace pace = reports::paceOf(
        domain::Money::fromCents(budget), curve.start, curve.end, domain::Money::fromCents(*curve.spentCents()), asOf);
    chart->setTitle(Text::tr("Spent %1 of %2; planned by now %3")
                        .arg(domain::Money::fromCents(*curve.spentCents()).toDisplayString(),
                            domain::Money::fromCents(budget).toDisplayString(),
                            pace.plannedCents ? domain::Money::fromCents(*pace.plannedCents).toDisplayString()
                                              : QStringLiteral("—")));
    auto* plan = new QLineSeries(chart);
    plan->setName(Text::tr("Plan"));
    plan->append(chartTime(curve.start), 0);
    plan->append(chartTime(curve.end), 100);
    auto* spent = new QLineSeries(chart);
    spent->setName(Text::tr("Spent"));
    spent->append(chartTime(curve.start), 0);
    qreal highest = 100;
    for (const auto& [day, cents] : curve.cumulative) {
        spent->append(chartTime(std::clamp(day, curve.start, std::max(curve.start, curve.end))), share(cents, budget));
        highest = std::max(highest, share(cents, budget));
    }
    chart->addSeries(plan);
    chart->addSeries(spent);
    setTimeAndShareAxes(chart, curve.start, curve.end, QStringLiteral("d MMM"), highest + 5);
    return chart;
}

} // namespace agency::ui
