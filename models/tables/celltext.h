// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tablespec.h"

#include <QString>
#include <QVariant>

namespace agency::tables {

class LookupNames;

// A stored value of `column` as a table cell shows it, in the user's locale: money and percentages exact, dates and
// instants as people write them, known codes as people read them, references by the name of what they point to
// (looked up in `names`), JSON as its parts. Empty for NULL and for a Boolean (a cell shows its check box).
QString cellText(const ColumnSpec& column, const QVariant& value, LookupNames& names);

} // namespace agency::tables
