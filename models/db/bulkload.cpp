// SPDX-License-Identifier: GPL-3.0-or-later
#include "bulkload.h"

#include "database.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <libpq-fe.h>
#include <sqlite3.h>

namespace agency::db {

namespace {
    struct Text {
        Q_DECLARE_TR_FUNCTIONS(BulkLoad)
    };

    constexpr qsizetype chunk = qsizetype(256) * 1024;

    // A value in COPY's text format: \N for null, backslash escapes for the separators.
    void appendCopyField(QByteArray* out, const QVariant& value)
    {
        if (value.isNull()) {
            out->append("\\N");
            return;
        }
        switch (value.typeId()) {
        case QMetaType::Int:
        case QMetaType::LongLong:
        case QMetaType::UInt:
        case QMetaType::ULongLong:
            out->append(QByteArray::number(value.toLongLong()));
            return;
        case QMetaType::Double:
            out->append(QByteArray::number(value.toDouble(), 'g', 17));
            return;
        default:
            break;
        }
        const QByteArray text = value.toString().toUtf8();
        for (const char c : text) {
            switch (c) {
            case '\\':
                out->append("\\\\");
                break;
            case '\t':
                out->append("\\t");
                break;
            case '\n':
                out->append("\\n");
                break;
            case '\r':
                out->append("\\r");
                break;
            default:
                out->append(c);
            }
        }
    }
}

BulkLoad::BulkLoad(const QSqlDatabase& db, QString table, QStringList columns)
    : m_db(db)
    , m_dialect(dialectOf(m_db))
    , m_table(std::move(table))
    , m_columns(std::move(columns))
{
}

BulkLoad::~BulkLoad()
{
    if (m_insert)
        sqlite3_finalize(m_insert);
    if (m_started && !m_failed && m_dialect == Dialect::PostgreSQL) {
        // Never finished: end the COPY with an error, so the connection is usable again (the rows are not kept).
        auto* conn = static_cast<PGconn*>(m_connection);
        PQputCopyEnd(conn, "abandoned");
        while (PGresult* rest = PQgetResult(conn))
            PQclear(rest);
    }
}

void BulkLoad::fail(const QString& why)
{
    m_failed = true;
    m_error = Text::tr("Writing %1: %2").arg(m_table, why);
}

bool BulkLoad::start()
{
    const QVariant handle = m_db.driver()->handle();
    if (!handle.isValid() || !handle.data() || !*static_cast<void* const*>(handle.data())) {
        fail(Text::tr("the connection is closed"));
        return false;
    }
    m_connection = *static_cast<void* const*>(handle.data());
    m_started = true;
    if (m_dialect == Dialect::PostgreSQL) {
        auto* conn = static_cast<PGconn*>(m_connection);
        const QByteArray sql
            = QStringLiteral("COPY %1 (%2) FROM STDIN").arg(m_table, m_columns.join(QStringLiteral(", "))).toUtf8();
        PGresult* result = PQexec(conn, sql.constData());
        const bool copying = PQresultStatus(result) == PGRES_COPY_IN;
        const QString why = QString::fromUtf8(PQresultErrorMessage(result)).simplified();
        PQclear(result);
        if (!copying) {
            fail(why);
            return false;
        }
        return true;
    }
    QStringList marks;
    for (qsizetype i = 0; i < m_columns.size(); ++i)
        marks << QStringLiteral("?");
    const QByteArray sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                               .arg(m_table, m_columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")))
                               .toUtf8();
    auto* connection = static_cast<sqlite3*>(m_connection);
    if (sqlite3_prepare_v2(connection, sql.constData(), int(sql.size()), &m_insert, nullptr) != SQLITE_OK) {
        fail(QString::fromUtf8(sqlite3_errmsg(connection)));
        return false;
    }
    return true;
}

bool BulkLoad::send(bool last)
{
    auto* conn = static_cast<PGconn*>(m_connection);
    if (!m_buffer.isEmpty() && PQputCopyData(conn, m_buffer.constData(), int(m_buffer.size())) != 1) {
        fail(QString::fromUtf8(PQerrorMessage(conn)).simplified());
        return false;
    }
    m_buffer.clear();
    if (!last)
        return true;
    m_started = false;
    if (PQputCopyEnd(conn, nullptr) != 1) {
        fail(QString::fromUtf8(PQerrorMessage(conn)).simplified());
        return false;
    }
    bool ok = true;
    QString why;
    while (PGresult* result = PQgetResult(conn)) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK) {
            ok = false;
            why = QString::fromUtf8(PQresultErrorMessage(result)).simplified();
        }
        PQclear(result);
    }
    if (!ok)
        fail(why);
    return ok;
}

bool BulkLoad::add(const QVariantList& row)
{
    Q_ASSERT(row.size() == m_columns.size());
    if (m_failed || (!m_started && !start()))
        return false;
    if (m_dialect == Dialect::PostgreSQL) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (i > 0)
                m_buffer.append('\t');
            appendCopyField(&m_buffer, row.at(i));
        }
        m_buffer.append('\n');
        return m_buffer.size() < chunk || send(false);
    }
    for (int i = 0; i < int(row.size()); ++i) {
        const QVariant& value = row.at(i);
        int rc = SQLITE_OK;
        if (value.isNull()) {
            rc = sqlite3_bind_null(m_insert, i + 1);
        } else if (value.typeId() == QMetaType::Int || value.typeId() == QMetaType::LongLong) {
            rc = sqlite3_bind_int64(m_insert, i + 1, value.toLongLong());
        } else if (value.typeId() == QMetaType::Double) {
            rc = sqlite3_bind_double(m_insert, i + 1, value.toDouble());
        } else {
            const QByteArray text = value.toString().toUtf8();
            rc = sqlite3_bind_text(m_insert, i + 1, text.constData(), int(text.size()), SQLITE_TRANSIENT);
        }
        if (rc != SQLITE_OK) {
            fail(QString::fromUtf8(sqlite3_errmsg(static_cast<sqlite3*>(m_connection))));
            return false;
        }
    }
    const int stepped = sqlite3_step(m_insert);
    if (stepped != SQLITE_DONE)
        fail(QString::fromUtf8(sqlite3_errmsg(static_cast<sqlite3*>(m_connection))));
    sqlite3_reset(m_insert);
    return stepped == SQLITE_DONE;
}

bool BulkLoad::finish()
{
    if (m_failed)
        return false;
    if (!m_started || m_dialect != Dialect::PostgreSQL)
        return true;
    return send(true);
}

} // namespace agency::db
