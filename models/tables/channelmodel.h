// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agencytablemodel.h"
#include "budgetqueries.h"
#include "domain/budget.h"
#include "reports/pacebasis.h"
#include "reports/pacingreport.h"

namespace agency::tables {

class ChannelModel : public AgencyTableModel {
    Q_OBJECT
public:
    explicit ChannelModel(QSqlDatabase db, QObject* parent = nullptr, Load load = Load::Now);

    // The campaign's allocation and live channels as they would be with this model's unsaved edits (edited
    // channels replace theirs, new ones join, moved ones leave), and the split of that: what the form shows live.
    std::optional<CampaignBudget> liveBudget(const QString& campaignId, QString* error = nullptr);
    // `budget` (the campaign's budget as the database holds it) with this model's unsaved edits laid over it: no
    // read, so that a form can follow every key without a round trip to the server.
    CampaignBudget withEdits(CampaignBudget budget, const QString& campaignId) const;
    std::optional<domain::BudgetSplit> liveSplit(const QString& campaignId, QString* error = nullptr);

    // The channel's pace (reports::paceOf) as of today: its own share as typed here, saved or not, its campaign's
    // allocation and days and its imported spend as last read. No pace without a budget, dates or for an inactive
    // channel.
    std::optional<reports::Pace> paceAt(int row) const;
    // Whether the Pace column is read at all (a list that does not show it need not ask for it). Before the first
    // read.
    void setPacesShown(bool shown) { m_pacesShown = shown; }

protected:
    void checkRules(const QString& id, const QVariantMap& row, QList<FieldProblem>& problems) override;
    // One derived column, Pace: its percentage and light, the figures in its tooltip; over in WarningRole, under in
    // CautionRole. What it needs is read per page of rows, in one statement, on a thread and connection of its own
    // (the rows are painted first; the paces follow, told by dataChanged on the column).
    int derivedColumnCount() const override { return 1; }
    QVariant derivedData(int row, int derived, int role) const override;
    QVariant derivedHeader(int derived, int role) const override;
    void rowsRead(const QStringList& ids, bool replacing) override;

Q_SIGNALS:
    // The paces of rows read meanwhile are in (tests and benchmarks wait for it).
    void pacesRead();

private:
    void readPaces(); // the next batch of m_paceWanted, unless one is under way

    QHash<QString, reports::PaceBasis> m_paceBases;
    QDate m_paceAsOf;
    QStringList m_paceWanted; // rows read whose pace is not yet
    bool m_paceReading = false;
    bool m_mayReadSpend = true; // until the server says the role may not
    bool m_pacesShown = true;
    std::unique_ptr<BackgroundReader> m_paceReader; // none on an in-memory SQLite database: read in place
};

} // namespace agency::tables
