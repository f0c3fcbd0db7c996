// SPDX-License-Identifier: GPL-3.0-or-later
#include "changesource.h"

#include "database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <atomic>
#include <pwd.h>
#include <unistd.h>

namespace agency::db {

namespace {
    std::atomic<ChangeSource> g_source { ChangeSource::App };

    QString quoted(QString text)
    {
        text.replace(u'\'', QStringLiteral("''"));
        return u'\'' + text + u'\'';
    }
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

bool markChangeSource(QSqlDatabase db, QString* error)
{
    if (dialectOf(db) != Dialect::SQLite)
        return true;
    QSqlQuery query(db);
    // Made already on this connection, or no history in this file (older schema, or a migration under way).
    if (!query.exec(QStringLiteral("SELECT (SELECT count(*) FROM temp.sqlite_master WHERE type = 'trigger' AND name = "
                                   "'agency_change_log_source'), (SELECT count(*) FROM main.sqlite_master WHERE type "
                                   "= 'table' AND name = 'agency_change_log')"))
        || !query.next()) {
        if (error)
            *error = query.lastError().text();
        return false;
    }
    if (query.value(0).toInt() > 0 || query.value(1).toInt() == 0)
        return true;
    const QString who = changePerson();
    const QString whoText = who.isEmpty() ? QStringLiteral("NULL") : quoted(who);
    const QString sql
        = QStringLiteral("CREATE TEMP TRIGGER agency_change_log_source AFTER INSERT ON main.agency_change_log FOR EACH "
                         "ROW BEGIN UPDATE agency_change_log SET db_role = %1, app_user = %1, source = %2 WHERE "
                         "id = NEW.id; END")
              .arg(whoText, quoted(changeSourceName(changeSource())));
    if (!query.exec(sql)) {
        if (error)
            *error = query.lastError().text();
        return false;
    }
    return true;
}

} // namespace agency::db
