// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reports/campaignfigures.h"
#include "tables/budgetqueries.h"

#include <QSplitter>
#include <QSqlDatabase>
#include <QString>
#include <memory>
#include <optional>

class QTableView;

namespace agency::tables {
class AgencyTableModel;
class BackgroundReader;
class CampaignModel;
class ChannelModel;
}

class QChartView;

namespace agency::ui {

class WorkPanel;

class BudgetSplitChart;
class BudgetSplitPanel;
class KpiChart;

// Under Clients: the selected client's campaigns, read-only; Enter or a double-click opens one.
class ClientCampaignsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ClientCampaignsPanel(QSqlDatabase db, QWidget* parent = nullptr);

    void setClient(const QString& id); // empty: none
    void refresh();
    void setShowDeleted(bool show); // a deleted client's campaigns, deleted with it
    QTableView* view() const { return m_view; }

Q_SIGNALS:
    void openCampaign(const QString& id);

private:
    tables::CampaignModel* m_model;
    QTableView* m_view;
};

// Under Campaigns: the selected campaign's channels beside its budget split (figures and pie), its KPIs and its work.
// The figures follow unsaved edits (the channels as edited on the Channels page, the budget as typed on the Campaigns
// page); the charts show what is saved. What is saved is read on a database thread of the panel's own (a clone of
// the window's connection), never on the GUI thread: opening a campaign over a slow link never freezes the window.
class CampaignDetailPanel : public QSplitter {
    Q_OBJECT
public:
    // `campaigns` and `channels`: the pages' models, whose unsaved edits the split shows.
    CampaignDetailPanel(
        QSqlDatabase db, tables::CampaignModel* campaigns, tables::ChannelModel* channels, QWidget* parent = nullptr);
    ~CampaignDetailPanel() override;

    void setCampaign(const QString& id); // empty: none
    // The split as the campaign's and channels' unsaved edits make it, from the budget read last: no read.
    void updateSplit();
    // After a change elsewhere: the saved figures read again (in the background), then the split and the charts.
    void reloadFigures();
    // Whether figures asked for have not come back yet; figuresShown() when they have.
    bool isReading() const { return m_reading; }
    void refresh(); // after a save: the channel list, the split and the charts
    BudgetSplitChart* pie() const { return m_pie; }
    WorkPanel* work() const { return m_work; }
    QChartView* pacing() const { return m_pacing; } // its spend against the plan (Pacing tab)
    KpiChart* kpis() const { return m_kpiChart; }
    BudgetSplitPanel* split() const { return m_budget; }

Q_SIGNALS:
    void openChannel(const QString& id);
    void figuresShown();

private:
    void showFigures(const reports::CampaignFigures& figures);
    void showSpendCurve(const reports::CampaignFigures& figures);
    // "Hidden: your database role may not read …" for those labels.
    static QString hiddenText(const QStringList& labels);

    QSqlDatabase m_db;
    QString m_budgetHidden; // what the split and pie say instead, when the role may not read the budget
    tables::CampaignModel* m_campaigns;
    tables::ChannelModel* m_channels;
    QString m_campaign;
    std::optional<tables::CampaignBudget> m_saved; // the campaign's budget as last read
    std::unique_ptr<tables::BackgroundReader> m_reader; // none where the connection cannot be cloned
    bool m_reading = false;
    tables::ChannelModel* m_model; // the campaign's channels, as saved
    QTableView* m_view;
    BudgetSplitPanel* m_budget;
    BudgetSplitChart* m_pie;
    KpiChart* m_kpiChart;
    WorkPanel* m_work;
    QChartView* m_pacing;
};

} // namespace agency::ui
