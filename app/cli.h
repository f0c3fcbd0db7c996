// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/connectionstring.h"
#include "startup.h"

#include <QCommandLineParser>
#include <QFile>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <functional>

namespace agency::app {

enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

// The one line every failure ends with: "agency-os: error: <what failed and what to do>".
void printError(const QString& message);
// Opens `path` for reading into `file` (- is standard input); false, having said why on stderr, when it cannot be
// read or is a folder.
bool openInput(const QString& path, QFile* file);

// `--db ''` (an unset variable in a script, say) is a mistake, never the embedded database: prints the error and
// returns true when the option was given empty.
bool refuseEmptyDbOption(const QCommandLineParser& parser, const QCommandLineOption& db);

// Run first in main(): standard input, output or error that the program was started without (`>&-`) are opened on
// /dev/null (read-only), so that no file the program opens later — the database among them — takes their number and
// receives what is meant for them. Writing to such an output then fails, and `standardOutputWasClosed` says why.
void guardStandardDescriptors();
bool standardOutputWasClosed();

// True when `word` (argv[1]) names a command-line command rather than the GUI.
bool isCommand(const QString& word);

// Runs `agency-os <command> …` without a display; `arguments` is the whole argv.
int runCommand(const QStringList& arguments);

// For commands that work on the data: resolves --db (a usage error when malformed), opens it ready for work (the
// embedded database migrated; a PostgreSQL schema must be current), runs `work`, closes it. Returns the exit code.
// `use` says what the command does with the data (see DataUse).
int withWorkDatabase(const QString& dsnOption, const QString& connectionName,
    const std::function<int(QSqlDatabase& db, const db::ConnectionString& where)>& work, DataUse use = DataUse::Writes);

} // namespace agency::app
