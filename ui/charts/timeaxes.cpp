// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeaxes.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QValueAxis>

namespace agency::ui {

qreal chartTime(const QDate& day)
{
    return static_cast<qreal>(QDateTime(day, QTime(12, 0), Qt::UTC).toMSecsSinceEpoch());
}

void setTimeAndShareAxes(QChart* chart, const QDate& start, const QDate& end, const QString& format, qreal top)
{
    auto* x = new QDateTimeAxis(chart);
    x->setFormat(format);
    x->setRange(QDateTime(start, QTime(0, 0), Qt::UTC), QDateTime(end, QTime(23, 59), Qt::UTC));
    auto* y = new QValueAxis(chart);
    y->setRange(0, top);
    y->setLabelFormat(QStringLiteral("%d %%"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* series : chart->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    chart->legend()->setAlignment(Qt::AlignBottom);
}

} // namespace agency::ui
