// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tablespec.h"

#include <QHash>
#include <QList>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

namespace agency::tables {

// Someone else changed (or deleted) a row this model was saving. Both versions stay available until resolved.
struct Conflict {
    QString id;
    bool deletedElsewhere = false;
    QStringList columns; // the columns I edited
    QVariantMap mine; // my values for those columns
    QVariantMap original; // the row as I read it
    QVariantMap theirs; // the row as it is now (empty when it is gone)
    QStringList changedByThem; // columns whose value differs between original and theirs
    QString changedBy; // who made their version, as the history names them (empty where there is no history)
    QString changedVia; // and with what: app, cli-import or other
};

// The conflicts a save found, one per row, and the stamp each row carries now (what "keep mine" saves against, so
// that the next save overwrites exactly the version that was reviewed, and nothing newer). Pure data: no database.
class ConflictSet {
public:
    // A conflict on `id` of a table described by `spec`: my edits, the row as I read it, and as it is now (empty:
    // deleted for good; `deleted`: soft-deleted). The columns they changed are the ones whose value differs from
    // what I read, audit columns aside.
    static Conflict describe(const TableSpec& spec, const QString& id, const QVariantMap& mine,
        const QVariantMap& original, const QVariantMap& theirs, bool deleted);

    // Records it (replacing an older one on the same row) with the stamp their version carries.
    void add(Conflict conflict, const QVariant& theirStamp);
    const Conflict* find(const QString& id) const;
    QList<Conflict> all() const { return m_conflicts; }
    bool isEmpty() const { return m_conflicts.isEmpty(); }
    // Their version's stamp (invalid when none is known), kept after the conflict is resolved by keeping mine.
    QVariant theirStamp(const QString& id) const { return m_stamps.value(id); }

    void resolve(const QString& id); // the conflict goes; the stamp stays for the next save
    void forget(const QString& id); // both go (their version taken, or the edit dropped)
    void clearConflicts(); // a new save attempt finds them again
    void clear(); // everything saved: nothing is pending any more

private:
    QList<Conflict> m_conflicts;
    QHash<QString, QVariant> m_stamps;
};

} // namespace agency::tables
