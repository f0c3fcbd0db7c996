// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plane/planework.h"

class QChart;

namespace agency::ui {

// A campaign's burn-up: the share of its counted Plane issues done, day by day from their completion dates, against
// the share of its time gone (a straight line from its start to its end) and the share of its budget spent today
// (a point: the spend is not kept day by day). Empty (with a title that says why) without dates or counted work.
QChart* burnUpChart(const plane::CampaignWork& work);

} // namespace agency::ui
