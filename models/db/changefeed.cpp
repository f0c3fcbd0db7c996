// SPDX-License-Identifier: GPL-3.0-or-later
#include "changefeed.h"

#include "database.h"

#include <QSqlDriver>
#include <QVariant>

namespace agency::db {

namespace {
    QString channel()
    {
        return QStringLiteral("agency_changes");
    }
}

ChangeFeed::ChangeFeed(QSqlDatabase db, QObject* parent, int pauseMs)
    : QObject(parent)
    , m_db(db)
{
    m_pause.setSingleShot(true);
    m_pause.setInterval(pauseMs);
    connect(&m_pause, &QTimer::timeout, this, [this]() {
        const QSet<QString> tables = std::exchange(m_tables, {});
        if (!tables.isEmpty())
            Q_EMIT changed(tables);
    });
}

bool ChangeFeed::subscribe()
{
    QSqlDriver* driver = m_db.driver();
    if (dialectOf(m_db) != Dialect::PostgreSQL || !driver->hasFeature(QSqlDriver::EventNotifications))
        return false;
    if (driver->subscribedToNotifications().contains(channel()))
        driver->unsubscribeFromNotification(channel());
    if (!driver->subscribeToNotification(channel()))
        return false;
    if (!m_wired) {
        m_wired = true;
        connect(driver, &QSqlDriver::notification, this,
            [this](const QString& name, QSqlDriver::NotificationSource source, const QVariant& payload) {
                if (name != channel() || source == QSqlDriver::SelfSource)
                    return;
                m_tables.insert(payload.toString().section(u':', 0, 0));
                m_pause.start();
            });
    }
    return true;
}

} // namespace agency::db
