// SPDX-License-Identifier: GPL-3.0-or-later
#include "changelog.h"

#include "db/database.h"
#include "db/sqlerror.h"
#include "tables/tablespec.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <algorithm>

namespace agency::history {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(History)
    };

    // The log's declaration: migration 0008 makes it, this file alone names its columns.
    const QString kTable = QStringLiteral("agency_change_log");
    const QString kColumns = QStringLiteral("id, changed_at, table_name, row_id, operation, changes, db_role, "
                                            "app_user, source");

    // An instant as the log is compared with on both backends (SQLite keeps this very text; PostgreSQL reads it).
    QString instantText(const QDateTime& at)
    {
        return at.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + u'Z';
    }

    QVariant jsonText(const QJsonValue& value)
    {
        return value.isString() ? QVariant(value.toString()) : QVariant(QMetaType(QMetaType::QString));
    }

    QList<FieldChange> fieldsOf(const QString& table, const QByteArray& json)
    {
        const QJsonObject object = QJsonDocument::fromJson(json).object();
        QList<FieldChange> fields;
        fields.reserve(object.size());
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QJsonArray pair = it.value().toArray();
            fields.append({ it.key(), jsonText(pair.at(0)), jsonText(pair.at(1)) });
        }
        // In the order the table declares its columns (the form's), any other after them by name.
        if (const tables::TableSpec* spec = tables::specFor(table)) {
            auto rank = [spec](const QString& column) {
                for (qsizetype i = 0; i < spec->columns.size(); ++i) {
                    if (spec->columns.at(i).name == column)
                        return i;
                }
                return spec->columns.size();
            };
            std::stable_sort(fields.begin(), fields.end(),
                [&rank](const FieldChange& a, const FieldChange& b) { return rank(a.column) < rank(b.column); });
        }
        return fields;
    }
}

const FieldChange* Change::field(const QString& column) const
{
    for (const FieldChange& f : fields) {
        if (f.column == column)
            return &f;
    }
    return nullptr;
}

bool isAvailable(const QSqlDatabase& db)
{
    QSqlQuery query(db);
    if (db::dialectOf(db) == db::Dialect::PostgreSQL) {
        // to_regclass is NULL for a missing table, and has_table_privilege of NULL is NULL: no error either way.
        return query.exec(QStringLiteral("SELECT coalesce(has_table_privilege(to_regclass('%1'), 'SELECT'), false)")
                              .arg(kTable))
            && query.next() && query.value(0).toBool();
    }
    return query.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '%1'").arg(kTable))
        && query.next();
}

bool readChanges(const QSqlDatabase& db, const ChangeFilter& filter, QList<Change>* out, QString* error)
{
    const bool postgres = db::dialectOf(db) == db::Dialect::PostgreSQL;
    QStringList where;
    QVariantList values;
    if (!filter.table.isEmpty()) {
        where << QStringLiteral("table_name = ?");
        values << filter.table;
    }
    if (!filter.rowId.isEmpty()) {
        where << (postgres ? QStringLiteral("row_id = CAST(? AS uuid)") : QStringLiteral("row_id = ?"));
        values << filter.rowId;
    }
    if (filter.since.isValid()) {
        where << (postgres ? QStringLiteral("changed_at >= CAST(? AS timestamptz)")
                           : QStringLiteral("changed_at >= ?"));
        values << instantText(filter.since);
    }
    if (filter.until.isValid()) {
        where << (postgres ? QStringLiteral("changed_at < CAST(? AS timestamptz)") : QStringLiteral("changed_at < ?"));
        values << instantText(filter.until);
    }
    if (!filter.person.isEmpty()) {
        where << QStringLiteral("(app_user = ? OR (app_user IS NULL AND db_role = ?))");
        values << filter.person << filter.person;
    }
    if (!filter.column.isEmpty()) {
        where << (postgres ? QStringLiteral("(changes -> CAST(? AS text)) IS NOT NULL")
                           : QStringLiteral("json_type(changes, '$.\"' || ? || '\"') IS NOT NULL"));
        values << filter.column;
    }
    if (filter.oldestFirst && filter.afterId > 0) {
        where << QStringLiteral("id > ?");
        values << filter.afterId;
    } else if (!filter.oldestFirst && filter.beforeId > 0) {
        where << QStringLiteral("id < ?");
        values << filter.beforeId;
    }
    // The instant as text in one form on both backends: PostgreSQL's in UTC with milliseconds.
    const QString at = postgres
        ? QStringLiteral("to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')")
        : QStringLiteral("changed_at");
    QString sql = QStringLiteral("SELECT id, %1, table_name, CAST(row_id AS text), operation, CAST(changes AS text), "
                                 "db_role, app_user, source FROM %2")
                      .arg(at, kTable);
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += filter.oldestFirst ? QStringLiteral(" ORDER BY id") : QStringLiteral(" ORDER BY id DESC");
    if (filter.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(filter.limit);

    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        if (error)
            *error = db::reportSqlError(Text::tr("Could not read the history"), query.lastError());
        return false;
    }
    for (const QVariant& value : std::as_const(values))
        query.addBindValue(value);
    if (!query.exec()) {
        if (error)
            *error = db::reportSqlError(Text::tr("Could not read the history"), query.lastError());
        return false;
    }
    out->clear();
    while (query.next()) {
        Change change;
        change.id = query.value(0).toLongLong();
        change.at = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs).toUTC();
        change.table = query.value(2).toString();
        change.rowId = query.value(3).toString();
        change.operation = query.value(4).toString();
        change.fields = fieldsOf(change.table, query.value(5).toString().toUtf8());
        change.dbRole = query.value(6).toString();
        change.appUser = query.value(7).toString();
        change.source = query.value(8).toString();
        out->append(std::move(change));
    }
    return true;
}

QStringList people(const QSqlDatabase& db)
{
    // Those of the newest 20,000 changes (read backwards on the key): at millions of rows, a list of everyone who
    // ever changed anything would read the whole log each time Recent changes opens.
    QSqlQuery query(db);
    QStringList names;
    if (!query.exec(QStringLiteral("SELECT DISTINCT who FROM (SELECT coalesce(app_user, db_role) AS who FROM %1 ORDER "
                                   "BY id DESC LIMIT 20000) recent WHERE who IS NOT NULL ORDER BY 1")
                        .arg(kTable)))
        return names;
    while (query.next())
        names << query.value(0).toString();
    return names;
}

qint64 prune(const QSqlDatabase& db, const QDateTime& before, const std::function<bool(qint64)>& progress,
    QString* error, int batch)
{
    const bool postgres = db::dialectOf(db) == db::Dialect::PostgreSQL;
    // A batch at a time, each its own short transaction: the agency tables are never locked, and the log only for
    // the moment one batch takes.
    const QString sql = QStringLiteral("DELETE FROM %1 WHERE id IN (SELECT id FROM %1 WHERE changed_at < %2 ORDER BY "
                                       "id LIMIT %3)")
                            .arg(kTable, postgres ? QStringLiteral("CAST(? AS timestamptz)") : QStringLiteral("?"))
                            .arg(batch);
    qint64 deleted = 0;
    QSqlQuery query(db);
    if (!query.prepare(sql)) {
        if (error)
            *error = db::reportSqlError(Text::tr("Could not prune the history"), query.lastError());
        return -1;
    }
    for (;;) {
        query.addBindValue(instantText(before));
        if (!query.exec()) {
            if (error)
                *error = db::reportSqlError(Text::tr("Could not prune the history"), query.lastError());
            return -1;
        }
        const int rows = query.numRowsAffected();
        deleted += std::max(rows, 0);
        if (rows < batch)
            break;
        if (progress && !progress(deleted))
            break;
    }
    if (progress)
        progress(deleted);
    return deleted;
}

} // namespace agency::history
