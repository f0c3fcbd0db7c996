// SPDX-License-Identifier: GPL-3.0-or-later
#include "migrator.h"

#include "database.h"
#include "sqlerror.h"
#include "sqlscript.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <algorithm>
#include <spdlog/spdlog.h>

namespace agency::db {

namespace {
    // What this file says to people, in lupdate's and the runtime's one context "Migrator".
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(Migrator)
    };

    // "agency" in ASCII: the advisory-lock key every Agency OS desktop agrees on.
    constexpr qint64 migrationLockKey = 0x6167656e6379;

    QString label(int version, const QString& name)
    {
        return QStringLiteral("%1_%2").arg(version, 4, 10, QLatin1Char('0')).arg(name);
    }

    QString readResource(const QString& path, bool* ok)
    {
        QFile file(path);
        *ok = file.open(QIODevice::ReadOnly);
        return *ok ? QString::fromUtf8(file.readAll()) : QString();
    }
}

QString Migration::checksum() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(up.toUtf8());
    hash.addData(QByteArrayView("\n-- down --\n"));
    hash.addData(down.toUtf8());
    return QString::fromLatin1(hash.result().toHex());
}

Migrator::Migrator(QSqlDatabase db, QList<Migration> migrations)
    : m_db(db)
    , m_dialect(dialectOf(m_db))
    , m_migrations(std::move(migrations))
{
    std::sort(m_migrations.begin(), m_migrations.end(),
        [](const Migration& a, const Migration& b) { return a.version < b.version; });
}

QList<Migration> Migrator::builtIn(Dialect dialect)
{
    const QString folder = dialect == Dialect::PostgreSQL ? QStringLiteral(":/migrations/postgresql")
                                                          : QStringLiteral(":/migrations/sqlite");
    static const QRegularExpression pattern(QStringLiteral(R"(^(\d{4})_([a-z0-9_]+)\.up\.sql$)"));
    QList<Migration> list;
    const auto names = QDir(folder).entryList(QDir::Files, QDir::Name);
    for (const QString& file : names) {
        const auto match = pattern.match(file);
        if (!match.hasMatch())
            continue;
        Migration m;
        m.version = match.captured(1).toInt();
        m.name = match.captured(2);
        bool upOk = false;
        bool downOk = false;
        m.up = readResource(folder + u'/' + file, &upOk);
        m.down = readResource(folder + u'/' + label(m.version, m.name) + QStringLiteral(".down.sql"), &downOk);
        Q_ASSERT_X(upOk && downOk, "Migrator::builtIn", "every up migration needs its down");
        list << m;
    }
    return list;
}

bool Migrator::mayMigrate()
{
    if (m_dialect != Dialect::PostgreSQL)
        return true;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral(
            "SELECT has_schema_privilege(current_schema(), 'CREATE') AND NOT EXISTS ("
            "SELECT 1 FROM pg_class c WHERE c.relname LIKE 'agency\\_%' AND c.relkind = 'r' "
            "AND c.relnamespace = current_schema()::regnamespace AND NOT pg_has_role(c.relowner, 'USAGE'))"))
        || !query.next()) {
        reportSqlError(Text::tr("Checking the right to change the schema"), query.lastError());
        return false;
    }
    return query.value(0).toBool();
}

int Migrator::latestVersion() const
{
    return m_migrations.isEmpty() ? 0 : m_migrations.constLast().version;
}

bool Migrator::fail(const QString& message)
{
    m_error = message;
    return false;
}

bool Migrator::exec(const QString& sql, const QString& context)
{
    QSqlQuery query(m_db);
    if (query.exec(sql))
        return true;
    return fail(reportSqlError(context, query.lastError()));
}

bool Migrator::begin(const QString& what)
{
    // SQLite: IMMEDIATE takes the write lock now, so a second process waits here instead of failing half-way.
    // PostgreSQL: the lock other desktops' migrations wait for lives inside this transaction and ends with it, so it
    // holds through a transaction pooler (pgbouncer) and is never left behind on a pooled server connection, as a
    // session lock was.
    if (m_dialect == Dialect::SQLite)
        return exec(QStringLiteral("BEGIN IMMEDIATE"), what);
    return exec(QStringLiteral("BEGIN"), what)
        && exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(migrationLockKey),
            Text::tr("Waiting for other desktops to finish migrating"));
}

void Migrator::rollback()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("ROLLBACK")))
        reportSqlError(Text::tr("Rolling back a failed migration"), query.lastError());
}

bool Migrator::bookkeepingExists(bool* exists)
{
    QSqlQuery query(m_db);
    const QString sql = m_dialect == Dialect::PostgreSQL
        ? QStringLiteral("SELECT to_regclass('agency_schema_migrations') IS NOT NULL")
        : QStringLiteral(
            "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'agency_schema_migrations'");
    if (!query.exec(sql) || !query.next())
        return fail(reportSqlError(Text::tr("Reading the schema version"), query.lastError()));
    *exists = query.value(0).toBool();
    return true;
}

bool Migrator::ensureBookkeeping()
{
    const QString sql = m_dialect == Dialect::PostgreSQL
        ? QStringLiteral("CREATE TABLE IF NOT EXISTS agency_schema_migrations (version integer PRIMARY KEY, "
                         "name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())")
        : QStringLiteral("CREATE TABLE IF NOT EXISTS agency_schema_migrations (version INTEGER PRIMARY KEY, "
                         "name TEXT NOT NULL, checksum TEXT NOT NULL, "
                         "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))");
    const QString what = Text::tr("Creating the migration table agency_schema_migrations");
    if (!begin(what))
        return false;
    if (exec(sql, what) && exec(QStringLiteral("COMMIT"), what))
        return true;
    rollback();
    return false;
}

bool Migrator::readApplied(QMap<int, Applied>* out)
{
    out->clear();
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT version, name, checksum, applied_at FROM agency_schema_migrations")))
        return fail(reportSqlError(Text::tr("Reading applied migrations"), query.lastError()));
    while (query.next()) {
        QDateTime at = query.value(3).toDateTime();
        if (!at.isValid())
            at = QDateTime::fromString(query.value(3).toString(), Qt::ISODateWithMs);
        out->insert(query.value(0).toInt(), { query.value(1).toString(), query.value(2).toString(), at.toUTC() });
    }
    return true;
}

bool Migrator::checkApplied(const QMap<int, Applied>& applied)
{
    for (auto it = applied.cbegin(); it != applied.cend(); ++it) {
        const auto known = std::find_if(
            m_migrations.cbegin(), m_migrations.cend(), [&](const Migration& m) { return m.version == it.key(); });
        if (known == m_migrations.cend()) {
            return fail(
                Text::tr("the database schema is at version %1, newer than this app knows (%2): update Agency OS "
                         "before changing the schema")
                    .arg(applied.lastKey())
                    .arg(latestVersion()));
        }
        if (known->checksum() != it->checksum) {
            return fail(
                Text::tr("migration %1 was edited after it was applied (checksum differs): restore the original "
                         "file; an applied migration is never changed, add a new one instead")
                    .arg(label(known->version, known->name)));
        }
    }
    return true;
}

bool Migrator::status(QList<MigrationStatus>* out)
{
    out->clear();
    bool exists = false;
    if (!bookkeepingExists(&exists))
        return false;
    QMap<int, Applied> applied;
    if (exists && !readApplied(&applied))
        return false;
    for (const Migration& m : std::as_const(m_migrations)) {
        MigrationStatus s;
        s.version = m.version;
        s.name = m.name;
        if (const auto it = applied.constFind(m.version); it != applied.cend()) {
            s.applied = true;
            s.appliedAt = it->at;
            s.edited = it->checksum != m.checksum();
        }
        out->append(s);
    }
    for (auto it = applied.cbegin(); it != applied.cend(); ++it) {
        if (it.key() > latestVersion())
            out->append({ it.key(), it->name, true, it->at, false, false });
    }
    return true;
}

SchemaState Migrator::state()
{
    if (m_dialect == Dialect::PostgreSQL) {
        // A role that may not read the tables is told so, not that the schema needs migrating.
        QSqlQuery query(m_db);
        if (query.exec(QStringLiteral(
                "SELECT current_user, string_agg(t, ', ' ORDER BY t) FROM unnest(ARRAY['agency_schema_migrations', "
                "'agency_sla_tiers', 'agency_clients', 'agency_campaigns', 'agency_campaign_channels']) AS t "
                "WHERE to_regclass(t) IS NOT NULL AND NOT has_any_column_privilege(t, 'SELECT')"))
            && query.next() && !query.isNull(1)) {
            fail(Text::tr(
                "your database role %1 may not read %2 in this database: ask an administrator to grant it SELECT "
                "on the agency_ tables (and INSERT, UPDATE to edit them)")
                     .arg(query.value(0).toString(), query.value(1).toString()));
            return SchemaState::NoAccess;
        }
    }
    QList<MigrationStatus> list;
    if (!status(&list))
        return SchemaState::Missing;
    bool any = false;
    bool pending = false;
    for (const auto& s : std::as_const(list)) {
        if (!s.known)
            return SchemaState::Newer;
        if (s.edited)
            return SchemaState::Edited;
        any = any || s.applied;
        pending = pending || !s.applied;
    }
    if (!any)
        return SchemaState::Missing;
    return pending ? SchemaState::Behind : SchemaState::Current;
}

bool Migrator::runStep(const Migration& migration, bool upwards)
{
    const QString what = label(migration.version, migration.name);
    if (!begin(Text::tr("Starting migration %1").arg(what)))
        return false;
    auto rollback = [this]() {
        this->rollback();
        return false;
    };

    // No prepared statements here: through a transaction pooler, a statement prepared on one server connection is
    // not there on the next, and its name is taken on the first for another client.
    QSqlQuery check(m_db);
    if (!check.exec(
            QStringLiteral("SELECT count(*) FROM agency_schema_migrations WHERE version = %1").arg(migration.version))
        || !check.next()) {
        fail(reportSqlError(Text::tr("Checking migration %1").arg(what), check.lastError()));
        return rollback();
    }
    const bool alreadyApplied = check.value(0).toInt() > 0;
    check.finish();
    if (alreadyApplied == upwards) { // someone else did this step meanwhile
        exec(QStringLiteral("COMMIT"), Text::tr("Finishing migration %1").arg(what));
        return true;
    }

    const QStringList statements = splitSqlScript(upwards ? migration.up : migration.down);
    for (qsizetype i = 0; i < statements.size(); ++i) {
        if (!exec(statements.at(i),
                Text::tr("Migration %1 %2, statement %3")
                    .arg(what, upwards ? Text::tr("up") : Text::tr("down"))
                    .arg(i + 1)))
            return rollback();
    }

    QSqlQuery record(m_db);
    auto literal = [this](const QString& text) {
        QSqlField field(QStringLiteral("value"), QMetaType(QMetaType::QString));
        field.setValue(text);
        return m_db.driver()->formatValue(field);
    };
    const QString recorded = upwards
        ? QStringLiteral("INSERT INTO agency_schema_migrations (version, name, checksum) VALUES (%1, %2, %3)")
              .arg(QString::number(migration.version), literal(migration.name), literal(migration.checksum()))
        : QStringLiteral("DELETE FROM agency_schema_migrations WHERE version = %1").arg(migration.version);
    if (!record.exec(recorded)) {
        fail(reportSqlError(Text::tr("Recording migration %1").arg(what), record.lastError()));
        return rollback();
    }
    if (!exec(QStringLiteral("COMMIT"), Text::tr("Committing migration %1").arg(what)))
        return rollback();
    if (m_progress)
        m_progress(upwards ? Text::tr("applied %1").arg(what) : Text::tr("rolled back %1").arg(what));
    return true;
}

bool Migrator::up(int target)
{
    if (target < 0)
        target = latestVersion();
    bool ok = ensureBookkeeping();
    QMap<int, Applied> applied;
    ok = ok && readApplied(&applied) && checkApplied(applied);
    for (const Migration& m : std::as_const(m_migrations)) {
        if (!ok || m.version > target)
            break;
        if (!applied.contains(m.version))
            ok = runStep(m, true);
    }
    return ok;
}

void Migrator::dropOwnTrigramExtension()
{
    // 0003 ran CREATE EXTENSION IF NOT EXISTS and did not record which it was. An extension made then is younger than
    // the app's first table (object ids grow), one that was there before is older and stays. Nor is it dropped while
    // anything else uses it: DROP EXTENSION without CASCADE refuses, and it then stays too.
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT e.oid > 'agency_schema_migrations'::regclass::oid FROM pg_extension e "
                                   "WHERE e.extname = 'pg_trgm'"))
        || !query.next() || !query.value(0).toBool())
        return;
    query.finish();
    if (query.exec(QStringLiteral("DROP EXTENSION pg_trgm")))
        spdlog::info("migrate down: pg_trgm, created by migration 0003, removed");
    else
        spdlog::info("migrate down: pg_trgm stays (something else uses it, or this role may not drop it): {}",
            query.lastError().text().toStdString());
}

bool Migrator::down(int target)
{
    if (target < 0)
        return fail(Text::tr("--to must be a version number of 0 or more"));
    bool exists = false;
    bool ok = bookkeepingExists(&exists);
    QMap<int, Applied> applied;
    if (ok && exists)
        ok = readApplied(&applied) && checkApplied(applied);
    for (auto it = m_migrations.crbegin(); ok && it != m_migrations.crend(); ++it) {
        if (it->version > target && applied.contains(it->version))
            ok = runStep(*it, false);
    }
    // Down to nothing leaves nothing of the app's: its bookkeeping table goes too, once no step of any version (a
    // newer app's included) is recorded in it, and so does pg_trgm when migration 0003 created it.
    if (ok && exists && target == 0) {
        QSqlQuery query(m_db);
        ok = query.exec(QStringLiteral("SELECT count(*) FROM agency_schema_migrations")) && query.next();
        if (ok && query.value(0).toInt() == 0) {
            query.finish();
            if (m_dialect == Dialect::PostgreSQL)
                dropOwnTrigramExtension();
            ok = query.exec(QStringLiteral("DROP TABLE agency_schema_migrations"));
        }
        if (!ok)
            return fail(
                reportSqlError(Text::tr("Removing the migration table agency_schema_migrations"), query.lastError()));
    }
    return ok;
}

} // namespace agency::db
