// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/connectionstring.h"
#include "reports/financereport.h"

#include <QMap>
#include <QSqlDatabase>
#include <QWidget>
#include <memory>

class QChartView;
class QLabel;
class QComboBox;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace agency::db {
class BackgroundJob;
}

namespace agency::ui {

class ChoiceCombo;
class ContractsPanel;
class PacingPanel;
class OptionalDateEdit;

// Finance at a glance: the headline figures of the filter (allocated, spent, remaining, burn, overspent, campaigns
// without a figure), allocated vs spent by client (overspend in red), spend by campaign type, retainer value by tier
// — each chart beside a table of its exact figures — and the campaigns that need attention, most severe first (over
// the limit, past the warning threshold, projected to overspend, off pace), with filters and the thresholds. Charts
// follow the data: the window calls refresh() after any save. The figures are worked out off the GUI thread, on a
// connection of their own, and only while the page is shown (a refresh asked for meanwhile is done when it is next
// shown).
class DashboardPage : public QWidget {
    Q_OBJECT
public:
    DashboardPage(QSqlDatabase db, db::ConnectionString where, QWidget* parent = nullptr);
    ~DashboardPage() override;

    void refresh();
    bool isRefreshing() const { return m_running; }
    reports::ReportFilter filter() const;
    QString filterText() const;
    QList<QChartView*> chartViews() const { return m_views; }
    QTableWidget* attention() const { return m_attention; }
    ContractsPanel* contracts() const { return m_contracts; }
    PacingPanel* pacing() const { return m_pacing; }
    // The headline figure `name` (allocated, spent, remaining, burn, overspent, missing) as shown.
    QString headline(const QString& name) const;
    // The table of a chart's figures (0: clients, 1: types, 2: tiers).
    QTableWidget* figuresTable(int index) const { return m_tables.at(index); }
    reports::Thresholds thresholds() const;
    bool saveChart(int index, const QString& path, QString* error) const;
    // The finance review as PDF: the figures read off the GUI thread, then drawn. Returns at once; message() says how
    // it went, then fileWritten().
    void exportReview(const QString& path);
    // The review's figures as CSV, the same file as `report finance --format csv` writes for this filter, read and
    // written off the GUI thread; cancelling leaves no file. Told as exportReview() tells.
    void exportFinanceCsv(const QString& path);

Q_SIGNALS:
    void openCampaign(const QString& id);
    void openClient(const QString& id);
    void message(const QString& text);
    void fileWritten(bool ok); // after an export's message()
    void refreshed();
    // The warning and limit shares a person set (and the window flags spent cells by).
    void thresholdsChanged(const reports::Thresholds& thresholds);

protected:
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Figures;
    void start();
    void showFigures(const Figures& figures);
    void showTotals(const Figures& figures); // the headline and the tables beside the charts
    void reloadClients();

    QSqlDatabase m_db;
    db::ConnectionString m_where;
    bool m_stale = true;
    bool m_running = false;
    bool m_again = false;
    std::unique_ptr<db::BackgroundJob> m_job; // the figures being worked out, or the last that were
    QLabel* m_state = nullptr;
    QComboBox* m_status;
    ChoiceCombo* m_client;
    QComboBox* m_type;
    OptionalDateEdit* m_from;
    OptionalDateEdit* m_to;
    QSpinBox* m_warnAt;
    QSpinBox* m_limitAt;
    QList<QChartView*> m_views;
    QList<QTableWidget*> m_tables;
    QMap<QString, QLabel*> m_headline;
    QLabel* m_headlineNote;
    QTableWidget* m_attention;
    ContractsPanel* m_contracts;
    PacingPanel* m_pacing;
    QTabWidget* m_sideTabs; // the attention list, the channels' pacing and the contracts
};

} // namespace agency::ui
