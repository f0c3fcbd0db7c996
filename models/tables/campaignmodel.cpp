// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaignmodel.h"

#include "budgetqueries.h"
#include "domain/money.h"

namespace agency::tables {

CampaignModel::CampaignModel(QSqlDatabase db, QObject* parent, Load load)
    : AgencyTableModel(campaignsSpec(), db, parent, load)
{
}

bool CampaignModel::isOverspent(int row) const
{
    const auto allocated = domain::Money::parse(valueAt(row, spec().columnFor(ColumnRole::Allocated)).toString());
    const auto spent = domain::Money::parse(valueAt(row, spec().columnFor(ColumnRole::Spent)).toString());
    return allocated && spent && *spent > *allocated;
}

bool CampaignModel::typedAllocation(const QString& id, std::optional<domain::Money>* allocated) const
{
    const QVariantMap edited = editedRow(id);
    if (edited.isEmpty())
        return false;
    *allocated = domain::Money::parse(edited.value(spec().columnFor(ColumnRole::Allocated)).toString());
    return true;
}

void CampaignModel::setThresholds(const reports::Thresholds& thresholds)
{
    m_thresholds = thresholds;
    if (const int spent = fieldIndex(spec().columnFor(ColumnRole::Spent)); spent >= 0 && rowCount() > 0)
        Q_EMIT dataChanged(index(0, spent), index(rowCount() - 1, spent));
}

QVariant CampaignModel::data(const QModelIndex& index, int role) const
{
    if ((role == WarningRole || role == CautionRole || role == Qt::ToolTipRole) && index.isValid()
        && index.column() == fieldIndex(spec().columnFor(ColumnRole::Spent))) {
        // Judged as the dashboard and the finance review judge it (reports::CampaignLine::attention).
        reports::CampaignLine line;
        line.status = valueAt(index.row(), spec().columnFor(ColumnRole::Status)).toString();
        line.allocated = domain::Money::parse(valueAt(index.row(), spec().columnFor(ColumnRole::Allocated)).toString());
        line.spent = domain::Money::parse(valueAt(index.row(), spec().columnFor(ColumnRole::Spent)).toString());
        // Dates left out: a pace is the dashboard's to judge, not a cell's.
        const reports::Attention level = line.attention(QDate(), m_thresholds);
        const bool warning = level == reports::Attention::OverLimit;
        const bool caution = level == reports::Attention::Warning;
        if ((warning && role != CautionRole) || (caution && role != WarningRole)) {
            if (line.overspent())
                return tr("Overspent by %1").arg((*line.spent - *line.allocated).toDisplayString(QLocale()));
            return line.attentionText(QDate(), m_thresholds);
        }
        if (role != Qt::ToolTipRole)
            return {};
    }
    return AgencyTableModel::data(index, role);
}

void CampaignModel::checkRules(const QString& id, const QVariantMap& row, QList<FieldProblem>& problems)
{
    AgencyTableModel::checkRules(id, row, problems);

    // Lowering the budget below what the active channels already take is refused with the figures.
    const QString allocatedText = row.value(spec().columnFor(ColumnRole::Allocated)).toString();
    const auto allocated = domain::Money::parse(allocatedText);
    if (!allocated)
        return;
    QString error;
    const auto budget = readCampaignBudget(database(), id, &error);
    if (!budget) {
        problems.append({ id, spec().columnFor(ColumnRole::Allocated), error });
        return;
    }
    const auto split = domain::splitBudget(allocated, budget->channels);
    if (split.isOverAllocated())
        problems.append({ id, spec().columnFor(ColumnRole::Allocated), overAllocationMessage(split) });
}

} // namespace agency::tables
