// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>

namespace agency::ui {

// "system", "light" (Fusion) or "dark" (Fusion with a dark palette), for the whole application.
void applyTheme(const QString& theme);
// One of the app's own icons (resources/icons/NAME.svg).
QIcon appIcon(const char* name);

} // namespace agency::ui
