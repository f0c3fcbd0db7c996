// SPDX-License-Identifier: GPL-3.0-or-later
#include "changesource.h"

#include "database.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <atomic>
#include <pwd.h>
#include <unistd.h>

namespace agency::db {

namespace {
    std::atomic<ChangeSource> g_source { ChangeSource::App };
}

void setChangeSource(ChangeSource source)
{
    g_source = source;
}

ChangeSource changeSource()
{
    return g_source;
}

QString changeSourceName(ChangeSource source)
{
    return source == ChangeSource::CliImport ? QStringLiteral("cli-import") : QStringLiteral("app");
}

QString changePerson()
{
    if (const passwd* user = getpwuid(geteuid()); user && user->pw_name && *user->pw_name)
        return QString::fromLocal8Bit(user->pw_name);
    return qEnvironmentVariable("USER");
}

QString applicationName()
{
    const QString who = changePerson();
    const QString app
        = changeSource() == ChangeSource::CliImport ? QStringLiteral("agency-os import") : QStringLiteral("agency-os");
    return who.isEmpty() ? app : app + u'/' + who;
}

namespace {
    // The last log row before this connection's write began (a property of its driver, so a reopened connection
    // starts without one); absent: no history in this file, or no write begun.
    const char* const kLogFrom = "agencyChangeLogFrom";
}

void noteWriteStarted(QSqlDatabase db)
{
    if (dialectOf(db) != Dialect::SQLite || !db.driver())
        return;
    QSqlQuery query(db);
    const bool logged
        = query.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM agency_change_log")) && query.next();
    db.driver()->setProperty(kLogFrom, logged ? QVariant(query.value(0).toLongLong()) : QVariant());
}

bool stampChanges(QSqlDatabase db, QString* error)
{
    if (dialectOf(db) != Dialect::SQLite || !db.driver())
        return true;
    const QVariant from = db.driver()->property(kLogFrom);
    db.driver()->setProperty(kLogFrom, QVariant());
    if (!from.isValid())
        return true;
    // OR FAIL: a failure leaves the rows stamped so far (the caller rolls the whole transaction back then), so SQLite
    // need not journal every page of the transaction's history for this one statement.
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE OR FAIL agency_change_log SET db_role = ?, app_user = ?, source = ? WHERE id "
                                 "> ? AND source = 'other'"));
    const QString who = changePerson();
    const QVariant person = who.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(who);
    query.addBindValue(person);
    query.addBindValue(person);
    query.addBindValue(changeSourceName(changeSource()));
    query.addBindValue(from.toLongLong());
    if (!query.exec()) {
        if (error)
            *error = query.lastError().text();
        return false;
    }
    return true;
}

} // namespace agency::db
