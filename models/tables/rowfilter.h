// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/connectionstring.h"
#include "tablespec.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>

class QSqlDriver;

namespace agency::tables {

// Which rows a view shows, as data rather than SQL: live rows only or deleted ones too, rows whose column holds one of
// some values (a client's campaigns), and rows matching a search in what the table shows (its text and the names
// its references show). The table models and the CSV export of a view both build their WHERE from it, so what is
// exported is what is shown.
struct RowFilter;

// `spec` as a filter may search it when the role may not read `hidden`: without those columns, and without the
// search index (or its split) when it is built over one of them, so that no search names them.
TableSpec searchableSpec(const TableSpec& spec, const QSet<QString>& hidden);

struct RowFilter {
    struct Match {
        QString column;
        QStringList values;
        bool operator==(const Match&) const = default;
    };

    bool includeDeleted = false;
    QList<Match> matches;
    QString search; // matched literally, case-insensitively

    // `text` for a LIKE pattern with ESCAPE '!': !, % and _ matched literally. The mark is not a backslash, whose
    // meaning in a literal depends on PostgreSQL's standard_conforming_strings (off: the literal '\' never ends).
    static QString escapeLike(const QString& text);
    // The columns a search looks into, in the table's order (its text and its choices); a search index covers them
    // in this order.
    static QStringList searchColumns(const TableSpec& spec);
    // The distinct values of `column` in live rows, as `SELECT x … WHERE <condition on x>` ordered by x: each the least
    // one after the last, one index seek apiece where an index leads with the column (11 steps over 1M channels, where
    // a DISTINCT reads every entry). `where` tests x ("lower(x) LIKE …"); empty: every value.
    static QString liveValues(const TableSpec& spec, const QString& column, const QString& where = {});
    // PostgreSQL: what the search index is built on (migration 0003), and a search matches LIKE '%text%': the
    // searchable columns, lower-cased, joined by a unit separator so that no match spans two of them.
    static QString searchExpression(const TableSpec& spec);
    // Whether the search is read through the table's search index: a text of three characters or more (a trigram
    // index has nothing to look up for fewer) on a table that has one. Such a search finds few rows of a large table,
    // and is read best by finding them first and sorting them then (KeysetPager::Query::findFirst); a shorter one
    // matches so many rows that walking the table in its order finds a page soonest.
    bool searchesByIndex(const TableSpec& spec) const;
    // The condition over `spec`'s own columns, every value a literal formatted by `driver`; empty: every row. A match
    // on a column the table does not have, or on no values, matches nothing (an export never widens by mistake).
    QString sql(const TableSpec& spec, const QSqlDriver* driver) const;
    // The search alone as a test of each row, never through an index (KeysetPager::Query::walkSearch), matching
    // exactly the rows sql()'s search matches; empty when there is no search or no such test (on SQLite, a text
    // beyond ASCII: the search index folds its case, LIKE does not).
    QString searchTest(const TableSpec& spec, const QSqlDriver* driver) const;
    // SQLite, a search through the index: a statement counting the rows its index finds (in the table's own columns),
    // at most `limit` of them — how broad the search is, cheaply. Empty otherwise.
    QString indexedMatchCount(const TableSpec& spec, const QSqlDriver* driver, int limit) const;
    // A search through the index split on spec.searchSplitColumn: a row matches when that column's value matches, or
    // when the rest of what it shows does. `values` is a statement listing the column's values among the live rows
    // that match (read by skipping along the column's index, one step per distinct value); `rest` is the condition
    // that the row's other columns or the names it shows match, through a search index over those alone.
    struct SearchSplit {
        QString values;
        QString rest;
    };
    // The split of this filter's search, or none: no split column, deleted rows included (the values are read from
    // the live rows' index), no search through the index, or a text beyond ASCII (the search index folds its case,
    // lower() does not).
    std::optional<SearchSplit> searchSplit(const TableSpec& spec, const QSqlDriver* driver) const;
    // PostgreSQL: searchExpression() without `except` — what <table>_search_rest_idx is built on (migration 0005).
    static QString searchExpression(const TableSpec& spec, const QString& except);
    bool operator==(const RowFilter&) const = default;

private:
    QString searchSql(const TableSpec& spec, const QSqlDriver* driver, bool perRow) const;
    // What the table shows for its references (a client's or tier's name, a campaign's label), matching `pattern`.
    static QStringList nameSearches(
        const TableSpec& spec, const QString& pattern, db::Dialect dialect, const QString& rowAlias);
};

} // namespace agency::tables
