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
    // What this file says to people, in lupdate's and the runtime's one context "SoftDeletion".
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(SoftDeletion)
    };

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
        QSqlError began;
        if (!db::beginWrite(db, &began)) {
            if (error)
                *error = db::reportSqlError(Text::tr("Starting a transaction"), began);
            return false;
        }
        QSqlError committed;
        if (work() && db::commitWrite(db, &committed))
            return true;
        if (error && error->isEmpty())
            *error = db::reportSqlError(Text::tr("Committing"), committed);
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

namespace {
    // Marks deleted, at `at`, the live rows that belong to the rows `owners` picks (SQL yielding ids, with its binds),
    // grandchildren first: what a delete of those rows takes with it, as the spec declares.
    bool deleteChildren(QSqlDatabase db, const TableSpec& spec, const QString& owners, const QVariantList& binds,
        const QVariant& at, QString* error)
    {
        for (const Link& child : spec.children) {
            const TableSpec* childSpec = specFor(child.table);
            const QString mine = QStringLiteral("SELECT id FROM %1 WHERE deleted_at IS NULL AND %2 IN (%3)")
                                     .arg(child.table, child.column, owners);
            if (!childSpec || !deleteChildren(db, *childSpec, mine, binds, at, error))
                return false;
            if (!run(db,
                    QStringLiteral("UPDATE %1 SET deleted_at = ? WHERE deleted_at IS NULL AND %2 IN (%3)")
                        .arg(child.table, child.column, owners),
                    QVariantList { at } + binds, Text::tr("Deleting what belongs to it"), error))
                return false;
        }
        return true;
    }

    // Restores the rows that belong to the rows `owners` picks and were deleted at the same instant as the row
    // `id` of `table` (so with it, not before it), grandchildren first.
    bool restoreChildren(QSqlDatabase db, const TableSpec& spec, const QString& owners, const QVariantList& binds,
        const QString& table, const QString& id, QString* error)
    {
        const QString sameInstant = QStringLiteral("(SELECT deleted_at FROM %1 WHERE id = ?)").arg(table);
        for (const Link& child : spec.children) {
            const TableSpec* childSpec = specFor(child.table);
            const QString mine = QStringLiteral("SELECT id FROM %1 WHERE %2 IN (%3) AND deleted_at = %4")
                                     .arg(child.table, child.column, owners, sameInstant);
            if (!childSpec || !restoreChildren(db, *childSpec, mine, binds + QVariantList { id }, table, id, error))
                return false;
            if (!run(db,
                    QStringLiteral("UPDATE %1 SET deleted_at = NULL WHERE deleted_at = %2 AND %3 IN (%4)")
                        .arg(child.table, sameInstant, child.column, owners),
                    QVariantList { id } + binds, Text::tr("Restoring what belongs to it"), error))
                return false;
        }
        return true;
    }
}

QList<QPair<QString, qint64>> whatDeleteTakes(
    QSqlDatabase db, const QString& table, const QStringList& ids, QString* error)
{
    QList<QPair<QString, qint64>> taken;
    const TableSpec* spec = specFor(table);
    if (ids.isEmpty() || !spec)
        return taken;
    // Level by level, each with the SQL that picks the level's live rows (as deleteChildren() walks them).
    QList<QPair<const TableSpec*, QString>> level { { spec, marks(ids.size()) } };
    while (!level.isEmpty()) {
        QList<QPair<const TableSpec*, QString>> next;
        for (const auto& [owner, owners] : std::as_const(level)) {
            for (const Link& child : owner->children) {
                const TableSpec* childSpec = specFor(child.table);
                if (!childSpec)
                    continue;
                const QString mine = QStringLiteral("SELECT id FROM %1 WHERE deleted_at IS NULL AND %2 IN (%3)")
                                         .arg(child.table, child.column, owners);
                QSqlQuery count;
                if (!run(db, QStringLiteral("SELECT count(*) FROM (%1) AS x").arg(mine), asVariants(ids),
                        Text::tr("Counting what belongs to it"), error, &count)
                    || !count.next())
                    return {};
                if (const qint64 n = count.value(0).toLongLong(); n > 0)
                    taken.append({ child.table, n });
                next.append({ childSpec, mine });
            }
        }
        level = next;
    }
    return taken;
}

bool softDelete(QSqlDatabase db, const QString& table, const QStringList& ids, QString* error)
{
    const TableSpec* spec = specFor(table);
    if (ids.isEmpty() || !spec)
        return ids.isEmpty();
    const QVariantList idValues = asVariants(ids);
    const QString in = marks(ids.size());
    const QVariant at = nowStamp(db);
    return inTransaction(db, error, [&]() {
        for (const Link& user : spec->users) { // a row in use by live rows stays
            QSqlQuery users;
            if (!run(db,
                    QStringLiteral("SELECT t.%1, count(*) FROM %2 u JOIN %3 t ON t.id = u.%4 WHERE u.deleted_at IS "
                                   "NULL AND u.%4 IN (%5) GROUP BY t.%1 ORDER BY t.%1")
                        .arg(spec->nameColumn, user.table, table, user.column, in),
                    idValues, Text::tr("Checking what uses it"), error, &users))
                return false;
            if (users.next()) {
                if (error)
                    *error
                        = Text::tr(spec->inUseMessage).arg(users.value(0).toString()).arg(users.value(1).toLongLong());
                return false;
            }
        }
        return deleteChildren(db, *spec, in, idValues, at, error)
            && run(db,
                QStringLiteral("UPDATE %1 SET deleted_at = ? WHERE deleted_at IS NULL AND id IN (%2)").arg(table, in),
                QVariantList { at } + idValues, Text::tr("Deleting"), error);
    });
}

bool restore(QSqlDatabase db, const QString& table, const QStringList& ids, QString* error)
{
    const TableSpec* spec = specFor(table);
    if (ids.isEmpty() || !spec)
        return ids.isEmpty();
    const ColumnSpec* parentColumn = spec->parentColumn.isEmpty() ? nullptr : spec->column(spec->parentColumn);
    const TableSpec* parent = parentColumn ? specFor(parentColumn->references) : nullptr;
    return inTransaction(db, error, [&]() {
        for (const QString& id : ids) {
            // The parent must be live: a campaign of a deleted client stays deleted until the client comes back.
            if (parent) {
                QSqlQuery deleted;
                if (!run(db,
                        QStringLiteral("SELECT %1 FROM %2 c JOIN %3 p ON p.id = c.%4 WHERE c.id = ? AND p.deleted_at "
                                       "IS NOT NULL")
                            .arg(parent->nameColumn.isEmpty() ? QStringLiteral("p.id")
                                                              : QStringLiteral("p.") + parent->nameColumn,
                                table, parent->table, spec->parentColumn),
                        { id }, Text::tr("Checking the parent row"), error, &deleted))
                    return false;
                if (deleted.next()) {
                    if (error) {
                        *error = Text::tr(spec->parentDeletedMessage);
                        if (!parent->nameColumn.isEmpty())
                            *error = error->arg(deleted.value(0).toString());
                    }
                    return false;
                }
            }
            if (!restoreChildren(db, *spec, QStringLiteral("?"), { id }, table, id, error))
                return false;
            if (!run(db,
                    QStringLiteral("UPDATE %1 SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL")
                        .arg(table),
                    { id }, Text::tr("Restoring"), error))
                return false;
        }
        return true;
    });
}

} // namespace agency::tables
