// SPDX-License-Identifier: GPL-3.0-or-later
#include "valuemerge.h"

#include "db/database.h"
#include "db/sqlerror.h"
#include "rowfilter.h"
#include "tablespec.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace agency::tables {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(ValueMerge)
    };
}

QStringList valuesInUse(QSqlDatabase db, const TableSpec& spec, const QString& column, int limit)
{
    QStringList values;
    if (!spec.column(column))
        return values;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    // Along the index the column leads (one seek per value), else one read of the table.
    const QString sql
        = (column == spec.searchSplitColumn
                  ? RowFilter::liveValues(spec, column)
                  : QStringLiteral("SELECT DISTINCT %1 FROM %2 WHERE deleted_at IS NULL AND %1 IS NOT NULL ORDER BY 1")
                        .arg(column, spec.table))
        + QStringLiteral(" LIMIT %1").arg(limit);
    if (!query.exec(sql)) {
        db::reportSqlError(Text::tr("Listing the values in use"), query.lastError());
        return values;
    }
    while (query.next())
        values << query.value(0).toString();
    return values;
}

std::optional<int> mergeValues(QSqlDatabase db, const TableSpec& spec, const QString& column, const QString& from,
    const QString& into, QString* error)
{
    const ColumnSpec* coded = spec.column(column);
    if (!coded || from.isEmpty() || into.trimmed().isEmpty() || from == into) {
        if (error)
            *error = Text::tr("Choose two different values to merge");
        return std::nullopt;
    }
    if (coded->size > 0 && into.size() > coded->size) {
        if (error)
            *error = Text::tr("%1: at most %2 characters").arg(columnLabel(column)).arg(coded->size);
        return std::nullopt;
    }
    QSqlError began;
    if (!db::beginWrite(db, &began)) {
        if (error)
            *error = db::reportSqlError(Text::tr("Merging values"), began);
        return std::nullopt;
    }
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE %1 SET %2 = ? WHERE %2 = ? AND deleted_at IS NULL").arg(spec.table, column));
    update.addBindValue(into.trimmed());
    update.addBindValue(from);
    if (!update.exec()) {
        if (error)
            *error = db::reportSqlError(Text::tr("Merging values"), update.lastError());
        db.rollback();
        return std::nullopt;
    }
    const int changed = update.numRowsAffected();
    QSqlError committed;
    if (!db::commitWrite(db, &committed)) {
        if (error)
            *error = db::reportSqlError(Text::tr("Merging values"), committed);
        db.rollback();
        return std::nullopt;
    }
    return changed;
}

} // namespace agency::tables
