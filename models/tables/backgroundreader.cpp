// SPDX-License-Identifier: GPL-3.0-or-later
#include "backgroundreader.h"

#include "db/database.h"

#include <QSqlDriver>
#include <libpq-fe.h>
#include <limits>
#include <sqlite3.h>

namespace agency::tables {

namespace {
    std::atomic<int> connections { 0 };
}

BackgroundReader::BackgroundReader(QSqlDatabase db, Receiver receiver, QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_receiver(std::move(receiver))
    , m_worker(new QObject)
    , m_connection(QStringLiteral("%1~background%2").arg(db.connectionName()).arg(++connections))
    , m_sqlite(db::dialectOf(db) == db::Dialect::SQLite)
    , m_serverHandle(std::make_shared<std::atomic<void*>>(nullptr))
{
    m_thread.setObjectName(QStringLiteral("page reader"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

BackgroundReader::~BackgroundReader()
{
    m_latest = std::numeric_limits<quint64>::max(); // nothing more is delivered
    cancelOnServer();
    const QString name = m_connection;
    QMetaObject::invokeMethod(
        m_worker,
        [name]() {
            {
                QSqlDatabase clone = QSqlDatabase::database(name, false);
                if (clone.isValid())
                    clone.close();
            }
            QSqlDatabase::removeDatabase(name);
        },
        Qt::QueuedConnection);
    m_thread.quit();
    m_thread.wait();
    if (void* cancel = m_serverHandle->exchange(nullptr); cancel && !m_sqlite)
        PQfreeCancel(static_cast<PGcancel*>(cancel));
    for (void* cancel : m_retired)
        PQfreeCancel(static_cast<PGcancel*>(cancel));
}

bool BackgroundReader::isCancellation(const QString& error)
{
    // PostgreSQL's "canceling statement due to user request" (SQLSTATE 57014), SQLite's "interrupted".
    return error.contains(QStringLiteral("57014")) || error.contains(QStringLiteral("user request"))
        || error.contains(QStringLiteral("interrupted"));
}

bool BackgroundReader::canClone(const QSqlDatabase& db)
{
    return db.isOpen()
        && (db::dialectOf(db) == db::Dialect::PostgreSQL || db.databaseName() != QStringLiteral(":memory:"));
}

void BackgroundReader::cancelOnServer()
{
    // PQcancel may be called from any thread with a PGcancel made beforehand (libpq's documentation): it asks the
    // server to stop whatever the clone is running; when it runs nothing, the server ignores the request.
    // sqlite3_interrupt may be called from any thread too (SQLite's documentation), and is a no-op when nothing runs.
    void* handle = m_serverHandle->load();
    if (!handle)
        return;
    if (!m_sqlite) {
        char error[256];
        PQcancel(static_cast<PGcancel*>(handle), error, sizeof error);
    } else {
        sqlite3_interrupt(static_cast<sqlite3*>(handle));
    }
}

void BackgroundReader::cancel()
{
    if (m_pending == 0)
        return;
    ++m_latest;
    m_pending = 0;
    cancelOnServer();
}

void BackgroundReader::read(const KeysetPager::Query& query, int pageSize, qsizetype atLeast)
{
    run([this, query, pageSize, atLeast](QSqlDatabase clone, const std::function<bool()>& stale) -> Delivery {
        auto result = std::make_shared<Result>();
        if (!clone.isOpen()) {
            result->error = tr("Cannot open a second connection to read in the background");
        } else {
            auto pager = std::make_shared<KeysetPager>(clone, query, pageSize);
            result->ok = pager->readPage(&result->rows, &result->error);
            while (result->ok && result->rows.size() < atLeast && !pager->atEnd() && !stale())
                result->ok = pager->readPage(&result->rows, &result->error);
            pager->setDatabase({}); // no handle on the clone leaves this thread
            result->pager = pager;
            if (!result->ok && !isCancellation(result->error))
                clone.close(); // a lost connection: the next request opens it again
        }
        return [this, result]() {
            if (result->pager)
                result->pager->setDatabase(m_db);
            if (m_receiver)
                m_receiver(std::move(*result));
        };
    });
}

void BackgroundReader::run(Job job)
{
    if (m_pending != 0)
        cancelOnServer(); // the older request's query, before this one is queued behind it
    const quint64 request = ++m_latest;
    m_pending = request;
    const QString source = m_db.connectionName();
    const QString name = m_connection;
    auto handle = m_serverHandle;
    QMetaObject::invokeMethod(
        m_worker,
        [this, request, job = std::move(job), source, name, handle]() {
            if (request != m_latest)
                return; // stale before it started
            QSqlDatabase clone = QSqlDatabase::database(name, false);
            if (!clone.isValid())
                clone = QSqlDatabase::cloneDatabase(source, name);
            if (!clone.isOpen() && clone.open()) { // what cancelOnServer() needs, for this connection
                void* connection = *static_cast<void* const*>(clone.driver()->handle().constData());
                const bool postgres = clone.driverName() == QStringLiteral("QPSQL");
                void* previous = handle->exchange(
                    postgres && connection ? PQgetCancel(static_cast<PGconn*>(connection)) : connection);
                if (previous && postgres)
                    m_retired.push_back(previous); // the window's thread may be using it: freed at the end
            }
            Delivery deliver = job(clone, [this, request]() { return request != m_latest; });
            QMetaObject::invokeMethod(
                this,
                [this, request, deliver = std::move(deliver)]() {
                    if (request != m_latest)
                        return; // a newer request (or a synchronous read) replaced it
                    m_pending = 0;
                    if (deliver)
                        deliver();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace agency::tables
