// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

namespace agency::app {

// Levels a user may give to --log-level.
QString logLevelNames();
bool isLogLevel(const QString& name);

// A rotating file in the app's local data folder (all levels from info, or lower when asked) and stderr at
// `stderrLevel`. Qt's own messages are routed into the same logger.
void setUpLogging(const QString& stderrLevel, bool verboseFile);

QString logFilePath();

} // namespace agency::app
