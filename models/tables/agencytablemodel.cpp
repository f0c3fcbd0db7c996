// SPDX-License-Identifier: GPL-3.0-or-later
#include "agencytablemodel.h"

#include "columnvalues.h"
#include "db/database.h"
#include "db/sqlerror.h"
#include "domain/kpis.h"
#include "domain/money.h"
#include "domain/vocabulary.h"
#include "softdeletion.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

namespace agency::tables {

namespace {
    bool isAudit(const QString& column)
    {
        return column == QStringLiteral("created_at") || column == QStringLiteral("updated_at")
            || column == QStringLiteral("deleted_at");
    }

    QString escapeLike(const QString& text)
    {
        QString escaped;
        for (const QChar c : text) {
            if (c == u'\\' || c == u'%' || c == u'_')
                escaped += u'\\';
            escaped += c;
        }
        return escaped;
    }
}

AgencyTableModel::AgencyTableModel(const TableSpec& spec, QSqlDatabase db, QObject* parent, Load load)
    : QSqlTableModel(parent, db)
    , m_spec(spec)
    , m_dialect(db::dialectOf(db))
    , m_lookups(db)
    , m_load(load)
{
    setEditStrategy(OnManualSubmit);
    setTable(spec.table);
    // Rows that move invalidate rowOfId()'s index.
    connect(this, &QAbstractItemModel::modelReset, this, &AgencyTableModel::forgetRowIndex);
    connect(this, &QAbstractItemModel::layoutChanged, this, &AgencyTableModel::forgetRowIndex);
    connect(this, &QAbstractItemModel::rowsInserted, this, &AgencyTableModel::forgetRowIndex);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &AgencyTableModel::forgetRowIndex);
    connect(this, &QSqlTableModel::primeInsert, this, [this](int, QSqlRecord& record) {
        const QString id = m_nextId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : m_nextId;
        record.setValue(QStringLiteral("id"), id);
        record.setGenerated(QStringLiteral("id"), true);
        if (!m_nextId.isEmpty())
            return; // restoring a journalled row: its own values follow
        const QVariantMap defaults = defaultsForNewRow();
        for (auto it = defaults.cbegin(); it != defaults.cend(); ++it) {
            record.setValue(it.key(), it.value());
            record.setGenerated(it.key(), true);
        }
    });
    setFilter(filterText()); // the concrete model decides when to select
}

const ColumnSpec* AgencyTableModel::columnAt(int column) const
{
    if (column < 0 || column >= record().count())
        return nullptr;
    return m_spec.column(record().fieldName(column));
}

QString AgencyTableModel::idAt(int row) const
{
    return QSqlTableModel::data(index(row, fieldIndex(QStringLiteral("id"))), Qt::EditRole).toString();
}

QVariant AgencyTableModel::valueAt(int row, const QString& column) const
{
    const ColumnSpec* spec = m_spec.column(column);
    if (!spec)
        return {};
    return fromStorage(*spec, QSqlTableModel::data(index(row, fieldIndex(column)), Qt::EditRole));
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
    // as rows are fetched; rows that move (reset, insert, remove) empty it.
    const size_t key = qHash(id);
    while (true) {
        for (auto it = m_rowsByIdHash.constFind(key); it != m_rowsByIdHash.cend() && it.key() == key; ++it) {
            if (idAt(it.value()) == id)
                return it.value();
        }
        if (m_indexedRows < rowCount()) {
            m_rowsByIdHash.reserve(rowCount());
            for (; m_indexedRows < rowCount(); ++m_indexedRows)
                m_rowsByIdHash.insert(qHash(idAt(m_indexedRows)), m_indexedRows);
            continue;
        }
        if (!canFetchMore())
            return -1;
        fetchMore();
    }
}

bool AgencyTableModel::refresh()
{
    if (!m_loaded)
        return true;
    m_lookups.clear();
    return select();
}

void AgencyTableModel::forgetNames()
{
    m_lookups.clear();
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), { Qt::DisplayRole });
}

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

QString AgencyTableModel::displayText(const ColumnSpec& column, const QVariant& value) const
{
    if (!value.isValid() || value.isNull())
        return {};
    const QLocale locale;
    switch (column.kind) {
    case ColumnKind::Money:
        if (const auto money = domain::Money::parse(value.toString()))
            return money->toDisplayString(locale);
        return value.toString();
    case ColumnKind::Percent:
        if (const auto percent = domain::Percent::parse(value.toString()))
            return percent->toDisplayString(locale);
        return value.toString();
    case ColumnKind::Date:
        return value.toDate().toString(Qt::ISODate);
    case ColumnKind::Instant:
        return value.toDateTime().toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case ColumnKind::Boolean:
        return {};
    case ColumnKind::Reference: {
        const QString name = m_lookups.name(column.references, value.toString());
        return name.isEmpty() ? value.toString() : name;
    }
    case ColumnKind::PlaneReference: {
        if (!m_lookups.plane().isAvailable())
            return value.toString();
        const QString name = column.name == QStringLiteral("plane_workspace_id")
            ? m_lookups.workspaceName(value.toString())
            : m_lookups.projectName(value.toString());
        return name.isEmpty() ? tr("%1 (not in Plane)").arg(value.toString()) : name;
    }
    case ColumnKind::Choice:
        return column.name == QStringLiteral("status") ? domain::statusLabel(value.toString()) : value.toString();
    case ColumnKind::Kpis: {
        const auto kpis = domain::Kpis::parse(value.toString(), column.name, nullptr);
        if (!kpis)
            return value.toString();
        QStringList parts;
        for (auto it = kpis->values().cbegin(); it != kpis->values().cend(); ++it)
            parts << it.key() + u' ' + locale.toString(it.value(), 'g', 12);
        return parts.join(QStringLiteral(" · "));
    }
    case ColumnKind::JsonArray:
        if (const auto features = domain::parseFeatures(value.toString(), nullptr))
            return features->join(QStringLiteral(", "));
        return value.toString();
    default:
        return value.toString();
    }
}

QVariant AgencyTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const ColumnSpec* column = columnAt(index.column());
    if (!column)
        return QSqlTableModel::data(index, role);
    QVariant value = fromStorage(*column, QSqlTableModel::data(index, Qt::EditRole));
    switch (role) {
    case Qt::DisplayRole:
        return displayText(*column, value);
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
        return !valueAt(index.row(), QStringLiteral("deleted_at")).isNull();
    case IsEditedRole: {
        const auto it = m_pending.constFind(idAt(index.row()));
        return it != m_pending.cend() && (it->inserted || it->values.contains(column->name));
    }
    default:
        return {};
    }
}

Qt::ItemFlags AgencyTableModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = QSqlTableModel::flags(index);
    const ColumnSpec* column = columnAt(index.column());
    if (!column)
        return flags;
    if (m_readOnly || column->kind == ColumnKind::Uuid || isAudit(column->name))
        flags &= ~Qt::ItemIsEditable;
    if (column->kind == ColumnKind::Boolean)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant AgencyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < record().count())
        return columnLabel(record().fieldName(section));
    if (orientation == Qt::Vertical && role == Qt::DisplayRole && section >= 0 && section < rowCount()) {
        const auto it = m_pending.constFind(idAt(section));
        if (it != m_pending.cend()) // an unsaved row: new (+) or edited (✎)
            return it->inserted ? QStringLiteral("+") : QStringLiteral("\u270E");
        return section + 1;
    }
    return QSqlTableModel::headerData(section, orientation, role);
}

bool AgencyTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    const ColumnSpec* column = columnAt(index.column());
    if (!column || !(flags(index) & Qt::ItemIsEditable))
        return false;
    QVariant stored = value;
    if (role == Qt::CheckStateRole && column->kind == ColumnKind::Boolean)
        stored = value.toInt() == Qt::Checked;
    else if (role != Qt::EditRole)
        return false;
    stored = isNullValue(stored) ? QVariant() : fromStorage(*column, stored);

    const int row = index.row();
    const QString id = idAt(row);
    const QVariant before = valueAt(row, column->name);
    if (before == stored && before.isNull() == stored.isNull())
        return true; // nothing changed: no journal entry, no "edited" mark
    if (!m_pending.contains(id)) {
        // First edit of this row: remember it as read, before the edit hides the original values.
        PendingRow pending;
        pending.readStamp
            = QSqlTableModel::data(this->index(row, fieldIndex(QStringLiteral("updated_at"))), Qt::EditRole);
        pending.original = rowValues(row);
        m_pending.insert(id, pending);
        m_order << id;
    }
    if (!QSqlTableModel::setData(index, stored, Qt::EditRole))
        return false;
    m_pending[id].values.insert(column->name, stored);
    m_problems.removeIf([&](const FieldProblem& p) { return p.id == id && p.column == column->name; });
    Q_EMIT dataChanged(index, index);
    return true;
}

int AgencyTableModel::insertNewRow()
{
    if (m_readOnly || !insertRow(0))
        return -1;
    const QString id = idAt(0);
    PendingRow pending;
    pending.inserted = true;
    for (int c = 0; c < record().count(); ++c) {
        const QString name = record().fieldName(c);
        const QVariant value = valueAt(0, name);
        if (!isNullValue(value) && !isAudit(name))
            pending.values.insert(name, value);
    }
    m_pending.insert(id, pending);
    m_order.prepend(id);
    return 0;
}

void AgencyTableModel::revertRow(int row)
{
    const QString id = idAt(row);
    m_pending.remove(id);
    m_order.removeAll(id);
    m_problems.removeIf([&](const FieldProblem& p) { return p.id == id; });
    m_conflicts.removeIf([&](const Conflict& c) { return c.id == id; });
    QSqlTableModel::revertRow(row);
}

void AgencyTableModel::discardChanges()
{
    m_pending.clear();
    m_order.clear();
    m_problems.clear();
    m_conflicts.clear();
    revertAll();
}

void AgencyTableModel::setSort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    QSqlTableModel::setSort(column, order);
}

void AgencyTableModel::sort(int column, Qt::SortOrder order)
{
    if (m_loaded && column == m_sortColumn && order == m_sortOrder)
        return;
    setSort(column, order);
    if (m_loaded || m_load != Load::OnDemand)
        select();
}

QString AgencyTableModel::orderByClause() const
{
    // A reference column sorts by the name it shows (client, tier), not by the hidden id; ties by id.
    const ColumnSpec* column = m_sortColumn >= 0 ? columnAt(m_sortColumn) : nullptr;
    const QString byName = column ? LookupNames::nameExpression(*column, m_spec.table) : QString();
    if (byName.isEmpty())
        return QSqlTableModel::orderByClause();
    return QStringLiteral("ORDER BY %1 %2, %3.id")
        .arg(byName, m_sortOrder == Qt::DescendingOrder ? QStringLiteral("DESC") : QStringLiteral("ASC"), m_spec.table);
}

bool AgencyTableModel::select()
{
    m_loaded = true;
    if (m_saving || m_pending.isEmpty())
        return QSqlTableModel::select();
    const auto pending = m_pending;
    const auto order = m_order;
    m_pending.clear();
    m_order.clear();
    const bool ok = QSqlTableModel::select();
    reapply(pending, order);
    return ok;
}

void AgencyTableModel::reapply(const QHash<QString, PendingRow>& pending, const QStringList& order)
{
    // Inserted rows go back on top in their order; edited rows find their row by id wherever it now is.
    for (qsizetype i = order.size() - 1; i >= 0; --i) {
        const QString& id = order.at(i);
        const PendingRow& saved = pending.value(id);
        if (!saved.inserted)
            continue;
        m_nextId = id;
        const bool inserted = insertRow(0);
        m_nextId.clear();
        if (!inserted)
            continue;
        PendingRow restored;
        restored.inserted = true;
        m_pending.insert(id, restored);
        m_order.prepend(id);
        for (auto v = saved.values.cbegin(); v != saved.values.cend(); ++v) {
            if (v.key() != QStringLiteral("id"))
                QSqlTableModel::setData(index(0, fieldIndex(v.key())), v.value(), Qt::EditRole);
        }
        m_pending[id].values = saved.values;
    }
    for (const QString& id : order) {
        const PendingRow& saved = pending.value(id);
        if (saved.inserted)
            continue;
        m_pending.insert(id, saved); // keeps the stamp as first read: a refresh never legitimises a stale edit
        m_order << id;
        const int row = rowOfId(id);
        if (row < 0)
            continue; // filtered out or gone: the journal still holds the edits and save() writes them
        for (auto v = saved.values.cbegin(); v != saved.values.cend(); ++v)
            QSqlTableModel::setData(index(row, fieldIndex(v.key())), v.value(), Qt::EditRole);
    }
}

QString AgencyTableModel::formatLiteral(const QString& value) const
{
    QSqlField field(QStringLiteral("v"), QMetaType(QMetaType::QString));
    field.setValue(value);
    return database().driver()->formatValue(field);
}

void AgencyTableModel::setScope(const QString& column, const QString& value)
{
    m_scopeColumn = column;
    m_scopeValue = value;
    applyFilter();
}

void AgencyTableModel::setShowDeleted(bool show)
{
    if (show == m_showDeleted)
        return;
    m_showDeleted = show;
    applyFilter();
}

void AgencyTableModel::setSearchText(const QString& text)
{
    if (text == m_search)
        return;
    m_search = text;
    applyFilter();
}

void AgencyTableModel::applyFilter()
{
    const bool wasActive = query().isActive();
    setFilter(filterText()); // re-selects by itself when already active
    if (!wasActive && m_load != Load::OnDemand)
        select();
}

QString AgencyTableModel::filterText() const
{
    // setFilter() takes raw SQL: every value in it goes through the driver's literal formatting.
    QStringList parts;
    if (!m_showDeleted)
        parts << QStringLiteral("deleted_at IS NULL");
    if (!m_scopeColumn.isEmpty())
        parts << m_scopeColumn + QStringLiteral(" = ") + formatLiteral(m_scopeValue);
    if (const QString text = m_search.trimmed(); !text.isEmpty()) {
        const QString pattern = formatLiteral(u'%' + escapeLike(text.toLower()) + u'%');
        QStringList any;
        for (const ColumnSpec& column : m_spec.columns) {
            if (column.kind == ColumnKind::Text || column.kind == ColumnKind::Choice)
                any << QStringLiteral("lower(%1) LIKE %2 ESCAPE '\\'").arg(column.name, pattern);
            else if (const QString names = LookupNames::nameMatches(column, pattern); !names.isEmpty())
                any << names; // what the table shows for a reference: the client's or tier's name
        }
        parts << u'(' + any.join(QStringLiteral(" OR ")) + u')';
    }
    return parts.join(QStringLiteral(" AND "));
}

bool AgencyTableModel::insertRowIntoTable(const QSqlRecord& values)
{
    QStringList columns;
    QStringList marks;
    QVariantList binds;
    for (int i = 0; i < values.count(); ++i) {
        const QString name = values.fieldName(i);
        const ColumnSpec* column = m_spec.column(name);
        if (!column || isAudit(name) || isNullValue(values.value(i)))
            continue;
        columns << name;
        marks << QStringLiteral("?");
        binds << toStorage(*column, values.value(i), m_dialect);
    }
    QSqlQuery insert(database());
    insert.prepare(
        QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(m_spec.table, columns.join(u','), marks.join(u',')));
    for (const QVariant& value : std::as_const(binds))
        insert.addBindValue(value);
    if (insert.exec())
        return true;
    m_message = db::reportSqlError(tr("Adding a row to %1").arg(m_spec.table), insert.lastError());
    setLastError(insert.lastError());
    return false;
}

QVariantMap AgencyTableModel::currentRow(const QString& id, QVariant* stamp, bool* deleted)
{
    QVariantMap row;
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT * FROM %1 WHERE id = ?").arg(m_spec.table));
    query.addBindValue(id);
    if (!query.exec()) {
        db::reportSqlError(tr("Reading the current version of a row"), query.lastError());
        return row;
    }
    if (!query.next())
        return row;
    const QSqlRecord record = query.record();
    for (int i = 0; i < record.count(); ++i) {
        if (const ColumnSpec* column = m_spec.column(record.fieldName(i)))
            row.insert(column->name, fromStorage(*column, query.value(i)));
    }
    *stamp = query.value(QStringLiteral("updated_at"));
    *deleted = !row.value(QStringLiteral("deleted_at")).isNull();
    return row;
}

bool AgencyTableModel::updateRowInTable(int row, const QSqlRecord& values)
{
    Q_UNUSED(values) // the journal holds exactly what this desktop changed
    return writeUpdate(idAt(row));
}

bool AgencyTableModel::writeUpdate(const QString& id)
{
    const auto it = m_pending.constFind(id);
    if (it == m_pending.cend())
        return true;
    const PendingRow& pending = *it;

    QStringList sets;
    QVariantList binds;
    for (auto v = pending.values.cbegin(); v != pending.values.cend(); ++v) {
        const ColumnSpec* column = m_spec.column(v.key());
        if (!column || column->kind == ColumnKind::Uuid || isAudit(column->name))
            continue;
        sets << column->name + QStringLiteral(" = ?");
        binds << toStorage(*column, v.value(), m_dialect);
    }
    if (sets.isEmpty())
        return true;
    QSqlQuery update(database());
    update.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE id = ? AND updated_at = ?")
                       .arg(m_spec.table, sets.join(QStringLiteral(", "))));
    for (const QVariant& value : std::as_const(binds))
        update.addBindValue(value);
    update.addBindValue(id);
    update.addBindValue(pending.readStamp);
    if (!update.exec()) {
        m_message = db::reportSqlError(tr("Saving a row of %1").arg(m_spec.table), update.lastError());
        setLastError(update.lastError());
        return false;
    }
    if (update.numRowsAffected() == 1)
        return true;

    // Nobody's row matched the stamp this desktop read: someone else saved (or deleted) it first.
    Conflict conflict;
    conflict.id = id;
    conflict.columns = pending.values.keys();
    conflict.mine = pending.values;
    conflict.original = pending.original;
    QVariant theirStamp;
    bool deleted = false;
    conflict.theirs = currentRow(id, &theirStamp, &deleted);
    conflict.deletedElsewhere = conflict.theirs.isEmpty() || deleted;
    for (const ColumnSpec& column : m_spec.columns) {
        if (!isAudit(column.name) && conflict.theirs.value(column.name) != conflict.original.value(column.name))
            conflict.changedByThem << column.name;
    }
    m_conflictStamps.insert(id, theirStamp);
    m_conflicts.removeIf([&](const Conflict& c) { return c.id == id; });
    m_conflicts << conflict;
    const QDateTime when = conflict.theirs.value(QStringLiteral("updated_at")).toDateTime().toLocalTime();
    m_message = conflict.deletedElsewhere ? tr("This row was deleted by someone else: keep your version or let it go")
                                          : tr("This row was changed by someone else at %1: review both versions")
                                                .arg(when.toString(QStringLiteral("HH:mm")));
    setLastError(QSqlError(m_message, {}, QSqlError::TransactionError));
    return false;
}

bool AgencyTableModel::deleteRowFromTable(int row)
{
    Q_UNUSED(row)
    m_message = tr("Rows are deleted softly: use Delete, which can be undone");
    setLastError(QSqlError(m_message, {}, QSqlError::StatementError));
    return false;
}

void AgencyTableModel::checkRules(const QString& id, const QVariantMap& row, QList<FieldProblem>& problems)
{
    Q_UNUSED(id)
    Q_UNUSED(row)
    Q_UNUSED(problems)
}

bool AgencyTableModel::save()
{
    m_problems.clear();
    m_conflicts.clear();
    m_message.clear();
    if (m_pending.isEmpty())
        return true;
    if (m_readOnly) {
        m_message = tr("This database is open read-only: nothing can be saved");
        return false;
    }

    // 1. Every edited row, every rule, before anything is written.
    QList<FieldProblem> problems;
    for (const QString& id : std::as_const(m_order)) {
        const PendingRow& pending = m_pending[id];
        const int row = rowOfId(id);
        QVariantMap values = row >= 0 ? rowValues(row) : pending.original;
        if (row < 0) {
            for (auto v = pending.values.cbegin(); v != pending.values.cend(); ++v)
                values.insert(v.key(), v.value());
        }
        for (const ColumnSpec& column : m_spec.columns) {
            if (isAudit(column.name) || (!pending.inserted && !pending.values.contains(column.name)))
                continue;
            if (const QString problem = problemWith(column, values.value(column.name)); !problem.isEmpty())
                problems.append({ id, column.name, problem });
        }
        checkRules(id, values, problems);
    }
    if (!problems.isEmpty()) {
        m_problems = problems;
        QStringList lines;
        for (const FieldProblem& problem : std::as_const(problems))
            lines << problem.message;
        m_message = tr("Nothing was saved: %1").arg(lines.join(QStringLiteral("; ")));
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return false;
    }

    // 2. All of it in one transaction, or none of it.
    QSqlDatabase db = database();
    if (!db.transaction()) {
        m_message = db::isConnectionLost(db.lastError()) || !db.isOpen()
            ? tr("The connection to the database is lost: nothing was saved, and your edits are kept. Save again once "
                 "it is back.")
            : db::reportSqlError(tr("Starting to save"), db.lastError());
        if (db::isConnectionLost(db.lastError()))
            db::reportSqlError(tr("Starting to save"), db.lastError());
        return false;
    }
    m_saving = true;
    bool ok = true;
    for (const QString& id : std::as_const(m_order)) { // edits to rows the current filter hides
        if (ok && !m_pending[id].inserted && rowOfId(id) < 0)
            ok = writeUpdate(id);
    }
    ok = ok && submitAll();
    m_saving = false;
    if (ok && db.commit()) {
        m_pending.clear();
        m_order.clear();
        m_conflictStamps.clear();
        m_lookups.clear();
        Q_EMIT saved();
        return true;
    }
    if (m_message.isEmpty())
        m_message = db::reportSqlError(
            tr("Saving %1").arg(m_spec.table), lastError().isValid() ? lastError() : db.lastError());
    if (!db.rollback())
        db::reportSqlError(tr("Rolling back a failed save"), db.lastError());
    select(); // back to what the database holds, with every edit laid over it again
    for (const Conflict& conflict : std::as_const(m_conflicts))
        Q_EMIT conflictDetected(conflict.id);
    return false;
}

bool AgencyTableModel::keepMine(const QString& id)
{
    const auto stamp = m_conflictStamps.constFind(id);
    if (stamp == m_conflictStamps.cend() || !m_pending.contains(id) || !stamp->isValid())
        return false;
    m_pending[id].readStamp = *stamp;
    m_conflicts.removeIf([&](const Conflict& c) { return c.id == id; });
    return true;
}

bool AgencyTableModel::takeTheirs(const QString& id)
{
    if (!m_pending.contains(id))
        return false;
    m_pending.remove(id);
    m_order.removeAll(id);
    m_conflicts.removeIf([&](const Conflict& c) { return c.id == id; });
    m_conflictStamps.remove(id);
    return select();
}

bool AgencyTableModel::merge(const QString& id, const QStringList& columnsFromTheirs)
{
    const auto conflict
        = std::find_if(m_conflicts.cbegin(), m_conflicts.cend(), [&](const Conflict& c) { return c.id == id; });
    if (conflict == m_conflicts.cend())
        return false;
    const QVariantMap theirs = conflict->theirs;
    if (!keepMine(id))
        return false;
    const int row = rowOfId(id);
    for (const QString& column : columnsFromTheirs) {
        if (row >= 0)
            QSqlTableModel::setData(index(row, fieldIndex(column)), theirs.value(column), Qt::EditRole);
        m_pending[id].values.insert(column, theirs.value(column));
    }
    return true;
}

bool AgencyTableModel::mayUpdate(QSqlDatabase db, const QString& table)
{
    if (db::dialectOf(db) != db::Dialect::PostgreSQL)
        return true;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT has_table_privilege(?, 'UPDATE') AND has_table_privilege(?, 'INSERT')"));
    query.addBindValue(table);
    query.addBindValue(table);
    if (!query.exec() || !query.next()) {
        db::reportSqlError(tr("Checking the right to change %1").arg(table), query.lastError());
        return false;
    }
    return query.value(0).toBool();
}

bool AgencyTableModel::softDelete(const QStringList& ids)
{
    m_message.clear();
    if (!tables::softDelete(database(), m_spec.table, ids, &m_message))
        return false;
    for (const QString& id : ids) { // the user chose to delete these: their unsaved edits go with them
        m_pending.remove(id);
        m_order.removeAll(id);
    }
    return select();
}

bool AgencyTableModel::restore(const QStringList& ids)
{
    m_message.clear();
    if (!tables::restore(database(), m_spec.table, ids, &m_message))
        return false;
    return select();
}

} // namespace agency::tables
