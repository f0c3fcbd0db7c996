// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

namespace agency::test {

// The data-driven column every database test has: one row per backend.
void addBackendColumn();
void addBackendRows(const char* suffix = nullptr);
// Both: the column and a row per backend (what a test's _data() function does when it has nothing else to vary).
void addBackendData();

// Whether PostgreSQL tests can run (AGENCY_OS_TEST_PG is set).
bool postgresAvailable();
bool postgresRequired();

// A fresh, empty database for one test: a temporary SQLite file, or a new database on the test PostgreSQL server
// (created from AGENCY_OS_TEST_PG and dropped afterwards). `db()` is an open connection with a unique name.
class ScratchDatabase {
public:
    explicit ScratchDatabase(const QString& backend);
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase&) = delete;
    ScratchDatabase& operator=(const ScratchDatabase&) = delete;

    bool isReady() const { return m_db.isOpen(); }
    QString error() const { return m_error; }
    QString dsn() const { return m_dsn; } // with the password, for child processes
    bool isPostgres() const { return m_postgres; }
    QSqlDatabase db() const { return m_db; }
    // A second, independent connection to the same database (another desktop).
    QSqlDatabase openAnother(const QString& tag);
    // Runs the built-in migrations up; false with a QWARN on failure.
    bool migrate();
    // Loads tests/fixtures/plane_<dialect>.sql: Plane-like workspaces and projects.
    bool loadPlaneFixture();

private:
    bool m_postgres = false;
    QString m_dsn;
    QString m_name;
    QString m_connection;
    QStringList m_others;
    QString m_error;
    std::unique_ptr<QTemporaryDir> m_dir;
    QSqlDatabase m_db;
};

// The first column of the first row of `sql`, or an invalid QVariant (with a warning) when it fails.
QVariant scalar(QSqlDatabase db, const QString& sql, const QVariantList& bind = {});

// Runs `sql` with `bind`; without values it is executed directly (QPSQL cannot PREPARE CREATE ROLE, GRANT …).
// A failure is warned about, unless the caller takes the driver's message in `error` (an expected refusal).
bool execute(QSqlDatabase db, const QString& sql, const QVariantList& bind = {}, QString* error = nullptr);

} // namespace agency::test

// Skips a PostgreSQL row loudly when no server is configured, or fails it when one is required (CI).
#define AGENCY_REQUIRE_BACKEND(backend)                                                                                \
    do {                                                                                                               \
        if ((backend) == QStringLiteral("postgresql") && !agency::test::postgresAvailable()) {                         \
            if (agency::test::postgresRequired())                                                                      \
                QFAIL("AGENCY_OS_REQUIRE_PG=1 but AGENCY_OS_TEST_PG is not set: the PostgreSQL tests cannot run");     \
            QSKIP("*** PostgreSQL row SKIPPED: AGENCY_OS_TEST_PG is not set (scripts/test sets it) ***");              \
        }                                                                                                              \
    } while (false)

#define AGENCY_SCRATCH(var, backend)                                                                                   \
    AGENCY_REQUIRE_BACKEND(backend);                                                                                   \
    agency::test::ScratchDatabase var(backend);                                                                        \
    QVERIFY2(var.isReady(), qPrintable(var.error()))

// The port of the pgbouncer scripts/test starts in front of the test server (AGENCY_OS_TEST_POOLER_PORT) into `var`;
// the row is skipped loudly without one, or failed when PostgreSQL is required (CI).
#define AGENCY_REQUIRE_POOLER(var)                                                                                     \
    AGENCY_REQUIRE_BACKEND(QStringLiteral("postgresql"));                                                              \
    const int var = qEnvironmentVariableIntValue("AGENCY_OS_TEST_POOLER_PORT");                                        \
    do {                                                                                                               \
        if ((var) <= 0) {                                                                                              \
            if (agency::test::postgresRequired())                                                                      \
                QFAIL("AGENCY_OS_REQUIRE_PG=1 but AGENCY_OS_TEST_POOLER_PORT is not set: the pooler rows cannot run"); \
            QSKIP("*** pooler row SKIPPED: AGENCY_OS_TEST_POOLER_PORT is not set (scripts/test sets it) ***");         \
        }                                                                                                              \
    } while (false)

// The scratch database of a data row's backend (its "backend" column, which stays readable as `backend`), migrated
// to the app's schema: what most database tests start from.
#define AGENCY_MIGRATED_SCRATCH(var)                                                                                   \
    QFETCH(QString, backend);                                                                                          \
    AGENCY_SCRATCH(var, backend);                                                                                      \
    QVERIFY((var).migrate())
