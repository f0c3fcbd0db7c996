// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlerror.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <spdlog/spdlog.h>

namespace agency::db {

bool isConnectionLost(const QSqlError& error)
{
    const QString code = error.nativeErrorCode();
    // SQLite's result codes are short numbers (SQLSTATEs have five characters), and QSQLITE files a failed step as a
    // ConnectionError: there is no connection to lose there.
    if (!code.isEmpty() && code.size() < 5)
        return false;
    return error.type() == QSqlError::ConnectionError || code.startsWith(QStringLiteral("08"))
        || code == QStringLiteral("57P01") || code == QStringLiteral("57P02") || code == QStringLiteral("57P03");
}

namespace {
    // What the server said, for people: its first line (without the severity tag) and any DETAIL and HINT lines; never
    // the statement — "LINE 1: INSERT INTO … ^", QUERY:, STATEMENT:, CONTEXT: — which shows our SQL text (and can
    // show other values). The driver's own words ("QPSQL: Unable to create query") only when the server said nothing.
    QString reasonFor(const QSqlError& error)
    {
        static const QRegularExpression severity(QStringLiteral("^(ERROR|FATAL|PANIC):\\s*"));
        QStringList kept;
        const QStringList lines = error.databaseText().split(u'\n', Qt::SkipEmptyParts);
        for (qsizetype i = 0; i < lines.size(); ++i) {
            QString line = lines.at(i).trimmed();
            if (i == 0)
                kept << line.remove(severity);
            else if (line.startsWith(QStringLiteral("DETAIL:")) || line.startsWith(QStringLiteral("HINT:")))
                kept << line;
        }
        const QString said = kept.join(u' ').trimmed();
        return said.isEmpty() ? error.driverText().trimmed() : said;
    }
}

QString reportSqlError(const QString& context, const QSqlError& error)
{
    QString why = reasonFor(error);
    if (why.isEmpty())
        why = QCoreApplication::translate("SqlError", "the database connection is closed");
    if (error.nativeErrorCode() == QStringLiteral("42501")) // insufficient_privilege: say it plainly
        why = QCoreApplication::translate("SqlError",
            "your database role is not allowed to do this; ask an administrator for "
            "the right (%1)")
                  .arg(error.databaseText().simplified());
    const QString code = error.nativeErrorCode();
    if (code == QStringLiteral("5") || code == QStringLiteral("261") || code == QStringLiteral("773")
        || code == QStringLiteral("6")) // SQLite: another connection holds the lock past the busy timeout
        why = QCoreApplication::translate("SqlError",
            "another program is writing the database file and has not finished after 5 seconds; nothing was written "
            "here, try again in a moment");
    else if (code == QStringLiteral("517")) // SQLITE_BUSY_SNAPSHOT: what this connection read is out of date
        why = QCoreApplication::translate("SqlError",
            "another program wrote the database file since it was read here; nothing was written here, try again");
    else if (code == QStringLiteral("25006")) // read_only_sql_transaction: a standby, or a read-only session
        why = QCoreApplication::translate("SqlError",
            "the server is read-only (a standby, or a read-only session); nothing was written: connect to the primary "
            "(with several hosts, add target_session_attrs=read-write)");
    else if (code == QStringLiteral("13") || code == QStringLiteral("53100")
        || error.text().contains(QStringLiteral("disk is full")) // SQLite reports a failed COMMIT without its code
        || error.text().contains(QStringLiteral("No space left on device")))
        why = QCoreApplication::translate(
            "SqlError", "the disk the database is on is full; nothing was written: make room on it and try again");
    // The log keeps everything the driver said (the statement's position included), on one line.
    spdlog::warn("SQL failed: {} [{}] {} | {}", context.toStdString(), error.nativeErrorCode().toStdString(),
        why.simplified().toStdString(), error.text().simplified().toStdString());
    return context + QStringLiteral(": ") + why.simplified();
}

} // namespace agency::db
