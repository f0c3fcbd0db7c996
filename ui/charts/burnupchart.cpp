// SPDX-License-Identifier: GPL-3.0-or-later
#include "burnupchart.h"

#include "chartpalette.h"
#include "timeaxes.h"

#include <QChart>
#include <QCoreApplication>
#include <QLineSeries>
#include <QScatterSeries>

namespace agency::ui {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(BurnUpChart)
    };

}

QChart* burnUpChart(const plane::CampaignWork& work)
{
    auto* chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    const plane::WorkProgress& progress = work.work;
    if (!work.start.isValid() || !work.end.isValid() || work.end < work.start) {
        chart->setTitle(Text::tr("No burn-up: the campaign needs a start and an end date"));
        return chart;
    }
    if (!progress.available || progress.counted == 0) {
        chart->setTitle(Text::tr("No burn-up: no work counted in Plane"));
        return chart;
    }
    chart->setTitle(Text::tr("Work done against time gone and budget spent"));
    auto* done = new QLineSeries(chart);
    done->setName(Text::tr("Work done"));
    done->append(chartTime(work.start), 0);
    int count = 0;
    for (const QDate& day : progress.doneOn) {
        const QDate clamped = std::clamp(day, work.start, std::max(work.start, work.asOf));
        done->append(chartTime(clamped), 100.0 * count / progress.counted);
        ++count;
        done->append(chartTime(clamped), 100.0 * count / progress.counted);
    }
    done->append(chartTime(std::clamp(work.asOf, work.start, work.end)), 100.0 * count / progress.counted);
    auto* time = new QLineSeries(chart);
    time->setName(Text::tr("Time gone"));
    time->append(chartTime(work.start), 0);
    time->append(chartTime(work.end), 100);
    chart->addSeries(time);
    chart->addSeries(done);
    if (work.spentShare) {
        auto* spent = new QScatterSeries(chart);
        spent->setName(Text::tr("Budget spent"));
        spent->setMarkerSize(10);
        spent->append(chartTime(std::clamp(work.asOf, work.start, work.end)), *work.spentShare / 100.0);
        chart->addSeries(spent);
    }
    setTimeAndShareAxes(chart, work.start, work.end, QStringLiteral("MMM yy"),
        std::max(100.0, work.spentShare ? *work.spentShare / 100.0 + 5 : 100.0));
    return chart;
}

} // namespace agency::ui
