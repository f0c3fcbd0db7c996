// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backgroundreader.h"
#include "conflictset.h"
#include "db/connectionstring.h"
#include "editjournal.h"
#include "keysetpager.h"
#include "lookupnames.h"
#include "plausibility.h"
#include "rowfilter.h"
#include "tablerights.h"
#include "tablespec.h"
#include "tablestore.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlRecord>
#include <QStringList>
#include <QVariantMap>
#include <memory>
#include <optional>

namespace agency::tables {

struct FieldProblem {
    QString id; // the row
    QString column;
    QString message;
};

// A date range of `spec` (its start and end columns) whose end is before its start gets a problem on the end column.
void checkDateOrder(const TableSpec& spec, const QString& id, const QVariantMap& row, QList<FieldProblem>& problems);

// A row another desktop has just saved, as this desktop meets it (see AgencyTableModel::changedElsewhere()).
struct OutsideChange {
    QString id;
    QString name; // as this desktop shows it
    bool deleted = false; // deleted there, or gone altogether
    bool edited = false; // this desktop holds unsaved edits of it
    QDateTime at; // when, by the server's clock (invalid when the row is gone)
};

// The base of the four table models: a Qt table model over one agency_ table that reads only what is on screen.
// Rows come a page at a time by keyset (KeysetPager): the first page on select(), the next ones by fetchMore() as the
// view scrolls, so memory grows with what a person has scrolled past, never with the table. Values are shaped alike on
// both backends (NUMERIC as exact text). Edits are kept in a journal by row id, laid over the rows read, so a refresh
// (sort, filter, NOTIFY) never loses them and a row need not be read to be saved; save() validates every edited row,
// then writes all of them in one transaction — each UPDATE guarded by the updated_at this desktop read — and on any
// failure rolls back and leaves every edit in place.
//
// It is a QAbstractTableModel, not a QSqlTableModel: QSqlTableModel keeps every row it has read in its own cache and
// writes through record(), setRecord(), insertRecord() and submitAll(), none of them virtual. A model that pages by
// keyset and guards every write could not keep those members honest: a caller holding a QSqlTableModel pointer would
// have written around the journal and its conflict check. Here the only way to change a row is setData(), then
// save(), and the only way to add or remove one is insertNewRow() and softDelete().
class AgencyTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        StorageRole = Qt::UserRole + 1, // the normalized value (QDate, QDateTime UTC, bool, decimal text…)
        ProblemRole, // the validation message for this cell after a failed save
        RowIdRole,
        IsDeletedRole,
        IsEditedRole, // this cell holds an unsaved edit
        WarningRole, // something to flag in the cell (overspend, over-allocation), in words
        CautionRole, // something to watch in the cell (past a warning threshold), in words
    };

    // Now: the model selects as soon as it is made. Later: only once a parent filter or search is set (a detail list
    // would otherwise read a whole table it is about to narrow down). OnDemand: only when select() is called
    // (a page, when it is first shown); sort, search and filter changes before that are kept for that select.
    enum class Load { Now, Later, OnDemand };

    // A model of `spec`'s table, in the order the spec opens it in; with Load::Now it reads its first page at once.
    AgencyTableModel(const TableSpec& spec, QSqlDatabase db, QObject* parent = nullptr, Load load = Load::Now);

    const TableSpec& spec() const { return m_spec; }
    // The agency_ table, its columns in the order the database lists them (the model's columns), and the connection.
    QString tableName() const { return m_spec.table; }
    int fieldIndex(const QString& column) const { return m_store.fields().indexOf(column); }
    QString columnName(int column) const { return m_store.fields().fieldName(column); }
    QSqlDatabase database() const { return m_store.database(); }
    // The last failed read or write, as the driver reported it (lastMessage() says it for people).
    QSqlError lastError() const { return m_lastError; }
    db::Dialect dialect() const { return m_store.dialect(); }
    LookupNames& lookups() { return m_lookups; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool canFetchMore(const QModelIndex& parent = {}) const override;
    void fetchMore(const QModelIndex& parent = {}) override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool select();
    // Whether select() has run: an OnDemand model reads nothing before it.
    bool isLoaded() const { return m_loaded; }
    // After a change elsewhere (another desktop, a reconnect): reads the rows and the names they show again, if
    // they have been read at all (a model nobody has shown stays unread). Sorting and searching keep the names.
    bool refresh();
    // After a save on another page: the names shown (client, tier, campaign label) are looked up again. Signals
    // dataChanged for Qt::DisplayRole only: the values themselves are unchanged.
    void forgetNames();
    // The order the next select() reads in (nothing is read now).
    void setSort(int column, Qt::SortOrder order);
    // Re-reads only when the order changes (a view that enables sorting asks for the order the model already has).
    void sort(int column, Qt::SortOrder order) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    // Forgets the unsaved edits of `row` (a new row that was never saved goes).
    void revertRow(int row);
    // New rows come only through insertNewRow() (at the top); rows go only through softDelete().
    bool insertRows(int row, int count, const QModelIndex& parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex& parent = {}) override;
    // What reads the next page (null before the first select() or after a failed read).
    const KeysetPager* pager() const { return m_pager.get(); }
    // Once read, a new sort or search is read on a thread and connection of its own (the window stays responsive;
    // the rows shown so far stay until the new ones are there, and a newer request replaces an older one). Off by
    // default, and never on an in-memory SQLite database.
    void setReadsInBackground(bool on);
    bool isBusy() const { return m_background && m_background->isBusy(); }
    // Rows read at a time (256 unless set): the first select() reads one page, fetchMore() one more.
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    // How many rows the current filter holds on the server (one count), or -1 when it could not be counted.
    qint64 totalRows();

    // A new row at the top with a new v4 UUID and the table's defaults; returns its row.
    int insertNewRow();
    bool save();
    void discardChanges();
    bool hasPendingChanges() const { return !m_journal.isEmpty(); }
    QStringList pendingIds() const { return m_journal.ids(); }
    // The unsaved edits as they stand (what a recovery file keeps), and taking such edits back in after a restart:
    // they lie over the rows again and are saved by the next save(), guarded by the stamps read before. Refused
    // (false) while this model holds edits of its own.
    const EditJournal& journal() const { return m_journal; }
    bool adoptJournal(EditJournal journal);
    QList<FieldProblem> problems() const { return m_problems; }
    QList<Conflict> conflicts() const { return m_conflicts.all(); }
    QString lastMessage() const { return m_message; }

    // Resolving a conflict; the next save() writes the outcome.
    bool keepMine(const QString& id);
    bool takeTheirs(const QString& id);
    // A row purged on another desktop (none is left to save over): my version is added again as a new row, under its
    // id, by the next save. False when the conflict is not that.
    bool saveMineAsNew(const QString& id);
    bool merge(const QString& id, const QStringList& columnsFromTheirs);

    // Read-only: a schema newer than the app, or a role that may change nothing here. Nothing is editable and save()
    // refuses.
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    bool isReadOnly() const { return m_readOnly || (!m_rights.insert && m_rights.updatable.isEmpty()); }

    // What the connection's role may read and change here (TableRights::on(), asked when the model is made).
    using Rights = TableRights;
    // Columns it may not read are read as NULL and never searched or sorted by (the view hides them).
    void setRights(Rights rights)
    {
        m_rights = std::move(rights);
        m_store.setHidden(m_rights.hidden());
    }
    const Rights& rights() const { return m_rights; }
    bool mayInsert() const { return !m_readOnly && m_rights.insert; }
    bool mayDelete() const { return !m_readOnly && m_rights.updatable.contains(QStringLiteral("deleted_at")); }
    // Whether a user may change `column` of `row`: a new row needs INSERT, a stored one UPDATE on that column.
    bool mayEdit(int row, const QString& column) const;

    bool softDelete(const QStringList& ids);
    bool restore(const QStringList& ids);
    void setShowDeleted(bool show);
    bool showDeleted() const { return m_filter.includeDeleted; }
    // Which rows the model shows, as data (what the CSV export of this view reuses).
    const RowFilter& rowFilter() const { return m_filter; }
    // Text to look for in the table's text columns: matched literally (%, _ and quotes are not special).
    void setSearchText(const QString& text);
    QString searchText() const { return m_filter.search; }
    // Only the rows under this parent (the spec's parentColumn: a client's campaigns, a campaign's channels); empty:
    // every row. A row added meanwhile is added under it.
    void setParentFilter(const QString& parentId);
    QString parentFilter() const { return m_parentId; }
    // Only these rows (a row opened from elsewhere that lies too far down the order to read up to); empty: all.
    void setOnlyRows(const QStringList& ids);
    QStringList onlyRows() const;

    // The row of `id` among the rows read so far, or -1 (no read: use findRow() to read on until it shows).
    int rowOfId(const QString& id);
    // rowOfId(), reading further pages (at most `limit` rows more) until the row turns up.
    // A row the view's filter leaves out (a search that does not match it) is known so at once, by one test of that
    // row on the server, and nothing is read for it.
    int findRow(const QString& id, int limit = 20000);
    // Whether the row `id` is among the view's rows on the server (its filter and search): one test of that row.
    bool mayHold(const QString& id) const;
    // Of `ids` (rows another desktop has just saved), those this desktop is editing, and `selectedId`, as they stand
    // on the server now when that differs from what was read here: deleted there, or changed since. One read per row
    // concerned; call it before refresh(), which replaces what was read.
    QList<OutsideChange> changedElsewhere(const QSet<QString>& ids, const QString& selectedId);
    // The name people gave `row` (a campaign's): its Plane project's when linked (`fromProject` then true), else the
    // one kept in its ColumnSpec::holdsName column; empty when it has none. What lists and the form show as its Name.
    QString givenName(int row, bool* fromProject = nullptr) const;
    // How a row is named to a person: its name (as typed, when edited), else its label ("Acme · SEO · 2027-01-01").
    QString rowName(const QString& id);
    // The row as save() would write it: as read, with this desktop's edits over it (empty when not edited).
    QVariantMap editedRow(const QString& id) const;
    // What the unsaved edits hold that the rules allow but a person rarely means (tables::doubtsAbout).
    QList<Doubt> doubts() const;
    QString idAt(int row) const;
    QVariantMap rowValues(int row) const;
    QVariant valueAt(int row, const QString& column) const;

    // A column after the table's own, worked out from its row rather than stored (a channel's pace): never edited,
    // sorted by, searched, exported or imported.
    bool isDerivedColumn(int column) const { return column >= m_store.fields().count() && column < columnCount(); }

Q_SIGNALS:
    void conflictDetected(const QString& id);
    // A read in the background started (true) or ended (false).
    void busyChanged(bool busy);
    void saved();

protected:
    // Table rules beyond single columns: the spec's pair of dates in order here; budgets in the budget models. `row`
    // holds every column's current value.
    virtual void checkRules(const QString& id, const QVariantMap& row, QList<FieldProblem>& problems);
    // The derived columns a table model adds (none here): how many, each one's cells (`derived` counts from 0) and
    // header.
    virtual int derivedColumnCount() const { return 0; }
    virtual QVariant derivedData(int row, int derived, int role) const;
    virtual QVariant derivedHeader(int derived, int role) const;
    // The rows just read, by id (`replacing`: all of them again, after a select or refresh; else a page more): what the
    // derived columns need of them is read here, at once for all, before they are painted.
    virtual void rowsRead(const QStringList& ids, bool replacing);

private:
    bool selectRows(qsizetype atLeast); // select(), reading pages until at least this many rows are read
    bool reread(); // after a change: select() again, as far down as the rows read before
    KeysetPager::Query pageQuery() const;
    void selectSoon(); // select(), in the background when that is on and the rows have been read before
    void install(QList<QVariantList> read, std::shared_ptr<KeysetPager> pager, bool ok, const QString& error);
    QVariant rawAt(int row, int column) const { return m_rows.at(row).value(column); }
    void emitRowChanged(int row);
    const ColumnSpec* columnAt(int column) const;
    void applyFilter();
    QString problemAt(const QString& id, const QString& column) const;
    void forgetRowIndex();
    // Reads the names the rows show (their references), one query per referenced table, before they are painted.
    void nameRows(const QList<QVariantList>& rows);
    // nameRows(), then rowsRead() with the ids of `rows`.
    void prepareRows(const QList<QVariantList>& rows, bool replacing);
    // What a new row starts with: each column's declared newRowValue, and the parent it is filtered to.
    QVariantMap defaultsForNewRow() const;

    const TableSpec& m_spec;
    TableStore m_store;
    QSqlError m_lastError;
    QList<QVariantList> m_rows; // as read (the driver's values in the store's column order); new rows on top
    std::shared_ptr<KeysetPager> m_pager;
    std::unique_ptr<BackgroundReader> m_background;
    qint64 m_totalRows = -1; // counted once per select, on demand
    int m_idColumn = 0;
    int m_pageSize = 256;
    bool m_signalling = false; // between begin…() and end…() of a change: no fetchMore() from its handlers
    mutable LookupNames m_lookups;
    EditJournal m_journal;
    QMultiHash<size_t, int> m_rowsByIdHash; // rowOfId(): qHash(id) → row, for rows [0, m_indexedRows)
    int m_indexedRows = 0;
    QList<FieldProblem> m_problems;
    ConflictSet m_conflicts;
    QString m_message;
    RowFilter m_filter;
    QString m_parentId;
    bool m_readOnly = false;
    Rights m_rights;
    Load m_load = Load::Now;
    bool m_loaded = false;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace agency::tables
