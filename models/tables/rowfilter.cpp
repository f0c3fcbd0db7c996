// SPDX-License-Identifier: GPL-3.0-or-later
#include "rowfilter.h"

#include "lookupnames.h"

#include <QSqlDriver>
#include <QSqlField>
#include <algorithm>

namespace agency::tables {

namespace {
    QString literal(const QSqlDriver* driver, const QString& value)
    {
        QSqlField field(QStringLiteral("v"), QMetaType(QMetaType::QString));
        field.setValue(value);
        return driver->formatValue(field);
    }
    // Whether `text` holds a character beyond ASCII, whose case the trigram index folds and LIKE and lower() do not.
    bool beyondAscii(const QString& text)
    {
        return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() > 0x7f; });
    }
    // `text` as an FTS5 phrase (a substring of one column, through the trigram index), as an SQL literal.
    QString ftsPhrase(const QSqlDriver* driver, QString text)
    {
        text.replace(u'"', QStringLiteral("\"\""));
        return literal(driver, u'"' + text + u'"');
    }
}

QString RowFilter::escapeLike(const QString& text)
{
    QString escaped;
    for (const QChar c : text) {
        if (c == u'!' || c == u'%' || c == u'_')
            escaped += u'!';
        escaped += c;
    }
    return escaped;
}

TableSpec searchableSpec(const TableSpec& spec, const QSet<QString>& hidden)
{
    TableSpec searched = spec;
    if (hidden.isEmpty())
        return searched;
    searched.columns.removeIf([&](const ColumnSpec& column) { return hidden.contains(column.name); });
    for (const QString& column : RowFilter::searchColumns(spec)) {
        if (hidden.contains(column)) // the index is built over what the role may not read
            searched.searchIndexed = false;
    }
    if (hidden.contains(searched.searchSplitColumn))
        searched.searchSplitColumn.clear();
    return searched;
}

QStringList RowFilter::searchColumns(const TableSpec& spec)
{
    QStringList names;
    for (const ColumnSpec& column : spec.columns) {
        if (column.kind == ColumnKind::Text || column.kind == ColumnKind::Choice)
            names << column.name;
    }
    return names;
}

QString RowFilter::liveValues(const TableSpec& spec, const QString& column, const QString& where)
{
    return QStringLiteral("WITH RECURSIVE v(x) AS (SELECT (SELECT min(%1) FROM %2 WHERE deleted_at IS NULL) UNION ALL "
                          "SELECT (SELECT min(%1) FROM %2 WHERE deleted_at IS NULL AND %1 > v.x) FROM v WHERE v.x IS "
                          "NOT NULL) SELECT x FROM v WHERE x IS NOT NULL%3 ORDER BY x")
        .arg(column, spec.table, where.isEmpty() ? QString() : QStringLiteral(" AND ") + where);
}

QString RowFilter::searchExpression(const TableSpec& spec)
{
    return searchExpression(spec, QString());
}

QString RowFilter::searchExpression(const TableSpec& spec, const QString& except)
{
    QStringList parts;
    for (const QString& name : searchColumns(spec)) {
        if (name != except)
            parts << QStringLiteral("coalesce(%1, '')").arg(name);
    }
    return QStringLiteral("lower(%1)").arg(parts.join(QStringLiteral(" || chr(31) || ")));
}

bool RowFilter::searchesByIndex(const TableSpec& spec) const
{
    return spec.searchIndexed && search.trimmed().toUcs4().size() >= 3;
}

QString RowFilter::sql(const TableSpec& spec, const QSqlDriver* driver) const
{
    QStringList parts;
    if (!includeDeleted)
        parts << QStringLiteral("deleted_at IS NULL");
    for (const Match& match : matches) {
        if (!spec.column(match.column)) { // not a column of this table: no row, never every row
            parts << QStringLiteral("1 = 0");
            continue;
        }
        QStringList values;
        for (const QString& value : match.values)
            values << literal(driver, value);
        parts << (values.isEmpty() ? QStringLiteral("1 = 0")
                                   : QStringLiteral("%1 IN (%2)").arg(match.column, values.join(QStringLiteral(", "))));
    }
    if (const QString search = searchSql(spec, driver, false); !search.isEmpty())
        parts << search;
    return parts.join(QStringLiteral(" AND "));
}

QString RowFilter::searchTest(const TableSpec& spec, const QSqlDriver* driver) const
{
    return searchSql(spec, driver, true);
}

QString RowFilter::indexedMatchCount(const TableSpec& spec, const QSqlDriver* driver, int limit) const
{
    if (!searchesByIndex(spec) || driver->dbmsType() == QSqlDriver::PostgreSQL)
        return {};
    return QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM %1_search WHERE %1_search MATCH %2 LIMIT %3)")
        .arg(spec.table, ftsPhrase(driver, search.trimmed()), QString::number(limit));
}

QString RowFilter::searchSql(const TableSpec& spec, const QSqlDriver* driver, bool perRow) const
{
    const QString text = search.trimmed();
    if (text.isEmpty())
        return {};
    const QString pattern = literal(driver, u'%' + escapeLike(text.toLower()) + u'%');
    const db::Dialect dialect
        = driver->dbmsType() == QSqlDriver::PostgreSQL ? db::Dialect::PostgreSQL : db::Dialect::SQLite;
    QStringList any;
    if (searchesByIndex(spec) && dialect == db::Dialect::PostgreSQL) {
        // The expression the trigram index is on: with pg_trgm a few index pages, without it a scan as before; as a
        // test of each row, the same expression. (Not for fewer than three characters: with no trigram to look up,
        // pg_trgm reads its whole index, 16 s for "ti" over 1M channels, where reading the columns in the page's
        // order finds a page at once.)
        any << QStringLiteral("%1 LIKE %2 ESCAPE '!'").arg(searchExpression(spec), pattern);
    } else if (searchesByIndex(spec) && !perRow) {
        // SQLite: the trigram index finds the rows holding the text as a phrase, i.e. as a substring of one
        // column, case-insensitively (and, unlike LIKE, beyond ASCII too). Shorter texts have no trigram.
        any << QStringLiteral("rowid IN (SELECT rowid FROM %1_search WHERE %1_search MATCH %2)")
                   .arg(spec.table, ftsPhrase(driver, text));
    } else {
        // Each column LIKE the text: on SQLite the same rows as its trigram index finds only for a text in ASCII
        // (LIKE folds the case of ASCII letters only).
        if (perRow && searchesByIndex(spec) && dialect == db::Dialect::SQLite && beyondAscii(text))
            return {};
        for (const QString& name : searchColumns(spec))
            any << QStringLiteral("lower(%1) LIKE %2 ESCAPE '!'").arg(name, pattern);
    }
    for (const ColumnSpec& column : spec.columns) {
        if (!column.holdsName)
            continue;
        // The row's own name, kept in its JSON (a campaign's metadata): through its index (migration 0006) on
        // SQLite, as an expression PostgreSQL's trigram index is on (or a test of each row, without pg_trgm).
        if (searchesByIndex(spec) && dialect == db::Dialect::SQLite && !perRow)
            any << QStringLiteral("rowid IN (SELECT rowid FROM %1_name_search WHERE %1_name_search MATCH %2)")
                       .arg(spec.table, ftsPhrase(driver, text));
        else
            any << QStringLiteral("lower(%1) LIKE %2 ESCAPE '!'")
                       .arg(LookupNames::jsonNameSql(column.name, dialect), pattern);
    }
    any << nameSearches(spec, pattern, dialect, perRow ? spec.table : QString());
    return u'(' + any.join(QStringLiteral(" OR ")) + u')';
}

QStringList RowFilter::nameSearches(
    const TableSpec& spec, const QString& pattern, db::Dialect dialect, const QString& rowAlias)
{
    QStringList any;
    for (const ColumnSpec& column : spec.columns) {
        if (const QString names = LookupNames::nameMatches(column, pattern, dialect, rowAlias); !names.isEmpty())
            any << names; // what the table shows for a reference: the client's or tier's name
    }
    return any;
}

std::optional<RowFilter::SearchSplit> RowFilter::searchSplit(const TableSpec& spec, const QSqlDriver* driver) const
{
    const QString& split = spec.searchSplitColumn;
    const QString text = search.trimmed();
    if (split.isEmpty() || includeDeleted || !searchesByIndex(spec) || beyondAscii(text))
        return std::nullopt;
    const QString pattern = literal(driver, u'%' + escapeLike(text.toLower()) + u'%');
    const db::Dialect dialect
        = driver->dbmsType() == QSqlDriver::PostgreSQL ? db::Dialect::PostgreSQL : db::Dialect::SQLite;
    SearchSplit result;
    // The live rows' distinct values, kept when they hold the text.
    result.values = liveValues(spec, split, QStringLiteral("lower(x) LIKE %1 ESCAPE '!'").arg(pattern));
    QStringList rest;
    QStringList others = searchColumns(spec);
    others.removeAll(split);
    if (!others.isEmpty() && dialect == db::Dialect::PostgreSQL) {
        rest << QStringLiteral("%1 LIKE %2 ESCAPE '!'").arg(searchExpression(spec, split), pattern);
    } else if (!others.isEmpty()) { // the trigram index's other columns only (an FTS5 column filter)
        QString phrase = text;
        phrase.replace(u'"', QStringLiteral("\"\""));
        rest << QStringLiteral("rowid IN (SELECT rowid FROM %1_search WHERE %1_search MATCH %2)")
                    .arg(spec.table,
                        literal(driver, u'{' + others.join(u' ') + QStringLiteral("} : \"") + phrase + u'"'));
    }
    rest << nameSearches(spec, pattern, dialect, QString());
    result.rest = rest.isEmpty() ? QStringLiteral("1 = 0") : u'(' + rest.join(QStringLiteral(" OR ")) + u')';
    return result;
}

} // namespace agency::tables
