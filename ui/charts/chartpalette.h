// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPalette>

class QChart;

namespace agency::ui {

// Gives a chart the colours of the window around it (background, text, grid), so charts read well in the dark
// palette too. Series colours are left alone: they carry meaning (on/off track, overspend, unallocated).
void applyPalette(QChart* chart, const QPalette& palette);

} // namespace agency::ui
