// SPDX-License-Identifier: GPL-3.0-or-later
#include "softdeletion.h"

#include "columnvalues.h"
#include "db/database.h"
#include "db/sqlerror.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace agency::tables {

namespace {
    QString tr(const char* text)
    {
        return QCoreApplication::translate("SoftDeletion", text);
    }

    QString marks(qsizetype n)
    {
        QStringList list;
        for (qsizetype i = 0; i < n; ++i)
            list << QStringLiteral("?");
        return list.join(u',');
    }

    // Runs `sql` with `values`; on failure reports once and returns false.
    bool run(QSqlDatabase db, const QString& sql, const QVariantList& values, const QString& context, QString* error,
        QSqlQuery* result = nullptr)
    {
        QSqlQuery query(db);
        if (!query.prepare(sql)) {
            if (error)
                *error = db::reportSqlError(context, query.lastError());
            return false;
        }
        for (const QVariant& value : values)
            query.addBindValue(value);
        if (!query.exec()) {
            if (error)
                *error = db::reportSqlError(context, query.lastError());
            return false;
        }
        if (result)
            *result = std::move(query);
        return true;
    }

    // Runs `work` inside one transaction; commits when it returns true, else rolls back.
    template <typename Work> bool inTransaction(QSqlDatabase db, QString* error, Work work)
    {
        if (!db.transaction()) {
            if (error)
                *error = db::reportSqlError(tr("Starting a transaction"), db.lastError());
            return false;
        }
        if (work() && db.commit())
            return true;
        if (error && error->isEmpty())
            *error = db::reportSqlError(tr("Committing"), db.lastError());
        db.rollback();
        return false;
    }

    QVariantList asVariants(const QStringList& ids)
    {
        QVariantList list;
        for (const QString& id : ids)
            list << id;
        return list;
    }

    QVariant nowStamp(QSqlDatabase db)
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime truncated
            = QDateTime::fromMSecsSinceEpoch(now.toMSecsSinceEpoch(), Qt::UTC); // QTimeZone::UTC is Qt 6.5+;
        return db::dialectOf(db) == db::Dialect::SQLite ? QVariant(instantToStorageText(truncated))
                                                        : QVariant(truncated);
    }
}

bool softDelete(QSqlDatabase db, const QString& table, const QStringList& ids, QString* error)
{
    if (ids.isEmpty())
        return true;
    const QVariantList idValues = asVariants(ids);
    const QString in = marks(ids.size());
    const QVariant at = nowStamp(db);
    return inTransaction(db, error, [&]() {
        if (table == QStringLiteral("agency_sla_tiers")) {
            QSqlQuery users;
            if (!run(db,
                    QStringLiteral(
                        "SELECT t.name, count(*) FROM agency_clients c JOIN agency_sla_tiers t ON t.id = c.sla_tier_id "
                        "WHERE c.deleted_at IS NULL AND c.sla_tier_id IN (%1) GROUP BY t.name ORDER BY t.name")
                        .arg(in),
                    idValues, tr("Checking who uses the SLA tier"), error, &users))
                return false;
            if (users.next()) {
                if (error)
                    *error = tr("The SLA tier \"%1\" is used by %2 live client(s): move them to another tier first")
                                 .arg(users.value(0).toString())
                                 .arg(users.value(1).toLongLong());
                return false;
            }
        }
        if (table == QStringLiteral("agency_clients")) {
            if (!run(db,
                    QStringLiteral("UPDATE agency_campaign_channels SET deleted_at = ? WHERE deleted_at IS NULL AND "
                                   "campaign_id IN "
                                   "(SELECT id FROM agency_campaigns WHERE deleted_at IS NULL AND client_id IN (%1))")
                        .arg(in),
                    QVariantList { at } + idValues, tr("Deleting the clients' channels"), error))
                return false;
            if (!run(db,
                    QStringLiteral(
                        "UPDATE agency_campaigns SET deleted_at = ? WHERE deleted_at IS NULL AND client_id IN (%1)")
                        .arg(in),
                    QVariantList { at } + idValues, tr("Deleting the clients' campaigns"), error))
                return false;
        }
        if (table == QStringLiteral("agency_campaigns")) {
            if (!run(db,
                    QStringLiteral("UPDATE agency_campaign_channels SET deleted_at = ? WHERE deleted_at IS NULL AND "
                                   "campaign_id IN (%1)")
                        .arg(in),
                    QVariantList { at } + idValues, tr("Deleting the campaigns' channels"), error))
                return false;
        }
        return run(db,
            QStringLiteral("UPDATE %1 SET deleted_at = ? WHERE deleted_at IS NULL AND id IN (%2)").arg(table, in),
            QVariantList { at } + idValues, tr("Deleting"), error);
    });
}

bool restore(QSqlDatabase db, const QString& table, const QStringList& ids, QString* error)
{
    if (ids.isEmpty())
        return true;
    return inTransaction(db, error, [&]() {
        for (const QString& id : ids) {
            // The parent must be live: a campaign of a deleted client stays deleted until the client comes back.
            QString parentCheck;
            if (table == QStringLiteral("agency_campaigns"))
                parentCheck = QStringLiteral(
                    "SELECT p.client_name FROM agency_campaigns c JOIN agency_clients p ON p.id = c.client_id "
                    "WHERE c.id = ? AND p.deleted_at IS NOT NULL");
            else if (table == QStringLiteral("agency_campaign_channels"))
                parentCheck = QStringLiteral(
                    "SELECT 'campaign' FROM agency_campaign_channels c JOIN agency_campaigns p ON p.id = c.campaign_id "
                    "WHERE c.id = ? AND p.deleted_at IS NOT NULL");
            if (!parentCheck.isEmpty()) {
                QSqlQuery parent;
                if (!run(db, parentCheck, { id }, tr("Checking the parent row"), error, &parent))
                    return false;
                if (parent.next()) {
                    if (error)
                        *error = table == QStringLiteral("agency_campaigns")
                            ? tr("The client \"%1\" is deleted: restore the client first")
                                  .arg(parent.value(0).toString())
                            : tr("The channel's campaign is deleted: restore the campaign first");
                    return false;
                }
            }
            const QString sameInstant = QStringLiteral("(SELECT deleted_at FROM %1 WHERE id = ?)").arg(table);
            if (table == QStringLiteral("agency_clients")) {
                if (!run(db,
                        QStringLiteral("UPDATE agency_campaign_channels SET deleted_at = NULL WHERE deleted_at = %1 "
                                       "AND campaign_id IN "
                                       "(SELECT id FROM agency_campaigns WHERE client_id = ? AND deleted_at = %1)")
                            .arg(sameInstant),
                        { id, id, id }, tr("Restoring the client's channels"), error))
                    return false;
                if (!run(db,
                        QStringLiteral(
                            "UPDATE agency_campaigns SET deleted_at = NULL WHERE client_id = ? AND deleted_at = %1")
                            .arg(sameInstant),
                        { id, id }, tr("Restoring the client's campaigns"), error))
                    return false;
            }
            if (table == QStringLiteral("agency_campaigns")) {
                if (!run(db,
                        QStringLiteral("UPDATE agency_campaign_channels SET deleted_at = NULL WHERE campaign_id = ? "
                                       "AND deleted_at = %1")
                            .arg(sameInstant),
                        { id, id }, tr("Restoring the campaign's channels"), error))
                    return false;
            }
            if (!run(db,
                    QStringLiteral("UPDATE %1 SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL")
                        .arg(table),
                    { id }, tr("Restoring"), error))
                return false;
        }
        return true;
    });
}

} // namespace agency::tables
