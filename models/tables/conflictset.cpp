// SPDX-License-Identifier: GPL-3.0-or-later
#include "conflictset.h"

namespace agency::tables {

Conflict ConflictSet::describe(const TableSpec& spec, const QString& id, const QVariantMap& mine,
    const QVariantMap& original, const QVariantMap& theirs, bool deleted)
{
    Conflict conflict;
    conflict.id = id;
    conflict.columns = mine.keys();
    conflict.mine = mine;
    conflict.original = original;
    conflict.theirs = theirs;
    conflict.deletedElsewhere = theirs.isEmpty() || deleted;
    for (const ColumnSpec& column : spec.columns) {
        if (!isAuditColumn(column.name) && theirs.value(column.name) != original.value(column.name))
            conflict.changedByThem << column.name;
    }
    return conflict;
}

void ConflictSet::add(Conflict conflict, const QVariant& theirStamp)
{
    m_stamps.insert(conflict.id, theirStamp);
    const QString id = conflict.id;
    m_conflicts.removeIf([&](const Conflict& c) { return c.id == id; });
    m_conflicts << std::move(conflict);
}

const Conflict* ConflictSet::find(const QString& id) const
{
    for (const Conflict& conflict : m_conflicts) {
        if (conflict.id == id)
            return &conflict;
    }
    return nullptr;
}

void ConflictSet::resolve(const QString& id)
{
    m_conflicts.removeIf([&](const Conflict& c) { return c.id == id; });
}

void ConflictSet::forget(const QString& id)
{
    resolve(id);
    m_stamps.remove(id);
}

void ConflictSet::clearConflicts()
{
    m_conflicts.clear();
}

void ConflictSet::clear()
{
    m_conflicts.clear();
    m_stamps.clear();
}

} // namespace agency::tables
