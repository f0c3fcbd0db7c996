// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reports/spendcurve.h"

class QChart;

namespace agency::ui {

// A campaign's pacing: its imported spend, added up period by period, against the straight-line plan from nothing on
// its start date to its budget on its end date, both as a share of the budget; the title says the exact amounts.
// Empty (with a title that says why) without a budget, dates or imported spend.
QChart* spendCurveChart(const reports::SpendCurve& curve);

} // namespace agency::ui
