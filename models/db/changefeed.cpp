// SPDX-License-Identifier: GPL-3.0-or-later
#include "changefeed.h"

#include "database.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <spdlog/spdlog.h>

namespace agency::db {

namespace {
    QString channel()
    {
        return QStringLiteral("agency_changes");
    }

    const QStringList& changeTables()
    {
        static const QStringList tables { QStringLiteral("agency_sla_tiers"), QStringLiteral("agency_clients"),
            QStringLiteral("agency_campaigns"), QStringLiteral("agency_campaign_channels"),
            QStringLiteral("agency_time_entries") };
        return tables;
    }
}

ChangeFeed::ChangeFeed(QSqlDatabase db, QObject* parent, int pauseMs)
    : QObject(parent)
    , m_db(db)
{
    m_poll.setInterval(10000);
    connect(&m_poll, &QTimer::timeout, this, &ChangeFeed::poll);
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
    if (isThroughPooler(m_db)) {
        startPolling(tr("connected through a connection pooler, which does not pass on the server's change "
                        "notifications"));
        return true;
    }
    if (driver->subscribedToNotifications().contains(channel()))
        driver->unsubscribeFromNotification(channel());
    if (!driver->subscribeToNotification(channel())) {
        startPolling(tr("the server did not accept LISTEN (%1)").arg(driver->lastError().text().simplified()));
        return true;
    }
    m_poll.stop();
    setMode(Mode::Live, {});
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

void ChangeFeed::setMode(Mode mode, const QString& why)
{
    if (mode == m_mode && why == m_whyPolling)
        return;
    m_mode = mode;
    m_whyPolling = mode == Mode::Polling ? why : QString();
    spdlog::info("change feed: {}{}", mode == Mode::Live ? "live (LISTEN)" : "polling: ", why.toStdString());
    Q_EMIT modeChanged(mode, why);
}

void ChangeFeed::startPolling(const QString& why)
{
    // Where to start: what each table holds now is what the window is about to read; rows stamped within the overlap
    // are remembered, so that the first poll does not tell them.
    m_seenUpTo.clear();
    m_seenRecently.clear();
    for (const QString& table : changeTables()) {
        QSqlQuery query(m_db);
        if (query.exec(QStringLiteral("SELECT max(updated_at) FROM %1").arg(table)) && query.next() && !query.isNull(0))
            m_seenUpTo.insert(table, query.value(0).toDateTime().toUTC());
        readChanges(table, false);
    }
    if (!m_poll.isActive())
        m_poll.start();
    setMode(Mode::Polling, why);
}

void ChangeFeed::poll()
{
    if (!m_db.isOpen())
        return;
    for (const QString& table : changeTables())
        readChanges(table, true);
    if (!m_rows.isEmpty())
        m_pause.start();
}

void ChangeFeed::readChanges(const QString& table, bool tell)
{
    constexpr qint64 overlapMs = 10000; // a save stamps its rows before it commits; a poll looks this far back again
    const QDateTime from = m_seenUpTo.value(table);
    // No bound values: through a transaction pooler a prepared statement may not exist on the next connection.
    const QString since = from.isValid() ? QStringLiteral(" WHERE updated_at > '%1'::timestamptz")
                                               .arg(from.addMSecs(-overlapMs).toString(Qt::ISODateWithMs))
                                         : QString();
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(
            QStringLiteral("SELECT id, updated_at FROM %1%2 ORDER BY updated_at LIMIT 10000").arg(table, since))) {
        spdlog::warn("change feed: polling {} failed: {}", table.toStdString(),
            query.lastError().text().simplified().toStdString());
        return;
    }
    QSet<QString>& recent = m_seenRecently[table];
    QDateTime newest = from;
    while (query.next()) {
        const QString id = query.value(0).toString();
        const QDateTime stamp = query.value(1).toDateTime().toUTC();
        const QString key = id + u'@' + stamp.toString(Qt::ISODateWithMs);
        if (!newest.isValid() || stamp > newest)
            newest = stamp;
        if (recent.contains(key))
            continue;
        recent.insert(key);
        if (tell)
            m_rows[table].insert(id);
    }
    if (newest.isValid())
        m_seenUpTo.insert(table, newest);
    // Forget what fell out of the overlap.
    const QDateTime horizon = newest.addMSecs(-2 * overlapMs);
    for (auto it = recent.begin(); it != recent.end();) {
        if (QDateTime::fromString(it->section(u'@', 1), Qt::ISODateWithMs) < horizon)
            it = recent.erase(it);
        else
            ++it;
    }
}

} // namespace agency::db
