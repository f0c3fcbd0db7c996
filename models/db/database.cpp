// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"

#include "changesource.h"
#include "sqlerror.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <libpq-fe.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>
#include <vector>

namespace agency::db {

namespace {
    void logNotice(void* /*context*/, const char* message)
    {
        spdlog::info("server: {}", QByteArray(message).trimmed().toStdString());
    }
}

namespace {
    // What this file says to people, in lupdate's and the runtime's one context "Database".
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(Database)
    };
}

bool isThroughPooler(const QSqlDatabase& db)
{
    if (dialectOf(db) != Dialect::PostgreSQL)
        return false;
    const QVariant handle = db.driver()->handle();
    if (qstrcmp(handle.typeName(), "pg_conn*") != 0)
        return false;
    auto* conn = *static_cast<PGconn* const*>(handle.constData());
    if (!conn)
        return false;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT pg_backend_pid()")) || !query.next())
        return false;
    return query.value(0).toInt() != PQbackendPID(conn);
}

Dialect dialectOf(const QSqlDatabase& db)
{
    return db.driverName() == QStringLiteral("QPSQL") ? Dialect::PostgreSQL : Dialect::SQLite;
}

bool beginWrite(QSqlDatabase db, QSqlError* error)
{
    if (dialectOf(db) != Dialect::SQLite) {
        if (db.transaction())
            return true;
        if (error)
            *error = db.lastError();
        return false;
    }
    QSqlQuery begin(db);
    if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        if (error)
            *error = begin.lastError();
        return false;
    }
    noteWriteStarted(db); // where the history's rows of this write begin (SQLite: said who made them at commit)
    return true;
}

bool stillInTransaction(const QSqlDatabase& db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || !handle.data() || !*static_cast<void* const*>(handle.data()))
        return false;
    void* connection = *static_cast<void* const*>(handle.data());
    if (dialectOf(db) == Dialect::SQLite)
        return sqlite3_get_autocommit(static_cast<sqlite3*>(connection)) == 0;
    const PGTransactionStatusType status = PQtransactionStatus(static_cast<PGconn*>(connection));
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

bool commitWrite(QSqlDatabase db, QSqlError* error)
{
    QString why;
    if (!stampChanges(db, &why)) {
        if (error)
            *error = QSqlError(why, why, QSqlError::TransactionError);
        return false;
    }
    if (db.commit())
        return true;
    if (error)
        *error = db.lastError();
    return false;
}

QString dataFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/agency-os");
}

QStringList makeDataFolderPrivate()
{
    constexpr QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    QStringList changed;
    const QString folder = dataFolder();
    for (const QString& dir : { folder, folder + QStringLiteral("/logs") }) {
        if (!QDir().mkpath(dir))
            continue;
        if (QFile::permissions(dir) & others) {
            QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
            changed << dir;
        }
        const QFileInfoList files = QDir(dir).entryInfoList(QDir::Files | QDir::Hidden | QDir::System);
        for (const QFileInfo& file : files) {
            if (!file.isSymLink() && (file.permissions() & others)) {
                QFile::setPermissions(file.filePath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
                changed << file.filePath();
            }
        }
    }
    return changed;
}

QString defaultEmbeddedPath()
{
    return dataFolder() + QStringLiteral("/agency-os.db");
}

QString moveLegacyDataFolder()
{
    const QString folder = dataFolder();
    const QDir legacy(folder + QStringLiteral("/agency-os"));
    if (!legacy.exists())
        return {};
    QStringList moved;
    QStringList kept;
    const auto entries = legacy.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QFileInfo& entry : entries) {
        const QString target = folder + u'/' + entry.fileName();
        if (!QFileInfo::exists(target) && QDir().rename(entry.filePath(), target))
            moved << entry.fileName();
        else
            kept << entry.fileName();
    }
    if (kept.isEmpty())
        QDir().rmdir(legacy.path());
    QString note = QStringLiteral("data folder: moved %1 from %2 to %3 (one folder from now on)")
                       .arg(moved.isEmpty() ? QStringLiteral("nothing") : moved.join(QStringLiteral(", ")),
                           legacy.path(), folder);
    if (!kept.isEmpty())
        note += QStringLiteral("; left %1 in %2 because %3 already has an entry of that name or it could not be moved")
                    .arg(kept.join(QStringLiteral(", ")), legacy.path(), folder);
    return note;
}

void closeDatabase(const QString& connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

QSqlDatabase openDatabase(const ConnectionString& where, const QString& connectionName, QString* error)
{
    const bool postgres = where.dialect == Dialect::PostgreSQL;
    const QString driver = postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE");
    if (!QSqlDatabase::isDriverAvailable(driver)) {
        if (error)
            *error = Text::tr("the Qt SQL driver %1 is not installed (Debian: libqt6sql6-%2)")
                         .arg(driver, postgres ? QStringLiteral("psql") : QStringLiteral("sqlite"));
        return {};
    }

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(driver, connectionName);
        // Exact NUMERIC text, never double: every query on this connection inherits it.
        db.setNumericalPrecisionPolicy(QSql::HighPrecision);
        if (postgres) {
            db.setHostName(where.host);
            db.setPort(where.port);
            db.setDatabaseName(where.database);
            db.setUserName(where.user);
            db.setPassword(where.password);
            db.setConnectOptions(where.qpsqlConnectOptions());
        } else {
            if (where.path != QStringLiteral(":memory:")) {
                const QFileInfo file(where.path);
                if (!QDir().mkpath(file.absolutePath())) {
                    if (error)
                        *error = Text::tr("cannot create the folder %1 for the database file").arg(file.absolutePath());
                    db = {};
                    QSqlDatabase::removeDatabase(connectionName);
                    return {};
                }
            }
            // The embedded database is made its owner's alone from the start (SQLite gives its -wal and -shm
            // files the database file's permissions); a file chosen elsewhere keeps what its folder gives it.
            if (where.path != QStringLiteral(":memory:") && !QFileInfo::exists(where.path)
                && QFileInfo(where.path).absolutePath() == QFileInfo(dataFolder()).absoluteFilePath()) {
                QFile created(where.path);
                if (created.open(QIODevice::WriteOnly)) {
                    created.close();
                    created.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
                }
            }
            db.setDatabaseName(where.path);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        }

        if (db.open()) {
            bool ok = true;
            if (postgres) { // the server's NOTICE lines go to the log, never to stderr beside a one-line error
                const QVariant handle = db.driver()->handle();
                if (qstrcmp(handle.typeName(), "pg_conn*") == 0) {
                    if (auto* conn = *static_cast<PGconn* const*>(handle.constData()))
                        PQsetNoticeProcessor(conn, logNotice, nullptr);
                }
            }
            if (!postgres) {
                QSqlQuery pragma(db);
                ok = pragma.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
                if (ok && where.path != QStringLiteral(":memory:"))
                    ok = pragma.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
                if (!ok && error)
                    *error = reportSqlError(Text::tr("Could not prepare %1").arg(where.redacted()), pragma.lastError());
            }
            if (ok) {
                spdlog::info("opened {}", where.redacted().toStdString());
                return db;
            }
        } else if (error) {
            // libpq's own words ("connection to server … failed: FATAL: password authentication failed …"), not
            // the driver's boilerplate after them ("QPSQL: Unable to connect").
            const QSqlError failed = db.lastError();
            const QString said = failed.databaseText().trimmed().isEmpty() ? failed.text() : failed.databaseText();
            const QString why = where.withoutSecrets(said.simplified());
            *error = Text::tr("cannot open %1: %2").arg(where.redacted(), why);
            spdlog::warn("open failed: {}", error->toStdString());
        }
    }
    QSqlDatabase::removeDatabase(connectionName);
    return {};
}

} // namespace agency::db

namespace agency::db {

bool passwordIsTheProblem(const ConnectionString& where)
{
    if (where.dialect != Dialect::PostgreSQL)
        return false;
    QList<QByteArray> keys;
    QList<QByteArray> values;
    auto add = [&](const char* key, const QString& value) {
        if (!value.isEmpty()) {
            keys << QByteArray(key);
            values << value.toUtf8();
        }
    };
    add("host", where.host);
    add("port", where.port > 0 ? QString::number(where.port) : QString());
    add("dbname", where.database);
    add("user", where.user);
    add("password", where.password);
    add("connect_timeout", QStringLiteral("10"));
    for (const auto& [key, value] : where.options) {
        keys << key.toUtf8();
        values << value.toUtf8();
    }
    std::vector<const char*> keywords;
    std::vector<const char*> settings;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        keywords.push_back(keys.at(i).constData());
        settings.push_back(values.at(i).constData());
    }
    keywords.push_back(nullptr);
    settings.push_back(nullptr);
    PGconn* conn = PQconnectdbParams(keywords.data(), settings.data(), 0);
    // Refused for want of one (none given, none in ~/.pgpass), or the one given was tried and the connection failed.
    const bool problem = conn && PQstatus(conn) != CONNECTION_OK
        && (PQconnectionNeedsPassword(conn) != 0 || PQconnectionUsedPassword(conn) != 0);
    PQfinish(conn);
    return problem;
}

} // namespace agency::db
