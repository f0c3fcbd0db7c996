// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace agency::app {

// `agency-os chart budget-split|kpi …` and `agency-os report finance …`: the charts and the finance review rendered
// without a display, for scheduled reports. Needs a QApplication (offscreen is fine).
bool isChartCommand(const QString& word);
int runChartCommand(const QStringList& arguments);

} // namespace agency::app
