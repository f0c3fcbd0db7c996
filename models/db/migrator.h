// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionstring.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <functional>

namespace agency::db {

struct Migration {
    int version = 0;
    QString name;
    QString up;
    QString down;

    // SHA-256 over both directions: an applied migration whose file was edited is refused.
    QString checksum() const;
};

struct MigrationStatus {
    int version = 0;
    QString name;
    bool applied = false;
    QDateTime appliedAt;
    bool edited = false; // applied with another checksum than the app's copy
    bool known = true; // false: applied by a newer app
};

// NoAccess: the role may not read the agency tables (lastError() names them).
enum class SchemaState { Missing, Behind, Current, Newer, Edited, NoAccess };

// Applies versioned migrations, one transaction per step, recorded in agency_schema_migrations. On PostgreSQL a
// session advisory lock keeps two desktops from migrating at once; the second one waits, then finds nothing to do.
class Migrator {
public:
    Migrator(QSqlDatabase db, QList<Migration> migrations);

    // The migrations compiled into the app for the dialect (resources :/migrations/<dialect>/NNNN_name.up|down.sql).
    static QList<Migration> builtIn(Dialect dialect);

    bool status(QList<MigrationStatus>* out);
    SchemaState state();
    bool up(int target = -1); // -1: the latest
    bool down(int target); // rolls back every applied version above target

    int latestVersion() const;
    // Whether this role may change the schema (PostgreSQL: CREATE on the schema and ownership of existing agency_
    // tables); the GUI offers an upgrade only then. Always true on SQLite.
    bool mayMigrate();
    QString lastError() const { return m_error; }
    void setProgressHandler(std::function<void(const QString&)> handler) { m_progress = std::move(handler); }

private:
    struct Applied {
        QString name;
        QString checksum;
        QDateTime at;
    };
    bool bookkeepingExists(bool* exists);
    bool ensureBookkeeping();
    bool readApplied(QMap<int, Applied>* out);
    bool checkApplied(const QMap<int, Applied>& applied);
    bool runStep(const Migration& migration, bool upwards);
    bool exec(const QString& sql, const QString& context);
    // A transaction for one step, holding the migration lock until it ends (PostgreSQL), or the write lock (SQLite).
    bool begin(const QString& what);
    void rollback();
    bool fail(const QString& message);
    // Down to zero on PostgreSQL: pg_trgm goes if migration 0003 made it and nothing else uses it.
    void dropOwnTrigramExtension();

    QSqlDatabase m_db;
    Dialect m_dialect;
    QList<Migration> m_migrations; // ascending by version
    QString m_error;
    std::function<void(const QString&)> m_progress;
};

} // namespace agency::db
