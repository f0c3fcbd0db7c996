// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVariant>

namespace agency::tables {
struct ColumnSpec;
}

namespace agency::ui {

// A stored value of `column` as people read it where two versions are compared (the conflict dialog, an import's
// changes): amounts and shares in the user's locale, dates as the locale writes them, codes in the user's language,
// yes/no, and "(empty)" for NULL — never the stored text.
QString valueText(const tables::ColumnSpec& column, const QVariant& value);

} // namespace agency::ui
