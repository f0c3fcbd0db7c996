// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>
#include <optional>

namespace agency::tables {

// This desktop's unsaved changes to one table, by row id: new rows, and the edited columns of rows read, each edited
// row with its values as read and the updated_at that guards its save. It knows no database and no view: a table
// model lays it over the rows it reads and writes it when saving, so a re-read never loses an edit and a row need
// not be on screen to be saved.
class EditJournal {
public:
    struct Entry {
        bool inserted = false;
        QVariant readStamp; // updated_at as read, in the driver's own form (edited rows)
        QVariantMap original; // the row as read (edited rows)
        QVariantMap values; // my values: the edited columns, or every value of a new row
    };

    bool isEmpty() const { return m_entries.isEmpty(); }
    bool contains(const QString& id) const { return m_entries.contains(id); }
    const Entry* find(const QString& id) const;
    // New rows first (the newest on top, as the table shows them), then edited rows in the order first edited.
    QStringList ids() const { return m_order; }

    // A new row with its first values (its id among them).
    void addNew(const QString& id, const QVariantMap& values);
    // An edit of `column`. The first edit of a row read records it as read: `original` and its `readStamp`.
    void edit(const QString& id, const QString& column, const QVariant& value, const QVariantMap& original,
        const QVariant& readStamp);
    // Lays `value` in after a merge with someone else's version (the row must be in the journal).
    bool setValue(const QString& id, const QString& column, const QVariant& value);
    // After a conflict the user settled with "keep mine": the next save is guarded by their stamp instead.
    bool setReadStamp(const QString& id, const QVariant& stamp);
    bool remove(const QString& id);
    void clear();

    // My value of `column` in row `id`, if I changed (or, for a new row, set) it.
    std::optional<QVariant> value(const QString& id, const QString& column) const;
    bool isNew(const QString& id) const;
    // Whether the cell holds an unsaved value: any column of a new row, or an edited column.
    bool isEdited(const QString& id, const QString& column) const;
    // The row as a save would write it: as read, with my values over it (empty when not in the journal).
    QVariantMap rowToSave(const QString& id) const;

    // Every entry as bytes, each value with its type (what a recovery file keeps), and back: nullopt for bytes that
    // are not a journal this version wrote.
    QByteArray toBytes() const;
    static std::optional<EditJournal> fromBytes(const QByteArray& bytes);

private:
    QHash<QString, Entry> m_entries;
    QStringList m_order;
};

} // namespace agency::tables
