// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartpalette.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>
#include <QPieSeries>
#include <QPieSlice>

namespace agency::ui {

const QList<QColor>& seriesColours()
{
    static const QList<QColor> colours { seriesColour::blue, seriesColour::orange, seriesColour::vermillion,
        seriesColour::yellow, seriesColour::skyBlue, seriesColour::bluishGreen, seriesColour::reddishPurple };
    return colours;
}

void applyPalette(QChart* chart, const QPalette& palette)
{
    const QColor text = palette.color(QPalette::Text);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setBackgroundPen(Qt::NoPen);
    chart->setPlotAreaBackgroundVisible(false);
    if (chart->titleBrush().color() != QColor(0xc6, 0x28, 0x28)) // an alarm title stays red
        chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    QColor grid = palette.color(QPalette::Mid);
    grid.setAlpha(90);
    const auto series = chart->series();
    for (QAbstractSeries* one : series) {
        if (auto* pie = qobject_cast<QPieSeries*>(one)) {
            const auto slices = pie->slices();
            for (QPieSlice* slice : slices)
                slice->setLabelColor(text);
        }
    }
    const auto axes = chart->axes();
    for (QAbstractAxis* axis : axes) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
    }
}

} // namespace agency::ui
