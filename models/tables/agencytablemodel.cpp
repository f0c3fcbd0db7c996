// SPDX-License-Identifier: GPL-3.0-or-later
#include "agencytablemodel.h"

#include "celltext.h"
#include "columnvalues.h"
#include "domain/campaignname.h"
#include "domain/displaytext.h"

#include <QDateTime>
#include <QScopedValueRollback>
#include <QSet>
#include <QUuid>

namespace agency::tables {

AgencyTableModel::AgencyTableModel(const TableSpec& spec, QSqlDatabase db, QObject* parent, Load load)
    : QAbstractTableModel(parent)
    , m_spec(spec)
    , m_store(spec, db)
    , m_lookups(db)
    , m_rights(TableRights::on(db, spec.table)) // what PostgreSQL grants the role (SQLite: everything, unasked)
    , m_load(load)
{
    m_store.setHidden(m_rights.hidden());
    m_idColumn = qMax(0, fieldIndex(idColumn()));
    // Rows that move invalidate rowOfId()'s index; rows appended below the ones read (fetchMore) do not.
    connect(this, &QAbstractItemModel::modelReset, this, &AgencyTableModel::forgetRowIndex);
    connect(this, &QAbstractItemModel::layoutChanged, this, &AgencyTableModel::forgetRowIndex);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &AgencyTableModel::forgetRowIndex);
    connect(this, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex&, int first) {
        if (first < m_indexedRows)
            forgetRowIndex();
    });
    if (const int column = fieldIndex(spec.sortColumn); column >= 0)
        setSort(column, spec.sortDescending ? Qt::DescendingOrder : Qt::AscendingOrder);
    if (load == Load::Now)
        select();
}

const ColumnSpec* AgencyTableModel::columnAt(int column) const
{
    if (column < 0 || column >= m_store.fields().count())
        return nullptr;
    return m_spec.column(m_store.fields().fieldName(column));
}

QString AgencyTableModel::idAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    return rawAt(row, m_idColumn).toString();
}

QVariant AgencyTableModel::valueAt(int row, const QString& column) const
{
    const ColumnSpec* spec = m_spec.column(column);
    if (!spec || row < 0 || row >= m_rows.size())
        return {};
    if (const auto edited = m_journal.value(idAt(row), column))
        return *edited;
    return fromStorage(*spec, rawAt(row, fieldIndex(column)));
}

QVariantMap AgencyTableModel::rowValues(int row) const
{
    QVariantMap values;
    for (const ColumnSpec& column : m_spec.columns)
        values.insert(column.name, valueAt(row, column.name));
    return values;
}

int AgencyTableModel::rowOfId(const QString& id)
{
    // An index of the rows read so far, by the id's hash (a few bytes a row rather than a copy of every id), grown
    // as rows are fetched; rows that move (reset, insert on top, remove) empty it.
    if (m_indexedRows < m_rows.size()) {
        m_rowsByIdHash.reserve(m_rows.size());
        for (; m_indexedRows < m_rows.size(); ++m_indexedRows)
            m_rowsByIdHash.insert(qHash(idAt(m_indexedRows)), m_indexedRows);
    }
    const size_t key = qHash(id);
    for (auto it = m_rowsByIdHash.constFind(key); it != m_rowsByIdHash.cend() && it.key() == key; ++it) {
        if (idAt(it.value()) == id)
            return it.value();
    }
    return -1;
}

int AgencyTableModel::findRow(const QString& id, int limit)
{
    const qsizetype stop = m_rows.size() + limit;
    int row = rowOfId(id);
    if (row < 0 && canFetchMore() && !mayHold(id))
        return -1; // not among the view's rows at all: nothing to read on for (a search that leaves it out)
    while (row < 0 && canFetchMore() && m_rows.size() < stop) {
        fetchMore();
        row = rowOfId(id);
    }
    return row;
}

int AgencyTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AgencyTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_store.fields().count() + derivedColumnCount();
}

bool AgencyTableModel::canFetchMore(const QModelIndex& parent) const
{
    // Not while the model tells of a reset or of rows read: a view (or a tester) asking from those signals' handlers
    // would insert rows in the middle of another change.
    return !parent.isValid() && m_pager && !m_pager->atEnd() && !m_signalling;
}

void AgencyTableModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    QList<QVariantList> page;
    QString error;
    if (!m_pager->readPage(&page, &error)) {
        m_message = error;
        m_pager.reset(); // no endless retries from a view that keeps asking
        return;
    }
    if (page.isEmpty())
        return;
    prepareRows(page, false);
    const int first = static_cast<int>(m_rows.size());
    const QScopedValueRollback<bool> telling(m_signalling, true); // until the change has been told
    beginInsertRows({}, first, first + static_cast<int>(page.size()) - 1);
    m_rows.append(std::move(page));
    endInsertRows();
}

qint64 AgencyTableModel::totalRows()
{
    if (m_totalRows < 0 && m_pager)
        m_totalRows = m_pager->count(nullptr);
    return m_totalRows;
}

bool AgencyTableModel::refresh()
{
    if (!m_loaded)
        return true;
    m_lookups.markStale(); // shown until the rows that show them are read again, then read with them
    return reread();
}

void AgencyTableModel::forgetNames()
{
    m_lookups.markStale();
    nameRows(m_rows);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), { Qt::DisplayRole });
}

void AgencyTableModel::nameRows(const QList<QVariantList>& rows)
{
    // One query per referenced table for the names these rows show, before they are painted: never one per cell.
    for (const ColumnSpec& column : m_spec.columns) {
        if (column.kind != ColumnKind::Reference)
            continue;
        const int field = fieldIndex(column.name);
        QList<QString> ids;
        ids.reserve(rows.size());
        for (const QVariantList& row : rows) {
            if (field >= 0 && field < row.size() && !row.at(field).isNull())
                ids << row.at(field).toString();
        }
        m_lookups.prefetch(column.references, ids);
    }
}

void AgencyTableModel::prepareRows(const QList<QVariantList>& rows, bool replacing)
{
    nameRows(rows);
    if (derivedColumnCount() == 0)
        return;
    QStringList ids;
    ids.reserve(rows.size());
    for (const QVariantList& row : rows) {
        if (m_idColumn < row.size() && !row.at(m_idColumn).isNull())
            ids << row.at(m_idColumn).toString();
    }
    rowsRead(ids, replacing);
}

QVariant AgencyTableModel::derivedData(int /*row*/, int /*derived*/, int /*role*/) const
{
    return {};
}

QVariant AgencyTableModel::derivedHeader(int /*derived*/, int /*role*/) const
{
    return {};
}

void AgencyTableModel::rowsRead(const QStringList& /*ids*/, bool /*replacing*/) { }

void AgencyTableModel::forgetRowIndex()
{
    m_rowsByIdHash.clear();
    m_indexedRows = 0;
}

QString AgencyTableModel::problemAt(const QString& id, const QString& column) const
{
    for (const FieldProblem& problem : m_problems) {
        if (problem.id == id && problem.column == column)
            return problem.message;
    }
    return {};
}

QString AgencyTableModel::givenName(int row, bool* fromProject) const
{
    // Linked to a Plane project: that project's name.
    const ColumnSpec* projectColumn = m_spec.planeColumn(PlaneLink::Project);
    const QString project
        = projectColumn && m_lookups.plane().isAvailable() ? valueAt(row, projectColumn->name).toString() : QString();
    QString name = project.isEmpty() ? QString() : m_lookups.projectName(project);
    if (fromProject)
        *fromProject = !name.isEmpty();
    if (!name.isEmpty())
        return name;
    for (const ColumnSpec& column : m_spec.columns) {
        if (column.holdsName)
            return domain::campaignNameIn(valueAt(row, column.name).toString());
    }
    return {};
}

QVariant AgencyTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    if (isDerivedColumn(index.column()))
        return derivedData(index.row(), index.column() - m_store.fields().count(), role);
    const ColumnSpec* column = columnAt(index.column());
    if (!column)
        return {};
    QVariant value = valueAt(index.row(), column->name);
    switch (role) {
    case Qt::DisplayRole:
        if (column->holdsName) // the name people gave it: its Plane project's, else the one kept in the JSON
            return domain::isolatedForDisplay(givenName(index.row()));
        return cellText(*column, value, m_lookups);
    case Qt::EditRole:
    case StorageRole:
        return value;
    case Qt::CheckStateRole:
        if (column->kind == ColumnKind::Boolean)
            return value.toBool() ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::TextAlignmentRole:
        if (column->kind == ColumnKind::Money || column->kind == ColumnKind::Percent
            || column->kind == ColumnKind::Integer)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::ToolTipRole: {
        const QString problem = problemAt(idAt(index.row()), column->name);
        if (!problem.isEmpty())
            return problem;
        if (column->kind == ColumnKind::Reference || column->kind == ColumnKind::PlaneReference)
            return value.toString();
        return {};
    }
    case ProblemRole:
        return problemAt(idAt(index.row()), column->name);
    case RowIdRole:
        return idAt(index.row());
    case IsDeletedRole:
        return !valueAt(index.row(), deletedColumn()).isNull();
    case IsEditedRole: {
        return m_journal.isEdited(idAt(index.row()), column->name);
    }
    default:
        return {};
    }
}

Qt::ItemFlags AgencyTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (isDerivedColumn(index.column()))
        return Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
    const ColumnSpec* column = columnAt(index.column());
    if (!column)
        return flags;
    if (column->kind == ColumnKind::Uuid || isAuditColumn(column->name) || !mayEdit(index.row(), column->name))
        flags &= ~Qt::ItemIsEditable;
    if (column->kind == ColumnKind::Boolean)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant AgencyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0
        && section < m_store.fields().count()) {
        if (const ColumnSpec* column = columnAt(section); column && column->holdsName)
            return tr("Name");
        return columnLabel(m_store.fields().fieldName(section));
    }
    if (orientation == Qt::Horizontal && isDerivedColumn(section))
        return derivedHeader(section - m_store.fields().count(), role);
    if (orientation == Qt::Vertical && role == Qt::DisplayRole && section >= 0 && section < rowCount()) {
        const QString id = idAt(section);
        if (m_journal.contains(id)) // an unsaved row: new (+) or edited (✎)
            return m_journal.isNew(id) ? QStringLiteral("+") : QStringLiteral("\u270E");
        return section + 1;
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

void AgencyTableModel::emitRowChanged(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
    Q_EMIT headerDataChanged(Qt::Vertical, row, row);
}

void AgencyTableModel::setSort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
}

void AgencyTableModel::sort(int column, Qt::SortOrder order)
{
    if (isDerivedColumn(column))
        return; // worked out row by row: there is no order to read it in
    if (m_loaded && column == m_sortColumn && order == m_sortOrder)
        return;
    setSort(column, order);
    if (m_loaded || m_load != Load::OnDemand)
        selectSoon();
}

bool AgencyTableModel::select()
{
    return selectRows(0);
}

bool AgencyTableModel::reread()
{
    // As many rows as were read (up to a limit), so that the row a person was on, far down, is still there.
    return selectRows(std::min<qsizetype>(m_rows.size(), 20000));
}

KeysetPager::Query AgencyTableModel::pageQuery() const
{
    return m_store.readPlan(m_filter, m_sortColumn, m_sortOrder);
}

bool AgencyTableModel::selectRows(qsizetype atLeast)
{
    m_loaded = true;
    if (m_background && m_background->isBusy()) { // this read replaces the one under way
        m_background->cancel();
        Q_EMIT busyChanged(false);
    }
    auto pager = std::make_shared<KeysetPager>(database(), pageQuery(), m_pageSize);
    QList<QVariantList> rows;
    QString error;
    bool ok = pager->readPage(&rows, &error);
    while (ok && rows.size() < atLeast && !pager->atEnd())
        ok = pager->readPage(&rows, &error);
    install(std::move(rows), std::move(pager), ok, error);
    return ok;
}

void AgencyTableModel::install(
    QList<QVariantList> read, std::shared_ptr<KeysetPager> pager, bool ok, const QString& error)
{
    // Rows not saved yet stay on top in the order they were added; edits lie over the rows read, by id.
    QList<QVariantList> rows;
    const int columns = m_store.fields().count();
    for (const QString& id : m_journal.ids()) {
        if (!m_journal.isNew(id))
            continue;
        QVariantList row(columns);
        row[m_idColumn] = id;
        rows << row;
    }
    rows.append(std::move(read));
    prepareRows(rows, true);
    const QScopedValueRollback<bool> telling(m_signalling, true); // until the change has been told
    beginResetModel();
    m_rows = std::move(rows);
    m_pager = ok ? std::move(pager) : nullptr;
    m_totalRows = -1;
    m_lastError = {};
    endResetModel();
    if (!ok) {
        m_message = error;
        m_lastError = QSqlError(error, {}, QSqlError::StatementError);
    }
}

void AgencyTableModel::setReadsInBackground(bool on)
{
    if (!on) {
        m_background.reset();
        return;
    }
    if (m_background || !BackgroundReader::canClone(database()))
        return;
    m_background = std::make_unique<BackgroundReader>(database(), [this](BackgroundReader::Result result) {
        if (result.ok)
            install(std::move(result.rows), std::move(result.pager), true, {});
        else
            select(); // the second connection failed (a server restart, say): read over the window's own
        Q_EMIT busyChanged(false);
    });
}

void AgencyTableModel::selectSoon()
{
    if (!m_background || !m_loaded) {
        select();
        return;
    }
    const bool wasBusy = m_background->isBusy();
    m_background->read(pageQuery(), m_pageSize, 0);
    if (!wasBusy)
        Q_EMIT busyChanged(true);
}

void AgencyTableModel::setParentFilter(const QString& parentId)
{
    m_parentId = parentId;
    m_filter.matches.removeIf([&](const RowFilter::Match& match) { return match.column == m_spec.parentColumn; });
    if (!parentId.isEmpty() && !m_spec.parentColumn.isEmpty())
        m_filter.matches.append({ m_spec.parentColumn, { parentId } });
    applyFilter();
}

void AgencyTableModel::setShowDeleted(bool show)
{
    if (show == m_filter.includeDeleted)
        return;
    m_filter.includeDeleted = show;
    applyFilter();
}

void AgencyTableModel::setSearchText(const QString& text)
{
    if (text == m_filter.search)
        return;
    m_filter.search = text;
    applyFilter();
}

void AgencyTableModel::setOnlyRows(const QStringList& ids)
{
    if (ids == onlyRows())
        return;
    m_filter.matches.removeIf([](const RowFilter::Match& match) { return match.column == idColumn(); });
    if (!ids.isEmpty())
        m_filter.matches.append({ idColumn(), ids });
    applyFilter();
}

QStringList AgencyTableModel::onlyRows() const
{
    for (const RowFilter::Match& match : m_filter.matches) {
        if (match.column == idColumn())
            return match.values;
    }
    return {};
}

void AgencyTableModel::applyFilter()
{
    if (m_loaded || m_load != Load::OnDemand)
        selectSoon();
}

bool AgencyTableModel::mayHold(const QString& id) const
{
    return m_store.mayHold(m_filter, id);
}

QString AgencyTableModel::rowName(const QString& id)
{
    QString name;
    if (!m_spec.nameColumn.isEmpty()) {
        if (const int row = rowOfId(id); row >= 0)
            name = valueAt(row, m_spec.nameColumn).toString();
        else if (const auto typed = m_journal.value(id, m_spec.nameColumn))
            name = typed->toString();
    }
    return name.isEmpty() ? m_lookups.name(m_spec.table, id) : name;
}

} // namespace agency::tables
