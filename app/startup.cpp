// SPDX-License-Identifier: GPL-3.0-or-later
#include "startup.h"

#include "db/database.h"
#include "db/migrator.h"

#include <QCoreApplication>

namespace agency::app {

namespace {
    QString tr(const char* text)
    {
        return QCoreApplication::translate("Startup", text);
    }
}

std::optional<db::ConnectionString> resolveDatabase(const QString& option, const QString& fallback, QString* error)
{
    QString text = option;
    QString source = QStringLiteral("--db");
    if (text.isEmpty()) {
        text = qEnvironmentVariable("AGENCY_OS_DB");
        source = QStringLiteral("AGENCY_OS_DB");
    }
    if (text.isEmpty()) {
        text = fallback;
        source = tr("the last database used");
    }
    if (text.isEmpty()) {
        text = QStringLiteral("sqlite:") + db::defaultEmbeddedPath();
        source = tr("the embedded database");
    }
    QString why;
    auto parsed = db::ConnectionString::parse(text, &why);
    if (!parsed && error)
        *error = QStringLiteral("%1: %2").arg(source, why);
    return parsed;
}

QSqlDatabase openForWork(const db::ConnectionString& where, const QString& connectionName, QString* error)
{
    QSqlDatabase db = db::openDatabase(where, connectionName, error);
    if (!db.isOpen())
        return {};
    db::Migrator migrator(db, db::Migrator::builtIn(where.dialect));
    QString problem;
    if (where.dialect == db::Dialect::SQLite) {
        if (!migrator.up())
            problem = tr("cannot prepare the database %1: %2").arg(where.redacted(), migrator.lastError());
    } else {
        switch (migrator.state()) {
        case db::SchemaState::Current:
            break;
        case db::SchemaState::Missing:
        case db::SchemaState::Behind:
            problem = migrator.lastError().isEmpty()
                ? tr("the Agency OS schema in %1 is not up to date (this app needs version %2): ask an administrator "
                     "to run: agency-os migrate up --db %1")
                      .arg(where.redacted())
                      .arg(migrator.latestVersion())
                : migrator.lastError();
            break;
        case db::SchemaState::Newer:
            problem = tr("the Agency OS schema in %1 is newer than this app (version %2): update Agency OS")
                          .arg(where.redacted())
                          .arg(migrator.latestVersion());
            break;
        case db::SchemaState::Edited:
            problem = tr("an applied migration in %1 differs from this app's copy: run agency-os migrate status")
                          .arg(where.redacted());
            break;
        }
    }
    if (problem.isEmpty())
        return db;
    if (error)
        *error = problem;
    db = {};
    db::closeDatabase(connectionName);
    return {};
}

} // namespace agency::app
