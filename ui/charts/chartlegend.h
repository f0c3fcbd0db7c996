// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

class QAbstractSeries;
class QChart;
class QSizeF;

namespace agency::ui {

// Gives the legend entries of `series` the texts `labels` (name, exact amount, share) and the legend the width of the
// longest one, so that no figure in it is cut short: the plot gives way (Qt's layout otherwise elided them).
void setWholeLegendLabels(QChart* chart, QAbstractSeries* series, const QStringList& labels);

// Fits `chart`'s words to the `size` it is shown at, so that a small window (1366×768) drops none: a legend on the
// side whose entries would not all fit its height or half the width, and category labels along a side that would
// overlap (Qt then hides some), are set in a smaller font, down to 70 % of the usual. Nothing is cut or left out.
void fitChartTexts(QChart* chart, const QSizeF& size);

} // namespace agency::ui
