// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keysetpager.h"

#include <QObject>
#include <QSqlDatabase>
#include <QThread>
#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace agency::tables {

// Reads a table's first pages on a thread of its own, over a connection of its own (a clone of the model's), so that a
// search or a sort that makes the server scan a large table never blocks the window. Every request has a number; a
// newer request makes the older one stale: its result is never delivered, and on PostgreSQL its query is cancelled on
// the server. The result comes back on the requester's thread, with the pager moved back to the requester's
// connection so that fetchMore() goes on from where the read stopped.
class BackgroundReader : public QObject {
    Q_OBJECT
public:
    struct Result {
        bool ok = false;
        QString error;
        QList<QVariantList> rows;
        std::shared_ptr<KeysetPager> pager; // on the requester's connection again
    };
    using Receiver = std::function<void(Result)>;

    // `db`: the connection to clone (SQLite files and PostgreSQL; not an in-memory SQLite database, which a clone
    // would not see). `receiver` runs on this object's thread for the newest request only (none: run() only).
    BackgroundReader(QSqlDatabase db, Receiver receiver = {}, QObject* parent = nullptr);
    ~BackgroundReader() override;
    BackgroundReader(const BackgroundReader&) = delete;
    BackgroundReader& operator=(const BackgroundReader&) = delete;

    static bool canClone(const QSqlDatabase& db);
    // Whether a read failed because a newer request stopped it.
    static bool isCancellation(const QString& error);

    // Reads pages of `query` until at least `atLeast` rows (one page at least); the result goes to the receiver.
    void read(const KeysetPager::Query& query, int pageSize, qsizetype atLeast);
    // Any other read, as a request like read()'s: `job` runs on the reader's thread with the clone (closed when it
    // could not be opened) and a test for whether a newer request has made it stale; the Delivery it returns runs on
    // this object's thread, for the newest request only.
    using Delivery = std::function<void()>;
    using Job = std::function<Delivery(QSqlDatabase clone, const std::function<bool()>& stale)>;
    void run(Job job);
    // Makes every request so far stale (a synchronous read replaced them).
    void cancel();
    bool isBusy() const { return m_pending != 0; }

private:
    void cancelOnServer();

    QSqlDatabase m_db;
    Receiver m_receiver;
    QThread m_thread;
    QObject* m_worker = nullptr; // lives in m_thread
    QString m_connection; // the clone's name, used only in m_thread
    std::atomic<quint64> m_latest { 0 };
    quint64 m_pending = 0; // the request whose result is awaited, 0 when none
    bool m_sqlite = false;
    // What stops the clone's query from another thread: a PGcancel (PostgreSQL) or the clone's sqlite3 handle.
    std::shared_ptr<std::atomic<void*>> m_serverHandle;
    std::vector<void*> m_retired; // PGcancel objects of connections reopened (used in the reader's thread only)
};

} // namespace agency::tables
