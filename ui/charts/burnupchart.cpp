// SPDX-License-Identifier: GPL-3.0-or-later
#include "burnupchart.h"

#include "chartpalette.h"

#include <QChart>
#include <QCoreApplication>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

namespace agency::ui {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(BurnUpChart)
    };

    qreal at(const QDate& day)
    {
        return static_cast<qreal>(QDateTime(day, QTime(12, 0), Qt::UTC).toMSecsSinceEpoch());
    }
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
    done->append(at(work.start), 0);
    int count = 0;
    for (const QDate& day : progress.doneOn) {
        const QDate clamped = std::clamp(day, work.start, std::max(work.start, work.asOf));
        done->append(at(clamped), 100.0 * count / progress.counted);
        ++count;
        done->append(at(clamped), 100.0 * count / progress.counted);
    }
    done->append(at(std::clamp(work.asOf, work.start, work.end)), 100.0 * count / progress.counted);
    auto* time = new QLineSeries(chart);
    time->setName(Text::tr("Time gone"));
    time->append(at(work.start), 0);
    time->append(at(work.end), 100);
    chart->addSeries(time);
    chart->addSeries(done);
    if (work.spentShare) {
        auto* spent = new QScatterSeries(chart);
        spent->setName(Text::tr("Budget spent"));
        spent->setMarkerSize(10);
        spent->append(at(std::clamp(work.asOf, work.start, work.end)), *work.spentShare / 100.0);
        chart->addSeries(spent);
    }
    auto* x = new QDateTimeAxis(chart);
    x->setFormat(QStringLiteral("MMM yy"));
    x->setRange(QDateTime(work.start, QTime(0, 0), Qt::UTC), QDateTime(work.end, QTime(23, 59), Qt::UTC));
    auto* y = new QValueAxis(chart);
    y->setRange(0, std::max(100.0, work.spentShare ? *work.spentShare / 100.0 + 5 : 100.0));
    y->setLabelFormat(QStringLiteral("%d %%"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* series : chart->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

} // namespace agency::ui
