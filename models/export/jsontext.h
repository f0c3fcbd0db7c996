// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <optional>

namespace agency::exporting {

// JSON text written as PostgreSQL prints a jsonb value, so that an export from SQLite (which keeps the text as it was
// typed) has the same bytes as one from PostgreSQL: object keys shortest first, then bytewise, the last of a
// duplicated key kept; ", " between items and ": " after a key, no other white space; strings with \" \\ \b \f \n
// \r \t and \u00xx (other control characters) escaped and everything else as UTF-8 (so "\u00e9" is written é and
// "\/" is /); numbers as PostgreSQL's numeric prints them: no exponent, no leading zeros, the decimals given kept
// (1.50e1 → 15.0, 1e2 → 100, -0 → 0). Exact: no number goes through a double. nullopt when `json` is not JSON.
std::optional<QByteArray> asJsonbText(QByteArrayView json);
// The same into `out` (replacing what it held, its capacity kept): for a value per row without an allocation each.
// False when `json` is not JSON (then `out` holds part of it).
bool writeAsJsonbText(QByteArrayView json, QByteArray* out);

} // namespace agency::exporting
