// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

class QAbstractSeries;
class QChart;

namespace agency::ui {

// Gives the legend entries of `series` the texts `labels` (name, exact amount, share) and the legend the width of the
// longest one, so that no figure in it is cut short: the plot gives way (Qt's layout otherwise elided them).
void setWholeLegendLabels(QChart* chart, QAbstractSeries* series, const QStringList& labels);

} // namespace agency::ui
