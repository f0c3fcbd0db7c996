// SPDX-License-Identifier: GPL-3.0-or-later
#include "batchinsert.h"

#include "db/sqlerror.h"

#include <QCoreApplication>
#include <QSqlError>

namespace agency::demo {

BatchInsert::BatchInsert(QSqlDatabase db, QString table, QStringList columns, int rowsPerStatement)
    : m_db(db)
    , m_table(std::move(table))
    , m_columns(std::move(columns))
    // SQLite allows 32,766 bound values per statement, PostgreSQL 65,535.
    , m_rowsPerStatement(
          std::max(1, std::min(rowsPerStatement, 30000 / static_cast<int>(std::max<qsizetype>(1, m_columns.size())))))
    , m_full(db)
{
}

QString BatchInsert::statement(int rows) const
{
    QStringList marks(m_columns.size(), QStringLiteral("?"));
    const QString one = u'(' + marks.join(u',') + u')';
    QStringList all(rows, one);
    return QStringLiteral("INSERT INTO %1 (%2) VALUES %3").arg(m_table, m_columns.join(u','), all.join(u','));
}

bool BatchInsert::run(QSqlQuery& query, int rows)
{
    if (m_parent && !m_parent->flush()) {
        m_error = m_parent->lastError();
        return false;
    }
    for (const QVariant& value : std::as_const(m_pending))
        query.addBindValue(value);
    if (!query.exec()) {
        m_error = db::reportSqlError(
            QCoreApplication::translate("BatchInsert", "Writing %1").arg(m_table), query.lastError());
        return false;
    }
    m_written += rows;
    m_pending.clear();
    return true;
}

bool BatchInsert::add(const QVariantList& row)
{
    Q_ASSERT(row.size() == m_columns.size());
    m_pending += row;
    if (m_pending.size() < static_cast<qsizetype>(m_rowsPerStatement) * m_columns.size())
        return true;
    if (!m_prepared) {
        if (!m_full.prepare(statement(m_rowsPerStatement))) {
            m_error = db::reportSqlError(
                QCoreApplication::translate("BatchInsert", "Preparing to write %1").arg(m_table), m_full.lastError());
            return false;
        }
        m_prepared = true;
    }
    return run(m_full, m_rowsPerStatement);
}

bool BatchInsert::flush()
{
    if (m_pending.isEmpty())
        return true;
    const int rows = static_cast<int>(m_pending.size() / m_columns.size());
    QSqlQuery tail(m_db);
    if (!tail.prepare(statement(rows))) {
        m_error = db::reportSqlError(
            QCoreApplication::translate("BatchInsert", "Preparing to write %1").arg(m_table), tail.lastError());
        return false;
    }
    return run(tail, rows);
}

} // namespace agency::demo
