// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history/changelog.h"

#include <QString>

namespace agency::tables {
class LookupNames;
}

namespace agency::ui {

// How the history reads to a person, the same in a record's History and in Recent changes.
QString whoText(const history::Change& change); // "lena", "lena (import)", "clerk (outside Agency OS)"
QString operationText(const QString& operation); // Created, Changed, Deleted, Restored, Removed for good
// A value the history kept, as the form shows it: money and dates in the user's locale, codes in their language, and
// with `names`, a reference by the name of what it points to (a campaign's client, a channel's campaign).
QString historyValueText(
    const QString& table, const QString& column, const QVariant& kept, tables::LookupNames* names = nullptr);

} // namespace agency::ui
