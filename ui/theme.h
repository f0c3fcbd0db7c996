// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace agency::ui {

// "system", "light" (Fusion) or "dark" (Fusion with a dark palette), for the whole application.
void applyTheme(const QString& theme);

} // namespace agency::ui
