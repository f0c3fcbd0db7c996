// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeimportcommand.h"

#include "cli.h"
#include "time/timeimport.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <cstdio>

namespace agency::app {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(CommandLine)
    };
}

int runTimeImport(const QString& dsn, const QString& path, bool dryRun)
{
    QFile file;
    if (!openInput(path, &file))
        return ExitFailure;
    const QByteArray data = file.readAll();
    return withWorkDatabase(dsn, QStringLiteral("import"), [&](QSqlDatabase& db, const db::ConnectionString&) {
        const timeentries::TimeImportReport report = timeentries::importTimeEntries(db, data, dryRun);
        if (!report.ok()) {
            for (const auto& problem : report.problems)
                printError(problem.line > 0 ? Text::tr("line %1: %2").arg(problem.line).arg(problem.message)
                                            : problem.message);
            printError(
                Text::tr("import of time entries refused: %1 problem(s), nothing written").arg(report.problems.size()));
            return int(ExitFailure);
        }
        const QString tracker = report.tracker ? timeentries::trackerCode(*report.tracker) : QString();
        const QString line = dryRun
            ? Text::tr("time entries from %1: %2 to add, %3 imported before (dry run: nothing written)")
                  .arg(tracker)
                  .arg(report.added)
                  .arg(report.alreadyThere)
            : Text::tr("time entries from %1: %2 added, %3 imported before")
                  .arg(tracker)
                  .arg(report.added)
                  .arg(report.alreadyThere);
        std::fputs(qPrintable(line + u'\n'), stdout);
        return int(ExitOk);
    });
}

} // namespace agency::app
