// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaignmodel.h"

#include "budgetqueries.h"
#include "clientmodel.h"
#include "domain/money.h"

namespace agency::tables {

CampaignModel::CampaignModel(QSqlDatabase db, QObject* parent, Load load)
    : AgencyTableModel(campaignsSpec(), db, parent, load)
{
    setSort(fieldIndex(QStringLiteral("start_date")), Qt::DescendingOrder);
    if (load == Load::Now)
        select();
}

void CampaignModel::setClientFilter(const QString& clientId)
{
    m_clientId = clientId;
    setScope(clientId.isEmpty() ? QString() : QStringLiteral("client_id"), clientId);
}

QVariantMap CampaignModel::defaultsForNewRow() const
{
    QVariantMap defaults { { QStringLiteral("status"), QStringLiteral("draft") },
        { QStringLiteral("campaign_type"), QStringLiteral("other") } };
    if (!m_clientId.isEmpty())
        defaults.insert(QStringLiteral("client_id"), m_clientId);
    return defaults;
}

bool CampaignModel::isOverspent(int row) const
{
    const auto allocated = domain::Money::parse(valueAt(row, QStringLiteral("budget_allocated")).toString());
    const auto spent = domain::Money::parse(valueAt(row, QStringLiteral("budget_spent")).toString());
    return allocated && spent && *spent > *allocated;
}

QVariant CampaignModel::data(const QModelIndex& index, int role) const
{
    if ((role == WarningRole || role == Qt::ToolTipRole) && index.isValid()
        && index.column() == fieldIndex(QStringLiteral("budget_spent")) && isOverspent(index.row())) {
        const auto allocated
            = domain::Money::parse(valueAt(index.row(), QStringLiteral("budget_allocated")).toString());
        const auto spent = domain::Money::parse(valueAt(index.row(), QStringLiteral("budget_spent")).toString());
        return tr("Overspent by %1").arg((*spent - *allocated).toDisplayString(QLocale()));
    }
    return AgencyTableModel::data(index, role);
}

void CampaignModel::checkRules(const QString& id, const QVariantMap& row, QList<FieldProblem>& problems)
{
    checkDateOrder(id, row, spec().startColumn, spec().endColumn, problems);

    // Lowering the budget below what the active channels already take is refused with the figures.
    const QString allocatedText = row.value(QStringLiteral("budget_allocated")).toString();
    const auto allocated = domain::Money::parse(allocatedText);
    if (!allocated)
        return;
    QString error;
    const auto budget = readCampaignBudget(database(), id, &error);
    if (!budget) {
        problems.append({ id, QStringLiteral("budget_allocated"), error });
        return;
    }
    const auto split = domain::splitBudget(allocated, budget->channels);
    if (split.isOverAllocated())
        problems.append({ id, QStringLiteral("budget_allocated"), overAllocationMessage(split) });
}

} // namespace agency::tables
