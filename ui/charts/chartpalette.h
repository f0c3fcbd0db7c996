// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QList>
#include <QPalette>

class QChart;

namespace agency::ui {

// Gives a chart the colours of the window around it (background, text, grid), so charts read well in the dark
// palette too. Series colours are left alone: they carry meaning (on/off track, overspend, unallocated).
void applyPalette(QChart* chart, const QPalette& palette);

// The colours series are drawn in, on screen and in SVG, PNG and PDF alike: the Okabe–Ito palette, which stays
// distinct for colour-blind readers, in an order whose neighbours (a pie's slices, round to the first) also differ in
// lightness (qGray) by at least 38 of 255, so they stay apart in a greyscale print.
const QList<QColor>& seriesColours();
namespace seriesColour {
    inline const QColor blue { 0x00, 0x72, 0xb2 };
    inline const QColor orange { 0xe6, 0x9f, 0x00 };
    inline const QColor vermillion { 0xd5, 0x5e, 0x00 };
    inline const QColor yellow { 0xf0, 0xe4, 0x42 };
    inline const QColor skyBlue { 0x56, 0xb4, 0xe9 };
    inline const QColor bluishGreen { 0x00, 0x9e, 0x73 };
    inline const QColor reddishPurple { 0xcc, 0x79, 0xa7 };
}

} // namespace agency::ui
