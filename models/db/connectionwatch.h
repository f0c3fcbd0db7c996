// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

namespace agency::db {

// Keeps an eye on a server connection: a cheap round trip every few seconds; when it fails the connection is lost
// (lost() says why) and reopened on every check until it works again (restored()). Unsaved edits live in the
// models, not the connection, so nothing typed is lost meanwhile. After restored(), NOTIFY subscriptions must be
// made again. SQLite files need no watch.
class ConnectionWatch : public QObject {
    Q_OBJECT
public:
    explicit ConnectionWatch(QSqlDatabase db, QObject* parent = nullptr, int intervalMs = 5000);

    bool check(); // true when the connection works (now, or again)
    bool isLost() const { return m_lost; }

Q_SIGNALS:
    void lost(const QString& why);
    void restored();

private:
    bool roundTrip(QString* why);

    QSqlDatabase m_db;
    QTimer m_timer;
    bool m_lost = false;
};

} // namespace agency::db
