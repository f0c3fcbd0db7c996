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

namespace {
    reports::Thresholds flagThresholds;
}

void CampaignModel::setThresholds(const reports::Thresholds& thresholds)
{
    flagThresholds = thresholds;
}

QVariant CampaignModel::data(const QModelIndex& index, int role) const
{
    if ((role == WarningRole || role == CautionRole || role == Qt::ToolTipRole) && index.isValid()
        && index.column() == fieldIndex(QStringLiteral("budget_spent"))) {
        // Judged as the dashboard and the finance review judge it (reports::CampaignLine::attention).
        reports::CampaignLine line;
        line.status = valueAt(index.row(), QStringLiteral("status")).toString();
        line.allocated = domain::Money::parse(valueAt(index.row(), QStringLiteral("budget_allocated")).toString());
        line.spent = domain::Money::parse(valueAt(index.row(), QStringLiteral("budget_spent")).toString());
        // Dates left out: a pace is the dashboard's to judge, not a cell's.
        const reports::Attention level = line.attention(QDate(), flagThresholds);
        const bool warning = level == reports::Attention::OverLimit;
        const bool caution = level == reports::Attention::Warning;
        if ((warning && role != CautionRole) || (caution && role != WarningRole)) {
            if (line.overspent())
                return tr("Overspent by %1").arg((*line.spent - *line.allocated).toDisplayString(QLocale()));
            return line.attentionText(QDate(), flagThresholds);
        }
        if (role != Qt::ToolTipRole)
            return {};
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
