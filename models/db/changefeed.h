// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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
class ChangeFeed : public QObject {
    Q_OBJECT
public:
    explicit ChangeFeed(QSqlDatabase db, QObject* parent = nullptr, int pauseMs = 300);

    // LISTENs (again: a reopened connection has lost its subscription, though the driver may still list it).
    // False when the connection cannot listen (SQLite, or the server refused).
    bool subscribe();

Q_SIGNALS:
    void changed(const QSet<QString>& tables, const agency::db::ChangedRows& rows);

private:
    QSqlDatabase m_db;
    QTimer m_pause;
    ChangedRows m_rows;
    bool m_wired = false;
};

} // namespace agency::db
