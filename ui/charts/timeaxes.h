// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>

class QChart;

namespace agency::ui {

// Where a day lies on a chart's date axis (its noon, UTC).
qreal chartTime(const QDate& day);

// A campaign's time under `chart` (from `start` to `end`, labelled in `format`) and a share in percent beside it (0 to
// `top`), every series of the chart on both, the legend below: the burn-up's and the pacing chart's frame.
void setTimeAndShareAxes(QChart* chart, const QDate& start, const QDate& end, const QString& format, qreal top);

} // namespace agency::ui
