// SPDX-License-Identifier: GPL-3.0-or-later
#include "editsession.h"

#include "agencytablemodel.h"

#include <QCoreApplication>
#include <algorithm>

namespace agency::tables {

EditSession::EditSession(QList<AgencyTableModel*> parentsFirst)
    : m_models(std::move(parentsFirst))
{
}

bool EditSession::hasUnsavedChanges() const
{
    return std::any_of(
        m_models.cbegin(), m_models.cend(), [](const AgencyTableModel* m) { return m->hasPendingChanges(); });
}

AgencyTableModel* EditSession::saveAll(const std::function<bool(AgencyTableModel*)>& save) const
{
    for (AgencyTableModel* model : m_models) {
        if (model->hasPendingChanges() && !save(model))
            return model;
    }
    return nullptr;
}

void EditSession::discardAll() const
{
    for (AgencyTableModel* model : m_models)
        model->discardChanges();
}

QMap<QString, QByteArray> EditSession::unsavedEdits() const
{
    QMap<QString, QByteArray> edits;
    for (const AgencyTableModel* model : m_models) {
        if (model->hasPendingChanges())
            edits.insert(model->tableName(), model->journal().toBytes());
    }
    return edits;
}

int EditSession::adoptEdits(const QMap<QString, QByteArray>& edits, QString* error) const
{
    int rows = 0;
    QStringList refused;
    for (auto it = edits.cbegin(); it != edits.cend(); ++it) {
        AgencyTableModel* model = modelOf(it.key());
        auto journal = EditJournal::fromBytes(it.value());
        if (!model || !journal) {
            refused << it.key();
            continue;
        }
        const auto count = static_cast<int>(journal->ids().size());
        if (!model->adoptJournal(std::move(*journal))) {
            refused << it.key();
            continue;
        }
        rows += count;
    }
    if (!refused.isEmpty())
        *error = QCoreApplication::translate("EditSession", "the edits of %1 could not be taken back")
                     .arg(refused.join(QStringLiteral(", ")));
    return rows;
}

void EditSession::rememberDelete(const QString& table, const QStringList& ids)
{
    m_deletedTable = table;
    m_deletedIds = ids;
}

void EditSession::forgetDelete()
{
    m_deletedTable.clear();
    m_deletedIds.clear();
}

bool EditSession::undoDelete(QString* error)
{
    AgencyTableModel* model = modelOf(m_deletedTable);
    const QStringList ids = std::exchange(m_deletedIds, {});
    m_deletedTable.clear();
    if (!model || ids.isEmpty()) {
        *error = QCoreApplication::translate("EditSession", "There is no delete to undo.");
        return false;
    }
    if (!model->restore(ids)) {
        *error = model->lastMessage();
        return false;
    }
    return true;
}

AgencyTableModel* EditSession::modelOf(const QString& table) const
{
    const auto it = std::find_if(
        m_models.cbegin(), m_models.cend(), [&](const AgencyTableModel* m) { return m->tableName() == table; });
    return it == m_models.cend() ? nullptr : *it;
}

} // namespace agency::tables
