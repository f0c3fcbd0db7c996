// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace agency::app {

// `agency-os history [--table T] [--id ID] [--since DATE] [--until DATE] [--db DSN] --format csv|json --output
// FILE|-`: one row per changed column, oldest first, for an audit; `agency-os history prune --before DATE`: the
// retention. `arguments` is the whole argv.
int runHistory(const QStringList& arguments);

} // namespace agency::app
