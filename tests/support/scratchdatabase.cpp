// SPDX-License-Identifier: GPL-3.0-or-later
#include "scratchdatabase.h"

#include "db/connectionstring.h"
#include "db/database.h"
#include "db/migrator.h"
#include "db/sqlscript.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <spdlog/spdlog.h>

namespace agency::test {

namespace {
    QString adminDsn()
    {
        return qEnvironmentVariable("AGENCY_OS_TEST_PG");
    }

    // The admin DSN with another database name, password kept.
    QString withDatabase(const QString& dsn, const QString& name)
    {
        const auto query = dsn.indexOf(u'?');
        const QString base = query < 0 ? dsn : dsn.left(query);
        const QString rest = query < 0 ? QString() : dsn.mid(query);
        const auto slash = base.lastIndexOf(u'/');
        return base.left(slash + 1) + name + rest;
    }

    int counter = 0;
}

void addBackendColumn()
{
    QTest::addColumn<QString>("backend");
}

void addBackendRows(const char* suffix)
{
    const QString tail = suffix ? QStringLiteral(": ") + QString::fromUtf8(suffix) : QString();
    QTest::newRow(qPrintable(QStringLiteral("sqlite") + tail)) << QStringLiteral("sqlite");
    QTest::newRow(qPrintable(QStringLiteral("postgresql") + tail)) << QStringLiteral("postgresql");
}

void addBackendData()
{
    addBackendColumn();
    addBackendRows();
}

bool postgresAvailable()
{
    return !adminDsn().isEmpty();
}
bool postgresRequired()
{
    return qEnvironmentVariable("AGENCY_OS_REQUIRE_PG") == QStringLiteral("1");
}

ScratchDatabase::ScratchDatabase(const QString& backend)
    : m_postgres(backend == QStringLiteral("postgresql"))
{
    const QString tag = QStringLiteral("t%1_%2").arg(QCoreApplication::applicationPid()).arg(++counter);
    m_connection = QStringLiteral("scratch_") + tag;
    spdlog::set_level(spdlog::level::warn); // tests print what fails, not every connection
    if (m_postgres) {
        m_name = QStringLiteral("agency_") + tag + u'_' + QUuid::createUuid().toString(QUuid::Id128).left(8);
        QString error;
        const auto admin = db::ConnectionString::parse(adminDsn(), &error);
        if (!admin) {
            m_error = QStringLiteral("AGENCY_OS_TEST_PG: ") + error;
            return;
        }
        {
            QSqlDatabase adminDb = db::openDatabase(*admin, m_connection + QStringLiteral("_admin"), &error);
            if (!adminDb.isOpen()) {
                m_error = error;
                return;
            }
            QSqlQuery create(adminDb);
            if (!create.exec(QStringLiteral("CREATE DATABASE %1").arg(m_name)))
                m_error = create.lastError().text();
        }
        db::closeDatabase(m_connection + QStringLiteral("_admin"));
        if (!m_error.isEmpty())
            return;
        m_dsn = withDatabase(adminDsn(), m_name);
    } else {
        m_dir = std::make_unique<QTemporaryDir>();
        m_dsn = QStringLiteral("sqlite:") + m_dir->filePath(QStringLiteral("scratch.db"));
    }
    QString error;
    const auto where = db::ConnectionString::parse(m_dsn, &error);
    m_db = db::openDatabase(*where, m_connection, &error);
    if (!m_db.isOpen())
        m_error = error;
}

QSqlDatabase ScratchDatabase::openAnother(const QString& tag)
{
    QString error;
    const auto where = db::ConnectionString::parse(m_dsn, &error);
    const QString name = m_connection + u'_' + tag;
    m_others << name;
    QSqlDatabase other = db::openDatabase(*where, name, &error);
    if (!other.isOpen())
        qWarning("second connection failed: %s", qPrintable(error));
    return other;
}

bool ScratchDatabase::migrate()
{
    db::Migrator migrator(m_db, db::Migrator::builtIn(db::dialectOf(m_db)));
    if (migrator.up())
        return true;
    qWarning("migration failed: %s", qPrintable(migrator.lastError()));
    return false;
}

bool ScratchDatabase::loadPlaneFixture()
{
    QFile file(QStringLiteral(AGENCY_OS_FIXTURES_DIR)
        + (m_postgres ? QStringLiteral("/plane_postgresql.sql") : QStringLiteral("/plane_sqlite.sql")));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QStringList statements = db::splitSqlScript(QString::fromUtf8(file.readAll()));
    for (const QString& statement : statements) {
        QSqlQuery query(m_db);
        if (!query.exec(statement)) {
            qWarning("fixture statement failed: %s", qPrintable(query.lastError().text()));
            return false;
        }
    }
    return true;
}

ScratchDatabase::~ScratchDatabase()
{
    m_db = {};
    for (const QString& other : std::as_const(m_others))
        db::closeDatabase(other);
    db::closeDatabase(m_connection);
    if (m_postgres && !m_name.isEmpty()) {
        QString error;
        const auto admin = db::ConnectionString::parse(adminDsn(), &error);
        {
            QSqlDatabase adminDb = db::openDatabase(*admin, m_connection + QStringLiteral("_drop"), &error);
            QSqlQuery drop(adminDb);
            if (!drop.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name)))
                qWarning("could not drop %s: %s", qPrintable(m_name), qPrintable(drop.lastError().text()));
        }
        db::closeDatabase(m_connection + QStringLiteral("_drop"));
    }
}

bool execute(QSqlDatabase db, const QString& sql, const QVariantList& bind, QString* error)
{
    QSqlQuery query(db);
    bool ok = false;
    if (bind.isEmpty()) {
        ok = query.exec(sql);
    } else {
        query.prepare(sql);
        for (const QVariant& value : bind)
            query.addBindValue(value);
        ok = query.exec();
    }
    if (error)
        *error = query.lastError().text();
    else if (!ok)
        qWarning("%s — %s", qPrintable(sql), qPrintable(query.lastError().text()));
    return ok;
}

QVariant scalar(QSqlDatabase db, const QString& sql, const QVariantList& bind)
{
    QSqlQuery query(db);
    if (!query.prepare(sql)) {
        qWarning("prepare failed: %s — %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return {};
    }
    for (const QVariant& value : bind)
        query.addBindValue(value);
    if (!query.exec() || !query.next()) {
        qWarning("query failed: %s — %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return {};
    }
    return query.value(0);
}

} // namespace agency::test
