// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/connectionstring.h"
#include "tablespec.h"

#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

class QSqlQuery;

namespace agency::tables {

// Reads a table's rows a page at a time in a stable order, by keyset: each page continues after the last row read,
// (sort key, id) > (its key, its id), so every page is an index range scan of the same cost however far the reader
// has got — never an OFFSET that rereads what came before, and never the whole result held at once.
//
// Rows whose sort key is NULL come last in ascending order and first in descending order on both backends (the
// backends disagree about NULL's place otherwise): the reader walks the non-NULL keys and the NULL keys as two
// ranges, each ordered by an index-friendly expression.
class KeysetPager {
public:
    struct Query {
        QString table;
        QStringList columns; // read from each row, in this order
        // Every column of the table, for what reads whole rows before picking `columns` (a walk, rows found first);
        // empty: `*`. Those the role may not read (TableRights::hidden()) are read as NULL, never named to the server.
        QStringList everyColumn;
        QSet<QString> hidden;
        QString where; // a condition on the table's own columns (already formatted), or empty
        QString sortKey; // an SQL expression to order by (a column, or a name looked up); empty: by id only
        // " COLLATE …" when the key is text people read, ordered in their language (db::localeCollation()): what a
        // statement over rows already read with their key (a walk) orders that key by.
        QString keyCollate;
        bool descending = false;
        // The key is never NULL (a NOT NULL column, or a name every row has): no NULL range to read, and no IS NULL
        // test to evaluate per row (a name looked up per row is the costly part of such a sort).
        bool keyNeverNull = false;
        // The condition picks few rows of a large table (a search through its index). On PostgreSQL those rows are
        // found first and sorted then, never found by walking the sort order's index and testing each row: the
        // planner expects matches spread evenly along that order, and a search for "tiktok" in channels ordered by
        // type would walk 800,000 rows to the last type before the first match (1.5 s, against 0.2 s found first).
        // With a joined key (keyTable) on SQLite, the planner may then start from the rows found.
        bool findFirst = false;
        // With findFirst, a page first walks the order as it would without the search — the rows `walkWhere` (the
        // condition without the search) picks, at most `walkRows` of them — and keeps those that `walkSearch` (the
        // search as a test of each row, never through its index) matches. Only when they do not fill the page are
        // the rest found first, and the walk is not tried again: a search that matches many rows (every channel's
        // account id, half the channels' type) is read from the first rows of the order, one that matches few or
        // only far down the order is found through its index, after a walk of bounded cost (4,096 rows: 20-60 ms on
        // 1M channels). Empty walkSearch: no walk. Nor on SQLite by a joined key (keyTable): there the first rows of
        // that order cost the whole sort (every campaign's label, 0.5-0.8 s), more than most searches found first.
        QString walkWhere;
        QString walkSearch;
        int walkRows = 4096;
        // SQLite, a joined key: a statement counting the search's matches through its index, stopping at `broadAt`.
        // When it gets there, the search matches so much of the table that finding its rows first costs more than
        // the first rows of the order (every channel's account id: 2.5-3.3 s found first, about 1 s walked): the
        // walk is tried after all. Empty: never walked there.
        QString broadProbe;
        int broadAt = 50000;
        // A key that is a name shown for a reference (LookupNames::nameTable): worked out once per referenced row
        // and joined on `keyColumn`, instead of looked up once per row of this table (a label made of three tables,
        // 1M times: 2.4-4.6 s; 100k times and joined: 0.1-0.5 s). sortKey is then "k.sort_key". Only for a key
        // never NULL (the join leaves out rows that reference nothing).
        QString keyTable;
        QString keyColumn;
        // SQLite, a key no index leads, no condition but "deleted_at IS NULL": read by one scan of the table (NOT
        // INDEXED). Given only that condition, SQLite's planner walks a page-order index that is partial on it and
        // fetches every row from there at random to sort them: 3 s over 1M channels, against 0.3 s scanned.
        bool scanTable = false;
        // A search split on the key (RowFilter::SearchSplit), for a key that is a column of the table never NULL,
        // with no joined key: `splitValues` lists the key's values the search matches, read once before the first
        // page. Each page then merges two reads: the rows holding those values, straight from the order's index
        // (`walkWhere` and the key among them), and the other rows that match (`splitRest`), found first. Half the
        // channels are of a type holding "ads": found through the search index and sorted, 0.3-0.7 s; so read,
        // a few ms. When no value matches, the pages are read as without the split (a walk, then found first).
        QString splitValues;
        QString splitRest;
    };

    KeysetPager(QSqlDatabase db, Query query, int pageSize = 256);

    // The next page (at most the page size), appended to `rows` (each row holds Query::columns' values as the
    // driver returned them). False with `error` set when the read failed; true with nothing added at the end.
    bool readPage(QList<QVariantList>* rows, QString* error);
    bool atEnd() const { return m_stage == Stage::Done; }
    bool isWalking() const { return m_walking; }
    // Whether the pages are read split (Query::splitValues found values the search matches).
    bool isSplit() const { return !m_splitIn.isEmpty(); }
    // Reads Query::splitValues now (readPage() does before its first page, once); false with `error` set when that
    // failed.
    bool readSplitValues(QString* error);
    // How many rows the whole range holds (one count on the server), or -1 when the count failed.
    qint64 count(QString* error) const;
    const Query& query() const { return m_query; }
    // Goes on over another connection to the same database (a page read on a background connection, continued on
    // the window's own).
    void setDatabase(QSqlDatabase db);
    // The statement the next readPage() runs first (with `?` for the last key and id once a page has been read).
    QString nextStatement() const { return statement(m_stage, m_continuing, m_pageSize); }

    // What orders `column` of the row `rowAlias` as people see it: a reference by the name it shows (client, tier),
    // money and percent as numbers, anything else by its own value. SQLite stores money as exact decimal text, which
    // sorts as text ("100.00" before "9.00"): padded to a fixed width, it sorts as the number it is and stays exact.
    // Text people read (names, notes; not codes) in the order of their language: `collate`, what
    // db::localeCollation() gives for the connection (empty: byte order).
    static QString sortExpression(
        const ColumnSpec& column, const QString& rowAlias, db::Dialect dialect, const QString& collate = {});
    // Sets `query`'s key to order by `column` as people see it: sortExpression(), or for a reference that always
    // names a row, its name joined from LookupNames::nameTable().
    static void setSortColumn(Query* query, const ColumnSpec& column, db::Dialect dialect, const QString& collate = {});
    // "ORDER BY …" in the pager's order (NULL keys last ascending, first descending; ties by id in the same
    // direction), for a query that reads everything at once in the same order as the pages (the CSV export).
    static QString orderBy(const QString& sortKey, const QString& idColumn, bool descending, bool keyNeverNull = false);
    // Whether what sortExpression() makes of `column` can never be NULL.
    static bool neverNull(const ColumnSpec& column);

private:
    enum class Stage { Keys, Nulls, Done };
    QString statement(Stage stage, bool continuing, int limit) const;
    // The rows after the last one read that `filter` picks, in the order, at most `limit`; found first or not, every
    // column or (a walk) the table's own and the key as sort_key.
    QString rowsStatement(
        Stage stage, bool continuing, int limit, const QString& filter, bool findFirst, bool walk) const;
    // A page of a split search (Query::splitValues): both reads, merged in the order.
    QString splitStatement(bool continuing, int limit) const;
    // The walk (Query::walkSearch): the next walkRows rows of the order, and of those the first `limit` that match.
    QString walkStatement(Stage stage, bool continuing, int limit) const;
    // Runs `statement` after the last row read and appends what it reads to `rows`; the number of rows read, or -1.
    int read(const QString& statement, QList<QVariantList>* rows, QString* error);
    // Query::columns as `alias`.column, each hidden one as NULL under its name.
    QString columnList(const QString& alias) const;
    // Every column of the table (Query::everyColumn) as `alias`.column, each hidden one as NULL; else `alias`.*.
    QString rowList(const QString& alias) const;
    // Reports the failed read `query` (in the log, and in `error` when given).
    void readFailed(const QSqlQuery& query, QString* error) const;

    QSqlDatabase m_db;
    Query m_query;
    db::Dialect m_dialect;
    int m_pageSize;
    Stage m_stage;
    bool m_continuing = false; // a row of the current stage has been read: m_lastKey and m_lastId hold it
    QVariant m_lastKey;
    QVariant m_lastId;
    bool m_walking; // the walk has filled every page so far (Query::walkSearch)
    bool m_probing; // Query::broadProbe is still to be asked, before the first page
    bool m_splitPending; // Query::splitValues is still to be read, before the first page
    QStringList m_splitIn; // the key's values the search matches, as literals: a split search when not empty
};

} // namespace agency::tables
