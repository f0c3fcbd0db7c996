// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionwatch.h"

#include "sqlerror.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <spdlog/spdlog.h>

namespace agency::db {

ConnectionWatch::ConnectionWatch(QSqlDatabase db, QObject* parent, int intervalMs)
    : QObject(parent)
    , m_db(std::move(db))
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionWatch::check);
    m_timer.start();
}

bool ConnectionWatch::roundTrip(QString* why)
{
    if (!m_db.isOpen()) {
        *why = QCoreApplication::translate("ConnectionWatch", "the connection is closed");
        return false;
    }
    QSqlQuery ping(m_db);
    if (ping.exec(QStringLiteral("SELECT 1")) && ping.next())
        return true;
    const QSqlError error = ping.lastError();
    *why = error.text().trimmed().isEmpty()
        ? QCoreApplication::translate("ConnectionWatch", "the server does not answer")
        : error.text().simplified();
    return false;
}

bool ConnectionWatch::check()
{
    QString why;
    if (roundTrip(&why)) {
        if (m_lost) {
            m_lost = false;
            spdlog::warn("database connection restored");
            Q_EMIT restored();
        }
        return true;
    }
    if (!m_lost) {
        m_lost = true;
        spdlog::warn("database connection lost: {}", why.toStdString());
        Q_EMIT lost(why);
    }
    // Reopen (close first: a dropped QPSQL connection stays "open" with a dead socket).
    m_db.close();
    if (m_db.open() && roundTrip(&why)) {
        m_lost = false;
        spdlog::warn("database connection restored");
        Q_EMIT restored();
        return true;
    }
    return false;
}

} // namespace agency::db
