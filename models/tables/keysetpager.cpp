// SPDX-License-Identifier: GPL-3.0-or-later
#include "keysetpager.h"

#include "db/database.h"
#include "db/localecollation.h"
#include "db/sqlerror.h"
#include "lookupnames.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>

namespace agency::tables {

KeysetPager::KeysetPager(QSqlDatabase db, Query query, int pageSize)
    : m_db(db)
    , m_query(std::move(query))
    , m_dialect(db::dialectOf(db))
    , m_pageSize(qMax(1, pageSize))
    , m_stage(m_query.sortKey.isEmpty() || !m_query.descending || m_query.keyNeverNull ? Stage::Keys : Stage::Nulls)
    , m_walking(m_query.findFirst && !m_query.walkSearch.isEmpty() && m_query.walkRows > 0
          && (m_dialect == db::Dialect::PostgreSQL || m_query.keyTable.isEmpty()))
    , m_probing(m_query.findFirst && !m_query.walkSearch.isEmpty() && m_query.walkRows > 0 && !m_walking
          && !m_query.broadProbe.isEmpty())
    , m_splitPending(!m_query.splitValues.isEmpty() && !m_query.sortKey.isEmpty() && m_query.keyNeverNull
          && m_query.keyTable.isEmpty())
{
    if (m_dialect == db::Dialect::SQLite)
        db::localeCollation(m_db); // the order of names its queries may ask for, on this connection too
}

void KeysetPager::setDatabase(QSqlDatabase db)
{
    m_db = db;
    if (m_dialect == db::Dialect::SQLite)
        db::localeCollation(m_db);
}

QString KeysetPager::sortExpression(
    const ColumnSpec& column, const QString& rowAlias, db::Dialect dialect, const QString& collate)
{
    if (QString byName = LookupNames::nameExpression(column, rowAlias, dialect, collate); !byName.isEmpty())
        return byName;
    if (column.holdsName) // by the name shown, not the JSON text
        return QStringLiteral("lower(%1)%2")
            .arg(LookupNames::jsonNameSql(rowAlias + u'.' + column.name, dialect), collate);
    QString own = rowAlias + u'.' + column.name;
    if (column.kind == ColumnKind::Text && column.suggestions.isEmpty())
        return own + collate; // text people wrote; a code (a type) keeps the order of its index
    if ((column.kind != ColumnKind::Money && column.kind != ColumnKind::Percent) || dialect == db::Dialect::PostgreSQL)
        return own; // NUMERIC sorts as a number
    // At most 12 digits and a point ("9999999999.99"): 15 characters always suffice.
    return QStringLiteral("substr('000000000000000' || %1, -15)").arg(own);
}

void KeysetPager::setSortColumn(Query* query, const ColumnSpec& column, db::Dialect dialect, const QString& collate)
{
    query->keyNeverNull = neverNull(column);
    query->keyTable = query->keyNeverNull ? LookupNames::nameTable(column, dialect, collate) : QString();
    query->keyColumn = query->keyTable.isEmpty() ? QString() : column.name;
    query->sortKey = query->keyTable.isEmpty() ? sortExpression(column, query->table, dialect, collate)
                                               : QStringLiteral("k.sort_key") + collate;
    const bool text = !query->keyTable.isEmpty() || column.holdsName
        || !LookupNames::nameExpression(column, query->table, dialect).isEmpty()
        || (column.kind == ColumnKind::Text && column.suggestions.isEmpty());
    query->keyCollate = text ? collate : QString();
}

bool KeysetPager::neverNull(const ColumnSpec& column)
{
    // NOT NULL; for a reference, the row it names exists (a foreign key) and its name or label is never NULL.
    return column.required;
}

QString KeysetPager::orderBy(const QString& sortKey, const QString& idColumn, bool descending, bool keyNeverNull)
{
    const QString direction = descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    if (sortKey.isEmpty())
        return QStringLiteral("ORDER BY ") + idColumn + direction;
    const QString key = u'(' + sortKey + u')';
    if (keyNeverNull)
        return QStringLiteral("ORDER BY %1%2, %3%2").arg(key, direction, idColumn);
    return QStringLiteral("ORDER BY (%1 IS NULL)%2, %1%2, %3%2").arg(key, direction, idColumn);
}

QString KeysetPager::walkStatement(Stage stage, bool continuing, int limit) const
{
    // The walk's rows read as a page without the search would read them (its order's index, or its sort), each with
    // its key; of those, the ones that match, in the same order.
    const QString& table = m_query.table;
    const bool byKey = !m_query.sortKey.isEmpty();
    const QString direction = m_query.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    QStringList columns { columnList(table) };
    const QString key = table + QStringLiteral(".sort_key") + m_query.keyCollate;
    if (byKey)
        columns << (m_dialect == db::Dialect::PostgreSQL ? QStringLiteral("CAST(%1 AS text)").arg(key) : key);
    const QString order
        = (byKey ? key + direction + QStringLiteral(", ") : QString()) + table + QStringLiteral(".id") + direction;
    return QStringLiteral("SELECT %1 FROM (%2) AS %3 WHERE %4 ORDER BY %5 LIMIT %6")
        .arg(columns.join(QStringLiteral(", ")), statement(stage, continuing, -1), table, m_query.walkSearch, order,
            QString::number(limit));
}

QString KeysetPager::statement(Stage stage, bool continuing, int limit) const
{
    // limit < 0: the rows of a walk (walkStatement), every column and the key as sort_key.
    if (limit < 0)
        return rowsStatement(stage, continuing, m_query.walkRows, m_query.walkWhere, false, true);
    if (!m_splitIn.isEmpty())
        return splitStatement(continuing, limit);
    return rowsStatement(stage, continuing, limit, m_query.where, m_query.findFirst, false);
}

QString KeysetPager::splitStatement(bool continuing, int limit) const
{
    const QString key = u'(' + m_query.sortKey + u')';
    const QString values = m_splitIn.join(QStringLiteral(", "));
    const QString base = m_query.walkWhere.isEmpty() ? QString() : u'(' + m_query.walkWhere + QStringLiteral(") AND ");
    // After the last row read, its key bounds the values too: PostgreSQL then skips the values before it, where the
    // keyset condition alone has it read each earlier value's rows to the end (0.2 s for a page after 100k rows).
    const QString held = base + QStringLiteral("%1 IN (%2)").arg(key, values)
        + (continuing ? QStringLiteral(" AND %1 %2 ?").arg(key, m_query.descending ? u"<=" : u">=") : QString());
    const QString rest = base + QStringLiteral("%1 NOT IN (%2) AND %3").arg(key, values, m_query.splitRest);
    // Merged by position: the key after the columns, and the id.
    const QString direction = m_query.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    const auto position = [](qsizetype index) { return QString::number(index + 1); };
    return QStringLiteral("SELECT * FROM (SELECT * FROM (%1) AS held UNION ALL SELECT * FROM (%2) AS rest) AS rows "
                          "ORDER BY %3%5, %4%5 LIMIT %6")
        .arg(rowsStatement(Stage::Keys, continuing, limit, held, false, false),
            rowsStatement(Stage::Keys, continuing, limit, rest, true, false), position(m_query.columns.size()),
            position(m_query.columns.indexOf(QStringLiteral("id"))), direction, QString::number(limit));
}

QString KeysetPager::rowsStatement(
    Stage stage, bool continuing, int limit, const QString& filter, bool findFirst, bool walk) const
{
    const QString& table = m_query.table;
    const QString id = table + QStringLiteral(".id");
    const bool byKey = !m_query.sortKey.isEmpty();
    const QString key = u'(' + m_query.sortKey + u')';
    const QString direction = m_query.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    const QString after = m_query.descending ? QStringLiteral(" < ") : QStringLiteral(" > ");

    QStringList columns { walk ? rowList(table) : columnList(table) };
    if (walk) {
        if (byKey)
            columns << key + QStringLiteral(" AS sort_key");
    } else {
        if (byKey) // read back as the text PostgreSQL compares exactly (a timestamp keeps its microseconds)
            columns << (m_dialect == db::Dialect::PostgreSQL ? QStringLiteral("CAST(%1 AS text)").arg(key) : key)
                    + QStringLiteral(" AS sort_key");
    }

    QStringList where;
    if (!filter.isEmpty())
        where << u'(' + filter + u')';
    QString order;
    if (byKey && stage == Stage::Keys) {
        if (!m_query.keyNeverNull)
            where << key + QStringLiteral(" IS NOT NULL");
        if (continuing)
            where << u'(' + key + QStringLiteral(", ") + id + u')' + after + QStringLiteral("(?, ?)");
        order = key + direction + QStringLiteral(", ") + id + direction;
    } else {
        if (byKey) // ordered by the key too (all NULL here): an index on (key, id) then serves this range as well
            where << key + QStringLiteral(" IS NULL");
        if (continuing)
            where << id + after + u'?';
        order = byKey ? key + direction + QStringLiteral(", ") + id + direction : id + direction;
    }
    const QString condition
        = where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    if (!m_query.keyTable.isEmpty()) {
        const QString select = columns.join(QStringLiteral(", "));
        if (m_dialect == db::Dialect::PostgreSQL) {
            // The names sorted, then each one's rows (an incremental sort). A search finds its rows first (as below);
            // the conditions on the key stay outside.
            QString from = table;
            QString outer = condition;
            if (findFirst && !filter.isEmpty()) {
                from = QStringLiteral("(SELECT %3 FROM %1 WHERE %2 OFFSET 0) AS %1").arg(table, filter, rowList(table));
                where.removeFirst();
                outer = where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
            }
            return QStringLiteral("SELECT %1 FROM %2 JOIN (%3) AS k ON k.key_id = %4.%5%6 ORDER BY %7 LIMIT %8")
                .arg(select, from, m_query.keyTable, table, m_query.keyColumn, outer, order, QString::number(limit));
        }
        // SQLite: each name worked out once, then the rows of each (CROSS JOIN: in this order), then one sort. A
        // search through the index lets the planner start from the rows found instead (and look each one's name
        // up): forced to walk the names, it would test every row of the table against the search (0.4 s over 1M
        // channels when nothing matches, against 0.05 s).
        return QStringLiteral("WITH k AS MATERIALIZED (%3) SELECT %1 FROM k %8 %2 ON %2.%4 = k.key_id%5 ORDER BY %6 "
                              "LIMIT %7")
            .arg(select, table, m_query.keyTable, m_query.keyColumn, condition, order, QString::number(limit),
                findFirst ? QStringLiteral("JOIN") : QStringLiteral("CROSS JOIN"));
    }
    if (findFirst && m_dialect == db::Dialect::PostgreSQL) // OFFSET 0: planned on its own, no order wanted
        return QStringLiteral("SELECT %1 FROM (SELECT %6 FROM %2%3 OFFSET 0) AS %2 ORDER BY %4 LIMIT %5")
            .arg(columns.join(QStringLiteral(", ")), table, condition, order, QString::number(limit), rowList(table));
    const bool scan = m_query.scanTable && byKey && !findFirst && m_dialect == db::Dialect::SQLite;
    return QStringLiteral("SELECT %1 FROM %2%3%4 ORDER BY %5 LIMIT %6")
        .arg(columns.join(QStringLiteral(", ")), table, scan ? QStringLiteral(" NOT INDEXED") : QString(), condition,
            order, QString::number(limit));
}

QString KeysetPager::columnList(const QString& alias) const
{
    QStringList columns;
    for (const QString& column : m_query.columns)
        columns << (m_query.hidden.contains(column) ? QStringLiteral("NULL AS ") + column : alias + u'.' + column);
    return columns.join(QStringLiteral(", "));
}

QString KeysetPager::rowList(const QString& alias) const
{
    if (m_query.everyColumn.isEmpty())
        return alias + QStringLiteral(".*");
    QStringList columns;
    for (const QString& column : m_query.everyColumn)
        columns << (m_query.hidden.contains(column) ? QStringLiteral("NULL AS ") + column : alias + u'.' + column);
    return columns.join(QStringLiteral(", "));
}

void KeysetPager::readFailed(const QSqlQuery& query, QString* error) const
{
    const QString message = db::reportSqlError(
        QCoreApplication::translate("KeysetPager", "Reading rows of %1").arg(m_query.table), query.lastError());
    if (error)
        *error = message;
}

bool KeysetPager::readSplitValues(QString* error)
{
    m_splitPending = false;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(m_query.splitValues)) {
        readFailed(query, error);
        return false;
    }
    while (query.next()) {
        QSqlField field(QStringLiteral("v"), QMetaType(QMetaType::QString));
        field.setValue(query.value(0).toString());
        m_splitIn << m_db.driver()->formatValue(field);
    }
    if (!m_splitIn.isEmpty()) // the rows of the values matched come from the index in order: nothing to walk
        m_walking = m_probing = false;
    return true;
}

bool KeysetPager::readPage(QList<QVariantList>* rows, QString* error)
{
    if (m_splitPending && !readSplitValues(error))
        return false;
    if (std::exchange(m_probing, false)) { // is the search broad enough to walk the order (Query::broadProbe)?
        QSqlQuery probe(m_db);
        m_walking = probe.exec(m_query.broadProbe) && probe.next() && probe.value(0).toLongLong() >= m_query.broadAt;
    }
    const bool byKey = !m_query.sortKey.isEmpty();
    int wanted = m_pageSize;
    while (wanted > 0 && m_stage != Stage::Done) {
        if (m_walking) { // what the walk does not fill is found first, from the last row it read on
            const int read = this->read(walkStatement(m_stage, m_continuing, wanted), rows, error);
            if (read < 0)
                return false;
            m_walking = read == wanted;
            wanted -= read;
            continue;
        }
        const int read = this->read(statement(m_stage, m_continuing, wanted), rows, error);
        if (read < 0)
            return false;
        // A short page ends this range: the next one starts with the other range, from its beginning.
        if (read < wanted) {
            const bool keysFirst = !m_query.descending;
            if (!byKey || m_query.keyNeverNull || (m_stage == Stage::Keys) != keysFirst)
                m_stage = Stage::Done;
            else
                m_stage = keysFirst ? Stage::Nulls : Stage::Keys;
            m_continuing = false;
        }
        wanted -= read;
    }
    return true;
}

int KeysetPager::read(const QString& statement, QList<QVariantList>* rows, QString* error)
{
    const int idColumn = static_cast<int>(m_query.columns.indexOf(QStringLiteral("id")));
    const int keyColumn = static_cast<int>(m_query.columns.size());
    const bool byKey = !m_query.sortKey.isEmpty();
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.setNumericalPrecisionPolicy(QSql::HighPrecision);
    query.prepare(statement);
    if (m_continuing) {
        const bool split = !m_splitIn.isEmpty() && !m_walking;
        if (split) // the bound on the values read (splitStatement)
            query.addBindValue(m_lastKey);
        for (int read = split ? 2 : 1; read > 0; --read) { // the keyset condition, once per read merged
            if (byKey && m_stage == Stage::Keys)
                query.addBindValue(m_lastKey);
            query.addBindValue(m_lastId);
        }
    }
    if (!query.exec()) {
        readFailed(query, error);
        return -1;
    }
    int read = 0;
    while (query.next()) {
        QVariantList row;
        row.reserve(keyColumn);
        for (int i = 0; i < keyColumn; ++i)
            row << query.value(i);
        m_lastId = row.value(idColumn);
        if (byKey)
            m_lastKey = query.value(keyColumn);
        rows->append(std::move(row));
        ++read;
    }
    m_continuing = read > 0 || m_continuing;
    return read;
}

qint64 KeysetPager::count(QString* error) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    const QString statement
        = QStringLiteral("SELECT count(*) FROM %1%2")
              .arg(m_query.table, m_query.where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + m_query.where);
    if (!query.exec(statement) || !query.next()) {
        const QString message = db::reportSqlError(
            QCoreApplication::translate("KeysetPager", "Counting rows of %1").arg(m_query.table), query.lastError());
        if (error)
            *error = message;
        return -1;
    }
    return query.value(0).toLongLong();
}

} // namespace agency::tables
