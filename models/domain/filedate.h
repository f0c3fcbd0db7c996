// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>

namespace agency::domain {

// A date as other programs' exports write it (time trackers, ad platforms): ISO (2026-11-05), day.month.year
// (German), or with slashes — month first (11/05/2026, as Clockify and Microsoft Advertising write it in English)
// unless `dayFirst` (the file has a slashed date whose first part is over 12). Invalid when it is none of these.
QDate parseFileDate(const QString& text, bool dayFirst);

} // namespace agency::domain
