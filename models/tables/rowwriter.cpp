// SPDX-License-Identifier: GPL-3.0-or-later
#include "rowwriter.h"

#include "columnvalues.h"
#include "db/database.h"

#include <QSqlQuery>

namespace agency::tables {

RowWriter::RowWriter(QSqlDatabase db, const TableSpec& spec)
    : m_db(db)
    , m_spec(spec)
{
}

bool RowWriter::insert(const QVariantMap& values, QSqlError* error)
{
    const db::Dialect dialect = db::dialectOf(m_db);
    QStringList columns;
    QStringList marks;
    QVariantList binds;
    for (auto v = values.cbegin(); v != values.cend(); ++v) {
        const ColumnSpec* column = m_spec.column(v.key());
        if (!column || isAuditColumn(column->name))
            continue;
        columns << column->name;
        marks << QStringLiteral("?");
        binds << toStorage(*column, v.value(), dialect);
    }
    QSqlQuery insert(m_db);
    insert.prepare(
        QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(m_spec.table, columns.join(u','), marks.join(u',')));
    for (const QVariant& value : std::as_const(binds))
        insert.addBindValue(value);
    if (insert.exec())
        return true;
    *error = insert.lastError();
    return false;
}

RowWriter::Update RowWriter::update(
    const QString& id, const QVariantMap& values, const QVariant& readStamp, QSqlError* error)
{
    const db::Dialect dialect = db::dialectOf(m_db);
    QStringList sets;
    QVariantList binds;
    for (auto v = values.cbegin(); v != values.cend(); ++v) {
        const ColumnSpec* column = m_spec.column(v.key());
        if (!column || column->kind == ColumnKind::Uuid || isAuditColumn(column->name))
            continue;
        sets << column->name + QStringLiteral(" = ?");
        binds << toStorage(*column, v.value(), dialect);
    }
    if (sets.isEmpty())
        return Update::Written;
    QSqlQuery update(m_db);
    update.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE id = ? AND updated_at = ?")
                       .arg(m_spec.table, sets.join(QStringLiteral(", "))));
    for (const QVariant& value : std::as_const(binds))
        update.addBindValue(value);
    update.addBindValue(id);
    update.addBindValue(readStamp);
    if (!update.exec()) {
        *error = update.lastError();
        return Update::Failed;
    }
    return update.numRowsAffected() == 1 ? Update::Written : Update::Stale;
}

} // namespace agency::tables
