// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QTimer>

namespace agency::db {

// The rows a batch of other desktops' saves touched, by table: "agency_clients" → its ids.
using ChangedRows = QHash<QString, QSet<QString>>;

// What other desktops save, on PostgreSQL: the agency tables' triggers NOTIFY agency_changes with "table:id"; the
// feed LISTENs on the window's connection, collects the tables and rows named for a moment (a batch of saves is one
// change) and tells them at once. Its own connection's changes are not told (the window knows them already). SQLite has
// no notifications: the feed never tells anything there.
//
// A connection pooler in transaction mode (pgbouncer) hands each transaction to whichever server connection is free,
// so a LISTEN is left on a server connection the window no longer uses and notifications never arrive. The feed
// recognises a pooler (the server process it talks to is not the one the connection was opened with), or a server
// that refuses LISTEN, and then polls instead: every few seconds it asks each table for the rows whose updated_at
// is newer than the last it saw, with plain statements (a pooler has no room for prepared ones), and says so through
// modeChanged(). Polling sees inserts, updates and soft deletes; a row purged elsewhere shows at the next refresh.
class ChangeFeed : public QObject {
    Q_OBJECT
public:
    enum class Mode { Off, Live, Polling };
    Q_ENUM(Mode)

    explicit ChangeFeed(QSqlDatabase db, QObject* parent = nullptr, int pauseMs = 300);

    // LISTENs (again: a reopened connection has lost its subscription, though the driver may still list it), or
    // polls where notifications cannot arrive. False when the connection cannot be followed at all (SQLite).
    bool subscribe();
    Mode mode() const { return m_mode; }
    QString whyPolling() const { return m_whyPolling; }
    void setPollInterval(int ms) { m_poll.setInterval(ms); }
    int pollInterval() const { return m_poll.interval(); }

Q_SIGNALS:
    void changed(const QSet<QString>& tables, const agency::db::ChangedRows& rows);
    // Live or Polling, with the reason for polling (one sentence for the status bar).
    void modeChanged(agency::db::ChangeFeed::Mode mode, const QString& why);

private:
    void startPolling(const QString& why);
    void poll();
    void readChanges(const QString& table, bool tell); // the rows stamped since the last read; told when `tell`
    void setMode(Mode mode, const QString& why);

    QSqlDatabase m_db;
    QTimer m_pause;
    QTimer m_poll;
    ChangedRows m_rows;
    bool m_wired = false;
    Mode m_mode = Mode::Off;
    QString m_whyPolling;
    // Polling: per table, the newest updated_at seen, and the (id, updated_at) pairs seen within the overlap that
    // each poll re-reads (a transaction may commit a little after the time it stamped on its rows).
    QHash<QString, QDateTime> m_seenUpTo;
    QHash<QString, QSet<QString>> m_seenRecently;
};

} // namespace agency::db
