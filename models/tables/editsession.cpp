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
