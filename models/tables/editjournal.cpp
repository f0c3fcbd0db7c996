// SPDX-License-Identifier: GPL-3.0-or-later
#include "editjournal.h"

#include <QDataStream>
#include <QIODevice>

namespace agency::tables {

const EditJournal::Entry* EditJournal::find(const QString& id) const
{
    const auto it = m_entries.constFind(id);
    return it == m_entries.cend() ? nullptr : &*it;
}

void EditJournal::addNew(const QString& id, const QVariantMap& values)
{
    if (m_entries.contains(id))
        m_order.removeAll(id);
    Entry entry;
    entry.inserted = true;
    entry.values = values;
    m_entries.insert(id, entry);
    m_order.prepend(id);
}

void EditJournal::edit(const QString& id, const QString& column, const QVariant& value, const QVariantMap& original,
    const QVariant& readStamp)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end()) {
        Entry entry;
        entry.readStamp = readStamp;
        entry.original = original;
        it = m_entries.insert(id, entry);
        m_order << id;
    }
    it->values.insert(column, value);
}

bool EditJournal::setValue(const QString& id, const QString& column, const QVariant& value)
{
    const auto it = m_entries.find(id);
    if (it == m_entries.end())
        return false;
    it->values.insert(column, value);
    return true;
}

bool EditJournal::setReadStamp(const QString& id, const QVariant& stamp)
{
    const auto it = m_entries.find(id);
    if (it == m_entries.end() || it->inserted)
        return false;
    it->readStamp = stamp;
    return true;
}

bool EditJournal::remove(const QString& id)
{
    m_order.removeAll(id);
    return m_entries.remove(id);
}

void EditJournal::clear()
{
    m_entries.clear();
    m_order.clear();
}

std::optional<QVariant> EditJournal::value(const QString& id, const QString& column) const
{
    const Entry* entry = find(id);
    if (!entry)
        return std::nullopt;
    const auto it = entry->values.constFind(column);
    if (it == entry->values.cend())
        return std::nullopt;
    return *it;
}

bool EditJournal::isNew(const QString& id) const
{
    const Entry* entry = find(id);
    return entry && entry->inserted;
}

bool EditJournal::isEdited(const QString& id, const QString& column) const
{
    const Entry* entry = find(id);
    return entry && (entry->inserted || entry->values.contains(column));
}

QVariantMap EditJournal::rowToSave(const QString& id) const
{
    const Entry* entry = find(id);
    if (!entry)
        return {};
    QVariantMap row = entry->original;
    for (auto it = entry->values.cbegin(); it != entry->values.cend(); ++it)
        row.insert(it.key(), it.value());
    return row;
}

namespace {
    constexpr quint32 journalFormat = 1;
}

QByteArray EditJournal::toBytes() const
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << journalFormat << m_order;
    for (const QString& id : m_order) {
        const Entry& entry = m_entries[id];
        out << entry.inserted << entry.readStamp << entry.original << entry.values;
    }
    return bytes;
}

std::optional<EditJournal> EditJournal::fromBytes(const QByteArray& bytes)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 format = 0;
    QStringList order;
    in >> format;
    if (format != journalFormat)
        return std::nullopt;
    in >> order;
    EditJournal journal;
    for (const QString& id : std::as_const(order)) {
        Entry entry;
        in >> entry.inserted >> entry.readStamp >> entry.original >> entry.values;
        if (in.status() != QDataStream::Ok || id.isEmpty() || journal.m_entries.contains(id))
            return std::nullopt;
        journal.m_entries.insert(id, entry);
    }
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return std::nullopt;
    journal.m_order = order;
    return journal;
}

} // namespace agency::tables
