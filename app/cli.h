// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace agency::app {

enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

// The one line every failure ends with: "agency-os: error: <what failed and what to do>".
void printError(const QString& message);

// True when `word` (argv[1]) names a command-line command rather than the GUI.
bool isCommand(const QString& word);

// Runs `agency-os <command> …` without a display; `arguments` is the whole argv.
int runCommand(const QStringList& arguments);

} // namespace agency::app
