// SPDX-License-Identifier: GPL-3.0-or-later
#include "rowwriter.h"

#include "columnvalues.h"
#include "db/database.h"

#include <QSqlQuery>

namespace agency::tables {

RowWriter::RowWriter(QSqlDatabase db, const TableSpec& spec, Statements* statements)
    : m_db(db)
    , m_spec(spec)
    , m_statements(statements)
{
}

QSqlQuery* RowWriter::prepared(const QString& sql, QSqlQuery* own)
{
    if (m_statements) {
        auto found = m_statements->find(sql);
        if (found != m_statements->end())
            return &found.value();
        auto stored = m_statements->emplace(sql, m_db);
        if (!stored->prepare(sql)) {
            *own = std::move(stored.value()); // its error, for the caller
            m_statements->erase(stored);
            return own;
        }
        return &stored.value();
    }
    own->prepare(sql);
    return own;
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
    QSqlQuery own(m_db);
    QSqlQuery& insert = *prepared(
        QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(m_spec.table, columns.join(u','), marks.join(u',')),
        &own);
    for (int i = 0; i < binds.size(); ++i)
        insert.bindValue(i, binds.at(i));
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
    QSqlQuery own(m_db);
    QSqlQuery& update = *prepared(QStringLiteral("UPDATE %1 SET %2 WHERE id = ? AND updated_at = ?")
                                      .arg(m_spec.table, sets.join(QStringLiteral(", "))),
        &own);
    binds << id << readStamp;
    for (int i = 0; i < binds.size(); ++i)
        update.bindValue(i, binds.at(i));
    if (!update.exec()) {
        *error = update.lastError();
        return Update::Failed;
    }
    return update.numRowsAffected() == 1 ? Update::Written : Update::Stale;
}

} // namespace agency::tables
