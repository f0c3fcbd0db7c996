// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tablespec.h"

#include <QList>
#include <QString>
#include <QStringList>

class QSqlDriver;

namespace agency::tables {

// Which rows a view shows, as data rather than SQL: live rows only or deleted ones too, rows whose column holds one of
// some values (a client's campaigns), and rows matching a search in what the table shows (its text and the names
// its references show). The table models and the CSV export of a view both build their WHERE from it, so what is
// exported is what is shown.
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
    bool operator==(const RowFilter&) const = default;

private:
    QString searchSql(const TableSpec& spec, const QSqlDriver* driver, bool perRow) const;
};

} // namespace agency::tables
