// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>

namespace agency::demo {

// Multi-row INSERT … VALUES (…), (…), … with bound values, prepared once per batch size: the fast path for large
// generated data on both backends. The caller owns the transaction.
class BatchInsert {
public:
    BatchInsert(QSqlDatabase db, QString table, QStringList columns, int rowsPerStatement = 500);

    // Rows that reference `parent`'s rows: its pending rows are written before any of ours.
    void setParent(BatchInsert* parent) { m_parent = parent; }
    bool add(const QVariantList& row); // flushes when a batch is full
    bool flush();
    qint64 written() const { return m_written; }
    QString lastError() const { return m_error; }

private:
    bool run(QSqlQuery& query, int rows);
    QString statement(int rows) const;

    BatchInsert* m_parent = nullptr;
    QSqlDatabase m_db;
    QString m_table;
    QStringList m_columns;
    int m_rowsPerStatement;
    QSqlQuery m_full;
    bool m_prepared = false;
    QVariantList m_pending;
    qint64 m_written = 0;
    QString m_error;
};

} // namespace agency::demo
