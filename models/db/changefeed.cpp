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
        const ChangedRows rows = std::exchange(m_rows, {});
        if (rows.isEmpty())
            return;
        QSet<QString> tables;
        for (auto it = rows.cbegin(); it != rows.cend(); ++it)
            tables.insert(it.key());
        Q_EMIT changed(tables, rows);
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
                const QString text = payload.toString();
                QSet<QString>& ids = m_rows[text.section(u':', 0, 0)];
                if (const QString id = text.section(u':', 1); !id.isEmpty())
                    ids.insert(id);
                m_pause.start();
            });
    }
    return true;
}

} // namespace agency::db
