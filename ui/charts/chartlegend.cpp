// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartlegend.h"

#include <QChart>
#include <QFontMetrics>
#include <QLegend>
#include <QLegendMarker>
#include <algorithm>

namespace agency::ui {

void setWholeLegendLabels(QChart* chart, QAbstractSeries* series, const QStringList& labels)
{
    const auto markers = chart->legend()->markers(series);
    const QFontMetrics metrics(chart->legend()->font());
    int widest = 0;
    for (qsizetype i = 0; i < markers.size() && i < labels.size(); ++i) {
        markers.at(i)->setLabel(labels.at(i));
        widest = std::max(widest, metrics.horizontalAdvance(labels.at(i)));
    }
    chart->legend()->setMinimumWidth(widest + 4 * metrics.height()); // the marker and the margins beside the text
}

} // namespace agency::ui
