// SPDX-License-Identifier: GPL-3.0-or-later
// AgencyTableModel's edits: what a person types goes into the journal (setData, new rows, reverts), and from there
// into the database by save() through the TableStore, with the conflicts that finds and their resolution.
#include "agencytablemodel.h"
#include "columnvalues.h"

#include <QCoreApplication>
#include <QDate>
#include <QScopedValueRollback>
#include <QSet>
#include <QUuid>

namespace agency::tables {

QVariantMap AgencyTableModel::editedRow(const QString& id) const
{
    return m_journal.rowToSave(id);
}

QList<Doubt> AgencyTableModel::doubts() const
{
    QList<Doubt> all;
    for (const QString& id : m_journal.ids()) {
        const EditJournal::Entry* entry = m_journal.find(id);
        if (entry)
            all << doubtsAbout(m_spec, id, entry->inserted ? QVariantMap() : entry->original, m_journal.rowToSave(id));
    }
    return all;
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
    // The first edit of a row records it as read, before the edit hides the original values.
    const bool first = !m_journal.contains(id);
    m_journal.edit(id, column->name, stored, first ? rowValues(row) : QVariantMap(),
        first ? rawAt(row, fieldIndex(stampColumn())) : QVariant());
    m_problems.removeIf([&](const FieldProblem& p) { return p.id == id && p.column == column->name; });
    Q_EMIT dataChanged(index, index);
    Q_EMIT headerDataChanged(Qt::Vertical, row, row);
    return true;
}

int AgencyTableModel::insertNewRow()
{
    if (!mayInsert())
        return -1;
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QVariantMap values { { idColumn(), id } };
    const QVariantMap defaults = defaultsForNewRow();
    for (auto it = defaults.cbegin(); it != defaults.cend(); ++it) {
        if (const ColumnSpec* column = m_spec.column(it.key()))
            values.insert(it.key(), fromStorage(*column, it.value()));
    }
    QVariantList row(m_store.fields().count());
    row[m_idColumn] = id;
    const QScopedValueRollback<bool> telling(m_signalling, true); // until the change has been told
    beginInsertRows({}, 0, 0);
    m_journal.addNew(id, values);
    m_rows.prepend(row);
    endInsertRows();
    return 0;
}

bool AgencyTableModel::insertRows(int row, int count, const QModelIndex& parent)
{
    if (row != 0 || count < 1 || parent.isValid())
        return false;
    for (int i = 0; i < count; ++i) {
        if (insertNewRow() < 0)
            return false;
    }
    return true;
}

bool AgencyTableModel::removeRows(int row, int count, const QModelIndex& parent)
{
    Q_UNUSED(row)
    Q_UNUSED(count)
    Q_UNUSED(parent)
    m_message = tr("Rows are deleted softly: use Delete, which can be undone");
    m_lastError = QSqlError(m_message, {}, QSqlError::StatementError);
    return false;
}

void AgencyTableModel::revertRow(int row)
{
    const QString id = idAt(row);
    if (id.isEmpty())
        return;
    const bool inserted = m_journal.isNew(id);
    m_journal.remove(id);
    m_problems.removeIf([&](const FieldProblem& p) { return p.id == id; });
    m_conflicts.resolve(id);
    if (inserted) { // a new row that was never saved: it goes
        const QScopedValueRollback<bool> telling(m_signalling, true); // until the change has been told
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
        return;
    }
    emitRowChanged(row);
}

bool AgencyTableModel::adoptJournal(EditJournal journal)
{
    if (!m_journal.isEmpty())
        return false;
    m_journal = std::move(journal);
    m_problems.clear();
    if (m_loaded)
        return reread(); // new rows on top again, edits over the rows read
    return true;
}

void AgencyTableModel::discardChanges()
{
    QSet<QString> inserted;
    for (const QString& id : m_journal.ids()) {
        if (m_journal.isNew(id))
            inserted.insert(id);
    }
    m_journal.clear();
    m_problems.clear();
    m_conflicts.clearConflicts();
    const QScopedValueRollback<bool> telling(m_signalling, true); // until the change has been told
    beginResetModel(); // new rows go, edited rows show what was read
    m_rows.removeIf([&](const QVariantList& row) { return inserted.contains(row.value(m_idColumn).toString()); });
    endResetModel();
}

QList<OutsideChange> AgencyTableModel::changedElsewhere(const QSet<QString>& ids, const QString& selectedId)
{
    QStringList watched = m_journal.ids();
    if (!selectedId.isEmpty() && !watched.contains(selectedId))
        watched << selectedId;
    QList<OutsideChange> changes;
    for (const QString& id : std::as_const(watched)) {
        if (!ids.contains(id) || m_journal.isNew(id))
            continue;
        QVariant readStamp;
        if (const EditJournal::Entry* entry = m_journal.find(id)) {
            readStamp = entry->readStamp;
        } else if (const int row = rowOfId(id); row >= 0) {
            readStamp = rawAt(row, fieldIndex(stampColumn()));
        } else {
            continue;
        }
        QVariant stamp;
        bool deleted = false;
        const QVariantMap now = m_store.currentRow(id, &stamp, &deleted);
        const bool wasDeleted = [&] {
            const int row = rowOfId(id);
            return row >= 0 && !valueAt(row, deletedColumn()).isNull();
        }();
        if (!now.isEmpty() && stamp == readStamp)
            continue; // as read here: a save that did not touch it after all
        OutsideChange change;
        change.id = id;
        change.name = rowName(id);
        change.deleted = now.isEmpty() || (deleted && !wasDeleted);
        change.edited = m_journal.contains(id);
        change.at = now.value(stampColumn()).toDateTime();
        changes << change;
    }
    return changes;
}

QVariantMap AgencyTableModel::defaultsForNewRow() const
{
    QVariantMap defaults;
    for (const ColumnSpec& column : m_spec.columns) {
        if (column.newRowValue.isValid())
            defaults.insert(column.name, column.newRowValue);
    }
    if (!m_parentId.isEmpty() && !m_spec.parentColumn.isEmpty())
        defaults.insert(m_spec.parentColumn, m_parentId);
    return defaults;
}

void checkDateOrder(const TableSpec& spec, const QString& id, const QVariantMap& row, QList<FieldProblem>& problems)
{
    if (spec.startColumn.isEmpty() || spec.endColumn.isEmpty())
        return;
    const QDate start = row.value(spec.startColumn).toDate();
    const QDate end = row.value(spec.endColumn).toDate();
    if (start.isValid() && end.isValid() && end < start) {
        problems.append({ id, spec.endColumn,
            QCoreApplication::translate("Rules", "%1 (%2) is before %3 (%4)")
                .arg(columnLabel(spec.endColumn), end.toString(Qt::ISODate), columnLabel(spec.startColumn),
                    start.toString(Qt::ISODate)) });
    }
}

void AgencyTableModel::checkRules(const QString& id, const QVariantMap& row, QList<FieldProblem>& problems)
{
    checkDateOrder(m_spec, id, row, problems);
}

bool AgencyTableModel::save()
{
    m_lastError = {};
    m_problems.clear();
    m_conflicts.clearConflicts();
    m_message.clear();
    if (m_journal.isEmpty())
        return true;
    if (isReadOnly()) {
        m_message = tr("This database is open read-only: nothing can be saved");
        return false;
    }

    // 1. Every edited row, every rule, before anything is written.
    QList<FieldProblem> problems;
    const QStringList ids = m_journal.ids();
    for (const QString& id : ids) {
        const EditJournal::Entry& pending = *m_journal.find(id);
        const QVariantMap values = editedRow(id);
        for (const ColumnSpec& column : m_spec.columns) {
            if (isAuditColumn(column.name) || (!pending.inserted && !pending.values.contains(column.name)))
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
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return false;
    }

    // 2. All of it in one transaction, or none of it.
    const TableStore::Written written = m_store.write(m_journal, m_conflicts);
    m_lastError = written.error;
    if (!written.began) {
        m_message = written.message;
        return false;
    }
    if (written.committed) {
        for (const QString& id : ids) {
            if (!written.deletedElsewhere.contains(id)) {
                m_journal.remove(id);
                m_conflicts.forget(id);
            }
        }
        m_lookups.markStale();
        reread(); // the stamps the database gave the rows just written, and the names they show
        Q_EMIT saved();
        if (written.deletedElsewhere.isEmpty())
            return true;
        // Their edits stay, for "save mine as a new row" or "discard mine".
        m_message = tr("Saved, except %n row(s) deleted on another desktop while you edited them: save yours as a new "
                       "row or discard them",
            nullptr, static_cast<int>(written.deletedElsewhere.size()));
        for (const QString& id : written.deletedElsewhere)
            Q_EMIT conflictDetected(id);
        return false;
    }
    m_message = written.message;
    reread(); // back to what the database holds, with every edit laid over it again
    for (const Conflict& conflict : m_conflicts.all())
        Q_EMIT conflictDetected(conflict.id);
    return false;
}

bool AgencyTableModel::saveMineAsNew(const QString& id)
{
    const Conflict* conflict = m_conflicts.find(id);
    if (!conflict || !conflict->deletedElsewhere || !conflict->theirs.isEmpty() || !m_journal.contains(id))
        return false;
    // The row as I would have saved it, added again under its id (nothing holds that id now); the database stamps
    // it anew.
    QVariantMap row = m_journal.rowToSave(id);
    for (const QString& audit : { createdColumn(), stampColumn(), deletedColumn() })
        row.remove(audit);
    m_journal.remove(id);
    m_journal.addNew(id, row);
    m_conflicts.forget(id);
    return true;
}

bool AgencyTableModel::keepMine(const QString& id)
{
    if (const Conflict* conflict = m_conflicts.find(id); conflict && conflict->deletedElsewhere
        && conflict->theirs.isEmpty()) // gone altogether: there is no version to keep mine over
        return saveMineAsNew(id);
    const QVariant stamp = m_conflicts.theirStamp(id);
    if (!stamp.isValid() || !m_journal.setReadStamp(id, stamp))
        return false;
    m_conflicts.resolve(id);
    return true;
}

bool AgencyTableModel::takeTheirs(const QString& id)
{
    if (!m_journal.remove(id))
        return false;
    m_conflicts.forget(id);
    return reread();
}

bool AgencyTableModel::merge(const QString& id, const QStringList& columnsFromTheirs)
{
    const Conflict* conflict = m_conflicts.find(id);
    if (!conflict)
        return false;
    const QVariantMap theirs = conflict->theirs;
    if (!keepMine(id))
        return false;
    for (const QString& column : columnsFromTheirs)
        m_journal.setValue(id, column, theirs.value(column));
    emitRowChanged(rowOfId(id));
    return true;
}

bool AgencyTableModel::mayEdit(int row, const QString& column) const
{
    if (m_readOnly)
        return false;
    if (const ColumnSpec* declared = m_spec.column(column); declared && declared->readOnly)
        return false;
    const QString id = idAt(row);
    if (!id.isEmpty() && m_journal.isNew(id))
        return m_rights.insert && m_rights.insertable.contains(column);
    return m_rights.updatable.contains(column);
}

bool AgencyTableModel::softDelete(const QStringList& ids)
{
    m_message.clear();
    if (!m_store.softDelete(ids, &m_message))
        return false;
    for (const QString& id : ids) { // the user chose to delete these: their unsaved edits go with them
        m_journal.remove(id);
    }
    return reread();
}

bool AgencyTableModel::restore(const QStringList& ids)
{
    m_message.clear();
    if (!m_store.restore(ids, &m_message))
        return false;
    return reread();
}

} // namespace agency::tables
